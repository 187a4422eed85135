/** MediaPipe mesh points on the face's midline: the top of the forehead and the bottom of the chin. */
const FOREHEAD_TOP = 10;
const CHIN_BOTTOM = 152;

/**
 * Head roll in the picture plane, radians: the angle of the face's midline (forehead top → chin) from the
 * image's vertical, positive when the face is turned clockwise on screen (its eye line falling to the right).
 * The midline stays vertical under yaw and pitch, so this reads the turn alone. Measured on the 22 dev faces
 * turned 10–50° either way (sharp rotate): it reads the applied angle plus the face's own roll within 0.6–0.9°
 * (median), ≤ 3.7° up to 20°; the eye-corner line (33–263) read 0.8–1.2° and up to 12–13° off on a face
 * looking down 23°. Human's `rotation.angle.roll` is the same midline taken in 3-D: within 0.3° of this (median).
 */
export function inPlaneRoll(mesh: ReadonlyArray<readonly [number, number]>): number {
  const top = mesh[FOREHEAD_TOP];
  const chin = mesh[CHIN_BOTTOM];
  if (!top || !chin) return 0;
  return Math.atan2(-(chin[0] - top[0]), chin[1] - top[1]);
}
