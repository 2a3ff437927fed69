//! `brygga demo`: the whole product on this machine, with no account anywhere.
//!
//! Both simulators start with sample data and are connected and mapped (demo mode keeps the demo
//! credentials in memory, never in the keychain). Then both sides are played in rounds: now and
//! then a customer places an order, the engine runs every flow, and the 3PL moves each open order
//! one step (released, picked, shipped with tracking). What happens is printed as it happens.
//! Ctrl-C stops after the round in flight.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use brygga_app::App;
use brygga_app::demo::DemoSystems;
use brygga_core::release::ReleaseMode;
use brygga_core::schedule::Flow;
use brygga_sync::{Engine, Stop};
use clap::Args;

use crate::output::{self, DONE};
use crate::sync::spawn_signal_watch;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Sample products in the shop.
    #[arg(long, default_value_t = 40)]
    products: usize,
    /// Seconds between rounds.
    #[arg(long, default_value_t = 5)]
    every: u64,
    /// Stop after this many rounds (default: until Ctrl-C).
    #[arg(long)]
    rounds: Option<u32>,
}

pub async fn demo(app: &App, args: DemoArgs) -> ExitCode {
    match play(app, args).await {
        Ok(()) => ExitCode::from(DONE),
        Err(message) => output::fail(message),
    }
}

async fn play(app: &App, args: DemoArgs) -> Result<(), String> {
    let mut systems = DemoSystems::start(app, args.products, Some(ReleaseMode::OnArrival))
        .await
        .map_err(|e| e.to_string())?;
    println!("shop simulator:      {}", systems.shop_server.api_url());
    println!(
        "warehouse simulator: {}",
        systems.warehouse_server.api_url()
    );
    println!(
        "mapping applied: {} shop statuses, {} warehouse statuses, {} shipping methods",
        systems.mapping.statuses.shop.len(),
        systems.mapping.statuses.warehouse.len(),
        systems.mapping.transport.methods.len()
    );
    let engine = brygga_app::sync::engine(app).map_err(|e| e.to_string())?;
    let stop = Arc::new(Stop::default());
    spawn_signal_watch(stop.clone());
    let mut round = 0u32;
    while !stop.is_requested() && args.rounds.is_none_or(|limit| round < limit) {
        if round.is_multiple_of(2) {
            println!("{}", systems.place_next_order());
        }
        for flow in [Flow::Articles, Flow::Orders, Flow::Statuses, Flow::Stock] {
            if round > 0 && flow == Flow::Articles {
                continue;
            }
            report_flow(&engine, flow).await;
        }
        match engine.release_tick().await {
            Ok(_) => report_drain(&engine).await,
            Err(err) => println!("brygga: releasing failed: {err}"),
        }
        let sent: Vec<i64> = engine
            .store()
            .order_links()
            .list()
            .map_err(|e| e.to_string())?
            .iter()
            .filter_map(|l| l.warehouse_order_id)
            .collect();
        for line in systems.play_the_warehouse(&sent) {
            println!("{line}");
        }
        round += 1;
        tokio::time::sleep(Duration::from_secs(args.every)).await;
    }
    println!(
        "shop: {} customer e-mails sent during the demo",
        systems.shop.customer_emails().len()
    );
    Ok(())
}

/// One cycle and a drain, printed.
async fn report_flow(engine: &Engine, flow: Flow) {
    match engine.run_flow(flow, false).await {
        Ok(report) => {
            for planned in report.planned.iter().filter(|p| p.queued) {
                println!("brygga: {} {}", planned.kind, planned.subject);
            }
            for finding in &report.findings {
                println!("brygga: ! {} {}", finding.subject, finding.message);
            }
        }
        Err(err) => println!("brygga: the {} cycle failed: {err}", flow.as_str()),
    }
    report_drain(engine).await;
}

/// A drain, printed.
async fn report_drain(engine: &Engine) {
    let stop = Stop::default();
    match engine.drain(stop.flag()).await {
        Ok(d) if d.done + d.dead > 0 => {
            println!("brygga: sent {} call(s), {} gave up", d.done, d.dead);
        }
        Ok(_) => {}
        Err(err) => println!("brygga: sending failed: {err}"),
    }
}
