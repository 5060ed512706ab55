//! Local validation of CreateInstances: every rule of the reference page, at and across every
//! boundary, with the exact error codes the server answers.

use swas::__private::runtime::{Operation, Params, Rule};
use swas::CreateInstances;

/// The page's example request: valid as it is.
fn example() -> CreateInstances {
    CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a****")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period(1)
        .build()
}

/// The codes of all violations, or an empty list when the request is valid.
fn codes(request: &CreateInstances) -> Vec<&'static str> {
    match request.validate() {
        Ok(()) => Vec::new(),
        Err(errors) => errors.codes(),
    }
}

#[test]
fn the_page_example_is_valid() {
    assert_eq!(codes(&example()), Vec::<&str>::new());
}

#[test]
fn period_must_be_one_of_the_published_values() {
    for (period, expected) in [
        (0, vec!["InvalidPeriod.ValueNotSupported"]),
        (1, vec![]),
        (2, vec!["InvalidPeriod.ValueNotSupported"]),
        (3, vec![]),
        (6, vec![]),
        (12, vec![]),
        (24, vec![]),
        (36, vec![]),
        (37, vec!["InvalidPeriod.ValueNotSupported"]),
        (-1, vec!["InvalidPeriod.ValueNotSupported"]),
    ] {
        let mut request = example();
        request.period = period;
        assert_eq!(codes(&request), expected, "Period {period}");
    }
}

#[test]
fn data_disk_size_range_and_multiple_of_20() {
    for (size, expected) in [
        (-20, vec!["InvalidDataDiskSize.ValueNotSupported"]),
        (0, vec![]),
        (10, vec!["InvalidDataDiskSize.ValueNotSupported"]),
        (20, vec![]),
        (40, vec![]),
        (16380, vec![]),
        // Above the maximum *and* a multiple of 20: one rule broken.
        (16400, vec!["InvalidDataDiskSize.ValueNotSupported"]),
        // Above the maximum and not a multiple of 20: both rules reported.
        (
            16390,
            vec![
                "InvalidDataDiskSize.ValueNotSupported",
                "InvalidDataDiskSize.ValueNotSupported",
            ],
        ),
    ] {
        let mut request = example();
        request.data_disk_size = Some(size);
        assert_eq!(codes(&request), expected, "DataDiskSize {size}");
    }
}

#[test]
fn amount_is_between_1_and_20() {
    for (amount, expected) in [
        (0, vec!["InvalidAmount.ValueNotSupported"]),
        (1, vec![]),
        (20, vec![]),
        (21, vec!["InvalidAmount.ValueNotSupported"]),
        (200, vec!["InvalidAmount.ValueNotSupported"]),
    ] {
        let mut request = example();
        request.amount = Some(amount);
        assert_eq!(codes(&request), expected, "Amount {amount}");
    }
}

#[test]
fn auto_renew_period_is_required_when_auto_renew_is_true() {
    let mut request = example();
    request.auto_renew = Some(true);
    let errors = request.validate().unwrap_err();
    assert_eq!(errors.codes(), ["InvalidAutoRenewPeriod.ValueNotSupported"]);
    let v = &errors.violations()[0];
    assert_eq!(v.parameter, "AutoRenewPeriod");
    assert_eq!(
        v.rule,
        Rule::RequiredWhen {
            parameter: "AutoRenew",
            value: "true"
        }
    );
    assert_eq!(v.value, None);

    request.auto_renew_period = Some(3);
    assert_eq!(codes(&request), Vec::<&str>::new());

    // Not required when AutoRenew is false or absent, but still checked when given.
    request.auto_renew = Some(false);
    request.auto_renew_period = None;
    assert_eq!(codes(&request), Vec::<&str>::new());
    request.auto_renew = None;
    request.auto_renew_period = Some(5);
    assert_eq!(
        codes(&request),
        ["InvalidAutoRenewPeriod.ValueNotSupported"]
    );
}

#[test]
fn charge_type_only_prepaid() {
    for (charge_type, expected) in [
        ("PrePaid", vec![]),
        ("PostPaid", vec!["InvalidChargeType.ValueNotSupported"]),
        ("prepaid", vec!["InvalidChargeType.ValueNotSupported"]),
        ("", vec!["InvalidChargeType.ValueNotSupported"]),
    ] {
        let mut request = example();
        request.charge_type = Some(charge_type.to_owned());
        assert_eq!(codes(&request), expected, "ChargeType {charge_type:?}");
    }
}

#[test]
fn client_token_ascii_and_at_most_64_characters() {
    let mut request = example();
    request.client_token = Some("a".repeat(64));
    assert_eq!(codes(&request), Vec::<&str>::new());

    request.client_token = Some("a".repeat(65));
    let errors = request.validate().unwrap_err();
    assert_eq!(errors.codes(), ["InvalidParam"]);
    assert_eq!(
        errors.violations()[0].rule,
        Rule::Length {
            min: None,
            max: Some(64)
        }
    );

    request.client_token = Some("令牌".to_owned());
    let errors = request.validate().unwrap_err();
    assert_eq!(errors.codes(), ["InvalidParam"]);
    assert_eq!(errors.violations()[0].rule, Rule::Ascii);
    assert_eq!(errors.violations()[0].value.as_deref(), Some("令牌"));

    // 64 non-ASCII characters: the length is fine, the charset is not.
    request.client_token = Some("é".repeat(64));
    assert_eq!(codes(&request), ["InvalidParam"]);
    // 65 non-ASCII characters: both rules are broken.
    request.client_token = Some("é".repeat(65));
    assert_eq!(codes(&request), ["InvalidParam", "InvalidParam"]);
}

#[test]
fn empty_required_strings_are_reported() {
    let mut request = example();
    request.region_id = String::new();
    let errors = request.validate().unwrap_err();
    assert_eq!(errors.codes(), ["MissingParameter"]);
    assert_eq!(errors.violations()[0].parameter, "RegionId");
    assert_eq!(errors.violations()[0].rule, Rule::Required);
}

#[test]
fn every_violation_is_reported_at_once_in_parameter_order() {
    let request = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("img")
        .plan_id("plan")
        .period(2)
        .auto_renew(true)
        .data_disk_size(30)
        .amount(21)
        .charge_type("PostPaid")
        .client_token("x".repeat(65))
        .build();
    let errors = request.validate().unwrap_err();
    assert_eq!(
        errors.codes(),
        [
            "InvalidPeriod.ValueNotSupported",
            "InvalidAutoRenewPeriod.ValueNotSupported",
            "InvalidDataDiskSize.ValueNotSupported",
            "InvalidAmount.ValueNotSupported",
            "InvalidChargeType.ValueNotSupported",
            "InvalidParam",
        ]
    );
    let parameters: Vec<&str> = errors
        .violations()
        .iter()
        .map(|v| v.parameter.as_ref())
        .collect();
    assert_eq!(
        parameters,
        [
            "Period",
            "AutoRenewPeriod",
            "DataDiskSize",
            "Amount",
            "ChargeType",
            "ClientToken"
        ]
    );
    assert_eq!(
        errors.to_string(),
        "6 rule(s) broken: Period must be one of {1, 3, 6, 12, 24, 36} (got \"2\") [InvalidPeriod.ValueNotSupported]; \
         AutoRenewPeriod is required when AutoRenew = true [InvalidAutoRenewPeriod.ValueNotSupported]; \
         DataDiskSize must be a multiple of 20 (got \"30\") [InvalidDataDiskSize.ValueNotSupported]; \
         Amount must be between 1 and 20 (got \"21\") [InvalidAmount.ValueNotSupported]; \
         ChargeType must be one of {\"PrePaid\"} (got \"PostPaid\") [InvalidChargeType.ValueNotSupported]; \
         ClientToken must be at most 64 characters long (got \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") [InvalidParam]"
    );
}

#[test]
fn wire_parameters_are_exact() {
    let request = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a****")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period(12)
        .auto_renew(true)
        .auto_renew_period(3)
        .data_disk_size(16380)
        .amount(1)
        .client_token("tok-1")
        .build();
    let mut params = Params::new();
    request.write_params(&mut params);
    let wire: Vec<(&str, &str)> = params.iter().collect();
    // Unset optional parameters (ChargeType) are omitted; booleans are lowercase; the order is
    // the wire names' byte order, the order a v1 signature sorts them in.
    assert_eq!(
        wire,
        [
            ("Amount", "1"),
            ("AutoRenew", "true"),
            ("AutoRenewPeriod", "3"),
            ("ClientToken", "tok-1"),
            ("DataDiskSize", "16380"),
            ("ImageId", "e2c9c365024a44369c9b955a998a****"),
            ("Period", "12"),
            ("PlanId", "swas.s1.c1m1s40b3t05"),
            ("RegionId", "cn-hangzhou"),
        ]
    );
    assert_eq!(
        <CreateInstances as Operation>::IDEMPOTENCY_TOKEN,
        Some("ClientToken")
    );
    assert_eq!(<CreateInstances as Operation>::ACTION, "CreateInstances");
    assert_eq!(<CreateInstances as Operation>::VERSION, "2020-06-01");
}

#[test]
fn from_wire_round_trips_and_reports_every_problem() {
    let request = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("img")
        .plan_id("plan")
        .period(3)
        .auto_renew(false)
        .client_token("tok")
        .build();
    let mut params = Params::new();
    request.write_params(&mut params);
    assert_eq!(CreateInstances::from_wire(&params).unwrap(), request);

    // Python's SDK sends booleans as True/False.
    let params: Params = [
        ("RegionId", "cn-hangzhou"),
        ("ImageId", "img"),
        ("PlanId", "plan"),
        ("Period", "1"),
        ("AutoRenew", "True"),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        CreateInstances::from_wire(&params).unwrap().auto_renew,
        Some(true)
    );

    let params: Params = [
        ("RegionId", "cn-hangzhou"),
        ("Period", "one"),
        ("Amount", "2x"),
    ]
    .into_iter()
    .collect();
    let errors = CreateInstances::from_wire(&params).unwrap_err();
    let found: Vec<(&str, &str)> = errors
        .violations()
        .iter()
        .map(|v| (v.parameter.as_ref(), v.code))
        .collect();
    assert_eq!(
        found,
        [
            ("ImageId", "MissingParameter"),
            ("PlanId", "MissingParameter"),
            ("Period", "InvalidParameter"),
            ("Amount", "InvalidParameter"),
        ]
    );
}

#[test]
fn build_fixes_the_idempotency_token_in_the_request_value() {
    let order = || {
        CreateInstances::builder()
            .region_id("cn-hangzhou")
            .image_id("e2c9c365024a44369c9b955a998a****")
            .plan_id("swas.s1.c1m1s40b3t05")
            .period(1)
    };
    let first = order().build();
    let token = first
        .client_token
        .clone()
        .expect("build() fills ClientToken");
    assert_eq!(token.len(), 36, "{token}");
    assert_eq!(token.matches('-').count(), 4, "{token}");
    // A copy of the value is the same order; another build() is another order.
    assert_eq!(first.clone().client_token.as_deref(), Some(token.as_str()));
    assert_ne!(
        order().build().client_token.as_deref(),
        Some(token.as_str())
    );
    // A token the caller gives is kept.
    let own = order().client_token("my-order-17").build();
    assert_eq!(own.client_token.as_deref(), Some("my-order-17"));
    // `set_x(Option<T>)`: `Some` sets, `None` clears (and build() fills the token again).
    let amount = order().set_amount(Some(3)).set_amount(None).build();
    assert_eq!(amount.amount, None);
    assert_eq!(order().set_amount(Some(3)).build().amount, Some(3));
}
