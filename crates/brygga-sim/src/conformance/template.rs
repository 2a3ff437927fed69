//! Finding the spec's path template for a concrete request path.
//!
//! `/api/v1/orders/pickability` matches both `/api/v1/orders/pickability` and
//! `/api/v1/orders/{orderId}`; like the servers behind both APIs, the template with a literal
//! segment earlier wins. A parameter matches exactly one non-empty segment.

use serde_json::Value;

/// The HTTP methods OpenAPI allows as keys of a path item (the rest are `summary`, `parameters`...).
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

#[derive(Debug)]
pub(super) struct Templates {
    templates: Vec<Template>,
}

#[derive(Debug)]
struct Template {
    text: String,
    /// `None` for a `{parameter}` segment.
    segments: Vec<Option<String>>,
    methods: Vec<&'static str>,
}

/// Why no operation was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Miss {
    /// No template matches the path.
    NoPath,
    /// These templates match the path but none declares the method.
    NoMethod(Vec<String>),
}

impl Templates {
    pub(super) fn from_spec(spec: &Value) -> Self {
        let templates = spec
            .get("paths")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(text, item)| Template {
                text: text.clone(),
                segments: split(text)
                    .map(|s| (!(s.starts_with('{') && s.ends_with('}'))).then(|| s.to_owned()))
                    .collect(),
                methods: METHODS
                    .iter()
                    .copied()
                    .filter(|m| item.get(*m).is_some())
                    .collect(),
            })
            .collect();
        Self { templates }
    }

    /// The template declaring `method` (lower case) that matches `path` most specifically.
    pub(super) fn find(&self, method: &str, path: &str) -> Result<&str, Miss> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let concrete: Vec<&str> = split(path).collect();
        let mut matching: Vec<&Template> = self
            .templates
            .iter()
            .filter(|t| t.matches(&concrete))
            .collect();
        if matching.is_empty() {
            return Err(Miss::NoPath);
        }
        // Literal segments before parameters, compared left to right.
        matching.sort_by_key(|t| t.segments.iter().map(Option::is_none).collect::<Vec<_>>());
        matching
            .iter()
            .find(|t| t.methods.contains(&method))
            .map(|t| t.text.as_str())
            .ok_or_else(|| Miss::NoMethod(matching.iter().map(|t| t.text.clone()).collect()))
    }
}

impl Template {
    fn matches(&self, concrete: &[&str]) -> bool {
        self.segments.len() == concrete.len()
            && self
                .segments
                .iter()
                .zip(concrete)
                .all(|(segment, actual)| match segment {
                    Some(literal) => literal == actual,
                    None => !actual.is_empty(),
                })
    }
}

/// Path segments, ignoring the leading slash and one trailing slash.
fn split(path: &str) -> impl Iterator<Item = &str> {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    trimmed.split('/').filter(move |_| !trimmed.is_empty())
}
