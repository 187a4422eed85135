import { describe, expect, it, vi } from "vitest";
import { makeAnalysis } from "@/testing/domain/records";
import { deleteAccount, type MyDataDeps } from "./my-data";
import { BackendError } from "../port";

const deleteUser = vi.hoisted(() => vi.fn(async () => {}));
vi.mock("aws-amplify/auth", () => ({ deleteUser }));

function deps(confirmPassword: MyDataDeps["confirmPassword"]) {
  const deleted: string[] = [];
  const fake: MyDataDeps = {
    requireUser: async () => ({ id: "user-sub", email: "a@example.com" }),
    confirmPassword: vi.fn(confirmPassword),
    listAnalyses: async () => ({ items: [makeAnalysis({ id: "a1" }), makeAnalysis({ id: "a2" })], nextCursor: null }),
    deleteAnalysis: async (id) => {
      deleted.push(id);
    },
    getImageUrl: async () => null,
  };
  return { fake, deleted };
}

describe("Amplify: delete my account", () => {
  it("re-authenticates with Cognito first; a wrong password deletes nothing", async () => {
    deleteUser.mockClear();
    const { fake, deleted } = deps(async () => {
      throw new BackendError("WRONG_PASSWORD", "That password isn't right. Nothing was deleted.");
    });
    await expect(deleteAccount(fake, "wrong")).rejects.toMatchObject({ code: "WRONG_PASSWORD" });
    expect(fake.confirmPassword).toHaveBeenCalledWith("wrong");
    expect(deleted).toEqual([]);
    expect(deleteUser).not.toHaveBeenCalled();
  });

  it("with the right password deletes every analysis, then the Cognito user", async () => {
    deleteUser.mockClear();
    const { fake, deleted } = deps(async () => {});
    await deleteAccount(fake, "right");
    expect(deleted.sort()).toEqual(["a1", "a2"]);
    expect(deleteUser).toHaveBeenCalledOnce();
  });
});
