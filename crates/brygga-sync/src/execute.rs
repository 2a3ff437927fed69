//! Carrying out one planned operation: the calls it makes and what they changed.
//!
//! A retried operation may already have taken effect (the answer was lost, or the app was killed
//! after the call and before it was recorded). Writes that are harmless to repeat (upserts by
//! number, stock quantities) are simply sent again; an order the warehouse has started on since
//! refuses the repeat, so a retried first send then counts as done if that order is this one. A shop status change is not harmless: it can
//! e-mail the customer. So the order is always read first: a status already in place counts as
//! done, and an order whose number now belongs to another order is left alone. A retried
//! cancellation checks first whether it already happened.

use brygga_core::hash::ContentHash;
use brygga_core::mapping::{StatusMapping, WarehouseStage};
use brygga_core::operation::{DeliveredLine, Operation, Tracking};
use brygga_core::order::OrderProblem;
use brygga_core::order::WarehouseOrderDraft;
use brygga_core::remote::{Classified, FailureClass};
use brygga_ongoing::map::{article_upsert, order_upsert, warehouse_order};
use brygga_ongoing::orders::OrderQuery;
use brygga_ongoing::{OngoingClient, OngoingError};
use brygga_starweb::orders::StatusChange;
use brygga_starweb::{StarwebClient, StarwebError};

/// What an accepted operation changed, to be recorded with the outbox row in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    ArticleSent {
        sku: String,
        hash: ContentHash,
        warehouse_article_id: i32,
    },
    OrderSent {
        shop_order_id: i64,
        warehouse_order_id: i32,
        hash: ContentHash,
    },
    OrderCancelled {
        shop_order_id: i64,
    },
    ShopStatusWritten {
        shop_order_id: i64,
        status_id: i64,
        tracking: Option<String>,
    },
    StockWritten {
        sku: String,
        quantity: i64,
    },
    Released {
        shop_order_id: i64,
        released_status: i32,
        /// The picking status written to the shop, if any.
        shop_status: Option<i64>,
    },
    PutOnHold {
        shop_order_id: i64,
        held_status: i32,
    },
    PurchaseOrderSent {
        number: String,
        warehouse_purchase_order_id: i32,
        generation: u32,
    },
    PurchaseOrderCancelled {
        number: String,
    },
    ReceiptReported {
        number: String,
    },
    ReturnOrderSent {
        number: String,
        warehouse_return_order_id: i32,
    },
    ShopCommented,
}

/// A failed operation: how to treat it, and what to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub class: FailureClass,
    /// A short stable code for the log and the UI (`warehouse.rejected`, `shop.unavailable`).
    pub code: &'static str,
    pub message: String,
    /// For orders the warehouse refused: the reason to hold the order with.
    pub problem: Option<OrderProblem>,
}

impl From<OngoingError> for Failure {
    fn from(err: OngoingError) -> Self {
        let code = match &err {
            OngoingError::Unauthorized { .. } => "warehouse.unauthorized",
            OngoingError::Rejected { .. } => "warehouse.rejected",
            OngoingError::RateLimited { .. } => "warehouse.rate_limited",
            OngoingError::Unavailable { .. } => "warehouse.unavailable",
            OngoingError::BadRequest { .. } => "warehouse.bad_request",
            OngoingError::BadResponse { .. } => "warehouse.bad_response",
        };
        Failure {
            class: err.class(),
            code,
            message: err.to_string(),
            problem: None,
        }
    }
}

impl From<StarwebError> for Failure {
    fn from(err: StarwebError) -> Self {
        Failure {
            class: err.class(),
            code: match err.class() {
                FailureClass::Abort => "shop.refused",
                FailureClass::RetryAfter(_) => "shop.rate_limited",
                FailureClass::Transient => "shop.unavailable",
            },
            message: err.to_string(),
            problem: None,
        }
    }
}

/// The two clients an operation may use.
#[derive(Debug, Clone)]
pub struct Remotes {
    pub shop: StarwebClient,
    pub warehouse: OngoingClient,
}

/// Carries out `op`. `retry` is true when an earlier attempt may have reached the other side.
pub async fn execute(
    op: &Operation,
    retry: bool,
    remotes: &Remotes,
    statuses: &StatusMapping,
) -> Result<Effect, Failure> {
    match op {
        Operation::UpsertArticle { article, hash, .. } => {
            let id = remotes
                .warehouse
                .upsert_article(&article_upsert(article))
                .await?;
            Ok(Effect::ArticleSent {
                sku: article.sku.clone(),
                hash: *hash,
                warehouse_article_id: id,
            })
        }
        Operation::SendOrder {
            shop_order_id,
            draft,
            hash,
            generation,
            ..
        } => {
            let refused = |err| refusal(err, |message| OrderProblem::WarehouseRefused { message });
            let id = match remotes.warehouse.upsert_order(&order_upsert(draft)).await {
                Ok(id) => id,
                // A retried first send refused because the warehouse has started on the order: the
                // earlier attempt got there (its answer was lost, or Brygga was killed before it
                // recorded it) and the 3PL began picking since. If the warehouse's order under this
                // number is this draft, the send is done; taking the refusal would leave the order
                // held, its call dead and its statuses never followed. (Found by the CLI's
                // crash test.)
                Err(err @ OngoingError::Rejected { .. }) if retry && *generation == 0 => {
                    match landed(remotes, draft).await? {
                        Some(id) => id,
                        None => return Err(refused(err)),
                    }
                }
                Err(err) => return Err(refused(err)),
            };
            Ok(Effect::OrderSent {
                shop_order_id: *shop_order_id,
                warehouse_order_id: id,
                hash: *hash,
            })
        }
        Operation::CancelWarehouseOrder {
            shop_order_id,
            warehouse_order_id,
            ..
        } => {
            let cancelled_already =
                retry && is_cancelled(remotes, statuses, *warehouse_order_id).await?;
            if !cancelled_already {
                remotes
                    .warehouse
                    .cancel_order(*warehouse_order_id)
                    .await
                    .map_err(|err| refusal(err, |_| OrderProblem::CancelRefused))?;
            }
            Ok(Effect::OrderCancelled {
                shop_order_id: *shop_order_id,
            })
        }
        Operation::SetShopStatus {
            shop_order_id,
            identity,
            status_id,
            tracking,
            delivered,
            ..
        } => {
            set_shop_status(
                remotes,
                *shop_order_id,
                identity,
                *status_id,
                tracking.as_ref(),
                delivered,
            )
            .await
        }
        Operation::ReleaseOrder {
            shop_order_id,
            identity,
            warehouse_order_id,
            released_status,
            shop_status,
            ..
        } => {
            crate::release_ops::release(
                remotes,
                statuses,
                *shop_order_id,
                identity,
                *warehouse_order_id,
                *released_status,
                *shop_status,
            )
            .await
        }
        Operation::HoldOrder {
            shop_order_id,
            warehouse_order_id,
            held_status,
            ..
        } => {
            crate::release_ops::hold(
                remotes,
                statuses,
                *shop_order_id,
                *warehouse_order_id,
                *held_status,
            )
            .await
        }
        Operation::UpsertPurchaseOrder { .. }
        | Operation::CancelPurchaseOrder { .. }
        | Operation::AcknowledgeReceived { .. } => {
            crate::inbound::execute_inbound(op, retry, remotes).await
        }
        Operation::UpsertReturnOrder { .. } | Operation::CommentOnShopOrder { .. } => {
            crate::return_ops::execute_returns(op, retry, remotes).await
        }
        Operation::SetShopStock {
            sku,
            product_id,
            variant_id,
            quantity,
            ..
        } => {
            remotes
                .shop
                .set_variant_stock(id32(*product_id)?, id32(*variant_id)?, *quantity)
                .await?;
            Ok(Effect::StockWritten {
                sku: sku.clone(),
                quantity: *quantity,
            })
        }
    }
}

/// The shop order, if it is still the order Brygga sent. The shop may have deleted that order and
/// given its number to another customer's order since; that order must not get the first one's
/// status or notes (nor its customer the e-mail about them), so the write stops and the order is
/// held as a reused number.
pub(crate) async fn still_ours(
    remotes: &Remotes,
    order_id: i32,
    identity: &str,
) -> Result<brygga_starweb::order_model::Order, Failure> {
    let now = remotes.shop.order(order_id).await?;
    let current = brygga_starweb::map::shop_order(&now).map(|o| o.identity());
    if current.as_deref().ok() == Some(identity) {
        return Ok(now);
    }
    Err(Failure {
        class: FailureClass::Abort,
        code: "shop.order_replaced",
        message: format!(
            "shop order {order_id} is no longer the order Brygga sent ({identity}): the number \
             belongs to another order now; it was left as it is"
        ),
        problem: Some(OrderProblem::NumberReused {
            warehouse_order_id: None,
            warehouse_consignee: None,
        }),
    })
}

async fn set_shop_status(
    remotes: &Remotes,
    shop_order_id: i64,
    identity: &str,
    status_id: i64,
    tracking: Option<&Tracking>,
    delivered: &[DeliveredLine],
) -> Result<Effect, Failure> {
    let order_id = id32(shop_order_id)?;
    let status = id32(status_id)?;
    // Read first, every time: see [`still_ours`]. A status already in place counts as done, so
    // a retry (or an order someone moved by hand) never e-mails the customer twice.
    let now = still_ours(remotes, order_id, identity).await?;
    if now.status_id == Some(status) {
        return Ok(Effect::ShopStatusWritten {
            shop_order_id,
            status_id,
            tracking: now.shipping_tracking_no,
        });
    }
    // Lines and tracking first: the status change may e-mail the customer (and capture the
    // payment), and both should reflect what was actually sent.
    if !delivered.is_empty() {
        write_delivered(remotes, &now, delivered).await?;
    }
    if let Some(tracking) = tracking {
        let tracker_type = tracking.tracker_type.map(id32).transpose()?;
        remotes
            .shop
            .set_order_tracking(order_id, &tracking.number, tracker_type)
            .await?;
    }
    remotes
        .shop
        .set_order_status(
            order_id,
            StatusChange {
                status_id: status,
                email_customer: true,
                process_payment: true,
            },
        )
        .await?;
    Ok(Effect::ShopStatusWritten {
        shop_order_id,
        status_id,
        tracking: tracking.map(|t| t.number.clone()),
    })
}

/// The warehouse's id of its order under the draft's number, if that order has the draft's
/// consignee and lines (row, article, quantity): what a first send that reached the warehouse
/// left there.
async fn landed(remotes: &Remotes, draft: &WarehouseOrderDraft) -> Result<Option<i32>, Failure> {
    let found = remotes
        .warehouse
        .orders(&OrderQuery {
            order_numbers: vec![draft.order_number.clone()],
            ..OrderQuery::default()
        })
        .await?;
    let mut ours: Vec<(Option<&str>, Option<&str>, f64)> = draft
        .lines
        .iter()
        .map(|l| {
            (
                Some(l.row.as_str()),
                Some(l.sku.as_str()),
                l.quantity as f64,
            )
        })
        .collect();
    ours.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    Ok(found.iter().map(warehouse_order).find_map(|theirs| {
        let mut lines: Vec<(Option<&str>, Option<&str>, f64)> = theirs
            .lines
            .iter()
            .map(|l| (l.row.as_deref(), l.sku.as_deref(), l.ordered))
            .collect();
        lines.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        (theirs.order_number == draft.order_number
            && theirs.consignee_name == draft.consignee.name
            && lines == ours)
            .then_some(theirs.warehouse_order_id)
    }))
}

async fn is_cancelled(
    remotes: &Remotes,
    statuses: &StatusMapping,
    warehouse_order_id: i32,
) -> Result<bool, Failure> {
    let order = remotes.warehouse.order(warehouse_order_id).await?;
    let status = order.order_info.order_status.map_or(0, |s| s.number);
    Ok(statuses.stage(status) == WarehouseStage::Cancelled)
}

/// Makes the shop order's lines show what the warehouse delivered: a short line gets the delivered
/// quantity, a line the 3PL added is added, and a comment (in Swedish, like the shop's admin) says
/// what differed. Safe to repeat: quantities are set, not changed by a difference, a line is added
/// only when the order has none with that SKU, and the same comment is not added twice.
async fn write_delivered(
    remotes: &Remotes,
    order: &brygga_starweb::order_model::Order,
    delivered: &[DeliveredLine],
) -> Result<(), Failure> {
    let order_id = order.order_id;
    let items = order.items.clone().unwrap_or_default();
    let mut notes = Vec::new();
    for line in delivered {
        let quantity = line.delivered.floor() as i64;
        let item = line
            .row
            .as_deref()
            .and_then(|row| row.parse::<i32>().ok())
            .and_then(|row| items.iter().find(|item| item.item_id == Some(row)));
        match item {
            Some(item) => {
                if line.delivered < line.ordered {
                    notes.push(format!(
                        "{} {} av {} st",
                        line.sku, line.delivered, line.ordered
                    ));
                }
                if let Some(item_id) = item.item_id
                    && item.quantity != quantity
                {
                    remotes
                        .shop
                        .set_order_item_quantity(order_id, item_id, quantity)
                        .await?;
                }
            }
            None if quantity > 0 => {
                notes.push(format!(
                    "{} {} st tillagd av lagret",
                    line.sku, line.delivered
                ));
                if !items
                    .iter()
                    .any(|item| item.sku.as_deref() == Some(&line.sku))
                {
                    remotes
                        .shop
                        .add_order_item(order_id, &line.sku, "Tillagd av lagret", quantity)
                        .await?;
                }
            }
            None => {}
        }
    }
    if notes.is_empty() {
        return Ok(());
    }
    let text = format!("Lagret levererade: {}.", notes.join(", "));
    let noted = remotes
        .shop
        .order_comments(order_id)
        .await?
        .iter()
        .any(|comment| comment.text == text);
    if !noted {
        remotes.shop.add_order_comment(order_id, &text).await?;
    }
    Ok(())
}

/// A warehouse refusal of an order becomes a problem the order is held with.
fn refusal(err: OngoingError, problem: impl FnOnce(String) -> OrderProblem) -> Failure {
    let message = match &err {
        OngoingError::Rejected { message, .. } => Some(message.clone()),
        _ => None,
    };
    let mut failure = Failure::from(err);
    failure.problem = message.map(problem);
    failure
}

/// Starweb's ids are int32; a larger one cannot be a real id.
pub(crate) fn id32(id: i64) -> Result<i32, Failure> {
    i32::try_from(id).map_err(|_| Failure {
        class: FailureClass::Abort,
        code: "shop.bad_id",
        message: format!("{id} is not a valid Starweb id"),
        problem: None,
    })
}
