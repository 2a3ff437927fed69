//! Sample data for the Starweb simulator: a deterministic catalogue and order book that look like a
//! small Swedish web shop's, for `brygga demo`, the scenario tests and anyone trying the product
//! without an account.
//!
//! The same seed and sizes always give the same data, on every platform and with every version of
//! the `rand` crate, because the generator uses its own small SplitMix64 ([`rng`]) rather than a
//! library RNG whose stream may change. Order times are kept as "minutes before loading" so that
//! loaded orders are recent whenever the data is loaded, while the data itself stays the same.
//!
//! The order book has what the bridge must handle: SEK, EUR and NOK; Swedish, Norwegian and Finnish
//! addresses; pickup-point shipping with an nShift agent; click and collect (never sent to the
//! warehouse); freight, gift-wrap and invoice-fee lines that are not picked; company customers;
//! checkout comments; unfinished payments; and older orders already picking, shipped with a tracking
//! number, or cancelled.

mod catalogue;
mod orders;
mod people;
mod rng;

use chrono::Duration;

pub use catalogue::{FREIGHT_SKU, GIFT_WRAP_SKU, INVOICE_FEE_SKU, ean13, ean13_check_digit};

use super::StarwebSim;
use super::setup::{
    SHIPPING_DHL_SERVICE_POINT, SHIPPING_MYPACK_COLLECT, SHIPPING_MYPACK_HOME,
    SHIPPING_SCHENKER_OMBUD, SHIPPING_SCHENKER_PARCEL, STATUS_AWAITING_STOCK, STATUS_CANCELED,
    STATUS_COMPLETED, STATUS_CREATED, STATUS_PICKING, STATUS_READY_FOR_PICKUP, ShopSetup,
};
use super::shop_actions::{NewProduct, PlaceOrder, ShopError};
use super::shopper;
use rng::Rng;

/// Where a sample order stands when it is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleStatus {
    Created,
    Picking,
    Completed,
    Canceled,
    /// The shop's own status for orders waiting for goods (no `idCode`).
    AwaitingStock,
    /// The shop's own status for click-and-collect orders ready in the store (no `idCode`).
    ReadyForPickup,
}

impl SampleStatus {
    fn status_id(self) -> u32 {
        match self {
            SampleStatus::Created => STATUS_CREATED,
            SampleStatus::Picking => STATUS_PICKING,
            SampleStatus::Completed => STATUS_COMPLETED,
            SampleStatus::Canceled => STATUS_CANCELED,
            SampleStatus::AwaitingStock => STATUS_AWAITING_STOCK,
            SampleStatus::ReadyForPickup => STATUS_READY_FOR_PICKUP,
        }
    }
}

/// A waybill already on a shipped order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleTracking {
    /// Id from `GET /shipping-tracking-types`.
    pub tracker_type: u32,
    pub number: String,
}

/// One order of the sample order book.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleOrder {
    pub checkout: PlaceOrder,
    /// How long before loading the customer checked out.
    pub minutes_ago: u32,
    pub status: SampleStatus,
    pub tracking: Option<SampleTracking>,
}

/// A warehouse transporter contract that a shipping method maps to: plain data for the Ongoing side
/// and for transport-mapping defaults. Click and collect has none: it is not sent to the warehouse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransporterContract {
    pub shipping_method_id: u32,
    pub shipping_method_name: String,
    pub transporter_code: String,
    pub transporter_name: String,
    pub service_code: String,
    pub service_name: String,
}

/// A generated catalogue and order book.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleData {
    pub seed: u64,
    /// The generated products, then the three service products.
    pub products: Vec<NewProduct>,
    /// Oldest first.
    pub orders: Vec<SampleOrder>,
}

/// How long back the order book reaches.
const ORDER_BOOK_MINUTES: u32 = 14 * 24 * 60;

impl SampleData {
    /// `products` stock products (plus the three service products) and `orders` orders from `seed`.
    pub fn generate(seed: u64, products: usize, orders: usize) -> Self {
        let mut rng = Rng::new(seed);
        let products = catalogue::products(&mut rng, products);
        let setup = ShopSetup::swedish_demo("");
        let basket: Vec<&str> = products
            .iter()
            .filter(|product| product.visible)
            .flat_map(|product| &product.variants)
            .filter(|variant| variant.is_active && variant.stock_quantity.is_some())
            .map(|variant| variant.sku.as_str())
            .collect();
        let step = (ORDER_BOOK_MINUTES / u32::try_from(orders.max(1)).unwrap_or(u32::MAX)).max(1);
        let orders = (0..orders)
            .map(|index| {
                let left = u32::try_from(orders - index).unwrap_or(u32::MAX);
                let minutes_ago = left
                    .saturating_mul(step)
                    .saturating_sub(rng.range(0, step - 1));
                let age = index as f64 / orders as f64;
                orders::sample_order(&mut rng, &setup, &basket, index, minutes_ago, age)
            })
            .collect();
        Self {
            seed,
            products,
            orders,
        }
    }

    /// Fills a shop with this data: products first, then the orders at their times before now, in
    /// their statuses. Loading sends no e-mails and processes no payments: this is history.
    pub fn load_into(&self, sim: &StarwebSim) -> Result<(), ShopError> {
        let now = sim.now();
        let loaded = self.products.len();
        for (product, index) in self.products.iter().zip(0..) {
            let product_id = sim.add_product(product.clone())?;
            let mut state = sim.lock();
            if let Some(product) = state.products.get_mut(&product_id) {
                product.created_at = now - Duration::days(90) + Duration::minutes(index);
                product.modified_at = product.created_at;
            }
        }
        let mut state = sim.lock();
        for sample in &self.orders {
            let created_at = now - Duration::minutes(sample.minutes_ago.into());
            let checkout = PlaceOrder {
                created_at: Some(created_at),
                send_email: false,
                ..sample.checkout.clone()
            };
            let order_id = shopper::place_order(&mut state, checkout)?;
            let Some(order) = state.orders.get_mut(&order_id) else {
                continue;
            };
            order.status_id = sample.status.status_id();
            if sample.status != SampleStatus::Created {
                order.is_read = true;
                order.modified_at = created_at + Duration::minutes((sample.minutes_ago / 3).into());
            }
            if let Some(tracking) = &sample.tracking {
                order.details.shipping_tracker_type = Some(tracking.tracker_type);
                order.details.shipping_tracking_no = Some(tracking.number.clone());
            }
        }
        tracing::debug!(
            products = loaded,
            orders = self.orders.len(),
            "loaded Starweb sample data"
        );
        Ok(())
    }

    /// The transporter contracts the sample shipping methods map to.
    pub fn transporter_contracts() -> Vec<TransporterContract> {
        let contract =
            |id, method: &str, code: &str, name: &str, service: &str, service_name: &str| {
                TransporterContract {
                    shipping_method_id: id,
                    shipping_method_name: method.into(),
                    transporter_code: code.into(),
                    transporter_name: name.into(),
                    service_code: service.into(),
                    service_name: service_name.into(),
                }
            };
        vec![
            contract(
                SHIPPING_MYPACK_COLLECT,
                "PostNord MyPack Collect",
                "PLAB",
                "PostNord",
                "P19",
                "MyPack Collect",
            ),
            contract(
                SHIPPING_MYPACK_HOME,
                "PostNord MyPack Home",
                "PLAB",
                "PostNord",
                "P17",
                "MyPack Home",
            ),
            contract(
                SHIPPING_SCHENKER_OMBUD,
                "DB Schenker Ombud",
                "SBTL",
                "DB Schenker",
                "BHP",
                "Ombud",
            ),
            contract(
                SHIPPING_SCHENKER_PARCEL,
                "DB Schenker Parcel",
                "SBTL",
                "DB Schenker",
                "BPA",
                "Parcel",
            ),
            contract(
                SHIPPING_DHL_SERVICE_POINT,
                "DHL Service Point",
                "DHL",
                "DHL Freight",
                "ASPO",
                "Service Point",
            ),
        ]
    }
}
