//! Rendering a [`Report`] as text or JSON.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{Change, OperationChanges, Report, Severity, SideInfo};

impl Report {
    pub fn is_breaking(&self) -> bool {
        self.operations.iter().any(OperationChanges::is_breaking)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.operations
            .iter()
            .flat_map(|o| &o.changes)
            .filter(|c| c.severity == severity && !c.curated)
            .count()
    }

    fn status_count(&self, status: &str) -> usize {
        self.operations
            .iter()
            .filter(|o| o.status == status)
            .count()
    }

    /// The operation's changes, if it has any.
    pub fn operation(&self, name: &str) -> Option<&OperationChanges> {
        self.operations.iter().find(|o| o.operation == name)
    }

    /// One line: counts of operations and changes.
    pub fn summary_line(&self) -> String {
        format!(
            "summary: {} operation(s) added, {} removed, {} changed; {} breaking, {} compatible change(s) — {}",
            self.status_count("added"),
            self.status_count("removed"),
            self.status_count("changed"),
            self.count(Severity::Breaking),
            self.count(Severity::Compatible),
            if self.is_breaking() { "BREAKING" } else { "compatible" }
        )
    }

    /// Human-readable report grouped by operation, breaking changes first in each.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let side =
            |s: &SideInfo| format!("{} ({}, {} operation(s))", s.origin, s.kind, s.operations);
        let _ = writeln!(out, "old: {}\nnew: {}", side(&self.old), side(&self.new));
        for n in &self.notes {
            let _ = writeln!(out, "note: {n}");
        }
        for op in &self.operations {
            let _ = writeln!(
                out,
                "\n{} ({}{})",
                op.operation,
                op.status,
                if op.is_breaking() { ", breaking" } else { "" }
            );
            let mut changes: Vec<&Change> = op.changes.iter().collect();
            changes.sort_by_key(|c| c.severity);
            for c in changes {
                if c.curated {
                    let _ = writeln!(
                        out,
                        "  {:<10}  {} [curated fact, not an API change]",
                        "curated", c.message
                    );
                } else {
                    let _ = writeln!(out, "  {:<10}  {}", c.severity.name(), c.message);
                }
            }
        }
        let _ = writeln!(out, "\n{}", self.summary_line());
        out
    }

    /// The documented JSON shape (see the module docs).
    pub fn to_json(&self) -> Value {
        let side = |s: &SideInfo| {
            json!({
                "origin": s.origin,
                "kind": s.kind,
                "operations": s.operations,
                "sections": s.sections.iter().map(|x| x.name()).collect::<Vec<_>>(),
            })
        };
        let operations: Vec<Value> = self
            .operations
            .iter()
            .map(|o| {
                let changes: Vec<Value> = o
                    .changes
                    .iter()
                    .map(|c| {
                        let mut v = json!({
                            "kind": c.kind,
                            "severity": c.severity.name(),
                            "path": c.path,
                            "message": c.message,
                        });
                        if let Some(old) = &c.old {
                            v["old"] = old.clone();
                        }
                        if let Some(new) = &c.new {
                            v["new"] = new.clone();
                        }
                        if c.curated {
                            v["curated"] = json!(true);
                        }
                        v
                    })
                    .collect();
                json!({
                    "operation": o.operation,
                    "status": o.status,
                    "breaking": o.is_breaking(),
                    "changes": changes,
                })
            })
            .collect();
        json!({
            "old": side(&self.old),
            "new": side(&self.new),
            "notes": self.notes,
            "summary": {
                "breaking": self.count(Severity::Breaking),
                "compatible": self.count(Severity::Compatible),
                "operationsAdded": self.status_count("added"),
                "operationsRemoved": self.status_count("removed"),
                "operationsChanged": self.status_count("changed"),
            },
            "operations": operations,
        })
    }
}
