//! The merchant's Starweb connection as typed into Brygga, checked and turned into the API root.
//!
//! Merchants copy the API address from the Starweb admin or from us in a few forms
//! (`https://{shop}.starwebserver.se/api/v2`, the same with a trailing `/`, or just the shop's host);
//! all of them mean "the shop's API v2 root", under which every path (`token`, `orders`, ...) is
//! joined. Plain `http://` is refused unless the host is this machine, because the client secret
//! travels in the token request and the access token in every other one.

use std::time::Duration;

use brygga_core::Sensitive;
use brygga_core::endpoint::is_loopback_host;
use url::Url;

/// How long one call may take before it counts as a transient failure.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything needed to call one Starweb shop.
#[derive(Debug, Clone)]
pub struct StarwebConfig {
    /// The API URL as the merchant has it, e.g. `https://myshop.starwebserver.se/api/v2`.
    pub api_url: String,
    /// The API user's client id (Starweb admin, API users).
    pub client_id: String,
    /// The API user's client secret, from the keychain.
    pub client_secret: Sensitive<String>,
    /// Per-call timeout.
    pub timeout: Duration,
}

/// Why a connection's settings cannot be used; each names the field to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The URL does not parse or does not lead to an API v2 root.
    #[error("the Starweb API URL '{url}' is not usable: {reason}")]
    BadUrl { url: String, reason: String },
    /// `http://` to a host other than this machine.
    #[error(
        "the Starweb API URL '{url}' uses plain http:// to another machine; use the https:// \
         address, as in https://myshop.starwebserver.se/api/v2"
    )]
    InsecureUrl { url: String },
    /// The client id is empty.
    #[error("the Starweb client id is empty; copy it from the API user in the Starweb admin")]
    EmptyClientId,
    /// The client secret is empty.
    #[error("the Starweb client secret is empty; copy it from the API user in the Starweb admin")]
    EmptyClientSecret,
}

/// The API root, always ending in `/api/v2/`, under which relative paths are joined.
pub(crate) fn api_root(api_url: &str) -> Result<Url, ConfigError> {
    let bad = |reason: &str| ConfigError::BadUrl {
        url: api_url.to_owned(),
        reason: reason.to_owned(),
    };
    let mut url = Url::parse(api_url.trim()).map_err(|err| bad(&err.to_string()))?;
    match url.scheme() {
        "https" => {}
        "http" if url.host_str().is_some_and(is_loopback_host) => {}
        "http" => {
            return Err(ConfigError::InsecureUrl {
                url: api_url.to_owned(),
            });
        }
        _ => return Err(bad("it must start with https://")),
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("it must not contain ? or #"));
    }
    let segments: Vec<String> = url
        .path_segments()
        .map(|parts| parts.filter(|p| !p.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    let root = match segments.as_slice() {
        [] => vec!["api".to_owned(), "v2".to_owned()],
        [folder @ .., api, v2]
            if api.eq_ignore_ascii_case("api") && v2.eq_ignore_ascii_case("v2") =>
        {
            // Paths are case-sensitive on the server; the spec spells them in lower case.
            folder
                .iter()
                .cloned()
                .chain(["api".into(), "v2".into()])
                .collect()
        }
        _ => {
            return Err(bad(
                "it should end in /api/v2, as in https://myshop.starwebserver.se/api/v2",
            ));
        }
    };
    url.set_path(&format!("/{}/", root.join("/")));
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_a_merchant_copies_means_the_api_root() {
        for given in [
            "https://myshop.starwebserver.se/api/v2",
            "https://myshop.starwebserver.se/api/v2/",
            "https://myshop.starwebserver.se",
            " https://myshop.starwebserver.se/API/V2 ",
        ] {
            assert_eq!(
                api_root(given).unwrap().as_str(),
                "https://myshop.starwebserver.se/api/v2/",
                "{given} names the same shop API"
            );
        }
    }

    #[test]
    fn plain_http_is_for_this_machine_only() {
        assert!(
            api_root("http://127.0.0.1:8080/api/v2").is_ok(),
            "the simulator runs on loopback"
        );
        assert_eq!(
            api_root("http://myshop.starwebserver.se/api/v2"),
            Err(ConfigError::InsecureUrl {
                url: "http://myshop.starwebserver.se/api/v2".into()
            }),
            "the client secret must not cross a network in clear text"
        );
    }

    #[test]
    fn a_url_that_is_not_an_api_root_says_what_is_expected() {
        let err = api_root("https://myshop.starwebserver.se/admin").unwrap_err();
        assert!(
            err.to_string().contains("/api/v2"),
            "the message shows the expected form: {err}"
        );
        assert!(matches!(
            api_root("ftp://x/api/v2"),
            Err(ConfigError::BadUrl { .. })
        ));
        assert!(matches!(
            api_root("https://x/api/v2?page=1"),
            Err(ConfigError::BadUrl { .. })
        ));
    }
}
