//! The Starweb simulator's catalogue and reference data over real HTTP: products and variants with
//! SKU, EAN, mpn, weight and stock; stock updates on the variant and per stock location; shipping
//! and payment methods, currencies, tracking types and the shop's details.

#[allow(dead_code, reason = "each test file uses part of the shared harness")]
mod starweb_harness;

use brygga_sim::starweb::sample::FREIGHT_SKU;
use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use starweb_harness::Shop;

fn list(body: &Value) -> &Vec<Value> {
    body["data"]
        .as_array()
        .expect("a list response has a data array")
}

#[tokio::test]
async fn products_page_by_a_hundred_with_the_primary_variant_included() {
    let shop = Shop::with_sample(3, 120, 0).await;
    let token = shop.token().await;
    let (status, first) = shop
        .get(&token, "/products?include=primaryVariant,languages")
        .await;
    assert_eq!(status, StatusCode::OK, "products are listed: {first}");
    assert_eq!(
        first["meta"]["pagination"]["total"], 123,
        "120 generated products plus three service products"
    );
    assert_eq!(
        first["meta"]["pagination"]["total_pages"], 2,
        "123 products make two pages"
    );
    let product = &list(&first)[0];
    assert_eq!(
        product["productId"], 1,
        "products are sorted by productId ASC by default"
    );
    let variants = list(&product["variants"]);
    assert_eq!(
        variants.len(),
        1,
        "include=primaryVariant embeds only the primary variant"
    );
    let variant = &variants[0];
    for field in [
        "sku",
        "ean",
        "mpn",
        "weightInKg",
        "stockQuantity",
        "variantId",
    ] {
        assert!(
            variant.get(field).is_some(),
            "a variant carries {field}: {variant}"
        );
    }
    assert!(
        list(&product["languages"])[0]["name"].is_string(),
        "the product's name lives in its languages"
    );
    let (_, second) = shop.get(&token, "/products?page=2").await;
    assert_eq!(list(&second).len(), 23, "the second page holds the rest");
}

#[tokio::test]
async fn filter_sku_finds_the_product_of_any_variant() {
    let shop = Shop::with_sample(3, 10, 0).await;
    let token = shop.token().await;
    let product = shop
        .sim
        .products()
        .into_iter()
        .find(|product| product.variants.len() > 2)
        .expect("some product has sizes");
    let last_sku = product.variants.last().expect("variants").sku.clone();
    let (status, body) = shop
        .get(&token, &format!("/products?filterSku={last_sku}"))
        .await;
    assert_eq!(status, StatusCode::OK, "filterSku is accepted: {body}");
    assert_eq!(list(&body).len(), 1, "one product has that SKU");
    assert_eq!(
        list(&body)[0]["productId"],
        product.product_id,
        "the product of a non-primary variant is found"
    );
    assert_eq!(
        list(&body)[0]["hasSeveralVariants"],
        true,
        "the client learns it must read all variants"
    );
    let (_, variants) = shop
        .get(
            &token,
            &format!("/products/{}/variants", product.product_id),
        )
        .await;
    assert!(
        list(&variants)
            .iter()
            .any(|variant| variant["sku"] == last_sku.as_str()),
        "the variant list has every SKU"
    );
    let (status, _) = shop.get(&token, "/products?filterSku=bad%20sku").await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "filterSku must match [A-Za-z0-9._-]+"
    );
}

#[tokio::test]
async fn a_variant_patch_sets_stock_and_the_stock_status_follows() {
    let shop = Shop::start().await;
    let product_id = shop.add_product("TERMOS-1", 5);
    let variant_id = shop.sim.products()[0].variants[0].variant_id;
    let token = shop.token().await;
    let path = format!("/products/{product_id}/variants/{variant_id}");
    let (status, body) = shop
        .call(
            Method::PATCH,
            &token,
            &path,
            Some(json!({"stockQuantity": 0})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "stock is written with a variant PATCH: {body}"
    );
    assert_eq!(
        body["data"]["stockQuantity"], 0,
        "the new quantity is returned"
    );
    let (_, statuses) = shop.get(&token, "/product-stock-statuses").await;
    let out_of_stock = list(&statuses)
        .iter()
        .find(|status| status["idCode"] == "outOfStock")
        .expect("an out-of-stock status")["stockStatusId"]
        .clone();
    assert_eq!(
        body["data"]["stockStatusId"], out_of_stock,
        "without a forced status the shop's rule sets it"
    );
    assert_eq!(
        shop.sim.stock("TERMOS-1"),
        Some(0),
        "the shop's state holds the new stock"
    );
}

#[tokio::test]
async fn stock_per_location_needs_status_and_quantity_on_put() {
    let shop = Shop::start().await;
    let product_id = shop.add_product("KOPP-1", 5);
    let variant_id = shop.sim.products()[0].variants[0].variant_id;
    let token = shop.token().await;
    let (_, locations) = shop.get(&token, "/stock-locations").await;
    let location = list(&locations)
        .iter()
        .find(|location| location["ecommerceStockLocation"] == true)
        .expect("an e-commerce location")["stockLocationId"]
        .clone();
    let path = format!("/products/{product_id}/variants/{variant_id}/stocks/{location}");
    let (status, _) = shop
        .call(
            Method::PUT,
            &token,
            &path,
            Some(json!({"stockQuantity": 7})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "PUT needs stockStatusId and stockQuantity"
    );
    let (status, body) = shop
        .call(
            Method::PUT,
            &token,
            &path,
            Some(json!({"stockQuantity": 7, "stockStatusId": 1})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a complete PUT sets the stock: {body}"
    );
    let (status, body) = shop
        .call(
            Method::PATCH,
            &token,
            &path,
            Some(json!({"stockQuantity": 12.0})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a PATCH sets the quantity alone: {body}"
    );
    assert_eq!(
        shop.sim.stock("KOPP-1"),
        Some(12),
        "the location's stock is the variant's stock"
    );
    let (_, stocks) = shop
        .get(
            &token,
            &format!("/products/{product_id}/variants/{variant_id}/stocks"),
        )
        .await;
    assert_eq!(
        list(&stocks)[0]["stockQuantity"],
        12.0,
        "the stock list shows the location's quantity"
    );
}

#[tokio::test]
async fn service_products_keep_no_stock() {
    let shop = Shop::with_sample(3, 2, 0).await;
    let token = shop.token().await;
    let (_, body) = shop
        .get(
            &token,
            &format!("/products?filterSku={FREIGHT_SKU}&include=primaryVariant"),
        )
        .await;
    let variant = &list(&list(&body)[0]["variants"])[0];
    assert!(
        variant["stockQuantity"].is_null(),
        "a service product has no stock quantity: {variant}"
    );
    assert!(variant["ean"].is_null(), "a service product has no EAN");
}

#[tokio::test]
async fn updated_since_lists_products_changed_since_then() {
    let shop = Shop::with_sample(3, 5, 0).await;
    let token = shop.token().await;
    shop.sim.advance_clock(Duration::minutes(5));
    let since = shop.sim.now();
    let changed = shop.sim.products()[2].variants[0].sku.clone();
    shop.sim
        .set_stock(&changed, 42)
        .expect("the sample SKU exists");
    let query = format!(
        "/products?updatedSince={}",
        brygga_sim::starweb::format_time(since).replace('+', "%2B")
    );
    let (status, body) = shop.get(&token, &query).await;
    assert_eq!(status, StatusCode::OK, "updatedSince is accepted: {body}");
    assert_eq!(
        list(&body).len(),
        1,
        "only the product whose stock changed is listed"
    );
}

#[tokio::test]
async fn reference_data_is_served_in_data_envelopes() {
    let shop = Shop::start().await;
    let token = shop.token().await;
    let (_, methods) = shop.get(&token, "/shipping-methods").await;
    let methods = list(&methods);
    assert!(
        methods
            .iter()
            .any(|method| method["isClickAndCollect"] == true),
        "one method is click and collect"
    );
    assert!(
        methods.iter().any(|method| method["active"] == false),
        "an inactive method is listed too"
    );
    assert!(
        methods.iter().all(|method| list(&method["languages"])
            .iter()
            .any(|name| name["langCode"] == "sv")),
        "names come per language"
    );
    let (_, currencies) = shop.get(&token, "/currencies").await;
    let codes: Vec<&str> = list(&currencies)
        .iter()
        .filter_map(|currency| currency["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        ["SEK", "EUR", "NOK"],
        "the shop sells in SEK, EUR and NOK"
    );
    let (status, eur) = shop.get(&token, "/currencies/EUR").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "one currency is served by code: {eur}"
    );
    let (_, payments) = shop.get(&token, "/payment-methods").await;
    assert!(
        list(&payments)
            .iter()
            .any(|method| method["fee"].as_f64() > Some(0.0)),
        "one payment method charges a fee"
    );
    let (_, info) = shop.get(&token, "/shop").await;
    assert_eq!(
        info["data"]["idCode"], "brygga-demo",
        "the shop names its id code"
    );
    let (status, _) = shop.get(&token, "/shipping-methods/4242").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "an unknown shipping method is a 404"
    );
}
