//! The mock transport (scripted typed outputs and errors, recorded requests), interceptors, the
//! service-wide error, 2xx error bodies, and listings as streams — over the mock and over HTTP
//! against swas-local.

use crate::common;

use std::str::FromStr;
use std::sync::{Arc, Mutex};

use common::*;
use swas::list_instances::ListInstancesResponseInstances;
use swas::stream::TryStreamExt as _;
use swas::{
    mock, mock_client, AnyError, CommonError, CreateInstances, CreateInstancesError,
    CreateInstancesResponse, Error, HttpResponse, ListInstances, ListInstancesError,
    ListInstancesResponse,
};
use swas_local::{Catalog, Config};

fn created(ids: &[&str]) -> CreateInstancesResponse {
    let mut out = CreateInstancesResponse::default();
    out.instance_ids = ids.iter().map(|s| s.to_string()).collect();
    out.request_id = Some("R-1".into());
    out
}

fn instance(id: &str) -> ListInstancesResponseInstances {
    ListInstancesResponseInstances {
        instance_id: Some(id.to_owned()),
        ..Default::default()
    }
}

fn page(ids: &[&str], total: i32) -> ListInstancesResponse {
    let mut out = ListInstancesResponse::default();
    out.instances = ids.iter().map(|id| instance(id)).collect();
    out.total_count = Some(total);
    out
}

fn list(page_size: i32) -> ListInstances {
    ListInstances::builder()
        .region_id("cn-hangzhou")
        .page_size(page_size)
        .build()
}

#[tokio::test]
async fn scripted_outputs_and_errors_per_operation_and_recorded_requests() {
    let two = mock!(CreateInstances)
        .match_requests(|r: &CreateInstances| r.amount == Some(2))
        .then_output(|| created(&["i-1", "i-2"]));
    let two_calls = two.calls();
    let sold_out = mock!(CreateInstances)
        .then_error(|| CreateInstancesError::from_str("NotEnoughStock").expect("infallible"));
    let (client, mock) = mock_client!([two, sold_out]);

    let out = client
        .send(&order(PLAN, IMAGE).amount(2).build())
        .await
        .expect("scripted output");
    assert_eq!(out.instance_ids, vec!["i-1", "i-2"]);
    assert_eq!(out.request_id.as_deref(), Some("R-1"));

    let error = client
        .send(&order(PLAN, IMAGE).amount(1).build())
        .await
        .expect_err("scripted error");
    match &error {
        Error::Service {
            error: CreateInstancesError::NotEnoughStock(meta),
            attempts: 1,
            client_token: Some(_),
        } => assert_eq!(meta.http_status, 400),
        other => panic!("{other:?}"),
    }
    assert_eq!(two_calls.get(), 1);

    // Nothing scripted for ListInstances: a clear, non-retried error.
    let error = client.send(&list(10)).await.expect_err("no rule");
    assert_eq!(error.code(), Some("Mock.NoMatchingRule"));

    let requests = mock.requests();
    assert_eq!(
        requests
            .iter()
            .map(|r| r.action.as_str())
            .collect::<Vec<_>>(),
        ["CreateInstances", "CreateInstances", "ListInstances"]
    );
    let creates = mock.requests_for::<CreateInstances>();
    assert_eq!(
        creates.iter().map(|r| r.amount).collect::<Vec<_>>(),
        [Some(2), Some(1)]
    );
    assert_eq!(creates[0].plan_id, PLAN);
    // Signing parameters and secrets are not recorded.
    assert_eq!(requests[0].params.get("Signature"), None);
    assert_eq!(requests[0].params.get("AccessKeyId"), None);
    assert_eq!(requests[0].params.get("Amount"), Some("2"));
}

#[tokio::test]
async fn a_sequence_repeats_its_last_answer_and_retries_see_it() {
    let flaky = mock!(CreateInstances)
        .then_no_response(false)
        .then_http(|| HttpResponse::json(503, r#"{"Code":"ServiceUnavailable","Message":"busy"}"#))
        .then_output(|| created(&["i-9"]));
    let mock = swas::mock::MockTransport::new([flaky]);
    let client = swas::Client::builder()
        .endpoint("https://mock.invalid")
        .credentials(swas::Credentials::new("id", "secret"))
        .retry(
            swas::RetryConfig::new()
                .with_max_attempts(3)
                .with_initial_backoff(std::time::Duration::from_millis(1)),
        )
        .transport(mock.clone())
        .build()
        .expect("client");
    let request = order(PLAN, IMAGE).build();
    let out = client.send(&request).await.expect("third attempt");
    assert_eq!(out.instance_ids, vec!["i-9"]);
    // Three attempts, one token.
    let tokens: Vec<Option<String>> = mock
        .requests_for::<CreateInstances>()
        .into_iter()
        .map(|r| r.client_token)
        .collect();
    assert_eq!(tokens, vec![request.client_token.clone(); 3]);
    // The last answer repeats.
    assert_eq!(
        client.send(&request).await.expect("again").instance_ids,
        vec!["i-9"]
    );
}

#[tokio::test]
async fn a_2xx_body_with_code_and_message_is_an_error() {
    let forbidden = mock!(ListInstances).then_http(|| {
        HttpResponse::json(
            200,
            r#"{"RequestId":"R-F","Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource."}"#,
        )
    });
    let (client, _mock) = mock_client!([forbidden]);
    let error = client.send(&list(10)).await.expect_err("an error");
    match &error {
        Error::Service {
            error: ListInstancesError::Common(CommonError::ForbiddenRam, meta),
            ..
        } => {
            assert_eq!(meta.http_status, 200);
            assert_eq!(meta.request_id.as_deref(), Some("R-F"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(error.common(), Some(CommonError::ForbiddenRam));
}

/// Two operations, one error type: `?` converts each operation's error.
async fn create_then_count(client: &swas::Client) -> Result<usize, AnyError> {
    client.send(&order(PLAN, IMAGE).build()).await?;
    Ok(client.send(&list(10)).await?.instances.len())
}

#[tokio::test]
async fn the_service_wide_error_keeps_the_typed_error() {
    let create = mock!(CreateInstances).then_output(|| created(&["i-1"]));
    let throttled = mock!(ListInstances)
        .then_error(|| ListInstancesError::from_str("Throttling.User").expect("infallible"));
    let (client, _mock) = mock_client!([create, throttled]);
    // The mock's runtime client, as the product's client.
    let client = swas::Client::from(client);
    let error = create_then_count(&client).await.expect_err("throttled");
    assert_eq!(error.action(), Some("ListInstances"));
    assert_eq!(error.common(), Some(CommonError::ThrottlingUser));
    assert!(matches!(
        error.downcast_ref::<ListInstancesError>(),
        Some(ListInstancesError::Common(CommonError::ThrottlingUser, _))
    ));
    assert!(error.downcast_ref::<CreateInstancesError>().is_none());
}

#[tokio::test]
async fn an_error_mid_stream_is_yielded_and_ends_the_stream() {
    let first = mock!(ListInstances)
        .match_requests(|r: &ListInstances| r.page_number.unwrap_or(1) == 1)
        .then_output(|| page(&["i-1", "i-2"], 5));
    let second = mock!(ListInstances)
        .match_requests(|r: &ListInstances| r.page_number == Some(2))
        .then_error(|| ListInstancesError::from_str("Throttling.User").expect("infallible"));
    let (client, mock) = mock_client!([first, second]);
    let request = list(2);
    let mut items = client.items(&request);
    let mut seen = Vec::new();
    let error = loop {
        match items.try_next().await {
            Ok(Some(item)) => seen.push(item.instance_id.unwrap_or_default()),
            Ok(None) => panic!("the stream ended without the error"),
            Err(error) => break error,
        }
    };
    assert_eq!(seen, ["i-1", "i-2"]);
    assert_eq!(error.code(), Some("Throttling.User"));
    assert!(
        matches!(items.try_next().await, Ok(None)),
        "ends after the error"
    );
    assert_eq!(
        mock.requests_for::<ListInstances>()
            .iter()
            .map(|r| r.page_number)
            .collect::<Vec<_>>(),
        [None, Some(2)]
    );
}

#[tokio::test]
async fn interceptors_add_headers_and_observe_attempts() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    let create = mock!(CreateInstances).then_output(|| created(&["i-1"]));
    let mock = swas::mock::MockTransport::new([create]);
    let client = swas::Client::builder()
        .endpoint("https://mock.invalid")
        .credentials(swas::Credentials::new("id", "secret"))
        .transport(mock.clone())
        .on_request(move |request| {
            request.insert_header("x-trace-id", "trace-7");
            record
                .lock()
                .expect("not poisoned")
                .push(request.action().to_owned());
        })
        .build()
        .expect("client");
    client
        .send(&order(PLAN, IMAGE).build())
        .await
        .expect("sent");
    assert_eq!(*seen.lock().expect("not poisoned"), ["CreateInstances"]);
    let headers = &mock.requests()[0].headers;
    assert!(
        headers.contains(&("x-trace-id".to_owned(), "trace-7".to_owned())),
        "{headers:?}"
    );
}

#[tokio::test]
async fn pages_and_items_stream_over_http() {
    let mut catalog = Catalog::builtin().with_stock(1000);
    catalog.quota = 1000;
    catalog.balance = 1.0e9;
    let server = start(Config {
        catalog,
        ..Config::default()
    })
    .await;
    let client = client(&server.url());
    client
        .send(&order(PLAN, IMAGE).amount(20).build())
        .await
        .expect("20");
    client
        .send(&order(PLAN, IMAGE).amount(5).build())
        .await
        .expect("5 more");

    let pages: Vec<ListInstancesResponse> = client
        .pages(&list(10))
        .try_collect()
        .await
        .expect("all pages");
    assert_eq!(
        pages.iter().map(|p| p.instances.len()).collect::<Vec<_>>(),
        [10, 10, 5]
    );
    let items: Vec<ListInstancesResponseInstances> = client
        .items(&list(7))
        .try_collect()
        .await
        .expect("all items");
    assert_eq!(items.len(), 25);
    let all = client.send_all_items(&list(7)).await.expect("sugar");
    assert_eq!(all, items);
    let before = server.request_count();
    // Explicit page size 25: one page.
    let one: Vec<ListInstancesResponse> = client
        .pages(&list(25))
        .try_collect()
        .await
        .expect("one page");
    assert_eq!(one.len(), 1);
    assert_eq!(server.request_count() - before, 1);
    server.shutdown().await;
}

/// Records the status each attempt got back (`None`: no response).
struct Observer(Arc<Mutex<Vec<Option<u16>>>>);

impl swas::Interceptor for Observer {
    fn after_attempt(
        &self,
        _request: &swas::PreparedRequest,
        response: Result<&HttpResponse, &swas::TransportError>,
    ) {
        self.0
            .lock()
            .expect("not poisoned")
            .push(response.ok().map(|r| r.status));
    }
}

#[tokio::test]
async fn interceptors_observe_every_attempt_and_what_it_got() {
    let flaky = mock!(CreateInstances)
        .then_no_response(false)
        .then_http(|| HttpResponse::json(503, r#"{"Code":"ServiceUnavailable","Message":"busy"}"#))
        .then_output(|| created(&["i-3"]));
    let mock = swas::mock::MockTransport::new([flaky]);
    let statuses = Arc::new(Mutex::new(Vec::new()));
    let client = swas::Client::builder()
        .endpoint("https://mock.invalid")
        .credentials(swas::Credentials::new("id", "secret"))
        .retry(
            swas::RetryConfig::new()
                .with_max_attempts(3)
                .with_initial_backoff(std::time::Duration::from_millis(1)),
        )
        .transport(mock)
        .interceptor(Observer(Arc::clone(&statuses)))
        .build()
        .expect("client");
    client
        .send(&order(PLAN, IMAGE).build())
        .await
        .expect("third attempt");
    assert_eq!(
        *statuses.lock().expect("not poisoned"),
        [None, Some(503), Some(200)]
    );
}

#[tokio::test]
async fn next_token_listings_stream_until_the_token_runs_out() {
    use swas::list_tag_resources::{
        ListTagResourcesResponseTagResources, ListTagResourcesResponseTagResourcesTagResource,
    };
    use swas::{ListTagResources, ListTagResourcesResponse};
    let page = |ids: &[&str], next: Option<&str>| {
        let mut out = ListTagResourcesResponse::default();
        out.next_token = next.map(str::to_owned);
        out.tag_resources = Some(ListTagResourcesResponseTagResources {
            tag_resource: ids
                .iter()
                .map(|id| ListTagResourcesResponseTagResourcesTagResource {
                    resource_id: Some((*id).to_owned()),
                    ..Default::default()
                })
                .collect(),
        });
        out
    };
    let first = mock!(ListTagResources)
        .match_requests(|r: &ListTagResources| r.next_token.is_none())
        .then_output(move || page(&["s-1", "s-2"], Some("t2")));
    let second = mock!(ListTagResources)
        .match_requests(|r: &ListTagResources| r.next_token.as_deref() == Some("t2"))
        .then_output(move || page(&["s-3"], Some("")));
    let (client, mock) = mock_client!([first, second]);
    let request = ListTagResources::builder()
        .region_id("cn-hangzhou")
        .resource_type("instance")
        .build();
    let items: Vec<_> = client
        .items(&request)
        .try_collect()
        .await
        .expect("both pages");
    let ids: Vec<String> = items.into_iter().filter_map(|r| r.resource_id).collect();
    assert_eq!(ids, ["s-1", "s-2", "s-3"]);
    let tokens: Vec<Option<String>> = mock
        .requests_for::<ListTagResources>()
        .into_iter()
        .map(|r| r.next_token)
        .collect();
    assert_eq!(tokens, [None, Some("t2".to_owned())]);
}
