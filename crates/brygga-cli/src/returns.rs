//! `brygga return`: customer returns from the command line. Register one against a delivered
//! order (`--line SKU:QTY`, repeatable), list them with what was announced and what arrived, and
//! move one on (received, refunded with the amount, or closed with a note).
//!
//! A return the rules refuse (an order never delivered, more than can be returned, an unknown
//! cause) creates nothing and exits 1 with every problem named; a return whose shop comment could
//! not be written is registered and also exits 1. A command that cannot run at all exits 2.

use std::process::ExitCode;

use brygga_app::commands::types::*;
use brygga_app::commands::{list_returns, register_return, set_return_state};
use brygga_app::returns::{
    DeliveryState, MoneyView, ReturnKindName, ReturnLineForm, ReturnSaved, ReturnStateName,
    ReturnSummary,
};
use brygga_app::{App, ErrorCode};
use clap::{Subcommand, ValueEnum};

use crate::output::{self, DONE, SOME_FAILED};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    /// Ångerköp: the customer regrets the purchase.
    Regret,
    /// Reklamation: the goods are faulty.
    Complaint,
    /// Outlöst paket: the parcel was never collected and goes back to the warehouse.
    Unclaimed,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum State {
    Received,
    Refunded,
    Closed,
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
    /// Move a return on: received, refunded (with the amount refunded) or closed (with a note).
    /// The shop order gets a comment saying so.
    Set {
        /// The return number, e.g. 1042-R1.
        #[arg(long)]
        number: String,
        #[arg(long, value_enum)]
        state: State,
        /// Why (needed to close).
        #[arg(long)]
        note: Option<String>,
        /// The amount refunded, with at most two decimals (199.50); with --state refunded.
        #[arg(long, value_name = "AMOUNT")]
        refund: Option<String>,
        /// The refund's ISO 4217 currency.
        #[arg(long, default_value = "SEK")]
        currency: String,
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

/// An amount with at most two decimals (`199`, `199.5`, `199,50`) as minor units.
fn parse_amount(text: &str) -> Result<i64, String> {
    let bad = || format!("--refund {text}: write the amount as 199.50, with at most two decimals");
    let text = text.trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() || fraction.len() > 2 || !whole.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(fraction))
        .ok_or_else(bad)
}

/// A command's answer about a saved return: the problem on standard error, the return as asked.
fn report_saved(saved: &ReturnSaved, json: bool) -> ExitCode {
    if let Some(problem) = &saved.problem {
        eprintln!("brygga: {problem}");
    }
    if json {
        output::json(saved);
    } else {
        print_summary(&saved.detail.summary);
    }
    ExitCode::from(if saved.problem.is_some() {
        SOME_FAILED
    } else {
        DONE
    })
}

/// A refusal by the rules exits 1 with the reason; anything else cannot run (exit 2).
fn refused(err: brygga_app::IpcError) -> Result<ExitCode, String> {
    if err.code == ErrorCode::Validation {
        eprintln!("brygga: {err}");
        return Ok(ExitCode::from(SOME_FAILED));
    }
    Err(err.to_string())
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
                    Kind::Unclaimed => ReturnKindName::Unclaimed,
                },
                lines,
                cause,
                note,
            };
            match register_return(app, request).await {
                Ok(saved) => Ok(report_saved(&saved, json)),
                Err(err) => refused(err),
            }
        }
        ReturnArgs::Set {
            number,
            state,
            note,
            refund,
            currency,
            json,
        } => {
            let refund = refund
                .as_deref()
                .map(parse_amount)
                .transpose()?
                .map(|minor_units| MoneyView {
                    minor_units,
                    currency: currency.trim().to_owned(),
                });
            let request = SetReturnStateRequest {
                number,
                state: match state {
                    State::Received => ReturnStateName::Received,
                    State::Refunded => ReturnStateName::Refunded,
                    State::Closed => ReturnStateName::Closed,
                },
                note,
                refund,
            };
            match set_return_state(app, request).await {
                Ok(saved) => Ok(report_saved(&saved, json)),
                Err(err) => refused(err),
            }
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
    let delivery = match r.delivery.state {
        DeliveryState::Sent => String::new(),
        DeliveryState::Waiting => " (waiting to be sent)".to_owned(),
        DeliveryState::Failed => format!(
            " (a call gave up: {})",
            r.delivery.message.as_deref().unwrap_or("see the sync log")
        ),
    };
    println!(
        "{} {:?} {:?} order {} cause {} announced {} received {} differences {}{}{}{delivery}",
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

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn amounts_become_minor_units_and_bad_ones_are_named() {
        assert_eq!(parse_amount("199"), Ok(19_900), "a whole amount");
        assert_eq!(parse_amount("199.5"), Ok(19_950), "one decimal is tenths");
        assert_eq!(
            parse_amount("199,05"),
            Ok(19_905),
            "a Swedish decimal comma"
        );
        for bad in ["", "1.999", "-5", "12a", ".50", "1e3"] {
            let err = parse_amount(bad).expect_err("not an amount");
            assert!(err.contains("at most two decimals"), "{bad}: {err}");
        }
    }
}
