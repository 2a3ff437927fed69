//! The one shop the simulator seeds: "Brygga Demobutik", a Swedish shop selling in SEK, EUR and NOK
//! with PostNord and DB Schenker (home and service point), click and collect in its Göteborg store,
//! an inactive DHL method, Klarna, Swish, invoice with a fee, and payment in store. Prices of methods
//! are VAT-inclusive kronor as a merchant enters them; the order gets them without VAT.

use super::setup::{
    Currency, LocalName, OrderStatus, PAYMENT_IN_STORE, PAYMENT_INVOICE, PAYMENT_KLARNA,
    PAYMENT_SWISH, PaymentMethod, SHIPPING_CLICK_AND_COLLECT, SHIPPING_DHL_SERVICE_POINT,
    SHIPPING_MYPACK_COLLECT, SHIPPING_MYPACK_HOME, SHIPPING_SCHENKER_OMBUD,
    SHIPPING_SCHENKER_PARCEL, STATUS_AWAITING_STOCK, STATUS_CANCELED, STATUS_COMPLETED,
    STATUS_CREATED, STATUS_PICKING, STATUS_READY_FOR_PICKUP, STOCK_STATUS_ALWAYS_AVAILABLE,
    STOCK_STATUS_IN_STOCK, STOCK_STATUS_OUT_OF_STOCK, ShippingMethod, ShopInfo, ShopSetup,
    StockStatus, TRACKER_DHL, TRACKER_POSTNORD, TRACKER_SCHENKER, TrackingType,
};

fn names(sv: &str, en: &str) -> Vec<LocalName> {
    vec![
        LocalName {
            lang_code: "sv".into(),
            name: sv.into(),
        },
        LocalName {
            lang_code: "en".into(),
            name: en.into(),
        },
    ]
}

fn status(id: u32, id_code: Option<&str>, email: bool, sv: &str, en: &str) -> OrderStatus {
    OrderStatus {
        status_id: id,
        id_code: id_code.map(str::to_owned),
        should_send_email: email,
        names: names(sv, en),
    }
}

struct Method<'a> {
    id: u32,
    name: &'a str,
    name_en: &'a str,
    price_kr: i64,
    tracker: Option<u32>,
    pickup_point: bool,
    external_id: Option<&'a str>,
}

fn shipping(method: Method<'_>) -> ShippingMethod {
    ShippingMethod {
        shipping_method_id: method.id,
        name: method.name.into(),
        name_en: method.name_en.into(),
        active: method.id != SHIPPING_DHL_SERVICE_POINT,
        is_click_and_collect: method.id == SHIPPING_CLICK_AND_COLLECT,
        pickup_point: method.pickup_point,
        external_id: method.external_id.map(str::to_owned),
        price_incl_vat_minor: method.price_kr * 100,
        vat_rate: 25.0,
        tracker_type: method.tracker,
        valid_countries: ["SE", "NO", "FI"].map(String::from).to_vec(),
    }
}

fn payment(id: u32, id_code: &str, name: &str, name_en: &str, fee_kr: i64) -> PaymentMethod {
    PaymentMethod {
        payment_method_id: id,
        id_code: id_code.into(),
        name: name.into(),
        name_en: name_en.into(),
        active: true,
        fee_incl_vat_minor: fee_kr * 100,
        is_click_and_collect: id == PAYMENT_IN_STORE,
    }
}

impl ShopSetup {
    pub(crate) fn swedish_demo(shop_id_code: &str) -> Self {
        let statuses = vec![
            status(
                STATUS_CANCELED,
                Some("canceled"),
                true,
                "Makulerad",
                "Canceled",
            ),
            status(
                STATUS_CREATED,
                Some("created"),
                true,
                "Ny order",
                "Order created",
            ),
            status(
                STATUS_AWAITING_STOCK,
                None,
                false,
                "Väntar på inleverans",
                "Awaiting stock",
            ),
            status(
                STATUS_COMPLETED,
                Some("completed"),
                true,
                "Skickad",
                "Shipped",
            ),
            status(STATUS_PICKING, Some("picking"), false, "Plockas", "Picking"),
            status(
                STATUS_READY_FOR_PICKUP,
                None,
                true,
                "Redo att hämta",
                "Ready for pickup",
            ),
        ];
        let method = |id, name, name_en, price_kr, tracker, pickup_point, external_id| {
            shipping(Method {
                id,
                name,
                name_en,
                price_kr,
                tracker,
                pickup_point,
                external_id,
            })
        };
        let shipping_methods = vec![
            method(
                SHIPPING_MYPACK_COLLECT,
                "PostNord MyPack Collect",
                "PostNord service point",
                49,
                Some(TRACKER_POSTNORD),
                true,
                Some("PN-MPC"),
            ),
            method(
                SHIPPING_MYPACK_HOME,
                "PostNord MyPack Home",
                "PostNord home delivery",
                79,
                Some(TRACKER_POSTNORD),
                false,
                Some("PN-MPH"),
            ),
            method(
                SHIPPING_SCHENKER_OMBUD,
                "DB Schenker Ombud",
                "DB Schenker service point",
                45,
                Some(TRACKER_SCHENKER),
                true,
                Some("DBS-OMBUD"),
            ),
            method(
                SHIPPING_SCHENKER_PARCEL,
                "DB Schenker Parcel",
                "DB Schenker parcel",
                99,
                Some(TRACKER_SCHENKER),
                false,
                Some("DBS-PARCEL"),
            ),
            method(
                SHIPPING_CLICK_AND_COLLECT,
                "Hämta i butik",
                "Click and collect",
                0,
                None,
                false,
                None,
            ),
            method(
                SHIPPING_DHL_SERVICE_POINT,
                "DHL Service Point",
                "DHL service point",
                55,
                Some(TRACKER_DHL),
                true,
                Some("DHL-SP"),
            ),
        ];
        let payment_methods = vec![
            payment(PAYMENT_KLARNA, "klarna_checkout", "Klarna", "Klarna", 0),
            payment(PAYMENT_SWISH, "swish", "Swish", "Swish", 0),
            payment(PAYMENT_INVOICE, "invoice", "Faktura", "Invoice", 29),
            payment(
                PAYMENT_IN_STORE,
                "custom",
                "Betala i butik",
                "Pay in store",
                0,
            ),
        ];
        let currency = |code: &str, exchange_rate| Currency {
            code: code.into(),
            exchange_rate,
            precision: 2,
        };
        let tracking = |tracker_type, name: &str| TrackingType {
            tracker_type,
            name: name.into(),
        };
        let stock =
            |id, id_code: Option<&str>, name: &str, in_stock, buyable, stockout| StockStatus {
                stock_status_id: id,
                id_code: id_code.map(str::to_owned),
                name: name.into(),
                in_stock,
                buyable,
                stockout_new_status_id: stockout,
            };
        Self {
            info: ShopInfo {
                name: "Brygga Demobutik".into(),
                id_code: shop_id_code.into(),
                status: "open".into(),
                default_lang_code: "sv".into(),
                active_lang_codes: vec!["sv".into(), "en".into()],
                base_currency: "SEK".into(),
                default_customer_country_code: "SE".into(),
                general_default_vat_rate: 25.0,
                shop_company_name: "Brygga Handel AB".into(),
                shop_address: "Skeppsbron 12".into(),
                shop_postal_code: "411 21".into(),
                shop_city: "Göteborg".into(),
                shop_org_no: "559012-3456".into(),
                shop_phone_no: "+46311234567".into(),
                shop_vat_no: "SE559012345601".into(),
                shop_country_code: "SE".into(),
            },
            statuses,
            shipping_methods,
            payment_methods,
            currencies: vec![
                currency("SEK", 1.0),
                currency("EUR", 0.087),
                currency("NOK", 0.97),
            ],
            tracking_types: vec![
                tracking(TRACKER_POSTNORD, "Posten Sverige"),
                tracking(TRACKER_DHL, "DHL"),
                tracking(TRACKER_SCHENKER, "DB Schenker"),
                tracking(4, "Bring"),
                tracking(5, "UPS"),
            ],
            stock_statuses: vec![
                stock(
                    STOCK_STATUS_IN_STOCK,
                    Some("inStock"),
                    "I lager",
                    true,
                    true,
                    Some(STOCK_STATUS_OUT_OF_STOCK),
                ),
                stock(
                    STOCK_STATUS_OUT_OF_STOCK,
                    Some("outOfStock"),
                    "Slut i lager",
                    false,
                    false,
                    None,
                ),
                stock(3, None, "Beställningsvara", false, true, None),
                stock(
                    STOCK_STATUS_ALWAYS_AVAILABLE,
                    None,
                    "Alltid tillgänglig",
                    true,
                    true,
                    None,
                ),
            ],
        }
    }
}
