//! Desktop notifications for problems the merchant must hear about even with the window hidden:
//! a flow run that failed, calls that gave up, and a reconciliation that found stock raised in the
//! shop outside Brygga (something else writes stock too).
//!
//! One notification per new failure: a flow that keeps failing run after run is announced once,
//! and again only after it has worked in between. Calls that give up are announced once per drain
//! in which they died (a call dies once; retrying it by hand and seeing it die again is new).
//! The words follow the merchant's language (`ui.language`, Swedish unless it says English).

use std::collections::BTreeSet;

use brygga_core::schedule::Flow;
use brygga_store::Store;
use brygga_sync::flows::stock::{RAISED_OUTSIDE, RaisedOutside};
use brygga_sync::{DrainReport, FlowReport, Tick};

/// The settings key the settings screen writes the UI language to, as a JSON string.
pub const LANGUAGE_SETTING: &str = "ui.language";

/// One notification, in the merchant's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub title: String,
    pub body: String,
}

/// Shows notifications on the desktop; the shell provides it, tests record what it is given.
pub trait Notifier: Send + Sync + 'static {
    fn notify(&self, notification: Notification);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    Swedish,
    English,
}

fn language(store: &Store) -> Language {
    match store.settings().get::<String>(LANGUAGE_SETTING) {
        Ok(Some(code)) if code == "en" => Language::English,
        _ => Language::Swedish,
    }
}

fn flow_name(flow: Flow, language: Language) -> &'static str {
    match (language, flow) {
        (Language::Swedish, Flow::Articles) => "artiklar",
        (Language::Swedish, Flow::Orders) => "ordrar",
        (Language::Swedish, Flow::Statuses) => "orderstatus",
        (Language::Swedish, Flow::Stock) => "lagersaldo",
        (Language::Swedish, Flow::Reconcile) => "lageravstämning",
        (Language::Swedish, Flow::PurchaseOrders) => "inleveranser",
        (Language::Swedish, Flow::Returns) => "returer",
        (Language::English, Flow::Articles) => "articles",
        (Language::English, Flow::Orders) => "orders",
        (Language::English, Flow::Statuses) => "order statuses",
        (Language::English, Flow::Stock) => "stock",
        (Language::English, Flow::Reconcile) => "stock reconciliation",
        (Language::English, Flow::PurchaseOrders) => "inbound deliveries",
        (Language::English, Flow::Returns) => "returns",
    }
}

/// Which flows are known to be failing, so each failure is announced once.
#[derive(Debug, Default)]
pub struct Watch {
    failing: Option<BTreeSet<Flow>>,
}

impl Watch {
    /// The failing flows, read from the store the first time: a flow already failing when the
    /// app starts was announced before and is not announced again for the same failure.
    fn failing(&mut self, store: &Store) -> &mut BTreeSet<Flow> {
        self.failing.get_or_insert_with(|| {
            Flow::ALL
                .into_iter()
                .filter(|flow| {
                    store
                        .sync_runs()
                        .latest_real(flow.as_str())
                        .ok()
                        .flatten()
                        .is_some_and(|run| run.outcome == Some(brygga_store::SyncOutcome::Failed))
                })
                .collect()
        })
    }

    /// Reads which flows are failing now, before runs begin, unless known already.
    pub fn prime(&mut self, store: &Store) {
        self.failing(store);
    }

    /// What to announce after one flow run: a notification if it failed and was not failing.
    pub fn flow_ran(
        &mut self,
        store: &Store,
        flow: Flow,
        result: Result<(), &str>,
    ) -> Option<Notification> {
        let language = language(store);
        let failing = self.failing(store);
        match result {
            Ok(()) => {
                failing.remove(&flow);
                None
            }
            Err(_) if failing.contains(&flow) => None,
            Err(error) => {
                failing.insert(flow);
                let name = flow_name(flow, language);
                Some(match language {
                    Language::Swedish => Notification {
                        title: format!("Brygga: synken av {name} misslyckades"),
                        body: format!("{error}. Se Synklogg."),
                    },
                    Language::English => Notification {
                        title: format!("Brygga: the {name} sync failed"),
                        body: format!("{error}. See the sync log."),
                    },
                })
            }
        }
    }

    /// What to announce after a drain: one notification for every call that gave up in it.
    pub fn drained(&mut self, store: &Store, report: &DrainReport) -> Option<Notification> {
        let first = report.failures.first()?;
        let count = report.failures.len();
        Some(match language(store) {
            Language::Swedish => Notification {
                title: if count == 1 {
                    "Brygga: ett anrop gav upp".to_owned()
                } else {
                    format!("Brygga: {count} anrop gav upp")
                },
                body: format!(
                    "{}. Försök igen från Synklogg när orsaken är åtgärdad.",
                    first.message
                ),
            },
            Language::English => Notification {
                title: if count == 1 {
                    "Brygga: a call gave up".to_owned()
                } else {
                    format!("Brygga: {count} calls gave up")
                },
                body: format!(
                    "{}. Retry it from the sync log once the cause is fixed.",
                    first.message
                ),
            },
        })
    }

    /// What to announce after a flow run that worked: a reconciliation that found stock raised
    /// in the shop outside Brygga, naming the first article.
    pub fn reported(&self, store: &Store, report: &FlowReport) -> Option<Notification> {
        if report.dry_run || report.counts.get("raisedOutside").copied().unwrap_or(0) == 0 {
            return None;
        }
        let raised: RaisedOutside = store.settings().get(RAISED_OUTSIDE).ok().flatten()?;
        let first = raised.writes.first()?;
        let count = raised.writes.len();
        Some(match language(store) {
            Language::Swedish => Notification {
                title: "Brygga: något annat skriver lagersaldo".to_owned(),
                body: format!(
                    "{} visar mer i butiken än Brygga skrev, till exempel {}: Brygga skrev {}, \
                     butiken visar {}. Se Lageravstämning.",
                    if count == 1 {
                        "En artikel".to_owned()
                    } else {
                        format!("{count} artiklar")
                    },
                    first.sku,
                    first.written,
                    first.shown
                ),
            },
            Language::English => Notification {
                title: "Brygga: something else writes stock".to_owned(),
                body: format!(
                    "{} more in the shop than Brygga wrote, for example {}: Brygga wrote {}, the \
                     shop shows {}. See Stock reconciliation.",
                    if count == 1 {
                        "One article shows".to_owned()
                    } else {
                        format!("{count} articles show")
                    },
                    first.sku,
                    first.written,
                    first.shown
                ),
            },
        })
    }

    /// Everything to announce after a scheduler pass.
    pub fn ticked(&mut self, store: &Store, tick: &Tick) -> Vec<Notification> {
        let mut notes: Vec<Notification> = Vec::new();
        for (flow, result) in &tick.flows {
            notes.extend(self.flow_ran(
                store,
                *flow,
                result.as_ref().map(|_| ()).map_err(String::as_str),
            ));
            if let Ok(report) = result {
                notes.extend(self.reported(store, report));
            }
        }
        notes.extend(self.drained(store, &tick.drained));
        notes
    }
}
