//! The Starweb sample data: the same seed gives the same shop, and the shop looks like a Swedish web
//! shop a bridge must handle — valid EANs, real postcode formats, three currencies, pickup points,
//! click and collect, freight and fee lines — and it loads into the simulator as history.

#[allow(dead_code, reason = "each test file uses part of the shared harness")]
mod starweb_harness;

use std::collections::BTreeSet;

use brygga_sim::starweb::sample::{
    FREIGHT_SKU, GIFT_WRAP_SKU, INVOICE_FEE_SKU, SampleData, SampleStatus, ean13_check_digit,
};
use reqwest::StatusCode;
use starweb_harness::Shop;

fn sample() -> SampleData {
    SampleData::generate(2024, 60, 400)
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[test]
fn the_same_seed_gives_the_same_data() {
    assert_eq!(
        sample(),
        sample(),
        "generation is deterministic for a seed and sizes"
    );
    assert_ne!(
        sample().orders,
        SampleData::generate(2025, 60, 400).orders,
        "another seed gives other orders"
    );
    assert_eq!(
        SampleData::generate(1, 0, 0).products.len(),
        3,
        "even an empty sample has the service products"
    );
}

#[test]
fn the_ean13_check_digit_is_the_standard_one() {
    assert_eq!(
        ean13_check_digit("400638133393"),
        1,
        "4006381333931 is the textbook EAN-13"
    );
    assert_eq!(
        ean13_check_digit("590123412345"),
        7,
        "5901234123457 is GS1's own example"
    );
}

#[test]
fn products_have_unique_skus_valid_eans_and_weights() {
    let data = sample();
    assert_eq!(
        data.products.len(),
        63,
        "60 products plus three service products"
    );
    let variants: Vec<_> = data
        .products
        .iter()
        .flat_map(|product| &product.variants)
        .collect();
    let skus: BTreeSet<&str> = variants
        .iter()
        .map(|variant| variant.sku.as_str())
        .collect();
    assert_eq!(skus.len(), variants.len(), "every SKU is unique");
    assert!(
        data.products
            .iter()
            .any(|product| product.variants.len() > 1),
        "some products come in sizes or colours"
    );
    let stocked: Vec<_> = variants
        .iter()
        .filter(|variant| variant.stock_quantity.is_some())
        .collect();
    let eans: BTreeSet<&str> = stocked
        .iter()
        .filter_map(|variant| variant.ean.as_deref())
        .collect();
    assert_eq!(
        eans.len(),
        stocked.len(),
        "every stock variant has its own EAN"
    );
    for ean in &eans {
        assert_eq!(ean.len(), 13, "{ean} is thirteen digits");
        assert!(ean.starts_with("73"), "{ean} is under Sweden's GS1 prefix");
        let check = ean13_check_digit(&ean[..12]);
        assert_eq!(
            ean[12..].parse::<u32>().ok(),
            Some(check),
            "{ean} ends in its check digit"
        );
    }
    assert!(
        stocked
            .iter()
            .all(|variant| variant.weight_in_kg.is_some_and(|kg| kg > 0.0)),
        "stock variants weigh something"
    );
    assert!(
        stocked.iter().any(|variant| variant.mpn.is_some()),
        "most variants have a manufacturer part number"
    );
    for service in [FREIGHT_SKU, GIFT_WRAP_SKU, INVOICE_FEE_SKU] {
        let variant = variants
            .iter()
            .find(|variant| variant.sku == service)
            .expect("the service product exists");
        assert!(
            variant.stock_quantity.is_none(),
            "{service} keeps no stock, so it is never picked"
        );
    }
    let vat_rates: BTreeSet<u32> = data
        .products
        .iter()
        .map(|product| product.vat_rate as u32)
        .collect();
    assert_eq!(
        vat_rates,
        BTreeSet::from([6, 12, 25]),
        "books, food and other goods carry Sweden's three VAT rates"
    );
}

#[test]
fn addresses_follow_each_countrys_postcode_format() {
    let data = sample();
    let mut countries = BTreeSet::new();
    for order in &data.orders {
        let address = &order.checkout.delivery;
        let country = address
            .country_code
            .as_deref()
            .expect("every address has a country");
        let postcode = address
            .postal_code
            .as_deref()
            .expect("every address has a postcode");
        countries.insert(country);
        let (length, pattern_ok) = match country {
            "SE" => (5, postcode.len() == 6 && postcode.as_bytes()[3] == b' '),
            "NO" => (4, postcode.len() == 4),
            "FI" => (5, postcode.len() == 5),
            other => panic!("unexpected country {other}"),
        };
        assert_eq!(
            digits(postcode).len(),
            length,
            "{country} postcode {postcode} has {length} digits"
        );
        assert!(
            pattern_ok,
            "{country} postcode {postcode} is written the local way"
        );
        assert!(
            address.first_name.is_some() && address.last_name.is_some(),
            "customers have names"
        );
        assert!(
            order.checkout.email.ends_with(".com")
                || order.checkout.email.ends_with(".net")
                || order.checkout.email.ends_with(".org"),
            "e-mails use example domains"
        );
    }
    assert_eq!(
        countries,
        BTreeSet::from(["FI", "NO", "SE"]),
        "customers come from three markets"
    );
}

#[test]
fn the_order_book_has_what_a_bridge_must_handle() {
    let data = sample();
    let orders = &data.orders;
    let currencies: BTreeSet<&str> = orders
        .iter()
        .filter_map(|order| order.checkout.currency_code.as_deref())
        .collect();
    assert_eq!(
        currencies,
        BTreeSet::from(["EUR", "NOK", "SEK"]),
        "orders come in SEK, EUR and NOK"
    );
    let has_line = |sku: &str| {
        orders
            .iter()
            .any(|order| order.checkout.lines.iter().any(|line| line.sku == sku))
    };
    assert!(
        has_line(FREIGHT_SKU),
        "some orders charge freight as a line"
    );
    assert!(
        has_line(INVOICE_FEE_SKU),
        "some orders charge the invoice fee as a line"
    );
    assert!(has_line(GIFT_WRAP_SKU), "some orders have gift wrapping");
    assert!(
        orders
            .iter()
            .any(|order| order.checkout.pickup_point_agent.is_some()),
        "some orders go to a pickup point"
    );
    assert!(
        orders
            .iter()
            .any(|order| order.checkout.shipping_method_id == 17),
        "some orders are click and collect"
    );
    assert!(
        orders
            .iter()
            .any(|order| order.checkout.delivery.company_name.is_some()),
        "some customers are companies"
    );
    assert!(
        orders.iter().any(|order| !order.checkout.is_complete),
        "some payments are unfinished"
    );
    for status in [
        SampleStatus::Created,
        SampleStatus::Picking,
        SampleStatus::Completed,
        SampleStatus::Canceled,
    ] {
        assert!(
            orders.iter().any(|order| order.status == status),
            "some orders are {status:?}"
        );
    }
    let shipped = orders
        .iter()
        .filter(|order| order.status == SampleStatus::Completed);
    assert!(
        shipped.clone().all(|order| order.tracking.is_some()),
        "shipped orders carry a tracking number"
    );
    assert!(
        orders
            .windows(2)
            .all(|pair| pair[0].minutes_ago > pair[1].minutes_ago),
        "orders are oldest first"
    );
}

#[test]
fn every_shipped_method_maps_to_a_transporter_contract() {
    let contracts = SampleData::transporter_contracts();
    let sim = brygga_sim::starweb::StarwebSim::new(starweb_harness::config());
    for method in sim.shipping_methods() {
        let mapped = contracts
            .iter()
            .any(|contract| contract.shipping_method_id == method.shipping_method_id);
        assert_eq!(
            mapped, !method.is_click_and_collect,
            "{} has a contract unless it is click and collect",
            method.name
        );
    }
}

#[tokio::test]
async fn loaded_sample_data_is_history_served_by_the_api() {
    let data = SampleData::generate(7, 30, 150);
    let shop = Shop::start().await;
    data.load_into(&shop.sim)
        .expect("the sample loads into an empty shop");
    assert_eq!(
        shop.sim.orders().len(),
        150,
        "every sample order is in the shop"
    );
    assert!(
        shop.sim.customer_emails().is_empty(),
        "loading history e-mails nobody"
    );
    assert!(
        shop.sim.processed_payments().is_empty(),
        "loading history processes no payments"
    );

    let complete = data
        .orders
        .iter()
        .filter(|order| order.checkout.is_complete)
        .count();
    let token = shop.token().await;
    let (status, page) = shop
        .get(&token, "/orders?include=items,addresses,status")
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the loaded orders are listed: {page}"
    );
    assert_eq!(
        page["meta"]["pagination"]["total"], complete,
        "the default list shows the orders whose payment completed"
    );
    let first = &page["data"][0];
    assert!(
        first["status"]["data"]["statusId"].is_u64(),
        "every order is in one of the shop's statuses"
    );
    assert!(
        first["createdAt"]
            .as_str()
            .is_some_and(|at| at.ends_with("+01:00") || at.ends_with("+02:00")),
        "times are written in Swedish time"
    );
}
