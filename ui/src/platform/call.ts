import { invoke } from "@tauri-apps/api/core";
import type { Commands } from "../bindings/Commands";
import { CommandError } from "./CommandError";

export type CommandName = keyof Commands;
export type CommandRequest<K extends CommandName> = Commands[K][0];
export type CommandResponse<K extends CommandName> = Commands[K][1];

/**
 * Calls a backend command. Every command takes one argument named `req`
 * (the Rust side declares `fn name(req: NameRequest)`), and rejects with
 * `{ code, message }`, which becomes a thrown `CommandError`.
 */
export async function call<K extends CommandName>(
  name: K,
  request: CommandRequest<K>,
): Promise<CommandResponse<K>> {
  try {
    return await invoke<CommandResponse<K>>(name, { req: request });
  } catch (rejected) {
    throw CommandError.from(rejected);
  }
}
