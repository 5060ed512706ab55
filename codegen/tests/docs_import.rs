//! `acs-codegen import --docs` end to end, offline: a tiny vendor snapshot and a tiny unpacked
//! npm package in a temporary folder. The English texts land in the written specs by wire name
//! and nesting, with the package in `sources`; a text that matches nothing is a report line; a
//! re-import without `--docs` keeps the English (nothing changes); an overlay's English wins.

use std::path::{Path, PathBuf};

use acs_codegen::import::write::{run, RunOptions};
use serde_json::{json, Value};

/// A fresh temporary folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("acs-docs-import-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// One operation, `RunThings`: a nested object parameter and a response list in a wrapper.
fn snapshot(dir: &Path) -> PathBuf {
    let api = json!({
        "methods": ["post"],
        "summary": "运行。",
        "parameters": [
            { "name": "RegionId", "in": "query", "schema": { "type": "string", "required": true, "description": "地域。" } },
            { "name": "SystemDisk", "in": "query", "style": "flat", "schema": { "type": "object", "properties": {
                "Size": { "type": "integer", "format": "int32", "description": "大小。" } } } },
            { "name": "Extra", "in": "query", "schema": { "type": "string", "description": "额外。" } }
        ],
        "responses": { "200": { "schema": { "type": "object", "properties": {
            "RequestId": { "type": "string", "description": "请求ID。" },
            "Things": { "type": "object", "properties": { "Thing": { "type": "array", "items": {
                "type": "object", "properties": { "Cpu": { "type": "integer", "format": "int32", "description": "vCPU。" } } } } } }
        } } } }
    });
    let doc = json!({
        "version": "1.0",
        "info": { "style": "RPC", "product": "TEST", "version": "2020-01-01" },
        "directories": [ { "id": 1, "title": "实例", "type": "directory", "children": ["RunThings"] } ],
        "apis": { "RunThings": api },
    });
    let path = dir.join("metadata/2020-01-01.api-docs.json");
    write(&path, &doc.to_string());
    path
}

/// The package `npm pack` + `tar xzf` gives: `package/package.json` and `package/src/client.ts`.
fn package(dir: &Path) -> PathBuf {
    let root = dir.join("pkg");
    write(
        &root.join("package/package.json"),
        r#"{ "name": "@alicloud/test20200101", "version": "1.2.3" }"#,
    );
    write(
        &root.join("package/src/client.ts"),
        r#"
export class RunThingsRequestSystemDisk extends $dara.Model {
  /**
   * @remarks
   * The size, in GiB.
   */
  size?: number;
  static names(): { [key: string]: string } {
    return {
      size: 'Size',
    };
  }
}

export class RunThingsRequest extends $dara.Model {
  /**
   * @remarks
   * The region.
   *
   * This parameter is required.
   */
  regionId?: string;
  systemDisk?: RunThingsRequestSystemDisk;
  /**
   * @remarks
   * Not in the metadata.
   */
  gone?: string;
  static names(): { [key: string]: string } {
    return {
      regionId: 'RegionId',
      systemDisk: 'SystemDisk',
      gone: 'Gone',
    };
  }

  static types(): { [key: string]: any } {
    return {
      regionId: 'string',
      systemDisk: RunThingsRequestSystemDisk,
      gone: 'string',
    };
  }
}

export class RunThingsResponseBodyThingsThing extends $dara.Model {
  /**
   * @remarks
   * The number of vCPUs.
   */
  cpu?: number;
  static names(): { [key: string]: string } {
    return {
      cpu: 'Cpu',
    };
  }
}

export class RunThingsResponseBodyThings extends $dara.Model {
  thing?: RunThingsResponseBodyThingsThing[];
  static names(): { [key: string]: string } {
    return {
      thing: 'Thing',
    };
  }

  static types(): { [key: string]: any } {
    return {
      thing: { 'type': 'array', 'itemType': RunThingsResponseBodyThingsThing },
    };
  }
}

export class RunThingsResponseBody extends $dara.Model {
  /**
   * @remarks
   * The request ID.
   */
  requestId?: string;
  things?: RunThingsResponseBodyThings;
  static names(): { [key: string]: string } {
    return {
      requestId: 'RequestId',
      things: 'Things',
    };
  }

  static types(): { [key: string]: any } {
    return {
      requestId: 'string',
      things: RunThingsResponseBodyThings,
    };
  }
}

export class RunThingsResponse extends $dara.Model {
  body?: RunThingsResponseBody;
  static types(): { [key: string]: any } {
    return {
      body: RunThingsResponseBody,
    };
  }
}

export default class Client extends OpenApi {
  /**
   * Runs things.
   *
   * @remarks
   * ### Before you begin
   * - Check the [quota](~~25412~~).
   *
   * @param request - RunThingsRequest
   * @returns RunThingsResponse
   */
  async runThingsWithOptions(request: $_model.RunThingsRequest, runtime: $dara.RuntimeOptions): Promise<$_model.RunThingsResponse> {
    let params = new $OpenApiUtil.Params({
      action: "RunThings",
    });
  }
}
"#,
    );
    root
}

fn options(
    dir: &Path,
    docs: Vec<PathBuf>,
    overlay_dir: Option<PathBuf>,
    dry_run: bool,
) -> RunOptions {
    RunOptions {
        inputs: vec![dir.join("metadata")],
        out: dir.join("specs"),
        overlay_dir,
        facade: None,
        dry_run,
        default_operations: Vec::new(),
        docs,
    }
}

fn spec(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("specs/RunThings.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn english_attached_by_wire_name_recorded_reported_and_carried() {
    let dir = scratch("attach");
    snapshot(&dir);
    let pkg = package(&dir);
    let outcome = run(&options(&dir, vec![pkg.clone()], None, false)).unwrap();
    assert!(
        outcome.check_errors.is_empty(),
        "{:?}",
        outcome.check_errors
    );
    assert_eq!(
        outcome.english,
        // Summary, remarks, RegionId, SystemDisk.Size, RequestId, Things.Thing[].Cpu.
        (vec!["@alicloud/test20200101@1.2.3".to_owned()], 6)
    );
    let doc = spec(&dir);
    let op = &doc["operations"][0];
    assert_eq!(
        op["summary"],
        json!({ "en": "Runs things.", "zh": "运行。" })
    );
    assert_eq!(
        op["description"]["en"],
        "### Before you begin\n- Check the [quota](~~25412~~)."
    );
    let param = |name: &str| {
        op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()
            .clone()
    };
    // The generator's required-note is dropped; the metadata's Chinese stays.
    assert_eq!(
        param("RegionId")["description"],
        json!({ "en": "The region.", "zh": "地域。" })
    );
    assert_eq!(
        param("SystemDisk")["properties"][0]["description"]["en"],
        "The size, in GiB."
    );
    assert_eq!(param("Extra")["description"], json!({ "zh": "额外。" }));
    let things = op["response"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Things")
        .unwrap();
    assert_eq!(
        things["properties"][0]["items"]["properties"][0]["description"]["en"],
        "The number of vCPUs."
    );
    let source = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "sdkPackage")
        .unwrap();
    assert_eq!(source["file"], "@alicloud/test20200101@1.2.3");
    assert_eq!(
        source["url"],
        "https://www.npmjs.com/package/@alicloud/test20200101/v/1.2.3"
    );
    // The parameter the metadata lacks: one report line with the count and the path.
    let reports: Vec<String> = outcome
        .imported
        .reports
        .iter()
        .filter(|r| r.message.contains("English"))
        .map(|r| r.message.clone())
        .collect();
    assert_eq!(
        reports,
        ["1 English text(s) of @alicloud/test20200101@1.2.3 match no field of the metadata, not attached: request Gone"]
    );

    // Without --docs the specs keep their English: nothing would change.
    let again = run(&options(&dir, Vec::new(), None, true)).unwrap();
    assert!(again.changed.is_empty(), "{:?}", again.changed);
    // With the same package, nothing either (what `--check-only` tells the maintainer).
    let again = run(&options(&dir, vec![pkg], None, true)).unwrap();
    assert!(again.changed.is_empty(), "{:?}", again.changed);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_overlays_english_wins_over_the_package() {
    let dir = scratch("overlay");
    snapshot(&dir);
    let pkg = package(&dir);
    write(
        &dir.join("overlays/RunThings.json"),
        &json!({
            "operation": "RunThings",
            "summary": { "en": "Curated summary." },
            "parameters": [ { "name": "RegionId", "description": { "en": "Curated region." } } ]
        })
        .to_string(),
    );
    let outcome = run(&options(&dir, vec![pkg], Some(dir.join("overlays")), false)).unwrap();
    assert!(
        outcome.check_errors.is_empty(),
        "{:?}",
        outcome.check_errors
    );
    let doc = spec(&dir);
    let op = &doc["operations"][0];
    assert_eq!(op["summary"], json!({ "en": "Curated summary." }));
    assert_eq!(op["parameters"][0]["description"]["en"], "Curated region.");
    // What the overlay does not say still comes from the package.
    assert_eq!(
        op["parameters"][1]["properties"][0]["description"]["en"],
        "The size, in GiB."
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_that_is_no_package_is_a_clear_error() {
    let dir = scratch("nopkg");
    snapshot(&dir);
    let e = run(&options(&dir, vec![dir.join("metadata")], None, true)).unwrap_err();
    assert!(e.message.contains("not an unpacked SDK package"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}
