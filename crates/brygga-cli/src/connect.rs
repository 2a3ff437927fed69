//! `brygga connect ongoing|starweb` and `brygga test-connection`.
//!
//! The secret never goes on the command line (where `ps` and shell history would keep it): it is
//! read from its environment variable when set, for servers, or else from standard input, without
//! echo when that is a terminal.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use brygga_app::App;
use brygga_app::connections::{self, Connection, OngoingConnection, StarwebConnection};
use brygga_app::secrets::{SecretKey, variable_for};
use brygga_core::Sensitive;
use clap::Subcommand;

use crate::output::{self, DONE, SOME_FAILED};

#[derive(Debug, Subcommand)]
pub enum ConnectArgs {
    /// The 3PL's Ongoing WMS: API URL, API user and goods owner id; the password is read from
    /// BRYGGA_ONGOING_PASSWORD or standard input.
    Ongoing {
        #[arg(long)]
        url: String,
        #[arg(long)]
        user: String,
        #[arg(long)]
        goods_owner_id: u32,
    },
    /// The Starweb shop: API URL and client id; the secret is read from
    /// BRYGGA_STARWEB_CLIENT_SECRET or standard input.
    Starweb {
        #[arg(long)]
        url: String,
        #[arg(long)]
        client_id: String,
    },
}

pub fn connect(app: &App, args: ConnectArgs) -> ExitCode {
    let now_ms = chrono::Utc::now().timestamp_millis();
    let saved = match args {
        ConnectArgs::Ongoing {
            url,
            user,
            goods_owner_id,
        } => secret_for::<OngoingConnection>("Ongoing password").and_then(|secret| {
            let connection = OngoingConnection {
                api_url: url,
                user,
                goods_owner_id,
            };
            connections::save(app, &connection, &secret, now_ms).map_err(|err| err.to_string())
        }),
        ConnectArgs::Starweb { url, client_id } => {
            secret_for::<StarwebConnection>("Starweb client secret").and_then(|secret| {
                let connection = StarwebConnection {
                    api_url: url,
                    client_id,
                };
                connections::save(app, &connection, &secret, now_ms).map_err(|err| err.to_string())
            })
        }
    };
    match saved {
        Ok(()) => {
            println!(
                "saved; the secret is kept by {:?}. Run `brygga test-connection` next.",
                app.secrets().backend()
            );
            ExitCode::from(DONE)
        }
        Err(message) => output::fail(message),
    }
}

/// The secret from its environment variable, or one line of standard input.
fn secret_for<C: Connection>(what: &str) -> Result<Sensitive<String>, String> {
    let key = SecretKey::new(C::SECRET);
    if let Some(value) = variable_for(&key)
        .and_then(|v| std::env::var(v).ok())
        .filter(|v| !v.is_empty())
    {
        return Ok(Sensitive::new(value));
    }
    let stdin = std::io::stdin();
    let line = if stdin.is_terminal() {
        rpassword::prompt_password(format!("{what}: "))
            .map_err(|err| format!("cannot read the {what}: {err}"))?
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|err| format!("cannot read the {what} from standard input: {err}"))?;
        line
    };
    let secret = line.trim_end_matches(['\r', '\n']).to_owned();
    if secret.is_empty() {
        return Err(format!(
            "no {what} given: pipe it to standard input or set {}",
            variable_for(&key).unwrap_or("its variable")
        ));
    }
    Ok(Sensitive::new(secret))
}

pub async fn test(app: &App, json: bool) -> ExitCode {
    let result = match brygga_app::sync::test_connections(app).await {
        Ok(result) => result,
        Err(err) => return output::fail(err),
    };
    if json {
        output::json(&result);
    } else {
        for (side, answer) in [("warehouse", &result.warehouse), ("shop", &result.shop)] {
            match answer {
                Ok(text) => println!("{side}: ok, {text}"),
                Err(text) => println!("{side}: FAILED, {text}"),
            }
        }
    }
    if result.all_ok() {
        ExitCode::from(DONE)
    } else {
        ExitCode::from(SOME_FAILED)
    }
}
