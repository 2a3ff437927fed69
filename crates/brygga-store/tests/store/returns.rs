//! The returns table: a return is stored once, keeps the merchant's handling when the warehouse
//! reports it again, and refuses a refund without a currency or a close without a note.

use brygga_store::ReturnRecord;

use crate::fresh_store;

fn announced(number: &str, order: Option<&str>) -> ReturnRecord {
    ReturnRecord {
        number: number.to_owned(),
        warehouse_id: None,
        order_number: order.map(str::to_owned),
        kind: "regret".to_owned(),
        cause: Some("REGRET".to_owned()),
        note: None,
        state: "announced".to_owned(),
        handling_note: None,
        refund_minor: None,
        refund_currency: None,
        arrived_at_ms: None,
        comment_generation: 0,
        created_at_ms: 1000,
        updated_at_ms: 1000,
    }
}

#[test]
fn seeing_a_return_again_keeps_the_handling_and_fills_in_links() {
    let store = fresh_store();
    let returns = store.returns();
    returns.insert_or_link(&announced("R-1", None)).unwrap();
    store
        .atomically(|w| w.return_handling("R-1", "received", Some("box dented"), None, 2000))
        .unwrap();
    let mut again = announced("R-1", Some("1001"));
    again.warehouse_id = Some(7);
    again.kind = "unannounced".to_owned();
    returns.insert_or_link(&again).unwrap();
    let stored = returns.get("R-1").unwrap().expect("stored once");
    assert_eq!(
        (
            stored.state.as_str(),
            stored.kind.as_str(),
            stored.order_number.as_deref(),
            stored.warehouse_id,
            stored.comment_generation
        ),
        ("received", "regret", Some("1001"), Some(7), 1),
        "the merchant's handling and kind stay; the order and warehouse id are filled in"
    );
    returns.record_arrived("R-1", 3000).unwrap();
    returns.record_arrived("R-1", 4000).unwrap();
    assert_eq!(
        returns.get("R-1").unwrap().unwrap().arrived_at_ms,
        Some(3000),
        "the first arrival is the one kept"
    );
}

#[test]
fn the_table_refuses_inconsistent_handling() {
    let store = fresh_store();
    let returns = store.returns();
    returns
        .insert_or_link(&announced("R-2", Some("1")))
        .unwrap();
    assert!(
        store
            .atomically(|w| w.return_handling("R-2", "closed", None, None, 2000))
            .is_err(),
        "a closed return must say why"
    );
    assert!(
        store
            .atomically(|w| w.return_handling("R-2", "received", None, Some((100, "SEK")), 2000))
            .is_err(),
        "a refund amount belongs to a refunded return only"
    );
    assert!(
        store
            .atomically(|w| w.return_handling("R-2", "refunded", None, Some((100, "sek")), 2000))
            .is_err(),
        "a currency is three capital letters"
    );
    store
        .atomically(|w| w.return_handling("R-2", "refunded", None, Some((29900, "SEK")), 2000))
        .unwrap();
    let stored = returns.get("R-2").unwrap().unwrap();
    assert_eq!(
        (stored.refund_minor, stored.refund_currency.as_deref()),
        (Some(29900), Some("SEK"))
    );
    assert_eq!(returns.list().unwrap().len(), 1);
}

#[test]
fn a_registered_return_keeps_its_number_and_counts_its_comments() {
    let store = fresh_store();
    store
        .atomically(|w| w.return_registered(&announced("1001-R1", Some("1001"))))
        .unwrap();
    assert!(
        store
            .atomically(|w| w.return_registered(&announced("1001-R1", Some("1001"))))
            .is_err(),
        "a second return under a taken number would share one warehouse return order"
    );
    store
        .atomically(|w| w.return_sent("1001-R1", 44, 1500))
        .unwrap();
    let generation = store
        .atomically(|w| w.return_handling("1001-R1", "received", None, None, 2000))
        .unwrap();
    assert_eq!(
        generation, 1,
        "each handling change is the next comment generation of the return"
    );
    assert_eq!(
        store
            .returns()
            .get("1001-R1")
            .unwrap()
            .unwrap()
            .warehouse_id,
        Some(44),
        "the warehouse's id is recorded once it accepted the return order"
    );
    assert_eq!(
        store.returns().numbers_for_order("1001").unwrap(),
        vec!["1001-R1".to_owned()]
    );
}

#[test]
fn seeing_a_known_return_again_changes_nothing() {
    let store = fresh_store();
    let mut first = announced("R-3", Some("1003"));
    first.warehouse_id = Some(9);
    store.atomically(|w| w.return_seen(&first)).unwrap();
    let mut again = first.clone();
    again.updated_at_ms = 5000;
    store
        .atomically(|w| {
            w.return_seen(&again)?;
            w.return_arrived("R-3", 6000)?;
            w.return_arrived("R-3", 7000)
        })
        .unwrap();
    let stored = store.returns().get("R-3").unwrap().unwrap();
    assert_eq!(
        (stored.updated_at_ms, stored.arrived_at_ms),
        (6000, Some(6000)),
        "a return read again with nothing new is not rewritten; its first arrival is kept"
    );
}
