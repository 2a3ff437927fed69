//! Making the simulated APIs fail on purpose, the ways real ones do.
//!
//! Brygga's retry policy, error classes and idempotency only matter when the network or the far
//! side misbehaves, which a local simulator never does by itself. [`Faults`] decides per API call
//! whether it fails and how: at random from a [`FaultSpec`] (changeable while the server runs), or
//! deterministically, because a test that says "the next call gets a 429" must get exactly that
//! ([`Faults::next_n_requests`], and [`Faults::seeded`] for reproducible random runs).
//! [`inject`] applies the decisions to a router; [`control_routes`] lets a test or a person change
//! them over HTTP under `/_sim/faults`.

mod connection;
mod control;
mod layer;
mod spec;

use std::collections::VecDeque;
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub(crate) use self::connection::{ConnectionListener, Cut};
pub use self::control::control_routes;
pub use self::layer::inject;
pub use self::spec::{FaultSpec, FaultSpecError, FaultSpecJson};

/// One way a single API call fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// `500` with a JSON error body; the handler does not run.
    ServerError,
    /// `503` with a JSON error body; the handler does not run.
    Unavailable,
    /// `429` with a JSON error body and, if given, `Retry-After` in whole seconds (rounded up);
    /// the handler does not run.
    RateLimited { retry_after: Option<Duration> },
    /// The handler runs (so a write takes effect), then the connection is closed before any byte
    /// of the response is sent: the client cannot tell whether its call happened.
    DropConnection,
    /// The handler runs, then only the first half of its body is sent, with its status and headers.
    Malformed,
}

impl Fault {
    /// The name the control route uses: `server-error`, `unavailable`, `rate-limited`,
    /// `drop-connection`, `malformed`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::ServerError => "server-error",
            Self::Unavailable => "unavailable",
            Self::RateLimited { .. } => "rate-limited",
            Self::DropConnection => "drop-connection",
            Self::Malformed => "malformed",
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Reads a [`Fault::name`]; `rate-limited` reads as a 429 without `Retry-After`.
impl FromStr for Fault {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "server-error" => Ok(Self::ServerError),
            "unavailable" => Ok(Self::Unavailable),
            "rate-limited" => Ok(Self::RateLimited { retry_after: None }),
            "drop-connection" => Ok(Self::DropConnection),
            "malformed" => Ok(Self::Malformed),
            other => Err(format!(
                "unknown fault `{other}`; known: server-error, unavailable, rate-limited, \
                 drop-connection, malformed"
            )),
        }
    }
}

/// What happens to one API call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Waited before anything else.
    pub latency: Duration,
    pub fault: Option<Fault>,
}

/// The faults of one server: the current [`FaultSpec`], the calls forced to fail, and the dice.
#[derive(Debug)]
pub struct Faults {
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    spec: FaultSpec,
    /// Decided ahead for the next calls, in order: a fault, or `None` to let a call through.
    forced: VecDeque<Option<Fault>>,
    dice: StdRng,
}

impl Faults {
    /// Faults drawn at random (seeded from the OS) from `spec`.
    pub fn new(spec: FaultSpec) -> Self {
        Self::with_dice(spec, StdRng::from_os_rng())
    }

    /// No faults until [`Faults::set`]; then the same spec and seed give the same sequence of
    /// decisions.
    pub fn seeded(seed: u64) -> Self {
        Self::with_dice(FaultSpec::none(), StdRng::seed_from_u64(seed))
    }

    fn with_dice(spec: FaultSpec, dice: StdRng) -> Self {
        Self {
            state: Mutex::new(State {
                spec,
                forced: VecDeque::new(),
                dice,
            }),
        }
    }

    /// Replaces the spec; calls already waiting keep what was decided for them.
    pub fn set(&self, spec: FaultSpec) {
        self.state().spec = spec;
    }

    pub fn get(&self) -> FaultSpec {
        self.state().spec
    }

    /// Restarts the dice from `seed`, for a reproducible run on a server already started.
    pub fn reseed(&self, seed: u64) {
        self.state().dice = StdRng::seed_from_u64(seed);
    }

    /// The next `n` API calls fail with `fault`, after any forced earlier; the spec's rates apply
    /// again once they are used up. Latency still applies to them.
    pub fn next_n_requests(&self, fault: Fault, n: usize) {
        self.after_n_requests(0, fault, n);
    }

    /// The next `skip` API calls go through untouched, then `n` fail with `fault` (after any
    /// forced earlier): for a test that must let a command's reads through and fail its write.
    pub fn after_n_requests(&self, skip: usize, fault: Fault, n: usize) {
        let mut state = self.state();
        state.forced.extend(std::iter::repeat_n(None, skip));
        state.forced.extend(std::iter::repeat_n(Some(fault), n));
    }

    /// How many calls decided ahead (forced faults, and calls let through before them) are still
    /// to come.
    pub fn forced(&self) -> usize {
        self.state().forced.len()
    }

    pub fn clear_forced(&self) {
        self.state().forced.clear();
    }

    /// Decides the fate of one API call (and uses up a forced fault if one is waiting).
    pub fn decide(&self) -> Decision {
        let mut state = self.state();
        let spec = state.spec;
        if let Some(fault) = state.forced.pop_front() {
            return Decision {
                latency: spec.latency,
                fault,
            };
        }
        let mut roll: f64 = state.dice.random();
        let mut fault = None;
        for (rate, candidate) in [
            (spec.error_rate, Fault::ServerError),
            (
                spec.rate_limit_rate,
                Fault::RateLimited {
                    retry_after: spec.retry_after,
                },
            ),
            (spec.drop_rate, Fault::DropConnection),
            (spec.malformed_rate, Fault::Malformed),
        ] {
            if roll < rate {
                fault = Some(candidate);
                break;
            }
            roll -= rate;
        }
        if fault == Some(Fault::ServerError) && state.dice.random::<bool>() {
            fault = Some(Fault::Unavailable);
        }
        Decision {
            latency: spec.latency,
            fault,
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for Faults {
    fn default() -> Self {
        Self::new(FaultSpec::none())
    }
}
