//! Faults from the wire become the right error class, with a clear message and no panic.

use std::time::Duration;

use brygga_core::remote::{Classified, FailureClass};
use brygga_ongoing::OngoingError;
use brygga_sim::fault::Fault;

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
