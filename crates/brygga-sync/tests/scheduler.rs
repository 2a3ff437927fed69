//! The scheduler's passes on a manual clock moved through days: which flows start when. Both
//! systems are unreachable here (a closed port), so every cycle fails at its first read; a failed
//! run is still a run, and the schedule is about when runs start.

use std::sync::Arc;
use std::time::Duration;

use brygga_core::Sensitive;
use brygga_core::clock::{Clock, ManualClock};
use brygga_core::schedule::Flow;
use brygga_ongoing::{OngoingClient, OngoingConfig};
use brygga_starweb::{StarwebClient, StarwebConfig};
use brygga_store::Store;
use brygga_sync::{Engine, Remotes, Stop};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};

/// A port nothing listens on: bound once, then released.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn engine(clock: Arc<ManualClock>) -> Engine {
    let port = closed_port();
    let remotes = Remotes {
        shop: StarwebClient::new(StarwebConfig {
            api_url: format!("http://127.0.0.1:{port}/api/v2"),
            client_id: "id".to_owned(),
            client_secret: Sensitive::new("secret".to_owned()),
            timeout: Duration::from_secs(2),
        })
        .unwrap(),
        warehouse: OngoingClient::new(OngoingConfig {
            api_url: format!("http://127.0.0.1:{port}/w/api/v1/"),
            user: "user".to_owned(),
            password: Sensitive::new("password".to_owned()),
            goods_owner_id: 1,
            timeout: Duration::from_secs(2),
        })
        .unwrap(),
    };
    let store = Arc::new(Store::open_in_memory().unwrap());
    Engine::new(store, remotes, clock)
}

/// Stockholm wall time in November (UTC+1).
fn stockholm(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, minute, 0)
        .unwrap()
        - TimeDelta::hours(1)
}

async fn pass(engine: &Engine) -> Vec<Flow> {
    let tick = engine.tick(&Stop::default()).await.unwrap();
    tick.flows.iter().map(|(flow, _)| *flow).collect()
}

#[tokio::test]
async fn flows_start_on_their_own_schedules_through_a_week() {
    // Monday 23 November 2026, 06:00 in Stockholm.
    let clock = Arc::new(ManualClock::new(stockholm(23, 6, 0)));
    let engine = engine(clock.clone());

    assert_eq!(
        pass(&engine).await,
        vec![
            Flow::Orders,
            Flow::Statuses,
            Flow::Stock,
            Flow::Reconcile,
            Flow::PurchaseOrders,
            Flow::Returns
        ],
        "never run, all are due at once, except articles, whose window opens at 07:00"
    );
    assert!(
        pass(&engine).await.is_empty(),
        "a second pass a moment later starts nothing: each flow waits its interval"
    );

    clock.advance(TimeDelta::minutes(5));
    assert_eq!(
        pass(&engine).await,
        vec![Flow::Orders],
        "orders run every 5 minutes"
    );

    clock.set(stockholm(23, 7, 0));
    assert_eq!(
        pass(&engine).await,
        vec![
            Flow::Articles,
            Flow::Orders,
            Flow::Statuses,
            Flow::Stock,
            Flow::Returns
        ],
        "at 07:00 the articles window opens, and returns are read every half hour"
    );

    // Friday 27 November 19:45, then the computer is off until Monday 30 November 09:12.
    clock.set(stockholm(27, 19, 45));
    pass(&engine).await;
    clock.set(stockholm(30, 9, 12));
    let after_weekend = pass(&engine).await;
    assert_eq!(
        after_weekend
            .iter()
            .filter(|flow| **flow == Flow::Articles)
            .count(),
        1,
        "a weekend of missed article runs is caught up once, not replayed: {after_weekend:?}"
    );
    assert!(
        after_weekend.contains(&Flow::Reconcile),
        "the nightly reconciliation missed while off runs once when the computer is back"
    );
    let runs = engine.store().sync_runs().recent(1000).unwrap();
    assert!(
        runs.iter().all(|run| run.outcome.is_some()),
        "every run that started was recorded with its outcome, even the failed ones"
    );
    assert_eq!(
        engine.last_runs().unwrap()[&Flow::Articles],
        clock.now(),
        "the interval counts from the start of the last run"
    );
}
