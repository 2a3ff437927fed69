//! `brygga release`: release orders to picking now (by the rule, or the ones named), preview a
//! batch, see upcoming and overdue batches, and handle an overdue one.

use std::process::ExitCode;

use brygga_app::App;
use brygga_app::mapping;
use brygga_core::release::{ReleaseSettings, next_batches};
use brygga_sync::release::StartedBy;
use clap::Args;
use serde::Serialize;

use crate::output::{self, DONE, SOME_FAILED};

#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// Release exactly these shop orders (comma-separated) instead of what the rule takes.
    #[arg(long, value_delimiter = ',')]
    orders: Option<Vec<i64>>,
    /// Show the batch the rule would take, with each order's pickability; release nothing.
    #[arg(long)]
    dry_run: bool,
    /// Show upcoming and overdue batches instead of releasing.
    #[arg(long)]
    schedule: bool,
    /// Release an overdue batch now.
    #[arg(long, value_name = "BATCH")]
    release_overdue: Option<i64>,
    /// Skip an overdue batch.
    #[arg(long, value_name = "BATCH")]
    skip_overdue: Option<i64>,
    /// Keep these shop orders out of batches until let go.
    #[arg(long, value_delimiter = ',', value_name = "ORDERS")]
    hold_back: Option<Vec<i64>>,
    /// Put released shop orders back on hold, where the warehouse still allows it.
    #[arg(long, value_delimiter = ',', value_name = "ORDERS")]
    put_on_hold: Option<Vec<i64>>,
    /// Replace the release settings (mode, times, holidays, rule) with this JSON file; saving them
    /// starts releasing by schedule.
    #[arg(long, value_name = "FILE")]
    settings_from_file: Option<std::path::PathBuf>,
    /// Print the release settings in force (the defaults until saved).
    #[arg(long)]
    settings: bool,
    /// Show the last batches with every order's outcome.
    #[arg(long)]
    history: bool,
    /// Let held-back shop orders go with the next batch again.
    #[arg(long, value_delimiter = ',', value_name = "ORDERS")]
    let_go: Option<Vec<i64>>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Schedule {
    upcoming: Vec<chrono::DateTime<chrono::Utc>>,
    overdue: Vec<brygga_store::ReleaseBatch>,
}

pub async fn release(app: &App, args: ReleaseArgs) -> ExitCode {
    match run(app, args).await {
        Ok(code) => code,
        Err(message) => output::fail(message),
    }
}

async fn run(app: &App, args: ReleaseArgs) -> Result<ExitCode, String> {
    let text = |e: &dyn std::fmt::Display| e.to_string();
    if let Some(path) = &args.settings_from_file {
        let json = std::fs::read_to_string(path)
            .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        let settings: ReleaseSettings =
            mapping::parse(&json, &path.display().to_string()).map_err(|e| text(&e))?;
        mapping::set(app, &settings).map_err(|e| text(&e))?;
        eprintln!("saved the release settings; batches now run on their times");
    }
    if args.settings || args.settings_from_file.is_some() {
        let settings: ReleaseSettings = mapping::get(app).map_err(|e| text(&e))?;
        return Ok(output::json(&settings));
    }
    let (_lock, engine) = crate::sync::locked_engine(app).map_err(|e| text(&e))?;
    let now_ms = chrono::Utc::now().timestamp_millis();
    for (orders, held) in [(&args.hold_back, true), (&args.let_go, false)] {
        for id in orders.iter().flatten() {
            engine
                .store()
                .order_links()
                .set_held_back(*id, held, now_ms)
                .map_err(|e| format!("order {id}: {e}"))?;
            println!(
                "order {id} {}",
                if held {
                    "held back from batches"
                } else {
                    "goes with the next batch"
                }
            );
        }
    }
    if args.hold_back.is_some() || args.let_go.is_some() {
        return Ok(ExitCode::from(DONE));
    }
    if let Some(orders) = &args.put_on_hold {
        let drained = engine.put_on_hold(orders).await.map_err(|e| text(&e))?;
        for failure in &drained.failures {
            println!(
                "! {} {}: {}",
                failure.subject, failure.code, failure.message
            );
        }
        println!("{} order(s) put back on hold", drained.done);
        let code = if drained.dead > 0 { SOME_FAILED } else { DONE };
        return Ok(ExitCode::from(code));
    }
    if args.history {
        let batches = engine
            .store()
            .release_batches()
            .list(20)
            .map_err(|e| text(&e))?;
        if args.json {
            return Ok(output::json(&batches));
        }
        for batch in &batches {
            let released = batch
                .orders
                .iter()
                .filter(|o| o.outcome == "released")
                .count();
            println!(
                "batch {} ({}, {}): {released} released, {} in all",
                batch.id,
                batch.started_by,
                batch.state,
                batch.orders.len()
            );
            for order in batch.orders.iter().filter(|o| o.outcome != "released") {
                println!(
                    "  order {} {}: {}",
                    order.shop_order_id,
                    order.outcome,
                    order.reason.as_deref().unwrap_or("")
                );
            }
        }
        return Ok(ExitCode::from(DONE));
    }
    if args.schedule {
        let settings = engine.release_settings().map_err(|e| text(&e))?;
        let schedule = Schedule {
            upcoming: next_batches(&settings, chrono::Utc::now(), 6),
            overdue: engine
                .store()
                .release_batches()
                .overdue()
                .map_err(|e| text(&e))?,
        };
        if args.json {
            return Ok(output::json(&schedule));
        }
        for at in &schedule.upcoming {
            println!("next batch: {}", at.with_timezone(&chrono::Local));
        }
        for batch in &schedule.overdue {
            println!(
                "OVERDUE batch {} (was due {}): release it with --release-overdue {0} or skip it with --skip-overdue {0}",
                batch.id,
                batch.slot_at_ms.map_or("?".to_owned(), |ms| ms.to_string())
            );
        }
        return Ok(ExitCode::from(DONE));
    }
    if let Some(batch) = args.skip_overdue {
        engine.skip_overdue(batch).map_err(|e| text(&e))?;
        println!("batch {batch} skipped");
        return Ok(ExitCode::from(DONE));
    }
    let report = match args.release_overdue {
        Some(batch) => engine.release_overdue(batch).await,
        None => {
            engine
                .release_batch(
                    None,
                    StartedBy::Merchant,
                    args.orders.as_deref(),
                    args.dry_run,
                )
                .await
        }
    }
    .map_err(|e| text(&e))?;
    if args.json {
        output::json(&report);
    } else {
        for candidate in &report.candidates {
            let fate = if report.plan.take.contains(&candidate.shop_order_id) {
                "release".to_owned()
            } else {
                report
                    .plan
                    .skipped
                    .iter()
                    .find(|(id, _)| *id == candidate.shop_order_id)
                    .map_or("-".to_owned(), |(_, why)| format!("skip: {why}"))
            };
            println!(
                "order {:>8}  pickable {:<8}  {fate}",
                candidate.shop_order_id,
                format!("{:?}", candidate.pickability)
            );
        }
        match (report.dry_run, report.batch_id) {
            (true, _) => println!(
                "dry run: {} order(s) would be released",
                report.plan.take.len()
            ),
            (false, Some(id)) => {
                println!("batch {id}: {} order(s) released", report.plan.take.len());
            }
            (false, None) => println!("nothing released"),
        }
    }
    let failed = report.drained.as_ref().is_some_and(|d| d.dead > 0);
    Ok(ExitCode::from(if failed { SOME_FAILED } else { DONE }))
}
