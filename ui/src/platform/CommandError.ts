import type { ErrorCode } from "../bindings/ErrorCode";

/**
 * Every code the backend may send. A `Record` rather than a list so that a new
 * `ErrorCode` variant from the generated bindings fails the type check here.
 */
const KNOWN_CODES: Record<ErrorCode, true> = {
  validation: true,
  notConfigured: true,
  keychainUnavailable: true,
  dataDirUnreadable: true,
  databaseNewerThanApp: true,
  databaseCorrupt: true,
  databaseLocked: true,
  remoteUnavailable: true,
  remoteRefused: true,
  unknown: true,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(KNOWN_CODES, value);
}

/**
 * A failed backend command. The UI decides what to show from `code` alone;
 * `message` is English detail text from the backend, shown as-is, never parsed.
 */
export class CommandError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "CommandError";
    this.code = code;
  }

  /** Turns whatever a rejected `invoke` gave into a `CommandError`. */
  static from(rejected: unknown): CommandError {
    if (rejected instanceof CommandError) {
      return rejected;
    }
    if (typeof rejected === "object" && rejected !== null && "code" in rejected) {
      const { code, message } = rejected as { code: unknown; message?: unknown };
      const text = typeof message === "string" ? message : "";
      return new CommandError(isErrorCode(code) ? code : "unknown", text);
    }
    if (rejected instanceof Error) {
      return new CommandError("unknown", rejected.message);
    }
    if (typeof rejected === "string") {
      return new CommandError("unknown", rejected);
    }
    return new CommandError("unknown", safeStringify(rejected));
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
