//! Renders a stored purchase order as `GetPurchaseOrderModel`: advised and received quantities per
//! line, the received item batches with their item status and locks, and unadvised lines.

use super::http::{format_time, parse_time};
use super::order_view::warehouse_ref;
use super::wire::purchase_order::{
    GetPurchaseOrder, GetPurchaseOrderLine, GetSupplier, PurchaseOrderAdvanced,
    PurchaseOrderArticle, PurchaseOrderInfo, ReceivedArticleItem,
};
use super::wire::{CodeNamePair, GoodsOwnerRef, StatusNumberText};
use super::wms::{PurchaseOrder, Wms};

/// Renders a purchase order as `GetPurchaseOrderModel`.
pub(crate) fn purchase_order_view(wms: &Wms, purchase_order: &PurchaseOrder) -> GetPurchaseOrder {
    let header = &purchase_order.header;
    let advanced = header.advanced.clone().unwrap_or_default();
    GetPurchaseOrder {
        goods_owner: GoodsOwnerRef {
            id: wms.config.goods_owner_id,
            name: Some(wms.config.goods_owner_name.clone()),
        },
        supplier_info: header.supplier_info.clone().map(|supplier| GetSupplier {
            supplier_number: supplier.supplier_number,
            supplier_name: supplier.supplier_name,
        }),
        purchase_order_info: PurchaseOrderInfo {
            purchase_order_id: purchase_order.id,
            purchase_order_number: Some(header.purchase_order_number.clone()),
            supplier_order_number: header.supplier_order_number.clone(),
            goods_owner_reference: header.goods_owner_reference.clone(),
            reference_number: header.reference_number.clone(),
            purchase_order_status: StatusNumberText {
                number: purchase_order.status.number(),
                text: Some(purchase_order.status.text().to_owned()),
            },
            in_date: header
                .in_date
                .as_deref()
                .and_then(parse_time)
                .map(format_time),
            purchase_order_remark: header.purchase_order_remark.clone(),
            warehouse: warehouse_ref(wms, purchase_order.warehouse_id),
            created_date: Some(format_time(purchase_order.created)),
            advanced: PurchaseOrderAdvanced {
                arrival_date: purchase_order.last_received.map(format_time),
                order_date: advanced
                    .order_date
                    .as_deref()
                    .and_then(parse_time)
                    .map(format_time),
                purchase_order_is_return_type: false,
                advised_date: advanced
                    .advised_date
                    .as_deref()
                    .and_then(parse_time)
                    .map(format_time),
            },
            goods_owner_purchase_order_id: header.goods_owner_purchase_order_id.clone(),
        },
        purchase_order_lines: purchase_order
            .lines
            .iter()
            .map(|line| {
                let article = wms.articles.get(&line.article_id);
                let data = line.data.clone().unwrap_or_default();
                GetPurchaseOrderLine {
                    id: line.id,
                    row_number: Some(line.row_number.clone()),
                    article: PurchaseOrderArticle {
                        article_system_id: line.article_id,
                        article_number: article.map(|article| article.data.article_number.clone()),
                        article_name: article.and_then(|article| article.data.article_name.clone()),
                        product_code: article.and_then(|article| article.data.product_code.clone()),
                    },
                    comment: data.comment,
                    row_price: data.row_price,
                    advised_number_of_items: line.advised,
                    received_number_of_items: line.received,
                    reported_number_of_items: Some(line.reported),
                    article_items: line
                        .items
                        .iter()
                        .map(|item| ReceivedArticleItem {
                            original_article_item_id: item.article_item_id,
                            number_of_items: item.number_of_items,
                            in_date: format_time(item.received_at),
                            comment: item.comment.clone(),
                            article_item_status: item.item_status.clone(),
                            is_locked: item.locked,
                            is_locked_for_sale: item.locked_for_sale,
                        })
                        .collect(),
                    external_order_line_id: data.external_order_line_id,
                    batch_number: data.batch_number,
                    currency: data.currency_code.map(|code| CodeNamePair {
                        code: Some(code),
                        name: None,
                    }),
                }
            })
            .collect(),
    }
}
