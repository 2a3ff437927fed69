//! The connection test's calls: goods owners, warehouses, statuses, carriers; and a wrong login.

use std::time::Duration;

use brygga_core::remote::{Classified, FailureClass};
use brygga_ongoing::OngoingError;

use crate::support::*;

#[tokio::test]
async fn the_connection_test_reads_goods_owner_warehouses_statuses_and_carriers() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
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
    let err = client(&server, &sim, "not-the-password", Duration::from_secs(5))
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
