//! Faults from the wire become the right error class, with a clear message and no panic.

use std::time::Duration;

use brygga_core::Sensitive;
use brygga_core::remote::{Classified, FailureClass};
use brygga_ongoing::articles::ArticleQuery;
use brygga_ongoing::{OngoingClient, OngoingConfig, OngoingError};
use brygga_sim::fault::{Fault, FaultSpec};

use crate::support::*;

#[tokio::test]
async fn faults_become_the_right_error_classes_without_panics() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
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

#[tokio::test]
async fn a_slow_warehouse_times_out_as_a_passing_problem() {
    let (sim, server) = start().await;
    let client = client(
        &server,
        &sim,
        &sim.config().password,
        Duration::from_millis(200),
    );
    server.faults().set(FaultSpec {
        latency: Duration::from_secs(2),
        ..FaultSpec::none()
    });
    let err = client.warehouses().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Transient,
        "a timeout is retried later: {err}"
    );
    assert!(
        err.to_string().contains("timed out"),
        "the message says the call timed out: {err}"
    );
    server.faults().set(FaultSpec::none());
    assert!(
        client.warehouses().await.is_ok(),
        "once the warehouse answers in time the same client works"
    );
}

#[tokio::test]
async fn an_unavailable_warehouse_without_a_hint_is_backoff() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    server.faults().next_n_requests(Fault::Unavailable, 1);
    let err = client.warehouses().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Transient,
        "503 without Retry-After falls back to the job's own backoff: {err}"
    );
}

#[tokio::test]
async fn a_write_whose_answer_was_lost_is_sent_again_without_a_duplicate() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    server.faults().next_n_requests(Fault::DropConnection, 1);
    let err = client
        .upsert_order(&order("8001", &sku(1)))
        .await
        .unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Transient,
        "the answer never came, so the call is retried: {err}"
    );
    let order_id = client
        .upsert_order(&order("8001", &sku(1)))
        .await
        .expect("the retry goes through");
    assert_eq!(
        sim.order_count(),
        1,
        "the order number is the idempotency key: the retry updated the order the lost call made"
    );
    assert_eq!(
        sim.order_by_number("8001").map(|o| o.order_id),
        Some(order_id),
        "the retry answers with the first call's order"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn a_goods_owner_id_the_user_may_not_act_for_is_refused_clearly() {
    let (sim, server) = start().await;
    let config = sim.config();
    let client = OngoingClient::new(OngoingConfig {
        api_url: format!("{}api/v1/", server.api_url()),
        user: config.user,
        password: Sensitive::new(config.password),
        goods_owner_id: config.goods_owner_id + 1,
        timeout: Duration::from_secs(5),
    })
    .unwrap();
    let err = client.articles(&ArticleQuery::default()).await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Abort,
        "another goods owner's data stays refused however often we ask: {err}"
    );
    assert!(
        err.to_string().contains("goods owner"),
        "the merchant is told to check the goods owner id: {err}"
    );
}
