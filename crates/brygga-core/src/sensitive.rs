//! A wrapper for secrets (passwords, client secrets, tokens) that refuses to show them.
//!
//! Secrets travel from the merchant's input to the keychain and from the keychain to an HTTP header,
//! and nowhere else. `Debug` and `Display` print a placeholder and `Serialize` fails, so a secret that
//! ends up in a log line, an error message, a database row or an IPC reply is caught as a bug rather
//! than leaked. The only way to the value is [`Sensitive::expose`], which is easy to search for.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What `Debug` and `Display` print instead of the value.
const REDACTED: &str = "<redacted>";

/// A secret value that never appears in formatted or serialized output.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Sensitive<T>(T);

impl<T> Sensitive<T> {
    /// Wraps a secret.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// Gives the secret to the one place that needs it (a keychain call, an `Authorization` header).
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the secret, for handing it on to a third-party API that takes ownership.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sensitive({REDACTED})")
    }
}

impl<T> fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// Serializing a secret is always a mistake: it would put it in JSON bound for a file, a log or the UI.
impl<T> Serialize for Sensitive<T> {
    fn serialize<S: Serializer>(&self, _serializer: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "a secret value cannot be serialized; it may only go to the keychain",
        ))
    }
}

/// Secrets do arrive as input (the merchant types a password into a form), so reading one is allowed.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sensitive<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "hunter2-correct-horse";

    #[test]
    fn debug_and_display_hide_the_value() {
        let secret = Sensitive::new(SECRET.to_owned());
        let debug = format!("{secret:?}");
        let display = format!("{secret}");
        let nested = format!("{:?}", Some(vec![secret.clone()]));
        for shown in [&debug, &display, &nested] {
            assert!(
                !shown.contains(SECRET),
                "formatting must never reveal the secret, got {shown:?}"
            );
        }
        assert_eq!(
            display, REDACTED,
            "Display shows the placeholder so logs stay readable"
        );
    }

    #[test]
    fn serializing_fails_instead_of_writing_the_value() {
        #[derive(Serialize)]
        struct Form {
            user: &'static str,
            password: Sensitive<String>,
        }
        let form = Form {
            user: "api",
            password: Sensitive::new(SECRET.to_owned()),
        };
        let err =
            serde_json::to_string(&form).expect_err("a struct holding a secret must not serialize");
        assert!(
            !err.to_string().contains(SECRET),
            "the serialization error itself must not carry the secret: {err}"
        );
    }

    #[test]
    fn deserializing_accepts_input_and_expose_returns_it() {
        let secret: Sensitive<String> = serde_json::from_str(&format!("\"{SECRET}\"")).unwrap();
        assert_eq!(
            secret.expose(),
            SECRET,
            "input from a form is kept verbatim for the keychain"
        );
    }
}
