//! The shop's catalogue and orders reach Brygga's own types through `map` as the planners need them.

use brygga_core::article::check_all;
use brygga_starweb::map::{catalogue, shop_order};

use crate::support::{Shop, checkout};

#[tokio::test]
async fn the_catalogue_has_one_article_per_variant_and_services_keep_no_stock() {
    let shop = Shop::start().await;
    let sizes = shop.add_product(&["SOCK-S", "SOCK-M", "SOCK-L"], Some(4));
    shop.add_product(&["WRAP"], None);
    let client = shop.client();

    let found = catalogue(&client.products_with_variants().await.unwrap());
    let skus: Vec<&str> = found.articles.iter().map(|a| a.sku.as_str()).collect();
    for sku in ["SOCK-S", "SOCK-M", "SOCK-L", "WRAP"] {
        assert!(
            skus.contains(&sku),
            "every variant is its own article: {skus:?}"
        );
    }
    let wrap = found.articles.iter().find(|a| a.sku == "WRAP").unwrap();
    assert!(
        !wrap.is_stock,
        "a service product keeps no stock, so the warehouse never picks it"
    );
    let sock = found.articles.iter().find(|a| a.sku == "SOCK-M").unwrap();
    assert_eq!(
        (
            sock.name.as_str(),
            sock.manufacturer_number.as_deref(),
            sock.weight_kg
        ),
        ("Testvara SOCK-S", Some("MPN-SOCK-M"), Some(0.25)),
        "the Swedish product name, the variant's MPN and weight"
    );
    assert_eq!(
        found
            .stock
            .get("SOCK-L")
            .map(|s| (s.product_id, s.quantity)),
        Some((i64::from(sizes), Some(4))),
        "stock is written on the variant, found by SKU"
    );
    assert!(
        check_all(&found.articles).is_empty(),
        "the simulator's articles pass Brygga's validation: {:?}",
        check_all(&found.articles)
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn an_order_reads_as_a_shop_order_with_address_contact_and_pickup_point() {
    let shop = Shop::start().await;
    shop.add_product(&["MUGG-1"], Some(10));
    let id = shop.sim.place_order(checkout("MUGG-1", 2)).unwrap();
    let client = shop.client();

    let order = shop_order(&client.order(i32::try_from(id).unwrap()).await.unwrap()).unwrap();
    assert_eq!(order.order_id, i64::from(id));
    assert_eq!(
        order.delivery.name.as_deref(),
        Some("Anna Ek"),
        "first and last name joined"
    );
    assert_eq!(
        order.contact.phone.as_deref(),
        Some("+46701234567"),
        "the mobile number for SMS notices"
    );
    assert_eq!(order.contact.email.as_deref(), Some("anna.ek@example.com"));
    assert_eq!(
        order.pickup_point.as_deref(),
        Some("612345"),
        "the nShift agent is the pickup point"
    );
    let line = order
        .lines
        .iter()
        .find(|l| l.sku.as_deref() == Some("MUGG-1"))
        .expect("the product line is there");
    assert_eq!(line.quantity, 2);
    assert!(line.unit_price_minor > 0, "prices are whole öre: {line:?}");
    assert_eq!(
        order.currency, "SEK",
        "the shop's currency when none was chosen"
    );
    shop.assert_conforms();
}
