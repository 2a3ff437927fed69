//! `brygga schedule`: when each flow runs, as JSON to read or replace, and whether the nightly
//! reconciliation corrects the shop's stock or only reports the differences.

use std::path::PathBuf;
use std::process::ExitCode;

use brygga_app::App;
use brygga_app::mapping;
use brygga_core::schedule::Schedules;
use brygga_sync::flows::stock::RECONCILE_REPORT_ONLY;
use clap::Args;

use crate::output::{self, DONE};

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    /// Replace the schedules with those in this JSON file.
    #[arg(long, value_name = "FILE")]
    from_file: Option<PathBuf>,
    /// Write the schedules to this JSON file.
    #[arg(long, value_name = "FILE")]
    to_file: Option<PathBuf>,
    /// `true`: the reconciliation lists differences and corrects nothing.
    #[arg(long, value_name = "BOOL")]
    reconcile_report_only: Option<bool>,
}

pub fn schedule(app: &App, args: ScheduleArgs) -> ExitCode {
    match edit(app, &args) {
        Ok(()) => ExitCode::from(DONE),
        Err(message) => output::fail(message),
    }
}

fn edit(app: &App, args: &ScheduleArgs) -> Result<(), String> {
    let text = |e: &dyn std::fmt::Display| e.to_string();
    if let Some(path) = &args.from_file {
        let json = std::fs::read_to_string(path)
            .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        let schedules: Schedules =
            mapping::parse(&json, &path.display().to_string()).map_err(|e| text(&e))?;
        mapping::set(app, &schedules).map_err(|e| text(&e))?;
        eprintln!("saved the schedule");
    }
    let store = app.store().map_err(|e| text(&e))?;
    if let Some(report_only) = args.reconcile_report_only {
        store
            .settings()
            .set(
                RECONCILE_REPORT_ONLY,
                &report_only,
                chrono::Utc::now().timestamp_millis(),
            )
            .map_err(|e| text(&e))?;
    }
    let schedules: Schedules = mapping::get(app).map_err(|e| text(&e))?;
    let json = serde_json::to_string_pretty(&schedules).map_err(|e| text(&e))?;
    if let Some(path) = &args.to_file {
        std::fs::write(path, &json)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        eprintln!("wrote the schedule to {}", path.display());
    } else {
        println!("{json}");
    }
    let report_only = store
        .settings()
        .get::<bool>(RECONCILE_REPORT_ONLY)
        .map_err(|e| text(&e))?
        .unwrap_or(false);
    eprintln!(
        "reconciliation: {}",
        if report_only {
            "reports differences only"
        } else {
            "reports differences, then corrects the shop"
        }
    );
    Ok(())
}
