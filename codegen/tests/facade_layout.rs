//! Every product facade has the one generated layout: each operation of its specs re-exported by
//! name behind its group's documented feature, listed and linked in the crate docs, and the same
//! exports everywhere. Reads the shipped files (the import writes them; `regenerate.rs` checks
//! they are current), so it needs no build.

use std::path::{Path, PathBuf};

use acs_codegen::import::facade::{crate_path, feature_name, operation_items, service_error_name};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every facade crate directory of the workspace (those with a `facade.json`).
fn facades() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("facade.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// `(operation, group)` of every operation spec the facade expands.
fn operations(facade: &Path) -> Vec<(String, String)> {
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(facade.join("facade.json")).unwrap())
            .unwrap();
    let specs = facade.join(config["specs"].as_str().unwrap());
    let mut ops = Vec::new();
    for entry in std::fs::read_dir(&specs).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name.starts_with('_') || path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let spec = acs_codegen::parse_spec(
            &path.display().to_string(),
            &std::fs::read_to_string(&path).unwrap(),
        )
        .unwrap();
        for op in spec.operations {
            let group = op.group.unwrap_or_else(|| "Other".to_owned());
            ops.push((op.name, group));
        }
    }
    ops.sort();
    ops
}

#[test]
fn every_operation_is_reexported_by_name_and_linked_in_the_crate_docs() {
    let mut products = 0;
    for facade in facades() {
        let name = facade.file_name().unwrap().to_string_lossy().into_owned();
        let lib = std::fs::read_to_string(facade.join("src/lib.rs")).unwrap();
        let reexports = std::fs::read_to_string(facade.join("src/operations.rs")).unwrap();
        let ops = operations(&facade);
        assert!(!ops.is_empty(), "{name}");
        for (op, group) in &ops {
            let feature = feature_name(group);
            let line = format!("    {},\n", operation_items(op).join(", "));
            assert_eq!(reexports.matches(&line).count(), 1, "{name}: {op}");
            // The re-export sits in its group's block, gated on the documented feature.
            let at = reexports.find(&line).unwrap();
            let gate = reexports[..at].rfind("#[cfg(").unwrap();
            assert!(
                reexports[gate..at].starts_with(&format!("#[cfg(feature = \"{feature}\")]"))
                    || reexports[gate..at]
                        .starts_with(&format!("#[cfg(any(feature = \"{feature}\", feature = ")),
                "{name}: {op} gated on {}",
                &reexports[gate..at]
            );
            let crate_ident = crate_path(&format!("{name}-{feature}"));
            assert!(
                reexports[gate..at].contains(&format!("pub use {crate_ident}::{{")),
                "{name}: {op}"
            );
            // Linked in the docs when its feature is on, named (unlinked) when it is off.
            assert_eq!(lib.matches(&format!("[`{op}`]")).count(), 1, "{name}: {op}");
            assert!(lib.contains(&format!("`{op}`,")) || lib.contains(&format!("`{op}`\"")));
        }
        let linked: usize = lib
            .lines()
            .filter(|l| l.contains("doc = \"- **"))
            .map(|l| l.matches("[`").count())
            .sum();
        assert_eq!(linked, ops.len(), "{name}: one link per operation");
        // The same exports for every product, under valid Rust paths.
        for export in [
            "pub use acs_runtime::paginate::{PageItems, Pages, Paginated};",
            "pub use acs_runtime::{mock, mock_client, stream, waiter, FromWire};",
            "pub use acs_runtime::credentials;",
            &format!("pub type {} = AnyError;", service_error_name(&name)),
            "mod product_client;\npub use product_client::*;",
            "#![cfg_attr(docsrs, feature(doc_cfg))]",
        ] {
            assert!(lib.contains(export), "{name}: {export}");
        }
        assert!(!lib.contains(&format!("{name}::client()")) || !name.contains('-'));
        let toml = std::fs::read_to_string(facade.join("Cargo.toml")).unwrap();
        assert!(toml.contains("[package.metadata.docs.rs]\nall-features = true\nrustdoc-args = [\"--cfg\", \"docsrs\"]"), "{name}");
        assert!(toml.contains("\nserver = ["), "{name}");
        // No implicit `<facade>-<group>` feature: every optional group crate is named `dep:`.
        for group in std::fs::read_dir(facade.join("groups")).unwrap() {
            let dir = group.unwrap().file_name().to_string_lossy().into_owned();
            if dir != "shapes" {
                assert!(
                    toml.contains(&format!("\"dep:{name}-{dir}\"")),
                    "{name}: {dir}"
                );
            }
        }
        products += 1;
    }
    assert!(products >= 19, "every shipped product: {products}");
}

#[test]
fn hyphenated_crate_names_are_rust_paths_in_docs_and_names() {
    assert_eq!(crate_path("r-kvstore"), "r_kvstore");
    assert_eq!(service_error_name("r-kvstore"), "RKvstoreError");
    assert_eq!(service_error_name("swas"), "SwasError");
    let lib = std::fs::read_to_string(root().join("r-kvstore/src/lib.rs")).unwrap();
    assert!(lib.contains("let client = r_kvstore::client()"), "{lib}");
    assert!(!lib.contains("r-kvstore::"));
}
