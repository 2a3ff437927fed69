//! `brygga po`: purchase orders from the command line. Create one from a `SKU;quantity` file,
//! list them, list deviations, acknowledge them, cancel one, or make the go-live purchase order.
//!
//! A file with bad rows creates nothing: every bad row is printed with its line number and the
//! exit code is 1, like any command whose records failed. A purchase order the warehouse refused
//! is saved and listed with the warehouse's words, also with exit code 1.

use std::path::PathBuf;
use std::process::ExitCode;

use brygga_app::App;
use brygga_app::commands::types::*;
use brygga_app::commands::{
    acknowledge_deviations, cancel_purchase_order, create_initial_stock_in, create_purchase_order,
    list_deviations, list_purchase_orders, parse_purchase_order_lines,
};
use brygga_app::inbound::{DeviationRef, PurchaseOrderSummary};
use clap::{Args, Subcommand};

use crate::output::{self, DONE, SOME_FAILED};

#[derive(Debug, Subcommand)]
pub enum PoArgs {
    /// Create a purchase order and pre-advise it to the warehouse.
    Create(CreateArgs),
    /// List purchase orders with their warehouse state and open deviations.
    List {
        /// Cancelled purchase orders too.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// List where deliveries differed from the purchase orders.
    Deviations {
        /// Acknowledged deviations too.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Acknowledge deviations of a purchase order (all its open ones, or the SKUs named).
    Acknowledge {
        number: String,
        skus: Vec<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Cancel a purchase order the warehouse has not started receiving.
    Cancel {
        number: String,
        #[arg(long)]
        json: bool,
    },
    /// Create the go-live purchase order of every stock article in the warehouse.
    StockIn {
        /// Only articles whose SKU contains this text.
        #[arg(long)]
        filter: Option<String>,
        /// The quantity of each article.
        #[arg(long)]
        quantity: i64,
        #[arg(long, value_name = "DATE")]
        expected: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The lines: one `SKU;quantity` per row (a header row is skipped).
    #[arg(long, value_name = "FILE")]
    from_file: PathBuf,
    #[arg(long)]
    supplier: String,
    /// When the goods are expected, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    expected: Option<String>,
    /// The supplier's order number or your own reference.
    #[arg(long)]
    reference: Option<String>,
    /// Free text for the warehouse staff.
    #[arg(long)]
    remark: Option<String>,
    #[arg(long)]
    json: bool,
}

pub async fn po(app: &App, args: PoArgs) -> ExitCode {
    let result = match crate::sync::locked_engine(app) {
        // Held for the whole command, so a scheduler in another process does not drain the
        // same calls at the same time.
        Ok((_lock, _engine)) => run(app, args).await,
        Err(err) => Err(err.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(message) => output::fail(message),
    }
}

async fn run(app: &App, args: PoArgs) -> Result<ExitCode, String> {
    let text = |e: brygga_app::IpcError| e.to_string();
    match args {
        PoArgs::Create(args) => create(app, args).await,
        PoArgs::List { all, json } => {
            let list = list_purchase_orders(
                app,
                ListPurchaseOrdersRequest {
                    include_cancelled: all,
                },
            )
            .await
            .map_err(text)?;
            if json {
                return Ok(output::json(&list));
            }
            for po in &list.purchase_orders {
                print_summary(po);
            }
            println!(
                "{} purchase order(s), {} open deviation(s)",
                list.purchase_orders.len(),
                list.open_deviations
            );
            Ok(ExitCode::from(DONE))
        }
        PoArgs::Deviations { all, json } => {
            let list = list_deviations(
                app,
                ListDeviationsRequest {
                    include_acknowledged: all,
                },
            )
            .await
            .map_err(text)?;
            if json {
                return Ok(output::json(&list));
            }
            for d in &list.deviations {
                println!(
                    "{} {} advised {} received {} rejected {} difference {:+}{} {:?}{}",
                    d.number,
                    d.sku,
                    d.advised,
                    d.received,
                    d.rejected,
                    d.difference,
                    d.difference_percent
                        .map(|p| format!(" ({p:+}%)"))
                        .unwrap_or_default(),
                    d.kinds,
                    if d.open { " open" } else { " acknowledged" }
                );
            }
            println!("{} open deviation(s)", list.open);
            Ok(ExitCode::from(DONE))
        }
        PoArgs::Acknowledge {
            number,
            skus,
            note,
            json,
        } => {
            let skus = if skus.is_empty() {
                list_deviations(app, ListDeviationsRequest::default())
                    .await
                    .map_err(text)?
                    .deviations
                    .into_iter()
                    .filter(|d| d.number == number)
                    .map(|d| d.sku)
                    .collect()
            } else {
                skus
            };
            if skus.is_empty() {
                return Err(format!("purchase order {number} has no open deviation"));
            }
            let result = acknowledge_deviations(
                app,
                AcknowledgeDeviationsRequest {
                    deviations: skus
                        .into_iter()
                        .map(|sku| DeviationRef {
                            number: number.clone(),
                            sku,
                        })
                        .collect(),
                    note,
                },
            )
            .await
            .map_err(text)?;
            let code = if result.problems.is_empty() {
                DONE
            } else {
                SOME_FAILED
            };
            if json {
                output::json(&result);
            } else {
                for problem in &result.problems {
                    eprintln!("! {problem}");
                }
                println!("{} deviation(s) acknowledged", result.acknowledged);
                for number in &result.reported {
                    println!("{number} marked reported in the warehouse");
                }
            }
            Ok(ExitCode::from(code))
        }
        PoArgs::Cancel { number, json } => {
            let saved = cancel_purchase_order(app, PurchaseOrderRequest { number })
                .await
                .map_err(text)?;
            Ok(answer(&saved, json))
        }
        PoArgs::StockIn {
            filter,
            quantity,
            expected,
            json,
        } => {
            let saved = create_initial_stock_in(
                app,
                InitialStockInRequest {
                    sku_filter: filter,
                    default_quantity: Some(quantity),
                    expected_date: expected,
                    ..InitialStockInRequest::default()
                },
            )
            .await
            .map_err(text)?;
            Ok(answer(&saved, json))
        }
    }
}

async fn create(app: &App, args: CreateArgs) -> Result<ExitCode, String> {
    let content = std::fs::read_to_string(&args.from_file)
        .map_err(|err| format!("cannot read {}: {err}", args.from_file.display()))?;
    let parsed = parse_purchase_order_lines(app, ParsePurchaseOrderLinesRequest { text: content })
        .await
        .map_err(|e| e.to_string())?;
    if !parsed.errors.is_empty() {
        for error in &parsed.errors {
            eprintln!(
                "{}:{}: {} ({})",
                args.from_file.display(),
                error.line,
                error.reason,
                error.text
            );
        }
        eprintln!(
            "brygga: {} bad row(s); no purchase order was created",
            parsed.errors.len()
        );
        return Ok(ExitCode::from(SOME_FAILED));
    }
    for sku in &parsed.unknown_skus {
        eprintln!("warning: {sku} has not been sent to the warehouse as an article");
    }
    let saved = create_purchase_order(
        app,
        PurchaseOrderForm {
            supplier: args.supplier,
            reference: args.reference,
            expected_date: args.expected,
            remark: args.remark,
            lines: parsed.lines,
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    Ok(answer(&saved, args.json))
}

/// Prints a saved purchase order; exit 1 when the warehouse has not taken it.
fn answer(saved: &PurchaseOrderSaved, json: bool) -> ExitCode {
    let code = if saved.accepted { DONE } else { SOME_FAILED };
    if json {
        output::json(saved);
    } else {
        print_summary(&saved.detail.summary);
        if let Some(problem) = &saved.problem {
            eprintln!("! {}: {problem}", saved.detail.summary.number);
        }
    }
    ExitCode::from(code)
}

fn print_summary(po: &PurchaseOrderSummary) {
    println!(
        "{} {:?} {} expected {} lines {} advised {} received {} open deviations {}{}",
        po.number,
        po.stage,
        po.supplier,
        po.expected_date.as_deref().unwrap_or("-"),
        po.line_count,
        po.advised_units,
        po.received_units,
        po.open_deviations,
        po.refusal
            .as_deref()
            .map(|r| format!(" refused: {r}"))
            .unwrap_or_default()
    );
}
