//! Purchase orders and inbound deviations (flow 7) through the commands the inbound screen calls,
//! against both simulators over loopback HTTP. The warehouse's staff are played with the
//! simulator's operator API: goods received over several days, with exact, over, under,
//! rejected and unadvised quantities.

use brygga_app::commands::types::*;
use brygga_app::commands::{
    acknowledge_deviations, cancel_purchase_order, create_initial_stock_in, create_purchase_order,
    list_deviations, list_purchase_orders, parse_purchase_order_lines, purchase_order_detail,
    update_purchase_order,
};
use brygga_app::demo::DemoSystems;
use brygga_app::inbound::{
    DeviationKindName, DeviationRef, PurchaseOrderLineForm, PurchaseOrderStage,
};
use brygga_app::runs::AttentionKind;
use brygga_app::{App, ErrorCode};
use brygga_core::schedule::Flow;
use brygga_ongoing::purchase_orders::PurchaseOrderQuery;
use brygga_sim::ongoing::{GoodsReceipt, ReceivedGoods};
use chrono::TimeDelta;

/// An app connected to fresh simulators whose articles are in the warehouse; the SKUs of five
/// stock articles.
async fn connected(dir: &std::path::Path) -> (App, DemoSystems, Vec<String>) {
    let app = App::for_testing(dir);
    let systems = DemoSystems::start(&app, 12, None)
        .await
        .expect("the simulators start and are connected");
    let engine = brygga_app::sync::engine(&app).unwrap();
    engine
        .run_flow(Flow::Articles, false)
        .await
        .expect("articles are planned");
    engine
        .drain(brygga_sync::Stop::default().flag())
        .await
        .expect("articles are sent");
    let skus = engine
        .warehouse_stock_articles()
        .await
        .expect("the warehouse lists its articles");
    assert!(
        skus.len() >= 5,
        "the sample catalogue has at least five stock articles: {skus:?}"
    );
    (app, systems, skus.into_iter().take(5).collect())
}

fn line(sku: &str, quantity: i64) -> PurchaseOrderLineForm {
    PurchaseOrderLineForm {
        sku: sku.to_owned(),
        quantity,
    }
}

fn goods(sku: &str, number_of_items: f64, rejected: bool) -> ReceivedGoods {
    ReceivedGoods {
        article_number: sku.to_owned(),
        number_of_items,
        rejected,
        ..ReceivedGoods::default()
    }
}

async fn read_receipts(app: &App) {
    brygga_app::sync::engine(app)
        .unwrap()
        .run_flow(Flow::PurchaseOrders, false)
        .await
        .expect("the purchase order flow reads the warehouse");
}

fn advised(systems: &DemoSystems, number: &str) -> Vec<(String, f64)> {
    systems
        .warehouse
        .purchase_order_by_number(number)
        .unwrap_or_else(|| panic!("the warehouse has purchase order {number}"))
        .lines
        .into_iter()
        .map(|l| (l.article_number, l.advised))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partial_receipts_over_two_days_give_every_kind_of_deviation_and_lock_the_purchase_order() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, skus) = connected(dir.path()).await;
    let [exact, over, under, rejected, unadvised] = [0, 1, 2, 3, 4].map(|i| skus[i].clone());

    // Created and pre-advised.
    let created = create_purchase_order(
        &app,
        PurchaseOrderForm {
            supplier: "Leverantören AB".to_owned(),
            reference: Some("LEV-77".to_owned()),
            expected_date: Some("2026-12-01".to_owned()),
            remark: Some("Two pallets".to_owned()),
            lines: vec![
                line(&exact, 10),
                line(&over, 5),
                line(&under, 7),
                line(&rejected, 6),
            ],
        },
    )
    .await
    .expect("a valid purchase order is saved");
    let number = created.detail.summary.number.clone();
    assert!(number.starts_with("PO-"), "Brygga numbers it: {number}");
    assert!(
        created.accepted,
        "the warehouse takes the pre-advice: {:?}",
        created.problem
    );
    assert_eq!(
        advised(&systems, &number).len(),
        4,
        "all four lines are advised"
    );

    // Changed while nothing has arrived: the warehouse follows, under the same number.
    let changed = update_purchase_order(
        &app,
        UpdatePurchaseOrderRequest {
            number: number.clone(),
            purchase_order: PurchaseOrderForm {
                supplier: "Leverantören AB".to_owned(),
                reference: Some("LEV-77".to_owned()),
                expected_date: Some("2026-12-02".to_owned()),
                remark: Some("Two pallets".to_owned()),
                lines: vec![
                    line(&exact, 10),
                    line(&over, 5),
                    line(&under, 8),
                    line(&rejected, 6),
                ],
            },
        },
    )
    .await
    .expect("a purchase order not yet received can be changed");
    assert!(
        changed.accepted,
        "the warehouse takes the change: {:?}",
        changed.problem
    );
    assert_eq!(
        changed.detail.summary.number, number,
        "the number is stable across edits"
    );
    assert!(
        advised(&systems, &number).contains(&(under.clone(), 8.0)),
        "the warehouse now expects 8 of {under}: {:?}",
        advised(&systems, &number)
    );

    // Day 1: part of the delivery, two of the rejected article refused, an article nobody advised.
    let id = systems
        .warehouse
        .purchase_order_by_number(&number)
        .unwrap()
        .purchase_order_id;
    systems
        .warehouse
        .receive_purchase_order(
            id,
            &GoodsReceipt {
                lines: vec![
                    goods(&exact, 4.0, false),
                    goods(&over, 4.0, false),
                    goods(&rejected, 4.0, false),
                    goods(&rejected, 2.0, true),
                    goods(&unadvised, 3.0, false),
                ],
                ..GoodsReceipt::default()
            },
        )
        .expect("the warehouse receives the first part");
    read_receipts(&app).await;
    let day1 = list_deviations(&app, ListDeviationsRequest::default())
        .await
        .unwrap();
    let skus_of = |list: &DeviationList| {
        let mut skus: Vec<String> = list.deviations.iter().map(|d| d.sku.clone()).collect();
        skus.sort();
        skus
    };
    let mut expected_day1 = vec![rejected.clone(), unadvised.clone()];
    expected_day1.sort();
    assert_eq!(
        skus_of(&day1),
        expected_day1,
        "after day 1 only the rejected goods and the unadvised article deviate; lines still \
         arriving are not short yet"
    );

    // Receiving has started: changes and cancelling are refused with the reason.
    let refused = update_purchase_order(
        &app,
        UpdatePurchaseOrderRequest {
            number: number.clone(),
            purchase_order: PurchaseOrderForm {
                supplier: "Leverantören AB".to_owned(),
                lines: vec![line(&exact, 20)],
                ..PurchaseOrderForm::default()
            },
        },
    )
    .await
    .expect_err("a purchase order being received cannot be changed");
    assert_eq!(refused.code, ErrorCode::RemoteRefused, "{refused}");
    assert!(
        refused.message.contains("started receiving"),
        "the reason is shown: {}",
        refused.message
    );
    assert!(
        advised(&systems, &number).contains(&(exact.clone(), 10.0)),
        "the refused change never reached the warehouse"
    );
    let cancel = cancel_purchase_order(
        &app,
        PurchaseOrderRequest {
            number: number.clone(),
        },
    )
    .await
    .expect_err("a purchase order being received cannot be cancelled");
    assert_eq!(cancel.code, ErrorCode::RemoteRefused, "{cancel}");

    // Day 2: more arrives; the status stays "partly received", so only the receive feed sees it.
    systems.warehouse.advance_clock(TimeDelta::days(1));
    systems
        .warehouse
        .receive_purchase_order(
            id,
            &GoodsReceipt {
                lines: vec![
                    goods(&exact, 6.0, false),
                    goods(&over, 3.0, false),
                    goods(&under, 6.0, false),
                ],
                ..GoodsReceipt::default()
            },
        )
        .expect("the warehouse receives the second part");
    read_receipts(&app).await;
    let detail = purchase_order_detail(
        &app,
        PurchaseOrderRequest {
            number: number.clone(),
        },
    )
    .await
    .unwrap();
    let received = |sku: &str| {
        detail
            .lines
            .iter()
            .find(|l| l.sku == sku)
            .map(|l| (l.received, l.rejected))
            .unwrap_or_else(|| panic!("{sku} is on the purchase order: {:#?}", detail.lines))
    };
    assert_eq!(
        received(&exact),
        (10, 0),
        "4 and 6 add up to the 10 advised"
    );
    assert_eq!(received(&over), (7, 0), "4 and 3 received of 5");
    assert_eq!(received(&rejected), (6, 2), "6 arrived, 2 of them rejected");
    assert_eq!(
        received(&unadvised),
        (3, 0),
        "the unadvised article is a line of its own"
    );
    assert_eq!(detail.summary.stage, PurchaseOrderStage::Receiving);

    // The warehouse finishes: what did not arrive is short.
    systems
        .warehouse
        .receive_purchase_order(
            id,
            &GoodsReceipt {
                complete: Some(true),
                ..GoodsReceipt::default()
            },
        )
        .expect("the warehouse closes the receipt");
    read_receipts(&app).await;
    let open = list_deviations(&app, ListDeviationsRequest::default())
        .await
        .unwrap();
    let of = |sku: &str| {
        open.deviations
            .iter()
            .find(|d| d.sku == sku)
            .unwrap_or_else(|| panic!("{sku} deviates: {:#?}", open.deviations))
    };
    assert!(
        !open.deviations.iter().any(|d| d.sku == exact),
        "a line received exactly as advised is no deviation"
    );
    let o = of(&over);
    assert_eq!(
        (o.difference, o.difference_percent, o.kinds.clone()),
        (2, Some(40.0), vec![DeviationKindName::Over]),
        "7 of 5 is 2 units and 40 percent over"
    );
    let u = of(&under);
    assert_eq!(
        (u.difference, u.difference_percent, u.kinds.clone()),
        (-2, Some(-25.0), vec![DeviationKindName::Under]),
        "6 of 8 is 2 short, 25 percent, once receiving is finished"
    );
    assert_eq!(of(&rejected).kinds, vec![DeviationKindName::Rejected]);
    let n = of(&unadvised);
    assert_eq!(
        (n.advised, n.received, n.difference_percent, n.kinds.clone()),
        (0, 3, None, vec![DeviationKindName::Unadvised])
    );
    assert_eq!(open.open, 4, "four open deviations");

    // The dashboard lists them, leading to the inbound screen.
    let attention = brygga_app::runs::attention::collect(app.store().unwrap()).unwrap();
    let item = attention
        .iter()
        .find(|i| i.kind == AttentionKind::InboundDeviation)
        .expect("open deviations need the merchant's attention");
    assert_eq!((item.focus.as_str(), item.count), (number.as_str(), 4));

    // Stock follows: the received, not rejected, goods become sellable in the shop.
    let engine = brygga_app::sync::engine(&app).unwrap();
    engine
        .run_flow(Flow::Stock, false)
        .await
        .expect("stock is read");
    engine
        .drain(brygga_sync::Stop::default().flag())
        .await
        .unwrap();
    let sellable = systems
        .warehouse
        .article(&rejected)
        .expect("an article")
        .sellable;
    assert_eq!(
        systems.shop.stock(&rejected),
        Some(sellable as i64),
        "the shop shows the warehouse's sellable quantity after the receipt"
    );

    // Acknowledged with a note: no longer open, and marked reported in the warehouse.
    let to_report = |remotes: brygga_sync::Remotes| async move {
        remotes
            .warehouse
            .purchase_orders(&PurchaseOrderQuery {
                only_with_lines_to_report: true,
                ..PurchaseOrderQuery::default()
            })
            .await
            .unwrap()
            .iter()
            .filter_map(|po| po.purchase_order_info.purchase_order_number.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        to_report(brygga_app::sync::remotes(&app).unwrap())
            .await
            .contains(&number),
        "before acknowledging, the warehouse has the receipt to report"
    );
    let first = acknowledge_deviations(
        &app,
        AcknowledgeDeviationsRequest {
            deviations: vec![DeviationRef {
                number: number.clone(),
                sku: over.clone(),
            }],
            note: Some("keep the surplus".to_owned()),
        },
    )
    .await
    .unwrap();
    assert_eq!(first.acknowledged, 1);
    assert!(
        first.reported.is_empty(),
        "three deviations are still open, so nothing is reported yet"
    );
    let rest: Vec<DeviationRef> = [&under, &rejected, &unadvised]
        .iter()
        .map(|sku| DeviationRef {
            number: number.clone(),
            sku: (*sku).clone(),
        })
        .collect();
    let done = acknowledge_deviations(
        &app,
        AcknowledgeDeviationsRequest {
            deviations: rest,
            note: Some("credit note asked for".to_owned()),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        done.reported,
        vec![number.clone()],
        "the last acknowledgement reports the receipt: {done:?}"
    );
    assert!(
        !to_report(brygga_app::sync::remotes(&app).unwrap())
            .await
            .contains(&number),
        "the warehouse no longer lists the purchase order as having lines to report"
    );
    let after = list_deviations(&app, ListDeviationsRequest::default())
        .await
        .unwrap();
    assert_eq!(after.open, 0, "no deviation is open any more: {after:#?}");
    let all = list_deviations(
        &app,
        ListDeviationsRequest {
            include_acknowledged: true,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        all.deviations
            .iter()
            .find(|d| d.sku == over)
            .and_then(|d| d.note.clone())
            .as_deref(),
        Some("keep the surplus"),
        "each acknowledgement keeps its note"
    );
    let attention = brygga_app::runs::attention::collect(app.store().unwrap()).unwrap();
    assert!(
        !attention
            .iter()
            .any(|i| i.kind == AttentionKind::InboundDeviation),
        "acknowledged deviations leave the dashboard"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_purchase_order_not_yet_received_is_cancelled_and_bad_input_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, skus) = connected(dir.path()).await;

    let parsed = parse_purchase_order_lines(
        &app,
        ParsePurchaseOrderLinesRequest {
            text: format!(
                "sku;quantity\n{};2\n{};many\n;3\n{};0\n",
                skus[0], skus[1], skus[2]
            ),
        },
    )
    .await
    .unwrap();
    assert!(parsed.lines.is_empty(), "nothing of a bad file is imported");
    assert_eq!(
        parsed.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
        vec![3, 4, 5],
        "every bad row is named by its line number: {:#?}",
        parsed.errors
    );
    let good = parse_purchase_order_lines(
        &app,
        ParsePurchaseOrderLinesRequest {
            text: format!("{};2\nNOT-AN-ARTICLE;1\n", skus[0]),
        },
    )
    .await
    .unwrap();
    assert_eq!(good.lines.len(), 2);
    assert_eq!(
        good.unknown_skus,
        vec!["NOT-AN-ARTICLE".to_owned()],
        "a SKU the warehouse does not know is warned about before sending"
    );

    let invalid = create_purchase_order(
        &app,
        PurchaseOrderForm {
            supplier: " ".to_owned(),
            lines: vec![],
            ..PurchaseOrderForm::default()
        },
    )
    .await
    .expect_err("no supplier and no lines");
    assert_eq!(invalid.code, ErrorCode::Validation);
    assert!(
        invalid.message.contains("supplier") && invalid.message.contains("no lines"),
        "every problem is named: {}",
        invalid.message
    );

    let created = create_purchase_order(
        &app,
        PurchaseOrderForm {
            supplier: "Acme".to_owned(),
            lines: vec![line(&skus[0], 3)],
            ..PurchaseOrderForm::default()
        },
    )
    .await
    .unwrap();
    let number = created.detail.summary.number.clone();
    let cancelled = cancel_purchase_order(
        &app,
        PurchaseOrderRequest {
            number: number.clone(),
        },
    )
    .await
    .expect("nothing has arrived, so it can be cancelled");
    assert!(
        cancelled.accepted,
        "the warehouse cancels it: {:?}",
        cancelled.problem
    );
    assert_eq!(
        cancelled.detail.summary.stage,
        PurchaseOrderStage::Cancelled
    );
    assert_eq!(
        systems
            .warehouse
            .purchase_order_by_number(&number)
            .map(|po| po.status_number),
        Some(1000),
        "the warehouse no longer expects the goods"
    );
    let listed = list_purchase_orders(&app, ListPurchaseOrdersRequest::default())
        .await
        .unwrap();
    assert!(
        !listed.purchase_orders.iter().any(|po| po.number == number),
        "cancelled purchase orders are left out unless asked for"
    );

    // Initial stock-in: every stock article matching the filter, at the default quantity.
    let stock_in = create_initial_stock_in(
        &app,
        InitialStockInRequest {
            sku_filter: Some(skus[1].clone()),
            default_quantity: Some(4),
            quantities: vec![],
            ..InitialStockInRequest::default()
        },
    )
    .await
    .expect("the go-live purchase order is made");
    assert!(stock_in.accepted, "{:?}", stock_in.problem);
    assert!(
        stock_in
            .detail
            .lines
            .iter()
            .all(|l| l.sku.contains(&skus[1]) && l.ordered == 4),
        "only the filtered articles, each at the default quantity: {:#?}",
        stock_in.detail.lines
    );
    let second = create_initial_stock_in(
        &app,
        InitialStockInRequest {
            default_quantity: Some(1),
            ..InitialStockInRequest::default()
        },
    )
    .await
    .unwrap();
    assert!(
        second.detail.lines.len() >= 5,
        "without a filter every stock article of the warehouse is advised"
    );
    assert_ne!(second.detail.summary.number, stock_in.detail.summary.number);
}
