//! `brygga sim ongoing|starweb`: one simulator on loopback with sample data, for trying a client or
//! a script against it. Prints the URL and the demo credentials, then serves until Ctrl-C.

use std::process::ExitCode;

use brygga_sim::demo::{start_ongoing, start_starweb};
use brygga_sim::fault::FaultSpec;
use clap::{Args, ValueEnum};

/// Which API to simulate.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Which {
    /// The Ongoing WMS Goods Owner REST API.
    Ongoing,
    /// The Starweb Shop API v2.
    Starweb,
}

/// Options of `brygga sim`.
#[derive(Debug, Args)]
pub struct SimArgs {
    /// The API to simulate.
    which: Which,
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// How many sample products.
    #[arg(long, default_value_t = 50)]
    products: usize,
    /// How many sample orders (Starweb only).
    #[arg(long, default_value_t = 200)]
    orders: usize,
    /// Faults, e.g. `error=0.1,429=0.05,retry-after=2s,latency=50ms,drop=0.01,malformed=0.02`.
    #[arg(long, default_value = "")]
    faults: FaultSpec,
}

/// Starts the simulator, prints how to reach it, and serves until Ctrl-C.
pub async fn run(args: SimArgs) -> ExitCode {
    let started = match args.which {
        Which::Ongoing => start_ongoing(args.port, args.products, args.faults)
            .await
            .map(|(sim, server)| {
                let config = sim.config();
                println!("Ongoing WMS simulator: {}", server.api_url());
                println!(
                    "user: {}  password: {}  goods owner id: {}",
                    config.user, config.password, config.goods_owner_id
                );
                server
            }),
        Which::Starweb => start_starweb(args.port, args.products, args.orders, args.faults)
            .await
            .map(|(sim, server)| {
                let config = sim.config();
                println!("Starweb simulator: {}", server.api_url());
                println!(
                    "client id: {}  client secret: {}",
                    config.client_id, config.client_secret
                );
                server
            }),
    };
    let server = match started {
        Ok(server) => server,
        Err(err) => {
            eprintln!("brygga: the simulator could not start: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "control routes: {}/_sim/   (Ctrl-C stops)",
        server.root_url()
    );
    if let Err(err) = tokio::signal::ctrl_c().await {
        eprintln!("brygga: cannot wait for Ctrl-C: {err}");
    }
    match server.shutdown().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("brygga: the simulator did not stop cleanly: {err}");
            ExitCode::FAILURE
        }
    }
}
