//! The names of the shop's order statuses, for the orders list and the order page.
//!
//! The store keeps status ids only (ids differ per shop); the names come from the shop's live
//! status list, read once and kept in memory for the rest of the session, per shop address. A shop
//! that cannot be reached never fails a list: the screen shows the ids until a later read works,
//! and the failed read is not repeated for a minute, so an unreachable shop does not slow every
//! page down with a timeout. A read waits a few seconds at most.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::App;
use crate::connections::{self, StarwebConnection};

/// How long a failed read of the status list is remembered before the next attempt.
const RETRY_AFTER: Duration = Duration::from_secs(60);
/// How long a list waits for the shop's names before it shows ids instead.
const PATIENCE: Duration = Duration::from_secs(3);

/// Shop status id -> name.
pub type StatusNames = Arc<BTreeMap<i64, String>>;

enum Cached {
    Read(StatusNames),
    Failed(Instant),
}

fn cache() -> &'static Mutex<HashMap<String, Cached>> {
    static CACHE: std::sync::OnceLock<Mutex<HashMap<String, Cached>>> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The shop's status names; empty when no shop is connected or it cannot be read now.
pub async fn names(app: &App) -> StatusNames {
    let Ok((shop, _)) = connections::load::<StarwebConnection>(app) else {
        return StatusNames::default();
    };
    let key = shop.api_url;
    {
        let cached = cache().lock().unwrap_or_else(PoisonError::into_inner);
        match cached.get(&key) {
            Some(Cached::Read(names)) => return names.clone(),
            Some(Cached::Failed(at)) if at.elapsed() < RETRY_AFTER => {
                return StatusNames::default();
            }
            _ => {}
        }
    }
    let read = match crate::sync::remotes(app) {
        Ok(remotes) => match tokio::time::timeout(PATIENCE, remotes.shop.order_statuses()).await {
            Ok(read) => read.map_err(|e| e.to_string()),
            Err(_) => Err(format!("the shop did not answer within {PATIENCE:?}")),
        },
        Err(err) => Err(err.message),
    };
    let entry = match read {
        Ok(statuses) => Cached::Read(Arc::new(
            statuses
                .all()
                .iter()
                .map(|s| {
                    let name = s
                        .name("sv")
                        .map_or_else(|| s.status_id.to_string(), str::to_owned);
                    (i64::from(s.status_id), name)
                })
                .collect(),
        )),
        Err(reason) => {
            tracing::warn!("the shop's status names could not be read: {reason}");
            Cached::Failed(Instant::now())
        }
    };
    let names = match &entry {
        Cached::Read(names) => names.clone(),
        Cached::Failed(_) => StatusNames::default(),
    };
    cache()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, entry);
    names
}
