//! The status planner: warehouse statuses to shop statuses, tracking, baseline, no fighting.

use brygga_core::mapping::{
    StatusMapping, Transport, TransportMapping, WarehouseStage, WarehouseStatusRule,
};
use brygga_core::operation::{DeliveredLine, Operation, Tracking};
use brygga_core::order::{ShippedParcel, WarehouseOrder, WarehouseOrderLine};
use brygga_core::plan::statuses::{Followed, plan_statuses};

const SHOP_CREATED: i64 = 1;
const SHOP_PICKING: i64 = 3;
const SHOP_COMPLETED: i64 = 5;
const SCHENKER: i64 = 20;

fn mapping() -> StatusMapping {
    let rule = |stage, shop_status| WarehouseStatusRule { stage, shop_status };
    StatusMapping {
        shop: Default::default(),
        warehouse: [
            (200, rule(WarehouseStage::Open, None)),
            (300, rule(WarehouseStage::Started, Some(SHOP_PICKING))),
            (450, rule(WarehouseStage::Sent, Some(SHOP_COMPLETED))),
        ]
        .into(),
    }
}

fn transport() -> TransportMapping {
    TransportMapping {
        methods: [(
            SCHENKER,
            Transport::Carrier {
                transporter_code: "SBTL".to_owned(),
                service_code: "BPA".to_owned(),
                tracker_type: Some(4),
            },
        )]
        .into(),
    }
}

fn followed(id: i64, warehouse_status: i32) -> Followed {
    Followed {
        shop_order_id: id,
        identity: format!("{id}@0"),
        shop_status: SHOP_CREATED,
        shipping_method_id: Some(SCHENKER),
        baseline: false,
        last_written: None,
        writes: 0,
        warehouse: WarehouseOrder {
            warehouse_order_id: 100 + id as i32,
            order_number: id.to_string(),
            status: warehouse_status,
            status_text: Some(format!("status {warehouse_status}")),
            waybill: None,
            tracking_url: None,
            parcels: vec![ShippedParcel {
                parcel_number: Some(format!("PARCEL-{id}")),
                tracking_url: None,
            }],
            lines: Vec::new(),
            consignee_name: None,
            consignee_email: None,
        },
    }
}

#[test]
fn picking_and_sent_are_mapped_and_sent_carries_tracking() {
    let mut sent = followed(2, 450);
    sent.warehouse.waybill = Some("WB-2".to_owned());
    let plan = plan_statuses(
        &[followed(1, 300), sent, followed(3, 200)],
        &mapping(),
        &transport(),
    );
    assert_eq!(
        plan.operations,
        vec![
            Operation::SetShopStatus {
                shop_order_id: 1,
                identity: "1@0".to_owned(),
                status_id: SHOP_PICKING,
                warehouse_status: 300,
                tracking: None,
                delivered: Vec::new(),
                generation: 0,
            },
            Operation::SetShopStatus {
                shop_order_id: 2,
                identity: "2@0".to_owned(),
                status_id: SHOP_COMPLETED,
                warehouse_status: 450,
                tracking: Some(Tracking {
                    number: "WB-2".to_owned(),
                    tracker_type: Some(4),
                }),
                delivered: Vec::new(),
                generation: 0,
            },
        ],
        "300 sets picking, 450 sets completed with the waybill and Schenker's tracker type; 200 maps to nothing"
    );
}

#[test]
fn without_a_waybill_the_first_parcel_number_is_the_tracking_number() {
    let plan = plan_statuses(&[followed(1, 450)], &mapping(), &transport());
    let [Operation::SetShopStatus { tracking, .. }] = plan.operations.as_slice() else {
        panic!("one write: {plan:?}");
    };
    assert_eq!(
        tracking.as_ref().map(|t| t.number.as_str()),
        Some("PARCEL-1")
    );
}

#[test]
fn baseline_orders_are_never_touched() {
    let mut old = followed(1, 450);
    old.baseline = true;
    let plan = plan_statuses(&[old], &mapping(), &transport());
    assert!(
        plan.operations.is_empty(),
        "an order from before activation gets no status write, so no customer e-mail"
    );
    assert_eq!(plan.baseline, 1);
}

#[test]
fn a_status_already_there_or_already_written_is_not_written_again() {
    let mut there = followed(1, 300);
    there.shop_status = SHOP_PICKING;
    let mut changed_by_hand = followed(2, 300);
    changed_by_hand.last_written = Some(SHOP_PICKING);
    changed_by_hand.shop_status = SHOP_CREATED;
    let plan = plan_statuses(&[there, changed_by_hand], &mapping(), &transport());
    assert!(
        plan.operations.is_empty(),
        "nothing to do for 1; for 2 the merchant moved it back by hand after our write: {plan:?}"
    );
}

#[test]
fn an_unmapped_warehouse_status_is_reported_not_guessed() {
    let plan = plan_statuses(&[followed(1, 410)], &mapping(), &transport());
    assert!(plan.operations.is_empty(), "no rule, no write");
    assert!(
        plan.unmapped
            .contains(&(410, Some("status 410".to_owned()))),
        "the merchant sees the 3PL's new status with its name: {:?}",
        plan.unmapped
    );
}

#[test]
fn a_sent_order_carries_its_picked_lines_as_delivered() {
    let line = |id, sku: &str, ordered, picked, pick| WarehouseOrderLine {
        line_id: id,
        row: Some(id.to_string()),
        sku: Some(sku.to_owned()),
        ordered,
        picked,
        pick,
    };
    let mut sent = followed(1, 450);
    sent.warehouse.lines = vec![
        line(1, "MUG", 2.0, 1.0, true),
        line(2, "WRAP", 1.0, 0.0, false),
    ];
    let mut started = followed(2, 300);
    started.warehouse.lines = vec![line(3, "MUG", 1.0, 0.0, true)];
    let plan = plan_statuses(&[sent, started], &mapping(), &transport());
    let delivered: Vec<&Vec<DeliveredLine>> = plan
        .operations
        .iter()
        .filter_map(|op| match op {
            Operation::SetShopStatus { delivered, .. } => Some(delivered),
            _ => None,
        })
        .collect();
    assert_eq!(
        delivered,
        vec![
            &vec![DeliveredLine {
                row: Some("1".to_owned()),
                sku: "MUG".to_owned(),
                ordered: 2.0,
                delivered: 1.0,
            }],
            &Vec::new(),
        ],
        "the sent order's picked line goes back as delivered (gift wrap is never picked, so it \
         is not 'short'); an order still being picked sends no lines"
    );
}
