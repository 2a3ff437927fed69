//! The one shop's mutable state behind the simulator's mutex, and the changes that more than one
//! route makes: changing an order's status (with its e-mail and payment side effects), numbering new
//! records, finding a variant by SKU, and metering requests against the per-minute limit.

use std::collections::{BTreeMap, HashMap, VecDeque};

use chrono::{DateTime, Duration, Utc};

use super::events::{CustomerEmail, EmailTrigger, ProcessedPayment};
use super::model::{Customer, OrderLine, Product, ShopOrder, Variant};
use super::setup::{STOCK_STATUS_IN_STOCK, STOCK_STATUS_OUT_OF_STOCK, ShopSetup};
use super::time::SimClock;

/// The first order number of an empty shop.
const FIRST_ORDER_ID: u32 = 1001;

/// Everything the simulated shop knows.
#[derive(Debug)]
pub(crate) struct ShopState {
    pub(crate) clock: SimClock,
    pub(crate) setup: ShopSetup,
    /// Access token -> the instant it stops working.
    pub(crate) tokens: HashMap<String, DateTime<Utc>>,
    pub(crate) requests_per_minute: u32,
    /// When each request admitted in the last minute arrived.
    pub(crate) recent_requests: VecDeque<DateTime<Utc>>,
    /// `"METHOD /template"` -> requests received.
    pub(crate) calls: BTreeMap<String, u64>,
    pub(crate) orders: BTreeMap<u32, ShopOrder>,
    /// Numbers of deleted orders, oldest first; a new order may take one again.
    pub(crate) deleted_order_ids: Vec<u32>,
    pub(crate) customers: BTreeMap<u32, Customer>,
    pub(crate) products: BTreeMap<u32, Product>,
    pub(crate) emails: Vec<CustomerEmail>,
    pub(crate) payments: Vec<ProcessedPayment>,
    next_order_id: u32,
    next_item_id: u32,
    next_comment_id: u32,
    next_customer_id: u32,
    next_product_id: u32,
    next_variant_id: u32,
}

impl ShopState {
    pub(crate) fn new(setup: ShopSetup, requests_per_minute: u32) -> Self {
        Self {
            clock: SimClock::default(),
            setup,
            tokens: HashMap::new(),
            requests_per_minute,
            recent_requests: VecDeque::new(),
            calls: BTreeMap::new(),
            orders: BTreeMap::new(),
            deleted_order_ids: Vec::new(),
            customers: BTreeMap::new(),
            products: BTreeMap::new(),
            emails: Vec::new(),
            payments: Vec::new(),
            next_order_id: FIRST_ORDER_ID,
            next_item_id: 1,
            next_comment_id: 1,
            next_customer_id: 1,
            next_product_id: 1,
            next_variant_id: 1,
        }
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Counts a request and says whether the per-minute limit lets it through (0 means no limit).
    /// Refused requests do not use up the allowance.
    pub(crate) fn admit(&mut self, call: String) -> bool {
        *self.calls.entry(call).or_default() += 1;
        if self.requests_per_minute == 0 {
            return true;
        }
        let now = self.now();
        let window_start = now - Duration::minutes(1);
        while self
            .recent_requests
            .front()
            .is_some_and(|at| *at <= window_start)
        {
            self.recent_requests.pop_front();
        }
        if self.recent_requests.len() >= self.requests_per_minute as usize {
            return false;
        }
        self.recent_requests.push_back(now);
        true
    }

    /// The number a new order gets: the next in sequence, or `wanted` if that number is free.
    pub(crate) fn order_number(&mut self, wanted: Option<u32>) -> Option<u32> {
        match wanted {
            Some(id) if self.orders.contains_key(&id) || id == 0 => None,
            Some(id) => {
                self.deleted_order_ids.retain(|deleted| *deleted != id);
                self.next_order_id = self.next_order_id.max(id + 1);
                Some(id)
            }
            None => {
                let id = self.next_order_id;
                self.next_order_id += 1;
                Some(id)
            }
        }
    }

    pub(crate) fn item_id(&mut self) -> u32 {
        self.next_item_id += 1;
        self.next_item_id - 1
    }

    pub(crate) fn comment_id(&mut self) -> u32 {
        self.next_comment_id += 1;
        self.next_comment_id - 1
    }

    pub(crate) fn customer_id(&mut self) -> u32 {
        self.next_customer_id += 1;
        self.next_customer_id - 1
    }

    pub(crate) fn product_id(&mut self) -> u32 {
        self.next_product_id += 1;
        self.next_product_id - 1
    }

    pub(crate) fn variant_id(&mut self) -> u32 {
        self.next_variant_id += 1;
        self.next_variant_id - 1
    }

    /// Gives fresh item ids to lines, keeping an id only where it already belongs to this order.
    pub(crate) fn number_lines(&mut self, kept_ids: &[u32], lines: &mut [OrderLine]) {
        let mut used = Vec::with_capacity(lines.len());
        for line in lines {
            if !kept_ids.contains(&line.item_id) || used.contains(&line.item_id) {
                line.item_id = self.item_id();
            }
            used.push(line.item_id);
        }
    }

    pub(crate) fn find_variant(&self, sku: &str) -> Option<(&Product, &Variant)> {
        self.products.values().find_map(|product| {
            product
                .variants
                .iter()
                .find(|variant| variant.sku == sku)
                .map(|variant| (product, variant))
        })
    }

    pub(crate) fn find_variant_mut(&mut self, sku: &str) -> Option<(&mut Product, usize)> {
        self.products.values_mut().find_map(|product| {
            let index = product
                .variants
                .iter()
                .position(|variant| variant.sku == sku)?;
            Some((product, index))
        })
    }

    /// Deletes an order for good; its number becomes free for a later order to take.
    pub(crate) fn delete_order(&mut self, order_id: u32) -> Option<ShopOrder> {
        let order = self.orders.remove(&order_id)?;
        self.deleted_order_ids.push(order_id);
        Some(order)
    }

    /// Records the order-confirmation e-mail of a newly placed order.
    pub(crate) fn confirm_order(&mut self, order_id: u32) {
        let now = self.now();
        let Some(order) = self.orders.get(&order_id) else {
            return;
        };
        if !order.send_emails_on_status_change {
            return;
        }
        let status_id_code = self
            .setup
            .status(order.status_id)
            .and_then(|status| status.id_code.clone());
        self.emails.push(CustomerEmail {
            order_id,
            to: order.details.original_customer_email.clone(),
            trigger: EmailTrigger::OrderPlaced,
            status_id: order.status_id,
            status_id_code,
            sent_at: now,
        });
    }

    /// Moves an order to another status. A real change e-mails the customer when the new status's
    /// `shouldSendEmail` is set, this call allows it and the order's persistent switch is on; and it
    /// processes the payment unless this call says not to. Setting the status it already has does
    /// neither.
    pub(crate) fn change_status(
        &mut self,
        order_id: u32,
        status_id: u32,
        send_email: bool,
        process_payment: bool,
    ) {
        let now = self.now();
        let Some(status) = self.setup.status(status_id).cloned() else {
            return;
        };
        let Some(order) = self.orders.get_mut(&order_id) else {
            return;
        };
        if order.status_id == status_id {
            return;
        }
        order.status_id = status_id;
        order.modified_at = now;
        if status.should_send_email && send_email && order.send_emails_on_status_change {
            self.emails.push(CustomerEmail {
                order_id,
                to: order.details.original_customer_email.clone(),
                trigger: EmailTrigger::StatusChanged,
                status_id,
                status_id_code: status.id_code.clone(),
                sent_at: now,
            });
        }
        if process_payment {
            self.payments.push(ProcessedPayment {
                order_id,
                status_id,
                status_id_code: status.id_code,
                processed_at: now,
            });
        }
    }

    /// Sets a variant's stock. Without a forced status the shop's rule picks one: in stock above
    /// zero, out of stock otherwise (the in-stock status names out-of-stock as its stock-out status).
    pub(crate) fn set_variant_stock(
        &mut self,
        product_id: u32,
        index: usize,
        quantity: Option<i64>,
        forced_status: Option<u32>,
    ) {
        let now = self.now();
        let Some(product) = self.products.get_mut(&product_id) else {
            return;
        };
        let Some(variant) = product.variants.get_mut(index) else {
            return;
        };
        variant.stock_quantity = quantity;
        variant.stock_status_id = match (forced_status, quantity) {
            (Some(status), _) => Some(status),
            (None, Some(quantity)) if quantity > 0 => Some(STOCK_STATUS_IN_STOCK),
            (None, Some(_)) => Some(STOCK_STATUS_OUT_OF_STOCK),
            (None, None) => variant.stock_status_id,
        };
        product.modified_at = now;
    }
}
