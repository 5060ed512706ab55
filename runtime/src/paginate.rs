//! Paging through list operations: as a `futures` [`Stream`] of pages or items, or all at once.
//!
//! Two styles exist. `PageNumber`/`PageSize` with `TotalCount` in the answer ([`Paginated`]),
//! and `NextToken` (the answer carries the token of the next page; an empty or missing one ends
//! the listing). Generated code implements [`Pages`] for both, and [`PageItems`] when the answer
//! has one list of items. [`page_stream`] and [`item_stream`] drive any sender — the runtime
//! client ([`Client::pages`](crate::Client::pages), [`Client::items`](crate::Client::items)), a
//! mock, a local server — given as a closure, so this module does not depend on the client:
//!
//! ```ignore
//! use futures_util::TryStreamExt;
//! let mut instances = client.items(&ListInstances::builder().region_id("cn-hangzhou").page_size(50).build());
//! while let Some(instance) = instances.try_next().await? { /* … */ }
//! ```
//!
//! The page size is the request's own (`PageSize`, or the operation's `MaxResults`): set it
//! explicitly on the request; unset, the service default applies. An error on any page is
//! yielded as the stream's next item, and the stream ends after it.

use std::future::Future;

use futures_core::Stream;
use futures_util::StreamExt as _;

use crate::operation::Operation;

/// A list operation the streams can page through.
pub trait Pages: Operation + Clone {
    /// The request for the page after `out`, which answered `self`, or `None` when `out` is the
    /// last page. `progress` carries what earlier pages said (counts, sizes).
    fn next_page(&self, out: &Self::Output, progress: &mut PageProgress) -> Option<Self>;
}

/// A list operation whose pages hold one list of items.
pub trait PageItems: Pages {
    /// One listed item.
    type Item;
    /// The items of one page, moved out.
    fn into_page_items(out: Self::Output) -> Vec<Self::Item>;
}

/// What the pages so far said, for deciding whether another page follows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageProgress {
    pages: i32,
    seen: i64,
    page_size: Option<i64>,
    first: Option<i32>,
}

impl PageProgress {
    /// Pages fetched so far.
    pub fn pages(&self) -> i32 {
        self.pages
    }
}

/// The next `PageNumber` request after `out`, by the rules of [`fetch_all_pages`].
pub fn next_numbered_page<O: Paginated>(
    request: &O,
    out: &O::Output,
    progress: &mut PageProgress,
) -> Option<O> {
    let page = request.page_number().unwrap_or(1).max(1);
    let first = *progress.first.get_or_insert(page);
    progress.pages += 1;
    let count = O::page_items(out).len() as i64;
    if count == 0 || page >= MAX_PAGES || progress.pages >= MAX_PAGES {
        return None;
    }
    let size = *progress.page_size.get_or_insert(
        request
            .page_size()
            .filter(|s| *s > 0)
            .map_or(count, i64::from),
    );
    progress.seen += count;
    let before_first = i64::from(first - 1) * size;
    let done = match O::total_count(out) {
        Some(total) => before_first + progress.seen >= total,
        None => count < size,
    };
    if done {
        return None;
    }
    let mut next = request.clone();
    next.set_page_number(page + 1);
    Some(next)
}

/// The next `NextToken` request after a page whose answer carried `token`: none when the token
/// is missing or empty, when it repeats the request's own token (a service that would loop), or
/// after [`MAX_PAGES`] pages.
pub fn next_token_page<O: Operation + Clone>(
    request: &O,
    current: Option<&str>,
    token: Option<&str>,
    progress: &mut PageProgress,
    set_token: impl FnOnce(&mut O, String),
) -> Option<O> {
    progress.pages += 1;
    let token = token.filter(|t| !t.is_empty())?;
    if current == Some(token) || progress.pages >= MAX_PAGES {
        return None;
    }
    let mut next = request.clone();
    set_token(&mut next, token.to_owned());
    Some(next)
}

/// The pages of a listing, starting with `request`, as a stream: each page as its answer
/// arrives; an error is yielded and ends the stream.
pub fn page_stream<O, F, Fut, E>(request: O, send: F) -> impl Stream<Item = Result<O::Output, E>>
where
    O: Pages,
    F: FnMut(O) -> Fut,
    Fut: Future<Output = (O, Result<O::Output, E>)>,
{
    let state = (Some(request), PageProgress::default(), send);
    futures_util::stream::unfold(state, |(next, mut progress, mut send)| async move {
        let request = next?;
        let (request, answer) = send(request).await;
        match answer {
            Ok(out) => {
                let following = request.next_page(&out, &mut progress);
                Some((Ok(out), (following, progress, send)))
            }
            Err(error) => Some((Err(error), (None, progress, send))),
        }
    })
}

/// The items of a listing as a stream, page after page; an error is yielded and ends the
/// stream.
pub fn item_stream<O, F, Fut, E>(request: O, send: F) -> impl Stream<Item = Result<O::Item, E>>
where
    O: PageItems,
    F: FnMut(O) -> Fut,
    Fut: Future<Output = (O, Result<O::Output, E>)>,
{
    use futures_util::future::Either;
    page_stream(request, send).flat_map(|page| match page {
        Ok(out) => Either::Left(futures_util::stream::iter(
            O::into_page_items(out).into_iter().map(Ok),
        )),
        Err(error) => Either::Right(futures_util::stream::once(std::future::ready(Err(error)))),
    })
}

/// A list operation that pages with `PageNumber` / `PageSize` and reports `TotalCount`.
pub trait Paginated: Operation + Clone {
    /// One listed item.
    type Item;

    /// `PageNumber` of this request; `None` means the service default (the first page).
    fn page_number(&self) -> Option<i32>;
    /// Sets `PageNumber`.
    fn set_page_number(&mut self, page: i32);
    /// `PageSize` of this request; `None` means the service default.
    fn page_size(&self) -> Option<i32>;
    /// The items of one page.
    fn page_items(out: &Self::Output) -> &[Self::Item];
    /// The items of one page, moved out.
    fn into_page_items(out: Self::Output) -> Vec<Self::Item>;
    /// `TotalCount` (items on all pages together), when the page carries it.
    fn total_count(out: &Self::Output) -> Option<i64>;
}

/// The most pages one call fetches (the service caps `PageNumber` at 1000).
pub const MAX_PAGES: i32 = 1000;

/// Sends the request for its page (the first when unset) and every following page, and returns
/// the pages in order. Stops after a page with no items; when the items up to this page reach
/// `TotalCount`; without `TotalCount`, after a page shorter than the page size (the requested
/// one, else the first page's length); and after page [`MAX_PAGES`]. The first error is returned.
pub async fn fetch_all_pages<O, F, Fut, E>(request: &O, mut send: F) -> Result<Vec<O::Output>, E>
where
    O: Paginated,
    F: FnMut(O) -> Fut,
    Fut: Future<Output = Result<O::Output, E>>,
{
    let first = request.page_number().unwrap_or(1).max(1);
    let mut page_size = request.page_size().filter(|s| *s > 0).map(i64::from);
    let mut request = request.clone();
    let mut pages = Vec::new();
    let mut seen: i64 = 0;
    let mut page = first;
    loop {
        request.set_page_number(page);
        let out = send(request.clone()).await?;
        let count = O::page_items(&out).len() as i64;
        let total = O::total_count(&out);
        pages.push(out);
        if count == 0 || page >= MAX_PAGES {
            break;
        }
        let size = *page_size.get_or_insert(count);
        seen += count;
        let before_first = i64::from(first - 1) * size;
        let done = match total {
            Some(total) => before_first + seen >= total,
            None => count < size,
        };
        if done {
            break;
        }
        page += 1;
    }
    Ok(pages)
}

/// [`fetch_all_pages`], flattened into the items.
pub async fn fetch_all_items<O, F, Fut, E>(request: &O, send: F) -> Result<Vec<O::Item>, E>
where
    O: Paginated,
    F: FnMut(O) -> Fut,
    Fut: Future<Output = Result<O::Output, E>>,
{
    let pages = fetch_all_pages(request, send).await?;
    Ok(pages.into_iter().flat_map(O::into_page_items).collect())
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::*;
    use crate::error::{ErrorMeta, PublishedError, ServiceError};
    use crate::operation::Params;
    use crate::validate::ValidationErrors;

    #[derive(Clone, Debug, PartialEq)]
    struct List {
        page_number: Option<i32>,
        page_size: Option<i32>,
    }

    #[derive(Debug, serde::Deserialize)]
    struct Page {
        items: Vec<u32>,
        total: Option<i64>,
    }

    #[derive(Debug)]
    struct NoError(ErrorMeta);

    impl std::fmt::Display for NoError {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0.code)
        }
    }

    impl std::error::Error for NoError {}

    impl ServiceError for NoError {
        const PUBLISHED: &'static [PublishedError] = &[];
        fn from_meta(meta: ErrorMeta) -> Self {
            Self(meta)
        }
        fn meta(&self) -> &ErrorMeta {
            &self.0
        }
        fn is_retryable(&self) -> bool {
            false
        }
    }

    impl Operation for List {
        const PRODUCT: &'static str = "TEST";
        const VERSION: &'static str = "2020-06-01";
        const ACTION: &'static str = "List";
        type Output = Page;
        type Error = NoError;
        fn validate(&self) -> Result<(), ValidationErrors> {
            Ok(())
        }
        fn write_params(&self, _params: &mut Params) {}
    }

    impl Paginated for List {
        type Item = u32;
        fn page_number(&self) -> Option<i32> {
            self.page_number
        }
        fn set_page_number(&mut self, page: i32) {
            self.page_number = Some(page);
        }
        fn page_size(&self) -> Option<i32> {
            self.page_size
        }
        fn page_items(out: &Page) -> &[u32] {
            &out.items
        }
        fn into_page_items(out: Page) -> Vec<u32> {
            out.items
        }
        fn total_count(out: &Page) -> Option<i64> {
            out.total
        }
    }

    /// Runs a future whose awaits are all immediately ready (the fake sender's are).
    fn block_on<F: Future>(f: F) -> F::Output {
        let mut f = pin!(f);
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    /// A fake service holding `n` items (1..=n), `default_size` per page unless asked otherwise.
    fn service(
        n: u32,
        default_size: u32,
        with_total: bool,
        log: &RefCell<Vec<i32>>,
    ) -> impl FnMut(List) -> std::future::Ready<Result<Page, String>> + '_ {
        move |req: List| {
            let page = req.page_number.unwrap_or(1);
            log.borrow_mut().push(page);
            let size = req.page_size.map_or(default_size, |s| s as u32);
            let start = (page as u32 - 1) * size;
            let items = (start + 1..=(start + size).min(n)).collect();
            std::future::ready(Ok(Page {
                items,
                total: with_total.then_some(i64::from(n)),
            }))
        }
    }

    #[test]
    fn stops_at_total_count() {
        let log = RefCell::new(Vec::new());
        let req = List {
            page_number: None,
            page_size: Some(10),
        };
        let items = block_on(fetch_all_items(&req, service(25, 10, true, &log))).unwrap();
        assert_eq!(items, (1..=25).collect::<Vec<_>>());
        assert_eq!(*log.borrow(), vec![1, 2, 3]);
    }

    #[test]
    fn exact_multiple_needs_no_extra_empty_page() {
        let log = RefCell::new(Vec::new());
        let req = List {
            page_number: None,
            page_size: Some(10),
        };
        let pages = block_on(fetch_all_pages(&req, service(20, 10, true, &log))).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!(*log.borrow(), vec![1, 2]);
    }

    #[test]
    fn without_total_count_a_short_page_is_the_last() {
        let log = RefCell::new(Vec::new());
        // No PageSize: the first page's length (the service default, 7) is the page size.
        let req = List {
            page_number: None,
            page_size: None,
        };
        let items = block_on(fetch_all_items(&req, service(16, 7, false, &log))).unwrap();
        assert_eq!(items.len(), 16);
        assert_eq!(*log.borrow(), vec![1, 2, 3]);
    }

    #[test]
    fn without_total_count_an_empty_page_ends_an_exact_multiple() {
        let log = RefCell::new(Vec::new());
        let req = List {
            page_number: None,
            page_size: Some(5),
        };
        let items = block_on(fetch_all_items(&req, service(10, 5, false, &log))).unwrap();
        assert_eq!(items.len(), 10);
        assert_eq!(*log.borrow(), vec![1, 2, 3]);
    }

    #[test]
    fn starts_at_the_requested_page() {
        let log = RefCell::new(Vec::new());
        let req = List {
            page_number: Some(2),
            page_size: Some(10),
        };
        let items = block_on(fetch_all_items(&req, service(25, 10, true, &log))).unwrap();
        assert_eq!(items, (11..=25).collect::<Vec<_>>());
        assert_eq!(*log.borrow(), vec![2, 3]);
    }

    #[test]
    fn empty_listing_is_one_request() {
        let log = RefCell::new(Vec::new());
        let req = List {
            page_number: None,
            page_size: Some(10),
        };
        let items = block_on(fetch_all_items(&req, service(0, 10, true, &log))).unwrap();
        assert!(items.is_empty());
        assert_eq!(*log.borrow(), vec![1]);
    }

    #[test]
    fn first_error_stops() {
        let mut calls = 0;
        let req = List {
            page_number: None,
            page_size: Some(1),
        };
        let result = block_on(fetch_all_pages(&req, |r: List| {
            calls += 1;
            std::future::ready(if r.page_number == Some(2) {
                Err("throttled")
            } else {
                Ok(Page {
                    items: vec![1],
                    total: Some(5),
                })
            })
        }));
        assert_eq!(result.unwrap_err(), "throttled");
        assert_eq!(calls, 2);
    }

    #[test]
    fn a_server_that_never_ends_is_cut_at_max_pages() {
        let mut calls = 0;
        let req = List {
            page_number: None,
            page_size: Some(1),
        };
        let pages = block_on(fetch_all_pages(&req, |_r: List| {
            calls += 1;
            std::future::ready(Ok::<_, ()>(Page {
                items: vec![1],
                total: None,
            }))
        }))
        .unwrap();
        assert_eq!(pages.len(), MAX_PAGES as usize);
        assert_eq!(calls, MAX_PAGES);
    }

    #[derive(Clone, Debug)]
    struct TokenList {
        next_token: Option<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    struct TokenPage {
        items: Vec<u32>,
        next_token: Option<String>,
    }

    impl Operation for TokenList {
        const PRODUCT: &'static str = "TEST";
        const VERSION: &'static str = "2020-06-01";
        const ACTION: &'static str = "TokenList";
        type Output = TokenPage;
        type Error = NoError;
        fn validate(&self) -> Result<(), ValidationErrors> {
            Ok(())
        }
        fn write_params(&self, _params: &mut Params) {}
    }

    impl Pages for TokenList {
        fn next_page(&self, out: &TokenPage, progress: &mut PageProgress) -> Option<Self> {
            next_token_page(
                self,
                self.next_token.as_deref(),
                out.next_token.as_deref(),
                progress,
                |r: &mut Self, t| r.next_token = Some(t),
            )
        }
    }

    impl PageItems for TokenList {
        type Item = u32;
        fn into_page_items(out: TokenPage) -> Vec<u32> {
            out.items
        }
    }

    impl Pages for List {
        fn next_page(&self, out: &Page, progress: &mut PageProgress) -> Option<Self> {
            next_numbered_page(self, out, progress)
        }
    }

    impl PageItems for List {
        type Item = u32;
        fn into_page_items(out: Page) -> Vec<u32> {
            out.items
        }
    }

    /// Pages `a` → `b` → `c` (then `end` as the next token of `c`).
    fn token_service<'a>(
        end: &'static str,
        log: &'a RefCell<Vec<Option<String>>>,
    ) -> impl FnMut(TokenList) -> std::future::Ready<(TokenList, Result<TokenPage, String>)> + 'a
    {
        move |req: TokenList| {
            log.borrow_mut().push(req.next_token.clone());
            let (items, next) = match req.next_token.as_deref() {
                None => (vec![1, 2], Some("b".to_owned())),
                Some("b") => (vec![3], Some("c".to_owned())),
                Some("c") => (vec![4, 5], Some(end.to_owned())),
                Some(_) => (vec![], None),
            };
            std::future::ready((
                req,
                Ok(TokenPage {
                    items,
                    next_token: next,
                }),
            ))
        }
    }

    fn collect<S: futures_core::Stream + Unpin>(mut stream: S) -> Vec<S::Item> {
        block_on(async move {
            let mut out = Vec::new();
            while let Some(item) = stream.next().await {
                out.push(item);
            }
            out
        })
    }

    #[test]
    fn next_token_streams_until_the_token_is_empty() {
        let log = RefCell::new(Vec::new());
        let items = collect(Box::pin(item_stream(
            TokenList { next_token: None },
            token_service("", &log),
        )));
        assert_eq!(items, vec![Ok(1), Ok(2), Ok(3), Ok(4), Ok(5)]);
        assert_eq!(
            *log.borrow(),
            vec![None, Some("b".to_owned()), Some("c".to_owned())]
        );
    }

    #[test]
    fn a_repeated_next_token_ends_the_listing() {
        let log = RefCell::new(Vec::new());
        let pages = collect(Box::pin(page_stream(
            TokenList { next_token: None },
            token_service("c", &log),
        )));
        assert_eq!(pages.len(), 3);
        assert_eq!(log.borrow().len(), 3);
    }

    #[test]
    fn numbered_pages_stream_like_fetch_all() {
        let log = RefCell::new(Vec::new());
        let req = List {
            page_number: None,
            page_size: Some(10),
        };
        let mut send = service(25, 10, true, &log);
        let items = collect(Box::pin(item_stream(req, move |r: List| {
            let answer = send(r.clone()).into_inner();
            std::future::ready((r, answer))
        })));
        assert_eq!(items.len(), 25);
        assert_eq!(*log.borrow(), vec![1, 2, 3]);
    }
}
