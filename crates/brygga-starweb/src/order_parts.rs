//! An order's comments and its references to other systems (`/orders/{id}/comments`,
//! `/orders/{id}/external-services`).
//!
//! External-service references are keyed by service name, unique per order; that is where a bridge
//! keeps the warehouse's order id (`serviceName: "Ongoing"`), so [`StarwebClient::set_order_reference`]
//! is an upsert that can be repeated safely. References the shop marks `readOnly` (a checkout's nShift
//! agent) refuse changes with 403, which comes back as [`StarwebError::Rejected`].

use reqwest::Method;
use serde::Serialize;

use crate::client::{Call, StarwebClient};
use crate::error::StarwebError;
use crate::order_model::{CommentAuthor, ExternalServiceRef, OrderComment};
use crate::wire::Data;

/// `OrderCommentModel` as written.
#[derive(Debug, Serialize)]
struct NewComment<'a> {
    text: &'a str,
    from: CommentAuthor,
}

/// `OrderExternalServiceModel` as written; `serviceName` only where the call creates one.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ReferenceBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    service_name: Option<&'a str>,
    external_id_value: &'a str,
}

impl StarwebClient {
    /// The order's comments, oldest first as the shop lists them.
    pub async fn order_comments(&self, order_id: i32) -> Result<Vec<OrderComment>, StarwebError> {
        let call = Call::new(
            "list order comments",
            Method::GET,
            &[&"orders", &order_id, &"comments"],
        );
        let comments: Data<Vec<OrderComment>> = self.send(call).await?;
        Ok(comments.data)
    }

    /// Adds a comment written by the shop's admin side (Brygga acts for the merchant).
    pub async fn add_order_comment(
        &self,
        order_id: i32,
        text: &str,
    ) -> Result<OrderComment, StarwebError> {
        let body = NewComment {
            text,
            from: CommentAuthor::Admin,
        };
        let call = Call::new(
            "add order comment",
            Method::POST,
            &[&"orders", &order_id, &"comments"],
        )
        .body(&body)?;
        let comment: Data<OrderComment> = self.send(call).await?;
        Ok(comment.data)
    }

    /// The order's references to other systems.
    pub async fn order_references(
        &self,
        order_id: i32,
    ) -> Result<Vec<ExternalServiceRef>, StarwebError> {
        let call = Call::new(
            "list order references",
            Method::GET,
            &[&"orders", &order_id, &"external-services"],
        );
        let references: Data<Vec<ExternalServiceRef>> = self.send(call).await?;
        Ok(references.data)
    }

    /// One reference by service name; `None` when the order has none for that service.
    pub async fn order_reference(
        &self,
        order_id: i32,
        service_name: &str,
    ) -> Result<Option<ExternalServiceRef>, StarwebError> {
        let call = Call::new(
            "get order reference",
            Method::GET,
            &[&"orders", &order_id, &"external-services", &service_name],
        );
        match self.send::<Data<ExternalServiceRef>>(call).await {
            Ok(reference) => Ok(Some(reference.data)),
            Err(err) if err.is_not_found() => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Sets the order's reference in `service_name` to `value`: updates it if the order has one for
    /// that service, else adds it. Repeating the call changes nothing.
    pub async fn set_order_reference(
        &self,
        order_id: i32,
        service_name: &str,
        value: &str,
    ) -> Result<ExternalServiceRef, StarwebError> {
        let update = Call::new(
            "update order reference",
            Method::PATCH,
            &[&"orders", &order_id, &"external-services", &service_name],
        )
        .body(&ReferenceBody {
            service_name: None,
            external_id_value: value,
        })?;
        match self.send::<Data<ExternalServiceRef>>(update).await {
            Ok(reference) => return Ok(reference.data),
            Err(err) if err.is_not_found() => {}
            Err(err) => return Err(err),
        }
        let create = Call::new(
            "add order reference",
            Method::POST,
            &[&"orders", &order_id, &"external-services"],
        )
        .body(&ReferenceBody {
            service_name: Some(service_name),
            external_id_value: value,
        })?;
        let reference: Data<ExternalServiceRef> = self.send(create).await?;
        Ok(reference.data)
    }
}
