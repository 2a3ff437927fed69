//! Articles: upsert by article number, id-cursor paging, the stock-changed feed and the stock
//! figures a shop reads.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::support::{Wms, article_model, id, number};

#[tokio::test]
async fn putting_the_same_article_twice_updates_it_in_place_and_changes_nothing_else() {
    let wms = Wms::start().await;
    let model = article_model(wms.goods_owner_id, "MUG-01", "Mugg, blå");

    let (status, first) = wms.put("api/v1/articles", model.clone()).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the spec declares 200 for the article upsert"
    );
    let before = wms.article("MUG-01").await;
    wms.advance_clock(60).await;
    let (_, second) = wms.put("api/v1/articles", model.clone()).await;
    let after = wms.article("MUG-01").await;

    assert_eq!(
        id(&first, "articleSystemId"),
        id(&second, "articleSystemId"),
        "the upsert key is the article number"
    );
    assert_eq!(
        wms.sim.article_count(),
        1,
        "a repeated PUT must not create a second article"
    );
    assert_eq!(
        before["articleDataLastUpdated"], after["articleDataLastUpdated"],
        "identical content is no change, so the data feed does not see it again"
    );

    let mut renamed = model;
    renamed["articleName"] = json!("Mugg, mörkblå");
    wms.put("api/v1/articles", renamed).await;
    let renamed = wms.article("MUG-01").await;
    assert_eq!(
        renamed["articleName"], "Mugg, mörkblå",
        "a changed PUT replaces the stored data"
    );
    assert_ne!(
        renamed["articleDataLastUpdated"], after["articleDataLastUpdated"],
        "a real change moves the data timestamp"
    );
    assert_eq!(
        renamed["supplierInfo"]["supplierArticleNumber"], "SUP-MUG-01",
        "nested data reads back under the GET names"
    );
}

#[tokio::test]
async fn the_article_list_pages_with_an_inclusive_id_cursor() {
    let wms = Wms::start().await;
    let mut created = Vec::new();
    for index in 1..=7 {
        created.push(
            wms.put_article(&format!("SKU-{index}"), &format!("Artikel {index}"))
                .await,
        );
    }

    let mut seen = Vec::new();
    let mut cursor = 0;
    let mut pages = 0;
    loop {
        let (status, body) = wms
            .get(&format!(
                "api/v1/articles?goodsOwnerId={}&articleSystemIdFrom={cursor}&maxArticlesToGet=3",
                wms.goods_owner_id
            ))
            .await;
        assert_eq!(status, StatusCode::OK, "every page is readable");
        let page = body.as_array().expect("a bare array").clone();
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 3, "maxArticlesToGet caps the page");
        pages += 1;
        let ids: Vec<i64> = page
            .iter()
            .map(|article| article["articleSystemId"].as_i64().unwrap_or_default())
            .collect();
        cursor = ids.last().copied().unwrap_or_default() + 1;
        seen.extend(
            ids.into_iter()
                .map(|id| i32::try_from(id).unwrap_or_default()),
        );
    }
    assert_eq!(
        pages, 3,
        "7 articles at 3 a page make 3 pages before the empty one"
    );
    assert_eq!(
        seen, created,
        "paging returns every article once, in id order"
    );

    let (_, from_fifth) = wms
        .get(&format!(
            "api/v1/articles?goodsOwnerId={}&articleSystemIdFrom={}",
            wms.goods_owner_id, created[4]
        ))
        .await;
    assert_eq!(
        from_fifth.as_array().map(Vec::len),
        Some(3),
        "the cursor is inclusive: ids 5, 6 and 7"
    );

    let (_, by_numbers) = wms
        .get(&format!(
            "api/v1/articles?goodsOwnerId={}&articleNumbers=SKU-2&articleNumbers=SKU-6",
            wms.goods_owner_id
        ))
        .await;
    let numbers: Vec<&str> = by_numbers
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["articleNumber"].as_str())
        .collect();
    assert_eq!(
        numbers,
        ["SKU-2", "SKU-6"],
        "a repeated articleNumbers key filters to those articles"
    );
}

#[tokio::test]
async fn the_stock_feed_lists_only_articles_whose_stock_changed_and_only_within_a_day() {
    let wms = Wms::start().await;
    for number in ["CAP-1", "CAP-2", "CAP-3"] {
        wms.put_article(number, "Keps").await;
    }
    let since = wms.advance_clock(10).await;
    wms.advance_clock(10).await;
    wms.set_stock("CAP-2", 12.0).await;

    let (status, feed) = wms
        .get(&format!(
            "api/v1/articles?goodsOwnerId={}&stockInfoChangedFrom={since}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a recent stockInfoChangedFrom is accepted"
    );
    let numbers: Vec<&str> = feed
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["articleNumber"].as_str())
        .collect();
    assert_eq!(
        numbers,
        ["CAP-2"],
        "only the adjusted article changed stock since then"
    );
    assert_eq!(
        number(&feed[0]["inventoryInfo"]["numberOfItems"]),
        12.0,
        "the feed carries the new balance"
    );

    let encoded = since.replace('Z', "%2B00:00");
    let (_, same) = wms
        .get(&format!(
            "api/v1/articles?goodsOwnerId={}&stockInfoChangedFrom={encoded}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        same, feed,
        "an URL-encoded +00:00 offset means the same instant as Z"
    );

    wms.advance_clock(25 * 3600).await;
    let (status, body) = wms
        .get(&format!(
            "api/v1/articles?goodsOwnerId={}&stockInfoChangedFrom={since}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "the value must be within 24 hours of now"
    );
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("24 hours")),
        "the refusal says why: {body}"
    );
}

#[tokio::test]
async fn an_order_lowers_sellable_stock_until_it_is_cancelled() {
    let wms = Wms::start().await;
    wms.put_article("SCARF", "Halsduk").await;
    wms.set_stock("SCARF", 10.0).await;
    let order_id = wms.put_order("1001", &[("SCARF", 3.0)]).await;

    let inventory = wms.article("SCARF").await["inventoryInfo"].clone();
    assert_eq!(
        number(&inventory["numberOfItems"]),
        10.0,
        "an order moves no goods"
    );
    assert_eq!(
        number(&inventory["numberOfBookedItems"]),
        3.0,
        "the open order books its quantity"
    );
    assert_eq!(
        number(&inventory["sellableNumberOfItems"]),
        7.0,
        "sellable is on hand minus what open orders claim"
    );

    wms.operate(&format!("orders/{order_id}/allocate"), Value::Null)
        .await;
    let inventory = wms.article("SCARF").await["inventoryInfo"].clone();
    assert_eq!(
        number(&inventory["allocatedNumberOfItems"]),
        3.0,
        "allocation reserves the items"
    );
    assert_eq!(
        number(&inventory["sellableNumberOfItems"]),
        7.0,
        "allocating does not claim anything twice"
    );

    let other = wms.put_order("1002", &[("SCARF", 2.0)]).await;
    let (status, _) = wms.delete(&format!("api/v1/orders/{other}")).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an untouched order can be cancelled"
    );
    let sellable = number(&wms.article("SCARF").await["inventoryInfo"]["sellableNumberOfItems"]);
    assert_eq!(sellable, 7.0, "a cancelled order claims nothing");

    let (status, per_warehouse) = wms
        .get(&format!(
            "api/v1/articles/inventoryPerWarehouse?goodsOwnerId={}&articleNumbers=SCARF",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "inventory per warehouse is readable"
    );
    let site = &per_warehouse[0]["inventoryPerWarehouse"][0];
    assert_eq!(
        site["warehouseId"], 1,
        "the stock is in the default warehouse"
    );
    assert_eq!(
        number(&site["sellableNumberOfItems"]),
        7.0,
        "per-warehouse sellable agrees with the total"
    );
    assert_eq!(
        number(&site["availableForSaleNumberOfItems"]),
        7.0,
        "available is on hand minus allocated"
    );
}
