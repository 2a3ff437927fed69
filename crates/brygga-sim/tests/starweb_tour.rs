//! Every route of the Starweb simulator, read and written once with sample data loaded, answers with
//! a success; the shared harness checks on drop that each of those response bodies conformed to the
//! OpenAPI spec, so this file is the simulator's conformance sweep.

#[allow(dead_code, reason = "each test file uses part of the shared harness")]
mod starweb_harness;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use starweb_harness::Shop;

#[tokio::test]
async fn every_route_answers_in_the_specs_shape() {
    let shop = Shop::with_sample(5, 20, 40).await;
    let token = shop.token().await;
    let orders = shop.sim.orders();
    let order = orders
        .iter()
        .find(|order| !order.external_services.is_empty())
        .expect("a pickup-point order");
    let order_id = order.order_id;
    let item_id = order.lines[0].item_id;
    let customer_id = order.customer_id.expect("placed orders have a customer");
    let product = shop
        .sim
        .products()
        .into_iter()
        .find(|product| product.variants.len() > 1)
        .expect("a product with sizes");
    let (product_id, variant) = (product.product_id, product.variants[1].clone());
    let variant_path = format!("/products/{product_id}/variants/{}", variant.variant_id);
    let created = shop.status("created");
    let all = "items.bundledItems,addresses,status,externalServices,customer";

    let reads = [
        format!("/orders?include={all}&includeNonCompletePayments=true"),
        format!("/orders/{order_id}?include={all}"),
        format!("/orders/{order_id}/items"),
        format!("/orders/{order_id}/items/{item_id}?include=bundledItems"),
        format!("/orders/{order_id}/addresses"),
        format!("/orders/{order_id}/addresses/originalDelivery"),
        format!("/orders/{order_id}/comments"),
        format!("/orders/{order_id}/external-services"),
        format!("/orders/{order_id}/external-services/nShift"),
        "/order-statuses".to_owned(),
        format!("/order-statuses/{created}"),
        "/products?include=primaryVariant.prices,languages".to_owned(),
        format!("/products/{product_id}?include=primaryVariant.prices,languages"),
        format!("/products/{product_id}/variants?include=prices"),
        format!("{variant_path}?include=prices"),
        format!("{variant_path}/stocks"),
        format!("{variant_path}/stocks/1"),
        "/stock-locations".to_owned(),
        "/stock-locations/1".to_owned(),
        "/product-stock-statuses".to_owned(),
        "/shipping-methods".to_owned(),
        "/shipping-methods/11".to_owned(),
        "/payment-methods".to_owned(),
        "/payment-methods/21".to_owned(),
        "/currencies".to_owned(),
        "/currencies/NOK".to_owned(),
        "/shipping-tracking-types".to_owned(),
        "/shop".to_owned(),
        format!("/customers/{customer_id}"),
    ];
    for path in &reads {
        let (status, body) = shop.get(&token, path).await;
        assert_eq!(status, StatusCode::OK, "GET {path} succeeds: {body}");
    }

    let order_path = format!("/orders/{order_id}");
    let writes: Vec<(Method, String, Option<Value>, StatusCode)> = vec![
        (
            Method::POST,
            "/orders".into(),
            Some(
                json!({"currencyCode": "EUR", "shippingMethodId": 12, "items": [{"sku": variant.sku, "quantity": 1, "unitPrice": 10.5}]}),
            ),
            StatusCode::CREATED,
        ),
        (
            Method::PUT,
            order_path.clone(),
            Some(json!({"statusId": shop.status("picking"), "internalComment": "Plockas i dag"})),
            StatusCode::OK,
        ),
        (
            Method::POST,
            format!("{order_path}/items"),
            Some(
                json!({"sku": "EXTRA-1", "description": "Extra", "quantity": 1, "unitPrice": 8.0, "vatRate": 25}),
            ),
            StatusCode::CREATED,
        ),
        (
            Method::PUT,
            format!("{order_path}/items/{item_id}"),
            Some(json!({"quantity": 4, "discount": 10, "discountType": "percent"})),
            StatusCode::OK,
        ),
        (
            Method::PUT,
            format!("{order_path}/addresses/customerDelivery"),
            Some(json!({"firstName": "Eva", "lastName": "Holm", "countryCode": "SE"})),
            StatusCode::OK,
        ),
        (
            Method::PATCH,
            format!("{order_path}/addresses/originalDelivery"),
            Some(json!({"careOf": "Lindqvist"})),
            StatusCode::OK,
        ),
        (
            Method::POST,
            format!("{order_path}/comments"),
            Some(json!({"text": "Kunden ringde", "from": "customer"})),
            StatusCode::CREATED,
        ),
        (
            Method::POST,
            format!("{order_path}/external-services"),
            Some(json!({"serviceName": "Ongoing", "externalIdValue": "1"})),
            StatusCode::CREATED,
        ),
        (
            Method::PUT,
            format!("{order_path}/external-services/Ongoing"),
            Some(json!({"externalIdValue": "2"})),
            StatusCode::OK,
        ),
        (
            Method::POST,
            "/order-statuses".into(),
            Some(
                json!({"shouldSendEmail": false, "languages": {"data": [{"langCode": "sv", "name": "Väntar"}]}}),
            ),
            StatusCode::CREATED,
        ),
        (
            Method::PUT,
            variant_path.clone(),
            Some(
                json!({"sku": variant.sku, "attributeValueLinks": variant.attribute_value_links, "mpn": "NEW-1", "weightInKg": 0.5}),
            ),
            StatusCode::OK,
        ),
        (
            Method::PATCH,
            format!("{variant_path}/stocks/1"),
            Some(json!({"stockQuantity": 3, "shelfSpace": "A-12"})),
            StatusCode::OK,
        ),
        (
            Method::DELETE,
            format!("{order_path}/external-services/Ongoing"),
            None,
            StatusCode::NO_CONTENT,
        ),
    ];
    for (method, path, body, expected) in writes {
        let (status, answer) = shop.call(method.clone(), &token, &path, body).await;
        assert_eq!(status, expected, "{method} {path} succeeds: {answer}");
    }
    let (status, missing) = shop.get(&token, "/orders/4242424").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a missing order is a 404 in the ErrorModel shape: {missing}"
    );
}
