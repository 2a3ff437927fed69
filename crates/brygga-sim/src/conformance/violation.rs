//! What a spec violation says: which API, call, body, value and rule.
//!
//! One line that a failing test prints and a person can act on without rerunning anything: the
//! JSON pointer finds the value in the body, the schema location finds the rule in the spec file.

use std::fmt;

use crate::server::Api;

/// Which body broke the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Request,
    Response { status: u16 },
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Request => f.write_str("request"),
            Self::Response { status } => write!(f, "response {status}"),
        }
    }
}

/// A body (or a call) that the spec does not allow. Boxed: it travels in `Result`s on hot paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    detail: Box<Detail>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Detail {
    pub(super) api: Api,
    pub(super) method: String,
    pub(super) path: String,
    pub(super) direction: Direction,
    pub(super) instance: String,
    pub(super) schema: String,
    pub(super) problem: String,
}

impl Violation {
    pub(super) fn new(detail: Detail) -> Self {
        Self {
            detail: Box::new(detail),
        }
    }

    pub fn api(&self) -> Api {
        self.detail.api
    }

    /// Upper case, as sent.
    pub fn method(&self) -> &str {
        &self.detail.method
    }

    /// The spec's path template, or the concrete path when no template matches.
    pub fn path(&self) -> &str {
        &self.detail.path
    }

    pub fn direction(&self) -> Direction {
        self.detail.direction
    }

    /// JSON pointer into the body of the first failing value; empty for the whole body.
    pub fn instance(&self) -> &str {
        &self.detail.instance
    }

    /// Where in the spec file the failing rule is (`#/components/schemas/...`); empty when the
    /// problem is not a schema rule (an unknown operation, an undeclared status).
    pub fn schema(&self) -> &str {
        &self.detail.schema
    }

    /// What is wrong, in the validator's words; later failures in the same body are counted.
    pub fn problem(&self) -> &str {
        &self.detail.problem
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Detail {
            api,
            method,
            path,
            direction,
            instance,
            schema,
            problem,
        } = &*self.detail;
        write!(f, "{api} {method} {path}: {direction} body")?;
        if !instance.is_empty() {
            write!(f, " at {instance}")?;
        }
        write!(f, ": {problem}")?;
        if !schema.is_empty() {
            write!(f, " (schema {schema})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violation {}
