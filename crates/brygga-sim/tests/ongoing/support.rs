//! A running Ongoing simulator and the calls the tests make against it.

use axum::http::StatusCode;
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::{OngoingConfig, OngoingSim};
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};
use reqwest::Method;
use serde_json::{Value, json};

/// One simulator on a free loopback port, reached with the demo credentials.
pub struct Wms {
    pub sim: OngoingSim,
    pub goods_owner_id: i32,
    server: SimServer,
    client: reqwest::Client,
    user: String,
    password: String,
}

impl Wms {
    pub async fn start() -> Self {
        let config = OngoingConfig::default();
        let sim = OngoingSim::new(config.clone());
        let server = serve(ServeConfig {
            api: Api::Ongoing,
            port: 0,
            base_path: format!("/{}", config.warehouse),
            api_routes: sim.api_router(),
            control_routes: sim.control_router(),
            faults: FaultSpec::none(),
        })
        .await
        .expect("a loopback port is free");
        Self {
            sim,
            goods_owner_id: config.goods_owner_id,
            server,
            client: reqwest::Client::new(),
            user: config.user,
            password: config.password,
        }
    }

    /// The full URL of an API path such as `api/v1/articles?goodsOwnerId=162`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.api_url())
    }

    pub fn root_url(&self) -> String {
        self.server.root_url()
    }

    /// An API call with the right credentials; fails the test if either body breaks the spec.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let request = self
            .client
            .request(method, self.url(path))
            .basic_auth(&self.user, Some(&self.password));
        let request = match body {
            Some(body) => request.json(&body),
            None => request,
        };
        let (status, body) = read(request.send().await.expect("the simulator answers")).await;
        let violations = self.server.violations();
        assert!(
            violations.is_empty(),
            "every body exchanged with the simulator must follow the spec: {violations:?}"
        );
        (status, body)
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, None).await
    }

    pub async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        self.call(Method::PATCH, path, body).await
    }

    pub async fn delete(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::DELETE, path, None).await
    }

    /// A call without credentials or with other ones, as a misconfigured client makes it.
    pub async fn call_as(
        &self,
        credentials: Option<(&str, &str)>,
        path: &str,
    ) -> reqwest::Response {
        let request = self.client.get(self.url(path));
        let request = match credentials {
            Some((user, password)) => request.basic_auth(user, Some(password)),
            None => request,
        };
        request.send().await.expect("the simulator answers")
    }

    /// A control-API call (the warehouse staff); `Value::Null` sends no body.
    pub async fn control(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let request = self
            .client
            .post(format!("{}/_sim/ongoing/{path}", self.root_url()));
        let request = if body.is_null() {
            request
        } else {
            request.json(&body)
        };
        read(request.send().await.expect("the simulator answers")).await
    }

    /// A control call that must succeed; returns its answer.
    pub async fn operate(&self, path: &str, body: Value) -> Value {
        let (status, answer) = self.control(path, body).await;
        assert!(
            status.is_success(),
            "the warehouse action {path} must succeed, got {status}: {answer}"
        );
        answer
    }

    /// Creates an article and returns its `articleSystemId`.
    pub async fn put_article(&self, number: &str, name: &str) -> i32 {
        let (status, body) = self
            .put(
                "api/v1/articles",
                article_model(self.goods_owner_id, number, name),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::OK,
            "creating article {number} must succeed: {body}"
        );
        id(&body, "articleSystemId")
    }

    /// Sets an article's stock on hand in the default warehouse.
    pub async fn set_stock(&self, number: &str, on_hand: f64) {
        self.operate(
            "stock/adjust",
            json!({ "articleNumber": number, "setTo": on_hand }),
        )
        .await;
    }

    /// Creates an order with `(article number, quantity)` lines and returns its `orderId`.
    pub async fn put_order(&self, number: &str, lines: &[(&str, f64)]) -> i32 {
        let (status, body) = self
            .put(
                "api/v1/orders",
                order_model(self.goods_owner_id, number, lines),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::CREATED,
            "a new order number must create an order: {body}"
        );
        id(&body, "orderId")
    }

    /// `GET api/v1/articles?articleNumber=…` and the one article it finds.
    pub async fn article(&self, number: &str) -> Value {
        let (status, body) = self
            .get(&format!(
                "api/v1/articles?goodsOwnerId={}&articleNumber={number}",
                self.goods_owner_id
            ))
            .await;
        assert_eq!(
            status,
            StatusCode::OK,
            "the article search must succeed: {body}"
        );
        let list = body
            .as_array()
            .expect("the article search answers a bare array");
        assert_eq!(
            list.len(),
            1,
            "exactly one article has number {number}: {body}"
        );
        list[0].clone()
    }

    pub async fn order(&self, order_id: i32) -> Value {
        let (status, body) = self.get(&format!("api/v1/orders/{order_id}")).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "order {order_id} must be readable: {body}"
        );
        body
    }

    /// Moves the simulator's clock forward, so later timestamps are strictly later.
    pub async fn advance_clock(&self, seconds: i64) -> String {
        let answer = self
            .operate("clock", json!({ "advanceSeconds": seconds }))
            .await;
        answer["now"]
            .as_str()
            .expect("the clock answers its time")
            .to_owned()
    }
}

async fn read(response: reqwest::Response) -> (StatusCode, Value) {
    let status = StatusCode::from_u16(response.status().as_u16()).expect("a valid status");
    let text = response.text().await.expect("the body arrives");
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).expect("the simulator answers JSON")
    };
    (status, body)
}

/// An `i32` id field of a write response.
pub fn id(body: &Value, field: &str) -> i32 {
    body[field]
        .as_i64()
        .and_then(|id| i32::try_from(id).ok())
        .unwrap_or_else(|| panic!("the response carries {field}: {body}"))
}

/// A number field, for comparing quantities.
pub fn number(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("expected a number, got {value}"))
}

pub fn article_model(goods_owner_id: i32, number: &str, name: &str) -> Value {
    json!({
        "goodsOwnerId": goods_owner_id,
        "articleNumber": number,
        "articleName": name,
        "isStockArticle": true,
        "barCodeInfo": { "barCode": format!("73{:011}", number.len()) },
        "weight": 0.4,
        "supplierInfo": { "supplierArticleNumber": format!("SUP-{number}") }
    })
}

pub fn order_model(goods_owner_id: i32, number: &str, lines: &[(&str, f64)]) -> Value {
    let order_lines: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(index, (article, quantity))| {
            json!({
                "rowNumber": (index + 1).to_string(),
                "articleNumber": article,
                "numberOfItems": quantity,
                "prices": { "linePrice": 199.0, "currencyCode": "SEK" }
            })
        })
        .collect();
    json!({
        "goodsOwnerId": goods_owner_id,
        "orderNumber": number,
        "deliveryDate": "2026-11-24T00:00:00+00:00",
        "consignee": {
            "name": "Astrid Lindqvist",
            "address1": "Storgatan 4",
            "postCode": "411 38",
            "city": "Göteborg",
            "countryCode": "SE",
            "advanced": { "emailNotification": { "toBeNotified": true, "value": "astrid@example.se" } }
        },
        "transporter": { "transporterCode": "SBTL", "transporterServiceCode": "BPA" },
        "servicePointCode": "SE-41138-1",
        "orderLines": order_lines
    })
}
