//! The order planner: send, follow, refuse, cancel and stop, one order at a time.

use std::collections::BTreeMap;

use brygga_core::article::Article;
use brygga_core::mapping::{
    ShopStatusRule, StatusMapping, Transport, TransportMapping, WarehouseStage, WarehouseStatusRule,
};
use brygga_core::operation::Operation;
use brygga_core::order::{
    Address, Contact, OrderProblem, ShopOrder, ShopOrderLine, WarehouseOrder,
};
use brygga_core::plan::orders::{
    Link, OrderPlan, OrderRules, OrderState, SentOrder, Skip, plan_orders,
};
use chrono::{DateTime, TimeZone, Utc};

const CREATED: i64 = 1;
const CANCELED: i64 = 2;
const ON_HOLD: i64 = 9;
const POSTNORD: i64 = 10;
const CLICK_AND_COLLECT: i64 = 11;
const UNMAPPED: i64 = 12;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap()
}

fn article(sku: &str, is_stock: bool) -> Article {
    Article {
        sku: sku.to_owned(),
        name: sku.to_owned(),
        manufacturer_number: None,
        ean: None,
        weight_kg: None,
        is_stock,
        is_active: true,
    }
}

fn line(id: i64, sku: Option<&str>, quantity: i64) -> ShopOrderLine {
    ShopOrderLine {
        line_id: id,
        sku: sku.map(str::to_owned),
        description: format!("rad {id}"),
        quantity,
        unit_price_minor: 19_900,
    }
}

fn order(id: i64) -> ShopOrder {
    ShopOrder {
        order_id: id,
        created_at: at(20),
        modified_at: at(20),
        status_id: CREATED,
        customer_number: None,
        contact: Contact {
            email: Some("anna.ek@example.se".to_owned()),
            phone: Some("+46701234567".to_owned()),
        },
        delivery: Address {
            name: Some("Anna Ek".to_owned()),
            company: None,
            street: Some("Storgatan 1".to_owned()),
            care_of: None,
            post_code: Some("111 22".to_owned()),
            city: Some("Stockholm".to_owned()),
            country_code: Some("SE".to_owned()),
        },
        invoice: None,
        shipping_method_id: Some(POSTNORD),
        shipping_method_name: Some("PostNord MyPack".to_owned()),
        pickup_point: Some("12345".to_owned()),
        currency: "SEK".to_owned(),
        remark: None,
        lines: vec![
            line(1, Some("SOCK-1"), 2),
            line(2, Some("GIFTWRAP"), 1),
            line(3, None, 1),
        ],
        tracking_number: None,
        payment_secured: true,
    }
}

struct World {
    catalogue: BTreeMap<String, Article>,
    rules: OrderRules,
    statuses: StatusMapping,
    transport: TransportMapping,
    links: BTreeMap<i64, Link>,
    warehouse: BTreeMap<String, WarehouseOrder>,
}

impl World {
    fn new() -> Self {
        let catalogue = [article("SOCK-1", true), article("GIFTWRAP", false)]
            .into_iter()
            .map(|a| (a.sku.clone(), a))
            .collect();
        let statuses = StatusMapping {
            shop: [
                (CREATED, ShopStatusRule::Send),
                (CANCELED, ShopStatusRule::Cancel),
                (ON_HOLD, ShopStatusRule::Hold),
            ]
            .into(),
            warehouse: [
                (200, rule(WarehouseStage::Open)),
                (300, rule(WarehouseStage::Started)),
                (450, rule(WarehouseStage::Sent)),
            ]
            .into(),
        };
        let transport = TransportMapping {
            methods: [
                (
                    POSTNORD,
                    Transport::Carrier {
                        transporter_code: "PLAB".to_owned(),
                        service_code: "P19".to_owned(),
                        tracker_type: Some(1),
                    },
                ),
                (CLICK_AND_COLLECT, Transport::NotSent),
            ]
            .into(),
        };
        World {
            catalogue,
            rules: OrderRules {
                start: at(15),
                currencies: vec!["SEK".to_owned(), "EUR".to_owned()],
            },
            statuses,
            transport,
            links: BTreeMap::new(),
            warehouse: BTreeMap::new(),
        }
    }

    fn plan(&self, orders: &[ShopOrder]) -> OrderPlan {
        plan_orders(OrderState {
            shop_orders: orders,
            links: &self.links,
            warehouse_by_number: &self.warehouse,
            catalogue: &self.catalogue,
            rules: &self.rules,
            statuses: &self.statuses,
            transport: &self.transport,
        })
    }

    /// Records that the warehouse accepted every send in `plan`, as the engine would.
    fn accept(&mut self, plan: &OrderPlan, warehouse_status: i32) {
        for op in &plan.operations {
            if let Operation::SendOrder {
                shop_order_id,
                identity,
                hash,
                generation,
                ..
            } = op
            {
                self.links.insert(
                    *shop_order_id,
                    Link {
                        identity: identity.clone(),
                        sent: Some(SentOrder {
                            hash: *hash,
                            generation: generation + 1,
                            warehouse_order_id: Some(500 + *shop_order_id as i32),
                        }),
                        warehouse_status: Some(warehouse_status),
                        cancelled: false,
                    },
                );
            }
        }
    }
}

fn rule(stage: WarehouseStage) -> WarehouseStatusRule {
    WarehouseStatusRule {
        stage,
        shop_status: None,
    }
}

#[test]
fn a_new_order_goes_with_services_unpicked_and_free_text_left_out() {
    let plan = World::new().plan(&[order(1001)]);
    let [
        Operation::SendOrder {
            draft, generation, ..
        },
    ] = plan.operations.as_slice()
    else {
        panic!("one order, one send: {plan:?}");
    };
    assert_eq!(
        *generation, 0,
        "the warehouse has never accepted this order"
    );
    let lines: Vec<(&str, bool)> = draft
        .lines
        .iter()
        .map(|l| (l.sku.as_str(), l.pick))
        .collect();
    assert_eq!(
        lines,
        vec![("SOCK-1", true), ("GIFTWRAP", false)],
        "gift wrap keeps no stock, so it rides along unpicked; the SKU-less text line stays out"
    );
    assert_eq!(
        (
            draft.transporter_code.as_str(),
            draft.transporter_service_code.as_str()
        ),
        ("PLAB", "P19"),
        "the shipping method is booked through the transport mapping"
    );
    assert_eq!(draft.pickup_point.as_deref(), Some("12345"));
    assert_eq!(draft.notify.sms.as_deref(), Some("+46701234567"));
}

#[test]
fn old_held_and_collected_orders_are_left_alone() {
    let world = World::new();
    let mut old = order(1);
    old.created_at = at(14);
    let mut waiting = order(2);
    waiting.status_id = ON_HOLD;
    let mut collected = order(3);
    collected.shipping_method_id = Some(CLICK_AND_COLLECT);
    let mut only_services = order(4);
    only_services.lines = vec![line(1, Some("GIFTWRAP"), 1)];
    let plan = world.plan(&[old, waiting, collected, only_services]);
    assert!(plan.operations.is_empty(), "none of them goes: {plan:?}");
    assert_eq!(
        plan.skipped,
        BTreeMap::from([
            (1, Skip::BeforeStart),
            (2, Skip::StatusHolds),
            (3, Skip::NotForWarehouse),
            (4, Skip::NothingToPick),
        ]),
        "each is skipped for its own reason"
    );
}

#[test]
fn a_bad_order_is_held_with_every_reason_and_the_others_still_go() {
    let world = World::new();
    let mut bad = order(7);
    bad.shipping_method_id = Some(UNMAPPED);
    bad.currency = "NOK".to_owned();
    bad.delivery.country_code = None;
    bad.lines.push(line(9, Some("NO-SUCH-SKU"), 1));
    let plan = world.plan(&[bad, order(8)]);
    assert_eq!(
        plan.operations.len(),
        1,
        "order 8 is not held back by order 7"
    );
    let problems = &plan.held[&7];
    for expected in [
        OrderProblem::UnmappedShippingMethod {
            shipping_method_id: UNMAPPED,
            name: Some("PostNord MyPack".to_owned()),
        },
        OrderProblem::UnknownCurrency {
            currency: "NOK".to_owned(),
        },
        OrderProblem::MissingAddress {
            field: "country".to_owned(),
        },
        OrderProblem::UnknownArticle {
            sku: "NO-SUCH-SKU".to_owned(),
        },
    ] {
        assert!(
            problems.contains(&expected),
            "all reasons are listed at once so the merchant fixes them in one go: missing {expected:?} in {problems:?}"
        );
    }
}

#[test]
fn a_change_follows_the_order_until_the_warehouse_starts() {
    let mut world = World::new();
    let first = world.plan(&[order(1)]);
    world.accept(&first, 200);
    assert_eq!(
        world.plan(&[order(1)]).unchanged,
        1,
        "nothing new, nothing sent"
    );

    let mut changed = order(1);
    changed.lines[0].quantity = 3;
    let plan = world.plan(&[changed.clone()]);
    assert!(
        matches!(
            plan.operations.as_slice(),
            [Operation::SendOrder { generation: 1, .. }]
        ),
        "an open order takes the change as its second version: {plan:?}"
    );

    world.links.get_mut(&1).unwrap().warehouse_status = Some(300);
    let plan = world.plan(&[changed]);
    assert!(plan.operations.is_empty(), "a started order is not changed");
    assert_eq!(
        plan.held[&1],
        vec![OrderProblem::ChangeRefused],
        "the change is reported as refused, not lost"
    );
}

#[test]
fn cancellation_goes_through_while_open_and_is_refused_after() {
    let mut world = World::new();
    let sent = world.plan(&[order(1), order(2)]);
    world.accept(&sent, 200);
    world.links.get_mut(&2).unwrap().warehouse_status = Some(450);
    let mut one = order(1);
    one.status_id = CANCELED;
    let mut two = order(2);
    two.status_id = CANCELED;
    let mut never_sent = order(3);
    never_sent.status_id = CANCELED;

    let plan = world.plan(&[one, two, never_sent]);
    assert!(
        matches!(
            plan.operations.as_slice(),
            [Operation::CancelWarehouseOrder {
                shop_order_id: 1,
                warehouse_order_id: 501,
                ..
            }]
        ),
        "only the open order is cancelled in the warehouse: {plan:?}"
    );
    assert_eq!(
        plan.held[&2],
        vec![OrderProblem::CancelRefused],
        "a sent order cannot be"
    );
    assert_eq!(plan.skipped[&3], Skip::CancelledBeforeSending);
}

#[test]
fn a_reused_number_never_overwrites_another_order() {
    let mut world = World::new();
    world.accept(&world.plan(&[order(1)]), 200);
    let mut reused = order(1);
    reused.created_at = at(22);
    reused.delivery.name = Some("Bo Ek".to_owned());
    let plan = world.plan(&[reused]);
    assert!(
        plan.operations.is_empty(),
        "the new order with the old number is not sent"
    );
    assert!(
        matches!(
            plan.held[&1].as_slice(),
            [OrderProblem::NumberReused {
                warehouse_order_id: Some(501),
                ..
            }]
        ),
        "it stops for review, naming the warehouse order it would have overwritten: {plan:?}"
    );
}

#[test]
fn a_warehouse_order_with_the_number_must_be_the_same_customers() {
    let mut world = World::new();
    let theirs = |name: &str| WarehouseOrder {
        warehouse_order_id: 77,
        order_number: "5".to_owned(),
        status: 200,
        status_text: None,
        waybill: None,
        tracking_url: None,
        parcels: Vec::new(),
        lines: Vec::new(),
        consignee_name: Some(name.to_owned()),
        consignee_email: Some("ANNA.EK@example.se".to_owned()),
    };
    world.warehouse.insert("5".to_owned(), theirs("Karin Lind"));
    let plan = world.plan(&[order(5)]);
    assert_eq!(
        plan.held[&5],
        vec![OrderProblem::NumberReused {
            warehouse_order_id: Some(77),
            warehouse_consignee: Some("Karin Lind".to_owned()),
        }],
        "someone else's order has this number in the warehouse"
    );

    world.warehouse.insert("5".to_owned(), theirs("anna  ek"));
    assert_eq!(
        world.plan(&[order(5)]).operations.len(),
        1,
        "the same customer's order (a send whose answer was lost) is taken up again"
    );
}
