import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Config, FaceResult, Human } from "@vladmandic/human";
import { inPlaneRoll } from "./face-roll";

/** One detected face, in image pixels. */
export type DetectedFace = {
  box: { x: number; y: number; width: number; height: number };
  /** 468 (x, y) mesh points in image pixels. */
  mesh: Array<[number, number]>;
  /** Radians; roll is in the picture plane (face-roll.ts), yaw and pitch are human's. */
  pose: { yaw: number; pitch: number; roll: number };
  score: number;
};

const require = createRequire(import.meta.url);

/**
 * human's package `exports` sends Node to human.node.js, which needs tfjs-node (it downloads
 * libtensorflow and cannot install here). The node-wasm build sits next to it: resolve the main
 * entry and load its sibling by path.
 */
function humanDistDir(): string {
  return path.dirname(require.resolve("@vladmandic/human"));
}

function wasmDir(): string {
  return path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm")) + path.sep;
}

/**
 * Without tfjs-node there is no `file://` IO handler: read model.json and its weight shards from
 * disk ourselves. It must be registered on human's own tfjs instance: under an ESM loader
 * `import "@tensorflow/tfjs-core"` gets the ESM build, a different registry from the CJS one human requires.
 */
function registerFileLoader(tf: typeof TfCore): void {
  // tfjs's router type omits null, but its registry skips routers that return null.
  const router = (url: string | string[]): TfCore.io.IOHandler | null => {
    const s = Array.isArray(url) ? url[0] : url;
    if (typeof s !== "string" || !s.startsWith("file://")) return null;
    const jsonPath = fileURLToPath(s);
    return {
      load: async () => {
        const json = JSON.parse(await readFile(jsonPath, "utf8")) as TfCore.io.ModelJSON;
        return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
          const specs = manifest.flatMap((group) => group.weights);
          const buffers = await Promise.all(
            manifest.flatMap((group) => group.paths.map((p) => readFile(path.join(path.dirname(jsonPath), p)))),
          );
          const joined = Buffer.concat(buffers);
          const data = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
          return [specs, data];
        });
      },
    };
  };
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0]);
}

function buildConfig(): Partial<Config> {
  const modelDir = path.join(humanDistDir(), "..", "models") + path.sep;
  const off = { enabled: false };
  return {
    backend: "wasm",
    wasmPath: wasmDir(),
    modelBasePath: pathToFileURL(modelDir).href,
    debug: false,
    async: false,
    // "none": warming up on a synthetic image costs ~0.5 s of cold start; our warmUp() runs one real detection instead.
    warmup: "none",
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      // Rotation correction keeps the mesh on tilted heads; the quality gate then judges the pose.
      detector: {
        rotation: true,
        maxDetected: 6,
        minConfidence: 0.3,
        iouThreshold: 0.1,
        return: false,
        skipFrames: 0,
        skipTime: 0,
      },
      mesh: { enabled: true },
      attention: off,
      iris: off,
      emotion: off,
      description: off,
      antispoof: off,
      liveness: off,
      gear: off,
    },
    body: off,
    hand: off,
    object: off,
    gesture: off,
    segmentation: off,
  } as Partial<Config>;
}

let humanPromise: Promise<Human> | null = null;

async function createHuman(): Promise<Human> {
  const mod = require(path.join(humanDistDir(), "human.node-wasm.js")) as { Human: new (c: Partial<Config>) => Human };
  const human = new mod.Human(buildConfig());
  registerFileLoader(human.tf as unknown as typeof TfCore);
  await human.load();
  await human.tf.ready();
  return human;
}

/** Loads the detector and mesh once per process. */
export function loadFaceModel(): Promise<Human> {
  humanPromise ??= createHuman().catch((err: unknown) => {
    humanPromise = null;
    throw err;
  });
  return humanPromise;
}

function toFace(f: FaceResult): DetectedFace | null {
  if (f.mesh.length < 468) return null;
  const [x, y, width, height] = f.box;
  const angle = f.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
  const mesh = f.mesh.map((p) => [p[0], p[1]] as [number, number]);
  return {
    box: { x, y, width, height },
    mesh,
    // Roll from the mesh's own 2-D midline: the angle the crop turns the face upright by (face-roll.ts).
    pose: { yaw: angle.yaw, pitch: angle.pitch, roll: inPlaneRoll(mesh) },
    score: f.score,
  };
}

/**
 * The int32 copy of the pixels the input tensor is made from, kept for the next detection: given bytes, tfjs
 * allocated a fresh Int32Array (4.9 MB for a 640 px square) on every detection and converted into it element by
 * element (5 ms, --cpu-prof). The wasm backend copies a tensor's values into its own memory when the tensor is
 * made, so reusing the array afterwards cannot reach a tensor.
 */
let int32Pixels = new Int32Array(0);

/** The bytes as int32, in the reused array: valid until the next call. */
export function toInt32(rgb: Uint8Array): Int32Array {
  if (int32Pixels.length < rgb.length) int32Pixels = new Int32Array(rgb.length);
  const out = int32Pixels.subarray(0, rgb.length);
  out.set(rgb);
  return out;
}

/** Detects faces in packed RGB pixels (3 channels, row-major). Largest face first. */
export async function detectFaces(rgb: Uint8Array, width: number, height: number): Promise<DetectedFace[]> {
  const human = await loadFaceModel();
  const input = human.tf.tensor3d(toInt32(rgb), [height, width, 3], "int32");
  try {
    const result = await human.detect(input as unknown as Parameters<Human["detect"]>[0]);
    return result.face
      .map(toFace)
      .filter((f): f is DetectedFace => f !== null)
      .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  } finally {
    input.dispose();
  }
}
