//! The merchant's Ongoing connection as typed into Brygga, checked and turned into a base URL.
//!
//! 3PLs hand out the API address in several forms (`https://api.ongoingsystems.se/Lagret/api/v1/`,
//! the same without `api/v1`, or the demo host `https://wms1.ongoingsystems.se/Lagret/`); all of them
//! mean "the warehouse folder", under which every path starts with `api/v1/`. Plain `http://` is
//! refused unless the host is this machine, because the password travels in every request.

use std::time::Duration;

use brygga_core::Sensitive;
use brygga_core::endpoint::is_loopback_host;
use url::Url;

/// How long one call may take before it counts as a transient failure.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything needed to call Ongoing for one goods owner.
#[derive(Debug, Clone)]
pub struct OngoingConfig {
    /// The API URL as the 3PL gave it.
    pub api_url: String,
    /// The API user.
    pub user: String,
    /// The API password, from the keychain.
    pub password: Sensitive<String>,
    /// The merchant's goods owner id at this warehouse.
    pub goods_owner_id: i32,
    /// Per-call timeout.
    pub timeout: Duration,
}

/// Why a connection's settings cannot be used; each names the field to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The URL does not parse or has no warehouse folder.
    #[error("the Ongoing API URL '{url}' is not usable: {reason}")]
    BadUrl { url: String, reason: String },
    /// `http://` to a host other than this machine.
    #[error(
        "the Ongoing API URL '{url}' uses plain http:// to another machine; use the https:// address \
         the warehouse gave you"
    )]
    InsecureUrl { url: String },
    /// The user name is empty.
    #[error("the Ongoing API user is empty")]
    EmptyUser,
    /// The goods owner id is not positive.
    #[error("the Ongoing goods owner id must be a positive number, not {0}")]
    BadGoodsOwner(i32),
}

/// The warehouse folder URL, always ending in `/`, under which `api/v1/...` paths are joined.
pub(crate) fn warehouse_root(api_url: &str) -> Result<Url, ConfigError> {
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
    let folder_len = match segments.as_slice() {
        [.., api, v1] if api.eq_ignore_ascii_case("api") && v1.eq_ignore_ascii_case("v1") => {
            segments.len() - 2
        }
        _ => segments.len(),
    };
    if folder_len == 0 {
        return Err(bad(
            "it has no warehouse name, as in https://api.ongoingsystems.se/WAREHOUSE/",
        ));
    }
    url.set_path(&format!("/{}/", segments[..folder_len].join("/")));
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_a_3pl_hands_out_means_the_warehouse_folder() {
        for given in [
            "https://api.ongoingsystems.se/Lagret/api/v1/",
            "https://api.ongoingsystems.se/Lagret/api/v1",
            "https://api.ongoingsystems.se/Lagret/",
            "https://api.ongoingsystems.se/Lagret",
            " https://api.ongoingsystems.se/Lagret/API/V1 ",
        ] {
            assert_eq!(
                warehouse_root(given).unwrap().as_str(),
                "https://api.ongoingsystems.se/Lagret/",
                "{given} names the same warehouse"
            );
        }
        assert_eq!(
            warehouse_root("https://wms1.ongoingsystems.se/apidemo/")
                .unwrap()
                .as_str(),
            "https://wms1.ongoingsystems.se/apidemo/",
            "the demo host works the same way"
        );
    }

    #[test]
    fn plain_http_is_for_this_machine_only() {
        assert!(
            warehouse_root("http://127.0.0.1:8080/sim/").is_ok(),
            "the simulators run on loopback"
        );
        assert_eq!(
            warehouse_root("http://api.ongoingsystems.se/Lagret/"),
            Err(ConfigError::InsecureUrl {
                url: "http://api.ongoingsystems.se/Lagret/".into()
            }),
            "the password must not cross a network in clear text"
        );
    }

    #[test]
    fn a_url_without_a_warehouse_says_so() {
        let err = warehouse_root("https://api.ongoingsystems.se/api/v1/").unwrap_err();
        assert!(
            err.to_string().contains("no warehouse name"),
            "the message says what is missing: {err}"
        );
        assert!(matches!(
            warehouse_root("ftp://x/y/"),
            Err(ConfigError::BadUrl { .. })
        ));
    }
}
