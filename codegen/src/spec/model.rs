//! The spec model: what a spec file says, as plain Rust data.
//!
//! Parsing (`spec::parse`) builds it from JSON and reports structural problems by JSON Pointer;
//! `check` then reports the semantic ones. Generation only ever sees a checked model.

use serde_json::Value;

/// Text in the source language (Chinese, as published) and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub en: Option<String>,
    pub zh: Option<String>,
}

impl Text {
    pub fn is_empty(&self) -> bool {
        self.en.is_none() && self.zh.is_none()
    }
}

/// One spec file: a product's API version and some of its operations.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceSpec {
    /// `$schema`, kept so that editors find the JSON Schema.
    pub schema: Option<String>,
    pub spec_version: u64,
    /// Product code, e.g. `SWAS-OPEN`.
    pub product: String,
    /// API version, e.g. `2020-06-01`.
    pub version: String,
    pub sources: Vec<Source>,
    /// Region → endpoint host table.
    pub endpoints: Vec<RegionEndpoint>,
    pub operations: Vec<OperationSpec>,
}

/// Where the facts in a spec came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// `referencePage`, `vendorMetadata` or `curated`.
    pub kind: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub file: Option<String>,
    /// When the source was published or last changed (`YYYY-MM-DD`).
    pub date: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionEndpoint {
    pub region_id: String,
    pub host: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HttpMethod {
    Get,
    Post,
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct OperationSpec {
    /// The `Action`, e.g. `CreateInstances`.
    pub name: String,
    /// JSON Pointer of this operation in its file, for diagnostics.
    pub pointer: String,
    pub methods: Vec<HttpMethod>,
    /// Operation group (the vendor's `directories`), used for feature selection.
    pub group: Option<String>,
    pub deprecated: bool,
    pub summary: Text,
    pub description: Text,
    pub ram: Option<RamAuthorization>,
    pub parameters: Vec<Field>,
    pub response: Vec<Field>,
    pub errors: Vec<ErrorSpec>,
    pub notes: Vec<Text>,
    pub discrepancies: Vec<Discrepancy>,
    pub changes: Vec<ChangeEntry>,
    /// Waiters polling this operation (`waiters`; see `spec::waiters`).
    pub waiters: Vec<super::waiters::WaiterSpec>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RamAuthorization {
    pub action: String,
    pub access_level: String,
    pub resources: Vec<RamResource>,
    pub condition_keys: Vec<String>,
    pub associated_operations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RamResource {
    pub resource_type: String,
    pub pattern: String,
    pub required: bool,
}

/// A request parameter, an object property, or a response field.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Wire name, exactly as sent (`RegionId`).
    pub name: String,
    pub pointer: String,
    pub ty: TypeSpec,
    pub required: bool,
    pub default: Option<Value>,
    pub example: Option<String>,
    pub description: Text,
    pub unit: Option<String>,
    /// This parameter is the operation's idempotency token (`ClientToken`).
    pub idempotency_token: bool,
    pub deprecated: bool,
    pub constraints: Vec<Constraint>,
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
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    pub pointer: String,
    pub kind: ConstraintKind,
    /// The code the server answers when the rule is broken; `None` means the generic
    /// `InvalidParameter`.
    pub error_code: Option<String>,
    pub description: Text,
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
            ConstraintKind::ServerChecked { .. } => "serverChecked",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    Ascii,
}

/// One row of the published error table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorSpec {
    pub pointer: String,
    pub http_status: u16,
    /// Exactly as published, dots included.
    pub code: String,
    pub message: String,
    pub description: Text,
    pub retryable: bool,
}

/// Where two sources disagree, what each says and which one the spec follows.
#[derive(Clone, Debug, PartialEq)]
pub struct Discrepancy {
    /// JSON Pointer (in this file) of the fact concerned.
    pub pointer: String,
    pub subject: String,
    pub reference_page: Value,
    pub vendor_metadata: Value,
    pub followed: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeEntry {
    pub date: String,
    pub description: Text,
}
