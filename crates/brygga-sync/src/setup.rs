//! A first mapping suggested from the live lists of both systems, for the merchant to check and
//! for `brygga demo`.
//!
//! Ongoing's status numbers differ per 3PL, so a warehouse status is read by its name first
//! (English or Swedish) and only then by Ongoing's usual number ranges. A shipping method is matched
//! to a transporter contract by the carrier's name in the method's name; "click and collect"
//! methods are not sent to the warehouse; anything not recognised stays unmapped, so its orders
//! stop with a clear reason instead of going out with a guessed carrier.

use brygga_core::mapping::{
    ShopStatusRule, StatusMapping, Transport, TransportMapping, WarehouseStage, WarehouseStatusRule,
};
use brygga_ongoing::catalog::{OrderStatus, TransporterContract};
use brygga_starweb::reference::{ShippingMethod, TrackingType};
use brygga_starweb::statuses::{ShopStatuses, StandardStatus};
use serde::Serialize;

use crate::engine::Engine;
use crate::error::SyncError;

/// Both mappings as suggested, with a line per guess for the merchant to review.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub statuses: StatusMapping,
    pub transport: TransportMapping,
    pub notes: Vec<String>,
}

/// The carriers Brygga recognises by name: words in a shipping method's name -> words in a
/// transporter contract's or tracker type's name.
const CARRIERS: &[(&[&str], &str)] = &[
    (&["postnord", "posten", "mypack", "varubrev"], "postnord"),
    (&["schenker"], "schenker"),
    (&["dhl"], "dhl"),
    (&["budbee"], "budbee"),
    (&["instabox"], "instabox"),
    (&["bring"], "bring"),
    (&["ups"], "ups"),
];

/// The stage a warehouse status name or number suggests.
pub fn stage_of(number: i32, text: Option<&str>) -> WarehouseStage {
    let text = text.unwrap_or_default().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&["cancel", "makuler", "annuller"]) {
        WarehouseStage::Cancelled
    } else if has(&[
        "sent",
        // Norwegian and Danish 3PLs: "Sendt", "Levert", "Sendt/Dellevert".
        "sendt",
        "levert",
        "skick",
        "collected",
        "hämtad",
        "levererad",
        "delivered",
        "return",
    ]) {
        WarehouseStage::Sent
    } else if has(&["open", "öppen", "error", "fel", "ny", "new", "registrerad"]) {
        WarehouseStage::Open
    } else if has(&[
        "releas", "släpp", "plock", "pick", "pack", "allocat", "reserv",
    ]) {
        WarehouseStage::Started
    } else {
        match number {
            ..300 => WarehouseStage::Open,
            300..450 => WarehouseStage::Started,
            450..1000 => WarehouseStage::Sent,
            _ => WarehouseStage::Cancelled,
        }
    }
}

impl Engine {
    /// Reads both systems' lists and suggests a mapping.
    pub async fn suggest_mappings(&self) -> Result<Suggestion, SyncError> {
        let shop_statuses = self.remotes.shop.order_statuses().await?;
        let warehouse_statuses = self.remotes.warehouse.order_statuses().await?;
        let methods = self.remotes.shop.shipping_methods().await?;
        let trackers = self.remotes.shop.shipping_tracking_types().await?;
        let contracts = self.remotes.warehouse.transporter_contracts().await?;
        let mut notes = Vec::new();
        let statuses = suggest_statuses(&shop_statuses, &warehouse_statuses, &mut notes);
        let transport = suggest_transport(&methods, &trackers, &contracts, &mut notes);
        Ok(Suggestion {
            statuses,
            transport,
            notes,
        })
    }
}

/// The status mapping suggested from both live status lists: the shop's standard statuses send
/// and cancel, each warehouse status gets the stage its name (or number) suggests and the shop
/// status that stage usually sets.
pub fn suggest_statuses(
    shop_statuses: &ShopStatuses,
    warehouse_statuses: &[OrderStatus],
    notes: &mut Vec<String>,
) -> StatusMapping {
    let mut statuses = StatusMapping::default();
    let id = |standard| shop_statuses.id_of(standard).ok().map(i64::from);
    if let Some(created) = id(StandardStatus::Created) {
        statuses.shop.insert(created, ShopStatusRule::Send);
    }
    let canceled = id(StandardStatus::Canceled);
    if let Some(canceled) = canceled {
        statuses.shop.insert(canceled, ShopStatusRule::Cancel);
    }
    let picking = id(StandardStatus::Picking);
    let completed = id(StandardStatus::Completed);
    for status in warehouse_statuses {
        let stage = stage_of(status.number, status.text.as_deref());
        let returned = status
            .text
            .as_deref()
            .is_some_and(|t| t.to_lowercase().contains("return"));
        let shop_status = match stage {
            WarehouseStage::Started => picking,
            WarehouseStage::Sent if !returned => completed,
            // The 3PL cancelled it: the shop should say so too (cancellation both ways).
            WarehouseStage::Cancelled => canceled,
            WarehouseStage::Open | WarehouseStage::Sent => None,
        };
        notes.push(format!(
            "warehouse status {} ({}) read as {stage:?}",
            status.number,
            status.text.as_deref().unwrap_or("no name")
        ));
        statuses
            .warehouse
            .insert(status.number, WarehouseStatusRule { stage, shop_status });
    }
    statuses
}

/// The transport mapping suggested from the shop's active shipping methods and the warehouse's
/// transporter contracts; a method whose carrier is not recognised stays unmapped.
pub fn suggest_transport(
    methods: &[ShippingMethod],
    trackers: &[TrackingType],
    contracts: &[TransporterContract],
    notes: &mut Vec<String>,
) -> TransportMapping {
    let mut transport = TransportMapping::default();
    for method in methods.iter().filter(|m| m.active) {
        let name = method.name("sv").unwrap_or_default().to_lowercase();
        let id = i64::from(method.shipping_method_id);
        if method.is_click_and_collect
            || ["hämta", "butik", "click"].iter().any(|w| name.contains(w))
        {
            transport.methods.insert(id, Transport::NotSent);
            continue;
        }
        let carrier = CARRIERS
            .iter()
            .find(|(words, _)| words.iter().any(|w| name.contains(w)))
            .map(|(_, carrier)| *carrier);
        let contract = carrier.and_then(|carrier| {
            contracts.iter().find(|c| {
                c.transporter_name
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase().contains(carrier))
            })
        });
        match contract {
            Some(contract) => {
                let tracker_type = carrier.and_then(|carrier| {
                    trackers
                        .iter()
                        .find(|t| {
                            let name = t.name.to_lowercase();
                            name.contains(carrier)
                                || (carrier == "postnord" && name.contains("posten"))
                        })
                        .map(|t| i64::from(t.tracker_type))
                });
                transport.methods.insert(
                    id,
                    Transport::Carrier {
                        transporter_code: contract.transporter_code.clone().unwrap_or_default(),
                        service_code: contract
                            .transporter_service_code
                            .clone()
                            .unwrap_or_default(),
                        tracker_type,
                    },
                );
            }
            None => notes.push(format!(
                "shipping method {id} ({name}) matches no transporter contract; map it by hand"
            )),
        }
    }
    transport
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_are_read_in_english_swedish_and_norwegian() {
        let cases = [
            (200, "Open", WarehouseStage::Open),
            (300, "Släppt till plock", WarehouseStage::Started),
            (450, "Skickad", WarehouseStage::Sent),
            (425, "Sendt/Dellevert", WarehouseStage::Sent),
            (500, "Levert", WarehouseStage::Sent),
            (1000, "Makulerad", WarehouseStage::Cancelled),
        ];
        for (number, text, stage) in cases {
            assert_eq!(
                stage_of(number, Some(text)),
                stage,
                "{number} {text}: the name decides before the number range"
            );
        }
        assert_eq!(
            stage_of(425, None),
            WarehouseStage::Started,
            "without a name, Ongoing's usual 300-449 range means started"
        );
    }
}
