//! One operation's spec file, read with `serde_json` alone: the facts a test asserts (names,
//! version, required parameters, rules) come from here, so a regenerated API shows up as a
//! reviewable change of the test's outcome, not as stale literals.

use std::path::Path;

use serde_json::Value;

use crate::WireParams;

/// The single operation of a spec file (`specs/<product>-<version>/<Operation>.json`).
#[derive(Clone, Debug)]
pub struct OperationSpec {
    version: String,
    operation: Value,
}

impl OperationSpec {
    /// Reads the spec file at `path`; it must hold exactly one operation.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, String> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A spec file's text; it must hold exactly one operation.
    pub fn parse(text: &str) -> Result<Self, String> {
        let spec: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let version = spec["version"].as_str().ok_or("no version")?.to_owned();
        let operation = match spec["operations"].as_array().map(Vec::as_slice) {
            Some([operation]) => operation.clone(),
            _ => return Err("not exactly one operation".to_owned()),
        };
        Ok(Self { version, operation })
    }

    /// The operation's name: the `Action` on the wire.
    pub fn name(&self) -> &str {
        self.operation["name"].as_str().unwrap_or_default()
    }

    /// The API version: the `Version` on the wire.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Wire names of the top-level parameters marked required.
    pub fn required_parameters(&self) -> Vec<&str> {
        self.parameters()
            .iter()
            .filter(|p| p["required"].as_bool() == Some(true))
            .filter_map(|p| p["name"].as_str())
            .collect()
    }

    /// Every rule (`constraints` entry) of every parameter, nested ones included, as
    /// `(dotted parameter path, rule)`.
    pub fn rules(&self) -> Vec<(String, &Value)> {
        let mut out = Vec::new();
        for parameter in self.parameters() {
            collect_rules(parameter, "", &mut out);
        }
        out
    }

    /// The rule of this kind on a parameter; `path` names nested properties with dots
    /// (`ZoneMappings.Ipv4LocalAddresses`, through array items). Panics when the spec has none:
    /// the test was written for a rule the API no longer states.
    pub fn rule(&self, path: &str, kind: &str) -> &Value {
        let field = self.field(path);
        field["constraints"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["kind"] == kind)
            .unwrap_or_else(|| panic!("{}: {path} has no `{kind}` rule", self.name()))
    }

    /// `min` and `max` of the parameter's `range` rule.
    pub fn range(&self, path: &str) -> (Option<i64>, Option<i64>) {
        let rule = self.rule(path, "range");
        (rule["min"].as_i64(), rule["max"].as_i64())
    }

    /// The limit of the parameter's `maxItems` rule.
    pub fn max_items(&self, path: &str) -> usize {
        let rule = self.rule(path, "maxItems");
        rule["value"]
            .as_u64()
            .and_then(|v| usize::try_from(v).ok())
            .unwrap_or_else(|| panic!("{path}: maxItems without a value"))
    }

    /// The values of the parameter's `oneOf` rule that are strings.
    pub fn one_of_strings(&self, path: &str) -> Vec<&str> {
        self.one_of(path).iter().filter_map(Value::as_str).collect()
    }

    /// The values of the parameter's `oneOf` rule that are integers.
    pub fn one_of_integers(&self, path: &str) -> Vec<i64> {
        self.one_of(path).iter().filter_map(Value::as_i64).collect()
    }

    /// The regular expression of the parameter's `pattern` rule.
    pub fn pattern(&self, path: &str) -> &str {
        self.rule(path, "pattern")["pattern"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: pattern rule without a pattern"))
    }

    /// Checks what a server received against the spec: `Action` and `Version` are the spec's,
    /// each `(wire name, value)` in `sent` arrived with that value, and every required
    /// parameter of the spec is among them (a required object or list counts through its
    /// flattened names, `ZoneMappings.1.ZoneId`).
    pub fn check_wire(&self, params: &WireParams, sent: &[(&str, &str)]) -> Result<(), String> {
        let mut problems = Vec::new();
        for (name, expected) in [("Action", self.name()), ("Version", self.version())] {
            if params.get(name).map(String::as_str) != Some(expected) {
                problems.push(format!(
                    "{name} is {:?}, the spec says {expected:?}",
                    params.get(name)
                ));
            }
        }
        for (name, value) in sent {
            if params.get(*name).map(String::as_str) != Some(*value) {
                problems.push(format!(
                    "{name} arrived as {:?}, set to {value:?}",
                    params.get(*name)
                ));
            }
        }
        let covers = |required: &str, name: &str| {
            name == required
                || name
                    .strip_prefix(required)
                    .is_some_and(|rest| rest.starts_with('.'))
        };
        for required in self.required_parameters() {
            if !sent.iter().any(|(name, _)| covers(required, name)) {
                problems.push(format!(
                    "required parameter {required} was not set by the test"
                ));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }

    fn parameters(&self) -> &[Value] {
        self.operation["parameters"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    fn one_of(&self, path: &str) -> &[Value] {
        self.rule(path, "oneOf")["values"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// A parameter or nested property by dotted path (array items are stepped through).
    fn field(&self, path: &str) -> &Value {
        let mut fields = self.parameters();
        let mut found = None;
        for segment in path.split('.') {
            let field = fields
                .iter()
                .find(|f| f["name"] == segment)
                .unwrap_or_else(|| panic!("{}: no parameter {path}", self.name()));
            fields = properties(field);
            found = Some(field);
        }
        found.unwrap_or_else(|| panic!("empty parameter path"))
    }
}

/// The nested properties of an object, or of an array's object items.
fn properties(field: &Value) -> &[Value] {
    field["properties"]
        .as_array()
        .or_else(|| field["items"]["properties"].as_array())
        .map(Vec::as_slice)
        .unwrap_or_default()
}

fn collect_rules<'a>(field: &'a Value, prefix: &str, out: &mut Vec<(String, &'a Value)>) {
    let path = format!("{prefix}{}", field["name"].as_str().unwrap_or_default());
    for rule in field["constraints"].as_array().into_iter().flatten() {
        out.push((path.clone(), rule));
    }
    for nested in properties(field) {
        collect_rules(nested, &format!("{path}."), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r#"{"specVersion":1,"product":"Demo","version":"2024-01-01","operations":[{
        "name":"CreateThing",
        "parameters":[
            {"name":"RegionId","type":"string","required":true},
            {"name":"Size","type":"int32","constraints":[{"kind":"range","min":1,"max":9}]},
            {"name":"Zones","type":"array","required":true,"style":"repeatList",
             "items":{"type":"object","properties":[
                {"name":"Addresses","type":"array","items":{"type":"string"},
                 "constraints":[{"kind":"maxItems","value":8}]}]}}
        ]}]}"#;

    fn wire(pairs: &[(&str, &str)]) -> WireParams {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn rules_are_found_through_nested_items() {
        let spec = OperationSpec::parse(SPEC).expect("parses");
        assert_eq!(spec.required_parameters(), ["RegionId", "Zones"]);
        assert_eq!(spec.range("Size"), (Some(1), Some(9)));
        assert_eq!(spec.max_items("Zones.Addresses"), 8);
        let paths: Vec<String> = spec.rules().into_iter().map(|(path, _)| path).collect();
        assert_eq!(paths, ["Size", "Zones.Addresses"]);
    }

    #[test]
    fn check_wire_reports_a_wrong_action_a_changed_value_and_an_unset_required_parameter() {
        let spec = OperationSpec::parse(SPEC).expect("parses");
        let good = wire(&[
            ("Action", "CreateThing"),
            ("Version", "2024-01-01"),
            ("RegionId", "cn-hangzhou"),
            ("Zones.1.Addresses.1", "10.0.0.1"),
        ]);
        let sent = [
            ("RegionId", "cn-hangzhou"),
            ("Zones.1.Addresses.1", "10.0.0.1"),
        ];
        assert_eq!(spec.check_wire(&good, &sent), Ok(()));

        let mut wrong = good.clone();
        wrong.insert("Action".into(), "CreateThings".into());
        wrong.insert("RegionId".into(), "cn-beijing".into());
        let problems = spec.check_wire(&wrong, &sent).expect_err("two problems");
        assert!(problems.contains("Action"), "{problems}");
        assert!(problems.contains("RegionId arrived as"), "{problems}");

        let problems = spec
            .check_wire(&good, &[("RegionId", "cn-hangzhou")])
            .expect_err("Zones not set");
        assert!(problems.contains("required parameter Zones"), "{problems}");
        // A name that only starts like the required one does not count for it.
        let problems = spec
            .check_wire(&good, &[("RegionId", "cn-hangzhou"), ("ZonesExtra", "x")])
            .expect_err("Zones not set");
        assert!(problems.contains("required parameter Zones"), "{problems}");
    }
}
