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
fn a_short_shipment_is_noted_on_the_shop_order() {
    let mut short = followed(1, 450);
    short.warehouse.lines = vec![
        WarehouseOrderLine {
            line_id: 1,
            row: Some("1".to_owned()),
            sku: Some("MUG".to_owned()),
            ordered: 2.0,
            picked: 1.0,
        },
        WarehouseOrderLine {
            line_id: 2,
            row: Some("2".to_owned()),
            sku: Some("CUP".to_owned()),
            ordered: 1.0,
            picked: 1.0,
        },
    ];
    let mut full = followed(2, 450);
    full.warehouse.lines = vec![WarehouseOrderLine {
        line_id: 3,
        row: Some("1".to_owned()),
        sku: Some("MUG".to_owned()),
        ordered: 1.0,
        picked: 1.0,
    }];
    let plan = plan_statuses(&[short, full], &mapping(), &transport());
    let notes: Vec<&Operation> = plan
        .operations
        .iter()
        .filter(|op| matches!(op, Operation::NoteDelivery { .. }))
        .collect();
    assert_eq!(
        notes,
        vec![&Operation::NoteDelivery {
            shop_order_id: 1,
            identity: "1@0".to_owned(),
            lines: vec![DeliveredLine {
                sku: "MUG".to_owned(),
                ordered: 2.0,
                delivered: 1.0,
            }],
        }],
        "only the mug that went one short is noted; the full order needs no note"
    );
    assert_eq!(
        plan.operations.len(),
        3,
        "both orders still get their completed status"
    );
}
