/**
 * Node flags for a process that runs the analyzer (the model server, its analysis threads, the bench).
 *
 * The analyzer keeps ≈ 31 MB live (the face model, tfjs, the code) and V8 sized the old generation's limit at
 * ≈ 1.7× that, 54 MB. V8 starts incremental marking once the space left under the limit is smaller than the
 * young generation, which it already was right after a full GC: --trace-gc showed one mark-compact in every
 * analysis ("GC in old space requested", 31.5 → 31.3 MB, nothing freed), and collecting it showed up as
 * "crop" time (cropFace 13 ms on its own, 40+ ms after detect). A configured initial old space is kept as the
 * limit's floor: with 128 MB the loop of 30 analyses ran one mark-compact instead of one each, CPU per analysis
 * 318/287 → 234/235 ms, peak RSS +12–20 MB (speed6, alternating processes at load 9–12). V8 flags are
 * process-wide, so they also reach the worker threads' isolates.
 */
export const ANALYZER_NODE_FLAGS = ["--initial-old-space-size=128"] as const;
