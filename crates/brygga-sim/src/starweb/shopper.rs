//! What happens in the shop without the API: customers place orders at the checkout, change or cancel
//! them, orders get deleted in the admin, the merchant adds and edits products and edits stock. The control
//! routes and the sample-data loader drive the shop through these functions.
//!
//! A placed order looks like a checkout made it: prices come from the catalogue (converted into the
//! order's currency), shipping cost and payment fee from the chosen methods, both addresses from the
//! customer, a Klarna order also carries Klarna's copies of them, a pickup-point choice is an nShift
//! agent on a read-only external service, the stock of each SKU goes down, and the customer gets an
//! order confirmation. Cancelling or deleting does not put stock back (the docs do not say it would).

use chrono::{DateTime, Utc};

use super::model::{
    AddressType, Customer, DiscountType, ExternalService, OrderComment, OrderLine, Product,
    ShopOrder, Variant,
};
use super::setup::{
    Currency, PAYMENT_KLARNA, PAYMENT_SWISH, STATUS_CANCELED, STATUS_CREATED,
    STOCK_STATUS_ALWAYS_AVAILABLE, STOCK_STATUS_IN_STOCK, STOCK_STATUS_OUT_OF_STOCK,
};
use super::shop_actions::{EditOrder, EditVariant, NewProduct, PlaceOrder, PlacedLine, ShopError};
use super::state::ShopState;
use super::time::whole_seconds;

/// Converts a base-currency amount into the order's currency.
fn convert(minor: i64, currency: &Currency) -> i64 {
    (minor as f64 * currency.exchange_rate).round() as i64
}

/// The part of a VAT-inclusive price that is not VAT.
fn ex_vat(incl_minor: i64, vat_rate: f64) -> i64 {
    (incl_minor as f64 * 100.0 / (100.0 + vat_rate)).round() as i64
}

fn variant_description(product: &Product, variant: &Variant) -> String {
    match &variant.label {
        Some(label) => format!("{} – {label}", product.name),
        None => product.name.clone(),
    }
}

/// Prices basket lines from the catalogue; ids are given later.
fn price_lines(
    state: &ShopState,
    lines: &[PlacedLine],
    currency: &Currency,
) -> Result<Vec<OrderLine>, ShopError> {
    lines
        .iter()
        .zip(0..)
        .map(|(line, sort_index)| {
            let found = state.find_variant(&line.sku);
            let (description, price, vat_rate) = match (found, line.unit_price_minor) {
                (_, Some(price)) => (
                    line.description.clone().unwrap_or_else(|| line.sku.clone()),
                    price,
                    line.vat_rate.unwrap_or(25.0),
                ),
                (Some((product, variant)), None) => (
                    line.description
                        .clone()
                        .unwrap_or_else(|| variant_description(product, variant)),
                    convert(variant.price_ex_vat_minor, currency),
                    line.vat_rate.unwrap_or(product.vat_rate),
                ),
                (None, None) => return Err(ShopError::UnknownSku(line.sku.clone())),
            };
            Ok(OrderLine {
                item_id: 0,
                sku: Some(line.sku.clone()),
                description: Some(description),
                quantity: line.quantity,
                unit_symbol: Some("st".into()),
                unit_price_minor: price,
                vat_rate,
                discount: 0.0,
                discount_type: DiscountType::Percent,
                sort_index,
            })
        })
        .collect()
}

/// The customer with this e-mail, created on first purchase.
fn customer_for(state: &mut ShopState, order: &PlaceOrder, at: DateTime<Utc>) -> u32 {
    if let Some(customer) = state
        .customers
        .values()
        .find(|customer| customer.email == order.email)
    {
        return customer.customer_id;
    }
    let customer_id = state.customer_id();
    let kind = if order.delivery.company_name.is_some() {
        "company"
    } else {
        "person"
    };
    state.customers.insert(
        customer_id,
        Customer {
            customer_id,
            created_at: at,
            modified_at: at,
            kind: kind.into(),
            email: order.email.clone(),
            national_id_no: order.national_id_no.clone(),
        },
    );
    customer_id
}

fn take_stock(state: &mut ShopState, lines: &[OrderLine]) {
    for line in lines {
        let Some(sku) = line.sku.as_deref() else {
            continue;
        };
        let Some((product, index)) = state.find_variant_mut(sku) else {
            continue;
        };
        let product_id = product.product_id;
        if let Some(stock) = product.variants[index].stock_quantity {
            state.set_variant_stock(product_id, index, Some(stock - line.quantity), None);
        }
    }
}

pub(crate) fn place_order(state: &mut ShopState, order: PlaceOrder) -> Result<u32, ShopError> {
    if order.lines.is_empty() {
        return Err(ShopError::Empty("An order"));
    }
    let setup = &state.setup;
    let shipping = setup.shipping_method(order.shipping_method_id).cloned();
    let shipping = shipping.ok_or(ShopError::UnknownShippingMethod(order.shipping_method_id))?;
    let payment = setup.payment_method(order.payment_method_id).cloned();
    let payment = payment.ok_or(ShopError::UnknownPaymentMethod(order.payment_method_id))?;
    let code = order
        .currency_code
        .clone()
        .unwrap_or_else(|| setup.info.base_currency.clone());
    let currency = setup
        .currency(&code)
        .cloned()
        .ok_or(ShopError::UnknownCurrency(code))?;
    let mut lines = price_lines(state, &order.lines, &currency)?;
    let wanted = match (order.reuse_deleted_number, order.order_id) {
        (true, _) => Some(
            *state
                .deleted_order_ids
                .last()
                .ok_or(ShopError::NoDeletedOrderNumber)?,
        ),
        (false, wanted) => wanted,
    };
    let order_id = state
        .order_number(wanted)
        .ok_or(ShopError::OrderNumberTaken(wanted.unwrap_or_default()))?;
    state.number_lines(&[], &mut lines);
    let created_at = order.created_at.map_or_else(|| state.now(), whole_seconds);
    let customer_id = customer_for(state, &order, created_at);
    let comment_id = order.comment.as_ref().map(|_| state.comment_id());
    take_stock(state, &lines);

    let mut placed = ShopOrder::blank(order_id, STATUS_CREATED, created_at);
    placed.customer_id = Some(customer_id);
    placed.is_complete = order.is_complete;
    placed.stock_location_id = Some(super::setup::STOCK_LOCATION_MAIN);
    placed.shipping_method_id = Some(shipping.shipping_method_id);
    placed.details.shipping_method_name = Some(shipping.name.clone());
    if order.charge_shipping {
        placed.shipping_cost_minor = convert(
            ex_vat(shipping.price_incl_vat_minor, shipping.vat_rate),
            &currency,
        );
    }
    placed.shipping_vat_rate = shipping.vat_rate;
    placed.payment_method_id = Some(payment.payment_method_id);
    placed.details.payment_method_name = Some(payment.name.clone());
    if order.charge_payment_fee {
        placed.payment_fee_minor = convert(ex_vat(payment.fee_incl_vat_minor, 25.0), &currency);
    }
    placed.currency_code = currency.code.clone();
    placed.currency_exchange_rate = currency.exchange_rate;
    placed.currency_precision = currency.precision;
    placed.lang_code = order.lang_code.clone().unwrap_or_else(|| "sv".into());
    placed.details.original_customer_email = Some(order.email.clone());
    placed.details.original_customer_national_id_no = order.national_id_no.clone();
    placed.lines = lines;
    let invoice = order
        .invoice
        .clone()
        .unwrap_or_else(|| order.delivery.clone());
    placed
        .addresses
        .insert(AddressType::OriginalDelivery, order.delivery.clone());
    placed
        .addresses
        .insert(AddressType::OriginalInvoice, invoice.clone());
    if payment.payment_method_id == PAYMENT_KLARNA {
        placed
            .addresses
            .insert(AddressType::PaymentMethodDelivery, order.delivery.clone());
        placed
            .addresses
            .insert(AddressType::PaymentMethodInvoice, invoice);
    }
    if order.is_complete {
        let to_pay = placed.totals().to_pay;
        match payment.payment_method_id {
            PAYMENT_KLARNA => placed.details.payment_status = Some("reserved".into()),
            PAYMENT_SWISH => {
                placed.details.payment_status = Some("paid".into());
                placed.amount_paid_minor = Some(to_pay);
            }
            _ => {}
        }
        if matches!(payment.payment_method_id, PAYMENT_KLARNA | PAYMENT_SWISH) {
            placed.details.payment_reference =
                Some(format!("{}-{order_id}", payment.id_code.to_uppercase()));
        }
    }
    if let Some(agent) = order.pickup_point_agent.clone() {
        placed.external_services.push(ExternalService {
            service_name: "nShift".into(),
            external_id_value: None,
            agent: Some(agent),
            read_only: true,
        });
    }
    if let (Some(comment_id), Some(text)) = (comment_id, order.comment.clone()) {
        placed.comments.push(OrderComment {
            comment_id,
            created_at,
            text,
            from: "customer".into(),
        });
    }
    state.orders.insert(order_id, placed);
    if order.send_email && order.is_complete {
        state.confirm_order(order_id);
    }
    Ok(order_id)
}

pub(crate) fn edit_order(
    state: &mut ShopState,
    order_id: u32,
    edit: EditOrder,
) -> Result<(), ShopError> {
    let order = state
        .orders
        .get(&order_id)
        .ok_or(ShopError::UnknownOrder(order_id))?;
    let code = order.currency_code.clone();
    let currency = state
        .setup
        .currency(&code)
        .cloned()
        .ok_or(ShopError::UnknownCurrency(code))?;
    let shipping = match edit.shipping_method_id {
        Some(id) => Some(
            state
                .setup
                .shipping_method(id)
                .cloned()
                .ok_or(ShopError::UnknownShippingMethod(id))?,
        ),
        None => None,
    };
    let mut lines = edit
        .lines
        .as_deref()
        .map(|lines| price_lines(state, lines, &currency))
        .transpose()?;
    if let Some(lines) = lines.as_mut() {
        state.number_lines(&[], lines);
    }
    let comment_id = edit.comment.as_ref().map(|_| state.comment_id());
    let now = state.now();
    let order = state
        .orders
        .get_mut(&order_id)
        .ok_or(ShopError::UnknownOrder(order_id))?;
    if let Some(lines) = lines {
        order.lines = lines;
    }
    if let Some(delivery) = edit.delivery {
        order
            .addresses
            .insert(AddressType::OriginalDelivery, delivery);
    }
    if let Some(invoice) = edit.invoice {
        order
            .addresses
            .insert(AddressType::OriginalInvoice, invoice);
    }
    if let Some(method) = shipping {
        order.shipping_method_id = Some(method.shipping_method_id);
        order.details.shipping_method_name = Some(method.name);
        if order.shipping_cost_minor > 0 {
            order.shipping_cost_minor = convert(
                ex_vat(method.price_incl_vat_minor, method.vat_rate),
                &currency,
            );
        }
    }
    if let Some(email) = edit.email {
        order.details.original_customer_email = Some(email);
    }
    if let (Some(comment_id), Some(text)) = (comment_id, edit.comment) {
        order.comments.push(OrderComment {
            comment_id,
            created_at: now,
            text,
            from: "customer".into(),
        });
    }
    order.modified_at = now;
    Ok(())
}

pub(crate) fn cancel_order(
    state: &mut ShopState,
    order_id: u32,
    send_email: bool,
) -> Result<(), ShopError> {
    if !state.orders.contains_key(&order_id) {
        return Err(ShopError::UnknownOrder(order_id));
    }
    state.change_status(order_id, STATUS_CANCELED, send_email, true);
    Ok(())
}

pub(crate) fn add_product(state: &mut ShopState, product: NewProduct) -> Result<u32, ShopError> {
    if product.variants.is_empty() {
        return Err(ShopError::Empty("A product"));
    }
    for (index, variant) in product.variants.iter().enumerate() {
        let repeated = product.variants[..index]
            .iter()
            .any(|other| other.sku == variant.sku);
        if repeated || state.find_variant(&variant.sku).is_some() {
            return Err(ShopError::DuplicateSku(variant.sku.clone()));
        }
    }
    let now = state.now();
    let product_id = state.product_id();
    let several = product.variants.len() > 1;
    let mut variants = Vec::with_capacity(product.variants.len());
    for (variant, sort_index) in product.variants.into_iter().zip(0_u32..) {
        let stock_status_id = Some(match variant.stock_quantity {
            None => STOCK_STATUS_ALWAYS_AVAILABLE,
            Some(quantity) if quantity > 0 => STOCK_STATUS_IN_STOCK,
            Some(_) => STOCK_STATUS_OUT_OF_STOCK,
        });
        variants.push(Variant {
            variant_id: state.variant_id(),
            sku: variant.sku,
            label: variant.label,
            ean: variant.ean,
            mpn: variant.mpn,
            weight_in_kg: variant.weight_in_kg,
            stock_quantity: variant.stock_quantity,
            stock_status_id,
            shelf_space: None,
            is_active: variant.is_active,
            sort_index,
            price_ex_vat_minor: variant.price_ex_vat_minor,
            cost_price: None,
            // One attribute value per variant of a multi-variant product, as the spec requires there.
            attribute_value_links: if several {
                vec![100 + product_id * 10 + sort_index]
            } else {
                Vec::new()
            },
            external_id: None,
            external_id_type: None,
        });
    }
    state.products.insert(
        product_id,
        Product {
            product_id,
            created_at: now,
            modified_at: now,
            visible: product.visible,
            name: product.name,
            name_en: product.name_en,
            vat_rate: product.vat_rate,
            variants,
        },
    );
    Ok(product_id)
}

pub(crate) fn set_stock(state: &mut ShopState, sku: &str, quantity: i64) -> Result<(), ShopError> {
    let (product, index) = state
        .find_variant_mut(sku)
        .ok_or_else(|| ShopError::UnknownSku(sku.into()))?;
    let product_id = product.product_id;
    state.set_variant_stock(product_id, index, Some(quantity), None);
    Ok(())
}

pub(crate) fn edit_variant(
    state: &mut ShopState,
    sku: &str,
    edit: EditVariant,
) -> Result<(), ShopError> {
    let now = state.now();
    let (product, index) = state
        .find_variant_mut(sku)
        .ok_or_else(|| ShopError::UnknownSku(sku.into()))?;
    if let Some(name) = edit.product_name {
        product.name = name;
    }
    let variant = &mut product.variants[index];
    if let Some(ean) = edit.ean {
        variant.ean = Some(ean);
    }
    if let Some(mpn) = edit.mpn {
        variant.mpn = Some(mpn);
    }
    if let Some(weight) = edit.weight_in_kg {
        variant.weight_in_kg = Some(weight);
    }
    product.modified_at = now;
    Ok(())
}
