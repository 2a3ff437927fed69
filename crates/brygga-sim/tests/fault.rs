//! Each simulated fault as a client sees it over real HTTP, forced deterministically; seeded
//! random runs; and the `/_sim/faults` control routes. (The fault spec's string form is tested
//! beside its parser in `src/fault/spec.rs`.)

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::{StatusCode, header};
use axum::routing::get;
use brygga_sim::fault::{Fault, FaultSpec, Faults};
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};
use serde_json::{Value, json};

/// An Ongoing stand-in whose warehouse list counts its calls, with one control route of its own.
async fn warehouse(faults: FaultSpec, handled: Arc<AtomicUsize>) -> SimServer {
    let list = move || {
        let handled = Arc::clone(&handled);
        async move {
            handled.fetch_add(1, Ordering::SeqCst);
            axum::Json(json!([
                { "id": 1, "code": "STHLM", "name": "Stockholm", "address": null },
                { "id": 2, "code": "GBG", "name": "Göteborg", "address": null }
            ]))
        }
    };
    serve(ServeConfig {
        api: Api::Ongoing,
        port: 0,
        base_path: "/demo".into(),
        api_routes: Router::new().route("/api/v1/warehouses", get(list)),
        control_routes: Router::new().route("/_sim/ping", get(|| async { "pong" })),
        faults,
    })
    .await
    .expect("a loopback port is free")
}

fn warehouses(server: &SimServer) -> String {
    format!("{}api/v1/warehouses", server.api_url())
}

async fn status_of(client: &reqwest::Client, url: &str) -> StatusCode {
    client
        .get(url)
        .send()
        .await
        .expect("the simulator answers")
        .status()
}

#[tokio::test]
async fn a_forced_429_carries_retry_after_only_when_asked() {
    let server = warehouse(FaultSpec::none(), Arc::default()).await;
    let client = reqwest::Client::new();
    let faults = server.faults();
    faults.next_n_requests(
        Fault::RateLimited {
            retry_after: Some(Duration::from_millis(1500)),
        },
        1,
    );
    faults.next_n_requests(Fault::RateLimited { retry_after: None }, 1);

    let first = client
        .get(warehouses(&server))
        .send()
        .await
        .expect("answered");
    assert_eq!(
        first.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the first call was forced"
    );
    assert_eq!(
        first
            .headers()
            .get(header::RETRY_AFTER)
            .map(|v| v.to_str().ok()),
        Some(Some("2")),
        "Retry-After is whole seconds, 1.5 s rounded up so a client never retries too early"
    );
    let body: Value = first.json().await.expect("a JSON error body");
    assert_eq!(
        body["error"], "Too Many Requests",
        "Starweb's rate-limit body"
    );

    let second = client
        .get(warehouses(&server))
        .send()
        .await
        .expect("answered");
    assert_eq!(
        second.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the second call was forced"
    );
    assert!(
        second.headers().get(header::RETRY_AFTER).is_none(),
        "this 429 has no Retry-After"
    );
    assert_eq!(
        status_of(&client, &warehouses(&server)).await,
        StatusCode::OK,
        "forcing used up"
    );
}

#[tokio::test]
async fn the_next_two_calls_get_a_500_and_never_reach_the_handler() {
    let handled = Arc::new(AtomicUsize::new(0));
    let server = warehouse(FaultSpec::none(), Arc::clone(&handled)).await;
    let client = reqwest::Client::new();
    server.faults().next_n_requests(Fault::ServerError, 2);
    server.faults().next_n_requests(Fault::Unavailable, 1);
    let url = warehouses(&server);
    let statuses = [
        status_of(&client, &url).await,
        status_of(&client, &url).await,
        status_of(&client, &url).await,
        status_of(&client, &url).await,
    ];
    assert_eq!(
        statuses,
        [
            StatusCode::INTERNAL_SERVER_ERROR,
            StatusCode::INTERNAL_SERVER_ERROR,
            StatusCode::SERVICE_UNAVAILABLE,
            StatusCode::OK
        ],
        "forced faults are used in order, then calls succeed again"
    );
    assert_eq!(
        handled.load(Ordering::SeqCst),
        1,
        "only the last call reached the handler"
    );
}

#[tokio::test]
async fn calls_let_through_come_before_the_forced_fault() {
    let handled = Arc::new(AtomicUsize::new(0));
    let server = warehouse(FaultSpec::none(), Arc::clone(&handled)).await;
    let client = reqwest::Client::new();
    server.faults().after_n_requests(2, Fault::Unavailable, 1);
    let url = warehouses(&server);
    let statuses = [
        status_of(&client, &url).await,
        status_of(&client, &url).await,
        status_of(&client, &url).await,
        status_of(&client, &url).await,
    ];
    assert_eq!(
        statuses,
        [
            StatusCode::OK,
            StatusCode::OK,
            StatusCode::SERVICE_UNAVAILABLE,
            StatusCode::OK
        ],
        "two calls go through, the third fails, then calls succeed again"
    );
    assert_eq!(
        handled.load(Ordering::SeqCst),
        3,
        "every call but the failed one reached the handler"
    );
}

#[tokio::test]
async fn a_dropped_connection_is_a_client_error_after_the_handler_ran() {
    let handled = Arc::new(AtomicUsize::new(0));
    let server = warehouse(FaultSpec::none(), Arc::clone(&handled)).await;
    let client = reqwest::Client::new();
    server.faults().next_n_requests(Fault::DropConnection, 1);
    let dropped = client.get(warehouses(&server)).send().await;
    let error = dropped.expect_err("no response arrives on a cut connection");
    assert!(
        error.status().is_none(),
        "not even a status line was sent: {error:?}"
    );
    assert_eq!(
        handled.load(Ordering::SeqCst),
        1,
        "the call took effect before the cut, so the client cannot know whether it happened"
    );
    assert_eq!(
        status_of(&client, &warehouses(&server)).await,
        StatusCode::OK,
        "new connection"
    );
}

#[tokio::test]
async fn a_malformed_body_fails_json_parsing() {
    let server = warehouse(FaultSpec::none(), Arc::default()).await;
    server.faults().next_n_requests(Fault::Malformed, 1);
    let response = reqwest::get(warehouses(&server)).await.expect("answered");
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "the status survives; only the body is cut"
    );
    let parsed = response.json::<Value>().await;
    assert!(
        parsed.is_err(),
        "half a JSON array does not parse: {parsed:?}"
    );
}

#[tokio::test]
async fn latency_delays_every_api_call() {
    let latency = Duration::from_millis(120);
    let spec = FaultSpec {
        latency,
        ..FaultSpec::none()
    };
    let server = warehouse(spec, Arc::default()).await;
    let started = Instant::now();
    let status = status_of(&reqwest::Client::new(), &warehouses(&server)).await;
    assert_eq!(status, StatusCode::OK, "latency is not a failure");
    assert!(
        started.elapsed() >= latency,
        "took {:?}, less than {latency:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn faults_set_at_start_apply_from_the_first_call_but_not_to_control_routes() {
    let spec: FaultSpec = "error=1".parse().expect("a valid spec");
    let handled = Arc::new(AtomicUsize::new(0));
    let server = warehouse(spec, Arc::clone(&handled)).await;
    let client = reqwest::Client::new();
    let status = status_of(&client, &warehouses(&server)).await;
    assert!(
        status.is_server_error(),
        "error=1 fails every API call, got {status}"
    );
    assert_eq!(
        handled.load(Ordering::SeqCst),
        0,
        "an injected error skips the handler"
    );
    let ping = status_of(&client, &format!("{}/_sim/ping", server.root_url())).await;
    assert_eq!(
        ping,
        StatusCode::OK,
        "the simulator's own control routes never fail"
    );
    let faults = status_of(&client, &format!("{}/_sim/faults", server.root_url())).await;
    assert_eq!(faults, StatusCode::OK, "nor does the fault control itself");
}

#[tokio::test]
async fn faults_change_at_run_time_through_the_control_routes() {
    let server = warehouse(FaultSpec::none(), Arc::default()).await;
    let client = reqwest::Client::new();
    let control = format!("{}/_sim/faults", server.root_url());

    let initial: Value = client
        .get(&control)
        .send()
        .await
        .expect("up")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        initial["error_rate"], 0.0,
        "no faults were configured: {initial}"
    );

    let wanted = json!({ "rate_limit_rate": 1.0, "retry_after_ms": 3000, "latency_ms": 5 });
    let put = client.put(&control).json(&wanted).send().await.expect("up");
    assert_eq!(put.status(), StatusCode::OK, "a valid spec is accepted");
    let response = client
        .get(warehouses(&server))
        .send()
        .await
        .expect("answered");
    assert_eq!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "every call is now limited"
    );
    assert_eq!(
        response.headers()[header::RETRY_AFTER],
        "3",
        "with the configured Retry-After"
    );
    let live = server.faults().get();
    assert_eq!(
        live.latency,
        Duration::from_millis(5),
        "durations travel in milliseconds"
    );

    let invalid = client
        .put(&control)
        .json(&json!({ "error_rate": 2.0 }))
        .send()
        .await;
    let invalid = invalid.expect("up");
    assert_eq!(
        invalid.status(),
        StatusCode::BAD_REQUEST,
        "a rate above 1 is refused"
    );
    assert_eq!(
        server.faults().get(),
        live,
        "a refused spec changes nothing"
    );

    let cleared = client
        .put(&control)
        .json(&json!({}))
        .send()
        .await
        .expect("up");
    assert_eq!(cleared.status(), StatusCode::OK, "absent fields are off");
    let next = format!("{control}/next");
    let force = json!({ "fault": "server-error", "count": 2 });
    let forced: Value = client
        .post(&next)
        .json(&force)
        .send()
        .await
        .expect("up")
        .json()
        .await
        .expect("JSON");
    assert_eq!(forced["forced"], 2, "two calls wait to fail: {forced}");
    let url = warehouses(&server);
    assert_eq!(
        status_of(&client, &url).await,
        StatusCode::INTERNAL_SERVER_ERROR,
        "forced 1 of 2"
    );
    assert_eq!(
        status_of(&client, &url).await,
        StatusCode::INTERNAL_SERVER_ERROR,
        "forced 2 of 2"
    );
    assert_eq!(
        status_of(&client, &url).await,
        StatusCode::OK,
        "then back to the (empty) spec"
    );

    let unknown = client
        .post(&next)
        .json(&json!({ "fault": "fire" }))
        .send()
        .await
        .expect("up");
    assert_eq!(
        unknown.status(),
        StatusCode::BAD_REQUEST,
        "an unknown fault name is refused"
    );
}

#[test]
fn the_same_seed_and_spec_give_the_same_faults() {
    let spec: FaultSpec = "error=0.3,429=0.2,drop=0.1,malformed=0.1"
        .parse()
        .expect("valid");
    let run = |seed| {
        let faults = Faults::seeded(seed);
        faults.set(spec);
        (0..200).map(|_| faults.decide().fault).collect::<Vec<_>>()
    };
    assert_eq!(run(7), run(7), "a seeded run is reproducible");
    let kinds = run(7);
    let failed = kinds.iter().filter(|fault| fault.is_some()).count();
    assert!(
        (100..=180).contains(&failed),
        "about 70% of 200 calls fail, got {failed}"
    );
    for wanted in [
        "server-error",
        "unavailable",
        "rate-limited",
        "drop-connection",
        "malformed",
    ] {
        assert!(
            kinds.iter().flatten().any(|fault| fault.name() == wanted),
            "200 draws at these rates include a {wanted}"
        );
    }
}
