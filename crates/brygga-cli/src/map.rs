//! `brygga map status|transport`: show a mapping, set one entry, suggest one from both systems'
//! live lists, or move it in and out of a JSON file.

use std::process::ExitCode;

use brygga_app::App;
use brygga_app::mapping::{self, Mapping};
use brygga_core::mapping::{
    ShopStatusRule, StatusMapping, Transport, TransportMapping, WarehouseStage, WarehouseStatusRule,
};
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use crate::output::{self, DONE};

#[derive(Debug, Subcommand)]
pub enum MapArgs {
    /// What each shop status and each warehouse status means.
    Status {
        #[command(flatten)]
        common: Common,
        /// Set what a shop status does (with --rule).
        #[arg(long, requires = "rule")]
        shop_status: Option<i64>,
        #[arg(long, value_enum)]
        rule: Option<Rule>,
        /// Set the stage of a warehouse status (with --stage, optionally --to-shop-status).
        #[arg(long, requires = "stage")]
        warehouse_status: Option<i32>,
        #[arg(long, value_enum)]
        stage: Option<Stage>,
        #[arg(long, requires = "warehouse_status")]
        to_shop_status: Option<i64>,
    },
    /// Which carrier and service each shipping method books.
    Transport {
        #[command(flatten)]
        common: Common,
        /// The shop shipping method to set (with --carrier and --service, or --not-sent).
        #[arg(long)]
        shipping_method: Option<i64>,
        #[arg(long, requires = "shipping_method", requires = "service")]
        carrier: Option<String>,
        #[arg(long, requires = "carrier")]
        service: Option<String>,
        #[arg(long, requires = "carrier")]
        tracker_type: Option<i64>,
        #[arg(long, requires = "shipping_method", conflicts_with = "carrier")]
        not_sent: bool,
    },
}

#[derive(Debug, Args)]
pub struct Common {
    /// Replace the mapping with the one in this JSON file.
    #[arg(long, value_name = "FILE")]
    from_file: Option<std::path::PathBuf>,
    /// Write the mapping to this JSON file.
    #[arg(long, value_name = "FILE")]
    to_file: Option<std::path::PathBuf>,
    /// Replace the mapping with one suggested from both systems' live lists.
    #[arg(long)]
    suggest: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Rule {
    Send,
    Hold,
    Release,
    Cancel,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Stage {
    Open,
    Started,
    Sent,
    Cancelled,
}

pub async fn map(app: &App, args: MapArgs) -> ExitCode {
    let result = match args {
        MapArgs::Status {
            common,
            shop_status,
            rule,
            warehouse_status,
            stage,
            to_shop_status,
        } => {
            edit::<StatusMapping>(app, &common, |m| {
                if let (Some(id), Some(rule)) = (shop_status, rule) {
                    m.shop.insert(id, shop_rule(rule));
                }
                if let (Some(number), Some(stage)) = (warehouse_status, stage) {
                    m.warehouse.insert(
                        number,
                        WarehouseStatusRule {
                            stage: warehouse_stage(stage),
                            shop_status: to_shop_status,
                        },
                    );
                }
            })
            .await
        }
        MapArgs::Transport {
            common,
            shipping_method,
            carrier,
            service,
            tracker_type,
            not_sent,
        } => {
            edit::<TransportMapping>(app, &common, |m| {
                let Some(id) = shipping_method else { return };
                if not_sent {
                    m.methods.insert(id, Transport::NotSent);
                } else if let (Some(code), Some(service)) = (carrier.clone(), service.clone()) {
                    m.methods.insert(
                        id,
                        Transport::Carrier {
                            transporter_code: code,
                            service_code: service,
                            tracker_type,
                        },
                    );
                }
            })
            .await
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => output::fail(message),
    }
}

/// Loads, changes (file, suggestion, one entry), saves if changed, and shows the mapping.
async fn edit<M: Mapping + Suggested + Clone + PartialEq + Serialize>(
    app: &App,
    common: &Common,
    change: impl FnOnce(&mut M),
) -> Result<ExitCode, String> {
    let before: M = mapping::get(app).map_err(|e| e.to_string())?;
    let mut mapping = before.clone();
    if let Some(path) = &common.from_file {
        let text = std::fs::read_to_string(path)
            .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        mapping = mapping::parse(&text, &path.display().to_string()).map_err(|e| e.to_string())?;
    }
    if common.suggest {
        let engine = brygga_app::sync::engine(app).map_err(|e| e.to_string())?;
        let suggestion = engine.suggest_mappings().await.map_err(|e| e.to_string())?;
        for note in &suggestion.notes {
            eprintln!("note: {note}");
        }
        mapping = M::take(suggestion);
    }
    change(&mut mapping);
    if mapping != before {
        mapping::set(app, &mapping).map_err(|e| e.to_string())?;
        eprintln!("saved the {}", M::NAME);
    }
    let text = serde_json::to_string_pretty(&mapping).map_err(|e| e.to_string())?;
    if let Some(path) = &common.to_file {
        std::fs::write(path, &text)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        eprintln!("wrote the {} to {}", M::NAME, path.display());
    }
    if common.json || common.to_file.is_none() {
        println!("{text}");
    }
    Ok(ExitCode::from(DONE))
}

/// Picks one mapping out of a suggestion.
trait Suggested {
    fn take(suggestion: brygga_sync::setup::Suggestion) -> Self;
}

impl Suggested for StatusMapping {
    fn take(suggestion: brygga_sync::setup::Suggestion) -> Self {
        suggestion.statuses
    }
}

impl Suggested for TransportMapping {
    fn take(suggestion: brygga_sync::setup::Suggestion) -> Self {
        suggestion.transport
    }
}

fn shop_rule(rule: Rule) -> ShopStatusRule {
    match rule {
        Rule::Send => ShopStatusRule::Send,
        Rule::Hold => ShopStatusRule::Hold,
        Rule::Release => ShopStatusRule::Release,
        Rule::Cancel => ShopStatusRule::Cancel,
    }
}

fn warehouse_stage(stage: Stage) -> WarehouseStage {
    match stage {
        Stage::Open => WarehouseStage::Open,
        Stage::Started => WarehouseStage::Started,
        Stage::Sent => WarehouseStage::Sent,
        Stage::Cancelled => WarehouseStage::Cancelled,
    }
}
