//! Why an order is stopped for the merchant instead of sent. Each reason stops only its own order,
//! never the run, and names what to fix.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One reason an order cannot go to the warehouse as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum OrderProblem {
    /// The warehouse already has a different order with this number (the shop reused the number
    /// of a deleted order). Sending would overwrite the other order.
    #[serde(rename_all = "camelCase")]
    NumberReused {
        warehouse_order_id: Option<i32>,
        /// Whose order the warehouse has, to show both side by side.
        warehouse_consignee: Option<String>,
    },
    /// The order has no shipping method.
    NoShippingMethod,
    /// The shipping method is not in the transport mapping.
    #[serde(rename_all = "camelCase")]
    UnmappedShippingMethod {
        shipping_method_id: i64,
        name: Option<String>,
    },
    /// The order's currency is not among those the merchant accepts.
    UnknownCurrency { currency: String },
    /// A line's SKU is not a product in the shop, so the warehouse has no such article.
    UnknownArticle { sku: String },
    /// The delivery address lacks something the carrier needs.
    MissingAddress { field: String },
    /// The order changed in the shop after the warehouse started on it; the change was not sent.
    ChangeRefused,
    /// The order was cancelled in the shop after the warehouse started on it; it was not cancelled
    /// there.
    CancelRefused,
    /// The warehouse refused the order; its own words.
    WarehouseRefused { message: String },
}

impl fmt::Display for OrderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderProblem::NumberReused {
                warehouse_order_id,
                warehouse_consignee,
            } => write!(
                f,
                "the warehouse already has another order with this number (id {}, for {}); \
                 check both orders before sending",
                warehouse_order_id.map_or("unknown".to_owned(), |id| id.to_string()),
                warehouse_consignee
                    .as_deref()
                    .unwrap_or("an unknown customer")
            ),
            OrderProblem::NoShippingMethod => write!(f, "the order has no shipping method"),
            OrderProblem::UnmappedShippingMethod {
                shipping_method_id,
                name,
            } => write!(
                f,
                "shipping method {} ({shipping_method_id}) has no carrier in the transport mapping",
                name.as_deref().unwrap_or("without a name")
            ),
            OrderProblem::UnknownCurrency { currency } => {
                write!(
                    f,
                    "the currency {currency} is not among the accepted currencies"
                )
            }
            OrderProblem::UnknownArticle { sku } => {
                write!(f, "the SKU {sku} on a line is not a product in the shop")
            }
            OrderProblem::MissingAddress { field } => {
                write!(f, "the delivery address has no {field}")
            }
            OrderProblem::ChangeRefused => write!(
                f,
                "the order was changed in the shop after the warehouse started on it; the change \
                 was not sent"
            ),
            OrderProblem::CancelRefused => write!(
                f,
                "the order was cancelled in the shop after the warehouse started on it; ask the \
                 warehouse to stop it"
            ),
            OrderProblem::WarehouseRefused { message } => {
                write!(f, "the warehouse refused the order: {message}")
            }
        }
    }
}
