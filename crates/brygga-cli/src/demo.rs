//! `brygga demo`: the whole product on this machine, with no account anywhere.
//!
//! It starts both simulators with sample data, connects to them (demo mode keeps the demo
//! credentials in memory, never in the keychain), applies the suggested mapping, and then plays
//! both sides in rounds: now and then a customer places an order, the engine runs every flow, and
//! the 3PL moves each open order one step (released, picked, shipped with tracking). What happens
//! is printed as it happens. Ctrl-C stops after the round in flight.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use brygga_app::App;
use brygga_app::connections::{self, OngoingConnection, StarwebConnection};
use brygga_app::mapping;
use brygga_core::Sensitive;
use brygga_core::schedule::Flow;
use brygga_sim::demo::{SAMPLE_SEED, start_ongoing, start_starweb};
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::{OngoingSim, Picking, Release, Shipping};
use brygga_sim::starweb::StarwebSim;
use brygga_sim::starweb::sample::SampleData;
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

/// Old orders the sample shop starts with (all before the first sync, so never touched).
const OLD_ORDERS: usize = 30;

pub async fn demo(app: &App, args: DemoArgs) -> ExitCode {
    match play(app, args).await {
        Ok(()) => ExitCode::from(DONE),
        Err(message) => output::fail(message),
    }
}

async fn play(app: &App, args: DemoArgs) -> Result<(), String> {
    let text = |e: &dyn std::fmt::Display| e.to_string();
    let (warehouse, warehouse_server) = start_ongoing(0, args.products, FaultSpec::none())
        .await
        .map_err(|e| text(&e))?;
    let (shop, shop_server) = start_starweb(0, args.products, OLD_ORDERS, FaultSpec::none())
        .await
        .map_err(|e| text(&e))?;
    println!("shop simulator:      {}", shop_server.api_url());
    println!("warehouse simulator: {}", warehouse_server.api_url());

    let now_ms = chrono::Utc::now().timestamp_millis();
    let w = warehouse.config();
    connections::save(
        app,
        &OngoingConnection {
            api_url: warehouse_server.api_url(),
            user: w.user.clone(),
            goods_owner_id: u32::try_from(w.goods_owner_id).unwrap_or_default(),
        },
        &Sensitive::new(w.password.clone()),
        now_ms,
    )
    .map_err(|e| text(&e))?;
    connections::save(
        app,
        &StarwebConnection {
            api_url: shop_server.api_url(),
            client_id: shop.config().client_id.clone(),
        },
        &Sensitive::new(shop.config().client_secret.clone()),
        now_ms,
    )
    .map_err(|e| text(&e))?;
    let engine = brygga_app::sync::engine(app).map_err(|e| text(&e))?;
    let suggestion = engine.suggest_mappings().await.map_err(|e| text(&e))?;
    mapping::set(app, &suggestion.statuses).map_err(|e| text(&e))?;
    mapping::set(app, &suggestion.transport).map_err(|e| text(&e))?;
    println!(
        "mapping applied: {} shop statuses, {} warehouse statuses, {} shipping methods",
        suggestion.statuses.shop.len(),
        suggestion.statuses.warehouse.len(),
        suggestion.transport.methods.len()
    );
    engine.activate().map_err(|e| text(&e))?;

    let customers = SampleData::generate(SAMPLE_SEED, args.products, OLD_ORDERS + 1000).orders;
    let stop = Arc::new(Stop::default());
    spawn_signal_watch(stop.clone());
    let mut round = 0u32;
    while !stop.is_requested() && args.rounds.is_none_or(|limit| round < limit) {
        if round.is_multiple_of(2)
            && let Some(sample) = customers.get(OLD_ORDERS + round as usize / 2)
        {
            match shop.place_order(sample.checkout.clone()) {
                Ok(id) => println!("shop: order {id} placed"),
                Err(err) => println!("shop: an order could not be placed: {err}"),
            }
        }
        for flow in [Flow::Articles, Flow::Orders, Flow::Statuses, Flow::Stock] {
            if round > 0 && flow == Flow::Articles {
                continue;
            }
            report_flow(&engine, flow).await;
        }
        play_the_warehouse(&engine, &warehouse);
        round += 1;
        tokio::time::sleep(Duration::from_secs(args.every)).await;
    }
    report_shop(&shop);
    drop((shop_server, warehouse_server));
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
    let stop = Stop::default();
    match engine.drain(stop.flag()).await {
        Ok(d) if d.done + d.dead > 0 => {
            println!("brygga: sent {} call(s), {} gave up", d.done, d.dead);
        }
        Ok(_) => {}
        Err(err) => println!("brygga: sending failed: {err}"),
    }
}

/// The 3PL moves each order Brygga sent one step: release, then pick, then ship.
fn play_the_warehouse(engine: &Engine, warehouse: &OngoingSim) {
    let Ok(links) = engine.store().order_links().list() else {
        return;
    };
    for id in links.iter().filter_map(|l| l.warehouse_order_id) {
        let Some(order) = i32::try_from(id).ok().and_then(|id| warehouse.order(id)) else {
            continue;
        };
        let step = match order.status_number {
            ..300 => warehouse
                .release_order(order.order_id, &Release::default())
                .map(|_| "released to picking"),
            300..400 => warehouse
                .pick_order(order.order_id, &Picking::default())
                .map(|_| "picked"),
            400..450 => warehouse
                .ship_order(order.order_id, &Shipping::default())
                .map(|_| "shipped"),
            _ => continue,
        };
        match step {
            Ok(what) => println!("warehouse: order {} {what}", order.order_number),
            Err(err) => println!("warehouse: order {} stays: {err}", order.order_number),
        }
    }
}

fn report_shop(shop: &StarwebSim) {
    println!(
        "shop: {} customer e-mails sent during the demo",
        shop.customer_emails().len()
    );
}
