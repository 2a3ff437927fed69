//! OpenAPI 3.0 schema objects rewritten as JSON Schema (draft 7), once per spec and direction.
//!
//! OpenAPI 3.0 looks like JSON Schema but is not: `nullable: true` means nothing to a JSON Schema
//! validator, `readOnly`/`writeOnly` change what a request or a response may hold, and NSwag (which
//! generated the Ongoing file) writes inheritance as `allOf: [{$ref: Base}, {additionalProperties:
//! false}]`, which plain JSON Schema reads as "no properties at all". Fed the raw files, a validator
//! rejects every `null` the real APIs send and every Ongoing `GetOrderClass`. This module fixes that
//! and nothing more; everything else (types, `required`, `enum`, lengths, patterns,
//! `additionalProperties: false`) passes through unchanged, so the validator stays the judge.
//!
//! The output keeps the input's JSON pointers (`#/components/schemas/X/...`, `#/paths/...`), so a
//! schema location in a violation can be looked up in the spec file itself.

use serde_json::{Map, Value, json};

/// Which way a body travels; it decides what `readOnly` and `writeOnly` mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    /// Client to server: `readOnly` properties may not be sent, and are never required.
    Request,
    /// Server to client: `writeOnly` properties may not be returned, and are never required.
    Response,
}

/// OpenAPI keywords with no JSON Schema meaning, or with one that would mislead (`default`,
/// `example`); dropped so the validator does not trip over them and the converted tree stays small.
const OPENAPI_ONLY: &[&str] = &[
    "nullable",
    "readOnly",
    "writeOnly",
    "example",
    "examples",
    "description",
    "title",
    "default",
    "discriminator",
    "xml",
    "externalDocs",
    "deprecated",
];

/// The parts of a spec that hold body schemas, converted, at the same pointers as in the spec.
pub(super) fn document(spec: &Value, flow: Flow) -> Value {
    let components = spec
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or_else(|| json!({}));
    let convert = |schema: &Value| {
        Converter {
            components: &components,
            flow,
        }
        .schema(schema)
    };

    let mut schemas = Map::new();
    if let Some(all) = components.as_object() {
        for (name, schema) in all {
            schemas.insert(name.clone(), convert(schema));
        }
    }
    let mut responses = Map::new();
    if let Some(all) = spec
        .pointer("/components/responses")
        .and_then(Value::as_object)
    {
        for (name, response) in all {
            responses.insert(name.clone(), content(response, &convert));
        }
    }
    let mut paths = Map::new();
    if let Some(all) = spec.get("paths").and_then(Value::as_object) {
        for (template, item) in all {
            let mut operations = Map::new();
            for (method, operation) in item.as_object().into_iter().flatten() {
                let mut converted = Map::new();
                if let Some(body) = operation.get("requestBody") {
                    converted.insert("requestBody".into(), content(body, &convert));
                }
                if let Some(all) = operation.get("responses").and_then(Value::as_object) {
                    let statuses = all
                        .iter()
                        .map(|(status, response)| (status.clone(), content(response, &convert)))
                        .collect();
                    converted.insert("responses".into(), Value::Object(statuses));
                }
                operations.insert(method.clone(), Value::Object(converted));
            }
            paths.insert(template.clone(), Value::Object(operations));
        }
    }
    json!({ "components": { "schemas": schemas, "responses": responses }, "paths": paths })
}

/// `{content: {<media type>: {schema}}}` of a request body or response, schemas converted.
fn content(holder: &Value, convert: &impl Fn(&Value) -> Value) -> Value {
    let mut media = Map::new();
    for (name, entry) in holder
        .get("content")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        if let Some(schema) = entry.get("schema") {
            media.insert(name.clone(), json!({ "schema": convert(schema) }));
        }
    }
    json!({ "content": media })
}

struct Converter<'a> {
    /// The spec's raw `components.schemas`, for flattening NSwag's `allOf` inheritance.
    components: &'a Value,
    flow: Flow,
}

impl Converter<'_> {
    fn schema(&self, schema: &Value) -> Value {
        let Some(map) = schema.as_object() else {
            return schema.clone();
        };
        if let Some(reference) = map.get("$ref") {
            // OpenAPI 3.0 ignores a reference's siblings, and so does draft 7.
            return json!({ "$ref": reference });
        }
        let flattened;
        let map = match self.flatten_inheritance(map) {
            Some(flat) => {
                flattened = flat;
                &flattened
            }
            None => map,
        };

        let hidden = |property: &Value| match self.flow {
            Flow::Request => property.get("readOnly") == Some(&Value::Bool(true)),
            Flow::Response => property.get("writeOnly") == Some(&Value::Bool(true)),
        };
        let mut out = Map::new();
        for (keyword, value) in map {
            if OPENAPI_ONLY.contains(&keyword.as_str()) || keyword.starts_with("x-") {
                continue;
            }
            let converted = match keyword.as_str() {
                "properties" => Value::Object(
                    value
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|(name, property)| {
                            let schema = if hidden(property) {
                                Value::Bool(false)
                            } else {
                                self.schema(property)
                            };
                            (name.clone(), schema)
                        })
                        .collect(),
                ),
                "required" => {
                    let properties = map.get("properties");
                    Value::Array(
                        value
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter(|name| {
                                let property = name.as_str().and_then(|n| properties?.get(n));
                                !property.is_some_and(hidden)
                            })
                            .cloned()
                            .collect(),
                    )
                }
                "items" | "additionalProperties" | "not" => self.schema(value),
                "allOf" | "anyOf" | "oneOf" => Value::Array(
                    value
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|s| self.schema(s))
                        .collect(),
                ),
                _ => value.clone(),
            };
            out.insert(keyword.clone(), converted);
        }
        exclusive_bounds(&mut out);
        integer_range(&mut out);
        let out = unwrap_single_member(out);
        if map.get("nullable") == Some(&Value::Bool(true)) {
            nullable(out)
        } else {
            Value::Object(out)
        }
    }

    /// NSwag's inheritance, `allOf: [{$ref: Base}, {type: object, additionalProperties: false,
    /// properties: {...}}]`, as one object schema holding the union of the members' properties and
    /// `required`, closed if any member is closed. `None` when `allOf` is something else.
    fn flatten_inheritance(&self, map: &Map<String, Value>) -> Option<Map<String, Value>> {
        let members = map.get("allOf")?.as_array()?;
        let closes =
            |member: &Value| member.get("additionalProperties") == Some(&Value::Bool(false));
        if !members.iter().any(closes) {
            return None;
        }
        let mut properties = Map::new();
        let mut required: Vec<Value> = Vec::new();
        for member in members {
            let member = match member.get("$ref").and_then(Value::as_str) {
                Some(reference) => {
                    let name = reference.strip_prefix("#/components/schemas/")?;
                    let base = self.components.get(name)?.as_object()?;
                    Value::Object(
                        self.flatten_inheritance(base)
                            .unwrap_or_else(|| base.clone()),
                    )
                }
                None => member.clone(),
            };
            let known = [
                "type",
                "additionalProperties",
                "properties",
                "required",
                "description",
                "title",
            ];
            if member
                .as_object()?
                .keys()
                .any(|keyword| !known.contains(&keyword.as_str()))
            {
                return None;
            }
            for (name, property) in member
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                properties.insert(name.clone(), property.clone());
            }
            for name in member
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if !required.contains(name) {
                    required.push(name.clone());
                }
            }
        }
        let mut flat: Map<String, Value> = map
            .iter()
            .filter(|(keyword, _)| *keyword != "allOf")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        flat.insert("type".into(), json!("object"));
        flat.insert("additionalProperties".into(), json!(false));
        flat.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            flat.insert("required".into(), Value::Array(required));
        }
        Some(flat)
    }
}

/// OpenAPI 3.0 (like draft 4) writes exclusive bounds as booleans beside `minimum`/`maximum`.
fn exclusive_bounds(out: &mut Map<String, Value>) {
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match out.get(exclusive) {
            Some(Value::Bool(true)) => {
                if let Some(limit) = out.remove(bound) {
                    out.insert(exclusive.into(), limit);
                } else {
                    out.remove(exclusive);
                }
            }
            Some(Value::Bool(false)) => {
                out.remove(exclusive);
            }
            _ => {}
        }
    }
}

/// `int32` and `int64` are the one kind of format that is trivially checkable and worth it: an
/// Ongoing id or quantity beyond `i32` would be refused by the real server's model binding.
fn integer_range(out: &mut Map<String, Value>) {
    if out.get("type") != Some(&json!("integer")) {
        return;
    }
    let (min, max) = match out.get("format").and_then(Value::as_str) {
        Some("int32") => (json!(i32::MIN), json!(i32::MAX)),
        Some("int64") => (json!(i64::MIN), json!(i64::MAX)),
        _ => return,
    };
    out.entry("minimum").or_insert(min);
    out.entry("maximum").or_insert(max);
}

/// `{oneOf: [S]}` alone is just `S`; unwrapping it lets the validator report what inside `S` failed
/// instead of "not valid under any of the schemas".
fn unwrap_single_member(out: Map<String, Value>) -> Map<String, Value> {
    if out.len() == 1 {
        for keyword in ["oneOf", "anyOf", "allOf"] {
            if let Some(Value::Array(members)) = out.get(keyword)
                && let [Value::Object(only)] = members.as_slice()
            {
                return only.clone();
            }
        }
    }
    out
}

/// `null` allowed besides what `schema` allows. A typed schema gets `"null"` added to its `type` (and
/// `enum`); anything else, typically the generator's `$ref` wrapped for nullability, becomes
/// `if null then valid else <schema>`, which (unlike `anyOf`) still reports what inside failed.
fn nullable(mut out: Map<String, Value>) -> Value {
    if let Some(Value::String(kind)) = out.get("type") {
        let kind = kind.clone();
        out.insert("type".into(), json!([kind, "null"]));
        if let Some(Value::Array(values)) = out.get_mut("enum")
            && !values.contains(&Value::Null)
        {
            values.push(Value::Null);
        }
        return Value::Object(out);
    }
    if out.is_empty() {
        return Value::Object(out);
    }
    json!({ "if": { "type": "null" }, "else": out })
}
