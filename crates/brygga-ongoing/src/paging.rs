//! Id-cursor paging, the way Ongoing pages its lists.
//!
//! A list call takes `…IdFrom` (inclusive) and `max…ToGet`; the next page starts at the last id seen
//! plus one, and an empty or short page ends the walk. Ids must grow from page to page: a server that
//! hands back an id at or below the cursor would loop forever, so that is reported instead.

use std::future::Future;

use crate::error::OngoingError;

/// How many items one page asks for.
pub const PAGE_SIZE: u32 = 200;

/// Fetches every page from `first_id` on. `fetch(from, max)` returns one page; `id` reads an item's id.
pub async fn all_pages<T, F, Fut>(
    operation: &str,
    first_id: i32,
    page_size: u32,
    mut fetch: F,
    id: impl Fn(&T) -> i32,
) -> Result<Vec<T>, OngoingError>
where
    F: FnMut(i32, u32) -> Fut,
    Fut: Future<Output = Result<Vec<T>, OngoingError>>,
{
    let mut all = Vec::new();
    let mut from = first_id;
    loop {
        let page = fetch(from, page_size).await?;
        let count = page.len();
        let Some(last) = page.last().map(&id) else {
            break;
        };
        if last < from {
            return Err(OngoingError::BadResponse {
                operation: operation.to_owned(),
                message: format!("paging went backwards: asked from id {from}, got up to {last}"),
            });
        }
        all.extend(page);
        if count < page_size as usize {
            break;
        }
        from = last + 1;
    }
    Ok(all)
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

    #[test]
    fn walks_every_page_and_stops_on_a_short_one() {
        let ids: Vec<i32> = (1..=7).collect();
        let mut calls = Vec::new();
        let got = block_on(all_pages(
            "list",
            1,
            3,
            |from, max| {
                calls.push(from);
                let page: Vec<i32> = ids
                    .iter()
                    .copied()
                    .filter(|i| *i >= from)
                    .take(max as usize)
                    .collect();
                async move { Ok(page) }
            },
            |i| *i,
        ))
        .unwrap();
        assert_eq!(got, ids, "every item is read exactly once");
        assert_eq!(
            calls,
            vec![1, 4, 7],
            "each page starts after the last id of the previous one"
        );
    }

    #[test]
    fn a_cursor_that_goes_backwards_is_an_error_not_a_loop() {
        let err = block_on(all_pages(
            "list",
            10,
            2,
            |_, _| async { Ok(vec![1, 2]) },
            |i| *i,
        ))
        .unwrap_err();
        assert!(
            err.to_string().contains("backwards"),
            "the message names the broken cursor: {err}"
        );
    }
}
