//! Purchase order lines from a file the merchant exported from a spreadsheet or the supplier's
//! confirmation: one `SKU;quantity` per row.
//!
//! All or nothing: a file with any bad row gives no lines at all, and every bad row is reported
//! with its line number, so the merchant fixes the file once instead of once per row. Blank rows
//! are skipped, and so is a first row whose quantity is not a number (a header such as
//! `sku;quantity` or `artikelnummer;antal`). A comma or a tab also separates, since spreadsheets
//! save either depending on the locale.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::draft::PurchaseOrderLine;
use crate::article::MAX_SKU_LENGTH;

/// One bad row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvRowError {
    /// The row's line number in the file, from 1.
    pub line: usize,
    /// The row as it stands in the file.
    pub text: String,
    /// What is wrong with it, in words.
    pub reason: String,
}

impl fmt::Display for CsvRowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {} ({})", self.line, self.reason, self.text)
    }
}

/// The lines of the file in file order, or every bad row.
pub fn parse_lines(text: &str) -> Result<Vec<PurchaseOrderLine>, Vec<CsvRowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    let mut first_at: BTreeMap<String, usize> = BTreeMap::new();
    let mut seen_content = false;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let row = raw.trim();
        if row.is_empty() {
            continue;
        }
        let first_row = !seen_content;
        seen_content = true;
        let fields: Vec<&str> = row.split([';', ',', '\t']).map(str::trim).collect();
        let fail = |reason: String| CsvRowError {
            line: number,
            text: raw.to_owned(),
            reason,
        };
        let [sku, quantity] = fields.as_slice() else {
            errors.push(fail(format!(
                "expected two fields, SKU and quantity, separated by ';', found {}",
                fields.len()
            )));
            continue;
        };
        if first_row && quantity.parse::<f64>().is_err() {
            continue; // a header row
        }
        if sku.is_empty() {
            errors.push(fail("the SKU is empty".to_owned()));
            continue;
        }
        if sku.chars().count() > MAX_SKU_LENGTH {
            errors.push(fail(format!(
                "the SKU is longer than {MAX_SKU_LENGTH} characters"
            )));
            continue;
        }
        let quantity = match quantity.parse::<i64>() {
            Ok(q) if q > 0 => q,
            Ok(q) => {
                errors.push(fail(format!("the quantity {q} is not above zero")));
                continue;
            }
            Err(_) => {
                errors.push(fail(format!(
                    "the quantity '{quantity}' is not a whole number"
                )));
                continue;
            }
        };
        if let Some(first) = first_at.get(*sku) {
            errors.push(fail(format!(
                "'{sku}' is already on line {first}; put the whole quantity on one row"
            )));
            continue;
        }
        first_at.insert((*sku).to_owned(), number);
        lines.push(PurchaseOrderLine {
            sku: (*sku).to_owned(),
            quantity,
        });
    }
    if lines.is_empty() && errors.is_empty() {
        errors.push(CsvRowError {
            line: 1,
            text: String::new(),
            reason: "the file has no rows of SKU and quantity".to_owned(),
        });
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}
