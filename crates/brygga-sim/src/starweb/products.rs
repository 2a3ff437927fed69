//! `/products` and their variants: where a bridge reads SKUs, EANs, manufacturer part numbers,
//! weights and names, and may write a variant's `stockQuantity` back.
//!
//! Choices where the docs are silent: `filterSku` matches any variant's SKU, not only the primary one;
//! `createdSince`/`updatedSince` include the instant given; any change to a variant moves its product's
//! `modifiedAt`; a variant PATCH of `stockQuantity` without `stockStatusId` sets the status by the
//! shop's rule, as the docs say the stock PATCH does. Service products keep no stock: their
//! `stockQuantity` is null.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::StarwebSim;
use super::error::{ApiError, RawQuery, json_body, params, path_id};
use super::model::{Product, Variant, from_minor};
use super::state::ShopState;
use super::time::format_time;
use super::wire::{Data, Includes, PER_PAGE, data, paginate};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PriceOut {
    pricelist_id: u32,
    price_ex_vat: f64,
    special_price_ex_vat: Option<f64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct VariantOut {
    variant_id: u32,
    sku: String,
    external_id: Option<String>,
    external_id_type: Option<String>,
    is_active: bool,
    sort_index: u32,
    stock_status_id: Option<u32>,
    stock_quantity: Option<i64>,
    weight_in_kg: Option<f64>,
    cost_price: Option<String>,
    ean: Option<String>,
    mpn: Option<String>,
    image_file_id: Option<u32>,
    attribute_value_links: Vec<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prices: Option<Vec<PriceOut>>,
}

pub(crate) fn variant_out(variant: &Variant, with_prices: bool) -> VariantOut {
    VariantOut {
        variant_id: variant.variant_id,
        sku: variant.sku.clone(),
        external_id: variant.external_id.clone(),
        external_id_type: variant.external_id_type.clone(),
        is_active: variant.is_active,
        sort_index: variant.sort_index,
        stock_status_id: variant.stock_status_id,
        stock_quantity: variant.stock_quantity,
        weight_in_kg: variant.weight_in_kg,
        cost_price: variant.cost_price.clone(),
        ean: variant.ean.clone(),
        mpn: variant.mpn.clone(),
        image_file_id: None,
        attribute_value_links: variant.attribute_value_links.clone(),
        prices: with_prices.then(|| {
            vec![PriceOut {
                pricelist_id: 1,
                price_ex_vat: from_minor(variant.price_ex_vat_minor),
                special_price_ex_vat: None,
            }]
        }),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct LanguageOut {
    lang_code: &'static str,
    name: String,
    permalink: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ProductOut {
    product_id: u32,
    external_id: Option<String>,
    created_at: String,
    modified_at: String,
    visibility: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    is_back_in_stock_watchable: bool,
    has_several_variants: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    variants: Option<Data<Vec<VariantOut>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    languages: Option<Data<Vec<LanguageOut>>>,
}

/// A URL slug of the product name, as the shop builds permalinks.
fn permalink(name: &str) -> String {
    let mut slug = String::new();
    for ch in name.to_lowercase().chars() {
        match ch {
            'å' | 'ä' => slug.push('a'),
            'ö' => slug.push('o'),
            ch if ch.is_ascii_alphanumeric() => slug.push(ch),
            _ if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            _ => {}
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// `ProductModel`; `include=primaryVariant` embeds the first variant only, `languages` the Swedish name.
pub(crate) fn product_out(
    product: &Product,
    includes: &Includes,
    all_variants: bool,
) -> ProductOut {
    let with_prices = includes.has("primaryVariant.prices");
    let variants = if all_variants {
        product.variants.len()
    } else {
        1
    };
    ProductOut {
        product_id: product.product_id,
        external_id: None,
        created_at: format_time(product.created_at),
        modified_at: format_time(product.modified_at),
        visibility: if product.visible { "visible" } else { "hidden" },
        kind: "basic",
        is_back_in_stock_watchable: true,
        has_several_variants: product.variants.len() > 1,
        variants: (all_variants || includes.has("primaryVariant")).then(|| {
            data(
                product
                    .variants
                    .iter()
                    .take(variants)
                    .map(|variant| variant_out(variant, with_prices))
                    .collect(),
            )
        }),
        languages: includes.has("languages").then(|| {
            data(vec![LanguageOut {
                lang_code: "sv",
                name: product.name.clone(),
                permalink: permalink(&product.name),
            }])
        }),
    }
}

pub(crate) fn product_missing(raw: &str) -> ApiError {
    ApiError::not_found(format!("Product {raw} not found"))
}

pub(crate) async fn list_products(
    State(sim): State<StarwebSim>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let params = params(query)?;
    let page = params.page()?;
    if params
        .text("sortBy")
        .is_some_and(|sort_by| sort_by != "productId")
    {
        return Err(ApiError::bad_request("sortBy must be productId"));
    }
    let descending = params.descending(false)?;
    let created_since = params.time("createdSince")?;
    let updated_since = params.time("updatedSince")?;
    let only_visible = params.flag("filterVisible")?.unwrap_or(false);
    let sku = params.text("filterSku");
    let valid_sku = |sku: &str| {
        sku.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "._-".contains(ch))
    };
    if let Some(sku) = sku.filter(|sku| !valid_sku(sku)) {
        return Err(ApiError::bad_request(format!(
            "filterSku must match [A-Za-z0-9._-]+, got {sku:?}"
        )));
    }
    let includes = Includes::parse(params.text("include"));
    let state = sim.lock();
    let mut products: Vec<&Product> = state
        .products
        .values()
        .filter(|product| created_since.is_none_or(|since| product.created_at >= since))
        .filter(|product| updated_since.is_none_or(|since| product.modified_at >= since))
        .filter(|product| !only_visible || product.visible)
        .filter(|product| {
            sku.is_none_or(|sku| product.variants.iter().any(|variant| variant.sku == sku))
        })
        .collect();
    if descending {
        products.reverse();
    }
    Ok(
        Json(paginate(products, page).map(|product| product_out(product, &includes, false)))
            .into_response(),
    )
}

pub(crate) async fn get_product(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let product_id = path_id(&raw, "Product")?;
    let includes = Includes::parse(params(query)?.text("include"));
    let state = sim.lock();
    let product = state
        .products
        .get(&product_id)
        .ok_or_else(|| product_missing(&raw))?;
    Ok(Json(data(product_out(product, &includes, false))).into_response())
}

pub(crate) async fn delete_product(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let product_id = path_id(&raw, "Product")?;
    sim.lock()
        .products
        .remove(&product_id)
        .ok_or_else(|| product_missing(&raw))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub(crate) async fn list_variants(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let product_id = path_id(&raw, "Product")?;
    let params = params(query)?;
    let page = params.page()? as usize;
    let with_prices = Includes::parse(params.text("include")).has("prices");
    let state = sim.lock();
    let product = state
        .products
        .get(&product_id)
        .ok_or_else(|| product_missing(&raw))?;
    let variants: Vec<_> = product
        .variants
        .iter()
        .skip((page - 1).saturating_mul(PER_PAGE))
        .take(PER_PAGE)
        .map(|variant| variant_out(variant, with_prices))
        .collect();
    Ok(Json(data(variants)).into_response())
}

/// Finds `(productId, index of the variant)` for the path's ids.
pub(crate) fn locate(
    state: &ShopState,
    product: &str,
    variant: &str,
) -> Result<(u32, usize), ApiError> {
    let product_id = path_id(product, "Product")?;
    let missing =
        || ApiError::not_found(format!("Variant {variant} of product {product} not found"));
    let variant_id = path_id(variant, "Variant").map_err(|_| missing())?;
    let found = state
        .products
        .get(&product_id)
        .ok_or_else(|| product_missing(product))?;
    let index = found
        .variants
        .iter()
        .position(|candidate| candidate.variant_id == variant_id);
    Ok((product_id, index.ok_or_else(missing)?))
}

pub(crate) async fn get_variant(
    State(sim): State<StarwebSim>,
    Path((product, variant)): Path<(String, String)>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let with_prices = Includes::parse(params(query)?.text("include")).has("prices");
    let state = sim.lock();
    let (product_id, index) = locate(&state, &product, &variant)?;
    Ok(Json(data(variant_out(
        &state.products[&product_id].variants[index],
        with_prices,
    )))
    .into_response())
}

/// `ProductVariantPatchRequestModel` / `ProductVariantPutRequestModel`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct VariantIn {
    sku: Option<String>,
    external_id: Option<String>,
    external_id_type: Option<String>,
    is_active: Option<bool>,
    sort_index: Option<u32>,
    stock_status_id: Option<u32>,
    stock_quantity: Option<i64>,
    weight_in_kg: Option<f64>,
    cost_price: Option<String>,
    ean: Option<String>,
    mpn: Option<String>,
    attribute_value_links: Option<Vec<u32>>,
}

pub(crate) fn check_stock_status(state: &ShopState, status: Option<u32>) -> Result<(), ApiError> {
    match status {
        Some(id)
            if !state
                .setup
                .stock_statuses
                .iter()
                .any(|status| status.stock_status_id == id) =>
        {
            Err(ApiError::bad_request(format!(
                "stockStatusId {id} is not a stock status"
            )))
        }
        _ => Ok(()),
    }
}

async fn write_variant(
    sim: StarwebSim,
    product: String,
    variant: String,
    body: Bytes,
    full: bool,
) -> Result<Response, ApiError> {
    let given: VariantIn = json_body(&body)?;
    if full && (given.sku.is_none() || given.attribute_value_links.is_none()) {
        return Err(ApiError::bad_request(
            "sku and attributeValueLinks are required",
        ));
    }
    let mut state = sim.lock();
    let (product_id, index) = locate(&state, &product, &variant)?;
    check_stock_status(&state, given.stock_status_id)?;
    if let Some(sku) = &given.sku {
        let taken = state.find_variant(sku).is_some_and(|(owner, found)| {
            owner.product_id != product_id || found.variant_id != owner.variants[index].variant_id
        });
        if taken {
            return Err(ApiError::bad_request(format!(
                "SKU {sku} is already used by another variant"
            )));
        }
    }
    let now = state.now();
    let Some(product) = state.products.get_mut(&product_id) else {
        return Err(product_missing(&product));
    };
    product.modified_at = now;
    let target = &mut product.variants[index];
    super::model::merge_present!(target, given; external_id, external_id_type, cost_price, mpn, ean);
    target.sku = given.sku.unwrap_or_else(|| target.sku.clone());
    target.is_active = given.is_active.unwrap_or(target.is_active);
    target.sort_index = given.sort_index.unwrap_or(target.sort_index);
    target.weight_in_kg = given.weight_in_kg.or(target.weight_in_kg);
    target.attribute_value_links = given
        .attribute_value_links
        .unwrap_or_else(|| target.attribute_value_links.clone());
    match (given.stock_quantity, given.stock_status_id) {
        (Some(quantity), forced) => {
            state.set_variant_stock(product_id, index, Some(quantity), forced);
        }
        (None, Some(status)) => product.variants[index].stock_status_id = Some(status),
        (None, None) => {}
    }
    Ok(Json(data(variant_out(
        &state.products[&product_id].variants[index],
        false,
    )))
    .into_response())
}

pub(crate) async fn put_variant(
    State(sim): State<StarwebSim>,
    Path((product, variant)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    write_variant(sim, product, variant, body, true).await
}

pub(crate) async fn patch_variant(
    State(sim): State<StarwebSim>,
    Path((product, variant)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    write_variant(sim, product, variant, body, false).await
}

pub(crate) async fn delete_variant(
    State(sim): State<StarwebSim>,
    Path((product, variant)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let mut state = sim.lock();
    let (product_id, index) = locate(&state, &product, &variant)?;
    let now = state.now();
    if let Some(product) = state.products.get_mut(&product_id) {
        product.variants.remove(index);
        product.modified_at = now;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
