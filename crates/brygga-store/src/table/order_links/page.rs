//! One page of the orders list, filtered, with the number of orders the filter matches.
//!
//! The merchant's orders screen shows tens of thousands of orders through a virtualized list that
//! asks for one page at a time, newest order number first. Paging walks the primary key backwards
//! (`ORDER BY shop_order_id DESC LIMIT .. OFFSET ..`), so a page costs the rows it skips and
//! returns, never a sort of the table. The filters are plain column tests; the count runs the same
//! `WHERE` once per page request. Whether a warehouse status locks an order or means "sent" comes
//! from the merchant's status mapping, which this crate does not know, so the caller passes the
//! status numbers of each kind.

use rusqlite::ToSql;
use rusqlite::types::Value;

use super::{COLUMNS, OrderLink, OrderLinks, order_link};
use crate::error::StoreError;
use crate::table::sql_limit;

/// Where an order stands, one state per order, in this order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OrderState {
    /// Stopped for the merchant (`hold` set).
    Held,
    /// Cancelled in the warehouse by Brygga.
    Cancelled,
    /// Existed before the connection was activated; Brygga leaves it alone.
    Baseline,
    /// The warehouse handed it to the carrier.
    Shipped,
    /// In the warehouse.
    Sent,
    /// Seen in the shop, not (yet) in the warehouse.
    Waiting,
}

/// Which orders a page shows. Every field narrows the list; the defaults show every order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFilter {
    pub state: Option<OrderState>,
    /// `Some(true)`: only orders the warehouse has started on; `Some(false)`: only the others.
    pub locked: Option<bool>,
    /// Part of the order number (digits) or of the tracking written to the shop.
    pub text: Option<String>,
    /// Created in the shop at or after this time.
    pub created_from_ms: Option<i64>,
    /// Created in the shop before this time.
    pub created_to_ms: Option<i64>,
    /// The warehouse statuses in which the warehouse still accepts changes (not locked).
    pub open_statuses: Vec<i64>,
    /// The warehouse statuses that mean handed to the carrier.
    pub shipped_statuses: Vec<i64>,
}

/// One page and how many orders the filter matches in all.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderPage {
    pub orders: Vec<OrderLink>,
    pub total: u64,
}

/// The SQL list `(1, 2, ...)` of numbers, inlined: they are integers, so nothing can be injected.
/// An empty list stays `()`, which SQLite reads as the empty set (`IN ()` is false, `NOT IN ()`
/// true), unlike `(NULL)`, whose `NOT IN` would be NULL for every row.
fn number_list(numbers: &[i64]) -> String {
    let listed: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    format!("({})", listed.join(", "))
}

/// The state of a row as an SQL expression, following [`OrderState`]'s precedence.
pub(crate) fn state_sql(shipped_statuses: &[i64]) -> String {
    format!(
        "CASE WHEN hold IS NOT NULL THEN 'held'
              WHEN cancelled = 1 THEN 'cancelled'
              WHEN baseline = 1 THEN 'baseline'
              WHEN warehouse_status IN {shipped} THEN 'shipped'
              WHEN sent_hash IS NOT NULL THEN 'sent'
              ELSE 'waiting' END",
        shipped = number_list(shipped_statuses)
    )
}

/// Locked: the warehouse reported a status in which it no longer accepts changes.
pub(crate) fn locked_sql(open_statuses: &[i64]) -> String {
    format!(
        "(warehouse_status IS NOT NULL AND warehouse_status NOT IN {})",
        number_list(open_statuses)
    )
}

fn state_name(state: OrderState) -> &'static str {
    match state {
        OrderState::Held => "held",
        OrderState::Cancelled => "cancelled",
        OrderState::Baseline => "baseline",
        OrderState::Shipped => "shipped",
        OrderState::Sent => "sent",
        OrderState::Waiting => "waiting",
    }
}

impl OrderLinks<'_> {
    /// Up to `limit` orders matching `filter`, newest order number first, after skipping `offset`
    /// of them; and how many match in all.
    pub fn page(
        &self,
        filter: &OrderFilter,
        offset: usize,
        limit: usize,
    ) -> Result<OrderPage, StoreError> {
        let mut conditions: Vec<String> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(state) = filter.state {
            values.push(Value::Text(state_name(state).to_owned()));
            conditions.push(format!(
                "({}) = ?{}",
                state_sql(&filter.shipped_statuses),
                values.len()
            ));
        }
        if let Some(locked) = filter.locked {
            let test = locked_sql(&filter.open_statuses);
            conditions.push(if locked { test } else { format!("NOT {test}") });
        }
        if let Some(text) = filter
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            values.push(Value::Text(text.to_owned()));
            let at = values.len();
            conditions.push(format!(
                "(instr(CAST(shop_order_id AS TEXT), ?{at}) > 0
                  OR instr(COALESCE(tracking_written, ''), ?{at}) > 0)"
            ));
        }
        if let Some(from) = filter.created_from_ms {
            values.push(Value::Integer(from));
            conditions.push(format!("shop_created_at_ms >= ?{}", values.len()));
        }
        if let Some(to) = filter.created_to_ms {
            values.push(Value::Integer(to));
            conditions.push(format!("shop_created_at_ms < ?{}", values.len()));
        }
        let condition = if conditions.is_empty() {
            "TRUE".to_owned()
        } else {
            conditions.join(" AND ")
        };
        let params: Vec<&dyn ToSql> = values.iter().map(|v| v as &dyn ToSql).collect();
        let limit = sql_limit(limit);
        let offset = sql_limit(offset);
        self.store.run("listing a page of orders", |conn| {
            let total: i64 = conn.query_row(
                &format!("SELECT COUNT(*) FROM order_links WHERE {condition}"),
                params.as_slice(),
                |row| row.get(0),
            )?;
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM order_links WHERE {condition}
                 ORDER BY shop_order_id DESC LIMIT {limit} OFFSET {offset}"
            ))?;
            let orders = stmt
                .query_map(params.as_slice(), order_link)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(OrderPage {
                orders,
                total: u64::try_from(total).unwrap_or(0),
            })
        })
    }
}
