//! The import's file I/O: read the snapshots and overlays, check every document it would write,
//! and write only when all of them pass (then only the files whose text changed, so that macro
//! users do not rebuild for nothing).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::facade::{self, FacadeConfig};
use super::layers::{self, Snapshot};
use super::{docs_en, overlay, shapes, source_date, vendor, ImportOptions, Imported, Report};
use crate::ServiceSpec;
use crate::SpecError;

/// What to import and where to write it.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Snapshot files, or folders of them (`*.json`), of one API version; ordered by the date
    /// their names start with (oldest first).
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    pub overlay_dir: Option<PathBuf>,
    /// A facade crate whose operation list and features are written too.
    pub facade: Option<PathBuf>,
    /// Check and report only; write nothing (what the reproduction test uses).
    pub dry_run: bool,
    /// For a new facade crate: the operations of its small default feature.
    pub default_operations: Vec<String>,
    /// Unpacked official SDK packages whose English texts are attached ([`docs_en`]). Empty:
    /// the English the specs in `out` already carry is kept.
    pub docs: Vec<PathBuf>,
}

/// What [`run`] did.
#[derive(Debug)]
pub struct Outcome {
    pub imported: Imported,
    /// The snapshots used, oldest first.
    pub snapshots: Vec<String>,
    /// Every file the import produces, with its text, in writing order.
    pub files: Vec<(PathBuf, String)>,
    /// Paths whose text changed (written unless `dry_run`).
    pub changed: Vec<PathBuf>,
    /// Check errors: when not empty, nothing was written.
    pub check_errors: Vec<SpecError>,
    /// `*.json` files in the output directory that this import does not produce.
    pub stale: Vec<String>,
    /// The SDK packages English texts came from (`name@version`), and how many texts.
    pub english: (Vec<String>, usize),
}

impl Outcome {
    /// A document the import does not write at all (another API style): one check error.
    fn refused(doc: &Value, snapshots: Vec<String>, errors: Vec<SpecError>) -> Outcome {
        let text = |p: &str| {
            doc.pointer(p)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        Outcome {
            imported: Imported {
                product: text("/info/product"),
                version: text("/info/version"),
                files: Vec::new(),
                reports: Vec::new(),
                inferences: Vec::new(),
                repairs: BTreeMap::new(),
                errors: Vec::new(),
                overlaid: Vec::new(),
                carried: BTreeMap::new(),
            },
            snapshots,
            files: Vec::new(),
            changed: Vec::new(),
            check_errors: errors,
            stale: Vec::new(),
            english: (Vec::new(), 0),
        }
    }

    /// Operations whose parts came from an older snapshot, per carried section.
    pub fn carried_counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for carried in self.imported.carried.values() {
            for c in carried {
                for s in &c.sections {
                    *counts.entry(s.clone()).or_default() += 1;
                }
            }
        }
        counts
    }

    /// `defaultOutsideRule ×2, duplicateErrorCode ×1`, or `none`.
    pub fn repairs_text(&self) -> String {
        if self.imported.repairs.is_empty() {
            return "none".to_owned();
        }
        let parts: Vec<String> = self
            .imported
            .repairs
            .iter()
            .map(|(k, n)| format!("{k} ×{n}"))
            .collect();
        parts.join(", ")
    }

    /// One paragraph: snapshots, operations, carried sections, overlays, reports, checks.
    pub fn summary(&self) -> String {
        let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &self.imported.reports {
            *by_name.entry(r.name.as_str()).or_default() += 1;
        }
        let mut common: Vec<(&str, usize)> = by_name.into_iter().filter(|(_, n)| *n > 1).collect();
        common.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        common.truncate(10);
        let common: Vec<String> = common.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
        let carried: Vec<String> = self
            .carried_counts()
            .iter()
            .map(|(s, n)| format!("{s} ×{n}"))
            .collect();
        format!(
            "imported {} operation(s) of {} {} from {} snapshot(s) ({}); carried forward: {}; {} overlay(s) applied ({}); {} JSON-string array(s) inferred; repairs: {}; {} warning(s) and unmapped construct(s) reported{}; {} file(s) changed; {} check error(s){}",
            self.imported.files.len().saturating_sub(1),
            self.imported.product,
            self.imported.version,
            self.snapshots.len(),
            self.snapshots.join(", "),
            if carried.is_empty() { "nothing".to_owned() } else { carried.join(", ") },
            self.imported.overlaid.len(),
            self.imported.overlaid.join(", "),
            self.imported.inferences.len(),
            self.repairs_text(),
            self.imported.reports.len(),
            if common.is_empty() { String::new() } else { format!(" (most frequent: {})", common.join(", ")) },
            self.changed.len(),
            self.check_errors.len(),
            if self.check_errors.is_empty() { "" } else { " — nothing written" },
        ) + &if self.english.0.is_empty() {
            String::new()
        } else {
            format!("; {} English text(s) attached from {}", self.english.1, self.english.0.join(", "))
        }
    }
}

fn read(path: &Path) -> Result<String, SpecError> {
    std::fs::read_to_string(path)
        .map_err(|e| SpecError::new(path.display().to_string(), "", format!("cannot read: {e}")))
}

/// The snapshot files named by `inputs` (folders expanded), oldest first.
pub fn snapshot_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, SpecError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| {
                SpecError::new(input.display().to_string(), "", format!("cannot read: {e}"))
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            if found.is_empty() {
                return Err(SpecError::new(
                    input.display().to_string(),
                    "",
                    "no *.json snapshot in this folder",
                ));
            }
            files.append(&mut found);
        } else {
            files.push(input.clone());
        }
    }
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    files.sort_by_key(|p| (source_date(&name(p)), name(p)));
    files.dedup();
    Ok(files)
}

/// Imports, checks everything, and writes when every document passes.
pub fn run(options: &RunOptions) -> Result<Outcome, SpecError> {
    let files = snapshot_files(&options.inputs)?;
    let mut snapshots = Vec::new();
    let mut product_version: Option<(Value, Value, String)> = None;
    for path in &files {
        let shown = path.display().to_string();
        let text = read(path)?;
        let value = crate::diagnostics::parse_json(&shown, &text)?;
        let pv = (
            value.pointer("/info/product").cloned().unwrap_or_default(),
            value.pointer("/info/version").cloned().unwrap_or_default(),
        );
        match &product_version {
            Some((p, v, first)) if (p, v) != (&pv.0, &pv.1) => {
                return Err(SpecError::new(
                    &shown,
                    "/info",
                    format!("product/version {} {} differs from {first} ({p} {v}): layers must be snapshots of one API version", pv.0, pv.1),
                ))
            }
            Some(_) => {}
            None => product_version = Some((pv.0, pv.1, shown.clone())),
        }
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(shown);
        snapshots.push(Snapshot {
            date: source_date(&file),
            file,
            value,
        });
    }
    // Another API style is refused in one sentence, before any mapping reports.
    for snapshot in &snapshots {
        if let Some(sentence) = vendor::unsupported_style(&snapshot.value) {
            return Ok(Outcome::refused(
                &snapshot.value,
                snapshots.iter().map(|s| s.file.clone()).collect(),
                vec![SpecError::new(&snapshot.file, "/info/style", sentence)],
            ));
        }
    }
    // Shared schemas are inlined per snapshot, so that what one snapshot carries forward into
    // another refers to its own `components`.
    let mut ref_errors = Vec::new();
    // (ROA documents only, for now: RPC specs stay as they were written.)
    for snapshot in &mut snapshots {
        if super::roa::style_of(&snapshot.value) != Ok(super::roa::ApiStyle::Roa) {
            continue;
        }
        for r in super::refs::inline(&mut snapshot.value) {
            ref_errors.push(SpecError::new(&snapshot.file, &r.pointer, r.message));
        }
    }
    if !ref_errors.is_empty() {
        let first = snapshots[0].value.clone();
        return Ok(Outcome::refused(
            &first,
            snapshots.iter().map(|s| s.file.clone()).collect(),
            ref_errors,
        ));
    }
    let layered = layers::layer(&snapshots)?;
    let newest = snapshots.last().expect("layer() refuses an empty list");
    let overlays = match &options.overlay_dir {
        Some(dir) => overlay::load_dir(dir)?,
        None => BTreeMap::new(),
    };
    let import_options = ImportOptions {
        source_file: newest.file.clone(),
        date: newest.date.clone(),
        overlays,
        carried: layered.carried.clone(),
        request_since: layered.request_since.clone(),
        endpoints_since: Some(layered.endpoints_since.clone()),
    };
    let mut imported = vendor::import_value(&layered.value, &import_options)?;
    imported.reports.extend(layered.reports);
    // English from the official SDK packages, or else what the specs carry already; overlays
    // (merged above) keep their English.
    let mut packages = if options.docs.is_empty() {
        docs_en::from_specs(&options.out)?
    } else {
        options
            .docs
            .iter()
            .map(|p| docs_en::load(p))
            .collect::<Result<Vec<_>, _>>()?
    };
    docs_en::sort_newest_first(&mut packages);
    let english_texts = docs_en::attach_all(&packages, &mut imported);
    if newest.date.is_none() {
        imported.reports.push(Report {
            pointer: String::new(),
            name: newest.file.clone(),
            message: "the file name does not start with a YYYY-MM-DD date; sources carry no date"
                .to_owned(),
        });
    }

    // Every document goes through the spec reader and checks, and is written as the model
    // serializes it: what is written always reads back to the same model.
    let mut check_errors: Vec<SpecError> = imported
        .errors
        .iter()
        .map(|r| SpecError::new(&newest.file, &r.pointer, r.message.clone()))
        .collect();
    let mut out_files = Vec::new();
    let mut specs = Vec::new();
    for (name, doc) in &imported.files {
        let path = options.out.join(name);
        let shown = path.display().to_string();
        // The ROA format's rules, on the JSON as written (what the import already refused is
        // not repeated).
        if imported.errors.is_empty() {
            for (pointer, message) in super::roa_rules::check_document(doc) {
                check_errors.push(SpecError::new(&shown, pointer, message));
            }
        }
        match crate::parse_spec(&shown, &doc.to_string()) {
            Ok(spec) => specs.push((name.clone(), spec)),
            // The spec check would repeat, at the written file's pointer, what the mapping
            // already refused at the metadata's: nothing is written either way.
            Err(errors) if imported.errors.is_empty() => check_errors.extend(errors),
            Err(_) => {}
        }
    }
    // Nested types several operations share are written once (`_shapes.json`).
    let mut op_models: Vec<ServiceSpec> = specs
        .iter()
        .filter(|(n, _)| n != super::SERVICE_FILE)
        .map(|(_, s)| s.clone())
        .collect();
    let shapes = if check_errors.is_empty() {
        shapes::share(&mut op_models)
    } else {
        None
    };
    let mut op_models = op_models.into_iter();
    for (name, spec) in specs.iter_mut() {
        if name != super::SERVICE_FILE {
            if let Some(marked) = op_models.next() {
                *spec = marked;
            }
        }
    }
    if let Some(shapes) = &shapes {
        specs.push((shapes::SHAPES_FILE.to_owned(), shapes.clone()));
    }
    let mut spec_texts = std::collections::BTreeMap::new();
    for (name, spec) in &specs {
        let path = options.out.join(name);
        let text = render_spec(spec);
        spec_texts.insert(name.clone(), text.clone());
        // What is written must read back: checked again as the file it will be.
        if let Err(errors) = crate::parse_spec(&path.display().to_string(), &text) {
            check_errors.extend(errors);
        }
        out_files.push((path, text));
    }
    if let Some(crate_dir) = &options.facade {
        let toml_path = crate_dir.join("Cargo.toml");
        let (config, toml) = if toml_path.exists() {
            (FacadeConfig::load(crate_dir)?, read(&toml_path)?)
        } else {
            // A new product: scaffold the crate, then fill in its generated parts below.
            let name = crate_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let specs = relative_path(crate_dir, &options.out);
            let files = facade::scaffold(&facade::Scaffold {
                name: &name,
                product: &imported.product,
                version: &imported.version,
                specs: &specs,
                default_operations: &options.default_operations,
            });
            let mut config = None;
            let mut toml = String::new();
            for (rel, text) in files {
                if rel == facade::CONFIG_FILE {
                    config = Some(FacadeConfig::parse(rel, &text)?);
                }
                if rel == "Cargo.toml" {
                    toml = text;
                } else {
                    out_files.push((crate_dir.join(rel), text));
                }
            }
            imported.reports.push(Report {
                pointer: String::new(),
                name: name.clone(),
                message: format!(
                    "new facade crate scaffolded in {}: add it to the workspace members",
                    crate_dir.display()
                ),
            });
            let config = config.ok_or_else(|| {
                SpecError::new(facade::CONFIG_FILE, "", "the scaffold wrote no facade.json")
            })?;
            (config, toml)
        };
        let op_specs: Vec<_> = specs
            .iter()
            .filter(|(n, _)| n != super::SERVICE_FILE && n != shapes::SHAPES_FILE)
            .map(|(_, s)| s)
            .collect();
        let crate_name = crate_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rendered = facade::render(
            &config,
            &op_specs,
            &spec_texts,
            &toml,
            &toml_path.display().to_string(),
            &facade::Product {
                crate_name: &crate_name,
                product: &imported.product,
                version: &imported.version,
                crate_version: facade::crate_version(crate_dir, &toml),
            },
            shapes.is_some(),
        )?;
        imported.reports.extend(rendered.reports);
        out_files.push((crate_dir.join(facade::LIB_FILE), rendered.lib_rs));
        out_files.push((
            crate_dir.join(facade::OPERATIONS_FILE),
            rendered.operations_rs,
        ));
        out_files.push((crate_dir.join(facade::FEATURES_FILE), rendered.features_md));
        if let Some((_, service)) = specs.iter().find(|(n, _)| n == super::SERVICE_FILE) {
            let (endpoints_rs, reports) = facade::render_endpoints(
                crate_dir,
                &config,
                &imported.product,
                &imported.version,
                &service.endpoints,
            )?;
            imported.reports.extend(reports);
            out_files.push((crate_dir.join(facade::ENDPOINTS_FILE), endpoints_rs));
        }
        for (rel, text) in rendered.extra {
            out_files.push((crate_dir.join(rel), text));
        }
        out_files.push((toml_path, rendered.cargo_toml));
    }

    let mut changed = Vec::new();
    if check_errors.is_empty() {
        for (path, text) in &out_files {
            if std::fs::read_to_string(path).ok().as_deref() == Some(text.as_str()) {
                continue;
            }
            changed.push(path.clone());
            if options.dry_run {
                continue;
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    SpecError::new(dir.display().to_string(), "", format!("cannot create: {e}"))
                })?;
            }
            std::fs::write(path, text).map_err(|e| {
                SpecError::new(path.display().to_string(), "", format!("cannot write: {e}"))
            })?;
        }
    }
    let mut stale = Vec::new();
    // The spec folder, and the spec copies of the facade's group crates.
    let mut spec_dirs = vec![options.out.clone()];
    if let Some(crate_dir) = &options.facade {
        if let Ok(groups) = std::fs::read_dir(crate_dir.join("groups")) {
            spec_dirs.extend(
                groups
                    .filter_map(Result::ok)
                    .map(|g| g.path().join("specs")),
            );
        }
    }
    for dir in &spec_dirs {
        for entry in std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "json")
                && !out_files.iter().any(|(p, _)| *p == path)
            {
                stale.push(path.display().to_string());
            }
        }
    }
    stale.sort();
    Ok(Outcome {
        imported,
        snapshots: snapshots.iter().map(|s| s.file.clone()).collect(),
        files: out_files,
        changed,
        check_errors,
        stale,
        english: (packages.iter().map(|p| p.id()).collect(), english_texts),
    })
}

/// `to` relative to `from` (both relative to the working directory), with `/` separators, as a
/// `generate!` path from a crate directory: `ecs` + `specs/ecs-2014-05-26` → `../specs/ecs-2014-05-26`.
fn relative_path(from: &Path, to: &Path) -> String {
    let parts = |p: &Path| -> Vec<String> {
        p.components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let (a, b) = (parts(from), parts(to));
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out: Vec<String> = vec!["..".to_owned(); a.len() - common];
    out.extend(b[common..].iter().cloned());
    out.join("/")
}

/// A checked spec as the file the import writes: pretty JSON, keys in model order, newline.
pub fn render_spec(spec: &crate::ServiceSpec) -> String {
    let mut text = serde_json::to_string_pretty(spec).expect("the spec model always serializes");
    text.push('\n');
    text
}
