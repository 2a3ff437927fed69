//! Brygga's own article and order types reach Ongoing through `map` and come back the same.

use brygga_core::article::Article;
use brygga_core::order::{Address, Contact, DraftLine, Notify, WarehouseOrderDraft};
use brygga_ongoing::articles::ArticleQuery;
use brygga_ongoing::map::{article_upsert, order_upsert, warehouse_order};

use crate::support::*;

fn core_article(sku: &str, is_stock: bool) -> Article {
    Article {
        sku: sku.to_owned(),
        name: format!("Artikel {sku}"),
        manufacturer_number: Some("MPN-1".to_owned()),
        ean: Some("7310000000017".to_owned()),
        weight_kg: Some(1.25),
        is_stock,
        is_active: true,
    }
}

#[tokio::test]
async fn a_core_order_goes_in_and_comes_back_as_a_warehouse_order() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    for article in [core_article("MUG-1", true), core_article("WRAP", false)] {
        client
            .upsert_article(&article_upsert(&article))
            .await
            .unwrap();
    }
    let stored = client
        .articles(&ArticleQuery {
            article_number: Some("MUG-1".to_owned()),
            ..ArticleQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(
        stored[0]
            .bar_code_info
            .as_ref()
            .and_then(|b| b.bar_code.as_deref()),
        Some("7310000000017"),
        "the EAN lands in the barcode field"
    );

    let draft = WarehouseOrderDraft {
        order_number: "1042".to_owned(),
        delivery_date: "2026-11-20T00:00:00+00:00".to_owned(),
        consignee: Address {
            name: Some("Anna Ek".to_owned()),
            company: Some("Ek & Son AB".to_owned()),
            street: Some("Storgatan 1".to_owned()),
            care_of: Some("c/o Berg".to_owned()),
            post_code: Some("111 22".to_owned()),
            city: Some("Stockholm".to_owned()),
            country_code: Some("SE".to_owned()),
        },
        customer_number: Some("C-77".to_owned()),
        notify: Notify {
            email: Some("anna@example.se".to_owned()),
            sms: Some("+46701234567".to_owned()),
        },
        contact: Contact::default(),
        transporter_code: "SBTL".to_owned(),
        transporter_service_code: "BPA".to_owned(),
        pickup_point: Some("SP-1".to_owned()),
        remark: Some("Lämna vid dörren".to_owned()),
        lines: vec![
            DraftLine {
                row: "11".to_owned(),
                sku: "MUG-1".to_owned(),
                quantity: 2,
                pick: true,
                description: "Mugg".to_owned(),
            },
            DraftLine {
                row: "12".to_owned(),
                sku: "WRAP".to_owned(),
                quantity: 1,
                pick: false,
                description: "Presentinslagning".to_owned(),
            },
        ],
    };
    let id = client.upsert_order(&order_upsert(&draft)).await.unwrap();
    let back = warehouse_order(&client.order(id).await.unwrap());

    assert_eq!(back.order_number, "1042");
    assert_eq!(
        back.consignee_name.as_deref(),
        Some("Ek & Son AB, Anna Ek"),
        "the single name field carries company and person"
    );
    assert_eq!(
        back.consignee_email.as_deref(),
        Some("anna@example.se"),
        "the e-mail travels as the notification value and identifies the customer"
    );
    let rows: Vec<(Option<&str>, Option<&str>, f64)> = back
        .lines
        .iter()
        .map(|l| (l.row.as_deref(), l.sku.as_deref(), l.ordered))
        .collect();
    assert_eq!(
        rows,
        vec![
            (Some("11"), Some("MUG-1"), 2.0),
            (Some("12"), Some("WRAP"), 1.0)
        ],
        "each shop line keeps its row number so later changes follow the same line"
    );
    assert_conforms(&server);
}
