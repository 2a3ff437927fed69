//! The client secret and the access token never reach a log line or an error, at any log level.
//!
//! A binary of its own: the log subscriber installed here must be the only one in the process, or
//! tracing's per-callsite cache, filled by tests running beside it, can switch these events off.

#[path = "sim/support.rs"]
#[allow(dead_code)]
mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tracing_subscriber::fmt::MakeWriter;

use support::Shop;

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
async fn the_secret_and_the_token_are_never_logged() {
    let shop = Shop::start().await;
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let client = shop.client();
    client.shop().await.unwrap();
    client.order_statuses().await.unwrap();
    let wrong = shop.client_with("wrong-secret", Duration::from_secs(5));
    let err = wrong.shop().await.unwrap_err();

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("starweb call"),
        "the calls were logged, so the check below looked at real log lines: {log}"
    );
    let secret = shop.sim.config().client_secret.clone();
    for needle in [secret.as_str(), "wrong-secret", "Bearer ", "access_token"] {
        assert!(
            !log.contains(needle),
            "no secret or token may reach the log at any level: found {needle:?}"
        );
        assert!(!err.to_string().contains(needle), "nor an error message");
    }
}
