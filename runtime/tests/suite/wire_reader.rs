//! The server-side wire reader: linear in the parameter count, list limits enforced while
//! reading, and the published index rule (`Name.N`, N from 1) enforced.

use std::time::{Duration, Instant};

use acs_runtime::wire::{FromWireObject, Reader, WireObject, DEFAULT_MAX_ITEMS};
use acs_runtime::Params;

#[derive(Debug, Default, PartialEq)]
struct Tag {
    key: Option<String>,
    value: Option<String>,
}

impl WireObject for Tag {
    fn write_fields(&self, prefix: &str, params: &mut Params) {
        if let Some(key) = &self.key {
            params.push(format!("{prefix}.Key"), key);
        }
        if let Some(value) = &self.value {
            params.push(format!("{prefix}.Value"), value);
        }
    }
}

impl FromWireObject for Tag {
    fn read_fields(reader: &mut Reader<'_>, prefix: &str) -> Self {
        Self {
            key: reader.optional(&format!("{prefix}.Key")),
            value: reader.optional(&format!("{prefix}.Value")),
        }
    }
}

fn tags(n: usize) -> Params {
    let mut params = Params::new();
    for i in 1..=n {
        params.push(format!("Tag.{i}.Key"), format!("k{i}"));
        params.push(format!("Tag.{i}.Value"), format!("v{i}"));
    }
    params
}

/// The violations of one read, as `Display` renders them.
fn problems(params: &Params, read: impl FnOnce(&mut Reader<'_>)) -> Vec<String> {
    let mut reader = Reader::new(params);
    read(&mut reader);
    match reader.finish() {
        Ok(()) => Vec::new(),
        Err(e) => e.violations().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn indexes_run_from_one_without_leading_zeros() {
    for bad in [
        "Tag.0.Key",
        "Tag.01.Key",
        "Tag.x.Key",
        "Tag..Key",
        "Tag.-1.Key",
        "Tag.+1.Key",
    ] {
        let mut params = tags(2);
        params.push(bad, "k");
        let mut read = None;
        let found = problems(&params, |r| {
            read = Some(r.repeat_list_objects::<Tag>("Tag"))
        });
        assert_eq!(
            read,
            Some(None),
            "{bad}: nothing is read from a malformed list"
        );
        assert_eq!(
            found,
            [format!(
                "{bad} must be an index N from 1 without leading zeros (Name.N) [InvalidParameter]"
            )],
            "{bad}"
        );
    }
    let params: Params = [("InstanceIds.0", "i-1")].into_iter().collect();
    assert_eq!(
        problems(&params, |r| {
            r.repeat_list::<String>("InstanceIds");
        }),
        ["InstanceIds.0 must be an index N from 1 without leading zeros (Name.N) [InvalidParameter]"]
    );
}

#[test]
fn well_formed_lists_read_in_index_order() {
    let mut params = Params::new();
    params.push("Tag.10.Key", "ten");
    params.push("Tag.2.Key", "two");
    params.push("Tag.2.Value", "2");
    let mut read = None;
    assert!(problems(&params, |r| read = r.repeat_list_objects::<Tag>("Tag")).is_empty());
    assert_eq!(
        read,
        Some(vec![
            Tag {
                key: Some("two".into()),
                value: Some("2".into())
            },
            Tag {
                key: Some("ten".into()),
                value: None
            },
        ])
    );
}

#[test]
fn lists_longer_than_the_maximum_are_refused_while_reading() {
    assert_eq!(DEFAULT_MAX_ITEMS, 100);
    let mut read = None;
    assert!(problems(&tags(100), |r| read = r.repeat_list_objects::<Tag>("Tag")).is_empty());
    assert_eq!(read.map(|t| t.len()), Some(100));

    let mut read = Some(None);
    assert_eq!(
        problems(&tags(50_000), |r| read =
            Some(r.repeat_list_objects::<Tag>("Tag"))),
        [r#"Tag must have at most 100 items (got "50000 items") [InvalidParameter]"#]
    );
    assert_eq!(read, Some(None));

    let ids: Vec<String> = (0..50_000).map(|i| format!("i-{i}")).collect();
    let json: Params = [("InstanceIds", serde_json::to_string(&ids).expect("json"))]
        .into_iter()
        .collect();
    let mut read = Some(None);
    assert_eq!(
        problems(&json, |r| read = Some(r.json::<Vec<String>>("InstanceIds"))),
        [r#"InstanceIds must have at most 100 items (got "50000 items") [InvalidParameter]"#]
    );
    assert_eq!(read, Some(None));

    let simple: Params = [("RuleIds", ids.join(","))].into_iter().collect();
    assert_eq!(
        problems(&simple, |r| {
            r.simple::<String>("RuleIds");
        }),
        [r#"RuleIds must have at most 100 items (got "50000 items") [InvalidParameter]"#]
    );

    let few: Params = [("RuleIds", "a,b"), ("Ids", r#"["a","b"]"#)]
        .into_iter()
        .collect();
    let mut read = (None, None);
    assert!(problems(&few, |r| read =
        (r.simple::<String>("RuleIds"), r.json::<Vec<String>>("Ids")))
    .is_empty());
    assert_eq!(read.0.map(|v| v.len()), Some(2));
    assert_eq!(read.1.map(|v| v.len()), Some(2));
}

/// Reads `n` tags with a limit above `n` and returns how long it took.
fn time_reading(n: usize) -> Duration {
    let params = tags(n);
    let started = Instant::now();
    let mut reader = Reader::with_max_items(&params, usize::MAX);
    let read = reader.repeat_list_objects::<Tag>("Tag");
    let elapsed = started.elapsed();
    assert_eq!(read.map(|t| t.len()), Some(n));
    assert!(reader.finish().is_ok());
    elapsed
}

/// Before the reader indexed its parameters, each item was a linear search: 40,000 tags took
/// 3.2 s of CPU in a release build (quadratic). Now 4× the items cost about 4× the time.
#[test]
fn reading_is_linear_in_the_parameter_count() {
    let small = time_reading(10_000);
    let large = time_reading(40_000);
    assert!(
        large < Duration::from_secs(2),
        "40,000 tags (80,000 parameters) read in {large:?}"
    );
    // Quadratic would be 16×; allow noise on a shared machine.
    assert!(
        large < small * 8 + Duration::from_millis(50),
        "10,000 tags in {small:?}, 40,000 in {large:?}"
    );
}
