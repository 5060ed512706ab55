//! Rule changes: ranges, length and item limits, value sets and the other rules.

use serde_json::{json, Value};

use super::compare::change;
use super::{Change, Severity};
use crate::spec::*;

/// Whether bounds `(min, max)` (None = unbounded) narrowed / widened from `a` to `b`.
fn bounds(a: (Option<i128>, Option<i128>), b: (Option<i128>, Option<i128>)) -> (bool, bool) {
    let lo = |x: Option<i128>| x.unwrap_or(i128::MIN);
    let hi = |x: Option<i128>| x.unwrap_or(i128::MAX);
    let narrowed = lo(b.0) > lo(a.0) || hi(b.1) < hi(a.1);
    let widened = lo(b.0) < lo(a.0) || hi(b.1) > hi(a.1);
    (narrowed, widened)
}

fn show_bounds(min: Option<i128>, max: Option<i128>) -> String {
    match (min, max) {
        (None, None) => "unbounded".to_owned(),
        (min, max) => format!(
            "{}..={}",
            min.map_or(String::new(), |m| m.to_string()),
            max.map_or(String::new(), |m| m.to_string())
        ),
    }
}

/// Whether integer `v` passes every range, value-set and multiple-of rule in `cs`.
fn accepts(cs: &[Constraint], v: i128) -> bool {
    cs.iter().all(|c| match &c.kind {
        ConstraintKind::Range { min, max } => {
            min.is_none_or(|m| v >= i128::from(m)) && max.is_none_or(|m| v <= i128::from(m))
        }
        ConstraintKind::OneOf(values) => {
            values.iter().any(|x| x.as_i64().map(i128::from) == Some(v))
        }
        ConstraintKind::MultipleOf(m) => *m != 0 && v % i128::from(*m) == 0,
        _ => true,
    })
}

/// The values where two integer rule sets can differ: every listed value and every bound ±1.
fn probes(cs: &[Constraint], out: &mut Vec<i128>) {
    for c in cs {
        match &c.kind {
            ConstraintKind::Range { min, max } => {
                for b in [min, max].into_iter().flatten() {
                    let b = i128::from(*b);
                    out.extend([b - 1, b, b + 1]);
                }
            }
            ConstraintKind::OneOf(values) => {
                out.extend(values.iter().filter_map(|x| x.as_i64().map(i128::from)))
            }
            _ => {}
        }
    }
}

/// One rule kind replaced by another (`Period`: the set {1, 3, 6, 12, 24, 36} → the range
/// 1–36): judged by the values each side accepts, not by the kinds.
fn rule_replaced(a: &[Constraint], b: &[Constraint], path: &str) -> Option<Change> {
    let kinds = |cs: &[Constraint]| {
        let mut k: Vec<&str> = cs
            .iter()
            .map(|c| c.kind.name())
            .filter(|n| matches!(*n, "range" | "oneOf" | "multipleOf"))
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    };
    let (ka, kb) = (kinds(a), kinds(b));
    let integer_sets = |cs: &[Constraint]| {
        cs.iter().all(|c| match &c.kind {
            ConstraintKind::OneOf(v) => v.iter().all(|x| x.as_i64().is_some()),
            _ => true,
        })
    };
    if ka == kb || ka.is_empty() || kb.is_empty() || !integer_sets(a) || !integer_sets(b) {
        return None;
    }
    let mut points = vec![i128::from(i64::MIN), i128::from(i64::MAX), 0];
    probes(a, &mut points);
    probes(b, &mut points);
    let narrowed: Vec<i128> = points
        .iter()
        .copied()
        .filter(|v| accepts(a, *v) && !accepts(b, *v))
        .collect();
    let widened = points.iter().any(|v| !accepts(a, *v) && accepts(b, *v));
    let show = |cs: &[Constraint]| {
        cs.iter()
            .filter(|c| matches!(c.kind.name(), "range" | "oneOf" | "multipleOf"))
            .map(|c| match &c.kind {
                ConstraintKind::Range { min, max } => format!(
                    "range {}",
                    show_bounds(min.map(i128::from), max.map(i128::from))
                ),
                ConstraintKind::OneOf(v) => format!("one of {}", Value::Array(v.clone())),
                ConstraintKind::MultipleOf(m) => format!("multiple of {m}"),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let (old, new) = (show(a), show(b));
    Some(if let Some(v) = narrowed.first() {
        change(
            "ruleReplacedNarrowed",
            Severity::Breaking,
            path,
            Some(json!(old)),
            Some(json!(new)),
            format!("parameter `{path}` rule {old} → {new}: rejects values it accepted (e.g. {v})"),
        )
    } else {
        change(
            if widened {
                "ruleReplacedWidened"
            } else {
                "ruleReplaced"
            },
            Severity::Compatible,
            path,
            Some(json!(old)),
            Some(json!(new)),
            format!(
                "parameter `{path}` rule {old} → {new}: accepts every value it accepted{}",
                if widened { " and more" } else { "" }
            ),
        )
    })
}

pub(super) fn diff_constraints(
    a: &[Constraint],
    b: &[Constraint],
    path: &str,
    out: &mut Vec<Change>,
) {
    if let Some(c) = rule_replaced(a, b, path) {
        out.push(c);
        // Length and item limits are still compared below; value rules were judged as a whole.
        diff_limits(a, b, path, out, &["length", "maxItems"]);
        diff_other_rules(a, b, path, out, &["charset", "requiredWhen"]);
        return;
    }
    diff_limits(a, b, path, out, &["range", "length", "maxItems"]);
    diff_value_sets(a, b, path, out);
    diff_other_rules(a, b, path, out, &["multipleOf", "charset", "requiredWhen"]);
}

fn diff_limits(
    a: &[Constraint],
    b: &[Constraint],
    path: &str,
    out: &mut Vec<Change>,
    kinds: &[&str],
) {
    type Bounds = (Option<i128>, Option<i128>);
    let find = |cs: &[Constraint], kind: &str| -> Option<Bounds> {
        cs.iter().find_map(|c| match (&c.kind, kind) {
            (ConstraintKind::Range { min, max }, "range") => {
                Some((min.map(i128::from), max.map(i128::from)))
            }
            (ConstraintKind::Length { min, max }, "length") => {
                Some((min.map(i128::from), max.map(i128::from)))
            }
            (ConstraintKind::MaxItems(n), "maxItems") => Some((None, Some(i128::from(*n)))),
            _ => None,
        })
    };
    for (kind, label) in [
        ("range", "range"),
        ("length", "length limit"),
        ("maxItems", "item limit"),
    ] {
        if !kinds.contains(&kind) {
            continue;
        }
        let unbounded = (None, None);
        let (x, y) = (find(a, kind), find(b, kind));
        if x.is_none() && y.is_none() {
            continue;
        }
        let (xa, yb) = (x.unwrap_or(unbounded), y.unwrap_or(unbounded));
        let (narrowed, widened) = bounds(xa, yb);
        let (k, severity, verb) = if narrowed {
            (
                if kind == "range" {
                    "rangeNarrowed"
                } else if kind == "length" {
                    "lengthNarrowed"
                } else {
                    "maxItemsNarrowed"
                },
                Severity::Breaking,
                if x.is_none() { "added" } else { "narrowed" },
            )
        } else if widened {
            (
                if kind == "range" {
                    "rangeWidened"
                } else if kind == "length" {
                    "lengthWidened"
                } else {
                    "maxItemsWidened"
                },
                Severity::Compatible,
                if y.is_none() { "removed" } else { "widened" },
            )
        } else {
            continue;
        };
        out.push(change(
            k,
            severity,
            path,
            Some(json!(show_bounds(xa.0, xa.1))),
            Some(json!(show_bounds(yb.0, yb.1))),
            format!(
                "parameter `{path}` {label} {verb}: {} → {}",
                show_bounds(xa.0, xa.1),
                show_bounds(yb.0, yb.1)
            ),
        ));
    }
}

fn diff_value_sets(a: &[Constraint], b: &[Constraint], path: &str, out: &mut Vec<Change>) {
    let one_of = |cs: &[Constraint]| {
        cs.iter().find_map(|c| match &c.kind {
            ConstraintKind::OneOf(v) => Some(v.clone()),
            _ => None,
        })
    };
    match (one_of(a), one_of(b)) {
        (None, None) => {}
        (Some(x), None) => out.push(change(
            "valuesWidened",
            Severity::Compatible,
            path,
            Some(json!(x)),
            None,
            format!("parameter `{path}` value set removed (any value now)"),
        )),
        (None, Some(y)) => out.push(change(
            "valuesNarrowed",
            Severity::Breaking,
            path,
            None,
            Some(json!(y)),
            format!(
                "parameter `{path}` value set added: {}",
                Value::Array(y.clone())
            ),
        )),
        (Some(x), Some(y)) => {
            let lost: Vec<&Value> = x.iter().filter(|v| !y.contains(v)).collect();
            let gained: Vec<&Value> = y.iter().filter(|v| !x.contains(v)).collect();
            if !lost.is_empty() {
                out.push(change(
                    "valuesNarrowed",
                    Severity::Breaking,
                    path,
                    Some(json!(x)),
                    Some(json!(y)),
                    format!(
                        "parameter `{path}` value set narrowed: no longer {}",
                        lost.iter()
                            .map(|v| v.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            } else if !gained.is_empty() {
                out.push(change(
                    "valuesWidened",
                    Severity::Compatible,
                    path,
                    Some(json!(x)),
                    Some(json!(y)),
                    format!(
                        "parameter `{path}` value set widened: now also {}",
                        gained
                            .iter()
                            .map(|v| v.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    }
}

fn diff_other_rules(
    a: &[Constraint],
    b: &[Constraint],
    path: &str,
    out: &mut Vec<Change>,
    names: &[&str],
) {
    let rule = |cs: &[Constraint], name: &str| -> Option<String> {
        cs.iter()
            .find(|c| c.kind.name() == name)
            .map(|c| match &c.kind {
                ConstraintKind::MultipleOf(m) => m.to_string(),
                ConstraintKind::RequiredWhen { parameter, equals } => {
                    format!("{parameter} = {equals}")
                }
                ConstraintKind::Charset(_) => "ascii".to_owned(),
                _ => String::new(),
            })
    };
    for name in names.iter().copied() {
        match (rule(a, name), rule(b, name)) {
            (Some(x), Some(y)) if x != y => out.push(change(
                "ruleChanged",
                Severity::Breaking,
                path,
                Some(json!(x)),
                Some(json!(y)),
                format!("parameter `{path}` {name} rule changed: {x} → {y}"),
            )),
            (None, Some(y)) => out.push(change(
                "ruleAdded",
                Severity::Breaking,
                path,
                None,
                Some(json!(y)),
                format!("parameter `{path}` {name} rule added: {y}"),
            )),
            (Some(x), None) => out.push(change(
                "ruleRemoved",
                Severity::Compatible,
                path,
                Some(json!(x)),
                None,
                format!("parameter `{path}` {name} rule removed"),
            )),
            _ => {}
        }
    }
}
