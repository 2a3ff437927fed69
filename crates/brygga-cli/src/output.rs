//! How commands answer: JSON for scripts, short text for people, errors on stderr, and the exit
//! codes every command shares.

use std::process::ExitCode;

use serde::Serialize;

/// Everything went through.
pub const DONE: u8 = 0;
/// The command ran, but some records failed; they are listed.
pub const SOME_FAILED: u8 = 1;
/// The command could not run: bad usage or configuration, named in the message.
pub const UNUSABLE: u8 = 2;

/// Prints `value` as pretty JSON.
pub fn json(value: &impl Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::from(DONE)
        }
        Err(err) => fail(format!("cannot write JSON: {err}")),
    }
}

/// Reports a command that could not run.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("brygga: {message}");
    ExitCode::from(UNUSABLE)
}
