//! The import's endpoint table: a host published with stray whitespace is trimmed and reported,
//! one that is not a host name is reported and left out, never written as given.

use acs_codegen::import::{self, ImportOptions};
use serde_json::json;

#[test]
fn stray_whitespace_is_trimmed_and_non_hosts_are_reported_and_skipped() {
    let doc = json!({
        "info": { "style": "RPC", "product": "Thing", "version": "2020-01-01" },
        "endpoints": [
            { "regionId": "cn-a", "endpoint": "thing.cn-a.aliyuncs.com\t" },
            { "regionId": "cn-b", "endpoint": "https://thing.cn-b.aliyuncs.com/" },
            { "regionId": "cn-c", "endpoint": "thing.cn-c.aliyuncs.com" }
        ],
        "apis": {}
    });
    let options = ImportOptions {
        source_file: "2020-01-01.api-docs.json".into(),
        date: Some("2020-01-01".into()),
        ..Default::default()
    };
    let imported = import::import(&doc.to_string(), &options).unwrap();
    let (_, service) = &imported.files[0];
    assert_eq!(
        service["endpoints"],
        json!([
            { "regionId": "cn-a", "host": "thing.cn-a.aliyuncs.com" },
            { "regionId": "cn-c", "host": "thing.cn-c.aliyuncs.com" }
        ])
    );
    let about: Vec<String> = imported
        .reports
        .iter()
        .filter(|r| r.pointer.starts_with("/endpoints/"))
        .map(|r| format!("{} {}: {}", r.pointer, r.name, r.message))
        .collect();
    assert_eq!(
        about,
        [
            "/endpoints/0 cn-a: host \"thing.cn-a.aliyuncs.com\\t\" has surrounding whitespace; trimmed",
            "/endpoints/1 cn-b: \"https://thing.cn-b.aliyuncs.com/\" is not a host name (\"https://thing\" is not a host label (lower-case letters, digits, inner '-')); entry skipped",
        ]
    );
}
