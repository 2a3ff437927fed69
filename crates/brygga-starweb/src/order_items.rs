//! Changing an order's lines (`/orders/{id}/items`), for what the warehouse actually delivered: a
//! line shipped short gets the delivered quantity, a line the 3PL added is added. The shop then
//! charges (and its payment provider captures) what was sent.

use reqwest::Method;
use serde::Serialize;

use crate::client::{Call, StarwebClient};
use crate::error::StarwebError;
use crate::order_model::OrderItem;
use crate::wire::Data;

/// `OrderItemModel` as written: only the fields the call sets.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct ItemBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    sku: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    quantity: i64,
}

impl StarwebClient {
    /// Sets one line's quantity.
    pub async fn set_order_item_quantity(
        &self,
        order_id: i32,
        item_id: i32,
        quantity: i64,
    ) -> Result<OrderItem, StarwebError> {
        let call = Call::new(
            "update order line",
            Method::PATCH,
            &[&"orders", &order_id, &"items", &item_id],
        )
        .body(&ItemBody {
            quantity,
            ..ItemBody::default()
        })?;
        let item: Data<OrderItem> = self.send(call).await?;
        Ok(item.data)
    }

    /// Adds a line of `quantity` of `sku`; the shop prices it from its catalogue.
    pub async fn add_order_item(
        &self,
        order_id: i32,
        sku: &str,
        description: &str,
        quantity: i64,
    ) -> Result<OrderItem, StarwebError> {
        let call = Call::new(
            "add order line",
            Method::POST,
            &[&"orders", &order_id, &"items"],
        )
        .body(&ItemBody {
            sku: Some(sku),
            description: Some(description),
            quantity,
        })?;
        let item: Data<OrderItem> = self.send(call).await?;
        Ok(item.data)
    }
}
