import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { analysisSchema, type Analysis } from "@/lib/domain/analysis";
import { GUEST_TTL_MS } from "../auth/guest-sessions";
import type { Db } from "../db";
import { LocalCloudError } from "../errors";

/**
 * A finished guest check is deleted on the server the moment it has been shown. What the guest's
 * browser keeps is a signed copy of the result (without the photo): if they create an account
 * within the day, it is checked and moved into their new history. Nothing of it waits on the server.
 */

const payloadSchema = z.object({ v: z.literal(1), exp: z.number().int(), analysis: analysisSchema });

function signingKey(db: Db): Buffer {
  const read = () =>
    z
      .object({ value: z.instanceof(Buffer) })
      .optional()
      .parse(db.prepare("SELECT value FROM secrets WHERE name = 'guest-claim'").get());
  const existing = read();
  if (existing) return existing.value;
  db.prepare("INSERT OR IGNORE INTO secrets (name, value) VALUES ('guest-claim', ?)").run(randomBytes(32));
  const created = read();
  if (!created) throw new LocalCloudError("INTERNAL", "Something went wrong on our side. Please try again.");
  return created.value;
}

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest("base64url");

export function signGuestClaim(db: Db, analysis: Analysis, now: Date): string {
  const body = Buffer.from(
    JSON.stringify({
      v: 1,
      exp: now.getTime() + GUEST_TTL_MS,
      analysis: { ...analysis, owner: "guest", imageKey: null },
    }),
  ).toString("base64url");
  return `${body}.${mac(signingKey(db), body)}`;
}

const invalid = () =>
  new LocalCloudError(
    "UNPROCESSABLE",
    "That guest result can no longer be kept. Please run a new check from your account.",
  );

/** The analysis a claim carries, if its signature holds and it has not expired; otherwise 422. */
export function openGuestClaim(db: Db, claim: string, now: Date): Analysis {
  const [body, signature, extra] = claim.split(".");
  if (!body || !signature || extra !== undefined) throw invalid();
  const expected = Buffer.from(mac(signingKey(db), body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch (error) {
    throw new LocalCloudError("UNPROCESSABLE", invalid().message, { cause: error });
  }
  if (payload.exp <= now.getTime()) throw invalid();
  return payload.analysis;
}
