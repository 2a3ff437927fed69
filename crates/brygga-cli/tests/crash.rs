//! Crash safety: `brygga run` killed with SIGKILL at random moments while orders flow, restarted
//! each time, must end with every order exactly once in the warehouse, every shop status change
//! made exactly once and every customer e-mail sent at most once.
//!
//! Both simulators live in this test process, so they outlive every killed `brygga`. The shop has
//! the sample catalogue and some old orders (before the first sync, so never sent); the warehouse
//! starts as `brygga_sim::demo::start_ongoing` leaves it, holding the shop's articles with stock,
//! as a 3PL that already stores the merchant's goods does: the 3PL has to be able to pick and ship
//! the new orders. Every API call waits a little before the handler (the simulators' latency
//! fault) and its answer waits a little after it (a layer of the tests' `support` module), like a
//! real network: a kill then often lands while a call is in flight, sometimes after the other side
//! has acted on it and before Brygga has heard so, which is the moment the outbox exists for.
//!
//! Each round a few customers check out, the 3PL moves some orders one step (released, picked,
//! shipped), `brygga run --every 0.2` starts and is killed after a random 50-1500 ms. At the end
//! `brygga sync all` runs until both systems agree, and the simulators' own records are checked.
//! The rounds follow a seed printed at the start; `BRYGGA_CRASH_SEED=<n>` replays one.
#![cfg(unix)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::process::Stdio;
use std::time::{Duration, Instant};

use brygga_sim::ongoing::{OngoingSim, Picking, Release, Shipping};
use brygga_sim::starweb::EmailTrigger;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use support::{Brygga, Simulators, checkout};

/// How many times `brygga run` is killed.
const KILLS: usize = 24;
/// Sample products in the shop, and old sample orders (all before the first sync).
const PRODUCTS: usize = 30;
const OLD_ORDERS: usize = 20;
/// Waited before each API call is handled (the simulators' latency fault) and after it, before
/// the answer leaves: the window in which a call has happened but Brygga does not know yet.
const LATENCY: &str = "latency=8ms";
const ANSWER_DELAY: Duration = Duration::from_millis(12);
/// How long the end of the test may take to bring both systems into agreement.
const CONVERGE_WITHIN: Duration = Duration::from_secs(90);

#[test]
fn killed_at_random_moments_brygga_sends_each_order_once_and_each_status_once() {
    let seed = std::env::var("BRYGGA_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::rng().random());
    eprintln!("crash test seed: {seed} (set BRYGGA_CRASH_SEED={seed} to replay the rounds)");
    let mut rng = StdRng::seed_from_u64(seed);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime for the simulators");
    let sims = runtime.block_on(Simulators::start(
        PRODUCTS,
        OLD_ORDERS,
        LATENCY,
        ANSWER_DELAY,
    ));
    let folder = tempfile::tempdir().expect("a temporary data folder");
    let brygga = Brygga::new(folder.path(), &sims);
    brygga.set_up(&sims);

    let skus = sims.orderable_skus();
    let method = sims.shipping_method("MyPack");
    let mut placed: Vec<u32> = Vec::new();
    let mut kills: Vec<Kill> = Vec::with_capacity(KILLS);
    let run_log = folder.path().join("run-stderr.log");
    for round in 0..KILLS {
        for _ in 0..rng.random_range(1..=3) {
            let sku = &skus[rng.random_range(0..skus.len())];
            let order = sims
                .shop
                .place_order(checkout(placed.len(), sku, method))
                .expect("the shop takes the order");
            placed.push(order);
        }
        sims.play_the_warehouse(&placed, &mut rng);

        let log = File::options()
            .create(true)
            .append(true)
            .open(&run_log)
            .expect("the run log opens");
        let mut child = brygga
            .command(&["run", "--every", "0.2"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("brygga run starts");
        let after_ms = rng.random_range(50..=1500);
        // The random kill moment: this wait is the point of the test, not a stand-in for a
        // condition.
        std::thread::sleep(Duration::from_millis(after_ms));
        if let Some(status) = child.try_wait().expect("the child can be polled") {
            panic!(
                "round {round}: brygga run ended by itself ({status}) before it was killed:\n{}",
                std::fs::read_to_string(&run_log).unwrap_or_default()
            );
        }
        let calls = sims.shop_wire.in_flight() + sims.warehouse_wire.in_flight();
        let writes = sims.shop_wire.writes_in_flight() + sims.warehouse_wire.writes_in_flight();
        child.kill().expect("SIGKILL is delivered");
        let status = child.wait().expect("the killed child is reaped");
        assert!(
            !status.success(),
            "round {round}: a SIGKILLed process cannot have exited cleanly: {status}"
        );
        let outbox = brygga.outbox();
        kills.push(Kill {
            after_ms,
            calls_in_flight: calls,
            writes_in_flight: writes,
            rows_running: outbox.running,
        });
    }

    // Let it converge: `sync all` (which queues rows a crash left running again) until every
    // order is in the warehouse, every shop status follows its warehouse order and the outbox is
    // empty, or the time is up.
    let deadline = Instant::now() + CONVERGE_WITHIN;
    let mut syncs = 0;
    loop {
        let out = brygga.sync_json();
        syncs += 1;
        let outbox = brygga.outbox();
        let behind = sims.behind(&placed);
        if behind.is_empty() && outbox.pending == 0 && outbox.running == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "after {syncs} syncs in {CONVERGE_WITHIN:?} the systems still disagree: {behind:#?}\n\
             outbox {outbox:?}\nlast sync: {out:#}\nproblems: {}",
            String::from_utf8_lossy(&brygga.run(&["problems"]).stdout)
        );
        // A short pause between polls of the condition.
        std::thread::sleep(Duration::from_millis(100));
    }

    // Every order exactly once in the warehouse.
    let numbers: BTreeSet<u32> = placed.iter().copied().collect();
    assert_eq!(
        numbers.len(),
        placed.len(),
        "the shop gave every order its own number"
    );
    for order in &placed {
        assert!(
            sims.warehouse.order_by_number(&order.to_string()).is_some(),
            "order {order} was placed but never reached the warehouse"
        );
    }
    assert_eq!(
        sims.warehouse.order_count(),
        placed.len(),
        "the warehouse holds each placed order once and nothing else (a second copy of an order \
         would have to be under another number)"
    );

    // Every status change exactly once: the shop records each real change (a write of the status
    // an order already has changes nothing) as a processed payment, since Brygga always lets the
    // shop process the payment.
    let picking = sims
        .shop
        .status_id("picking")
        .expect("the demo shop has picking");
    let completed = sims
        .shop
        .status_id("completed")
        .expect("the demo shop has completed");
    let mut changes: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for payment in sims.shop.processed_payments() {
        *changes
            .entry((payment.order_id, payment.status_id))
            .or_default() += 1;
    }
    for ((order, status), count) in &changes {
        assert!(
            numbers.contains(order),
            "order {order} was not placed during the test, yet its status was changed to {status}"
        );
        assert_eq!(
            *count, 1,
            "order {order} was moved to status {status} {count} times; each change must be made \
             exactly once"
        );
    }
    let mut shipped = 0;
    let mut started = 0;
    for order in &placed {
        let stage = Stage::of(&sims.warehouse, *order);
        let shop_status = sims.shop.order(*order).map(|o| o.status_id);
        let wanted = match stage {
            Stage::Sent => Some(completed),
            Stage::Started => Some(picking),
            Stage::Open => None,
        };
        if let Some(wanted) = wanted {
            assert_eq!(
                changes.get(&(*order, wanted)),
                Some(&1),
                "order {order} is {stage:?} in the warehouse, so it was moved to {wanted} once"
            );
        }
        if stage == Stage::Sent {
            shipped += 1;
            assert_eq!(
                shop_status,
                Some(completed),
                "order {order} is shipped, so it ends completed in the shop (a late 'picking' \
                 must never follow 'completed')"
            );
        } else {
            assert!(
                !changes.contains_key(&(*order, completed)),
                "order {order} is {stage:?} in the warehouse but was completed in the shop"
            );
        }
        if stage == Stage::Started {
            started += 1;
        }
    }

    // Every customer e-mail at most once: per order and status.
    let emails = sims.shop.customer_emails();
    let mut sent: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for email in emails
        .iter()
        .filter(|e| e.trigger == EmailTrigger::StatusChanged)
    {
        *sent.entry((email.order_id, email.status_id)).or_default() += 1;
    }
    for ((order, status), count) in &sent {
        assert_eq!(
            *count, 1,
            "the customer of order {order} got the e-mail of status {status} {count} times"
        );
    }
    for order in &placed {
        if Stage::of(&sims.warehouse, *order) == Stage::Sent {
            assert_eq!(
                sent.get(&(*order, completed)),
                Some(&1),
                "the customer of shipped order {order} gets the shop's 'shipped' e-mail"
            );
        }
    }

    let outbox = brygga.outbox();
    assert_eq!(
        outbox.dead,
        0,
        "no call gave up: {}",
        String::from_utf8_lossy(&brygga.run(&["problems"]).stdout)
    );

    // The kills: when they came and what they interrupted.
    let mid_call = kills.iter().filter(|k| k.calls_in_flight > 0).count();
    let mid_write = kills.iter().filter(|k| k.writes_in_flight > 0).count();
    let mid_row = kills.iter().filter(|k| k.rows_running > 0).count();
    let either = kills
        .iter()
        .filter(|k| k.calls_in_flight > 0 || k.rows_running > 0)
        .count();
    let mut buckets = [0usize; 3];
    for kill in &kills {
        buckets[match kill.after_ms {
            ..500 => 0,
            500..1000 => 1,
            _ => 2,
        }] += 1;
    }
    let status_emails = sent.values().sum::<usize>();
    eprintln!(
        "crash test: {} kills (after 50-500 ms: {}, 500-1000 ms: {}, 1000-1500 ms: {}); \
         {mid_call} with an API call in flight ({mid_write} of them a write), {mid_row} with \
         outbox rows left running, {either} with either; {} orders placed, {shipped} shipped \
         and {started} started in the warehouse; {} status changes, {status_emails} status \
         e-mails, {} e-mails in all; converged after {syncs} `sync all`",
        kills.len(),
        buckets[0],
        buckets[1],
        buckets[2],
        placed.len(),
        changes.len(),
        emails.len()
    );
    assert!(
        either >= KILLS / 4,
        "too few kills interrupted anything for the test to mean much: {kills:#?}"
    );
    drop(sims);
    drop(runtime);
}

/// One SIGKILL and what was going on at that moment.
#[derive(Debug)]
#[allow(dead_code)] // Read through Debug in a failure message.
struct Kill {
    after_ms: u64,
    /// API calls either simulator had received and not yet answered, just before the kill.
    calls_in_flight: usize,
    writes_in_flight: usize,
    /// Outbox rows the killed process had claimed and not finished, read after the kill.
    rows_running: u64,
}

/// Where the warehouse has an order: the 3PL's steps, coarsely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Open,
    Started,
    Sent,
}

impl Stage {
    fn of(warehouse: &OngoingSim, order: u32) -> Stage {
        match warehouse.order_by_number(&order.to_string()) {
            Some(o) if o.status_number >= 450 => Stage::Sent,
            Some(o) if o.status_number >= 300 => Stage::Started,
            _ => Stage::Open,
        }
    }
}

impl Simulators {
    /// The 3PL moves some of the orders it has one step: released, picked, shipped.
    fn play_the_warehouse(&self, placed: &[u32], rng: &mut StdRng) {
        for number in placed {
            let Some(order) = self.warehouse.order_by_number(&number.to_string()) else {
                continue;
            };
            if !rng.random_bool(0.5) {
                continue;
            }
            let id = order.order_id;
            let moved = match order.status_number {
                ..300 => self.warehouse.release_order(id, &Release::default()),
                300..400 => self.warehouse.pick_order(id, &Picking::default()),
                400..450 => self.warehouse.ship_order(id, &Shipping::default()),
                _ => continue,
            };
            if let Err(err) = moved {
                panic!("the 3PL could not move order {number}: {err}");
            }
        }
    }

    /// What still disagrees: orders missing from the warehouse, and shop statuses that do not
    /// yet follow their warehouse order.
    fn behind(&self, placed: &[u32]) -> Vec<String> {
        let picking = self.shop.status_id("picking");
        let completed = self.shop.status_id("completed");
        let mut behind = Vec::new();
        for order in placed {
            if self.warehouse.order_by_number(&order.to_string()).is_none() {
                behind.push(format!("order {order} is not in the warehouse"));
                continue;
            }
            let shop = self.shop.order(*order).map(|o| o.status_id);
            let wanted = match Stage::of(&self.warehouse, *order) {
                Stage::Sent => completed,
                Stage::Started => picking,
                Stage::Open => continue,
            };
            if shop != wanted {
                behind.push(format!(
                    "order {order}: shop status {shop:?}, wanted {wanted:?}"
                ));
            }
        }
        behind
    }
}
