//! Checking request and response bodies against the published OpenAPI files.
//!
//! Both APIs are known to us only through their spec files (copied unchanged into `spec/`), so the
//! specs are the judge of every body that crosses the simulators: a client that sends a field the
//! real server would refuse, or a simulator that returns a shape the real server never would, fails
//! the test that produced it instead of surprising a merchant. [`Spec::ongoing`] and
//! [`Spec::starweb`] convert their spec once per process ([`convert`] explains why the OpenAPI 3.0
//! dialect needs converting) and compile one validator per operation body on first use.
//!
//! An operation is found by method and concrete path, matched against the spec's path templates:
//! Ongoing's start with `/api/v1/` (the part after `/{warehouse}`), Starweb's are relative to
//! `/api/v2` (`/orders/{orderId}`). For Starweb the 2.12.0 file is the field-level truth.
//!
//! Status codes the spec does not declare are a violation only for successes: neither spec has a
//! complete error contract (Ongoing declares no error response at all), so an undeclared 401, 404,
//! 429 or 500 is not checked.

mod convert;
mod layer;
mod pointer;
mod template;
#[cfg(test)]
mod tests;
mod violation;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use jsonschema::error::ValidationErrorKind;
use jsonschema::{Draft, Registry, Validator};
use serde_json::{Value, json};

use self::convert::Flow;
use self::template::{Miss, Templates};
use crate::server::Api;

pub use self::layer::{ViolationLog, enforce};
use self::violation::Detail;
pub use self::violation::{Direction, Violation};

pub(crate) use self::pointer::essence;
use self::pointer::{decode, encode, escape};

const JSON: &str = "application/json";

static ONGOING: LazyLock<Spec> = LazyLock::new(|| {
    Spec::load(
        Api::Ongoing,
        include_str!("../../spec/ongoing-wms-rest-api.swagger.json"),
    )
});
static STARWEB: LazyLock<Spec> = LazyLock::new(|| {
    Spec::load(
        Api::Starweb,
        include_str!("../../spec/starweb-shop-api-v2.12.0.openapi.json"),
    )
});

/// One API's spec, ready to check bodies against.
pub struct Spec {
    api: Api,
    raw: Value,
    templates: Templates,
    registry: Registry<'static>,
    validators: Mutex<HashMap<String, Arc<Validator>>>,
}

impl fmt::Debug for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spec")
            .field("api", &self.api)
            .finish_non_exhaustive()
    }
}

/// The operation a call was matched to, and how to word a violation about it.
struct Operation<'s> {
    spec: &'s Spec,
    method: String,
    template: String,
    direction: Direction,
}

impl Spec {
    /// Ongoing WMS Goods Owner REST API.
    pub fn ongoing() -> &'static Spec {
        &ONGOING
    }

    /// Starweb Shop API v2 (the 2.12.0 file).
    pub fn starweb() -> &'static Spec {
        &STARWEB
    }

    pub fn of(api: Api) -> &'static Spec {
        match api {
            Api::Ongoing => Self::ongoing(),
            Api::Starweb => Self::starweb(),
        }
    }

    pub fn api(&self) -> Api {
        self.api
    }

    /// Checks a JSON request body. The operation must exist and take a JSON body.
    pub fn check_request(&self, method: &str, path: &str, body: &Value) -> Result<(), Violation> {
        let operation = self.operation(method, path, Direction::Request)?;
        let holder = format!("{}/requestBody", operation.pointer());
        match self.media_type(&holder, JSON) {
            Some(schema) => operation.validate(Flow::Request, &schema, body),
            None => {
                Err(operation.violation("", &holder, "the operation takes no JSON request body"))
            }
        }
    }

    /// Checks a request without a JSON body: `media_type` is the body's content type, `None` for no
    /// body. The operation must exist, and accept that media type or (with no body) not require one.
    pub fn check_request_without_json(
        &self,
        method: &str,
        path: &str,
        media_type: Option<&str>,
    ) -> Result<(), Violation> {
        let operation = self.operation(method, path, Direction::Request)?;
        let holder = format!("{}/requestBody", operation.pointer());
        match media_type {
            None if self.raw.pointer(&format!("{holder}/required")) == Some(&json!(true)) => {
                Err(operation.violation("", &holder, "the request body is required but missing"))
            }
            None => Ok(()),
            Some(media) if self.media_type(&holder, essence(media)).is_some() => Ok(()),
            Some(media) => Err(operation.violation(
                "",
                &holder,
                &format!("the operation does not take a `{media}` request body"),
            )),
        }
    }

    /// Checks a JSON response body against `responses[status]`, else `responses.default`.
    pub fn check_response(
        &self,
        method: &str,
        path: &str,
        status: u16,
        body: &Value,
    ) -> Result<(), Violation> {
        let operation = self.operation(method, path, Direction::Response { status })?;
        let responses = format!("{}/responses", operation.pointer());
        let declared = [status.to_string(), "default".to_owned()]
            .into_iter()
            .map(|key| format!("{responses}/{key}"))
            .find(|pointer| self.raw.pointer(pointer).is_some());
        let Some(mut holder) = declared else {
            if status >= 400 {
                return Ok(());
            }
            let problem = format!("status {status} is not declared for this operation");
            return Err(operation.violation("", &responses, &problem));
        };
        if let Some(target) = self
            .raw
            .pointer(&format!("{holder}/$ref"))
            .and_then(Value::as_str)
        {
            holder = target.trim_start_matches('#').to_owned();
        }
        match self.media_type(&holder, JSON) {
            Some(schema) => operation.validate(Flow::Response, &schema, body),
            None => Err(operation.violation("", &holder, "the response declares no JSON body")),
        }
    }

    /// A body labelled JSON that does not parse.
    pub(crate) fn unparsable(
        &self,
        method: &str,
        path: &str,
        direction: Direction,
        error: &serde_json::Error,
    ) -> Violation {
        match self.operation(method, path, direction) {
            Ok(operation) => operation.violation(
                "",
                "",
                &format!("labelled JSON but does not parse: {error}"),
            ),
            Err(violation) => violation,
        }
    }

    fn load(api: Api, text: &str) -> Self {
        let raw: Value = serde_json::from_str(text).expect("the bundled spec file is JSON");
        let registry = Registry::new()
            .draft(Draft::Draft7)
            .add(
                resource_uri(api, Flow::Request),
                convert::document(&raw, Flow::Request),
            )
            .and_then(|r| {
                r.add(
                    resource_uri(api, Flow::Response),
                    convert::document(&raw, Flow::Response),
                )
            })
            .and_then(jsonschema::RegistryBuilder::prepare)
            .expect("the converted spec registers as JSON Schema");
        let templates = Templates::from_spec(&raw);
        Self {
            api,
            raw,
            templates,
            registry,
            validators: Mutex::default(),
        }
    }

    fn operation(
        &self,
        method: &str,
        path: &str,
        direction: Direction,
    ) -> Result<Operation<'_>, Violation> {
        let method = method.to_ascii_uppercase();
        let found = self.templates.find(&method.to_ascii_lowercase(), path);
        let template = match found {
            Ok(template) => template.to_owned(),
            Err(miss) => {
                let problem = match miss {
                    Miss::NoPath => "no path in the spec matches".to_owned(),
                    Miss::NoMethod(templates) => {
                        format!(
                            "the spec declares no {method} for {}",
                            templates.join(" or ")
                        )
                    }
                };
                let operation = Operation {
                    spec: self,
                    method,
                    template: path.to_owned(),
                    direction,
                };
                return Err(operation.violation("", "", &problem));
            }
        };
        Ok(Operation {
            spec: self,
            method,
            template,
            direction,
        })
    }

    /// The pointer to `<holder>/content/<media>/schema`, if the spec declares it.
    fn media_type(&self, holder: &str, media: &str) -> Option<String> {
        let pointer = format!("{holder}/content/{}/schema", escape(media));
        self.raw.pointer(&pointer).map(|_| pointer)
    }

    fn validator(&self, flow: Flow, pointer: &str) -> Result<Arc<Validator>, String> {
        let key = format!("{flow:?}#{pointer}");
        let mut validators = self
            .validators
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(validator) = validators.get(&key) {
            return Ok(Arc::clone(validator));
        }
        let target = format!("{}#{}", resource_uri(self.api, flow), encode(pointer));
        let root = json!({ "$ref": target });
        let validator = jsonschema::options()
            .with_draft(Draft::Draft7)
            .with_registry(&self.registry)
            .should_validate_formats(false)
            .build(&root)
            .map(Arc::new)
            .map_err(|error| error.to_string())?;
        validators.insert(key, Arc::clone(&validator));
        Ok(validator)
    }
}

impl Operation<'_> {
    /// `/paths/<template>/<method>` in the spec.
    fn pointer(&self) -> String {
        format!(
            "/paths/{}/{}",
            escape(&self.template),
            self.method.to_ascii_lowercase()
        )
    }

    fn validate(&self, flow: Flow, schema: &str, body: &Value) -> Result<(), Violation> {
        let validator = self.spec.validator(flow, schema).map_err(|error| {
            self.violation("", schema, &format!("schema does not compile: {error}"))
        })?;
        let mut errors = validator.iter_errors(body);
        let Some(first) = errors.next() else {
            return Ok(());
        };
        let others = errors.count();
        let location = first
            .absolute_keyword_location()
            .and_then(|uri| uri.as_str().split_once('#'))
            .map_or_else(
                || format!("{schema}{}", first.schema_path()),
                |(_, fragment)| decode(fragment),
            );
        let mut problem = match first.kind() {
            ValidationErrorKind::FalseSchema => match flow {
                Flow::Request => "property is readOnly and may not be sent".to_owned(),
                Flow::Response => "property is writeOnly and may not be returned".to_owned(),
            },
            _ => shorten(first.to_string()),
        };
        if others > 0 {
            problem.push_str(&format!(" (and {others} more)"));
        }
        Err(self.violation(
            first.instance_path().as_str(),
            location.trim_start_matches('#'),
            &problem,
        ))
    }

    fn violation(&self, instance: &str, schema: &str, problem: &str) -> Violation {
        Violation::new(Detail {
            api: self.spec.api,
            method: self.method.clone(),
            path: self.template.clone(),
            direction: self.direction,
            instance: instance.to_owned(),
            schema: if schema.is_empty() {
                String::new()
            } else {
                format!("#{schema}")
            },
            problem: problem.to_owned(),
        })
    }
}

/// The validator's message quotes the failing value, which can be a whole order.
fn shorten(message: String) -> String {
    const LIMIT: usize = 300;
    match message.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message,
    }
}

fn resource_uri(api: Api, flow: Flow) -> String {
    let api = match api {
        Api::Ongoing => "ongoing",
        Api::Starweb => "starweb",
    };
    let flow = match flow {
        Flow::Request => "request",
        Flow::Response => "response",
    };
    format!("urn:brygga-sim:{api}:{flow}")
}
