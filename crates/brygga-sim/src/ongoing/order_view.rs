//! Renders a stored order as `GetOrderModel`: the merchant's data under the read-side names
//! (`numberOfItems` → `orderedNumberOfItems`, `transporterCode` → `transporter.code`), the
//! warehouse's quantities, the current status text from the warehouse's own list, and the tracking
//! the warehouse recorded when it shipped (`orderInfo.wayBill`, `tracking[]`, `parcels[]`,
//! `shipmentInfo`, and per picked item the parcel it went in).

use super::article_view::article_kind;
use super::http::format_time;
use super::reference::carrier;
use super::wire::order::PostTransporter;
use super::wire::order_view::{
    GetConsignee, GetConsigneeAdvanced, GetOrder, GetOrderLine, GetParcel, GetTracking,
    GetTransporter, LinePrices, OrderAdvanced, OrderArticle, OrderInfo, OrderInfoAdvanced,
    ParcelAdvanced, ParcelTracking, PickedArticleItem, PickedItemParcel, ShipmentInfo,
    ShipmentParcel,
};
use super::wire::{GoodsOwnerRef, StatusNumberText, WarehouseRef};
use super::wms::{Order, OrderLine, Wms};

pub(crate) fn order_view(wms: &Wms, order: &Order) -> GetOrder {
    let header = &order.header;
    let shipment = order.shipment.as_ref();
    let lines: Vec<GetOrderLine> = order
        .lines
        .iter()
        .map(|line| line_view(wms, order, line))
        .collect();
    let consignee = &header.consignee;
    let advanced = consignee.advanced.clone().unwrap_or_default();
    GetOrder {
        goods_owner: GoodsOwnerRef {
            id: wms.config.goods_owner_id,
            name: Some(wms.config.goods_owner_name.clone()),
        },
        order_info: OrderInfo {
            order_id: order.id,
            order_number: Some(header.order_number.clone()),
            goods_owner_order_id: header.goods_owner_order_id.clone(),
            reference_number: header.reference_number.clone(),
            sales_code: header.sales_code.clone(),
            order_remark: header.order_remark.clone(),
            delivery_instruction: header.delivery_instruction.clone(),
            service_point_code: header.service_point_code.clone(),
            free_text1: header.free_text1.clone(),
            free_text2: header.free_text2.clone(),
            free_text3: header.free_text3.clone(),
            order_type: header.order_type.clone(),
            way_of_delivery: header.way_of_delivery.clone(),
            delivery_date: format_time(order.delivery_date),
            created_date: format_time(order.created),
            shipped_time: shipment.map(|shipment| format_time(shipment.shipped_at)),
            way_bill: shipment.map(|shipment| shipment.way_bill.clone()),
            return_way_bill: None,
            order_status: StatusNumberText {
                number: order.status,
                text: wms.order_statuses.text(order.status),
            },
            email_notification: header.email_notification.clone(),
            sms_notification: header.sms_notification.clone(),
            telephone_notification: header.telephone_notification.clone(),
            ordered_number_of_items: lines.iter().map(|line| line.ordered_number_of_items).sum(),
            allocated_number_of_items: lines
                .iter()
                .map(|line| line.allocated_number_of_items)
                .sum(),
            picked_number_of_items: lines.iter().map(|line| line.picked_number_of_items).sum(),
            customs_info: header.customs_info.clone(),
            warehouse: warehouse_ref(wms, order.warehouse_id),
            terms_of_delivery_type: header.terms_of_delivery_type.clone(),
            customer_price: header.customer_price,
            consignee_order_number: header.consignee_order_number.clone(),
            warehouse_instruction: header.warehouse_instruction.clone(),
            market_place: header.market_place.clone(),
            picking_priority: header.picking_priority,
            advanced: OrderInfoAdvanced {
                invoice_number: header
                    .advanced
                    .as_ref()
                    .and_then(|advanced| advanced.invoice_number.clone()),
                arrival_date: header
                    .advanced
                    .as_ref()
                    .and_then(|advanced| advanced.arrival_date.clone()),
                delivery_date_with_time: format_time(order.delivery_date),
                order_header_updated: Some(format_time(order.header_updated)),
            },
            freight_price: header.freight_price,
            invoice_url: header.invoice_url.clone(),
            is_picked_with_errors: false,
            free_text4: header.free_text4.clone(),
        },
        consignee: GetConsignee {
            customer_number: consignee.customer_number.clone(),
            name: consignee.name.clone(),
            address1: consignee.address1.clone(),
            address2: consignee.address2.clone(),
            address3: consignee.address3.clone(),
            post_code: consignee.post_code.clone(),
            city: consignee.city.clone(),
            country_code: consignee.country_code.clone(),
            country_state_code: consignee.country_state_code.clone(),
            remark: consignee.remark.clone(),
            delivery_instruction: consignee.delivery_instruction.clone(),
            door_code: consignee.door_code.clone(),
            advanced: GetConsigneeAdvanced {
                telephone_notification: advanced.telephone_notification,
                email_notification: advanced.email_notification,
                sms_notification: advanced.sms_notification,
            },
            invoice_address: consignee.invoice_address.clone(),
            id: order.consignee_id,
            customer_classes: Vec::new(),
        },
        parcels: shipment.map_or_else(Vec::new, |shipment| {
            shipment
                .parcels
                .iter()
                .map(|parcel| GetParcel {
                    id: parcel.id,
                    parcel_number: Some(parcel.parcel_number.clone()),
                    is_return_parcel: false,
                    tracking: ParcelTracking {
                        tracking_url: parcel.tracking_url.clone(),
                        waybill: parcel.waybill.clone(),
                    },
                    advanced: ParcelAdvanced {
                        parcel_serial_number: Some(parcel.parcel_number.clone()),
                        weight: parcel.weight,
                    },
                })
                .collect()
        }),
        order_lines: lines,
        transporter: header.transporter.as_ref().map(transporter_view),
        return_transporter: header.return_transporter.as_ref().map(transporter_view),
        tracking: shipment.map_or_else(Vec::new, |shipment| {
            vec![GetTracking {
                tracking_url: shipment.tracking_url.clone(),
                waybill: Some(shipment.way_bill.clone()),
                created: format_time(shipment.shipped_at),
            }]
        }),
        classes: Vec::new(),
        shipment_info: shipment.map(|shipment| ShipmentInfo {
            shipment_id: shipment.id,
            parcels: shipment
                .parcels
                .iter()
                .map(|parcel| ShipmentParcel {
                    id: parcel.id,
                    parcel_number: Some(parcel.parcel_number.clone()),
                    is_return_parcel: false,
                })
                .collect(),
            waybill: Some(shipment.way_bill.clone()),
            return_waybill: None,
        }),
        return_tracking: Vec::new(),
        advanced: OrderAdvanced {
            order_text_lines: header
                .advanced
                .as_ref()
                .and_then(|advanced| advanced.order_text_lines.clone())
                .unwrap_or_default(),
        },
        non_transporter_parcels: Vec::new(),
    }
}

fn line_view(wms: &Wms, order: &Order, line: &OrderLine) -> GetOrderLine {
    let article = wms.articles.get(&line.article_id);
    let data = &line.data;
    let parcel_number = |parcel_id: i32| {
        order
            .shipment
            .as_ref()
            .and_then(|shipment| {
                shipment
                    .parcels
                    .iter()
                    .find(|parcel| parcel.id == parcel_id)
            })
            .map(|parcel| parcel.parcel_number.clone())
    };
    GetOrderLine {
        id: line.id,
        row_number: Some(data.row_number.clone()),
        article: OrderArticle {
            article_system_id: line.article_id,
            article_number: Some(data.article_number.clone()),
            article_name: article.and_then(|article| article.data.article_name.clone()),
            product_code: article.and_then(|article| article.data.product_code.clone()),
            article_kind: article.map(article_kind),
        },
        comment: data.comment.clone(),
        ordered_number_of_items: line.ordered(),
        allocated_number_of_items: line.allocated,
        picked_number_of_items: line.picked,
        packed_number_of_items: if order.shipment.is_some() {
            line.picked
        } else {
            0.0
        },
        reported_number_of_items: Some(line.reported),
        should_be_picked: line.should_be_picked,
        picked_article_items: line
            .picks
            .iter()
            .map(|pick| PickedArticleItem {
                article_item_id: pick.article_item_id,
                number_of_items: pick.number_of_items,
                in_date: format_time(pick.picked_at),
                is_picked: true,
                is_returned: false,
                picked_time: Some(format_time(pick.picked_at)),
                original_article_item_id: pick.article_item_id,
                location_id: order.warehouse_id,
                parcel: pick.parcel_id.map(|id| PickedItemParcel {
                    id,
                    parcel_number: parcel_number(id),
                }),
            })
            .collect(),
        serial_number: data.serial_number.clone(),
        batch_number: data.batch_number.clone(),
        reported_returned_number_of_items: Some(line.reported_returned),
        line_type: data.line_type.clone(),
        prices: data.prices.clone().map(|prices| LinePrices {
            line_price: prices.line_price,
            customer_line_price: prices.customer_line_price,
            currency_code: prices.currency_code,
            discount_percentage: prices.discount_percentage,
        }),
        customer_article_number: data.customer_article_number.clone(),
        external_id: data.external_id.clone(),
        returned_number_of_items: line.returned,
        delivery_date: data.delivery_date.clone(),
        warehouse_instruction: data.warehouse_instruction.clone(),
        vat: data.vat.clone(),
    }
}

fn transporter_view(transporter: &PostTransporter) -> GetTransporter {
    let known = transporter.transporter_code.as_deref().and_then(carrier);
    GetTransporter {
        transporter_name: known.map(|carrier| carrier.name.to_owned()),
        name: known.and_then(|carrier| {
            let service = transporter.transporter_service_code.as_deref()?;
            carrier
                .services
                .iter()
                .find(|(code, _)| code.eq_ignore_ascii_case(service))
                .map(|(_, name)| (*name).to_owned())
        }),
        code: transporter.transporter_code.clone(),
        service_code: transporter.transporter_service_code.clone(),
    }
}

pub(crate) fn warehouse_ref(wms: &Wms, warehouse_id: i32) -> WarehouseRef {
    let site = wms.config.sites.iter().find(|site| site.id == warehouse_id);
    WarehouseRef {
        id: warehouse_id,
        code: site.map(|site| site.code.clone()),
        name: site.map(|site| site.name.clone()),
    }
}
