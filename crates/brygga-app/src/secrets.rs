//! Where passwords and client secrets live: the OS keychain, behind a small port.
//!
//! Only the keychain ever holds a secret at rest; the database holds at most the fact that one is set.
//! [`Keychain`] uses the platform's own store (macOS Keychain, Windows Credential Manager, the Secret
//! Service on Linux); [`MemorySecrets`] stands in for tests and demo mode. A missing entry is `None`,
//! never an error, so callers can tell "not configured yet" from "the keychain is locked".

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use brygga_core::Sensitive;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The name of one secret within Brygga's keychain service, e.g. `ongoing:password`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecretKey(String);

impl SecretKey {
    /// A key for the given account name.
    pub fn new(account: impl Into<String>) -> Self {
        Self(account.into())
    }

    /// The account name under which the keychain stores the secret.
    pub fn account(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which store holds the secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SecretBackend {
    /// The freedesktop Secret Service (GNOME Keyring, KWallet, KeePassXC) on Linux.
    SecretService,
    /// The macOS login keychain.
    MacosKeychain,
    /// The Windows Credential Manager.
    WindowsCredentialManager,
    /// Process memory only: demo mode and tests. Nothing survives a restart.
    Memory,
    /// Environment variables set by whoever starts Brygga: servers and containers without a
    /// keychain (`BRYGGA_SECRETS=environment`). Nothing is ever written.
    Environment,
}

/// Why the keychain could not do what was asked. Never carries the secret itself.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The keychain is locked, not running or not installed.
    #[error(
        "the keychain is not available ({backend:?}): {detail}. Unlock it or start it, then try again"
    )]
    Unavailable {
        backend: SecretBackend,
        detail: String,
    },
    /// The keychain answered but refused the request.
    #[error("the keychain refused to store or read '{key}': {detail}")]
    Rejected { key: SecretKey, detail: String },
    /// A secret that is needed has not been entered yet.
    #[error("no secret is stored for '{key}' yet; enter it under Connections")]
    NotConfigured { key: SecretKey },
}

/// The port the rest of Brygga uses to keep secrets.
pub trait SecretStore: Send + Sync + fmt::Debug {
    /// Which store this is.
    fn backend(&self) -> SecretBackend;
    /// The secret, or `None` when none is stored under the key.
    fn get(&self, key: &SecretKey) -> Result<Option<Sensitive<String>>, SecretError>;
    /// Stores or replaces the secret.
    fn set(&self, key: &SecretKey, secret: &Sensitive<String>) -> Result<(), SecretError>;
    /// Removes the secret; `false` when there was none.
    fn delete(&self, key: &SecretKey) -> Result<bool, SecretError>;

    /// Checks that the store answers at all, by reading an entry that is never written.
    fn check(&self) -> Result<(), SecretError> {
        self.get(&SecretKey::new("availability-check")).map(|_| ())
    }

    /// The secret, or [`SecretError::NotConfigured`] when it is missing.
    fn require(&self, key: &SecretKey) -> Result<Sensitive<String>, SecretError> {
        self.get(key)?
            .ok_or_else(|| SecretError::NotConfigured { key: key.clone() })
    }
}

/// The environment variable that carries each secret, for servers and for `connect`.
pub const SECRET_VARIABLES: &[(&str, &str)] = &[
    ("ongoing:password", "BRYGGA_ONGOING_PASSWORD"),
    ("starweb:client-secret", "BRYGGA_STARWEB_CLIENT_SECRET"),
];

/// The environment variable for a secret, if it has one.
pub fn variable_for(key: &SecretKey) -> Option<&'static str> {
    SECRET_VARIABLES
        .iter()
        .find(|(account, _)| *account == key.account())
        .map(|(_, variable)| *variable)
}

/// Secrets read from environment variables on every use, for machines without a keychain. Storing
/// is accepted only when the variable already holds that very secret, so `connect` works the same
/// way everywhere and a secret is never silently dropped.
#[derive(Debug, Default)]
pub struct EnvironmentSecrets;

impl SecretStore for EnvironmentSecrets {
    fn backend(&self) -> SecretBackend {
        SecretBackend::Environment
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Sensitive<String>>, SecretError> {
        Ok(variable_for(key)
            .and_then(|variable| std::env::var(variable).ok())
            .filter(|value| !value.is_empty())
            .map(Sensitive::new))
    }

    fn set(&self, key: &SecretKey, secret: &Sensitive<String>) -> Result<(), SecretError> {
        match self.get(key)? {
            Some(held) if held.expose() == secret.expose() => Ok(()),
            _ => Err(SecretError::Rejected {
                key: key.clone(),
                detail: format!(
                    "this installation reads secrets from environment variables; set {} instead",
                    variable_for(key).unwrap_or("the secret's variable")
                ),
            }),
        }
    }

    fn delete(&self, _key: &SecretKey) -> Result<bool, SecretError> {
        Ok(false)
    }
}

/// Secrets kept in process memory, for tests and demo mode.
#[derive(Default)]
pub struct MemorySecrets {
    entries: Mutex<HashMap<SecretKey, Sensitive<String>>>,
}

impl fmt::Debug for MemorySecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.entries.lock().map(|e| e.len()).unwrap_or(0);
        f.debug_struct("MemorySecrets")
            .field("entries", &count)
            .finish()
    }
}

impl SecretStore for MemorySecrets {
    fn backend(&self) -> SecretBackend {
        SecretBackend::Memory
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Sensitive<String>>, SecretError> {
        Ok(self
            .entries
            .lock()
            .expect("secret map poisoned")
            .get(key)
            .cloned())
    }

    fn set(&self, key: &SecretKey, secret: &Sensitive<String>) -> Result<(), SecretError> {
        self.entries
            .lock()
            .expect("secret map poisoned")
            .insert(key.clone(), secret.clone());
        Ok(())
    }

    fn delete(&self, key: &SecretKey) -> Result<bool, SecretError> {
        Ok(self
            .entries
            .lock()
            .expect("secret map poisoned")
            .remove(key)
            .is_some())
    }
}

/// The platform keychain, with every secret under one service name.
#[derive(Debug, Clone)]
pub struct Keychain {
    service: String,
}

impl Keychain {
    /// The keychain entries of the given service (the app identifier in production).
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    fn entry(&self, key: &SecretKey) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, key.account()).map_err(|err| self.classify(key, err))
    }

    fn classify(&self, key: &SecretKey, err: keyring::Error) -> SecretError {
        match err {
            keyring::Error::PlatformFailure(detail) | keyring::Error::NoStorageAccess(detail) => {
                SecretError::Unavailable {
                    backend: self.backend(),
                    detail: detail.to_string(),
                }
            }
            other => SecretError::Rejected {
                key: key.clone(),
                detail: other.to_string(),
            },
        }
    }
}

impl SecretStore for Keychain {
    fn backend(&self) -> SecretBackend {
        if cfg!(target_os = "macos") {
            SecretBackend::MacosKeychain
        } else if cfg!(target_os = "windows") {
            SecretBackend::WindowsCredentialManager
        } else {
            SecretBackend::SecretService
        }
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Sensitive<String>>, SecretError> {
        match self.entry(key)?.get_password() {
            Ok(secret) => Ok(Some(Sensitive::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(self.classify(key, err)),
        }
    }

    fn set(&self, key: &SecretKey, secret: &Sensitive<String>) -> Result<(), SecretError> {
        self.entry(key)?
            .set_password(secret.expose())
            .map_err(|err| self.classify(key, err))?;
        tracing::info!(key = %key, "secret stored in the keychain");
        Ok(())
    }

    fn delete(&self, key: &SecretKey) -> Result<bool, SecretError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(err) => Err(self.classify(key, err)),
        }
    }
}
