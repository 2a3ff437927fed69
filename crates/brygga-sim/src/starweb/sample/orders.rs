//! One sample order: a customer from one of the three markets, a shipping and payment method that
//! fit (click and collect only in Sweden, Swish only in SEK), a basket of stock SKUs, sometimes
//! freight, gift wrap or an invoice fee as lines, and a status that depends on the order's age.

use super::people::{self, Market};
use super::rng::Rng;
use super::{
    FREIGHT_SKU, GIFT_WRAP_SKU, INVOICE_FEE_SKU, SampleOrder, SampleStatus, SampleTracking,
};
use crate::starweb::model::Address;
use crate::starweb::setup::{
    PAYMENT_IN_STORE, PAYMENT_INVOICE, PAYMENT_KLARNA, PAYMENT_SWISH, SHIPPING_CLICK_AND_COLLECT,
    SHIPPING_MYPACK_COLLECT, SHIPPING_MYPACK_HOME, SHIPPING_SCHENKER_OMBUD,
    SHIPPING_SCHENKER_PARCEL, ShopSetup, TRACKER_POSTNORD, TRACKER_SCHENKER,
};
use crate::starweb::shop_actions::{PlaceOrder, PlacedLine};

fn address(person: &people::Person) -> Address {
    Address {
        company_name: person.company.clone(),
        first_name: Some(person.first_name.clone()),
        last_name: Some(person.last_name.clone()),
        address: Some(person.street.clone()),
        postal_code: Some(person.postal_code.clone()),
        city: Some(person.city.clone()),
        country_code: Some(person.country_code.into()),
        mobile_phone_no: Some(person.mobile.clone()),
        ..Address::default()
    }
}

pub(crate) fn sample_order(
    rng: &mut Rng,
    setup: &ShopSetup,
    basket: &[&str],
    index: usize,
    minutes_ago: u32,
    age: f64,
) -> SampleOrder {
    let market = rng.weighted(&[
        (Market::Sweden, 80),
        (Market::Norway, 10),
        (Market::Finland, 10),
    ]);
    let (currency, lang) = match market {
        Market::Sweden => ("SEK", "sv"),
        Market::Norway => ("NOK", "en"),
        Market::Finland => ("EUR", "en"),
    };
    let person = people::person(rng, market);
    let shipping_method_id = match market {
        Market::Sweden => rng.weighted(&[
            (SHIPPING_MYPACK_COLLECT, 38),
            (SHIPPING_MYPACK_HOME, 20),
            (SHIPPING_SCHENKER_OMBUD, 12),
            (SHIPPING_SCHENKER_PARCEL, 12),
            (SHIPPING_CLICK_AND_COLLECT, 18),
        ]),
        Market::Norway | Market::Finland => {
            rng.weighted(&[(SHIPPING_MYPACK_COLLECT, 60), (SHIPPING_MYPACK_HOME, 40)])
        }
    };
    let click_and_collect = shipping_method_id == SHIPPING_CLICK_AND_COLLECT;
    let payment_method_id = match (click_and_collect, market) {
        (true, _) => rng.weighted(&[(PAYMENT_SWISH, 1), (PAYMENT_IN_STORE, 1)]),
        (false, Market::Sweden) => rng.weighted(&[
            (PAYMENT_KLARNA, 55),
            (PAYMENT_SWISH, 20),
            (PAYMENT_INVOICE, 25),
        ]),
        (false, _) => rng.weighted(&[(PAYMENT_KLARNA, 75), (PAYMENT_INVOICE, 25)]),
    };
    let rate = setup
        .currency(currency)
        .map_or(1.0, |currency| currency.exchange_rate);
    let mut lines = Vec::new();
    let wanted = rng
        .weighted(&[(1_usize, 45), (2, 30), (3, 15), (4, 10)])
        .min(basket.len());
    while lines.len() < wanted {
        let sku = *rng.pick(basket);
        if lines.iter().all(|line: &PlacedLine| line.sku != sku) {
            let quantity = rng.weighted(&[(1, 75), (2, 15), (3, 7), (5, 3)]);
            lines.push(PlacedLine {
                sku: sku.into(),
                quantity,
                description: None,
                unit_price_minor: None,
                vat_rate: None,
            });
        }
    }
    let freight_as_line = !click_and_collect && rng.chance(0.2);
    if freight_as_line {
        let method = setup.shipping_method(shipping_method_id);
        let price = method.map_or(0, |method| method.price_incl_vat_minor * 100 / 125);
        let name = method.map_or_else(String::new, |method| method.name.clone());
        lines.push(PlacedLine {
            sku: FREIGHT_SKU.into(),
            quantity: 1,
            description: Some(format!("Frakt – {name}")),
            unit_price_minor: Some((price as f64 * rate).round() as i64),
            vat_rate: Some(25.0),
        });
    }
    if rng.chance(0.1) {
        lines.push(PlacedLine {
            sku: GIFT_WRAP_SKU.into(),
            quantity: 1,
            description: None,
            unit_price_minor: None,
            vat_rate: None,
        });
    }
    let fee_as_line = payment_method_id == PAYMENT_INVOICE && rng.chance(0.5);
    if fee_as_line {
        lines.push(PlacedLine {
            sku: INVOICE_FEE_SKU.into(),
            quantity: 1,
            description: None,
            unit_price_minor: None,
            vat_rate: None,
        });
    }
    let is_complete = !rng.chance(0.04);
    let status = if !is_complete {
        SampleStatus::Created
    } else if age < 0.35 {
        let shipped = if click_and_collect {
            SampleStatus::ReadyForPickup
        } else {
            SampleStatus::Completed
        };
        rng.weighted(&[
            (shipped, 70),
            (SampleStatus::Canceled, 10),
            (SampleStatus::Picking, 5),
            (SampleStatus::Created, 10),
            (SampleStatus::AwaitingStock, 5),
        ])
    } else {
        rng.weighted(&[
            (SampleStatus::Created, 90),
            (SampleStatus::Picking, 5),
            (SampleStatus::AwaitingStock, 3),
            (SampleStatus::Canceled, 2),
        ])
    };
    let tracking = (status == SampleStatus::Completed).then(|| match shipping_method_id {
        SHIPPING_SCHENKER_OMBUD | SHIPPING_SCHENKER_PARCEL => SampleTracking {
            tracker_type: TRACKER_SCHENKER,
            number: format!("{:010}", 1_000_000_000 + rng.below(8_999_999_999)),
        },
        _ => SampleTracking {
            tracker_type: TRACKER_POSTNORD,
            number: format!("003735004895{:08}", rng.below(100_000_000)),
        },
    });
    let pickup_point = setup
        .shipping_method(shipping_method_id)
        .is_some_and(|method| method.pickup_point);
    let checkout = PlaceOrder {
        order_id: None,
        reuse_deleted_number: false,
        email: people::email(&person, index),
        national_id_no: None,
        delivery: address(&person),
        invoice: None,
        lines,
        shipping_method_id,
        payment_method_id,
        currency_code: Some(currency.into()),
        lang_code: Some(lang.into()),
        is_complete,
        charge_shipping: !freight_as_line,
        charge_payment_fee: !fee_as_line,
        pickup_point_agent: pickup_point.then(|| rng.range(100_000, 999_999).to_string()),
        comment: rng
            .chance(0.15)
            .then(|| (*rng.pick(people::CHECKOUT_COMMENTS)).to_owned()),
        created_at: None,
        send_email: true,
    };
    SampleOrder {
        checkout,
        minutes_ago,
        status,
        tracking,
    }
}
