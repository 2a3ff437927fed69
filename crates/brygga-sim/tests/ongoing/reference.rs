//! What a client reads to set itself up: goods owner, warehouses, transporter contracts; and the
//! simulator's clock.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::json;

use super::support::Wms;

#[tokio::test]
async fn the_connection_test_reads_the_goods_owner_and_the_warehouses() {
    let wms = Wms::start().await;
    let (status, owners) = wms.get("api/v1/goodsOwners").await;
    assert_eq!(status, StatusCode::OK, "the goods owner list is readable");
    assert_eq!(
        owners["goodsOwners"][0]["goodsOwnerId"], wms.goods_owner_id,
        "the API user sees its goods owner"
    );
    let (status, _) = wms
        .get(&format!("api/v1/goodsOwners/{}", wms.goods_owner_id))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "its own goods owner is readable by id"
    );

    let (status, warehouses) = wms.get("api/v1/warehouses").await;
    assert_eq!(status, StatusCode::OK, "the warehouses are readable");
    assert_eq!(
        warehouses[0]["id"], 1,
        "the demo has one warehouse with id 1"
    );
}

#[tokio::test]
async fn transporter_contracts_offer_swedish_carriers_with_service_codes() {
    let wms = Wms::start().await;
    let (status, contracts) = wms
        .get(&format!(
            "api/v1/transporterContracts?goodsOwnerId={}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "the contracts are readable");
    let contracts = contracts.as_array().cloned().unwrap_or_default();
    let schenker = contracts
        .iter()
        .find(|c| c["transporterCode"] == "SBTL")
        .expect("DB Schenker is a contract");
    let services: Vec<&str> = schenker["transporterServices"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["transporterServiceCode"].as_str())
        .collect();
    assert!(
        services.contains(&"BPA"),
        "Schenker Parcel is SBTL/BPA: {services:?}"
    );
    for code in ["PNL", "DHLFREIGHTSE", "BUDBEE", "INSTABOX"] {
        assert!(
            contracts.iter().any(|c| c["transporterCode"] == code),
            "{code} is among the carriers"
        );
    }
}

#[tokio::test]
async fn the_clock_can_be_set_and_advanced_for_every_timestamp() {
    let wms = Wms::start().await;
    let answer = wms
        .operate("clock", json!({ "set": "2027-03-01T07:00:00Z" }))
        .await;
    let now: DateTime<Utc> = answer["now"]
        .as_str()
        .and_then(|t| t.parse().ok())
        .expect("the clock answers its time");
    assert_eq!(
        now.format("%Y-%m-%d %H:%M").to_string(),
        "2027-03-01 07:00",
        "the clock jumps to the set time"
    );

    wms.put_article("CLOCK", "Klocka").await;
    let created: DateTime<Utc> = wms.article("CLOCK").await["created"]
        .as_str()
        .and_then(|t| t.parse().ok())
        .expect("created is a time");
    assert_eq!(
        created.format("%Y-%m-%d").to_string(),
        "2027-03-01",
        "records are stamped with the simulated time"
    );

    let later: DateTime<Utc> = wms.advance_clock(3600).await.parse().expect("a time");
    assert!(
        later - now >= chrono::TimeDelta::hours(1),
        "advancing moves the clock forward"
    );
}
