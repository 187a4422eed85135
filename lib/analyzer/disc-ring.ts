/**
 * Where a pixel offset (dx, dy) from a blob's centre falls: 1 in the disc (d ≤ inner), 2 in the ring
 * (inner < d ≤ outer), 0 outside, with d = Math.hypot(dx, dy). The candidate features read a disc and a ring
 * around each of ~100 candidates per face, and Math.hypot per pixel was the detectors' largest cost; the
 * squared distance settles every pixel except those within 1e-6 px of a boundary, which Math.hypot still
 * decides, so the answer is always the one Math.hypot gives.
 */
export function discOrRing(dx: number, dy: number, inner: number, outer: number): 0 | 1 | 2 {
  const s = dx * dx + dy * dy;
  const EPS = 1e-6;
  if (s > (outer + EPS) * (outer + EPS)) return 0;
  if (inner > EPS && s < (inner - EPS) * (inner - EPS)) return 1;
  if (s > (inner + EPS) * (inner + EPS) && outer > EPS && s < (outer - EPS) * (outer - EPS)) return 2;
  const d = Math.hypot(dx, dy);
  return d <= inner ? 1 : d <= outer ? 2 : 0;
}
