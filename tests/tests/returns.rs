//! Flow 8 exactly once: a customer's return is stored and queued under its number before anything
//! is sent, so answers lost on the way (the warehouse took the return order, the shop took the
//! comment, neither answer arrived) and an engine started afresh over the same database still
//! leave exactly one return order in the warehouse and one comment per change on the shop order.
//! Goods that come back to the shelf are for sale again after the next stock sync; goods the
//! warehouse takes out of stock as damaged are not.

use std::sync::Arc;

use brygga_core::returns::{ReturnDraftLine, ReturnOrderDraft, ShopComment};
use brygga_core::schedule::Flow;
use brygga_ongoing::orders::OrderQuery;
use brygga_scenarios::World;
use brygga_sim::fault::Fault;
use brygga_sim::ongoing::{ReturnReceipt, ReturnedGoods, Shipping};
use brygga_store::ReturnRecord;
use brygga_sync::Engine;
use brygga_sync::return_ops::Delivery;

/// A shipped order of two mugs; its shop order id and the return that sends one back.
async fn shipped_order(world: &World) -> (i64, ReturnOrderDraft) {
    world.map().await;
    world.sync(Flow::Articles).await;
    let mug = world.stock_sku(0);
    world.count_stock(&mug, 10.0);
    let order_id = world.place_order(&mug, 2, "MyPack Collect");
    world.sync(Flow::Orders).await;
    let in_warehouse = world
        .warehouse
        .order_by_number(&order_id.to_string())
        .expect("the order was sent to the warehouse");
    world
        .warehouse
        .ship_order(in_warehouse.order_id, &Shipping::default())
        .expect("the warehouse ships the order");
    let order = world
        .remotes
        .warehouse
        .orders(&OrderQuery {
            order_number: Some(order_id.to_string()),
            ..OrderQuery::default()
        })
        .await
        .unwrap()
        .remove(0);
    let line = &order.order_lines[0];
    let draft = ReturnOrderDraft {
        number: format!("{order_id}-R1"),
        order_number: order_id.to_string(),
        warehouse_order_id: order.order_info.order_id,
        comment: Some("Wrong size".to_owned()),
        lines: vec![ReturnDraftLine {
            row_number: "1".to_owned(),
            order_line_id: line.id,
            sku: mug,
            quantity: 1,
            cause_code: "REGRET".to_owned(),
            cause_name: None,
            comment: None,
        }],
    };
    (order_id, draft)
}

fn record(draft: &ReturnOrderDraft, comment_generation: u32) -> ReturnRecord {
    ReturnRecord {
        number: draft.number.clone(),
        warehouse_id: None,
        order_number: Some(draft.order_number.clone()),
        kind: "regret".to_owned(),
        cause: Some("REGRET".to_owned()),
        note: draft.comment.clone(),
        state: "announced".to_owned(),
        handling_note: None,
        refund_minor: None,
        refund_currency: None,
        arrived_at_ms: None,
        comment_generation,
        created_at_ms: 0,
        updated_at_ms: 0,
    }
}

fn admin_comments(world: &World, order_id: i64) -> Vec<String> {
    world
        .shop
        .order(order_id as u32)
        .expect("the shop order exists")
        .comments
        .into_iter()
        .filter(|c| c.from == "admin")
        .map(|c| c.text)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_return_reaches_both_systems_once_though_every_answer_is_lost() {
    let world = World::start(10, 0).await;
    let (order_id, draft) = shipped_order(&world).await;
    let number = draft.number.clone();
    let announcement = ShopComment {
        shop_order_id: order_id,
        generation: 1,
        text: format!("Return {number} announced to the warehouse"),
    };

    // Registered, then the app stops before sending: the return and its call are both stored.
    world
        .engine
        .queue_return(
            &record(&draft, 1),
            draft.clone(),
            Some(announcement.clone()),
        )
        .expect("the return and its call are stored together");
    assert_eq!(
        world.warehouse.return_order_count(),
        0,
        "nothing is sent while queueing"
    );
    assert!(
        world
            .engine
            .queue_return(&record(&draft, 1), draft.clone(), Some(announcement))
            .is_err(),
        "registering the same number twice is refused, so one number is one return order"
    );

    // A new engine over the same database carries on; both answers are lost after the work.
    let restarted = Engine::new(
        Arc::clone(&world.store),
        world.remotes.clone(),
        world.clock.clone(),
    )
    .with_retry(brygga_core::retry::RetryPolicy {
        max_attempts: 6,
        base: std::time::Duration::from_millis(1),
        cap: std::time::Duration::from_millis(5),
    });
    assert_eq!(
        restarted.return_delivery(&number).unwrap(),
        Delivery::Waiting { message: None },
        "the queued return order waits for its first try"
    );
    world
        .warehouse_server
        .faults()
        .next_n_requests(Fault::DropConnection, 1);
    world
        .shop_server
        .faults()
        .next_n_requests(Fault::DropConnection, 1);
    let drained = world.drain().await;
    assert_eq!(drained.dead, 0, "{:?}", drained.failures);
    assert!(
        drained.retrying >= 2,
        "both calls lost their answer and were tried again: {drained:?}"
    );
    assert_eq!(
        world.warehouse.return_order_count(),
        1,
        "the retried upsert found the return order the lost answer hid, and made no second one"
    );
    let in_warehouse = world
        .warehouse
        .return_order_by_number(&number)
        .expect("the return order has the registered number");
    assert_eq!(
        world
            .store
            .returns()
            .get(&number)
            .unwrap()
            .unwrap()
            .warehouse_id,
        Some(i64::from(in_warehouse.return_order_id)),
        "the warehouse's id is recorded with the call's success"
    );
    let comments = admin_comments(&world, order_id);
    assert_eq!(
        comments.len(),
        1,
        "the retried comment saw its own text on the order and did not write it again: {comments:?}"
    );

    // The merchant refunds it; that comment's answer is lost too.
    let stored = world.store.returns().get(&number).unwrap().unwrap();
    world
        .shop_server
        .faults()
        .next_n_requests(Fault::DropConnection, 1);
    world
        .engine
        .queue_return_handling(
            &stored,
            ("refunded", None, Some((19_900, "SEK"))),
            Some((order_id, format!("Return {number} refunded: 199.00 SEK"))),
        )
        .unwrap();
    let drained = world.drain().await;
    assert_eq!(drained.dead, 0, "{:?}", drained.failures);
    let comments = admin_comments(&world, order_id);
    assert_eq!(
        comments.len(),
        2,
        "each handling change is one comment, however often its call is tried: {comments:?}"
    );
    assert_eq!(
        world.engine.return_delivery(&number).unwrap(),
        Delivery::Done,
        "every call of the return went through"
    );
    let counts = world.store.outbox().counts().unwrap();
    assert_eq!(
        (counts.pending, counts.running, counts.dead),
        (0, 0, 0),
        "nothing is left waiting or dead: {counts:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn returned_goods_reach_the_shop_stock_on_the_next_stock_sync_and_damaged_ones_do_not() {
    let world = World::start(10, 0).await;
    let (_, mut draft) = shipped_order(&world).await;
    let sku = draft.lines[0].sku.clone();
    draft.lines[0].quantity = 2;
    world
        .engine
        .queue_return(&record(&draft, 0), draft.clone(), None)
        .unwrap();
    let drained = world.drain().await;
    assert_eq!(drained.dead, 0, "{:?}", drained.failures);
    world.sync(Flow::Stock).await;
    let before = world
        .shop
        .stock(&sku)
        .expect("the shop has the returned article");
    assert_eq!(before, 8, "ten in stock, two shipped");

    let return_order = world
        .warehouse
        .return_order_by_number(&draft.number)
        .expect("the return order was sent");
    let receive = |remove_from_stock: bool| {
        world
            .warehouse
            .receive_return_order(
                return_order.return_order_id,
                &ReturnReceipt {
                    lines: vec![ReturnedGoods {
                        return_order_row_number: "1".to_owned(),
                        number_of_items: 1.0,
                        remove_from_stock: Some(remove_from_stock),
                        ..ReturnedGoods::default()
                    }],
                    complete: None,
                },
            )
            .expect("the warehouse receives one returned unit")
    };
    receive(false);
    world.sync(Flow::Stock).await;
    assert_eq!(
        world.shop.stock(&sku),
        Some(before + 1),
        "a unit back on the shelf is for sale again after the next stock sync"
    );
    receive(true);
    world.sync(Flow::Stock).await;
    assert_eq!(
        world.shop.stock(&sku),
        Some(before + 1),
        "a damaged unit the warehouse took out of stock is not offered for sale"
    );
}
