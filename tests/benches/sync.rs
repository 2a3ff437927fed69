//! The sync benchmark: a first sync of a large catalogue and order book against both simulators over
//! real HTTP, then an incremental cycle with a few changes, with wall time, API calls and peak memory
//! per flow. Run by hand, never by `make test`:
//!
//! ```text
//! cargo bench -p brygga-scenarios --bench sync
//! BRYGGA_BENCH_ARTICLES=2000 BRYGGA_BENCH_ORDERS=500 cargo bench -p brygga-scenarios --bench sync
//! cargo bench -p brygga-scenarios --bench sync -- --articles=2000 --orders=500 --returns=300
//! ```
//!
//! Sizes: `articles` warehouse articles (shop variants; the number of sample products is chosen to
//! give that many active variants), `orders` new orders placed after the first sync's baseline (so
//! all of them are sent), `BRYGGA_BENCH_CHANGES` (default 10) edited products and new orders in
//! the incremental cycle, `returns` (default 1 000, at most `orders`) of the sent orders shipped and
//! come back as unclaimed parcels, read by the returns flow twice (all new, then nothing new).
//! The simulators run in this process, so the memory figures include the
//! simulated shop and warehouse as well as the engine.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sim::demo::SAMPLE_SEED;
use brygga_sim::starweb::sample::SampleData;
use chrono::TimeDelta;

const DEFAULT_ARTICLES: usize = 20_000;
const DEFAULT_ORDERS: usize = 5_000;
const DEFAULT_CHANGES: usize = 10;
const DEFAULT_RETURNS: usize = 1_000;
/// Old orders in the shop before the first sync: history the engine must not send.
const HISTORY_ORDERS: usize = 200;

#[derive(Debug, Clone, Copy)]
struct Sizes {
    articles: usize,
    orders: usize,
    changes: usize,
    returns: usize,
}

impl Sizes {
    /// From `--articles=N --orders=N --changes=N`, else the `BRYGGA_BENCH_*` variables, else the
    /// defaults. Other arguments (cargo passes `--bench`) are ignored.
    fn read() -> Sizes {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let size = |name: &str, default: usize| -> usize {
            let flag = format!("--{name}=");
            let given = args
                .iter()
                .find_map(|arg| arg.strip_prefix(&flag).map(str::to_owned))
                .or_else(|| std::env::var(format!("BRYGGA_BENCH_{}", name.to_uppercase())).ok());
            match given {
                Some(text) => text
                    .replace('_', "")
                    .parse()
                    .unwrap_or_else(|_| panic!("{name} must be a whole number, got {text:?}")),
                None => default,
            }
        };
        Sizes {
            articles: size("articles", DEFAULT_ARTICLES),
            orders: size("orders", DEFAULT_ORDERS),
            changes: size("changes", DEFAULT_CHANGES),
            returns: size("returns", DEFAULT_RETURNS),
        }
    }
}

/// How many sample products give at least `articles` active variants (the three service products
/// included), and how many active variants that is.
fn products_for(articles: usize) -> (usize, usize) {
    let sample = SampleData::generate(SAMPLE_SEED, articles, 0);
    let active =
        |p: &brygga_sim::starweb::NewProduct| p.variants.iter().filter(|v| v.is_active).count();
    let services: usize = sample.products[articles..].iter().map(active).sum();
    let mut total = services;
    for (index, product) in sample.products[..articles].iter().enumerate() {
        if total >= articles {
            return (index, total);
        }
        total += active(product);
    }
    (articles, total)
}

/// API calls between two readings of the simulators' counters.
#[derive(Debug, Default, Clone)]
struct Calls {
    shop_reads: u64,
    shop_writes: u64,
    shop_tokens: u64,
    warehouse_reads: u64,
    warehouse_writes: u64,
    /// Every call that was made, as `shop GET /products` or `warehouse Articles_Put3`.
    each: BTreeMap<String, u64>,
}

#[derive(Debug, Clone)]
struct Counters {
    shop: BTreeMap<String, u64>,
    warehouse: BTreeMap<String, u64>,
}

impl Counters {
    fn read(world: &World) -> Counters {
        Counters {
            shop: world.shop.call_counts(),
            warehouse: world.warehouse.call_counts(),
        }
    }

    fn since(&self, before: &Counters) -> Calls {
        let mut calls = Calls::default();
        for (call, n) in &self.shop {
            let n = n - before.shop.get(call).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            if call == "POST /token" {
                calls.shop_tokens += n;
            } else if call.starts_with("GET ") {
                calls.shop_reads += n;
            } else {
                calls.shop_writes += n;
            }
            calls.each.insert(format!("shop {call}"), n);
        }
        for (operation, n) in &self.warehouse {
            let n = n - before.warehouse.get(operation).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            // Ongoing's operation ids name the verb: `Articles_GetAll`, `Orders_PutOrder`, …
            if operation.contains("_Get") {
                calls.warehouse_reads += n;
            } else {
                calls.warehouse_writes += n;
            }
            calls.each.insert(format!("warehouse {operation}"), n);
        }
        calls
    }
}

/// The resident set's high-water mark in bytes since the last [`reset_peak`], on Linux.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

/// Starts a new high-water mark at the current resident set (Linux 4.0 and later; elsewhere the
/// mark stays the process's peak so far).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn mib(bytes: Option<u64>) -> String {
    bytes.map_or_else(
        || "n/a".to_owned(),
        |b| format!("{:.0} MiB", b as f64 / 1_048_576.0),
    )
}

/// One flow of one phase.
#[derive(Debug)]
struct Row {
    phase: &'static str,
    flow: Flow,
    cycle: Duration,
    drain: Duration,
    calls: Calls,
    planned: usize,
    sent: u64,
    dead: u64,
    peak: Option<u64>,
}

/// A cycle of `flow` and a full drain, measured.
async fn measure(world: &World, phase: &'static str, flow: Flow) -> Row {
    reset_peak();
    let before = Counters::read(world);
    let started = Instant::now();
    let report = world.run(flow).await;
    let cycle = started.elapsed();
    let started = Instant::now();
    let drained = world.drain().await;
    let drain = started.elapsed();
    let calls = Counters::read(world).since(&before);
    let row = Row {
        phase,
        flow,
        cycle,
        drain,
        calls,
        planned: report.planned.len(),
        sent: drained.done,
        dead: drained.dead,
        peak: peak_memory(),
    };
    eprintln!(
        "  {phase} {:?}: {} planned, {} sent in {:.1?} + {:.1?}",
        row.flow, row.planned, row.sent, row.cycle, row.drain
    );
    row
}

fn seconds(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn print_table(rows: &[Row]) {
    let mut out = String::new();
    let header = [
        "phase", "flow", "cycle", "drain", "total", "shop R", "shop W", "token", "wh R", "wh W",
        "planned", "sent", "dead", "peak RSS",
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.phase.to_owned(),
                format!("{:?}", r.flow).to_lowercase(),
                seconds(r.cycle),
                seconds(r.drain),
                seconds(r.cycle + r.drain),
                r.calls.shop_reads.to_string(),
                r.calls.shop_writes.to_string(),
                r.calls.shop_tokens.to_string(),
                r.calls.warehouse_reads.to_string(),
                r.calls.warehouse_writes.to_string(),
                r.planned.to_string(),
                r.sent.to_string(),
                r.dead.to_string(),
                mib(r.peak),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            cells
                .iter()
                .map(|row| row[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut String, row: &[String]| {
        for (i, cell) in row.iter().enumerate() {
            if i < 2 {
                let _ = write!(out, "{cell:<w$}  ", w = widths[i]);
            } else {
                let _ = write!(out, "{cell:>w$}  ", w = widths[i]);
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    };
    line(&mut out, &header.map(str::to_owned));
    line(
        &mut out,
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    );
    for row in &cells {
        line(&mut out, row);
    }
    println!("{out}");
    println!(
        "R/W: read/write calls to the shop (Starweb) and the warehouse (Ongoing); token: POST /token.\n\
         cycle: read both sides, plan, queue; drain: carry out the queued rows one call at a time.\n\
         peak RSS: the process's high-water mark during that flow (VmHWM, reset before each flow),\n\
         simulators included.\n"
    );
    println!("Calls per operation:");
    for r in rows {
        let calls: Vec<String> = r
            .calls
            .each
            .iter()
            .map(|(call, n)| format!("{call} ×{n}"))
            .collect();
        println!("  {} {:?}: {}", r.phase, r.flow, calls.join(", "));
    }
}

async fn bench(sizes: Sizes) {
    let (products, articles) = products_for(sizes.articles);
    println!(
        "Brygga sync benchmark: {articles} articles ({products} sample products + 3 services), \
         {} new orders, {HISTORY_ORDERS} old orders, then {} changed products and {} new orders, \
         then {} returned parcels",
        sizes.orders,
        sizes.changes,
        sizes.changes,
        sizes.returns.min(sizes.orders)
    );
    let started = Instant::now();
    let world = World::start(products, HISTORY_ORDERS).await;
    world.map().await;
    eprintln!(
        "  simulators loaded and mapped in {:.1?}",
        started.elapsed()
    );

    let mut rows = Vec::new();
    rows.push(measure(&world, "initial", Flow::Articles).await);

    // Orders placed after the first cycle's baseline, so every one of them is sent.
    let skus = world.orderable_skus();
    let started = Instant::now();
    let mut placed = Vec::with_capacity(sizes.orders);
    for n in 0..sizes.orders {
        placed.push(world.place_order(
            &skus[n * 7 % skus.len()],
            1 + (n % 3) as i64,
            "MyPack Collect",
        ));
    }
    eprintln!(
        "  {} orders placed in {:.1?}",
        sizes.orders,
        started.elapsed()
    );
    // The orders came in over the quarter of an hour before the first orders cycle. Each cycle
    // reads back 10 minutes before the previous one started, so orders placed just before it
    // would all be read (not sent) again by the incremental cycle.
    world.advance(TimeDelta::minutes(15));
    rows.push(measure(&world, "initial", Flow::Orders).await);

    world.change_products(sizes.changes);
    for n in 0..sizes.changes {
        world.place_order(&skus[(n * 13 + 5) % skus.len()], 1, "MyPack Collect");
    }
    rows.push(measure(&world, "incremental", Flow::Articles).await);
    rows.push(measure(&world, "incremental", Flow::Orders).await);

    // Parcels nobody collected come back: the warehouse ships each order (with stock to pick it
    // from), then registers and receives it back.
    let started = Instant::now();
    for sku in &skus {
        world.count_stock(sku, 1_000_000.0);
    }
    let mut returned = 0;
    for shop_order_id in placed.iter().take(sizes.returns) {
        let Some(order) = world.warehouse.order_by_number(&shop_order_id.to_string()) else {
            continue;
        };
        let shipped = world
            .warehouse
            .ship_order(order.order_id, &brygga_sim::ongoing::Shipping::default());
        let parcel = brygga_sim::ongoing::UnclaimedParcel {
            order_id: order.order_id,
            ..Default::default()
        };
        if shipped.is_ok() && world.warehouse.register_unclaimed_parcel(&parcel).is_ok() {
            returned += 1;
        }
    }
    eprintln!(
        "  {returned} parcels shipped and returned in {:.1?}",
        started.elapsed()
    );
    rows.push(measure(&world, "initial", Flow::Returns).await);
    rows.push(measure(&world, "incremental", Flow::Returns).await);

    println!();
    print_table(&rows);
    let total: Duration = rows.iter().map(|r| r.cycle + r.drain).sum();
    println!("\nTotal measured: {}", seconds(total));
}

fn main() {
    let sizes = Sizes::read();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime")
        .block_on(bench(sizes));
}
