//! `brygga`: the same application layer as the desktop app, driven from a terminal.
//!
//! Every subcommand takes `--data-dir` (or `BRYGGA_DATA_DIR`) and `--demo`, and calls the command
//! functions of `brygga-app` directly. Problems are printed to stderr in words and give a non-zero exit
//! code; nothing on disk is deleted or rewritten to recover.

mod info;
mod sim;

use std::path::PathBuf;
use std::process::ExitCode;

use brygga_app::App;
use clap::{Parser, Subcommand};

/// Brygga keeps a Starweb shop and an Ongoing WMS warehouse in step.
#[derive(Debug, Parser)]
#[command(name = "brygga", version, about)]
struct Cli {
    /// The folder of the database and logs (default: the platform's app-data folder).
    #[arg(long, global = true, env = brygga_app::paths::DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Use the simulated shop and warehouse, with data kept apart from the real installation.
    #[arg(long, global = true)]
    demo: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show the version, the data folder, the database schema and the keychain in use.
    Info {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Run a simulator of one API on loopback with sample data, until Ctrl-C.
    Sim(sim::SimArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (app, _logs) = match App::launch(cli.data_dir, cli.demo, false) {
        Ok(launched) => launched,
        Err(err) => {
            eprintln!("brygga: {err}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("brygga: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Command::Info { json } => runtime.block_on(info::run(&app, json)),
        Command::Sim(args) => runtime.block_on(sim::run(args)),
    }
}
