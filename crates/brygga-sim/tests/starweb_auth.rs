//! The Starweb simulator's door: OAuth 2.0 client credentials at `POST /token`, bearer tokens that
//! expire on the simulator's clock, and the requests-per-minute limit — all over real HTTP.

#[allow(dead_code, reason = "each test file uses part of the shared harness")]
mod starweb_harness;

use brygga_sim::starweb::StarwebConfig;
use reqwest::StatusCode;
use serde_json::json;
use starweb_harness::{Shop, config};

#[tokio::test]
async fn the_shops_credentials_get_a_token_that_opens_the_api() {
    let shop = Shop::start().await;
    let (status, body) = shop.request_token("brygga.demo", "demo-secret").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "valid client credentials are accepted: {body}"
    );
    assert_eq!(
        body["expires_in"], 3600,
        "tokens live an hour, as Starweb's spec example and SDK say"
    );
    let token = body["access_token"]
        .as_str()
        .expect("the token response carries access_token");
    assert!(
        body.get("data").is_none(),
        "the token response is a plain TokenModel, not wrapped in data"
    );

    let (status, shop_info) = shop.get(token, "/shop").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a fresh token opens the API: {shop_info}"
    );
    assert_eq!(
        shop_info["data"]["baseCurrency"], "SEK",
        "the demo shop sells in SEK by default"
    );
}

#[tokio::test]
async fn a_wrong_secret_is_an_invalid_client() {
    let shop = Shop::start().await;
    let (status, body) = shop.request_token("brygga.demo", "not-the-secret").await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "Starweb answers bad credentials with 400"
    );
    assert_eq!(
        body["error"], "invalid_client",
        "the documented error code names the client: {body}"
    );

    let (status, body) = shop.request_token("someone.else", "demo-secret").await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an unknown client id is refused the same way"
    );
    assert_eq!(
        body["error"], "invalid_client",
        "an unknown client is an invalid client: {body}"
    );
}

#[tokio::test]
async fn the_token_request_is_a_form_with_the_client_credentials_grant() {
    let shop = Shop::start().await;
    let json_body = json!({"grant_type": "client_credentials", "client_id": "brygga.demo", "client_secret": "demo-secret"});
    let response = shop
        .http
        .post(shop.api("/token"))
        .json(&json_body)
        .send()
        .await
        .expect("request sent");
    let (status, body) = starweb_harness::read(response).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "the spec's token body is form-encoded, so JSON is refused"
    );
    // The conformance layer refuses it before the simulator would (with `invalid_request`).
    assert!(
        body["error"].is_string(),
        "the refusal names an error: {body}"
    );

    let form = [
        ("grant_type", "password"),
        ("client_id", "brygga.demo"),
        ("client_secret", "demo-secret"),
    ];
    let response = shop
        .http
        .post(shop.api("/token"))
        .form(&form)
        .send()
        .await
        .expect("request sent");
    let (status, body) = starweb_harness::read(response).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "client credentials is the only grant Starweb has"
    );
    assert_eq!(
        body["error"], "unsupported_grant_type",
        "another grant is named as unsupported: {body}"
    );
}

#[tokio::test]
async fn a_missing_or_unknown_token_is_an_invalid_token() {
    let shop = Shop::start().await;
    let response = shop
        .http
        .get(shop.api("/orders"))
        .send()
        .await
        .expect("request sent");
    let (status, body) = starweb_harness::read(response).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the API needs a bearer token"
    );
    assert_eq!(
        body["error"], "invalid_token",
        "clients renew their token on invalid_token: {body}"
    );

    let (status, body) = shop.get("made-up-token", "/orders").await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a token the shop never issued does not open the API"
    );
    assert_eq!(
        body["error"], "invalid_token",
        "an unknown token is an invalid token: {body}"
    );
}

#[tokio::test]
async fn a_token_expires_when_its_lifetime_has_passed_on_the_sim_clock() {
    let shop = Shop::start().await;
    let token = shop.token().await;
    let (status, clock) = shop
        .control(
            reqwest::Method::POST,
            "/clock",
            Some(json!({"advanceSeconds": 3590})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the control API moves the clock: {clock}"
    );
    assert_eq!(
        shop.get(&token, "/orders").await.0,
        StatusCode::OK,
        "ten seconds before expiry the token works"
    );

    shop.sim.advance_clock(chrono::Duration::seconds(20));
    let (status, body) = shop.get(&token, "/orders").await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "after its lifetime the token is refused"
    );
    assert_eq!(
        body["error"], "invalid_token",
        "an expired token is reported as invalid_token: {body}"
    );

    let renewed = shop.token().await;
    assert_ne!(renewed, token, "a renewed token is a new token");
    assert_eq!(
        shop.get(&renewed, "/orders").await.0,
        StatusCode::OK,
        "the renewed token works"
    );
}

#[tokio::test]
async fn requests_over_the_minutes_limit_get_429_until_the_minute_has_passed() {
    let shop = Shop::start_with(StarwebConfig {
        requests_per_minute: 4,
        ..config()
    })
    .await;
    let token = shop.token().await;
    for call in 1..=3 {
        let (status, body) = shop.get(&token, "/order-statuses").await;
        assert_eq!(
            status,
            StatusCode::OK,
            "request {call} of 4 (the token was the first) is allowed: {body}"
        );
    }
    let response = shop
        .http
        .get(shop.api("/order-statuses"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("sent");
    assert!(
        response.headers().get("retry-after").is_none(),
        "Starweb documents no Retry-After header"
    );
    let (status, body) = starweb_harness::read(response).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the fifth request in a minute is over the limit"
    );
    assert_eq!(
        body["error"], "Too Many Requests",
        "the SDK recognises the limit by this error text: {body}"
    );

    let (status, _) = shop.control(reqwest::Method::GET, "/emails", None).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "control routes are never rate limited"
    );

    shop.sim.advance_clock(chrono::Duration::seconds(61));
    assert_eq!(
        shop.get(&token, "/order-statuses").await.0,
        StatusCode::OK,
        "a minute later requests pass again"
    );
}

#[tokio::test]
async fn every_api_request_is_counted_under_its_route() {
    let shop = Shop::start().await;
    let token = shop.token().await;
    shop.get(&token, "/orders/1").await;
    shop.get(&token, "/orders/2").await;
    shop.get(&token, "/orders").await;
    assert_eq!(
        shop.sim.call_count("POST", "/token"),
        1,
        "the token request is counted"
    );
    assert_eq!(
        shop.sim.call_count("GET", "/orders/{orderId}"),
        2,
        "calls are counted per route template"
    );
    assert_eq!(
        shop.sim.call_count("GET", "/orders"),
        1,
        "the list is a route of its own"
    );
    let (_, calls) = shop.control(reqwest::Method::GET, "/calls", None).await;
    assert_eq!(
        calls["data"]["GET /orders/{orderId}"], 2,
        "the control API shows the same counts: {calls}"
    );
}
