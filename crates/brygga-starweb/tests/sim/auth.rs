//! The access token: fetched once, shared by clones, renewed once when the shop stops accepting it,
//! and wrong credentials reported in words the merchant can act on, without the secret.

use std::time::Duration;

use brygga_core::remote::{Classified, FailureClass};
use brygga_sim::starweb::StarwebConfig;
use brygga_starweb::StarwebError;

use crate::support::Shop;

#[tokio::test]
async fn one_token_serves_many_calls_and_every_clone() {
    let shop = Shop::start().await;
    let client = shop.client();
    let burst: Vec<_> = (0..8)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.shop().await })
        })
        .collect();
    for call in burst {
        call.await
            .expect("the call task finishes")
            .expect("the shop answers");
    }
    client.currencies().await.unwrap();
    client.clone().shipping_methods().await.unwrap();
    assert_eq!(
        shop.calls("POST", "/token"),
        1,
        "eight concurrent first calls wait for one token request, and later calls reuse it"
    );
    assert_eq!(shop.calls("GET", "/shop"), 8, "every call was sent once");
    shop.assert_conforms();
}

#[tokio::test]
async fn an_expired_token_is_renewed_once_and_the_call_goes_through() {
    let shop = Shop::start().await;
    let client = shop.client();
    client.shop().await.unwrap();
    shop.sim.advance_clock(chrono::Duration::hours(2));

    let info = client
        .shop()
        .await
        .expect("the call succeeds after renewal");
    assert_eq!(info.id_code.as_deref(), Some("brygga-demo"));
    assert_eq!(
        shop.calls("POST", "/token"),
        2,
        "the 401 invalid_token led to exactly one renewal"
    );
    assert_eq!(
        shop.calls("GET", "/shop"),
        3,
        "the refused call was sent again once, with the new token"
    );

    shop.sim.advance_clock(chrono::Duration::hours(2));
    let burst: Vec<_> = (0..6)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.currencies().await })
        })
        .collect();
    for call in burst {
        call.await.unwrap().expect("every caller gets through");
    }
    assert_eq!(
        shop.calls("POST", "/token"),
        3,
        "callers refused at the same moment share one renewal"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn a_token_refused_even_when_fresh_is_reported_after_one_renewal() {
    // Tokens that are dead on arrival: every call is refused with 401 invalid_token.
    let shop = Shop::start_with(StarwebConfig {
        requests_per_minute: 0,
        token_lifetime: Duration::ZERO,
        ..StarwebConfig::default()
    })
    .await;
    let err = shop.client().shop().await.unwrap_err();
    assert!(
        matches!(err, StarwebError::Unauthorized { status: 401, .. }),
        "a second 401 is a login problem: {err:?}"
    );
    assert_eq!(err.class(), FailureClass::Abort);
    assert_eq!(
        shop.calls("POST", "/token"),
        2,
        "one token, one renewal, then the error: no loop"
    );
    assert_eq!(shop.calls("GET", "/shop"), 2);
    shop.assert_conforms();
}

#[tokio::test]
async fn a_wrong_secret_says_what_to_check_and_never_shows_the_secret() {
    let shop = Shop::start().await;
    let secret = "not-the-secret-4711";
    let client = shop.client_with(secret, Duration::from_secs(5));
    let err = client.order_statuses().await.unwrap_err();
    assert!(
        matches!(err, StarwebError::Unauthorized { status: 400, .. }),
        "Starweb answers bad credentials with 400 invalid_client: {err:?}"
    );
    assert_eq!(
        err.class(),
        FailureClass::Abort,
        "retrying a wrong secret cannot help"
    );
    let text = err.to_string();
    assert!(
        text.contains("client id") && text.contains("client secret") && text.contains("admin"),
        "names what to check and where: {text}"
    );
    for shown in [text, format!("{err:?}"), format!("{client:?}")] {
        assert!(
            !shown.contains(secret),
            "the secret never appears in errors or Debug output: {shown}"
        );
    }
    assert_eq!(
        shop.calls("GET", "/order-statuses"),
        0,
        "without a token no API call is made"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn the_token_is_kept_out_of_debug_output() {
    let shop = Shop::start().await;
    let client = shop.client();
    client.shop().await.unwrap();
    let shown = format!("{client:?}");
    assert!(
        !shown.contains(&shop.sim.config().client_secret),
        "the client's Debug hides the secret: {shown}"
    );
    assert!(
        shown.contains("redacted"),
        "the secret and the cached token are shown as placeholders: {shown}"
    );
    client.check_login().await.expect("the settings work");
    assert_eq!(
        shop.calls("POST", "/token"),
        2,
        "a login check asks for a token even when one is cached"
    );
}
