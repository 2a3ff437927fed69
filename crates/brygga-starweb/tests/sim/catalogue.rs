//! Products, variants and stock: the SKU index across products with and without several variants,
//! stock written and read back, and the shop's reference data.

use brygga_starweb::StarwebError;
use brygga_starweb::products::ProductQuery;

use crate::support::Shop;

#[tokio::test]
async fn the_sku_index_covers_single_and_multi_variant_products() {
    let shop = Shop::start().await;
    let mug = shop.add_product(&["MUGG-1"], Some(7));
    let tee = shop.add_product(&["TEE-S", "TEE-M", "TEE-L"], Some(3));
    let wrap = shop.add_product(&["PRESENTINSLAGNING"], None);
    let client = shop.client();

    let index = client.sku_index().await.unwrap();
    assert_eq!(index.len(), 5, "every variant of every product is indexed");
    assert_eq!(index.duplicates().count(), 0);
    assert_eq!(index.get("MUGG-1").unwrap().product_id, mug);
    for sku in ["TEE-S", "TEE-M", "TEE-L"] {
        assert_eq!(
            index.get(sku).map(|found| found.product_id),
            Some(tee),
            "{sku} is found although only the primary variant is embedded in the list"
        );
    }
    let medium = &index.get("TEE-M").unwrap().variant;
    assert_eq!(medium.stock_quantity, Some(3));
    assert_eq!(medium.mpn.as_deref(), Some("MPN-TEE-M"));
    assert_eq!(medium.ean.as_deref(), Some("7350012000011"));
    assert_eq!(medium.weight_in_kg, Some(0.25));
    let service = index.get("PRESENTINSLAGNING").unwrap();
    assert_eq!(service.product_id, wrap);
    assert_eq!(
        service.variant.stock_quantity, None,
        "a service keeps no stock"
    );
    assert_eq!(
        shop.calls("GET", "/products/{productId}/variants"),
        1,
        "only the product with several variants needs its variant list"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn stock_written_to_a_variant_is_read_back() {
    let shop = Shop::start().await;
    shop.add_product(&["TEE-S", "TEE-M"], Some(3));
    let client = shop.client();
    let index = client.sku_index().await.unwrap();
    let found = index.get("TEE-M").unwrap();

    let written = client
        .set_variant_stock(found.product_id, found.variant.variant_id, 42)
        .await
        .unwrap();
    assert_eq!(
        written.stock_quantity,
        Some(42),
        "the shop answers with the new stock"
    );
    let read = client
        .variant(found.product_id, found.variant.variant_id)
        .await
        .unwrap();
    assert_eq!(read.stock_quantity, Some(42), "a fresh read agrees");
    assert_eq!(shop.sim.stock("TEE-M"), Some(42), "the shop holds 42");
    assert_eq!(
        shop.sim.stock("TEE-S"),
        Some(3),
        "the other variant is untouched"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn one_product_is_found_by_sku_and_an_unsearchable_sku_is_refused_before_sending() {
    let shop = Shop::start().await;
    shop.add_product(&["MUGG-1"], Some(1));
    let tee = shop.add_product(&["TEE-S", "TEE-L"], Some(1));
    let client = shop.client();
    let query = ProductQuery {
        sku: Some("TEE-L".into()),
        ..ProductQuery::default()
    };
    let found = client.products(&query).await.unwrap();
    assert_eq!(found.len(), 1, "filterSku narrows to one product");
    assert_eq!(found[0].product_id, tee);
    assert!(found[0].has_several_variants);

    let query = ProductQuery {
        sku: Some("TEE L".into()),
        ..ProductQuery::default()
    };
    let err = client.products(&query).await.unwrap_err();
    assert!(
        matches!(err, StarwebError::BadRequest { .. }),
        "the spec's SKU pattern has no spaces: {err}"
    );
    assert_eq!(
        shop.calls("GET", "/products"),
        1,
        "the refused search was never sent"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn shop_details_currencies_shipping_methods_and_statuses_are_read() {
    let shop = Shop::start().await;
    let client = shop.client();
    let info = client.shop().await.unwrap();
    assert_eq!(info.id_code.as_deref(), Some("brygga-demo"));
    assert_eq!(info.base_currency.as_deref(), Some("SEK"));
    let currencies = client.currencies().await.unwrap();
    assert!(
        currencies.iter().any(|c| c.code == "SEK"),
        "the base currency is sold in: {currencies:?}"
    );
    let methods = client.shipping_methods().await.unwrap();
    assert_eq!(methods.len(), shop.sim.shipping_methods().len());
    assert!(
        methods.iter().all(|m| m.name("sv").is_some()),
        "every method has a name to show the merchant"
    );
    let statuses = client.order_statuses().await.unwrap();
    assert_eq!(statuses.all().len(), shop.sim.order_statuses().len());
    shop.assert_conforms();
}
