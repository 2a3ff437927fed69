//! Renders a stored article as `GetArticleModel`: the merchant's data under the read-side names and
//! the stock figures of every warehouse summed (see `stock` for what each figure means).

use super::http::format_time;
use super::stock::StockLedger;
use super::wire::GoodsOwnerRef;
use super::wire::article::{
    GetArticle, GetBarCodeInfo, GetStorageProperties, GetSupplierInfo, InventoryInfo, ReportedInfo,
};
use super::wms::{Article, Wms};

/// Renders an article as `GetArticleModel`.
pub(crate) fn article_view(wms: &Wms, ledger: &StockLedger, article: &Article) -> GetArticle {
    let data = &article.data;
    let figures = ledger.total(article.id);
    let last_in = ledger
        .warehouses_of(article.id)
        .into_iter()
        .filter_map(|warehouse| {
            wms.stock
                .get(&(article.id, warehouse))
                .and_then(|cell| cell.last_in)
        })
        .max();
    let unit_value = data
        .stock_valuation_price
        .or(data.purchase_price)
        .unwrap_or(0.0);
    let storage = data.storage_properties.clone().unwrap_or_default();
    GetArticle {
        goods_owner: GoodsOwnerRef {
            id: wms.config.goods_owner_id,
            name: Some(wms.config.goods_owner_name.clone()),
        },
        article_system_id: article.id,
        article_number: Some(data.article_number.clone()),
        article_name: data.article_name.clone(),
        product_code: data.product_code.clone(),
        unit_code: data.unit_code.clone(),
        description: data.description.clone(),
        is_stock_article: data.is_stock_article,
        is_active: data.is_active,
        supplier_info: data.supplier_info.clone().map(|info| GetSupplierInfo {
            supplier_article_number: info.supplier_article_number,
            supplier_number: info.supplier_number,
            supplier_name: info.supplier_name,
            alternative_suppliers: Vec::new(),
        }),
        bar_code_info: data.bar_code_info.clone().map(|info| GetBarCodeInfo {
            bar_code: info.bar_code,
            bar_code_package: info.bar_code_package,
            bar_code_pallet: info.bar_code_pallet,
            alternative_bar_codes: Vec::new(),
            bar_code_layer: info.bar_code_layer,
        }),
        quantity_per_package: data.quantity_per_package,
        quantity_per_pallet: data.quantity_per_pallet,
        weight: data.weight,
        length: data.length,
        width: data.width,
        height: data.height,
        volume: data.volume,
        purchase_price: data.purchase_price,
        stock_valuation_price: data.stock_valuation_price,
        customer_price: data.customer_price,
        purcase_currency_code: data.purcase_currency_code.clone(),
        country_of_origin_code: data.country_of_origin_code.clone(),
        statistics_number: data.statistics_number.clone(),
        article_group: data.article_group.clone(),
        article_category: data.article_category.clone(),
        inventory_info: InventoryInfo {
            number_of_items: figures.on_hand,
            number_of_booked_items: figures.booked,
            number_of_locked_items: figures.locked,
            to_receive_number_of_items: figures.to_receive,
            allocated_number_of_items: figures.allocated,
            locked_for_sale_number_of_items: figures.locked_for_sale,
            picked_to_be_collected_number_of_items: figures.picked_to_be_collected,
            received_to_be_finished_number_of_items: 0.0,
            last_in_date: last_in.map(format_time),
            sellable_number_of_items: figures.sellable(),
            total_stock_value: figures.on_hand * unit_value,
            reported: ReportedInfo {
                picked_to_be_reported_number_of_items: figures.picked_to_be_reported,
                returned_to_be_reported_number_of_items: figures.returned_to_be_reported,
                received_to_be_reported_number_of_items: figures.received_to_be_reported,
            },
        },
        article_data_last_updated: Some(format_time(article.data_updated)),
        article_kind: Some(article_kind(article)),
        stock_limit: data.stock_limit,
        minimum_reorder_quantity: data.minimum_reorder_quantity,
        net_weight: data.net_weight,
        classes: Vec::new(),
        customs_description: data.customs_description.clone(),
        link_to_picture: data.link_to_picture.clone(),
        storage_properties: GetStorageProperties {
            is_obsolete: storage.is_obsolete.unwrap_or(false),
            is_serial_number_article: storage.is_serial_number_article.unwrap_or(false),
            is_batch_article: storage.is_batch_article.unwrap_or(false),
            is_expiry_date_article: storage.is_expiry_date_article.unwrap_or(false),
        },
        article_color: data.article_color.clone(),
        article_size: data.article_size.clone(),
        article_name_translations: data.article_name_translations.clone().unwrap_or_default(),
        created: format_time(article.created),
    }
}

/// `articleKind` values are not stated in the spec; the simulator says `Structure` or `Production`
/// for articles defined that way and `Standard` otherwise.
pub(crate) fn article_kind(article: &Article) -> String {
    article.data.structure_definition.as_ref().map_or_else(
        || "Standard".to_owned(),
        |definition| definition.article_kind.clone(),
    )
}
