//! The shop misbehaving: rate limits with and without `Retry-After`, server errors, timeouts, dropped
//! connections and cut bodies all become the right error class, with no panic, and the next call
//! works again.

use std::time::Duration;

use brygga_core::remote::{Classified, FailureClass};
use brygga_sim::fault::{Fault, FaultSpec};
use brygga_starweb::StarwebError;
use brygga_starweb::error::DEFAULT_RETRY_AFTER;

use crate::support::Shop;

#[tokio::test]
async fn rate_limits_wait_as_told_or_for_the_default() {
    let shop = Shop::start().await;
    let client = shop.client();
    client.shop().await.unwrap();
    let faults = shop.server.faults();

    faults.next_n_requests(
        Fault::RateLimited {
            retry_after: Some(Duration::from_secs(3)),
        },
        1,
    );
    let err = client.currencies().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::RetryAfter(Duration::from_secs(3)),
        "429 waits as long as Retry-After says: {err}"
    );

    faults.next_n_requests(Fault::RateLimited { retry_after: None }, 1);
    let err = client.currencies().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::RetryAfter(DEFAULT_RETRY_AFTER),
        "Starweb sends no Retry-After; the default wait applies"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn the_shops_own_request_limit_is_a_wait_not_a_failure() {
    let shop = Shop::start().await;
    shop.sim.set_requests_per_minute(3);
    let client = shop.client();
    client.shop().await.unwrap();
    client.shop().await.unwrap();
    let err = client.shop().await.unwrap_err();
    assert!(
        matches!(err, StarwebError::RateLimited { status: 429, .. }),
        "the token call and two calls use up three a minute: {err}"
    );
    assert_eq!(err.class(), FailureClass::RetryAfter(DEFAULT_RETRY_AFTER));
    shop.sim.set_requests_per_minute(0);
    client
        .shop()
        .await
        .expect("after the limit lifts, calls work");
    shop.assert_conforms();
}

#[tokio::test]
async fn server_errors_and_outages_are_transient_with_the_servers_words() {
    let shop = Shop::start().await;
    let client = shop.client();
    let faults = shop.server.faults();

    faults.next_n_requests(Fault::ServerError, 1);
    let err = client.shop().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Transient,
        "a 500 on the token request is retried: {err}"
    );
    client.shop().await.unwrap();

    faults.next_n_requests(Fault::ServerError, 1);
    let err = client.order_statuses().await.unwrap_err();
    assert!(
        matches!(
            err,
            StarwebError::Unavailable {
                status: Some(500),
                ..
            }
        ),
        "a 500 is an outage: {err:?}"
    );
    assert!(
        err.to_string().contains("simulated fault"),
        "the server's error_description is kept: {err}"
    );

    faults.next_n_requests(Fault::Unavailable, 1);
    let err = client.order_statuses().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Transient,
        "a 503 without Retry-After is backoff: {err}"
    );
    client.order_statuses().await.expect("the next call works");
    shop.assert_conforms();
}

#[tokio::test]
async fn a_slow_shop_times_out_as_a_transient_failure() {
    let shop = Shop::start().await;
    let client = shop.client_with(
        &shop.sim.config().client_secret.clone(),
        Duration::from_millis(200),
    );
    client.shop().await.unwrap();
    let faults = shop.server.faults();
    faults.set(FaultSpec {
        latency: Duration::from_secs(3),
        ..FaultSpec::none()
    });
    let err = client.currencies().await.unwrap_err();
    faults.set(FaultSpec::none());
    assert!(
        matches!(err, StarwebError::Unavailable { status: None, .. }),
        "no answer in time is an outage: {err:?}"
    );
    assert!(
        err.to_string().contains("timed out"),
        "says what happened: {err}"
    );
    assert_eq!(err.class(), FailureClass::Transient);
    client.currencies().await.expect("the shop answers again");
    shop.assert_conforms();
}

#[tokio::test]
async fn dropped_connections_and_cut_bodies_are_clear_errors_not_panics() {
    let shop = Shop::start().await;
    let client = shop.client();
    let faults = shop.server.faults();

    faults.next_n_requests(Fault::Malformed, 1);
    let err = client.shop().await.unwrap_err();
    assert!(
        matches!(err, StarwebError::BadResponse { .. }),
        "a cut token answer is a read error: {err}"
    );
    assert!(
        err.to_string().contains("access token"),
        "the message names the call: {err}"
    );

    faults.next_n_requests(Fault::DropConnection, 1);
    let err = client.shop().await.unwrap_err();
    assert_eq!(
        err.class(),
        FailureClass::Transient,
        "a dropped connection is retried: {err}"
    );
    client.shop().await.expect("the token request works again");

    faults.next_n_requests(Fault::Malformed, 1);
    let err = client.order_statuses().await.unwrap_err();
    assert!(
        matches!(err, StarwebError::BadResponse { .. }),
        "a cut list is a read error: {err}"
    );
    assert_eq!(err.class(), FailureClass::Transient);

    faults.next_n_requests(Fault::DropConnection, 1);
    let err = client.order_statuses().await.unwrap_err();
    assert!(
        err.to_string().contains("order statuses"),
        "the message names the call: {err}"
    );
    assert!(
        !client.order_statuses().await.unwrap().all().is_empty(),
        "after the faults the next call works"
    );
    shop.assert_conforms();
}
