import { existsSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { analysisSchema } from "@/lib/domain/analysis";
import { openOwnerFixture } from "@/testing/local-cloud/owner-fixture";
import { createSession } from "../auth/sessions";
import { recordSignInFailure } from "../auth/throttle";
import { runHousekeeping } from "../housekeeping";
import { eraseOwner } from "./erase-owner";
import { buildExportArchive } from "./export-archive";
import { deleteExpiredPhotos } from "./photo-retention";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const fixture = () => {
  const f = openOwnerFixture();
  cleanups.push(f.cleanup);
  return f;
};
const DAY = 24 * 3600 * 1000;
const t0 = new Date("2025-03-01T10:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("photo retention", () => {
  it("deletes a photo (file and reference) exactly `days` after upload, keeping the result", async () => {
    const f = fixture();
    const user = f.addUser();
    const old = await f.completeAnalysis(user.id, t0);
    const newer = await f.completeAnalysis(user.id, at(5 * DAY));
    const photo = (key: string | null) => existsSync(join(f.dataDir, key ?? "missing"));

    expect(await deleteExpiredPhotos(f, at(30 * DAY - 1), 30)).toBe(0);
    expect(photo(old.imageKey)).toBe(true);

    expect(await deleteExpiredPhotos(f, at(30 * DAY), 30)).toBe(1);
    expect(photo(old.imageKey)).toBe(false);
    const kept = f.store.get(user.id, old.id);
    expect(kept).toMatchObject({ status: "COMPLETE", imageKey: null, report: old.report });
    expect(photo(newer.imageKey)).toBe(true);
    // Done once: the next sweep finds nothing more for that record.
    expect(await deleteExpiredPhotos(f, at(31 * DAY), 30)).toBe(0);
  });

  it("follows the configured number of days, through the runner's sweep", async () => {
    const f = fixture();
    const user = f.addUser();
    const analysis = await f.completeAnalysis(user.id, t0);
    expect(await runHousekeeping({ ...f, photoRetentionDays: 2 }, at(2 * DAY - 1))).toMatchObject({ photosDeleted: 0 });
    expect(await runHousekeeping({ ...f, photoRetentionDays: 2 }, at(2 * DAY))).toMatchObject({ photosDeleted: 1 });
    expect(f.store.get(user.id, analysis.id).imageKey).toBeNull();
  });
});

describe("deleting an account", () => {
  it("leaves nothing of the user in SQLite, DATA_DIR/uploads or the event log, and nothing of anyone else goes", async () => {
    const f = fixture();
    const user = f.addUser("leaver@example.com");
    const other = f.addUser("stayer@example.com");
    const analyses = [await f.completeAnalysis(user.id, t0), await f.completeAnalysis(user.id, at(1000))];
    const theirs = await f.completeAnalysis(other.id, t0);
    createSession(f.db, user.id, t0, 24);
    createSession(f.db, other.id, t0, 24);
    recordSignInFailure(f.db, user.email, "203.0.113.7", t0);
    expect(f.rowsMentioning(user.id, user.email).length).toBeGreaterThan(5);

    await eraseOwner(f, user.id);

    expect(f.rowsMentioning(user.id, user.email, ...analyses.map((a) => a.id))).toEqual([]);
    expect(f.hasUploads(user.id)).toBe(false);
    expect(f.bus.replay(user.id, 0)).toEqual([]);
    expect(f.store.get(other.id, theirs.id).imageKey).toBe(theirs.imageKey);
    expect(f.hasUploads(other.id)).toBe(true);
    expect(f.bus.replay(other.id, 0).length).toBeGreaterThan(0);
  });
});

describe("download my data", () => {
  it("zips every analysis as JSON and the photos still kept, and nothing of anyone else", async () => {
    const f = fixture();
    const user = f.addUser("me@example.com");
    const withPhoto = await f.completeAnalysis(user.id, at(40 * DAY));
    const photoGone = await f.completeAnalysis(user.id, t0);
    await deleteExpiredPhotos(f, at(30 * DAY), 30);
    const stranger = await f.completeAnalysis(f.addUser().id, t0);

    const files = unzipSync(await buildExportArchive(f, user, at(41 * DAY)));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [
        "README.txt",
        "account.json",
        `analyses/1-${withPhoto.id}.json`,
        `analyses/2-${photoGone.id}.json`,
        `photos/${withPhoto.id}.jpg`,
      ].sort(),
    );
    const read = (name: string) => JSON.parse(strFromU8(files[name] ?? new Uint8Array())) as unknown;
    expect(read("account.json")).toMatchObject({ id: user.id, email: "me@example.com" });
    const exported = analysisSchema.parse(read(`analyses/1-${withPhoto.id}.json`));
    expect(exported.survey).toEqual(withPhoto.survey);
    expect(exported.report).toEqual(withPhoto.report);
    expect(exported.recommendation).toEqual(withPhoto.recommendation);
    expect(Buffer.from(files[`photos/${withPhoto.id}.jpg`] ?? [])).toEqual(
      await f.storage.read(withPhoto.imageKey ?? ""),
    );
    expect(JSON.stringify(names)).not.toContain(stranger.id);
  });
});
