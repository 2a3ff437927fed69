//! The sample catalogue: Swedish home and outdoor goods, some in sizes or colours, each variant with a
//! unique SKU, a valid EAN-13 under Sweden's GS1 prefix 73, usually a manufacturer's part number, a
//! weight and a stock quantity; books at 6 % VAT and food at 12 %, the rest at 25 %. Three service
//! products that a warehouse never picks (freight, gift wrap, invoice fee) keep no stock.

use super::rng::Rng;
use crate::starweb::shop_actions::{NewProduct, NewVariant};

/// The freight line's SKU, for shops that charge freight as an order line.
pub const FREIGHT_SKU: &str = "FRAKT";
/// The gift-wrap service's SKU.
pub const GIFT_WRAP_SKU: &str = "PRESENTINSLAGNING";
/// The invoice-fee line's SKU, for shops that charge the fee as an order line.
pub const INVOICE_FEE_SKU: &str = "FAKTURAAVGIFT";

/// A size or colour: the label customers see and the code that ends the SKU.
type Axis = &'static [(&'static str, &'static str)];

const CLOTHES: Axis = &[("S", "S"), ("M", "M"), ("L", "L"), ("XL", "XL")];
const SOCKS: Axis = &[("36–39", "36-39"), ("40–42", "40-42"), ("43–46", "43-46")];
const COLOURS: Axis = &[("Grå", "GRA"), ("Svart", "SVA"), ("Röd", "ROD")];
const TOWELS: Axis = &[("50×70 cm", "50X70"), ("70×140 cm", "70X140")];

struct Template {
    name: &'static str,
    name_en: &'static str,
    weight_kg: f64,
    price_kr: i64,
    vat_rate: f64,
    axis: Axis,
}

const fn item(
    name: &'static str,
    name_en: &'static str,
    weight_kg: f64,
    price_kr: i64,
    axis: Axis,
) -> Template {
    Template {
        name,
        name_en,
        weight_kg,
        price_kr,
        vat_rate: 25.0,
        axis,
    }
}

const NONE: Axis = &[];

const TEMPLATES: &[Template] = &[
    item("Ullsockor", "Wool socks", 0.1, 149, SOCKS),
    item("Merinotröja", "Merino sweater", 0.35, 899, CLOTHES),
    item("Regnjacka", "Rain jacket", 0.65, 1295, CLOTHES),
    item("Mössa i ull", "Wool beanie", 0.09, 249, COLOURS),
    item("Termos 0,5 l", "Vacuum flask 0.5 l", 0.45, 349, NONE),
    item("Kaffekopp i stengods", "Stoneware mug", 0.32, 179, COLOURS),
    item("Skärbräda i ek", "Oak cutting board", 1.2, 449, NONE),
    item("Linneduk 150×250", "Linen tablecloth", 0.55, 599, COLOURS),
    item("Ljuslykta i glas", "Glass lantern", 0.4, 199, NONE),
    item("Yllefilt", "Wool blanket", 1.4, 1195, COLOURS),
    Template {
        name: "Kokbok: Svensk husmanskost",
        name_en: "Cookbook: Swedish home cooking",
        weight_kg: 0.9,
        price_kr: 299,
        vat_rate: 6.0,
        axis: NONE,
    },
    Template {
        name: "Kaffe mellanrost 500 g",
        name_en: "Medium roast coffee 500 g",
        weight_kg: 0.52,
        price_kr: 119,
        vat_rate: 12.0,
        axis: NONE,
    },
    Template {
        name: "Knäckebröd råg",
        name_en: "Rye crispbread",
        weight_kg: 0.3,
        price_kr: 45,
        vat_rate: 12.0,
        axis: NONE,
    },
    item("Stormkök", "Storm cooker", 1.1, 1495, NONE),
    item("Kåsa i björk", "Birch cup", 0.15, 329, NONE),
    item("Sittunderlag", "Sitting pad", 0.2, 129, NONE),
    item("Pannlampa", "Head torch", 0.12, 399, NONE),
    item("Ryggsäck 28 l", "Backpack 28 l", 0.95, 1095, COLOURS),
    item("Vattenflaska 0,75 l", "Water bottle 0.75 l", 0.2, 219, NONE),
    item("Badlakan", "Bath towel", 0.6, 299, TOWELS),
    item("Förkläde i linne", "Linen apron", 0.25, 349, NONE),
    item("Grytlappar 2-pack", "Pot holders 2-pack", 0.12, 129, NONE),
    item("Brödkorg", "Bread basket", 0.35, 249, NONE),
    item("Tändstickor storask", "Large matchbox", 0.05, 29, NONE),
];

/// Lines of the same goods, used to name further products once every template has been used.
const SERIES: &[&str] = &[
    "",
    "Fjäll",
    "Skärgård",
    "Nord",
    "Vinter",
    "Sommar",
    "Kust",
    "Skog",
];

const MAKERS: &[&str] = &["NK", "FJ", "SKG", "HMK", "LNV", "TRG"];

/// The EAN-13 check digit of twelve digits: weights 1, 3, 1, 3… from the left.
pub fn ean13_check_digit(first_twelve: &str) -> u32 {
    let sum: u32 = first_twelve
        .chars()
        .filter_map(|ch| ch.to_digit(10))
        .zip([1, 3].into_iter().cycle())
        .map(|(digit, weight)| digit * weight)
        .sum();
    (10 - sum % 10) % 10
}

/// The `serial`th EAN-13 of the sample brand: GS1 Sweden prefix 73, a company number, an item number.
pub fn ean13(serial: u64) -> String {
    let body = format!("{:012}", 735_001_200_000_u64 + serial);
    format!("{body}{}", ean13_check_digit(&body))
}

/// VAT-inclusive kronor to VAT-exclusive öre.
fn ex_vat_minor(price_kr: i64, vat_rate: f64) -> i64 {
    (price_kr as f64 * 100.0 * 100.0 / (100.0 + vat_rate)).round() as i64
}

pub(crate) fn products(rng: &mut Rng, count: usize) -> Vec<NewProduct> {
    let mut ean_serial = 0_u64;
    let mut products: Vec<NewProduct> = (0..count)
        .map(|index| {
            let template = &TEMPLATES[index % TEMPLATES.len()];
            let cycle = index / TEMPLATES.len();
            let series = match (SERIES.get(cycle), cycle / SERIES.len()) {
                (Some(series), _) => (*series).to_owned(),
                (None, round) => format!("{} {}", SERIES[cycle % SERIES.len()], round + 1),
            };
            let name = format!("{} {series}", template.name).trim().to_owned();
            let name_en = format!("{} {series}", template.name_en).trim().to_owned();
            let sku_base = format!("BR-{:04}", 1000 + index);
            let price_kr = template.price_kr + 50 * (cycle as i64 % 3);
            let maker = rng.pick(MAKERS);
            let part = rng.range(10_000, 99_999);
            let has_mpn = rng.chance(0.85);
            let axis: Axis = if template.axis.is_empty() {
                &[("", "")]
            } else {
                template.axis
            };
            let variants = axis
                .iter()
                .zip(0..)
                .map(|(&(label, code), position)| {
                    ean_serial += 1;
                    let suffix = if code.is_empty() {
                        String::new()
                    } else {
                        format!("-{code}")
                    };
                    let weight = template.weight_kg * (1.0 + 0.08 * f64::from(position));
                    NewVariant {
                        sku: format!("{sku_base}{suffix}"),
                        label: (!label.is_empty()).then(|| label.to_owned()),
                        ean: Some(ean13(ean_serial)),
                        mpn: has_mpn.then(|| format!("{maker}-{part}{suffix}")),
                        weight_in_kg: Some((weight * 1000.0).round() / 1000.0),
                        stock_quantity: Some(if rng.chance(0.08) {
                            0
                        } else {
                            rng.range(1, 150).into()
                        }),
                        price_ex_vat_minor: ex_vat_minor(price_kr, template.vat_rate),
                        is_active: !rng.chance(0.03),
                    }
                })
                .collect();
            NewProduct {
                name,
                name_en: Some(name_en),
                vat_rate: template.vat_rate,
                visible: !rng.chance(0.03),
                variants,
            }
        })
        .collect();
    products.extend(service_products());
    products
}

fn service(name: &str, name_en: &str, sku: &str, price_kr: i64) -> NewProduct {
    NewProduct {
        name: name.into(),
        name_en: Some(name_en.into()),
        vat_rate: 25.0,
        visible: true,
        variants: vec![NewVariant {
            sku: sku.into(),
            label: None,
            ean: None,
            mpn: None,
            weight_in_kg: None,
            stock_quantity: None,
            price_ex_vat_minor: ex_vat_minor(price_kr, 25.0),
            is_active: true,
        }],
    }
}

/// The products a warehouse never picks: they keep no stock and have no EAN or weight.
pub(crate) fn service_products() -> Vec<NewProduct> {
    vec![
        service("Frakt", "Shipping", FREIGHT_SKU, 0),
        service("Presentinslagning", "Gift wrapping", GIFT_WRAP_SKU, 29),
        service("Fakturaavgift", "Invoice fee", INVOICE_FEE_SKU, 29),
    ]
}
