//! Page paging, the way Starweb pages its lists.
//!
//! Paged lists (orders, products) take `page` (1, 2, ...) and answer
//! `{data, meta: {pagination: {current_page, per_page, total, count, total_pages}}}` with 100 items a
//! page. [`all_pages`] walks from a first page until `total_pages` or an empty page. A broken server
//! must not make it loop forever: an answer for another page than the one asked for is an error, and
//! so is a walk longer than [`MAX_PAGES`]. Some lists (a product's variants) take `page` but carry
//! no `meta`; [`pages_until_short`] reads those until a page is not full, and refuses a server that
//! keeps sending items it already sent.

use std::collections::HashSet;
use std::future::Future;
use std::hash::Hash;

use serde::Deserialize;

use crate::error::StarwebError;

/// Items per page; Starweb has no page-size parameter.
pub const PER_PAGE: usize = 100;

/// The most pages one walk reads (500 000 items); more means the server is broken.
pub const MAX_PAGES: u32 = 5_000;

/// `meta.pagination`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Pagination {
    pub current_page: u32,
    #[serde(default)]
    pub per_page: u32,
    #[serde(default)]
    pub total: u64,
    #[serde(default)]
    pub count: u32,
    pub total_pages: u32,
}

#[derive(Debug, Deserialize)]
struct Meta {
    pagination: Option<Pagination>,
}

/// One page of a paged list.
#[derive(Debug, Clone, Deserialize)]
pub struct Page<T> {
    #[serde(rename = "data")]
    pub items: Vec<T>,
    #[serde(default, rename = "meta", deserialize_with = "pagination")]
    pub pagination: Option<Pagination>,
}

fn pagination<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Pagination>, D::Error> {
    Ok(Option::<Meta>::deserialize(deserializer)?.and_then(|meta| meta.pagination))
}

fn broken(operation: &str, message: String) -> StarwebError {
    StarwebError::BadResponse {
        operation: operation.to_owned(),
        message,
    }
}

/// Fetches every page from `first_page` on. `fetch(page)` returns one page. An answer without
/// pagination is taken as the only page.
pub async fn all_pages<T, F, Fut>(
    operation: &str,
    first_page: u32,
    mut fetch: F,
) -> Result<Vec<T>, StarwebError>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<Page<T>, StarwebError>>,
{
    let mut all = Vec::new();
    let first = first_page.max(1);
    for page in first..first.saturating_add(MAX_PAGES) {
        let Page { items, pagination } = fetch(page).await?;
        let Some(pagination) = pagination else {
            all.extend(items);
            return Ok(all);
        };
        if pagination.current_page != page {
            return Err(broken(
                operation,
                format!(
                    "paging is broken: asked for page {page}, got page {}",
                    pagination.current_page
                ),
            ));
        }
        let empty = items.is_empty();
        all.extend(items);
        if empty || page >= pagination.total_pages {
            return Ok(all);
        }
    }
    Err(broken(
        operation,
        format!("paging did not end after {MAX_PAGES} pages"),
    ))
}

/// Fetches pages 1, 2, ... of a list without `meta` until a page holds fewer than [`PER_PAGE`] items.
/// `id` reads an item's id; a page repeating an id already read is an error, not a loop.
pub async fn pages_until_short<T, K, F, Fut>(
    operation: &str,
    mut fetch: F,
    id: impl Fn(&T) -> K,
) -> Result<Vec<T>, StarwebError>
where
    K: Eq + Hash + std::fmt::Debug,
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<Vec<T>, StarwebError>>,
{
    let mut all = Vec::new();
    let mut seen = HashSet::new();
    for page in 1..=MAX_PAGES {
        let items = fetch(page).await?;
        let full = items.len() >= PER_PAGE;
        for item in items {
            let key = id(&item);
            if seen.contains(&key) {
                return Err(broken(
                    operation,
                    format!("page {page} repeats {key:?}, which an earlier page held"),
                ));
            }
            seen.insert(key);
            all.push(item);
        }
        if !full {
            return Ok(all);
        }
    }
    Err(broken(
        operation,
        format!("paging did not end after {MAX_PAGES} pages"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<F: Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(future)
    }

    fn page(current: u32, total_pages: u32, items: Vec<u32>) -> Page<u32> {
        Page {
            pagination: Some(Pagination {
                current_page: current,
                per_page: PER_PAGE as u32,
                total: 0,
                count: items.len() as u32,
                total_pages,
            }),
            items,
        }
    }

    #[test]
    fn walks_to_the_last_page_and_no_further() {
        let mut asked = Vec::new();
        let got = block_on(all_pages("list", 1, |n| {
            asked.push(n);
            async move { Ok(page(n, 3, vec![n * 10, n * 10 + 1])) }
        }))
        .unwrap();
        assert_eq!(got, vec![10, 11, 20, 21, 30, 31], "every page is read once");
        assert_eq!(asked, vec![1, 2, 3], "total_pages ends the walk");
    }

    #[test]
    fn a_server_that_ignores_the_page_number_is_an_error_not_a_loop() {
        let err =
            block_on(all_pages("list", 1, |_| async { Ok(page(1, 9, vec![1])) })).unwrap_err();
        assert!(
            err.to_string().contains("asked for page 2"),
            "the message names the broken paging: {err}"
        );
    }

    #[test]
    fn a_server_whose_last_page_never_comes_is_cut_off() {
        let err = block_on(all_pages("list", 1, |n| async move {
            Ok(page(n, u32::MAX, vec![n]))
        }))
        .unwrap_err();
        assert!(
            err.to_string().contains("did not end"),
            "an endless list is refused: {err}"
        );
    }

    #[test]
    fn unpaged_lists_stop_on_a_short_page_and_refuse_repeats() {
        let full: Vec<u32> = (0..PER_PAGE as u32).collect();
        let got = block_on(pages_until_short(
            "variants",
            |n| {
                let items = if n == 1 { full.clone() } else { vec![1000] };
                async move { Ok(items) }
            },
            |item| *item,
        ))
        .unwrap();
        assert_eq!(got.len(), PER_PAGE + 1, "a short page is the last one");

        let err = block_on(pages_until_short(
            "variants",
            |_| {
                let items = full.clone();
                async move { Ok(items) }
            },
            |item| *item,
        ))
        .unwrap_err();
        assert!(
            err.to_string().contains("repeats"),
            "a server that ignores page is caught on the second page: {err}"
        );
    }
}
