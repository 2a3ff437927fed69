//! Serving one simulated API on 127.0.0.1 with faults and spec conformance in place.
//!
//! Both simulators (`ongoing`, `starweb`) are routers with their API paths written as in their spec
//! and their own `/_sim/` control routes; [`serve`] is the one place that puts them on a socket, so
//! every simulator gets the same wrapping, outermost first:
//!
//! 1. faults ([`crate::fault`]): latency, errors, 429s, dropped connections, cut bodies;
//! 2. conformance ([`crate::conformance`]): request bodies checked before the handler (a bad one
//!    is answered `400 {"error": "request does not conform to the OpenAPI spec", "detail"}`),
//!    JSON response bodies checked before sending (a bad one becomes a `500` naming the violation),
//!    every violation recorded for [`SimServer::violations`]. Empty and non-JSON bodies (a 204, an
//!    octet-stream) are not checked.
//!
//! Control routes get neither: a test setting up the warehouse must not hit a simulated outage.
//! Only loopback is bound: the simulators have demo credentials and no TLS.

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::conformance::{self, Violation, ViolationLog};
use crate::fault::{self, ConnectionListener, Cut, FaultSpec, Faults};

/// Which API a server simulates; decides the spec its bodies are checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    /// Ongoing WMS Goods Owner REST API.
    Ongoing,
    /// Starweb Shop API v2.
    Starweb,
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Ongoing => "Ongoing WMS",
            Self::Starweb => "Starweb",
        })
    }
}

/// What to serve.
#[derive(Debug)]
pub struct ServeConfig {
    pub api: Api,
    /// `0` picks a free port.
    pub port: u16,
    /// Where the API lives, starting with `/`: Ongoing `/{warehouse}` (the warehouse name, e.g.
    /// `/demo`), Starweb `/api/v2`. A trailing `/` is ignored; `/` alone is refused.
    pub base_path: String,
    /// The API, with paths as in the spec: Ongoing `/api/v1/...`, Starweb `/orders` etc.
    pub api_routes: Router,
    /// Simulator-only routes under `/_sim/`, served from the root without faults or checks. Must not
    /// use `/_sim/faults`, which is the fault control ([`fault::control_routes`]).
    pub control_routes: Router,
    /// Faults from the start; change them later through [`SimServer::faults`].
    pub faults: FaultSpec,
}

/// A running simulator. Dropping it stops it (without waiting); [`SimServer::shutdown`] waits.
#[derive(Debug)]
pub struct SimServer {
    api: Api,
    address: SocketAddr,
    base_path: String,
    faults: Arc<Faults>,
    violations: ViolationLog,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<io::Result<()>>>,
}

/// Binds 127.0.0.1:`port` and serves `config` on a spawned tokio task.
///
/// Fails if the port is taken, if `base_path` does not start with `/` or is the root, or if
/// `config.faults` is invalid (see [`FaultSpec::validate`]).
pub async fn serve(config: ServeConfig) -> io::Result<SimServer> {
    let ServeConfig {
        api,
        port,
        base_path,
        api_routes,
        control_routes,
        faults,
    } = config;
    let invalid = |reason: String| io::Error::new(io::ErrorKind::InvalidInput, reason);
    let base_path = base_path.trim_end_matches('/').to_owned();
    if !base_path.starts_with('/') {
        return Err(invalid(format!(
            "base path `{base_path}` must start with / and not be /"
        )));
    }
    faults
        .validate()
        .map_err(|error| invalid(error.to_string()))?;

    let faults = Arc::new(Faults::new(faults));
    let violations = ViolationLog::default();
    let api_routes = conformance::enforce(api_routes, api, violations.clone());
    let api_routes = fault::inject(api_routes, Arc::clone(&faults));
    let app = Router::new()
        .nest(&base_path, api_routes)
        .merge(control_routes)
        .merge(fault::control_routes(Arc::clone(&faults)));

    let tcp = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    let address = tcp.local_addr()?;
    let (stop, stopped) = oneshot::channel::<()>();
    let service = app.into_make_service_with_connect_info::<Cut>();
    let task = tokio::spawn(async move {
        axum::serve(ConnectionListener::new(tcp), service)
            .with_graceful_shutdown(async move {
                // A dropped sender stops the server as well as a sent signal.
                let _ = stopped.await;
            })
            .await
    });
    tracing::info!(%api, %address, %base_path, "simulator listening");
    Ok(SimServer {
        api,
        address,
        base_path,
        faults,
        violations,
        stop: Some(stop),
        task: Some(task),
    })
}

impl SimServer {
    pub fn api(&self) -> Api {
        self.api
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The base URL as a merchant copies it into Brygga, without any API path:
    /// Ongoing `http://127.0.0.1:<port>/<warehouse>/` (with the trailing slash, like
    /// `https://api.ongoingsystems.se/{warehouse}/`; the client appends `api/v1/...`),
    /// Starweb `http://127.0.0.1:<port>/api/v2` (no trailing slash, like
    /// `https://{shopId}.starwebserver.se/api/v2`; the client appends `/orders` etc.).
    pub fn api_url(&self) -> String {
        match self.api {
            Api::Ongoing => format!("{}{}/", self.root_url(), self.base_path),
            Api::Starweb => format!("{}{}", self.root_url(), self.base_path),
        }
    }

    /// `http://127.0.0.1:<port>`, no trailing slash; control routes are at `<root_url>/_sim/...`.
    pub fn root_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The live fault settings: changes apply to the next API call.
    pub fn faults(&self) -> Arc<Faults> {
        Arc::clone(&self.faults)
    }

    /// Every spec violation so far, requests and responses, in order.
    pub fn violations(&self) -> Vec<Violation> {
        self.violations.all()
    }

    /// Stops accepting, lets calls in flight finish, closes idle connections, and waits for that.
    pub async fn shutdown(mut self) -> io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.task.take() {
            Some(task) => task.await.map_err(io::Error::other)?,
            None => Ok(()),
        }
    }
}

impl Drop for SimServer {
    fn drop(&mut self) {
        // Dropping the sender is the stop signal; the task winds down on its own.
        self.stop.take();
    }
}
