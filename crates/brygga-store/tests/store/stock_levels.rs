//! `stock_levels`: what each side last said, and what Brygga last wrote, per SKU.

use brygga_store::StockLevel;

use crate::fresh_store;

#[test]
fn a_read_creates_the_row_and_an_unread_side_keeps_its_value() {
    let store = fresh_store();
    let stock = store.stock_levels();
    stock
        .record_read("SKU-1", Some(12.5), Some(10), 1_000)
        .unwrap();
    stock.record_read("SKU-1", Some(8.0), None, 2_000).unwrap();
    assert_eq!(
        stock.all().unwrap().get("SKU-1"),
        Some(&StockLevel {
            sku: "SKU-1".into(),
            warehouse_sellable: Some(8.0),
            shop_quantity: Some(10),
            written_quantity: None,
            written_at_ms: None,
            written_generation: 0,
            updated_at_ms: 2_000,
        }),
        "the warehouse feed read only its side, so the shop quantity read earlier still stands"
    );
}

#[test]
fn a_write_is_recorded_apart_from_what_was_read() {
    let store = fresh_store();
    let stock = store.stock_levels();
    stock
        .record_read("SKU-1", Some(5.0), Some(9), 1_000)
        .unwrap();
    stock.record_written("SKU-1", 5, 2_000).unwrap();
    stock.record_written("SKU-2", 0, 2_500).unwrap();

    let all = stock.all().unwrap();
    let first = &all["SKU-1"];
    assert_eq!(
        (first.written_quantity, first.written_at_ms),
        (Some(5), Some(2_000)),
        "the quantity Brygga wrote is kept, to skip writing it again"
    );
    assert_eq!(
        (first.warehouse_sellable, first.shop_quantity),
        (Some(5.0), Some(9)),
        "writing is not reading: the last read values are not overwritten"
    );
    assert_eq!(
        all.keys().collect::<Vec<_>>(),
        vec!["SKU-1", "SKU-2"],
        "writing a SKU never read creates its row, and all() has one entry per SKU"
    );
    assert_eq!(
        all["SKU-2"].written_quantity,
        Some(0),
        "zero is a real quantity (sold out), not the absence of one"
    );
}

#[test]
fn each_accepted_write_counts_one_generation_even_when_a_quantity_comes_back() {
    let store = fresh_store();
    let stock = store.stock_levels();
    stock
        .record_read("SKU-1", Some(5.0), Some(5), 1_000)
        .unwrap();
    assert_eq!(
        stock.all().unwrap()["SKU-1"].written_generation,
        0,
        "reading is not writing, so no generation is used up"
    );

    let mut generations = Vec::new();
    for (at, quantity) in [(2_000, 5), (3_000, 4), (4_000, 5)] {
        stock.record_written("SKU-1", quantity, at).unwrap();
        generations.push(stock.all().unwrap()["SKU-1"].written_generation);
    }
    store
        .atomically(|w| w.stock_written("SKU-1", 4, 5_000))
        .unwrap();
    generations.push(stock.all().unwrap()["SKU-1"].written_generation);
    assert_eq!(
        generations,
        vec![1, 2, 3, 4],
        "5 -> 4 -> 5 -> 4 is four writes, each a new idempotency key, through the handle and \
         through atomically alike"
    );

    stock.record_written("SKU-2", 1, 6_000).unwrap();
    assert_eq!(
        stock.all().unwrap()["SKU-2"].written_generation,
        1,
        "a write that creates the row is the first generation, counted per SKU"
    );
}
