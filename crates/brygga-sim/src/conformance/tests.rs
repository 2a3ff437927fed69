//! The converter and the checks on the shapes of both specs that plain JSON Schema gets wrong:
//! nullable references, `additionalProperties: false`, NSwag's `allOf` inheritance, arrays of
//! references, integer formats, `readOnly`, shared `components.responses`, bodiless responses.

use serde_json::{Value, json};

use super::{Direction, Spec, Violation};

fn ongoing_request(path: &str, body: &Value) -> Result<(), Violation> {
    Spec::ongoing().check_request("PUT", path, body)
}

fn article() -> Value {
    json!({
        "goodsOwnerId": 162,
        "articleNumber": "MUG-01",
        "articleName": "Mugg, blå",
        "articleGroup": null,
        "barCodeInfo": { "barCode": "7350012340018", "barCodePackage": null },
        "weight": 0.35,
        "isStockArticle": true
    })
}

#[test]
fn a_real_article_upsert_conforms_including_its_nulls() {
    let verdict = ongoing_request("/api/v1/articles", &article());
    assert_eq!(
        verdict,
        Ok(()),
        "PostArticleModel allows these fields, nulls included"
    );
}

#[test]
fn a_nullable_reference_still_checks_the_object_inside() {
    let mut body = article();
    body["barCodeInfo"] = json!({ "barCode": 7350012340018_i64 });
    let violation = ongoing_request("/api/v1/articles", &body).expect_err("barCode is a string");
    assert_eq!(
        violation.instance(),
        "/barCodeInfo/barCode",
        "the `oneOf:[$ref]` + nullable wrapper must not hide the failing field: {violation}"
    );
    assert_eq!(
        violation.schema(),
        "#/components/schemas/PostArticleBarCodeInfo/properties/barCode/type",
        "the location should be the referenced schema's rule, as written in the spec file"
    );
}

#[test]
fn an_unknown_property_breaks_additional_properties_false() {
    let mut body = article();
    body["colour"] = json!("blue");
    let violation = ongoing_request("/api/v1/articles", &body).expect_err("no `colour` field");
    assert!(
        violation.problem().contains("colour"),
        "PostArticleModel is closed, and the message should name the stray field: {violation}"
    );
    assert_eq!(
        violation.schema(),
        "#/components/schemas/PostArticleModel/additionalProperties"
    );
}

#[test]
fn a_missing_required_field_is_named() {
    let mut body = article();
    body.as_object_mut()
        .map(|fields| fields.remove("goodsOwnerId"));
    let violation = ongoing_request("/api/v1/articles", &body).expect_err("goodsOwnerId required");
    assert!(
        violation.problem().contains("goodsOwnerId"),
        "the message names it: {violation}"
    );
}

#[test]
fn int32_fields_refuse_values_beyond_i32() {
    let mut body = article();
    body["goodsOwnerId"] = json!(3_000_000_000_i64);
    let violation = ongoing_request("/api/v1/articles", &body).expect_err("beyond int32");
    assert_eq!(
        violation.instance(),
        "/goodsOwnerId",
        "format int32 is checked as a range"
    );
    body["goodsOwnerId"] = json!(1.5);
    assert!(
        ongoing_request("/api/v1/articles", &body).is_err(),
        "an int32 is an integer"
    );
}

fn shipped_order() -> Value {
    json!({
        "orderInfo": {
            "orderId": 501,
            "orderNumber": "SW-1001",
            "deliveryDate": "2024-03-01T00:00:00Z",
            "createdDate": "2024-02-28T10:39:31.3Z",
            "shippedTime": null,
            "orderStatus": { "number": 400, "text": "Skickad" },
            "orderedNumberOfItems": 2,
            "allocatedNumberOfItems": 2,
            "pickedNumberOfItems": 2,
            "isPickedWithErrors": false
        },
        "orderLines": [
            { "id": 1, "rowNumber": "1", "orderedNumberOfItems": 2, "allocatedNumberOfItems": 2,
              "pickedNumberOfItems": 2, "packedNumberOfItems": 2, "shouldBePicked": true,
              "returnedNumberOfItems": 0, "subOrderLines": null }
        ],
        "classes": [ { "code": "WEB", "name": "Webborder" } ],
        "tracking": []
    })
}

#[test]
fn an_order_with_arrays_of_references_and_inherited_classes_conforms() {
    let verdict =
        Spec::ongoing().check_response("GET", "/api/v1/orders/501", 200, &shipped_order());
    assert_eq!(
        verdict,
        Ok(()),
        "GetOrderClass is NSwag's allOf(CodeNamePair, closed object) and must accept code/name"
    );
}

#[test]
fn a_wrong_item_in_an_array_of_references_is_located() {
    let mut order = shipped_order();
    order["orderLines"][0]["rowNumber"] = json!(1);
    order["classes"][0]["colour"] = json!("red");
    let violation = Spec::ongoing()
        .check_response("GET", "/api/v1/orders/501", 200, &order)
        .expect_err("rowNumber is a string and classes are closed");
    assert!(
        violation.to_string().contains("and 1 more"),
        "both faults are counted, the first is described: {violation}"
    );
    assert_eq!(violation.direction(), Direction::Response { status: 200 });
}

#[test]
fn literal_path_segments_win_over_parameters() {
    let violation = Spec::ongoing()
        .check_response(
            "GET",
            "/api/v1/orders/pickability",
            200,
            &json!({ "stray": 1 }),
        )
        .expect_err("GetOrderPickabilityModel is closed");
    assert_eq!(
        violation.path(),
        "/api/v1/orders/pickability",
        "not /api/v1/orders/{{orderId}}"
    );
}

#[test]
fn unknown_operations_and_undeclared_successes_are_violations() {
    let spec = Spec::ongoing();
    let unknown = spec
        .check_request("PUT", "/api/v1/nonsense", &json!({}))
        .expect_err("no path");
    assert_eq!(
        unknown.path(),
        "/api/v1/nonsense",
        "with no template the concrete path is named"
    );
    let method = spec
        .check_request("POST", "/api/v1/orders", &json!({}))
        .expect_err("PUT only");
    assert!(
        method.problem().contains("no POST"),
        "the method is what is missing: {method}"
    );
    let created = json!({ "orderId": 7, "message": "created" });
    assert_eq!(
        spec.check_response("PUT", "/api/v1/orders", 201, &created),
        Ok(()),
        "201 declared"
    );
    assert!(
        spec.check_response("PUT", "/api/v1/orders", 202, &created)
            .is_err(),
        "a success status the spec does not declare is a violation"
    );
    assert_eq!(
        spec.check_response("PUT", "/api/v1/orders", 409, &json!({ "anything": true })),
        Ok(()),
        "Ongoing declares no errors at all, so error bodies are not checked"
    );
}

#[test]
fn octet_stream_responses_take_no_json() {
    let path = "/api/v1/orders/501/lines/1/reportedReturnedNumberOfItems";
    let violation = Spec::ongoing()
        .check_response("PATCH", path, 200, &json!({ "ok": true }))
        .expect_err("this PATCH answers application/octet-stream");
    assert!(violation.problem().contains("no JSON"), "{violation}");
}

#[test]
fn a_request_without_a_required_body_is_refused() {
    let spec = Spec::ongoing();
    assert!(
        spec.check_request_without_json("PUT", "/api/v1/articles", None)
            .is_err(),
        "the article upsert's requestBody is required"
    );
    assert_eq!(
        spec.check_request_without_json("GET", "/api/v1/articles", None),
        Ok(()),
        "a GET has no body"
    );
}

fn order_page() -> Value {
    json!({
        "data": [{
            "orderId": 1001,
            "createdAt": "2024-02-28T10:39:31+01:00",
            "modifiedAt": "2024-02-28T11:00:00+01:00",
            "statusId": 1,
            "currencyCode": "SEK",
            "totalAmount": 398.0,
            "items": { "data": [{ "sku": "MUG-01", "quantity": 2 }] }
        }],
        "meta": { "pagination": {
            "current_page": 1, "per_page": 100, "total": 1, "count": 1, "total_pages": 1
        } }
    })
}

#[test]
fn a_starweb_order_page_conforms() {
    let verdict = Spec::starweb().check_response("GET", "/orders", 200, &order_page());
    assert_eq!(
        verdict,
        Ok(()),
        "OrderModelCollection with meta.pagination, paths under /api/v2"
    );
}

#[test]
fn starweb_refuses_read_only_fields_in_a_request() {
    let spec = Spec::starweb();
    let patch = json!({ "statusId": 3, "onOrderStatusChangeSendEmail": true });
    assert_eq!(
        spec.check_request("PATCH", "/orders/1001", &patch),
        Ok(()),
        "a status change"
    );
    let violation = spec
        .check_request(
            "PATCH",
            "/orders/1001",
            &json!({ "orderId": 1001, "statusId": 3 }),
        )
        .expect_err("orderId is readOnly");
    assert_eq!(
        violation.instance(),
        "/orderId",
        "the read-only field is named: {violation}"
    );
    assert!(
        violation.problem().contains("readOnly"),
        "and why: {violation}"
    );
}

#[test]
fn starweb_nullable_fields_accept_null_and_nothing_else_odd() {
    let spec = Spec::starweb();
    let variant = json!({ "data": {
        "variantId": 7, "sku": "MUG-01-BLUE", "ean": null, "stockQuantity": 12,
        "weightInKg": null, "attributeValueLinks": [3]
    } });
    let path = "/products/5/variants/7";
    assert_eq!(
        spec.check_response("GET", path, 200, &variant),
        Ok(()),
        "ean may be null"
    );
    let mut wrong = variant.clone();
    wrong["data"]["sku"] = Value::Null;
    let violation = spec
        .check_response("GET", path, 200, &wrong)
        .expect_err("sku not nullable");
    assert_eq!(violation.instance(), "/data/sku", "{violation}");
}

#[test]
fn starweb_shared_error_responses_are_checked() {
    let spec = Spec::starweb();
    let error = json!({ "error": "not_found", "error_description": "Not Found" });
    assert_eq!(
        spec.check_response("GET", "/orders/9", 404, &error),
        Ok(()),
        "ErrorModel"
    );
    let violation = spec
        .check_response("GET", "/orders/9", 404, &json!({ "error": 404 }))
        .expect_err("error is a string");
    assert!(
        violation
            .schema()
            .starts_with("#/components/schemas/ErrorModel"),
        "the $ref to components.responses.NotFound is followed: {violation}"
    );
    assert!(
        spec.check_response("DELETE", "/orders/9", 204, &json!({}))
            .is_err(),
        "204 ItemDeleted declares no body"
    );
}

#[test]
fn starweb_token_takes_a_form() {
    let spec = Spec::starweb();
    let form = Some("application/x-www-form-urlencoded");
    assert_eq!(
        spec.check_request_without_json("POST", "/token", form),
        Ok(()),
        "a form body"
    );
    assert!(
        spec.check_request("POST", "/token", &json!({ "client_id": "a" }))
            .is_err(),
        "the token endpoint takes no JSON"
    );
}

#[test]
fn a_violation_reads_as_one_line_naming_everything() {
    let mut body = article();
    body["goodsOwnerId"] = json!("162");
    let violation = ongoing_request("/api/v1/articles/", &body).expect_err("a string id");
    assert_eq!(
        violation.to_string(),
        "Ongoing WMS PUT /api/v1/articles: request body at /goodsOwnerId: \"162\" is not of type \
         \"integer\" (schema #/components/schemas/PostArticleModel/properties/goodsOwnerId/type)",
        "API, method, template, pointer, problem and schema location"
    );
}
