//! The access token cache: one token per client (and its clones), renewed shortly before it
//! expires, or at once when the shop says it is no longer valid.
//!
//! Starweb's tokens live `expires_in` seconds (3600 in the spec). Asking for a token on every call
//! would double the calls against the shop's 1000-a-minute limit, so the token is kept and reused.
//! Renewal is single-flight: the cache's lock is held while the token request runs, so callers that
//! need a token at the same moment wait for that one request instead of each sending their own. A
//! caller that got 401 `invalid_token` forgets only the token it used; if someone has renewed in the
//! meantime, the newer token stays, so a burst of 401s still costs one renewal.

use std::future::Future;
use std::time::{Duration, Instant};

use brygga_core::Sensitive;

use crate::error::StarwebError;

/// Assumed when the token response has no `expires_in`: the spec's example and the SDK's default.
pub(crate) const DEFAULT_LIFETIME: Duration = Duration::from_secs(3600);

/// The longest head start a renewal takes before expiry.
const MAX_MARGIN: Duration = Duration::from_secs(60);

/// A token and when to stop using it.
#[derive(Debug, Clone)]
struct Cached {
    value: Sensitive<String>,
    renew_at: Instant,
}

/// The shared cache; clients hold it in an `Arc`.
#[derive(Debug, Default)]
pub(crate) struct TokenCache {
    slot: tokio::sync::Mutex<Option<Cached>>,
}

/// When to renew a token that lives `lifetime`: a tenth of its life early, at most a minute, so a
/// call started just before expiry does not arrive just after it.
fn renew_after(lifetime: Duration) -> Duration {
    lifetime.saturating_sub((lifetime / 10).min(MAX_MARGIN))
}

impl TokenCache {
    /// The cached token if it is still fresh, else the one `fetch` gets (which is then cached).
    /// `fetch` returns the token and its lifetime.
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<Sensitive<String>, StarwebError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(Sensitive<String>, Duration), StarwebError>>,
    {
        let mut slot = self.slot.lock().await;
        if let Some(cached) = slot.as_ref().filter(|c| Instant::now() < c.renew_at) {
            return Ok(cached.value.clone());
        }
        let (value, lifetime) = fetch().await?;
        *slot = Some(Cached {
            value: value.clone(),
            renew_at: Instant::now() + renew_after(lifetime),
        });
        Ok(value)
    }

    /// Drops `stale` if it is still the cached token, so the next [`TokenCache::get`] renews.
    pub(crate) async fn forget(&self, stale: &Sensitive<String>) {
        let mut slot = self.slot.lock().await;
        if slot.as_ref().is_some_and(|cached| cached.value == *stale) {
            *slot = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn block_on<F: Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future)
    }

    #[test]
    fn renewal_starts_a_little_before_expiry() {
        assert_eq!(
            renew_after(Duration::from_secs(3600)),
            Duration::from_secs(3540),
            "an hour-long token is renewed a minute early"
        );
        assert_eq!(
            renew_after(Duration::from_secs(100)),
            Duration::from_secs(90),
            "a short token keeps most of its life"
        );
        assert_eq!(renew_after(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn a_fresh_token_is_reused_and_forgetting_an_old_one_keeps_the_new() {
        let cache = TokenCache::default();
        let fetched = Arc::new(AtomicUsize::new(0));
        let fetch = || {
            let fetched = Arc::clone(&fetched);
            async move {
                let n = fetched.fetch_add(1, Ordering::SeqCst);
                Ok((Sensitive::new(format!("token-{n}")), DEFAULT_LIFETIME))
            }
        };
        block_on(async {
            let first = cache.get(fetch).await.unwrap();
            let again = cache.get(fetch).await.unwrap();
            assert_eq!(first, again, "a fresh token is reused");
            cache.forget(&first).await;
            let second = cache.get(fetch).await.unwrap();
            assert_ne!(first, second, "a forgotten token is renewed");
            cache.forget(&first).await;
            let still = cache.get(fetch).await.unwrap();
            assert_eq!(
                second, still,
                "forgetting a token already replaced must not throw away the new one"
            );
        });
        assert_eq!(fetched.load(Ordering::SeqCst), 2);
    }
}
