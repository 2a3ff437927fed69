//! `transport_mapping_overview` and `save_transport_mapping`: every shop shipping method against
//! the warehouse's live transporter contracts, with the orders each unmapped method holds up.
//!
//! The order planner holds an order whose shipping method has no transport with the problem
//! `unmappedShippingMethod` (hold code `order.unmappedShippingMethod`); the orders flow reads every
//! held order again on each cycle, so once the method is mapped the next orders sync sends them.

use std::collections::{BTreeMap, BTreeSet};

use brygga_core::mapping::{Transport, TransportMapping};
use brygga_core::order::OrderProblem;
use brygga_ongoing::catalog::TransporterContract;
use brygga_starweb::reference::{ShippingMethod, TrackingType};
use brygga_sync::setup::suggest_transport;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::refused;
use crate::{App, IpcError, mapping};

/// How the warehouse ships a method: a transporter contract's codes, or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum TransportForm {
    #[serde(rename_all = "camelCase")]
    Carrier {
        transporter_code: String,
        service_code: String,
        /// The shop's tracking type, so the customer's tracking link works.
        #[ts(type = "number | null")]
        tracker_type: Option<i64>,
    },
    /// Not sent to the warehouse (click and collect in the merchant's own store).
    NotSent,
}

impl From<&Transport> for TransportForm {
    fn from(transport: &Transport) -> Self {
        match transport {
            Transport::Carrier {
                transporter_code,
                service_code,
                tracker_type,
            } => Self::Carrier {
                transporter_code: transporter_code.clone(),
                service_code: service_code.clone(),
                tracker_type: *tracker_type,
            },
            Transport::NotSent => Self::NotSent,
        }
    }
}

/// The orders a shipping method holds up because it is unmapped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HeldOrders {
    pub count: u32,
    /// The shop's order numbers, lowest first.
    #[ts(type = "Array<number>")]
    pub order_ids: Vec<i64>,
}

/// One shop shipping method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ShippingMethodRow {
    #[ts(type = "number")]
    pub shipping_method_id: i64,
    /// The Swedish name, else the first one the shop gives.
    pub name: Option<String>,
    pub name_en: Option<String>,
    /// Offered at checkout.
    pub active: bool,
    pub click_and_collect: bool,
    pub external_id: Option<String>,
    /// The saved transport; `null` when unmapped (its orders are held).
    pub transport: Option<TransportForm>,
    /// What Brygga suggests; `null` when it recognises no carrier in the name.
    pub suggested: Option<TransportForm>,
    /// The saved carrier or service is no longer among the warehouse's contracts.
    pub contract_missing: bool,
    /// Orders held because this method was unmapped when they were planned. After mapping, they
    /// go with the next orders sync.
    pub held: HeldOrders,
}

/// A saved transport for a shipping method the shop no longer has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StaleMethodRule {
    #[ts(type = "number")]
    pub shipping_method_id: i64,
    pub transport: TransportForm,
}

/// One service of a transporter contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ServiceView {
    pub service_code: String,
    pub service_name: Option<String>,
}

/// One transporter contract of the goods owner, with its services (the default first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContractView {
    pub transporter_code: String,
    pub transporter_name: Option<String>,
    pub services: Vec<ServiceView>,
}

/// A carrier whose tracking numbers the shop turns into links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrackingTypeView {
    #[ts(type = "number")]
    pub tracker_type: i64,
    pub name: String,
}

/// Everything the transport mapping screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TransportMappingView {
    pub methods: Vec<ShippingMethodRow>,
    /// Saved transports for methods that are gone; saving drops them.
    pub stale: Vec<StaleMethodRule>,
    pub contracts: Vec<ContractView>,
    pub tracking_types: Vec<TrackingTypeView>,
    /// Orders held for an unmapped shipping method, all methods together.
    pub held_total: u32,
    /// Whether a transport mapping was ever saved.
    pub saved: bool,
}

/// `transport_mapping_overview` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TransportMappingRequest {}

/// One shipping method's transport as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TransportEntry {
    #[ts(type = "number")]
    pub shipping_method_id: i64,
    pub transport: TransportForm,
}

/// `save_transport_mapping`: replaces the transport mapping whole; methods left out are unmapped.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveTransportMappingRequest {
    pub methods: Vec<TransportEntry>,
}

/// The live lists of both systems.
struct Lists {
    methods: Vec<ShippingMethod>,
    trackers: Vec<TrackingType>,
    contracts: Vec<TransporterContract>,
}

async fn lists(app: &App) -> Result<Lists, IpcError> {
    let remotes = crate::sync::remotes(app)?;
    let shop_error = |e: brygga_starweb::StarwebError| IpcError::remote(&e);
    let methods = remotes.shop.shipping_methods().await.map_err(shop_error)?;
    let trackers = remotes
        .shop
        .shipping_tracking_types()
        .await
        .map_err(shop_error)?;
    let contracts = remotes
        .warehouse
        .transporter_contracts()
        .await
        .map_err(|e| IpcError::remote(&e))?;
    Ok(Lists {
        methods,
        trackers,
        contracts,
    })
}

/// The contracts as the screen lists them: the contract's own service first, then the others.
fn contracts(list: &[TransporterContract]) -> Vec<ContractView> {
    list.iter()
        .filter_map(|c| {
            let code = c.transporter_code.clone().filter(|c| !c.is_empty())?;
            let mut services: Vec<ServiceView> = Vec::new();
            let listed = c.transporter_services.iter().flatten();
            let default = c.transporter_service_code.clone().map(|code| {
                let name = listed
                    .clone()
                    .find(|s| s.transporter_service_code.as_deref() == Some(code.as_str()))
                    .and_then(|s| s.transporter_service_name.clone());
                ServiceView {
                    service_code: code,
                    service_name: name,
                }
            });
            services.extend(default);
            for service in listed {
                if let Some(code) = service.transporter_service_code.clone()
                    && !services.iter().any(|s| s.service_code == code)
                {
                    services.push(ServiceView {
                        service_code: code,
                        service_name: service.transporter_service_name.clone(),
                    });
                }
            }
            Some(ContractView {
                transporter_code: code,
                transporter_name: c.transporter_name.clone(),
                services,
            })
        })
        .collect()
}

/// Whether the warehouse offers this carrier and service.
fn offered(contracts: &[ContractView], transporter_code: &str, service_code: &str) -> bool {
    contracts.iter().any(|c| {
        c.transporter_code == transporter_code
            && c.services.iter().any(|s| s.service_code == service_code)
    })
}

/// Held orders by the shipping method that was unmapped when they were planned.
fn held_by_method(app: &App) -> Result<BTreeMap<i64, Vec<i64>>, IpcError> {
    let mut held: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for link in app.store()?.order_links().list_held()? {
        let problems: Vec<OrderProblem> = link
            .hold
            .as_ref()
            .and_then(|h| h.get("problems"))
            .and_then(|p| serde_json::from_value(p.clone()).ok())
            .unwrap_or_default();
        let method = problems.iter().find_map(|p| match p {
            OrderProblem::UnmappedShippingMethod {
                shipping_method_id, ..
            } => Some(*shipping_method_id),
            _ => None,
        });
        if let Some(method) = method {
            held.entry(method).or_default().push(link.shop_order_id);
        }
    }
    for ids in held.values_mut() {
        ids.sort_unstable();
    }
    Ok(held)
}

fn held_orders(ids: Option<&Vec<i64>>) -> HeldOrders {
    let ids = ids.cloned().unwrap_or_default();
    HeldOrders {
        count: u32::try_from(ids.len()).unwrap_or(u32::MAX),
        order_ids: ids,
    }
}

fn view(
    app: &App,
    lists: &Lists,
    saved: &TransportMapping,
    ever_saved: bool,
) -> Result<TransportMappingView, IpcError> {
    let suggested = suggest_transport(
        &lists.methods,
        &lists.trackers,
        &lists.contracts,
        &mut Vec::new(),
    );
    let contracts = contracts(&lists.contracts);
    let held = held_by_method(app)?;
    let live: BTreeSet<i64> = lists
        .methods
        .iter()
        .map(|m| i64::from(m.shipping_method_id))
        .collect();
    let methods = lists
        .methods
        .iter()
        .map(|method| {
            let id = i64::from(method.shipping_method_id);
            let transport = saved.get(id);
            ShippingMethodRow {
                shipping_method_id: id,
                name: method.name("sv").map(str::to_owned),
                name_en: method
                    .languages
                    .iter()
                    .find(|n| n.lang_code == "en")
                    .and_then(|n| n.name.clone()),
                active: method.active,
                click_and_collect: method.is_click_and_collect,
                external_id: method.external_id.clone(),
                transport: transport.map(Into::into),
                suggested: suggested.get(id).map(Into::into),
                contract_missing: match transport {
                    Some(Transport::Carrier {
                        transporter_code,
                        service_code,
                        ..
                    }) => !offered(&contracts, transporter_code, service_code),
                    Some(Transport::NotSent) | None => false,
                },
                held: held_orders(held.get(&id)),
            }
        })
        .collect();
    let held_total = held.values().map(Vec::len).sum::<usize>();
    Ok(TransportMappingView {
        methods,
        stale: saved
            .methods
            .iter()
            .filter(|(id, _)| !live.contains(id))
            .map(|(id, transport)| StaleMethodRule {
                shipping_method_id: *id,
                transport: transport.into(),
            })
            .collect(),
        contracts,
        tracking_types: lists
            .trackers
            .iter()
            .map(|t| TrackingTypeView {
                tracker_type: i64::from(t.tracker_type),
                name: t.name.clone(),
            })
            .collect(),
        held_total: u32::try_from(held_total).unwrap_or(u32::MAX),
        saved: ever_saved,
    })
}

/// Every shipping method with its saved and suggested transport and the orders it holds up, the
/// warehouse's contracts and the shop's tracking types.
pub async fn transport_mapping_overview(
    app: &App,
    _request: TransportMappingRequest,
) -> Result<TransportMappingView, IpcError> {
    let lists = lists(app).await?;
    let saved: TransportMapping = mapping::get(app)?;
    let ever_saved = app
        .store()?
        .settings()
        .get::<TransportMapping>(brygga_sync::settings::TRANSPORT_MAPPING)?
        .is_some();
    view(app, &lists, &saved, ever_saved)
}

/// Checks every method, carrier, service and tracking type against the live lists and saves the
/// mapping; returns the screen as saved. Held orders of a method mapped now go with the next
/// orders sync.
pub async fn save_transport_mapping(
    app: &App,
    request: SaveTransportMappingRequest,
) -> Result<TransportMappingView, IpcError> {
    let lists = lists(app).await?;
    let mapping = checked(&lists, &request.methods)?;
    mapping::set(app, &mapping)?;
    view(app, &lists, &mapping, true)
}

/// The mapping the entries describe, or every reason it cannot be saved.
fn checked(lists: &Lists, entries: &[TransportEntry]) -> Result<TransportMapping, IpcError> {
    let contracts = contracts(&lists.contracts);
    let mut problems = Vec::new();
    let mut methods = BTreeMap::new();
    for entry in entries {
        let id = entry.shipping_method_id;
        if !lists
            .methods
            .iter()
            .any(|m| i64::from(m.shipping_method_id) == id)
        {
            problems.push(format!(
                "the shop has no shipping method {id} (read the lists again)"
            ));
        }
        let transport = match &entry.transport {
            TransportForm::NotSent => Transport::NotSent,
            TransportForm::Carrier {
                transporter_code,
                service_code,
                tracker_type,
            } => {
                let code = transporter_code.trim();
                let service = service_code.trim();
                match contracts.iter().find(|c| c.transporter_code == code) {
                    None => problems.push(format!(
                        "shipping method {id}: the warehouse has no transporter contract \"{code}\""
                    )),
                    Some(contract) if !offered(&contracts, code, service) => {
                        problems.push(format!(
                            "shipping method {id}: transporter {code} offers no service \"{service}\" \
                             (it offers {})",
                            contract
                                .services
                                .iter()
                                .map(|s| s.service_code.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    }
                    Some(_) => {}
                }
                if let Some(tracker) = tracker_type
                    && !lists
                        .trackers
                        .iter()
                        .any(|t| i64::from(t.tracker_type) == *tracker)
                {
                    problems.push(format!(
                        "shipping method {id}: the shop has no tracking type {tracker}"
                    ));
                }
                Transport::Carrier {
                    transporter_code: code.to_owned(),
                    service_code: service.to_owned(),
                    tracker_type: *tracker_type,
                }
            }
        };
        if methods.insert(id, transport).is_some() {
            problems.push(format!("shipping method {id} is given twice"));
        }
    }
    if problems.is_empty() {
        Ok(TransportMapping { methods })
    } else {
        Err(refused("transport mapping", &problems))
    }
}
