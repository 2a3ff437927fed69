//! `brygga return` as a merchant's script runs it: the real binary against both simulators. An
//! order of two units is sent, picked and shipped; returning three is refused with the reason
//! (exit 1, nothing reaches the warehouse), returning one is pre-advised and listed; once it
//! arrives `sync all` reads it, and it is marked received and refunded with the amount.

mod support;

use std::time::Duration;

use brygga_sim::ongoing::{Picking, Release, ReturnReceipt, ReturnedGoods, Shipping};
use brygga_sim::starweb::PlaceOrder;
use support::{Brygga, Simulators};

#[test]
fn a_return_is_registered_against_a_delivered_order_and_listed() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime for the simulators");
    let sims = runtime.block_on(Simulators::start(6, 2, "latency=0ms", Duration::ZERO));
    let folder = tempfile::tempdir().expect("a temporary data folder");
    let brygga = Brygga::new(folder.path(), &sims);
    brygga.set_up(&sims);
    let sku = sims.orderable_skus()[0].clone();
    let method = sims.shipping_method("MyPack");
    // The shop stamps orders to the second and the baseline is taken to the millisecond: an
    // order placed in the same second as the first sync counts as older, so the shop's clock
    // moves a second on.
    sims.shop.advance_clock(chrono::Duration::seconds(1));
    let order = sims
        .shop
        .place_order(PlaceOrder::checkout(&sku, 2, method))
        .expect("the shop takes the order")
        .to_string();
    brygga.sync_json();
    let in_warehouse = sims
        .warehouse
        .order_by_number(&order)
        .unwrap_or_else(|| panic!("sync all sends order {order} to the warehouse"));
    sims.warehouse
        .release_order(in_warehouse.order_id, &Release::default())
        .expect("released");
    sims.warehouse
        .pick_order(in_warehouse.order_id, &Picking::default())
        .expect("picked");
    sims.warehouse
        .ship_order(in_warehouse.order_id, &Shipping::default())
        .expect("shipped");
    brygga.sync_json();

    let line_too_many = format!("{sku}:3");
    let refused = brygga.run(&[
        "return",
        "create",
        "--order",
        &order,
        "--line",
        &line_too_many,
        "--cause",
        "REGRET",
    ]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a refused return is a failed record, exit 1: {stderr}"
    );
    assert!(
        stderr.contains("more than can be returned"),
        "the reason is printed: {stderr}"
    );
    assert_eq!(
        sims.warehouse.return_order_count(),
        0,
        "a refused return never reaches the warehouse"
    );

    let line_one = format!("{sku}:1");
    let created = brygga.json(&[
        "return",
        "create",
        "--order",
        &order,
        "--line",
        &line_one,
        "--cause",
        "REGRET",
        "--note",
        "Too small",
        "--json",
    ]);
    let number = created["detail"]["summary"]["number"]
        .as_str()
        .unwrap_or_else(|| panic!("the return has a number: {created}"))
        .to_owned();
    assert_eq!(created["shopCommentWritten"], true, "{created}");
    let advised = sims
        .warehouse
        .return_order_by_number(&number)
        .expect("the warehouse has the return order under Brygga's number");
    assert_eq!(
        (advised.order_id, advised.lines[0].to_be_returned),
        (in_warehouse.order_id, 1.0),
        "one unit is announced against the original order"
    );
    let listed = brygga.json(&["return", "list", "--json"]);
    assert_eq!(listed["returns"][0]["number"], number.as_str(), "{listed}");
    assert_eq!(listed["returns"][0]["orderNumber"], order.as_str());
    assert_eq!(listed["returns"][0]["state"], "announced");

    // The goods arrive; `sync all` reads the returns flow with the others.
    sims.warehouse
        .receive_return_order(
            advised.return_order_id,
            &ReturnReceipt {
                lines: vec![ReturnedGoods {
                    return_order_row_number: "1".to_owned(),
                    number_of_items: 1.0,
                    ..ReturnedGoods::default()
                }],
                complete: None,
            },
        )
        .expect("the warehouse receives the returned unit");
    let synced = brygga.sync_json();
    let returns_flow = synced["flows"]
        .as_array()
        .and_then(|flows| flows.iter().find(|f| f["flow"] == "returns"))
        .unwrap_or_else(|| panic!("sync all runs the returns flow: {synced}"));
    assert_eq!(returns_flow["counts"]["withGoods"], 1, "{returns_flow}");

    let early = brygga.run(&[
        "return", "set", "--number", &number, "--state", "refunded", "--refund", "199,50",
    ]);
    assert_eq!(
        early.status.code(),
        Some(1),
        "an announced return is received before it is refunded: {}",
        String::from_utf8_lossy(&early.stderr)
    );
    brygga.ok(&["return", "set", "--number", &number, "--state", "received"]);
    let refunded = brygga.json(&[
        "return",
        "set",
        "--number",
        &number,
        "--state",
        "refunded",
        "--refund",
        "199,50",
        "--currency",
        "SEK",
        "--json",
    ]);
    assert_eq!(
        refunded["detail"]["summary"]["refund"],
        serde_json::json!({"minorUnits": 19950, "currency": "SEK"}),
        "the amount is kept as minor units with its currency: {refunded}"
    );
    assert_eq!(refunded["shopCommentWritten"], true, "{refunded}");
    let comments = sims.shop.order(order.parse().unwrap()).unwrap().comments;
    assert!(
        comments
            .iter()
            .any(|c| c.text == format!("Return {number} refunded: 199.50 SEK")),
        "the shop order says what was refunded: {comments:?}"
    );

    let usage = brygga.run(&[
        "return", "create", "--order", &order, "--line", "nocolon", "--cause", "REGRET",
    ]);
    assert_eq!(
        usage.status.code(),
        Some(2),
        "a malformed line is a usage error"
    );
}
