//! Vendor documentation markup as rustdoc Markdown (issue 18), as snapshots: site variants
//! (closed, unclosed and inline), nested lists, a table, code in `<details>`, document links, and
//! an operation's English docs with the Chinese original folded under "原文".

use acs_codegen::generate::markup::{render, Site};

/// The shape of the English text in the 2025 SDK packages: unclosed variants, `<details>`.
const ENGLISH: &str = r#"Creates instances.
<props="china">
Creating instances incurs charges, see [pricing](https://www.aliyun.com/price).
<props="intl">Before using this operation, see [pricing](https://www.alibabacloud.com/pricing) and [Limits](~~25412#BandwidthQuota~~).
### Before you begin
<props="china">
- Complete real-name registration.
- Check your quota in the [Quota Center](https://quotas.console.aliyun.com/).
### Precautions
*   Up to 100 instances per request, see [DescribeRegions](https://help.aliyun.com/document_detail/25609.html).
    *   Split larger orders:
        - in batches
        - or concurrently
*   Disk types: `cloud_essd`<props="china"><ph>, `cloud_essd_entry`</ph><props="intl"><ph></ph>.

| Value | Meaning |
|---|---|
| PrePaid | subscription [1, 100] months |
| PostPaid | pay-as-you-go <account_id> |
<details>
<summary>Example: 5 subscription instances</summary>
```
Amount:5,
  Period:1
```
</details>
"#;

/// The shape of the Chinese metadata: closed variants, indented nested lists, bare links.
const CHINESE: &str = "## 接口说明\n\n<props=\"china\">\n\n- **准备工作**：\n  - 通过实名认证。更多信息，请参见[账号实名认证相关文档](~~48263~~)。\n\n</props>\n\n<props=\"intl\">\n\n- **准备工作**：\n  - 成本估算：请参见[计费概述](~~25398~~)。\n       - 嵌套\n\n</props>\n\n    缩进的段落 ~~25609~~。";

#[test]
fn english_vendor_markup() {
    insta::assert_snapshot!(render(ENGLISH, Site::English).join("\n"));
}

#[test]
fn chinese_vendor_markup() {
    insta::assert_snapshot!(render(CHINESE, Site::Chinese).join("\n"));
}

/// An operation with English and Chinese: English first, the Chinese folded under 原文.
#[test]
fn operation_doc_with_the_original_folded() {
    let spec = format!(
        r#"{{ "specVersion": 1, "product": "Ecs", "version": "2014-05-26",
           "operations": [ {{ "name": "RunInstances", "methods": ["POST"],
             "summary": {{ "en": "Creates instances.", "zh": "创建实例。" }},
             "description": {{ "en": {}, "zh": {} }},
             "parameters": [ {{ "name": "RegionId", "type": "string", "required": true,
               "description": {{ "en": "The region. See [DescribeRegions](~~25609~~).", "zh": "地域。" }} }},
               {{ "name": "Zone", "type": "string", "description": {{ "zh": "可用区，<props=\"china\">国内</props><props=\"intl\">国际</props>。" }} }} ],
             "response": [ {{ "name": "RequestId", "type": "string" }} ] }} ] }}"#,
        serde_json::to_string(ENGLISH).unwrap(),
        serde_json::to_string(CHINESE).unwrap()
    );
    let spec = acs_codegen::parse_spec("RunInstances.json", &spec).unwrap();
    let code = acs_codegen::pretty(acs_codegen::generate(&spec, &Default::default())).unwrap();
    // The request struct's docs and its fields' (what a user reads first).
    let start = code.find("    /// `RunInstances` — Ecs API").unwrap();
    let end = start + code[start..].find("pub zone: Option<String>,").unwrap();
    let docs: Vec<&str> = code[start..end]
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("///") || l.starts_with("pub "))
        .collect();
    insta::assert_snapshot!(docs.join("\n"));
}

/// Every vendor text of every shipped spec, rendered, as the doc comment of an item of one
/// crate: what `rustdoc -D warnings` then checks without compiling 750 operations
/// (`DOCS_LINT_OUT=/tmp/docs_lint.rs cargo test -p acs-codegen --test docs_render -- --ignored`,
/// then `rustdoc --edition 2021 --crate-type lib -D warnings /tmp/docs_lint.rs`; `.ci/run` splits
/// it in two with `DOCS_LINT_PARTS=2` and runs two rustdoc processes at once).
#[test]
#[ignore = "writes a file for rustdoc; run on demand"]
fn every_shipped_text_as_one_crate_for_rustdoc() {
    use acs_codegen::spec::{Field, Text, TypeSpec};
    fn field_texts<'a>(fields: &'a [Field], out: &mut Vec<&'a Text>) {
        for f in fields {
            out.push(&f.description);
            match &f.ty {
                TypeSpec::Object { properties, .. } => field_texts(properties, out),
                TypeSpec::Array {
                    items,
                    item_description,
                    ..
                } => {
                    out.push(item_description);
                    if let TypeSpec::Object { properties, .. } = items.as_ref() {
                        field_texts(properties, out);
                    }
                }
                TypeSpec::Scalar(_) => {}
            }
        }
    }
    let out_path = std::env::var("DOCS_LINT_OUT").expect("DOCS_LINT_OUT");
    // `DOCS_LINT_PARTS=K`: K crates (`<out>_0.rs` …) that K rustdoc processes check side by side
    // (rustdoc is single-threaded; one crate of every text took 3–5 minutes).
    let parts: usize = std::env::var("DOCS_LINT_PARTS")
        .ok()
        .map(|k| k.parse().expect("DOCS_LINT_PARTS is a number"))
        .unwrap_or(1)
        .max(1);
    let specs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let mut crate_texts = vec![String::from("//! Rendered vendor texts.\n"); parts];
    let mut n = 0;
    let mut structs = 0;
    let mut seen = std::collections::HashSet::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&specs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("_service.json").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let shown = file.display().to_string();
            let spec = acs_codegen::load_spec(&file, &shown).unwrap();
            for op in &spec.operations {
                let mut texts = vec![&op.summary, &op.description];
                texts.extend(op.notes.iter());
                field_texts(&op.parameters, &mut texts);
                field_texts(&op.response, &mut texts);
                texts.extend(op.errors.iter().map(|e| &e.description));
                // One struct per operation, one field per text: rustdoc writes a page per item
                // but none per field (82,000 item pages took 11 minutes, one per operation ~1).
                let mut fields = String::new();
                for t in texts {
                    for (text, site) in [(&t.en, Site::English), (&t.zh, Site::Chinese)] {
                        let Some(text) = text else { continue };
                        let lines = render(text, site);
                        // The same text (`RegionId`'s, a page size's) recurs in hundreds of
                        // operations: rustdoc needs to see each rendering once.
                        if !seen.insert(lines.clone()) {
                            continue;
                        }
                        for line in lines {
                            fields.push_str(&format!(
                                "    ///{}{line}\n",
                                if line.is_empty() { "" } else { " " }
                            ));
                        }
                        fields.push_str(&format!("    pub t{n}: (),\n"));
                        n += 1;
                    }
                }
                if !fields.is_empty() {
                    let crate_text = &mut crate_texts[structs % parts];
                    structs += 1;
                    crate_text.push_str(&format!("\n/// {} {}\n", op.name, shown));
                    crate_text.push_str(&format!("pub struct Op{n} {{\n{fields}}}\n"));
                }
            }
        }
    }
    if parts == 1 {
        std::fs::write(out_path, &crate_texts[0]).unwrap();
        return;
    }
    let stem = out_path.strip_suffix(".rs").unwrap_or(&out_path);
    for (k, crate_text) in crate_texts.iter().enumerate() {
        std::fs::write(format!("{stem}_{k}.rs"), crate_text).unwrap();
    }
}
