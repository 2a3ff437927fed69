//! Turning a shop order into the order the warehouse receives, collecting every reason it cannot
//! be sent instead of stopping at the first, so the merchant fixes them in one go.
//!
//! Lines the warehouse never picks (services and fees: articles that keep no stock) ride along
//! with picking switched off, so the packing slip still shows them; free-text lines without a SKU
//! and credit lines (zero or negative quantity) are left out. The delivery date is the day the
//! order was placed, so the order's content, and its hash, does not change from one day to the next.

use std::collections::BTreeMap;

use crate::article::Article;
use crate::mapping::{Transport, TransportMapping};
use crate::order::{DraftLine, Notify, OrderProblem, ShopOrder, WarehouseOrderDraft};
use crate::plan::orders::OrderRules;

/// The result of drafting one order.
pub(crate) enum Drafted {
    Ready(Box<WarehouseOrderDraft>),
    /// The shipping method is handled outside the warehouse.
    NotForWarehouse,
    /// Every line is a service, free text or credit.
    NothingToPick,
    Problems(Vec<OrderProblem>),
}

pub(crate) fn draft(
    order: &ShopOrder,
    catalogue: &BTreeMap<String, Article>,
    rules: &OrderRules,
    transport: &TransportMapping,
) -> Drafted {
    let mut problems = Vec::new();
    let carrier = match order.shipping_method_id {
        None => {
            problems.push(OrderProblem::NoShippingMethod);
            None
        }
        Some(id) => match transport.get(id) {
            None => {
                problems.push(OrderProblem::UnmappedShippingMethod {
                    shipping_method_id: id,
                    name: order.shipping_method_name.clone(),
                });
                None
            }
            Some(Transport::NotSent) => return Drafted::NotForWarehouse,
            Some(Transport::Carrier {
                transporter_code,
                service_code,
                ..
            }) => Some((transporter_code.clone(), service_code.clone())),
        },
    };
    if !rules.currencies.is_empty()
        && !rules
            .currencies
            .iter()
            .any(|c| c.eq_ignore_ascii_case(&order.currency))
    {
        problems.push(OrderProblem::UnknownCurrency {
            currency: order.currency.clone(),
        });
    }
    for (field, value) in [
        ("name", &order.delivery.name),
        ("street", &order.delivery.street),
        ("post code", &order.delivery.post_code),
        ("city", &order.delivery.city),
        ("country", &order.delivery.country_code),
    ] {
        if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            problems.push(OrderProblem::MissingAddress {
                field: field.to_owned(),
            });
        }
    }
    let mut lines = Vec::new();
    for line in &order.lines {
        let Some(sku) = line.sku.as_deref().filter(|s| !s.trim().is_empty()) else {
            continue;
        };
        if line.quantity <= 0 {
            continue;
        }
        match catalogue.get(sku) {
            None => problems.push(OrderProblem::UnknownArticle {
                sku: sku.to_owned(),
            }),
            Some(article) => lines.push(DraftLine {
                row: line.line_id.to_string(),
                sku: sku.to_owned(),
                quantity: line.quantity,
                pick: article.is_stock,
                description: line.description.clone(),
            }),
        }
    }
    if !problems.is_empty() {
        return Drafted::Problems(problems);
    }
    if !lines.iter().any(|line| line.pick) {
        return Drafted::NothingToPick;
    }
    let Some((transporter_code, transporter_service_code)) = carrier else {
        return Drafted::Problems(vec![OrderProblem::NoShippingMethod]);
    };
    Drafted::Ready(Box::new(WarehouseOrderDraft {
        order_number: order.order_id.to_string(),
        delivery_date: order
            .created_at
            .date_naive()
            .and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc().to_rfc3339())
            .unwrap_or_default(),
        consignee: order.delivery.clone(),
        customer_number: order.customer_number.clone(),
        notify: Notify {
            email: order.contact.email.clone(),
            sms: order.contact.phone.clone(),
        },
        contact: order.contact.clone(),
        transporter_code,
        transporter_service_code,
        pickup_point: order.pickup_point.clone(),
        remark: order.remark.clone(),
        lines,
    }))
}
