//! The password never reaches a log line or an error, whatever the log level.
//!
//! A binary of its own: the log subscriber installed here must be the only one in the process, or
//! tracing's per-callsite cache, filled by tests running beside it, can switch these events off.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use tracing_subscriber::fmt::MakeWriter;

#[path = "sim/support.rs"]
#[allow(dead_code)]
mod support;

use support::*;

/// Collects everything written to the log, at every level, from every crate.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn the_password_and_the_authorization_header_are_never_logged() {
    let (sim, server) = start().await;
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let right = connect(&server, &sim);
    right.upsert_article(&article(1)).await.unwrap();
    right.warehouses().await.unwrap();
    let wrong = client(&server, &sim, "wrong-password", Duration::from_secs(5));
    let err = wrong.warehouses().await.unwrap_err();

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("ongoing call"),
        "the calls were logged, so the check below looked at real log lines"
    );
    let config = sim.config();
    let basic = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", config.user, config.password));
    for secret in [config.password.as_str(), basic.as_str(), "wrong-password"] {
        assert!(
            !log.contains(secret),
            "a secret must not reach the log at any level: found {secret:?}"
        );
        assert!(!err.to_string().contains(secret), "nor an error message");
    }
    assert!(
        !format!("{right:?}").contains(&config.password),
        "nor the client's debug output"
    );
}
