//! The spec model: what a spec file says, as plain Rust data.
//!
//! Parsing (`spec::parse`) builds it from JSON and reports structural problems by JSON Pointer;
//! `check` then reports the semantic ones. Generation only ever sees a checked model.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

// The model serializes itself back to spec JSON (what `acs-codegen import` writes): keys in
// declaration order, absent/false/empty values left out, JSON Pointers (diagnostics only) skipped.
fn is_false(b: &bool) -> bool {
    !*b
}

/// Text in the source language (Chinese, as published) and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Text {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
}

impl Text {
    pub fn is_empty(&self) -> bool {
        self.en.is_none() && self.zh.is_none()
    }
}

/// One spec file: a product's API version and some of its operations.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceSpec {
    /// `$schema`, kept so that editors find the JSON Schema.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub spec_version: u64,
    /// Product code, e.g. `SWAS-OPEN`.
    pub product: String,
    /// API version, e.g. `2020-06-01`.
    pub version: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Region → endpoint host table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub endpoints: Vec<RegionEndpoint>,
    pub operations: Vec<OperationSpec>,
    /// `shapes`: nested types shared by several operations of the product, generated once into a
    /// `shapes` module (usually the only content of a product's `_shapes.json`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shapes: Vec<ShapeSpec>,
}

/// A named nested type shared across operations; fields name it with `shape`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ShapeSpec {
    /// The Rust type name, PascalCase (`Tag`).
    pub name: String,
    #[serde(skip)]
    pub pointer: String,
    /// Which side's flavour it is: request structs validate and write wire parameters,
    /// response structs deserialize leniently.
    pub side: ShapeSide,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    pub properties: Vec<Field>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeSide {
    Request,
    Response,
}

impl Serialize for ShapeSide {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl ShapeSide {
    pub fn name(self) -> &'static str {
        match self {
            ShapeSide::Request => "request",
            ShapeSide::Response => "response",
        }
    }
}

/// Where the facts in a spec came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    /// `referencePage`, `vendorMetadata` or `curated`.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// When the source was published or last changed (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Which parts of the operation this source provided, when a layered import took them from
    /// different snapshots (`request`, `response`, `errors`, `group`, `docs`); empty = all of it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionEndpoint {
    pub region_id: String,
    pub host: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Delete,
    Patch,
    Head,
}

impl Serialize for HttpMethod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Head => "HEAD",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationSpec {
    /// The `Action`, e.g. `CreateInstances`.
    pub name: String,
    /// JSON Pointer of this operation in its file, for diagnostics.
    #[serde(skip)]
    pub pointer: String,
    /// `style`: `ROA` (method + path, see specs/README.md); `None` is RPC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    pub methods: Vec<HttpMethod>,
    /// `path`: the ROA path template (`/clusters/{ClusterId}`); RPC operations have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Operation group (the vendor's `directories`), used for feature selection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// `deprecationNote`: why, and what to use instead (shown in `#[deprecated(note)]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecation_note: Option<String>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub summary: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ram: Option<RamAuthorization>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<Field>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub response: Vec<Field>,
    /// `responseBody`: `jsonArray`, `text`, `binary` or `none`; `None` is a JSON object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_body: Option<String>,
    /// `responseHeaders`: response headers the metadata declares (scalars, named as sent).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub response_headers: Vec<Field>,
    /// No source publishes the response schema: the generated response keeps `RequestId` and
    /// every other field of the body as raw JSON.
    #[serde(skip_serializing_if = "is_false")]
    pub raw_response: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorSpec>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub discrepancies: Vec<Discrepancy>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeEntry>,
    /// Waiters polling this operation (`waiters`; see `spec::waiters`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waiters: Vec<super::waiters::WaiterSpec>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RamAuthorization {
    pub action: String,
    pub access_level: String,
    pub resources: Vec<RamResource>,
    pub condition_keys: Vec<String>,
    pub associated_operations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RamResource {
    #[serde(rename = "type")]
    pub resource_type: String,
    pub pattern: String,
    pub required: bool,
}

/// A request parameter, an object property, or a response field.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// Wire name, exactly as sent (`RegionId`).
    pub name: String,
    #[serde(skip)]
    pub pointer: String,
    #[serde(flatten)]
    pub ty: TypeSpec,
    /// `format`: `binary` on a string request body or binary response (bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// This parameter is the operation's idempotency token (`ClientToken`).
    #[serde(skip_serializing_if = "is_false")]
    pub idempotency_token: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// `deprecationNote`: why, and what to use instead (shown in `#[deprecated(note)]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecation_note: Option<String>,
    /// `enum`: the values a string field (or each item of an array of strings) takes, as
    /// published; generated as a Rust enum with an `Unknown(String)` fallback. Empty: none.
    #[serde(rename = "enum", skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<String>,
    /// `in`: where a request parameter travels; `None` is the query string.
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub location: Option<ParameterLocation>,
    /// `shape`: this object (or the object items of this array) is the product's shared type of
    /// that name (see [`ServiceSpec::shapes`]); used when the generator is given the path of the
    /// `shapes` module, otherwise the type is generated in place as usual.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<Constraint>,
}

/// Where a request parameter is sent (`in` in the spec, as in the vendor metadata).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterLocation {
    /// `query`: in the query string (the default).
    Query,
    /// `formData`: form-encoded in the request body.
    FormData,
    /// `path`: substituted into the ROA path template.
    Path,
    /// `header`: a request header, named as sent.
    Header,
    /// `body`: the ROA request body (JSON, or bytes with `format: binary`).
    Body,
}

impl Serialize for ParameterLocation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl ParameterLocation {
    pub fn name(self) -> &'static str {
        match self {
            ParameterLocation::Query => "query",
            ParameterLocation::FormData => "formData",
            ParameterLocation::Path => "path",
            ParameterLocation::Header => "header",
            ParameterLocation::Body => "body",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scalar {
    String,
    Int32,
    Int64,
    Boolean,
    Double,
}

impl Scalar {
    pub fn name(self) -> &'static str {
        match self {
            Scalar::String => "string",
            Scalar::Int32 => "int32",
            Scalar::Int64 => "int64",
            Scalar::Boolean => "boolean",
            Scalar::Double => "double",
        }
    }

    pub fn is_integer(self) -> bool {
        matches!(self, Scalar::Int32 | Scalar::Int64)
    }
}

/// How an array (or object) parameter goes on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireStyle {
    /// `Name.1`, `Name.2`, `Name.1.Key` …
    RepeatList,
    /// One JSON-encoded string.
    Json,
    /// Comma-joined.
    Simple,
    /// Object fields as `Name.Key` entries.
    Flat,
}

impl WireStyle {
    pub fn name(self) -> &'static str {
        match self {
            WireStyle::RepeatList => "repeatList",
            WireStyle::Json => "json",
            WireStyle::Simple => "simple",
            WireStyle::Flat => "flat",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeSpec {
    Scalar(Scalar),
    Array {
        items: Box<TypeSpec>,
        /// Request side only: how the array is sent.
        style: Option<WireStyle>,
        /// Description of the items, when the source gives one.
        item_description: Text,
    },
    Object {
        properties: Vec<Field>,
        style: Option<WireStyle>,
    },
}

/// A string: the type a field has when nothing else is said (used by `..Default::default()`).
impl Default for TypeSpec {
    fn default() -> Self {
        TypeSpec::Scalar(Scalar::String)
    }
}

/// `type` plus `items` / `properties` / `style`, as keys of the enclosing field.
impl Serialize for TypeSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self {
            TypeSpec::Scalar(scalar) => map.serialize_entry("type", scalar.name())?,
            TypeSpec::Array {
                items,
                style,
                item_description,
            } => {
                map.serialize_entry("type", "array")?;
                map.serialize_entry(
                    "items",
                    &ItemsView {
                        ty: items,
                        description: item_description,
                    },
                )?;
                if let Some(style) = style {
                    map.serialize_entry("style", style.name())?;
                }
            }
            TypeSpec::Object { properties, style } => {
                map.serialize_entry("type", "object")?;
                if !properties.is_empty() {
                    map.serialize_entry("properties", properties)?;
                }
                if let Some(style) = style {
                    map.serialize_entry("style", style.name())?;
                }
            }
        }
        map.end()
    }
}

/// An array's `items` object: its type and description.
#[derive(serde::Serialize)]
struct ItemsView<'a> {
    #[serde(flatten)]
    ty: &'a TypeSpec,
    #[serde(skip_serializing_if = "Text::is_empty")]
    description: &'a Text,
}

impl TypeSpec {
    pub fn describe(&self) -> String {
        match self {
            TypeSpec::Scalar(s) => s.name().to_owned(),
            TypeSpec::Array { items, .. } => format!("array of {}", items.describe()),
            TypeSpec::Object { .. } => "object".to_owned(),
        }
    }
}

/// A rule about a parameter's value.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Constraint {
    #[serde(skip)]
    pub pointer: String,
    #[serde(flatten)]
    pub kind: ConstraintKind,
    /// The code the server answers when the rule is broken; `None` means the generic
    /// `InvalidParameter`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
}

/// `kind` plus the kind's own keys, as keys of the enclosing constraint.
impl Serialize for ConstraintKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("kind", self.name())?;
        match self {
            ConstraintKind::OneOf(values) => map.serialize_entry("values", values)?,
            ConstraintKind::Range { min, max } => {
                if let Some(min) = min {
                    map.serialize_entry("min", min)?;
                }
                if let Some(max) = max {
                    map.serialize_entry("max", max)?;
                }
            }
            ConstraintKind::MultipleOf(value) => map.serialize_entry("value", value)?,
            ConstraintKind::Length { min, max } => {
                if let Some(min) = min {
                    map.serialize_entry("min", min)?;
                }
                if let Some(max) = max {
                    map.serialize_entry("max", max)?;
                }
            }
            ConstraintKind::Charset(Charset::Ascii) => map.serialize_entry("charset", "ascii")?,
            ConstraintKind::RequiredWhen { parameter, equals } => {
                map.serialize_entry("parameter", parameter)?;
                map.serialize_entry("equals", equals)?;
            }
            ConstraintKind::MaxItems(value) => map.serialize_entry("value", value)?,
            ConstraintKind::Pattern(pattern) => map.serialize_entry("pattern", pattern)?,
            ConstraintKind::ServerChecked { facts } => {
                if let Some(facts) = facts {
                    map.serialize_entry("facts", facts)?;
                }
            }
        }
        map.end()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConstraintKind {
    OneOf(Vec<Value>),
    Range {
        min: Option<i64>,
        max: Option<i64>,
    },
    MultipleOf(i64),
    Length {
        min: Option<u64>,
        max: Option<u64>,
    },
    Charset(Charset),
    RequiredWhen {
        parameter: String,
        equals: Value,
    },
    MaxItems(u64),
    /// The whole value must match this regular expression (`regex-lite` syntax; the generator
    /// anchors it at both ends, as the vendor's Java-style matching does).
    Pattern(String),
    /// A rule only the server can check (it depends on data the client does not have).
    ServerChecked {
        facts: Option<Value>,
    },
}

impl ConstraintKind {
    pub fn name(&self) -> &'static str {
        match self {
            ConstraintKind::OneOf(_) => "oneOf",
            ConstraintKind::Range { .. } => "range",
            ConstraintKind::MultipleOf(_) => "multipleOf",
            ConstraintKind::Length { .. } => "length",
            ConstraintKind::Charset(_) => "charset",
            ConstraintKind::RequiredWhen { .. } => "requiredWhen",
            ConstraintKind::MaxItems(_) => "maxItems",
            ConstraintKind::Pattern(_) => "pattern",
            ConstraintKind::ServerChecked { .. } => "serverChecked",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    Ascii,
}

/// One row of the published error table.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorSpec {
    #[serde(skip)]
    pub pointer: String,
    pub http_status: u16,
    /// Exactly as published, dots included.
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    #[serde(skip_serializing_if = "is_false")]
    pub retryable: bool,
}

/// Where two sources disagree, what each says and which one the spec follows; or, with
/// `repair`, where the vendor metadata contradicts itself and what the import wrote instead.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Discrepancy {
    /// JSON Pointer (in this file) of the fact concerned.
    pub pointer: String,
    pub subject: String,
    /// What the reference page (or overlay) says; `None` for an import repair, which has no
    /// second source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_page: Option<Value>,
    pub vendor_metadata: Value,
    pub followed: String,
    /// The kind of import repair (`defaultOutsideRule`, `headerParameterDropped`, …; listed in
    /// `specs/README.md`), when the import changed an inconsistent vendor fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repair: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChangeEntry {
    pub date: String,
    pub description: Text,
}
