/**
 * Test doubles for the backend, for unit tests only (the app never imports this
 * file, so it stays out of the bundle). Keeps `@tauri-apps/*` inside platform/.
 */
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { CommandName, CommandRequest, CommandResponse } from "./call";

export type CommandHandlers = {
  [K in CommandName]?: (request: CommandRequest<K>) => CommandResponse<K> | Promise<CommandResponse<K>>;
};

/**
 * Answers commands with `handlers`; a handler may throw `{ code, message }` to
 * act as a backend error. A command without a handler rejects with code unknown.
 */
export function mockCommands(handlers: CommandHandlers): void {
  mockIPC((cmd, args) => {
    if (!Object.hasOwn(handlers, cmd)) {
      throw { code: "unknown", message: `no mock for command ${cmd}` };
    }
    const handler = handlers[cmd as CommandName];
    const request = (args as { req?: unknown } | undefined)?.req;
    return handler?.(request as never);
  });
}

export function clearCommandMocks(): void {
  clearMocks();
}
