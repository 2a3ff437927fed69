//! Crash safety of release batches: a `brygga release` killed with SIGKILL halfway through its
//! batch is resumed by `brygga run` (whose tick resumes batches left running) without releasing
//! any order twice or skipping one.
//!
//! The simulators live in this test process, as in `crash.rs`. Customers place [`ORDERS`] orders
//! of stocked articles (so each is fully pickable), `brygga sync all` sends them all to the
//! warehouse (status Open), and `brygga release --json` releases the batch the default rule takes
//! (every fully pickable order) with every API call slowed down. It is killed the moment the
//! warehouse or the shop has just carried out the k-th release's write (k between 5 and half the
//! batch, by a seed): Brygga has not heard the answer yet, so its outbox row is still running.
//! Which write, and k, follow a seed printed at the start; `BRYGGA_RELEASE_CRASH_SEED=<n>`
//! replays one.
//!
//! `brygga run --every 0.2` then resumes, and is stopped with SIGTERM once every order is
//! released in the warehouse and in the shop and the outbox is empty. The simulators' write logs
//! (each write that reached a handler) and the store then have to show every order released
//! exactly once: one status change to Released per warehouse order, one change to picking per
//! shop order, the batch `done` with every order `released`, and no call given up.
#![cfg(unix)]

mod support;

use std::collections::BTreeMap;
use std::fs::File;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::http::Method;
use brygga_sim::starweb::EmailTrigger;
use brygga_store::Store;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use support::{Brygga, Simulators, Write, checkout};

/// New orders placed, all sent and then released in one batch.
const ORDERS: usize = 30;
const PRODUCTS: usize = 30;
const OLD_ORDERS: usize = 5;
/// The per-call delays while setting up and resuming, and (slower) while the batch runs, so the
/// batch takes seconds and the kill has many releases still ahead of it.
const LATENCY: &str = "latency=5ms";
const SLOW_LATENCY: &str = "latency=30ms";
const ANSWER_DELAY: Duration = Duration::from_millis(10);
/// Ongoing's status "Released", the lowest one mapped to the started stage, which releasing moves
/// an order to; new orders are "Open" (200).
const RELEASED: i32 = 300;
const OPEN: i32 = 200;
/// Time limits for each wait on a condition.
const SEND_WITHIN: Duration = Duration::from_secs(60);
const KILL_WITHIN: Duration = Duration::from_secs(60);
const RESUME_WITHIN: Duration = Duration::from_secs(90);
const STOP_WITHIN: Duration = Duration::from_secs(30);

/// Whose write of the k-th release the kill follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KillAfter {
    /// The warehouse order was set to Released; the shop is not written yet.
    WarehouseWrite,
    /// The shop order was set to picking; the release is not recorded as done yet.
    ShopWrite,
}

#[test]
fn a_release_batch_killed_halfway_resumes_releasing_every_order_exactly_once() {
    let seed = std::env::var("BRYGGA_RELEASE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::rng().random());
    let mut rng = StdRng::seed_from_u64(seed);
    let kill_after = if rng.random_bool(0.5) {
        KillAfter::WarehouseWrite
    } else {
        KillAfter::ShopWrite
    };
    let k = rng.random_range(5..=ORDERS / 2);
    eprintln!(
        "release crash test seed: {seed} (kill after the {kill_after:?} of release {k}; set \
         BRYGGA_RELEASE_CRASH_SEED={seed} to replay)"
    );

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
    let picking = sims
        .shop
        .status_id("picking")
        .expect("the demo shop has picking");

    // Customers check out; `sync all` sends every order to the warehouse, where it waits (Open).
    let skus = sims.orderable_skus();
    let method = sims.shipping_method("MyPack");
    let placed: Vec<u32> = (0..ORDERS)
        .map(|n| {
            sims.shop
                .place_order(checkout(n, &skus[n % skus.len()], method))
                .expect("the shop takes the order")
        })
        .collect();
    let deadline = Instant::now() + SEND_WITHIN;
    while !placed.iter().all(|n| sims.order_status(*n).is_some()) {
        assert!(
            Instant::now() < deadline,
            "`sync all` did not send every order within {SEND_WITHIN:?}; missing: {:?}",
            placed
                .iter()
                .filter(|n| sims.order_status(**n).is_none())
                .collect::<Vec<_>>()
        );
        brygga.sync_json();
    }
    for order in &placed {
        assert_eq!(
            sims.order_status(*order),
            Some(OPEN),
            "order {order} waits in the warehouse, Open, until it is released"
        );
    }
    let preview = brygga.json(&["release", "--dry-run", "--json"]);
    let mut take: Vec<u64> = preview["plan"]["take"]
        .as_array()
        .unwrap_or_else(|| panic!("the dry run shows the plan: {preview}"))
        .iter()
        .filter_map(serde_json::Value::as_u64)
        .collect();
    take.sort_unstable();
    let mut expected: Vec<u64> = placed.iter().map(|n| u64::from(*n)).collect();
    expected.sort_unstable();
    assert_eq!(
        take, expected,
        "the default rule takes every order, since every one is fully pickable: {preview}"
    );
    assert!(
        release_patches(&sims.warehouse_wire.writes()).is_empty(),
        "nothing is released before the batch"
    );

    // The batch, slowed down, killed right after the k-th release's write.
    sims.set_latency(SLOW_LATENCY);
    let release_log = folder.path().join("release-stderr.log");
    let mut release = brygga
        .command(&["release", "--json"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(File::create(&release_log).expect("the release log opens"))
        .spawn()
        .expect("brygga release starts");
    let started = Instant::now();
    loop {
        let released = sims.released(&placed);
        let in_shop = sims.picking(&placed, picking);
        let reached = match kill_after {
            KillAfter::WarehouseWrite => released >= k,
            KillAfter::ShopWrite => in_shop >= k,
        };
        if released >= 5 && reached {
            break;
        }
        if let Some(status) = release.try_wait().expect("the child can be polled") {
            panic!(
                "brygga release ended by itself ({status}) with {released} of {ORDERS} orders \
                 released, before the kill; slow the simulators down more:\n{}",
                std::fs::read_to_string(&release_log).unwrap_or_default()
            );
        }
        assert!(
            started.elapsed() < KILL_WITHIN,
            "within {KILL_WITHIN:?} the batch released only {released} orders ({in_shop} in the \
             shop):\n{}",
            std::fs::read_to_string(&release_log).unwrap_or_default()
        );
        // A short pause between polls of the condition.
        std::thread::sleep(Duration::from_millis(1));
    }
    let calls = sims.shop_wire.in_flight() + sims.warehouse_wire.in_flight();
    let writes = sims.shop_wire.writes_in_flight() + sims.warehouse_wire.writes_in_flight();
    release.kill().expect("SIGKILL is delivered");
    let status = release.wait().expect("the killed child is reaped");
    let killed_at = started.elapsed();
    assert!(
        !status.success(),
        "a SIGKILLed process cannot have exited cleanly: {status}"
    );
    let released_at_kill = sims.released(&placed);
    let in_shop_at_kill = sims.picking(&placed, picking);
    assert!(
        (5..ORDERS).contains(&released_at_kill),
        "the kill came halfway: {released_at_kill} of {ORDERS} orders released"
    );

    // What the kill left: one batch, running, with orders still pending.
    let (pending_at_kill, rows_running) = {
        let store = Store::open(&brygga.database_file()).expect("the store opens after the kill");
        let batches = store.release_batches().list(10).expect("the batches read");
        assert_eq!(
            batches.len(),
            1,
            "`brygga release` stored its batch before releasing anything: {batches:#?}"
        );
        let batch = &batches[0];
        assert_eq!(
            batch.state, "running",
            "the killed batch is left running for the next tick to resume: {batch:#?}"
        );
        assert_eq!(
            batch.orders.len(),
            ORDERS,
            "the batch holds every order's outcome from the start: {batch:#?}"
        );
        let pending = batch
            .orders
            .iter()
            .filter(|o| o.outcome == "pending")
            .count();
        assert!(
            pending > 0,
            "the kill left orders of the batch pending: {batch:#?}"
        );
        let counts = store.outbox().counts().expect("the outbox counts");
        (pending, counts.running)
    };

    // Resume: `brygga run` requeues the rows the kill left running, and its tick resumes the
    // running batch. It stops on SIGTERM once everything is released and the outbox is empty.
    sims.set_latency(LATENCY);
    let run_log = folder.path().join("run-stderr.log");
    let mut run = brygga
        .command(&["run", "--every", "0.2"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(File::create(&run_log).expect("the run log opens"))
        .spawn()
        .expect("brygga run starts");
    let resumed = Instant::now();
    loop {
        let released = sims.released(&placed);
        let in_shop = sims.picking(&placed, picking);
        if released == ORDERS && in_shop == ORDERS {
            let outbox = brygga.outbox();
            if outbox.pending == 0 && outbox.running == 0 {
                break;
            }
        }
        if let Some(status) = run.try_wait().expect("the child can be polled") {
            panic!(
                "brygga run ended by itself ({status}):\n{}",
                std::fs::read_to_string(&run_log).unwrap_or_default()
            );
        }
        assert!(
            resumed.elapsed() < RESUME_WITHIN,
            "within {RESUME_WITHIN:?} of resuming, {released} of {ORDERS} orders are released \
             in the warehouse and {in_shop} in the shop; outbox {:?}\nrun log:\n{}",
            brygga.outbox(),
            std::fs::read_to_string(&run_log).unwrap_or_default()
        );
        // A short pause between polls of the condition.
        std::thread::sleep(Duration::from_millis(100));
    }
    let resumed_in = resumed.elapsed();
    terminate(&mut run, &run_log);

    // Every order released exactly once in the warehouse: it ends Released, and exactly one
    // status change to Released reached the warehouse for it (a second one would be a second
    // release, even if the warehouse refused it).
    let warehouse_writes = sims.warehouse_wire.writes();
    let patches = release_patches(&warehouse_writes);
    let mut by_number: BTreeMap<u32, usize> = BTreeMap::new();
    for order in &placed {
        let snapshot = sims
            .warehouse
            .order_by_number(&order.to_string())
            .unwrap_or_else(|| panic!("order {order} is still in the warehouse"));
        assert_eq!(
            snapshot.status_number, RELEASED,
            "order {order} ends Released in the warehouse: the batch released it and nothing \
             moved it back"
        );
        let count = patches.get(&snapshot.order_id).copied().unwrap_or(0);
        assert_eq!(
            count, 1,
            "warehouse order {} (shop order {order}) got {count} status changes to Released; \
             a batch releases each order exactly once, however it was interrupted",
            snapshot.order_id
        );
        by_number.insert(*order, count);
    }
    let warehouse_ids: Vec<i32> = placed
        .iter()
        .filter_map(|n| sims.warehouse.order_by_number(&n.to_string()))
        .map(|o| o.order_id)
        .collect();
    for id in patches.keys() {
        assert!(
            warehouse_ids.contains(id),
            "warehouse order {id} was released, but it is none of the batch's orders"
        );
    }
    assert_eq!(
        sims.warehouse.order_count(),
        ORDERS,
        "the warehouse holds each order once: resuming sent no order again"
    );

    // Every shop order moved to picking exactly once: one status write of picking reached the
    // shop, and the shop made one real change (it processes the payment of each real change,
    // since Brygga asks it to) and sent the customer at most one e-mail about it.
    let shop_writes = sims.shop_wire.writes();
    let to_picking = picking_patches(&shop_writes, picking);
    let mut payments: BTreeMap<u32, usize> = BTreeMap::new();
    for payment in sims.shop.processed_payments() {
        if payment.status_id == picking {
            *payments.entry(payment.order_id).or_default() += 1;
        }
    }
    let mut emails: BTreeMap<u32, usize> = BTreeMap::new();
    for email in sims.shop.customer_emails() {
        if email.trigger == EmailTrigger::StatusChanged && email.status_id == picking {
            *emails.entry(email.order_id).or_default() += 1;
        }
    }
    for order in &placed {
        assert_eq!(
            sims.shop.order(*order).map(|o| o.status_id),
            Some(picking),
            "shop order {order} ends at picking, as its warehouse order is released"
        );
        let writes = to_picking.get(order).copied().unwrap_or(0);
        assert_eq!(
            writes, 1,
            "shop order {order} got {writes} status writes of picking; it is moved there once"
        );
        let changes = payments.get(order).copied().unwrap_or(0);
        assert_eq!(
            changes, 1,
            "shop order {order} was moved to picking {changes} times (processed payments)"
        );
        let sent = emails.get(order).copied().unwrap_or(0);
        assert!(
            sent <= 1,
            "the customer of order {order} got the picking e-mail {sent} times"
        );
    }
    assert!(
        to_picking.keys().all(|o| placed.contains(o)),
        "only the batch's orders were moved to picking: {to_picking:?}"
    );

    // The store: the one batch is done with every order released, each order's link names it,
    // and no call gave up.
    let store = Store::open(&brygga.database_file()).expect("the store opens after the run");
    let batches = store.release_batches().list(10).expect("the batches read");
    assert_eq!(
        batches.len(),
        1,
        "resuming finishes the killed batch instead of starting another: {batches:#?}"
    );
    let batch = &batches[0];
    assert_eq!(
        batch.state, "done",
        "the resumed batch is finished, not left running: {batch:#?}"
    );
    let mut outcomes: BTreeMap<i64, &str> = BTreeMap::new();
    for order in &batch.orders {
        assert!(
            outcomes
                .insert(order.shop_order_id, order.outcome.as_str())
                .is_none(),
            "order {} appears once in the batch: {batch:#?}",
            order.shop_order_id
        );
    }
    for order in &placed {
        assert_eq!(
            outcomes.get(&i64::from(*order)).copied(),
            Some("released"),
            "order {order} is in the batch as released, none skipped: {batch:#?}"
        );
        let link = store
            .order_links()
            .get(i64::from(*order))
            .expect("the link reads")
            .unwrap_or_else(|| panic!("order {order} has a link"));
        assert_eq!(
            link.released_batch_id,
            Some(batch.id),
            "order {order} is recorded as released by the batch: {link:#?}"
        );
    }
    assert_eq!(
        outcomes.len(),
        ORDERS,
        "the batch holds exactly the placed orders: {batch:#?}"
    );
    let counts = store.outbox().counts().expect("the outbox counts");
    let dead = store
        .outbox()
        .list(Some(brygga_store::OutboxStatus::Dead), 20)
        .expect("the dead rows read");
    assert_eq!(counts.dead, 0, "no call gave up: {dead:#?}");
    assert_eq!(
        (counts.pending, counts.running),
        (0, 0),
        "nothing is left to do: {counts:?}"
    );

    eprintln!(
        "release crash test: killed after the {kill_after:?} of release {k}, {killed_at:?} into \
         the batch, with {calls} API calls in flight ({writes} writes); at the kill \
         {released_at_kill} orders were released in the warehouse and {in_shop_at_kill} in the \
         shop, {pending_at_kill} were pending in the batch and {rows_running} outbox rows \
         running; `brygga run` finished the batch in {resumed_in:?}; {} status changes to \
         Released, {} writes of picking, {} warehouse and {} shop writes in all",
        by_number.values().sum::<usize>(),
        to_picking.values().sum::<usize>(),
        warehouse_writes.len(),
        shop_writes.len(),
    );
    drop(store);
    drop(sims);
    drop(runtime);
}

impl Simulators {
    /// The warehouse status of shop order `number`, if the warehouse has it.
    fn order_status(&self, number: u32) -> Option<i32> {
        self.warehouse
            .order_by_number(&number.to_string())
            .map(|o| o.status_number)
    }

    /// How many of `orders` the warehouse has released (or gone further with).
    fn released(&self, orders: &[u32]) -> usize {
        orders
            .iter()
            .filter(|n| self.order_status(**n).is_some_and(|s| s >= RELEASED))
            .count()
    }

    /// How many of `orders` the shop has at `picking`.
    fn picking(&self, orders: &[u32], picking: u32) -> usize {
        orders
            .iter()
            .filter(|n| self.shop.order(**n).is_some_and(|o| o.status_id == picking))
            .count()
    }
}

/// Status changes to Released per warehouse order id: `PATCH …/orders/{orderId}/orderStatus`.
fn release_patches(writes: &[Write]) -> BTreeMap<i32, usize> {
    let mut counts = BTreeMap::new();
    for write in writes.iter().filter(|w| w.method == Method::PATCH) {
        let segments: Vec<&str> = write.path.trim_end_matches('/').split('/').collect();
        if let [.., "orders", id, "orderStatus"] = segments.as_slice()
            && write.body["orderStatusNumber"].as_i64() == Some(i64::from(RELEASED))
        {
            let id: i32 = id.parse().expect("a warehouse order id in the path");
            *counts.entry(id).or_default() += 1;
        }
    }
    counts
}

/// Status writes of `picking` per shop order: `PATCH …/orders/{orderId}` with that `statusId`.
fn picking_patches(writes: &[Write], picking: u32) -> BTreeMap<u32, usize> {
    let mut counts = BTreeMap::new();
    for write in writes.iter().filter(|w| w.method == Method::PATCH) {
        let segments: Vec<&str> = write.path.trim_end_matches('/').split('/').collect();
        if let [.., "orders", id] = segments.as_slice()
            && write.body["statusId"].as_u64() == Some(u64::from(picking))
        {
            let id: u32 = id.parse().expect("a shop order id in the path");
            *counts.entry(id).or_default() += 1;
        }
    }
    counts
}

/// Stops `brygga run` with SIGTERM (it finishes the call in flight) and waits for it to exit.
fn terminate(run: &mut Child, log: &std::path::Path) {
    let sent = Command::new("kill")
        .arg("-TERM")
        .arg(run.id().to_string())
        .status()
        .expect("kill runs");
    assert!(sent.success(), "SIGTERM is delivered to brygga run");
    let deadline = Instant::now() + STOP_WITHIN;
    let status = loop {
        if let Some(status) = run.try_wait().expect("the child can be polled") {
            break status;
        }
        if Instant::now() >= deadline {
            run.kill().expect("SIGKILL is delivered");
            run.wait().expect("the killed child is reaped");
            panic!(
                "brygga run did not stop within {STOP_WITHIN:?} of SIGTERM:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        // A short pause between polls of the condition.
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success(),
        "brygga run stops cleanly on SIGTERM ({status}):\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}
