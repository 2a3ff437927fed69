//! `brygga sync` (one flow or all, now) and `brygga run` (the scheduler until stopped).
//!
//! The very first `sync` of an installation writes nothing: it shows the plan as a dry run and
//! records the first-sync baseline, so the merchant sees what would happen before anything does,
//! and orders older than that moment are never changed in the shop.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use brygga_app::App;
use brygga_app::sync::{EngineLock, engine};
use brygga_core::schedule::Flow;
use brygga_sync::{DrainReport, Engine, FlowReport, Stop, SyncSettings, Tick};
use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::output::{self, DONE, SOME_FAILED};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Which {
    Articles,
    Orders,
    Statuses,
    Stock,
    Reconcile,
    /// Purchase order receipts from the warehouse (`purchase-orders`).
    PurchaseOrders,
    /// Customer returns from the warehouse (`returns`).
    Returns,
    /// Every regular flow: articles, orders, statuses, stock and purchase orders (not the
    /// reconciliation, which corrects the shop's stock and runs on its own).
    All,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The flow to run, or all of them in order.
    pub which: Which,
    /// Read both systems and show the plan; write nothing anywhere.
    #[arg(long)]
    pub dry_run: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// What `brygga sync` did, as printed with `--json`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SyncOutput {
    first_sync: bool,
    flows: Vec<FlowReport>,
    drained: Option<DrainReport>,
}

pub async fn sync(app: &App, args: SyncArgs) -> ExitCode {
    let (_lock, engine) = match locked_engine(app) {
        Ok(pair) => pair,
        Err(err) => return output::fail(err),
    };
    let first_sync = match app.store().map(SyncSettings::load) {
        Ok(Ok(settings)) => settings.baseline.is_none(),
        Ok(Err(err)) => return output::fail(err),
        Err(err) => return output::fail(err),
    };
    let dry_run = args.dry_run || first_sync;
    let flows: Vec<Flow> = match args.which {
        Which::Articles => vec![Flow::Articles],
        Which::Orders => vec![Flow::Orders],
        Which::Statuses => vec![Flow::Statuses],
        Which::Stock => vec![Flow::Stock],
        Which::Reconcile => vec![Flow::Reconcile],
        Which::PurchaseOrders => vec![Flow::PurchaseOrders],
        Which::Returns => vec![Flow::Returns],
        Which::All => vec![
            Flow::Articles,
            Flow::Orders,
            Flow::Statuses,
            Flow::Stock,
            Flow::PurchaseOrders,
            Flow::Returns,
        ],
    };
    let mut out = SyncOutput {
        first_sync,
        flows: Vec::new(),
        drained: None,
    };
    if !dry_run && let Err(err) = engine.store().outbox().requeue_running(now_ms()) {
        return output::fail(err);
    }
    for flow in flows {
        match engine.run_flow(flow, dry_run).await {
            Ok(report) => out.flows.push(report),
            Err(err) => return output::fail(format!("the {} cycle failed: {err}", flow.as_str())),
        }
        if !dry_run {
            match drain(&engine).await {
                Ok(report) => merge(&mut out.drained, report),
                Err(err) => return output::fail(err),
            }
        }
    }
    if first_sync && let Err(err) = engine.activate() {
        return output::fail(err);
    }
    if args.json {
        output::json(&out);
    } else {
        print!("{}", render(&out));
    }
    let failed = out.flows.iter().any(|f| !f.findings.is_empty())
        || out.drained.as_ref().is_some_and(|d| d.dead > 0);
    ExitCode::from(if failed && !dry_run {
        SOME_FAILED
    } else {
        DONE
    })
}

/// The engine for the saved connections, with the data folder's engine lock held.
pub fn locked_engine(app: &App) -> Result<(EngineLock, Engine), brygga_app::IpcError> {
    let lock = EngineLock::acquire(app)?;
    Ok((lock, engine(app)?))
}

async fn drain(engine: &Engine) -> Result<DrainReport, brygga_sync::SyncError> {
    let stop = Stop::default();
    engine.drain(stop.flag()).await
}

fn merge(total: &mut Option<DrainReport>, report: DrainReport) {
    let total = total.get_or_insert_with(DrainReport::default);
    total.done += report.done;
    total.retrying += report.retrying;
    total.dead += report.dead;
    total.failures.extend(report.failures);
}

fn render(out: &SyncOutput) -> String {
    let mut text = String::new();
    if out.first_sync {
        text.push_str(
            "First sync: this is the plan only, nothing was written. The first-sync baseline is\n\
             now recorded; run the same command again to carry it out.\n",
        );
    }
    for flow in &out.flows {
        let queued = flow.planned.iter().filter(|p| p.queued).count();
        let counts: Vec<String> = flow
            .counts
            .iter()
            .map(|(name, value)| format!("{name} {value}"))
            .collect();
        text.push_str(&format!(
            "{:<10} {} planned ({} new{}), {}\n",
            flow.flow.as_str(),
            flow.planned.len(),
            queued,
            if flow.dry_run { ", dry run" } else { "" },
            counts.join(", ")
        ));
        for planned in &flow.planned {
            text.push_str(&format!("  + {} {}\n", planned.kind, planned.subject));
        }
        for finding in &flow.findings {
            text.push_str(&format!(
                "  ! {} {}: {}\n",
                finding.subject, finding.code, finding.message
            ));
        }
    }
    if let Some(drained) = &out.drained {
        text.push_str(&format!(
            "sent: {} done, {} waiting to retry, {} gave up\n",
            drained.done, drained.retrying, drained.dead
        ));
        for failure in &drained.failures {
            text.push_str(&format!(
                "  ! {} {}: {}\n",
                failure.subject, failure.code, failure.message
            ));
        }
    }
    text
}

pub async fn run(app: &App, every: Option<f64>) -> ExitCode {
    let (_lock, engine) = match locked_engine(app) {
        Ok(pair) => pair,
        Err(err) => return output::fail(err),
    };
    match app.store().map(SyncSettings::load) {
        Ok(Ok(settings)) if settings.baseline.is_none() => {
            return output::fail(
                "this installation has not synced yet; run `brygga sync all` to see the first plan",
            );
        }
        Ok(Ok(_)) => {}
        Ok(Err(err)) => return output::fail(err),
        Err(err) => return output::fail(err),
    }
    let stop = Arc::new(Stop::default());
    spawn_signal_watch(stop.clone());
    eprintln!("brygga: running the schedule; Ctrl-C or SIGTERM stops after the call in flight");
    let Ok(every) = every.map(Duration::try_from_secs_f64).transpose() else {
        return output::fail("--every takes a positive number of seconds");
    };
    let on_tick = |tick: &Tick| {
        for (flow, result) in &tick.flows {
            match result {
                Ok(report) => eprintln!(
                    "{} {}: {} planned, {} findings",
                    now_text(),
                    flow.as_str(),
                    report.planned.len(),
                    report.findings.len()
                ),
                Err(err) => eprintln!("{} {}: failed: {err}", now_text(), flow.as_str()),
            }
        }
        let d = &tick.drained;
        if d.done + d.retrying + d.dead > 0 {
            eprintln!(
                "{} sent: {} done, {} retrying, {} gave up",
                now_text(),
                d.done,
                d.retrying,
                d.dead
            );
        }
    };
    let result = match every {
        Some(every) => engine.run_every(every, &stop, on_tick).await,
        None => engine.run_scheduled(&stop, on_tick).await,
    };
    match result {
        Ok(()) => {
            eprintln!("brygga: stopped");
            ExitCode::from(DONE)
        }
        Err(err) => output::fail(err),
    }
}

/// Requests a stop on SIGINT or SIGTERM.
pub fn spawn_signal_watch(stop: Arc<Stop>) {
    tokio::spawn(async move {
        wait_for_signal().await;
        stop.request();
    });
}

#[cfg(unix)]
async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut term) = signal(SignalKind::terminate()) else {
        let _ = tokio::signal::ctrl_c().await;
        return;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}

#[cfg(not(unix))]
async fn wait_for_signal() {
    let _ = tokio::signal::ctrl_c().await;
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn now_text() -> String {
    chrono::Local::now().format("%H:%M:%S").to_string()
}
