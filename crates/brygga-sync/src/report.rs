//! What a cycle planned and what the drain did, in a form the command line prints as a table or
//! JSON and the UI shows.

use std::collections::BTreeMap;

use brygga_core::operation::Operation;
use brygga_core::schedule::Flow;
use serde::Serialize;

/// One planned operation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Planned {
    pub kind: String,
    pub key: String,
    pub subject: String,
    /// False when an identical change was already queued (or done): nothing new was added.
    pub queued: bool,
    pub operation: Operation,
}

/// One thing the merchant should look at, found by a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub subject: String,
    pub code: String,
    pub message: String,
}

/// What one cycle of one flow did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowReport {
    pub flow: Flow,
    pub dry_run: bool,
    pub planned: Vec<Planned>,
    pub findings: Vec<Finding>,
    /// Named counts (`read`, `unchanged`, `skipped`, ...).
    pub counts: BTreeMap<String, u64>,
}

impl FlowReport {
    pub(crate) fn new(flow: Flow, dry_run: bool) -> Self {
        FlowReport {
            flow,
            dry_run,
            planned: Vec::new(),
            findings: Vec::new(),
            counts: BTreeMap::new(),
        }
    }

    pub(crate) fn count(&mut self, name: &str, value: usize) {
        *self.counts.entry(name.to_owned()).or_default() += value as u64;
    }

    pub(crate) fn find(&mut self, subject: String, code: &str, message: String) {
        self.findings.push(Finding {
            subject,
            code: code.to_owned(),
            message,
        });
    }
}

/// What one drain did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DrainReport {
    pub done: u64,
    pub retrying: u64,
    pub dead: u64,
    /// Rows that died in this drain, for the exit status and the problem list.
    pub failures: Vec<Finding>,
}
