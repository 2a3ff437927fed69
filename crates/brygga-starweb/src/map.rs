//! Between Starweb's wire types and Brygga's words (`brygga_core`), so Starweb's field names stay
//! inside this crate.
//!
//! Choices the docs leave open: the delivery address is the payment provider's when there is one
//! (Klarna and the like check it), else the one entered at checkout, else the customer account's;
//! the phone for SMS notices is the delivery address's mobile number, else its phone number; the
//! pickup point is the `agent` of the order's external-service references (where nShift puts the
//! chosen agent). A variant keeps stock when the shop counts its quantity; services (freight, gift
//! wrap, fees) have none. Prices become minor units (öre, cent) rounded to the nearest.

use std::collections::BTreeMap;

use brygga_core::article::Article;
use brygga_core::order::{Address, Contact, ShopOrder, ShopOrderLine};
use brygga_core::plan::stock::ShopStock;
use chrono::Utc;

use crate::error::StarwebError;
use crate::order_model::{self, Order};
use crate::products::{Product, Variant};

/// The language whose product names the warehouse gets.
pub const NAME_LANGUAGE: &str = "sv";

/// The shop's catalogue in Brygga's words: every variant as an article (duplicates included, so
/// validation can report them), and where each SKU's stock is kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    pub articles: Vec<Article>,
    pub stock: BTreeMap<String, ShopStock>,
}

/// Builds the catalogue from products and their variants.
pub fn catalogue(products: &[(Product, Vec<Variant>)]) -> Catalogue {
    let mut catalogue = Catalogue::default();
    for (product, variants) in products {
        let name = product.name(NAME_LANGUAGE).unwrap_or_default();
        for variant in variants {
            catalogue.articles.push(Article {
                sku: variant.sku.clone(),
                name: if name.is_empty() {
                    variant.sku.clone()
                } else {
                    name.to_owned()
                },
                manufacturer_number: variant.mpn.clone().filter(|m| !m.is_empty()),
                ean: variant.ean.clone().filter(|e| !e.is_empty()),
                weight_kg: variant.weight_in_kg,
                is_stock: variant.stock_quantity.is_some(),
                is_active: variant.is_active.unwrap_or(true),
            });
            catalogue
                .stock
                .entry(variant.sku.clone())
                .or_insert(ShopStock {
                    product_id: i64::from(product.product_id),
                    variant_id: i64::from(variant.variant_id),
                    quantity: variant.stock_quantity,
                });
        }
    }
    catalogue
}

/// The shop order in Brygga's words. An order without its creation time or status cannot be
/// planned safely and is reported as unreadable.
pub fn shop_order(order: &Order) -> Result<ShopOrder, StarwebError> {
    let unreadable = |what: &str| StarwebError::BadResponse {
        operation: "read order".to_owned(),
        message: format!("order {} has no {what}", order.order_id),
    };
    let created_at = order
        .created_at
        .ok_or_else(|| unreadable("createdAt"))?
        .with_timezone(&Utc);
    let modified_at = order
        .modified_at
        .map_or(created_at, |t| t.with_timezone(&Utc));
    let status_id = order.status_id.ok_or_else(|| unreadable("statusId"))?;
    let addresses = order.addresses.as_ref();
    let delivery = addresses.and_then(|a| {
        a.payment_method_delivery
            .as_ref()
            .or(a.original_delivery.as_ref())
            .or(a.customer_delivery.as_ref())
    });
    let invoice = addresses.and_then(|a| {
        a.payment_method_invoice
            .as_ref()
            .or(a.original_invoice.as_ref())
            .or(a.customer_invoice.as_ref())
    });
    let phone =
        delivery.and_then(|a| non_empty(&a.mobile_phone_no).or_else(|| non_empty(&a.phone_no)));
    Ok(ShopOrder {
        order_id: i64::from(order.order_id),
        created_at,
        modified_at,
        status_id: i64::from(status_id),
        customer_number: order.customer_id.map(|id| id.to_string()),
        contact: Contact {
            email: non_empty(&order.original_customer_email),
            phone,
        },
        delivery: delivery.map(address).unwrap_or_default(),
        invoice: invoice.map(address),
        shipping_method_id: order.shipping_method_id.map(i64::from),
        shipping_method_name: order.shipping_method_name.clone(),
        pickup_point: order
            .external_services
            .iter()
            .flatten()
            .find_map(|s| non_empty(&s.agent)),
        currency: order.currency_code.clone().unwrap_or_default(),
        remark: None,
        lines: order
            .items
            .iter()
            .flatten()
            .map(|item| ShopOrderLine {
                line_id: item.item_id.map_or(0, i64::from),
                sku: non_empty(&item.sku),
                description: item.description.clone().unwrap_or_default(),
                quantity: item.quantity,
                unit_price_minor: item.unit_price.map_or(0, |p| (p * 100.0).round() as i64),
            })
            .collect(),
        tracking_number: non_empty(&order.shipping_tracking_no),
        payment_secured: payment_secured(order),
    })
}

/// Whether the payment is secured: the provider reports it reserved, authorised or paid, or
/// something has been paid. Invoice and pay-in-store orders have neither until they are paid.
fn payment_secured(order: &Order) -> bool {
    let status = order
        .payment_status
        .as_deref()
        .unwrap_or_default()
        .to_lowercase();
    ["reserved", "authorized", "authorised", "paid", "captured"].contains(&status.as_str())
        || order.amount_paid.is_some_and(|amount| amount > 0.0)
}

fn address(a: &order_model::Address) -> Address {
    let person = [non_empty(&a.first_name), non_empty(&a.last_name)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Address {
        name: Some(person).filter(|p| !p.is_empty()),
        company: non_empty(&a.company_name),
        street: non_empty(&a.address),
        care_of: non_empty(&a.care_of),
        post_code: non_empty(&a.postal_code),
        city: non_empty(&a.city),
        country_code: non_empty(&a.country_code),
    }
}

fn non_empty(value: &Option<String>) -> Option<String> {
    value
        .as_ref()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}
