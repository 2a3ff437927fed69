//! The spec checks as a client meets them: over real HTTP, through `server::serve`, with tiny
//! routers standing in for the simulators.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{delete, get, put};
use brygga_sim::conformance::Direction;
use brygga_sim::fault::FaultSpec;
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};
use serde_json::{Value, json};

/// An Ongoing stand-in: a conforming article upsert that counts its calls, and an order read that
/// answers a body the spec forbids.
async fn ongoing(handled: Arc<AtomicUsize>) -> SimServer {
    let upsert = move || {
        let handled = Arc::clone(&handled);
        async move {
            handled.fetch_add(1, Ordering::SeqCst);
            axum::Json(json!({ "articleSystemId": 17, "message": null }))
        }
    };
    let api_routes = Router::new()
        .route("/api/v1/articles", put(upsert))
        .route(
            "/api/v1/orders/{orderId}",
            get(|| async { axum::Json(json!({ "orderInfo": { "orderId": "501" } })) }),
        )
        .route(
            "/api/v1/orders/{orderId}/lines/{lineId}/reportedReturnedNumberOfItems",
            axum::routing::patch(|| async {
                (
                    [(header::CONTENT_TYPE, "application/octet-stream")],
                    vec![1_u8, 2, 3],
                )
            }),
        );
    let control_routes = Router::new().route(
        "/_sim/warehouse",
        get(|| async { axum::Json(json!({ "anything": "goes" })) }),
    );
    serve(ServeConfig {
        api: Api::Ongoing,
        port: 0,
        base_path: "/demo".into(),
        api_routes,
        control_routes,
        faults: FaultSpec::none(),
    })
    .await
    .expect("a loopback port is free")
}

fn article() -> Value {
    json!({ "goodsOwnerId": 162, "articleNumber": "MUG-01", "articleName": "Mugg", "weight": 0.35 })
}

#[tokio::test]
async fn a_conforming_request_reaches_the_handler_and_its_answer_the_client() {
    let handled = Arc::new(AtomicUsize::new(0));
    let server = ongoing(Arc::clone(&handled)).await;
    let response = reqwest::Client::new()
        .put(format!("{}api/v1/articles", server.api_url()))
        .json(&article())
        .send()
        .await
        .expect("the simulator answers");
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "PostArticleModel accepts this article"
    );
    let body: Value = response.json().await.expect("a JSON answer");
    assert_eq!(
        body["articleSystemId"], 17,
        "the handler's conforming answer is passed through"
    );
    assert_eq!(handled.load(Ordering::SeqCst), 1, "the handler ran once");
    assert!(
        server.violations().is_empty(),
        "nothing broke the spec: {:?}",
        server.violations()
    );
}

#[tokio::test]
async fn a_non_conforming_request_is_refused_before_the_handler_and_recorded() {
    let handled = Arc::new(AtomicUsize::new(0));
    let server = ongoing(Arc::clone(&handled)).await;
    let mut body = article();
    body["colour"] = json!("blue");
    let response = reqwest::Client::new()
        .put(format!("{}api/v1/articles", server.api_url()))
        .json(&body)
        .send()
        .await
        .expect("the simulator answers");
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "PostArticleModel is closed"
    );
    let answer: Value = response.json().await.expect("a JSON refusal");
    assert_eq!(
        answer["error"],
        "request does not conform to the OpenAPI spec"
    );
    let detail = answer["detail"]
        .as_str()
        .expect("the violation is spelled out");
    assert!(
        detail.contains("PUT /api/v1/articles") && detail.contains("colour"),
        "the detail names the call and the stray field: {detail}"
    );
    assert_eq!(
        handled.load(Ordering::SeqCst),
        0,
        "a refused body never reaches the handler"
    );
    let violations = server.violations();
    assert_eq!(
        violations.len(),
        1,
        "the refusal is recorded for the test: {violations:?}"
    );
    assert_eq!(
        violations[0].direction(),
        Direction::Request,
        "it was the request that broke"
    );
}

#[tokio::test]
async fn a_non_conforming_response_becomes_a_500_and_is_recorded() {
    let server = ongoing(Arc::default()).await;
    let response = reqwest::get(format!("{}api/v1/orders/501", server.api_url()))
        .await
        .expect("the simulator answers");
    assert_eq!(
        response.status(),
        StatusCode::INTERNAL_SERVER_ERROR,
        "orderInfo.orderId is an int32, so the handler's string must not reach the client"
    );
    let answer: Value = response.json().await.expect("a JSON error");
    assert_eq!(
        answer["error"],
        "response does not conform to the OpenAPI spec"
    );
    let violations = server.violations();
    assert_eq!(violations.len(), 1, "one violation: {violations:?}");
    assert_eq!(
        violations[0].path(),
        "/api/v1/orders/{orderId}",
        "named by its template"
    );
    assert_eq!(
        violations[0].instance(),
        "/orderInfo/orderId",
        "the failing value is located"
    );
    assert_eq!(
        violations[0].direction(),
        Direction::Response { status: 200 }
    );
}

#[tokio::test]
async fn calls_outside_the_spec_are_violations_and_control_routes_are_not_checked() {
    let server = ongoing(Arc::default()).await;
    let client = reqwest::Client::new();
    let unknown = client
        .get(format!("{}api/v1/teleporters", server.api_url()))
        .send()
        .await
        .expect("the simulator answers");
    assert_eq!(
        unknown.status(),
        StatusCode::BAD_REQUEST,
        "no such path in the Ongoing spec"
    );

    let control = client
        .get(format!("{}/_sim/warehouse", server.root_url()))
        .send()
        .await
        .expect("the control route answers");
    assert_eq!(
        control.status(),
        StatusCode::OK,
        "control routes are not part of the API"
    );
    let violations = server.violations();
    assert_eq!(
        violations.len(),
        1,
        "only the unknown API call counts: {violations:?}"
    );
    assert!(
        violations[0].problem().contains("no path"),
        "{}",
        violations[0]
    );
}

#[tokio::test]
async fn octet_stream_and_empty_bodies_are_not_checked() {
    let server = ongoing(Arc::default()).await;
    let response = reqwest::Client::new()
        .patch(format!(
            "{}api/v1/orders/501/lines/1/reportedReturnedNumberOfItems",
            server.api_url()
        ))
        .json(&json!({ "reportedReturnedNumberOfItems": 1 }))
        .send()
        .await
        .expect("the simulator answers");
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "the spec declares octet-stream here"
    );
    let bytes = response.bytes().await.expect("a body");
    assert_eq!(
        bytes.as_ref(),
        [1, 2, 3],
        "a non-JSON body passes through untouched"
    );
    assert!(server.violations().is_empty(), "{:?}", server.violations());
}

#[tokio::test]
async fn api_urls_are_what_a_merchant_copies() {
    let server = ongoing(Arc::default()).await;
    let root = server.root_url();
    assert_eq!(
        root,
        format!("http://{}", server.address()),
        "the root has no trailing slash"
    );
    assert!(
        root.starts_with("http://127.0.0.1:"),
        "loopback only: {root}"
    );
    assert_eq!(
        server.api_url(),
        format!("{root}/demo/"),
        "Ongoing: like https://api.ongoingsystems.se/{{warehouse}}/, trailing slash included"
    );

    let starweb = serve(ServeConfig {
        api: Api::Starweb,
        port: 0,
        base_path: "/api/v2".into(),
        api_routes: Router::new().route(
            "/orders/{orderId}",
            delete(|| async { StatusCode::NO_CONTENT.into_response() }),
        ),
        control_routes: Router::new(),
        faults: FaultSpec::none(),
    })
    .await
    .expect("a loopback port is free");
    assert_eq!(
        starweb.api_url(),
        format!("{}/api/v2", starweb.root_url()),
        "Starweb: like https://{{shopId}}.starwebserver.se/api/v2, no trailing slash"
    );
    let deleted = reqwest::Client::new()
        .delete(format!("{}/orders/9", starweb.api_url()))
        .send()
        .await
        .expect("the simulator answers");
    assert_eq!(
        deleted.status(),
        StatusCode::NO_CONTENT,
        "a 204 without body is not checked"
    );
    assert!(
        starweb.violations().is_empty(),
        "{:?}",
        starweb.violations()
    );
}

#[tokio::test]
async fn shutdown_waits_and_frees_the_port() {
    let server = ongoing(Arc::default()).await;
    let url = format!("{}api/v1/articles", server.api_url());
    let client = reqwest::Client::new();
    let before = client
        .put(&url)
        .json(&article())
        .send()
        .await
        .expect("serving");
    assert_eq!(
        before.status(),
        StatusCode::OK,
        "the server is up before shutdown"
    );
    server.shutdown().await.expect("a clean shutdown");
    let after = client.put(&url).json(&article()).send().await;
    assert!(after.is_err(), "nothing listens after shutdown: {after:?}");
}
