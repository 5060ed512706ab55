//! English documentation from Alibaba Cloud's official SDK packages, attached to imported specs.
//!
//! The vendor metadata carries Chinese text only; the official SDK packages (Apache-2.0) carry the
//! English API reference: per operation a summary and remarks, per request parameter and response
//! field (nested ones too) a description. `acs-codegen import … --docs <unpacked package>` reads
//! such a package ([`load`]) and [`attach`]es its texts as `en`, matched by wire name and nesting
//! (`SystemDisk.Size`, `DataDisk.N.Size`, response `Instances.Instance[].Cpu`), before overlays are
//! merged (a curated overlay still wins). Each operation that got English records the package in
//! its `sources`. Texts that match nothing in the spec are reported with counts, never dropped
//! silently.
//!
//! Formats read: the TypeScript package (`npm pack @alicloud/<product><version>`; its `src/`
//! sources, see [`typescript`]), and the Python one (`pip download --no-deps
//! alibabacloud-<product><version>==<v>`, see [`python`]) for products npm lacks: its texts are
//! the same, but recent Python packages carry no operation summaries. With several packages,
//! the newest version wins per text (all versions ordered together, whatever the registry).

mod attach;
mod carried;
pub mod python;
pub mod typescript;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use attach::{attach, attach_all, unmatched_operations, Attached};
pub use carried::from_specs;

use crate::SpecError;

/// The docs of one request parameter or response field, and of its nested fields by wire name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocNode {
    pub text: Option<String>,
    pub children: BTreeMap<String, DocNode>,
}

/// One operation's English texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OperationDocs {
    pub summary: Option<String>,
    /// The remarks: what the vendor's reference page says under "Operation description".
    pub description: Option<String>,
    /// Request parameters by wire name.
    pub request: BTreeMap<String, DocNode>,
    /// Response body fields by wire name.
    pub response: BTreeMap<String, DocNode>,
    /// The `sources` entries to record when these texts are attached; empty: the package's own.
    /// (Texts carried from existing specs keep the packages those specs record.)
    pub sources: Vec<Value>,
}

/// An unpacked SDK package: who published it and its operations' texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocsPackage {
    /// `npm` or `pypi`.
    pub registry: String,
    /// `@alicloud/ecs20140526`.
    pub name: String,
    pub version: String,
    /// By action name.
    pub operations: BTreeMap<String, OperationDocs>,
}

impl DocsPackage {
    /// `@alicloud/ecs20140526@7.11.6`: what `npm pack` takes, and what `sources` record.
    pub fn id(&self) -> String {
        if self.version.is_empty() {
            return self.name.clone();
        }
        format!("{}@{}", self.name, self.version)
    }

    /// The package's page on its registry (what `sources` record as `url`).
    pub fn url(&self) -> String {
        match self.registry.as_str() {
            "pypi" => format!("https://pypi.org/project/{}/{}/", self.name, self.version),
            _ => format!(
                "https://www.npmjs.com/package/{}/v/{}",
                self.name, self.version
            ),
        }
    }
}

/// Reads an unpacked package: the folder `npm pack` + `tar xzf` made (with `package/` inside) or
/// that `package/` folder itself; or a Python wheel or sdist unpacked (`unzip`, `tar xzf`), found
/// by its `*.dist-info/METADATA` or `PKG-INFO`.
pub fn load(path: &Path) -> Result<DocsPackage, SpecError> {
    let shown = path.display().to_string();
    let npm_root = if path.join("package").join("package.json").is_file() {
        Some(path.join("package"))
    } else {
        path.join("package.json").is_file().then(|| path.to_owned())
    };
    let (registry, name, version, files) = match npm_root {
        Some(root) => {
            let (name, version) = npm_manifest(&root.join("package.json"))?;
            let mut files = Vec::new();
            collect(&root.join("src"), &mut files, 0, "ts")?;
            files.retain(|p| !p.to_string_lossy().ends_with(".d.ts"));
            ("npm", name, version, files)
        }
        None => {
            let Some(metadata) = python_metadata(path) else {
                return Err(SpecError::new(
                    &shown,
                    "",
                    "not an unpacked SDK package: no package.json (npm, here or in package/) and no *.dist-info/METADATA or PKG-INFO (PyPI); unpack the `npm pack` tarball or the `pip download` wheel and point --docs at it",
                ));
            };
            let (name, version) = python_manifest(&metadata)?;
            let mut files = Vec::new();
            collect(path, &mut files, 0, "py")?;
            ("pypi", name, version, files)
        }
    };
    if files.is_empty() {
        return Err(SpecError::new(
            &shown,
            "",
            format!("{name} {version} has no source files to read"),
        ));
    }
    let mut files = files;
    files.sort();
    let mut texts = Vec::with_capacity(files.len());
    for f in &files {
        texts.push(std::fs::read_to_string(f).map_err(|e| {
            SpecError::new(f.display().to_string(), "", format!("cannot read: {e}"))
        })?);
    }
    let operations = if registry == "npm" {
        typescript::read(&texts)
    } else {
        python::read(&texts)
    };
    if operations.is_empty() {
        return Err(SpecError::new(
            &shown,
            "",
            format!(
                "{name} {version}: no operation method (`…WithOptions`, `…_with_options`) found"
            ),
        ));
    }
    Ok(DocsPackage {
        registry: registry.to_owned(),
        name,
        version,
        operations,
    })
}

fn npm_manifest(manifest: &Path) -> Result<(String, String), SpecError> {
    let shown = manifest.display().to_string();
    let text = std::fs::read_to_string(manifest)
        .map_err(|e| SpecError::new(&shown, "", format!("cannot read: {e}")))?;
    let value = crate::diagnostics::parse_json(&shown, &text)?;
    let field = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| SpecError::new(&shown, format!("/{key}"), "expected a string"))
    };
    Ok((field("name")?, field("version")?))
}

/// `*.dist-info/METADATA` (wheel) or `PKG-INFO` (sdist), here or one folder down.
fn python_metadata(dir: &Path) -> Option<PathBuf> {
    let here = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path());
    let mut subdirs = Vec::new();
    for p in here {
        let name = p.file_name()?.to_string_lossy().into_owned();
        if name.ends_with(".dist-info") && p.join("METADATA").is_file() {
            return Some(p.join("METADATA"));
        }
        if name == "PKG-INFO" {
            return Some(p);
        }
        if p.is_dir() {
            subdirs.push(p);
        }
    }
    subdirs.sort();
    subdirs
        .into_iter()
        .map(|d| d.join("PKG-INFO"))
        .find(|p| p.is_file())
}

fn python_manifest(metadata: &Path) -> Result<(String, String), SpecError> {
    let shown = metadata.display().to_string();
    let text = std::fs::read_to_string(metadata)
        .map_err(|e| SpecError::new(&shown, "", format!("cannot read: {e}")))?;
    let header = |key: &str| {
        text.lines()
            .take_while(|l| !l.is_empty())
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_owned())
            .ok_or_else(|| SpecError::new(&shown, "", format!("no `{key}` header")))
    };
    Ok((header("Name:")?, header("Version:")?))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>, depth: usize, ext: &str) -> Result<(), SpecError> {
    if depth > 4 || !dir.is_dir() {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir)
        .map_err(|e| SpecError::new(dir.display().to_string(), "", format!("cannot read: {e}")))?;
    for entry in entries.filter_map(Result::ok) {
        let p = entry.path();
        if p.is_dir() {
            collect(&p, out, depth + 1, ext)?;
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
    Ok(())
}

/// Orders packages newest version first, the order [`attach`] takes them in.
pub fn sort_newest_first(packages: &mut [DocsPackage]) {
    packages.sort_by_key(|p| std::cmp::Reverse(version_key(&p.version)));
}

fn version_key(v: &str) -> Vec<u64> {
    v.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap_or(0))
        .collect()
}
