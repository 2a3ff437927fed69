//! `brygga return`: customer returns from the command line. Register one against a delivered
//! order (`--line SKU:QTY`, repeatable), or list them with what was announced and what arrived.
//!
//! A return the rules refuse (an order never delivered, more than can be returned, an unknown
//! cause) creates nothing and exits 1 with every problem named; a return whose shop comment could
//! not be written is registered and also exits 1. A command that cannot run at all exits 2.

use std::process::ExitCode;

use brygga_app::commands::types::*;
use brygga_app::commands::{list_returns, register_return};
use brygga_app::returns::{ReturnKindName, ReturnLineForm, ReturnSummary};
use brygga_app::{App, ErrorCode};
use clap::{Subcommand, ValueEnum};

use crate::output::{self, DONE, SOME_FAILED};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    /// Ångerköp: the customer regrets the purchase.
    Regret,
    /// Reklamation: the goods are faulty.
    Complaint,
}

#[derive(Debug, Subcommand)]
pub enum ReturnArgs {
    /// Register a customer's return and pre-advise it to the warehouse.
    Create {
        /// The shop order number.
        #[arg(long)]
        order: String,
        /// A line to return, `SKU:QTY`; repeat for more lines.
        #[arg(long = "line", value_name = "SKU:QTY", required = true)]
        lines: Vec<String>,
        /// A return cause code of the warehouse (e.g. REGRET, COMPLAINT).
        #[arg(long)]
        cause: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long, value_enum, default_value = "regret")]
        kind: Kind,
        #[arg(long)]
        json: bool,
    },
    /// List returns: announced, arrived, and the warehouse's own (unclaimed parcels and the like).
    List {
        /// Refunded and closed returns too.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
}

pub async fn returns(app: &App, args: ReturnArgs) -> ExitCode {
    match run(app, args).await {
        Ok(code) => code,
        Err(message) => output::fail(message),
    }
}

fn parse_line(text: &str) -> Result<ReturnLineForm, String> {
    let (sku, quantity) = text
        .rsplit_once(':')
        .ok_or_else(|| format!("--line {text}: write it as SKU:QTY"))?;
    let quantity = quantity
        .trim()
        .parse::<u32>()
        .map_err(|_| format!("--line {text}: the quantity is not a whole number"))?;
    if sku.trim().is_empty() {
        return Err(format!("--line {text}: the SKU is missing"));
    }
    Ok(ReturnLineForm {
        sku: sku.trim().to_owned(),
        quantity,
    })
}

async fn run(app: &App, args: ReturnArgs) -> Result<ExitCode, String> {
    match args {
        ReturnArgs::Create {
            order,
            lines,
            cause,
            note,
            kind,
            json,
        } => {
            let lines = lines
                .iter()
                .map(|line| parse_line(line))
                .collect::<Result<Vec<_>, _>>()?;
            let request = RegisterReturnRequest {
                order_number: order,
                kind: match kind {
                    Kind::Regret => ReturnKindName::Regret,
                    Kind::Complaint => ReturnKindName::Complaint,
                },
                lines,
                cause,
                note,
            };
            let saved = match register_return(app, request).await {
                Ok(saved) => saved,
                Err(err) if err.code == ErrorCode::Validation => {
                    eprintln!("brygga: {err}");
                    return Ok(ExitCode::from(SOME_FAILED));
                }
                Err(err) => return Err(err.to_string()),
            };
            if let Some(problem) = &saved.problem {
                eprintln!("brygga: {problem}");
            }
            let code = if saved.problem.is_some() {
                SOME_FAILED
            } else {
                DONE
            };
            if json {
                output::json(&saved);
            } else {
                print_summary(&saved.detail.summary);
            }
            Ok(ExitCode::from(code))
        }
        ReturnArgs::List { all, json } => {
            let list = list_returns(
                app,
                ListReturnsRequest {
                    include_finished: all,
                },
            )
            .await
            .map_err(|e| e.to_string())?;
            if json {
                return Ok(output::json(&list));
            }
            for r in &list.returns {
                print_summary(r);
            }
            println!(
                "{} return(s), {} waiting for you",
                list.returns.len(),
                list.waiting_for_merchant
            );
            Ok(ExitCode::from(DONE))
        }
    }
}

fn print_summary(r: &ReturnSummary) {
    println!(
        "{} {:?} {:?} order {} cause {} announced {} received {} differences {}{}{}",
        r.number,
        r.kind,
        r.state,
        r.order_number.as_deref().unwrap_or("-"),
        r.cause.as_deref().unwrap_or("-"),
        r.announced,
        r.received,
        r.differences,
        r.refund
            .as_ref()
            .map(|m| format!(
                " refunded {}.{:02} {}",
                m.minor_units / 100,
                m.minor_units % 100,
                m.currency
            ))
            .unwrap_or_default(),
        if r.waiting_for_merchant {
            " waiting for you"
        } else {
            ""
        }
    );
}
