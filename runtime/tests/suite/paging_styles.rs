//! `send_all_items`, `items` and `pages` page through both paging styles — `PageNumber` with
//! `TotalCount`, and `NextToken` — through the whole client path (a mock transport answers), and
//! each page's request carries exactly the page parameter the previous answer called for.

use std::fmt;

use acs_runtime::mock::{rule, MockTransport};
use acs_runtime::paginate::{next_numbered_page, next_token_page, PageItems, PageProgress};
use acs_runtime::paginate::{Pages, Paginated};
use acs_runtime::stream::TryStreamExt as _;
use acs_runtime::{ErrorMeta, Operation, Params, PublishedError, ServiceError, ValidationErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug)]
struct ListError(ErrorMeta);

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.code)
    }
}

impl std::error::Error for ListError {}

impl ServiceError for ListError {
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

/// A `PageNumber`/`PageSize` listing whose answer carries `TotalCount`.
#[derive(Clone, Debug, Default)]
struct ListThings {
    page_number: Option<i32>,
    page_size: Option<i32>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ThingsPage {
    things: Vec<String>,
    total_count: Option<i64>,
}

impl Operation for ListThings {
    const PRODUCT: &'static str = "Test";
    const VERSION: &'static str = "2020-06-01";
    const ACTION: &'static str = "ListThings";
    type Output = ThingsPage;
    type Error = ListError;
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
    fn write_params(&self, params: &mut Params) {
        if let Some(n) = self.page_number {
            params.push_display("PageNumber", n);
        }
        if let Some(n) = self.page_size {
            params.push_display("PageSize", n);
        }
    }
}

impl Paginated for ListThings {
    type Item = String;
    fn page_number(&self) -> Option<i32> {
        self.page_number
    }
    fn set_page_number(&mut self, page: i32) {
        self.page_number = Some(page);
    }
    fn page_size(&self) -> Option<i32> {
        self.page_size
    }
    fn page_items(out: &ThingsPage) -> &[String] {
        &out.things
    }
    fn into_page_items(out: ThingsPage) -> Vec<String> {
        out.things
    }
    fn total_count(out: &ThingsPage) -> Option<i64> {
        out.total_count
    }
}

impl Pages for ListThings {
    fn next_page(&self, out: &ThingsPage, progress: &mut PageProgress) -> Option<Self> {
        next_numbered_page(self, out, progress)
    }
}

impl PageItems for ListThings {
    type Item = String;
    fn into_page_items(out: ThingsPage) -> Vec<String> {
        out.things
    }
}

/// A `NextToken` listing.
#[derive(Clone, Debug, Default)]
struct ScanThings {
    next_token: Option<String>,
    max_results: Option<i32>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ScanPage {
    things: Vec<String>,
    next_token: Option<String>,
}

impl Operation for ScanThings {
    const PRODUCT: &'static str = "Test";
    const VERSION: &'static str = "2020-06-01";
    const ACTION: &'static str = "ScanThings";
    type Output = ScanPage;
    type Error = ListError;
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
    fn write_params(&self, params: &mut Params) {
        if let Some(token) = &self.next_token {
            params.push("NextToken", token);
        }
        if let Some(n) = self.max_results {
            params.push_display("MaxResults", n);
        }
    }
}

impl Pages for ScanThings {
    fn next_page(&self, out: &ScanPage, progress: &mut PageProgress) -> Option<Self> {
        next_token_page(
            self,
            self.next_token.as_deref(),
            out.next_token.as_deref(),
            progress,
            |request: &mut Self, token| request.next_token = Some(token),
        )
    }
}

impl PageItems for ScanThings {
    type Item = String;
    fn into_page_items(out: ScanPage) -> Vec<String> {
        out.things
    }
}

fn names(range: std::ops::RangeInclusive<u32>) -> Vec<String> {
    range.map(|n| format!("thing-{n}")).collect()
}

/// 5 things, 2 per page: pages 1, 2, 3 (the last with one thing).
fn numbered_mock() -> MockTransport {
    let page = |number: &'static str, items: Vec<String>| {
        rule::<ListThings>()
            .match_params(move |p| p.get("PageNumber").unwrap_or("1") == number)
            .then_output(move || ThingsPage {
                things: items.clone(),
                total_count: Some(5),
            })
    };
    MockTransport::new([
        page("1", names(1..=2)),
        page("2", names(3..=4)),
        page("3", names(5..=5)),
    ])
}

/// 5 things over three tokens: (none) → `t2` → `t3` → (empty token).
fn token_mock() -> MockTransport {
    let page = |token: Option<&'static str>, items: Vec<String>, next: &'static str| {
        rule::<ScanThings>()
            .match_params(move |p| p.get("NextToken") == token)
            .then_output(move || ScanPage {
                things: items.clone(),
                next_token: Some(next.to_owned()),
            })
    };
    MockTransport::new([
        page(None, names(1..=2), "t2"),
        page(Some("t2"), names(3..=4), "t3"),
        page(Some("t3"), names(5..=5), ""),
    ])
}

fn sent(mock: &MockTransport, name: &str) -> Vec<Option<String>> {
    mock.requests()
        .iter()
        .map(|r| r.params.get(name).map(str::to_owned))
        .collect()
}

fn numbered_request() -> ListThings {
    ListThings {
        page_number: None,
        page_size: Some(2),
    }
}

#[tokio::test]
async fn send_all_items_pages_by_number() {
    let mock = numbered_mock();
    let items = mock
        .client()
        .send_all_items(&numbered_request())
        .await
        .expect("all pages");
    assert_eq!(items, names(1..=5));
    assert_eq!(
        sent(&mock, "PageNumber"),
        [None, Some("2".into()), Some("3".into())]
    );
}

#[tokio::test]
async fn send_all_items_pages_by_token() {
    let mock = token_mock();
    let request = ScanThings {
        next_token: None,
        max_results: Some(2),
    };
    let items = mock
        .client()
        .send_all_items(&request)
        .await
        .expect("all pages");
    assert_eq!(items, names(1..=5));
    assert_eq!(
        sent(&mock, "NextToken"),
        [None, Some("t2".into()), Some("t3".into())]
    );
    assert_eq!(
        sent(&mock, "MaxResults"),
        [Some("2".into()), Some("2".into()), Some("2".into())]
    );
}

#[tokio::test]
async fn items_and_pages_stream_both_styles() {
    let mock = numbered_mock();
    let client = mock.client();
    let items: Vec<String> = client
        .items(&numbered_request())
        .try_collect()
        .await
        .expect("numbered items");
    assert_eq!(items, names(1..=5));
    let pages: Vec<ThingsPage> = client
        .pages(&numbered_request())
        .try_collect()
        .await
        .expect("numbered pages");
    assert_eq!(
        pages.iter().map(|p| p.things.len()).collect::<Vec<_>>(),
        [2, 2, 1]
    );

    let mock = token_mock();
    let client = mock.client();
    let items: Vec<String> = client
        .items(&ScanThings::default())
        .try_collect()
        .await
        .expect("token items");
    assert_eq!(items, names(1..=5));
    let pages: Vec<ScanPage> = client
        .pages(&ScanThings::default())
        .try_collect()
        .await
        .expect("token pages");
    assert_eq!(
        pages
            .iter()
            .map(|p| p.next_token.as_deref())
            .collect::<Vec<_>>(),
        [Some("t2"), Some("t3"), Some("")]
    );
    assert_eq!(mock.requests().len(), 6);
}

#[tokio::test]
async fn a_token_service_that_repeats_its_token_ends_the_listing() {
    // Every answer names the same token: the second page repeats it, and paging stops there
    // rather than asking forever.
    let mock = MockTransport::new([rule::<ScanThings>().then_output(|| ScanPage {
        things: names(1..=1),
        next_token: Some("again".to_owned()),
    })]);
    let items = mock
        .client()
        .send_all_items(&ScanThings::default())
        .await
        .expect("ends");
    assert_eq!(items, ["thing-1", "thing-1"]);
    assert_eq!(sent(&mock, "NextToken"), [None, Some("again".into())]);
}

#[tokio::test]
async fn an_error_on_a_later_page_ends_send_all_items() {
    let mock = MockTransport::new([
        rule::<ScanThings>()
            .match_params(|p| p.get("NextToken").is_none())
            .then_output(|| ScanPage {
                things: names(1..=2),
                next_token: Some("t2".to_owned()),
            }),
        rule::<ScanThings>().then_error(|| ListError(ErrorMeta::published("Throttling", 400, ""))),
    ]);
    let error = mock
        .client()
        .send_all_items(&ScanThings::default())
        .await
        .expect_err("the second page fails");
    assert_eq!(error.code(), Some("Throttling"));
    assert_eq!(mock.requests().len(), 2);
}
