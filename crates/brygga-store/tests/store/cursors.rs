//! `cursors`: one opaque position per feed, replaced as the feed advances.

use brygga_store::Cursor;

use crate::fresh_store;

const ORDERS_FEED: &str = "ongoing.orders.status_changed";
const STOCK_FEED: &str = "ongoing.articles.stock_changed";

#[test]
fn an_unread_feed_has_no_cursor() {
    let store = fresh_store();
    assert_eq!(
        store.cursors().get(ORDERS_FEED).unwrap(),
        None,
        "a feed never read starts from the beginning"
    );
}

#[test]
fn the_value_is_kept_exactly_as_given() {
    let store = fresh_store();
    let value = "2024-05-01T12:00:00.123+02:00";
    store.cursors().set(ORDERS_FEED, value, 1_000).unwrap();
    assert_eq!(
        store.cursors().get(ORDERS_FEED).unwrap().as_deref(),
        Some(value),
        "the cursor is opaque: it must come back byte for byte as the API gave it"
    );
}

#[test]
fn setting_advances_the_feed_and_leaves_others_alone() {
    let store = fresh_store();
    store.cursors().set(ORDERS_FEED, "100", 1_000).unwrap();
    store.cursors().set(STOCK_FEED, "7", 1_500).unwrap();
    store.cursors().set(ORDERS_FEED, "250", 2_000).unwrap();
    assert_eq!(
        store.cursors().list().unwrap(),
        vec![
            Cursor {
                feed: STOCK_FEED.into(),
                value: "7".into(),
                updated_at_ms: 1_500
            },
            Cursor {
                feed: ORDERS_FEED.into(),
                value: "250".into(),
                updated_at_ms: 2_000
            },
        ],
        "one row per feed, sorted by feed name, each with its own latest value and time"
    );
}
