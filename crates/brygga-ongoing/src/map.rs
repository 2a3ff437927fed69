//! Between Brygga's words (`brygga_core`) and Ongoing's wire types, so Ongoing's field names stay
//! inside this crate.
//!
//! Choices the spec leaves open: Ongoing has no "manufacturer's article number" field, so the
//! manufacturer's number travels as the supplier article number; contact details travel as the
//! order's e-mail and SMS notification values (there is no plain e-mail or phone field); the shop's
//! street line and c/o go in `address1` and `address2`, and the company name, when there is one,
//! goes in front of the person's name, since the consignee has a single name field.

use brygga_core::article::Article;
use brygga_core::order::{ShippedParcel, WarehouseOrder, WarehouseOrderDraft, WarehouseOrderLine};

use crate::articles::{ArticleUpsert, BarCodeInfo, SupplierInfo};
use crate::orders::{Consignee, Notification, Order, OrderLineUpsert, OrderUpsert, Transporter};

/// The article as Ongoing's upsert takes it.
pub fn article_upsert(article: &Article) -> ArticleUpsert {
    ArticleUpsert {
        article_number: article.sku.clone(),
        article_name: Some(article.name.clone()),
        is_stock_article: Some(article.is_stock),
        is_active: Some(article.is_active),
        bar_code_info: article.ean.as_ref().map(|ean| BarCodeInfo {
            bar_code: Some(ean.clone()),
        }),
        supplier_info: article
            .manufacturer_number
            .as_ref()
            .map(|number| SupplierInfo {
                supplier_article_number: Some(number.clone()),
            }),
        weight: article.weight_kg,
        ..ArticleUpsert::default()
    }
}

/// The order as Ongoing's upsert takes it.
pub fn order_upsert(draft: &WarehouseOrderDraft) -> OrderUpsert {
    let address = &draft.consignee;
    let name = match (&address.company, &address.name) {
        (Some(company), Some(person)) => Some(format!("{company}, {person}")),
        (company, person) => person.clone().or_else(|| company.clone()),
    };
    let notify = |value: &Option<String>| {
        value.as_ref().map(|value| Notification {
            to_be_notified: true,
            value: Some(value.clone()),
        })
    };
    OrderUpsert {
        order_number: draft.order_number.clone(),
        delivery_date: draft.delivery_date.clone(),
        consignee: Consignee {
            customer_number: draft.customer_number.clone(),
            name,
            address1: address.street.clone(),
            address2: address.care_of.clone(),
            post_code: address.post_code.clone(),
            city: address.city.clone(),
            country_code: address.country_code.clone(),
        },
        order_remark: draft.remark.clone(),
        service_point_code: draft.pickup_point.clone(),
        email_notification: notify(&draft.notify.email),
        sms_notification: notify(&draft.notify.sms),
        transporter: Some(Transporter {
            transporter_code: Some(draft.transporter_code.clone()),
            transporter_service_code: Some(draft.transporter_service_code.clone()),
        }),
        order_lines: draft
            .lines
            .iter()
            .map(|line| OrderLineUpsert {
                row_number: line.row.clone(),
                article_number: line.sku.clone(),
                number_of_items: line.quantity as f64,
                should_be_picked: Some(line.pick),
                comment: None,
            })
            .collect(),
        ..OrderUpsert::default()
    }
}

/// The warehouse's order in Brygga's words.
pub fn warehouse_order(order: &Order) -> WarehouseOrder {
    let info = &order.order_info;
    let tracking_url = order
        .tracking
        .iter()
        .flatten()
        .find_map(|t| t.tracking_url.clone());
    WarehouseOrder {
        warehouse_order_id: info.order_id,
        order_number: info.order_number.clone().unwrap_or_default(),
        status: info.order_status.as_ref().map_or(0, |s| s.number),
        status_text: info.order_status.as_ref().and_then(|s| s.text.clone()),
        waybill: info.way_bill.clone(),
        tracking_url,
        parcels: order
            .parcels
            .iter()
            .flatten()
            .filter(|p| !p.is_return_parcel)
            .map(|p| ShippedParcel {
                parcel_number: p.parcel_number.clone(),
                tracking_url: p.tracking.as_ref().and_then(|t| t.tracking_url.clone()),
            })
            .collect(),
        lines: order
            .order_lines
            .iter()
            .map(|line| WarehouseOrderLine {
                line_id: line.id,
                row: line.row_number.clone(),
                sku: line.article.as_ref().and_then(|a| a.article_number.clone()),
                ordered: line.ordered_number_of_items,
                picked: line.picked_number_of_items,
                pick: line.should_be_picked != Some(false),
            })
            .collect(),
        consignee_name: order.consignee.as_ref().and_then(|c| c.name.clone()),
        consignee_email: info
            .email_notification
            .as_ref()
            .and_then(|n| n.value.clone()),
    }
}
