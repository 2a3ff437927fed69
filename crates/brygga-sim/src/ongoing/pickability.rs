//! `GET /api/v1/orders/pickability`: whether the warehouse could pick each order now, which the
//! merchant looks at before releasing a batch.
//!
//! Pickability follows the five values the spec lists, read as: `NothingToAllocate` (nothing left
//! to pick), `Ok` (enough free stock even if every other open order is served too), `ByPriority`
//! (enough when open orders are served in order-id order), `NotByPriority` (enough stock exists,
//! but earlier orders take it) and `NotOk` (not enough stock). An order gets its worst line's value.
//!
//! Open orders are weighed in order-id order; `expectedPickable` tells whether advised inbound
//! goods would cover a line and when the earliest purchase order carrying them is due.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Utc};

use super::OngoingSim;
use super::article_view::article_kind;
use super::http::{QueryParams, format_time, json, parse_time};
use super::stock::StockLedger;
use super::wire::StatusNumberText;
use super::wire::order_view::{
    ExpectedPickable, PickabilityArticle, PickabilityInfo, PickabilityLine, PickabilityModel,
    PickabilityOrderInfo, PickabilityResult,
};
use super::wms::{Order, OrderLine, Wms};

pub(super) fn routes() -> Router<OngoingSim> {
    Router::new().route("/api/v1/orders/pickability", get(pickability))
}

async fn pickability(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("Orders_GetPickability", &headers, |wms| {
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let ids = query.ints("orderIds")?;
        let numbers = query.all("orderNumbers");
        let id_from = query.int("orderIdFrom")?;
        let limit = query
            .int("maxOrdersToGet")?
            .map_or(usize::MAX, |max| usize::try_from(max).unwrap_or(0));
        let only_booked = query.flag("onlyBookedOrders")?.unwrap_or(false);
        let assessment = Assessment::compute(wms);
        let pickability_results = wms
            .orders
            .range(id_from.unwrap_or(i32::MIN)..)
            .map(|(_, order)| order)
            .filter(|order| ids.is_empty() || ids.contains(&order.id))
            .filter(|order| {
                numbers.is_empty() || numbers.contains(&order.header.order_number.as_str())
            })
            .filter(|order| !only_booked || !wms.order_stage(order).is_final())
            .take(limit)
            .map(|order| assessment.result(wms, order))
            .collect();
        Ok(json(
            StatusCode::OK,
            &PickabilityModel {
                pickability_results,
            },
        ))
    })
}

/// The pickability values, ordered from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pickability {
    NothingToAllocate,
    Ok,
    ByPriority,
    NotByPriority,
    NotOk,
}

impl Pickability {
    fn text(self) -> &'static str {
        match self {
            Self::NothingToAllocate => "NothingToAllocate",
            Self::Ok => "Ok",
            Self::ByPriority => "ByPriority",
            Self::NotByPriority => "NotByPriority",
            Self::NotOk => "NotOk",
        }
    }
}

/// Each open order line's pickability and whether advised inbound goods would cover it.
struct Assessment {
    lines: HashMap<i32, (Pickability, bool)>,
    expected_in: HashMap<i32, DateTime<Utc>>,
}

impl Assessment {
    fn compute(wms: &Wms) -> Self {
        let ledger = StockLedger::compute(wms);
        let open: Vec<&Order> = wms
            .orders
            .values()
            .filter(|order| !wms.order_stage(order).is_final())
            .collect();
        let need =
            |line: &OrderLine| (line.unpicked() - (line.allocated - line.picked).max(0.0)).max(0.0);
        let mut demand: HashMap<(i32, i32), f64> = HashMap::new();
        for order in &open {
            for line in &order.lines {
                *demand
                    .entry((line.article_id, order.warehouse_id))
                    .or_default() += need(line);
            }
        }
        let mut by_priority: HashMap<(i32, i32), f64> = HashMap::new();
        let mut lines = HashMap::new();
        for order in &open {
            for line in &order.lines {
                let key = (line.article_id, order.warehouse_id);
                let figures = ledger.at(line.article_id, order.warehouse_id);
                let free = figures.free_to_allocate();
                let remaining = by_priority.entry(key).or_insert(free);
                let wanted = need(line);
                let value = if line.unpicked() <= 0.0 {
                    Pickability::NothingToAllocate
                } else if wanted <= 0.0 || free - (demand[&key] - wanted) >= wanted {
                    Pickability::Ok
                } else if *remaining >= wanted {
                    Pickability::ByPriority
                } else if free >= wanted {
                    Pickability::NotByPriority
                } else {
                    Pickability::NotOk
                };
                *remaining -= wanted;
                lines.insert(line.id, (value, free + figures.to_receive >= wanted));
            }
        }
        let mut expected_in: HashMap<i32, DateTime<Utc>> = HashMap::new();
        for purchase_order in wms
            .purchase_orders
            .values()
            .filter(|po| po.status.expects_goods())
        {
            let Some(in_date) = purchase_order
                .header
                .in_date
                .as_deref()
                .and_then(parse_time)
            else {
                continue;
            };
            for line in purchase_order
                .lines
                .iter()
                .filter(|line| line.received < line.advised)
            {
                let entry = expected_in.entry(line.article_id).or_insert(in_date);
                *entry = (*entry).min(in_date);
            }
        }
        Self { lines, expected_in }
    }

    fn result(&self, wms: &Wms, order: &Order) -> PickabilityResult {
        let mut worst: Option<Pickability> = None;
        let mut all_by_advised = true;
        let mut latest_in: Option<DateTime<Utc>> = None;
        let order_lines = order
            .lines
            .iter()
            .map(|line| {
                let (value, by_advised) = self
                    .lines
                    .get(&line.id)
                    .copied()
                    .unwrap_or((Pickability::NothingToAllocate, true));
                if value != Pickability::NothingToAllocate {
                    worst = worst.max(Some(value));
                }
                all_by_advised &= by_advised;
                let expected = match value {
                    Pickability::ByPriority | Pickability::NotByPriority | Pickability::NotOk => {
                        self.expected_in.get(&line.article_id).copied()
                    }
                    Pickability::NothingToAllocate | Pickability::Ok => None,
                };
                latest_in = latest_in.max(expected);
                let article = wms.articles.get(&line.article_id);
                PickabilityLine {
                    id: line.id,
                    article: PickabilityArticle {
                        id: line.article_id,
                        article_number: Some(line.data.article_number.clone()),
                        article_name: article.and_then(|article| article.data.article_name.clone()),
                        product_code: article.and_then(|article| article.data.product_code.clone()),
                        article_kind: article.map(article_kind),
                    },
                    should_be_picked: line.should_be_picked,
                    row_number: Some(line.data.row_number.clone()),
                    order_line_pickability: info(value, expected, by_advised),
                    ordered_number_of_items: line.ordered(),
                    allocated_number_of_items: line.allocated,
                    picked_number_of_items: line.picked,
                }
            })
            .collect();
        PickabilityResult {
            order_info: PickabilityOrderInfo {
                order_id: order.id,
                order_number: Some(order.header.order_number.clone()),
                goods_owner_order_id: order.header.goods_owner_order_id.clone(),
                order_status: StatusNumberText {
                    number: order.status,
                    text: wms.order_statuses.text(order.status),
                },
            },
            order_pickability: info(
                worst.unwrap_or(Pickability::NothingToAllocate),
                latest_in,
                all_by_advised,
            ),
            order_lines,
        }
    }
}

fn info(
    value: Pickability,
    expected_in: Option<DateTime<Utc>>,
    by_advised: bool,
) -> PickabilityInfo {
    PickabilityInfo {
        pickability: Some(value.text().to_owned()),
        pickability_with_move: Some(value.text().to_owned()),
        pickability_from_picking_locations: Some(value.text().to_owned()),
        expected_pickable: ExpectedPickable {
            expected_in_date: expected_in.map(format_time),
            is_pickable_by_advised: by_advised,
        },
    }
}
