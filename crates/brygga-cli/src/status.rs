//! `brygga status` and `brygga problems`: what the store knows, without calling either system.

use std::process::ExitCode;

use brygga_app::App;

use crate::output::{self, DONE, SOME_FAILED};

pub fn status(app: &App, json: bool) -> ExitCode {
    let status = match brygga_app::sync::status(app) {
        Ok(status) => status,
        Err(err) => return output::fail(err),
    };
    if json {
        return output::json(&status);
    }
    for flow in &status.flows {
        let last = flow.last_run.as_ref().map_or("never".to_owned(), |run| {
            format!(
                "{} {:?}",
                ms_text(run.started_at_ms),
                run.outcome
                    .map_or("running".to_owned(), |o| format!("{o:?}"))
            )
        });
        let next = flow
            .next_run
            .map_or("by hand only".to_owned(), |at| at.to_rfc3339());
        println!("{:<10} last: {last:<40} next: {next}", flow.flow.as_str());
    }
    let o = &status.orders;
    println!(
        "orders: {} seen, {} sent, {} held, {} cancelled",
        o.total, o.sent, o.held, o.cancelled
    );
    let a = &status.articles;
    println!(
        "articles: {} known, {} sent, {} with problems, {} orphaned",
        a.total, a.sent, a.with_problems, a.orphaned
    );
    let q = &status.outbox;
    println!(
        "outbox: {} waiting, {} in flight, {} done, {} gave up",
        q.pending, q.running, q.done, q.dead
    );
    ExitCode::from(DONE)
}

pub fn problems(app: &App, json: bool) -> ExitCode {
    let problems = match brygga_app::sync::problems(app) {
        Ok(problems) => problems,
        Err(err) => return output::fail(err),
    };
    if json {
        output::json(&problems);
    } else if problems.is_empty() {
        println!("nothing needs attention");
    } else {
        for problem in &problems {
            println!("{} {}: {}", problem.subject, problem.code, problem.message);
        }
    }
    ExitCode::from(if problems.is_empty() {
        DONE
    } else {
        SOME_FAILED
    })
}

fn ms_text(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).map_or_else(|| ms.to_string(), |t| t.to_rfc3339())
}

pub fn retry(app: &App, ids: &[i64]) -> ExitCode {
    match brygga_app::sync::retry(app, ids) {
        Ok(count) => {
            println!("{count} call(s) queued again; the next sync or scheduled pass sends them");
            ExitCode::from(DONE)
        }
        Err(err) => output::fail(err),
    }
}
