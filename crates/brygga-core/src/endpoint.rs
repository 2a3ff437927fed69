//! Which addresses Brygga may talk to over plain `http://`.
//!
//! Credentials travel in every request, so the shop and the warehouse are reached over HTTPS. The one
//! exception is this machine itself (the simulators of demo mode and the tests), where nothing crosses
//! a network.

use std::net::IpAddr;

/// True for `localhost` and loopback addresses (127.0.0.0/8, ::1), with or without IPv6 brackets.
pub fn is_loopback_host(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn only_this_machine_counts_as_loopback() {
        for host in [
            "localhost",
            "127.0.0.1",
            "127.8.9.10",
            "[::1]",
            "::1",
            "LOCALHOST",
        ] {
            assert!(is_loopback_host(host), "{host} never leaves this machine");
        }
        for host in [
            "192.168.1.10",
            "10.0.0.1",
            "api.ongoingsystems.se",
            "localhost.evil.se",
            "[::2]",
        ] {
            assert!(
                !is_loopback_host(host),
                "{host} is reached over a network, so it needs HTTPS"
            );
        }
    }
}
