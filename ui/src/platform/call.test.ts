import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { AppInfo } from "../bindings/AppInfo";
import { sampleAppInfo } from "../test/render";
import { call } from "./call";
import { CommandError } from "./CommandError";

async function rejection(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "callers catch one error type").toBeInstanceOf(CommandError);
  return error as CommandError;
}

describe("call", () => {
  it("sends the request under the argument name `req` and returns the reply", async () => {
    const seen: Array<{ cmd: string; args: unknown }> = [];
    const info: AppInfo = sampleAppInfo({ version: "9.9.9" });
    mockIPC((cmd, args) => {
      seen.push({ cmd, args });
      return info;
    });
    const reply = await call("app_info", {});
    expect(seen, "the Rust commands take one argument named req").toEqual([{ cmd: "app_info", args: { req: {} } }]);
    expect(reply.version, "the reply is passed through untouched").toBe("9.9.9");
  });

  it("turns a {code, message} rejection into a CommandError with that code", async () => {
    mockIPC(() => {
      throw { code: "databaseLocked", message: "the database /x is locked" };
    });
    const error = await rejection(call("app_info", {}));
    expect(error.code, "the UI branches on the code, never on the text").toBe("databaseLocked");
    expect(error.message, "the backend's detail is kept for display").toBe("the database /x is locked");
  });

  it("gives code unknown to a code outside the closed set", async () => {
    mockIPC(() => {
      throw { code: "somethingNew", message: "from a newer backend" };
    });
    const error = await rejection(call("app_info", {}));
    expect(error.code, "an unrecognised code must not reach the UI's lookups").toBe("unknown");
    expect(error.message, "the detail still helps support").toBe("from a newer backend");
  });

  it("gives code unknown to plain strings and thrown errors", async () => {
    mockIPC(() => {
      throw "command app_info not found";
    });
    const fromString = await rejection(call("app_info", {}));
    expect(fromString.code, "Tauri itself rejects with strings, e.g. for a missing command").toBe("unknown");
    expect(fromString.message).toBe("command app_info not found");

    mockIPC(() => {
      throw new TypeError("window.__TAURI_INTERNALS__ is undefined");
    });
    const fromError = await rejection(call("app_info", {}));
    expect(fromError.code, "a JavaScript failure is not a backend code").toBe("unknown");
    expect(fromError.message).toBe("window.__TAURI_INTERNALS__ is undefined");
  });
});
