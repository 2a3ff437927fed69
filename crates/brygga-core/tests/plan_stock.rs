//! The stock planner: sellable less pending, services untouched, report-only reconciliation, and
//! stock raised outside Brygga.

use std::collections::{BTreeMap, BTreeSet};

use brygga_core::operation::Operation;
use brygga_core::plan::stock::{
    OutsideWrite, ShopStock, StockDifference, StockPlan, StockState, plan_stock, raised_outside,
};

fn shop() -> BTreeMap<String, ShopStock> {
    let variant = |id, quantity| ShopStock {
        product_id: 1,
        variant_id: id,
        quantity,
    };
    [
        ("A".to_owned(), variant(1, Some(5))),
        ("B".to_owned(), variant(2, Some(7))),
        ("WRAP".to_owned(), variant(3, None)),
    ]
    .into()
}

fn plan(warehouse: &[(&str, f64)], pending: &[(&str, i64)], report_only: bool) -> StockPlan {
    let warehouse = warehouse.iter().map(|(s, q)| (s.to_string(), *q)).collect();
    let pending = pending.iter().map(|(s, q)| (s.to_string(), *q)).collect();
    plan_stock(StockState {
        warehouse: &warehouse,
        shop: &shop(),
        pending: &pending,
        generations: &BTreeMap::from([("A".to_owned(), 2)]),
        report_only,
    })
}

#[test]
fn the_shop_gets_sellable_less_what_unsent_orders_take() {
    let plan = plan(&[("A", 9.0), ("B", 7.0)], &[("A", 2)], false);
    assert_eq!(
        plan.operations,
        vec![Operation::SetShopStock {
            sku: "A".to_owned(),
            product_id: 1,
            variant_id: 1,
            quantity: 7,
            generation: 2,
        }],
        "9 sellable minus 2 on an order the warehouse has not seen; B already matches"
    );
    assert_eq!(plan.unchanged, 1);
}

#[test]
fn fractions_round_down_and_nothing_goes_below_zero() {
    let plan = plan(&[("A", 2.9), ("B", 1.0)], &[("B", 3)], false);
    let quantities: Vec<i64> = plan
        .operations
        .iter()
        .map(|op| match op {
            Operation::SetShopStock { quantity, .. } => *quantity,
            other => panic!("stock planner plans stock only: {other:?}"),
        })
        .collect();
    assert_eq!(
        quantities,
        vec![2, 0],
        "2.9 sellable is 2 whole items; 1 sellable with 3 pending is none, not -2"
    );
}

#[test]
fn services_are_left_alone_and_unknown_skus_are_listed() {
    let plan = plan(&[("WRAP", 0.0), ("GHOST", 4.0)], &[], false);
    assert!(
        plan.operations.is_empty(),
        "a variant without stock keeping is not written"
    );
    assert_eq!(
        plan.not_in_shop,
        vec!["GHOST"],
        "the warehouse has an article the shop lacks"
    );
}

#[test]
fn report_only_lists_the_differences_and_plans_no_write() {
    let plan = plan(&[("A", 3.0), ("B", 8.0)], &[], true);
    assert!(
        plan.operations.is_empty(),
        "the merchant asked to see before correcting"
    );
    assert_eq!(
        plan.differences,
        vec![
            StockDifference {
                sku: "A".to_owned(),
                shop: 5,
                should_be: 3
            },
            StockDifference {
                sku: "B".to_owned(),
                shop: 7,
                should_be: 8
            },
        ]
    );
}

#[test]
fn only_stock_raised_above_brygga_s_last_write_is_someone_else_s() {
    // The shop shows A 5, B 7 and keeps no stock of WRAP.
    let written = BTreeMap::from([
        ("A".to_owned(), 3),
        ("B".to_owned(), 9),
        ("WRAP".to_owned(), 1),
    ]);
    assert_eq!(
        raised_outside(&shop(), &written, &BTreeSet::new()),
        vec![OutsideWrite {
            sku: "A".to_owned(),
            written: 3,
            shown: 5,
        }],
        "A went up from 3 to 5, which the shop does not do by itself; B went down (orders) and \
         WRAP keeps no stock"
    );
    assert!(
        raised_outside(&shop(), &written, &BTreeSet::from(["A".to_owned()])).is_empty(),
        "while Brygga's own write of A is on its way the shop's quantity proves nothing"
    );
    assert!(
        raised_outside(&shop(), &BTreeMap::new(), &BTreeSet::new()).is_empty(),
        "an article Brygga never wrote has no write to compare with"
    );
}
