//! The client against the Ongoing simulator over real HTTP. The simulator's server checks every
//! request body this client sends against the OpenAPI file, so a test ending with no recorded
//! violations shows the client speaks the spec.

use std::time::Duration;

use brygga_core::Sensitive;
use brygga_core::remote::{Classified, FailureClass};
use brygga_ongoing::articles::{ArticleQuery, ArticleUpsert, BarCodeInfo};
use brygga_ongoing::orders::{Consignee, OrderLineUpsert, OrderQuery, OrderUpsert, Transporter};
use brygga_ongoing::{OngoingClient, OngoingConfig, OngoingError};
use brygga_sim::fault::{Fault, FaultSpec};
use brygga_sim::ongoing::{self, OngoingSim, Picking, Shipping, StockAdjustment};
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};

async fn start() -> (OngoingSim, SimServer) {
    let sim = OngoingSim::new(ongoing::OngoingConfig::default());
    let server = serve(ServeConfig {
        api: Api::Ongoing,
        port: 0,
        base_path: format!("/{}", sim.config().warehouse),
        api_routes: sim.api_router(),
        control_routes: sim.control_router(),
        faults: FaultSpec::none(),
    })
    .await
    .expect("the simulator starts on loopback");
    (sim, server)
}

fn client(server: &SimServer, sim: &OngoingSim, password: &str) -> OngoingClient {
    let config = sim.config();
    OngoingClient::new(OngoingConfig {
        api_url: format!("{}api/v1/", server.api_url()),
        user: config.user,
        password: Sensitive::new(password.to_owned()),
        goods_owner_id: config.goods_owner_id,
        timeout: Duration::from_secs(5),
    })
    .expect("the simulator's URL is a valid loopback URL")
}

fn assert_conforms(server: &SimServer) {
    let violations = server.violations();
    assert!(
        violations.is_empty(),
        "every body must follow the OpenAPI file: {violations:#?}"
    );
}

fn article(number: usize) -> ArticleUpsert {
    ArticleUpsert {
        article_number: format!("SKU-{number:04}"),
        article_name: Some(format!("Artikel {number}")),
        is_stock_article: Some(true),
        bar_code_info: Some(BarCodeInfo {
            bar_code: Some(format!("73{number:011}")),
        }),
        weight: Some(0.25),
        ..ArticleUpsert::default()
    }
}

fn order(number: &str, sku: &str) -> OrderUpsert {
    OrderUpsert {
        order_number: number.to_owned(),
        delivery_date: "2026-11-24T00:00:00Z".to_owned(),
        consignee: Consignee {
            name: Some("Karin Lindqvist".to_owned()),
            address1: Some("Storgatan 4".to_owned()),
            post_code: Some("411 38".to_owned()),
            city: Some("Göteborg".to_owned()),
            country_code: Some("SE".to_owned()),
            ..Consignee::default()
        },
        transporter: Some(Transporter {
            transporter_code: Some("SBTL".to_owned()),
            transporter_service_code: Some("BPA".to_owned()),
        }),
        order_lines: vec![OrderLineUpsert {
            row_number: "1".to_owned(),
            article_number: sku.to_owned(),
            number_of_items: 2.0,
            should_be_picked: Some(true),
            comment: None,
        }],
        ..OrderUpsert::default()
    }
}

#[tokio::test]
async fn the_connection_test_reads_goods_owner_warehouses_statuses_and_carriers() {
    let (sim, server) = start().await;
    let client = client(&server, &sim, &sim.config().password);
    let owners = client.goods_owners().await.unwrap();
    assert!(
        owners
            .iter()
            .any(|o| o.goods_owner_id == sim.config().goods_owner_id),
        "the configured goods owner is among those the user may act for: {owners:?}"
    );
    assert!(
        !client.warehouses().await.unwrap().is_empty(),
        "the 3PL has at least one warehouse"
    );
    let statuses = client.order_statuses().await.unwrap();
    assert!(
        statuses.len() >= 5,
        "the status list is read live from the warehouse: {statuses:?}"
    );
    let carriers = client.transporter_contracts().await.unwrap();
    assert!(
        carriers
            .iter()
            .any(|c| c.transporter_code.is_some() && c.transporter_service_code.is_some()),
        "transport mapping needs codes and service codes: {carriers:?}"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn a_wrong_password_says_what_to_check() {
    let (sim, server) = start().await;
    let err = client(&server, &sim, "not-the-password")
        .goods_owners()
        .await
        .unwrap_err();
    assert!(
        matches!(err, OngoingError::Unauthorized { .. }),
        "a 401 is a login problem: {err}"
    );
    assert_eq!(
        err.class(),
        FailureClass::Abort,
        "retrying a wrong password cannot help"
    );
    let text = err.to_string();
    assert!(
        text.contains("password") && text.contains("goods owner id"),
        "names what to check: {text}"
    );
    assert!(
        !text.contains("not-the-password"),
        "the password never appears in an error"
    );
}

#[tokio::test]
async fn articles_page_across_several_pages_and_upsert_is_idempotent() {
    let (sim, server) = start().await;
    let client = client(&server, &sim, &sim.config().password);
    let count = 2 * brygga_ongoing::paging::PAGE_SIZE as usize + 37;
    for n in 0..count {
        client.upsert_article(&article(n)).await.unwrap();
    }
    let first_id = client.upsert_article(&article(0)).await.unwrap();
    assert_eq!(
        sim.article_count(),
        count,
        "a second PUT of the same number updates, it does not add"
    );

    let listed = client.articles(&ArticleQuery::default()).await.unwrap();
    assert_eq!(
        listed.len(),
        count,
        "paging reads every article once, across three pages"
    );
    let mut ids: Vec<i32> = listed.iter().map(|a| a.article_system_id).collect();
    ids.dedup();
    assert_eq!(
        ids.len(),
        count,
        "no article is read twice at a page boundary"
    );
    assert!(
        ids.contains(&first_id),
        "the id the upsert returned is the article's id"
    );
    assert_eq!(
        sim.call_count("Articles_GetAll"),
        3,
        "437 articles at 200 a page take three calls"
    );

    let one = ArticleQuery {
        article_number: Some("SKU-0007".to_owned()),
        ..ArticleQuery::default()
    };
    let found = client.articles(&one).await.unwrap();
    assert_eq!(found.len(), 1, "the article number filter narrows the list");
    assert_conforms(&server);
}

#[tokio::test]
async fn an_order_travels_to_sent_with_tracking_and_is_then_locked() {
    let (sim, server) = start().await;
    let client = client(&server, &sim, &sim.config().password);
    client.upsert_article(&article(1)).await.unwrap();
    sim.adjust_stock(&StockAdjustment {
        article_number: "SKU-0001".to_owned(),
        set_to: Some(10.0),
        ..StockAdjustment::default()
    })
    .unwrap();
    let order_id = client
        .upsert_order(&order("1001", "SKU-0001"))
        .await
        .unwrap();

    let found = client
        .orders(&OrderQuery {
            order_number: Some("1001".to_owned()),
            ..OrderQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(found.len(), 1, "the order is found by its number");
    assert_eq!(found[0].order_info.order_id, order_id);

    sim.pick_order(order_id, &Picking::default()).unwrap();
    let refused = client
        .upsert_order(&order("1001", "SKU-0001"))
        .await
        .unwrap_err();
    assert!(
        matches!(refused, OngoingError::Rejected { .. }),
        "a started order refuses changes: {refused}"
    );
    let refused = client.cancel_order(order_id).await.unwrap_err();
    assert_eq!(
        refused.class(),
        FailureClass::Abort,
        "a refused cancel is reported, not retried"
    );

    sim.ship_order(order_id, &Shipping::default()).unwrap();
    let sent = client.order(order_id).await.unwrap();
    assert!(
        sent.order_info.way_bill.is_some(),
        "a shipped order carries its waybill: {sent:?}"
    );
    let tracking = sent.tracking.unwrap_or_default();
    assert!(
        tracking.iter().any(|t| t.tracking_url.is_some()),
        "the customer's tracking URL comes back for the shop"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn faults_become_the_right_error_classes_without_panics() {
    let (sim, server) = start().await;
    let client = client(&server, &sim, &sim.config().password);
    let faults = server.faults();

    faults.next_n_requests(
        Fault::RateLimited {
            retry_after: Some(Duration::from_secs(3)),
        },
        1,
    );
    let err = client.warehouses().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::RetryAfter(Duration::from_secs(3)),
        "429 waits as told: {err}"
    );

    faults.next_n_requests(Fault::RateLimited { retry_after: None }, 1);
    let err = client.warehouses().await.unwrap_err();
    assert!(
        matches!(err.class(), FailureClass::RetryAfter(_)),
        "429 without a hint still waits"
    );

    faults.next_n_requests(Fault::ServerError, 1);
    let err = client.warehouses().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Transient,
        "a 500 is retried with backoff: {err}"
    );

    faults.next_n_requests(Fault::DropConnection, 1);
    let err = client.warehouses().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Transient,
        "a dropped connection is retried: {err}"
    );

    faults.next_n_requests(Fault::Malformed, 1);
    let err = client.order_statuses().await.unwrap_err();
    assert!(
        matches!(err, OngoingError::BadResponse { .. }),
        "a cut body is a clear read error: {err}"
    );

    assert!(
        !client.warehouses().await.unwrap().is_empty(),
        "after the faults the next call works"
    );
}
