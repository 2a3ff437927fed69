//! Articles: upsert by number, id-cursor paging, stock fields and feeds.

use brygga_ongoing::articles::ArticleQuery;

use crate::support::*;

#[tokio::test]
async fn articles_page_across_several_pages_and_upsert_is_idempotent() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    let count = 2 * brygga_ongoing::paging::PAGE_SIZE as usize + 37;
    for n in 0..count {
        client.upsert_article(&article(n)).await.unwrap();
    }
    let first_id = client.upsert_article(&article(0)).await.unwrap();
    assert_eq!(
        sim.article_count(),
        count,
        "a second PUT of the same number updates, it does not add"
    );

    let listed = client.articles(&ArticleQuery::default()).await.unwrap();
    assert_eq!(
        listed.len(),
        count,
        "paging reads every article once, across three pages"
    );
    let mut ids: Vec<i32> = listed.iter().map(|a| a.article_system_id).collect();
    ids.dedup();
    assert_eq!(
        ids.len(),
        count,
        "no article is read twice at a page boundary"
    );
    assert!(
        ids.contains(&first_id),
        "the id the upsert returned is the article's id"
    );
    assert_eq!(
        sim.call_count("Articles_GetAll"),
        3,
        "437 articles at 200 a page take three calls"
    );

    let one = ArticleQuery {
        article_number: Some("SKU-0007".to_owned()),
        ..ArticleQuery::default()
    };
    let found = client.articles(&one).await.unwrap();
    assert_eq!(found.len(), 1, "the article number filter narrows the list");
    assert_conforms(&server);
}
