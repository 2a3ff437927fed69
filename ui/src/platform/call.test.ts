// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { call } from "./call";
import { CommandError } from "./CommandError";

afterEach(() => clearMocks());

describe("call", () => {
  it("sends the request under the argument name `req` and returns the reply", async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return { version: "9.9.9" };
    });
    const reply = await call("app_info", {});
    expect(seen, "the Rust wrappers take one argument named req").toEqual({ cmd: "app_info", args: { req: {} } });
    expect((reply as unknown as { version: string }).version).toBe("9.9.9");
  });

  it("turns a {code, message} rejection into a CommandError with that code", async () => {
    mockIPC(() => {
      throw { code: "databaseLocked", message: "the database /x is locked" };
    });
    const error = await call("app_info", {}).catch((e: unknown) => e);
    expect(error, "callers catch one error type").toBeInstanceOf(CommandError);
    expect((error as CommandError).code, "the UI branches on the code, never on the text").toBe("databaseLocked");
    expect((error as CommandError).message).toBe("the database /x is locked");
  });

  it("gives an unknown code to anything that is not a backend error", async () => {
    mockIPC(() => {
      throw { code: "somethingNew", message: "?" };
    });
    const error = (await call("app_info", {}).catch((e: unknown) => e)) as CommandError;
    expect(error.code, "a code outside the closed set is treated as unknown").toBe("unknown");
  });
});
