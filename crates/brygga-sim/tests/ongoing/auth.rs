//! Who may call: HTTP Basic credentials, the one goods owner of the API user, the warehouse name in
//! the base URL.

use axum::http::{StatusCode, header};
use serde_json::Value;

use super::support::{Wms, article_model};

#[tokio::test]
async fn calls_without_or_with_wrong_credentials_get_401_with_a_basic_challenge() {
    let wms = Wms::start().await;
    let path = format!("api/v1/articles?goodsOwnerId={}", wms.goods_owner_id);

    let anonymous = wms.call_as(None, &path).await;
    assert_eq!(
        anonymous.status(),
        StatusCode::UNAUTHORIZED,
        "the API needs Basic auth on every call"
    );
    let challenge = anonymous
        .headers()
        .get(header::WWW_AUTHENTICATE)
        .and_then(|value| value.to_str().ok());
    assert_eq!(
        challenge,
        Some("Basic realm=\"Ongoing WMS\""),
        "a 401 tells the client which scheme to use"
    );
    let body: Value = anonymous.json().await.expect("the refusal is JSON");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|message| message.contains("Basic")),
        "the message says what is missing: {body}"
    );

    let config = wms.sim.config();
    let wrong = wms
        .call_as(Some((&config.user, "not-the-password")), &path)
        .await;
    assert_eq!(
        wrong.status(),
        StatusCode::UNAUTHORIZED,
        "a wrong password is refused"
    );
    let body: Value = wrong.json().await.expect("the refusal is JSON");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|message| message.contains("user name or password")),
        "the message points at the credentials: {body}"
    );
    assert_eq!(
        wms.sim.call_count("Articles_GetAll"),
        2,
        "refused calls are counted too"
    );
    assert_eq!(
        wms.sim.article_count(),
        0,
        "nothing was created by refused calls"
    );
}

#[tokio::test]
async fn another_goods_owner_id_is_refused_with_403_naming_it() {
    let wms = Wms::start().await;
    let other = wms.goods_owner_id + 1;

    let (status, body) = wms
        .get(&format!("api/v1/orders?goodsOwnerId={other}"))
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "an API user belongs to exactly one goods owner"
    );
    let message = body["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(&other.to_string()) && message.contains("goods owner id"),
        "the message names the id to check: {body}"
    );

    let (status, _) = wms
        .put("api/v1/articles", article_model(other, "A-1", "Mössa"))
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the body's goodsOwnerId is checked like the query's"
    );
    assert_eq!(
        wms.sim.article_count(),
        0,
        "a refused upsert creates nothing"
    );

    let (status, _) = wms.get("api/v1/orders").await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "goodsOwnerId is a required parameter"
    );
}

#[tokio::test]
async fn a_base_url_with_another_warehouse_name_finds_no_system() {
    let wms = Wms::start().await;
    let url = wms
        .url("api/v1/warehouses")
        .replace("/brygga-demo/", "/other-3pl/");
    let config = wms.sim.config();
    let response = reqwest::Client::new()
        .get(url)
        .basic_auth(&config.user, Some(&config.password))
        .send()
        .await
        .expect("the simulator answers");
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "each warehouse name is its own Ongoing system"
    );
}
