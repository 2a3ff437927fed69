//! Dry run for every flow: the same planner as the real run, nothing written to the shop, the
//! warehouse or the store (outbox, cursors, links, events, settings), and the plan it shows is
//! exactly what the real run then queues and carries out.

use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sim::ongoing::Shipping;
use brygga_sync::FlowReport;

/// The kinds and keys of a plan, in order.
fn operations(report: &FlowReport) -> Vec<(String, String)> {
    report
        .planned
        .iter()
        .map(|p| (p.kind.clone(), p.key.clone()))
        .collect()
}

/// Dry-runs `flow`, checks that nothing changed, runs it for real, checks that the same
/// operations were queued, and drains them. Returns the real report.
async fn preview_then_run(world: &World, flow: Flow, expected_kind: &str) -> FlowReport {
    let before = world.state();
    let preview = world.dry_run(flow).await;
    assert_eq!(
        world.state(),
        before,
        "a dry run of {flow:?} writes nothing to either system or to the store"
    );
    assert!(
        !preview.planned.is_empty() && preview.planned.iter().all(|p| p.kind == expected_kind),
        "the {flow:?} preview shows the work waiting ({expected_kind}): {preview:#?}"
    );
    let outbox_before = world.store.outbox().counts().unwrap();
    let real = world.run(flow).await;
    assert_eq!(
        operations(&real),
        operations(&preview),
        "the real {flow:?} run queues exactly what the preview showed"
    );
    assert!(real.planned.iter().all(|p| p.queued));
    assert_eq!(
        world.store.outbox().counts().unwrap().pending,
        outbox_before.pending + preview.planned.len() as u64,
        "one outbox row per previewed operation"
    );
    let drained = world.drain().await;
    assert_eq!(
        (drained.done, drained.dead),
        (preview.planned.len() as u64, 0),
        "and every one of them is carried out: {drained:#?}"
    );
    real
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_flow_previews_exactly_what_it_then_does() {
    let world = World::start(10, 6).await;
    world.map().await;
    world.engine.activate().unwrap();

    let articles = preview_then_run(&world, Flow::Articles, "warehouse.upsert_article").await;
    assert_eq!(world.warehouse.article_count(), articles.planned.len());

    let sku = world.stock_sku(0);
    let order_id = world.place_order(&sku, 2, "MyPack Collect");
    preview_then_run(&world, Flow::Orders, "warehouse.upsert_order").await;
    let in_warehouse = world
        .warehouse
        .order_by_number(&order_id.to_string())
        .expect("the previewed order is in the warehouse after the real run");

    world.count_stock(&sku, 30.0);
    world
        .warehouse
        .ship_order(in_warehouse.order_id, &Shipping::default())
        .unwrap();
    preview_then_run(&world, Flow::Statuses, "shop.set_status").await;
    assert_eq!(
        Some(world.shop.order(order_id as u32).unwrap().status_id),
        world.shop.status_id("completed")
    );
    assert_eq!(
        world.emails_for(order_id),
        1,
        "one e-mail, from the real run"
    );

    preview_then_run(&world, Flow::Stock, "shop.set_stock").await;
    assert_eq!(world.shop.stock(&sku), Some(28));

    // Someone changes the stock in the shop's admin; the reconciliation finds and corrects it.
    world.shop.set_stock(&sku, 99).unwrap();
    let reconcile = preview_then_run(&world, Flow::Reconcile, "shop.set_stock").await;
    assert!(
        reconcile
            .findings
            .iter()
            .any(|f| f.code == "stock.difference" && f.subject == format!("stock:{sku}")),
        "the reconciliation reports the difference: {reconcile:#?}"
    );
    assert_eq!(world.shop.stock(&sku), Some(28));

    // With everything in step, every preview is empty and still writes nothing.
    let before = world.state();
    for flow in [
        Flow::Articles,
        Flow::Orders,
        Flow::Statuses,
        Flow::Stock,
        Flow::Reconcile,
    ] {
        let preview = world.dry_run(flow).await;
        assert!(
            preview.planned.is_empty(),
            "{flow:?} has nothing left to do: {preview:#?}"
        );
    }
    assert_eq!(world.state(), before);
    world.assert_conforms();
}
