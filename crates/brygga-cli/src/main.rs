//! `brygga`: the same application layer as the desktop app, driven from a terminal.
//!
//! Every subcommand takes `--data-dir` (or `BRYGGA_DATA_DIR`) and `--demo`, and calls the command
//! functions of `brygga-app` directly. Problems are printed to stderr in words. Exit codes: 0 all
//! done, 1 some records failed (they are listed), 2 usage or configuration error (named).

mod connect;
mod demo;
mod info;
mod map;
mod output;
mod po;
mod release;
mod returns;
mod schedule;
mod sim;
mod status;
mod sync;

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
    /// Save a connection; its secret goes to the keychain.
    #[command(subcommand)]
    Connect(connect::ConnectArgs),
    /// Log in to both systems with the saved connections.
    TestConnection {
        #[arg(long)]
        json: bool,
    },
    /// Show or change the status or transport mapping.
    #[command(subcommand)]
    Map(map::MapArgs),
    /// Purchase orders: create from a file, list, deviations, acknowledge, cancel, stock-in.
    #[command(subcommand)]
    Po(po::PoArgs),
    /// Customer returns: register one against a delivered order, list them.
    #[command(subcommand)]
    Return(returns::ReturnArgs),
    /// Release orders to picking now, preview a batch, or handle upcoming and overdue batches.
    Release(release::ReleaseArgs),
    /// Show or replace when each flow runs, and how the reconciliation behaves.
    Schedule(schedule::ScheduleArgs),
    /// Run one flow, or all, now.
    Sync(sync::SyncArgs),
    /// Run the schedule until Ctrl-C or SIGTERM.
    Run {
        /// Run every flow every this many seconds instead of following the schedules.
        #[arg(long, value_name = "SECONDS")]
        every: Option<f64>,
    },
    /// Each flow's last and next run, orders per state, the outbox.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Everything that needs the merchant, with reasons.
    Problems {
        #[arg(long)]
        json: bool,
    },
    /// Put calls that gave up back in the queue (all of them, or the ids `problems` shows).
    Retry {
        /// Outbox ids; none means every call that gave up.
        ids: Vec<i64>,
    },
    /// Start simulators of both systems with sample data and watch Brygga work.
    Demo(demo::DemoArgs),
    /// Run a simulator of one API on loopback with sample data, until Ctrl-C.
    Sim(sim::SimArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let demo = cli.demo || matches!(cli.command, Command::Demo(_));
    let (app, _logs) = match App::launch(cli.data_dir, demo, false) {
        Ok(launched) => launched,
        Err(err) => return output::fail(err),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => return output::fail(format!("cannot start the async runtime: {err}")),
    };
    match cli.command {
        Command::Info { json } => runtime.block_on(info::run(&app, json)),
        Command::Connect(args) => connect::connect(&app, args),
        Command::TestConnection { json } => runtime.block_on(connect::test(&app, json)),
        Command::Map(args) => runtime.block_on(map::map(&app, args)),
        Command::Po(args) => runtime.block_on(po::po(&app, args)),
        Command::Return(args) => runtime.block_on(returns::returns(&app, args)),
        Command::Release(args) => runtime.block_on(release::release(&app, args)),
        Command::Schedule(args) => schedule::schedule(&app, args),
        Command::Sync(args) => runtime.block_on(sync::sync(&app, args)),
        Command::Run { every } => runtime.block_on(sync::run(&app, every)),
        Command::Status { json } => status::status(&app, json),
        Command::Problems { json } => status::problems(&app, json),
        Command::Retry { ids } => status::retry(&app, &ids),
        Command::Demo(args) => runtime.block_on(demo::demo(&app, args)),
        Command::Sim(args) => runtime.block_on(sim::run(args)),
    }
}
