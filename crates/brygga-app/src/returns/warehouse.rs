//! Talking to the two systems about returns: reading the warehouse's return orders into the
//! store (linking the 3PL's own returns to their shop orders), the clear error when the returns
//! module is off, and the comment on the shop order.

use brygga_ongoing::return_orders::{ReturnOrder, ReturnOrderQuery};
use brygga_ongoing::{OngoingClient, OngoingError};
use brygga_starweb::StarwebClient;

use crate::{App, ErrorCode, IpcError};

/// A warehouse error from a return order call. A refusal that says the returns module is off
/// (Ongoing answers 403 for a module the goods owner does not have) names what the 3PL must
/// switch on; anything else is reported as it is.
pub(crate) fn returns_error(err: &OngoingError) -> IpcError {
    if let OngoingError::Rejected {
        status, message, ..
    } = err
    {
        let lower = message.to_lowercase();
        if *status == 403 || lower.contains("not activated") || lower.contains("not enabled") {
            return IpcError::new(
                ErrorCode::RemoteRefused,
                format!(
                    "the warehouse's returns API is not switched on for this goods owner: ask the \
                     3PL to activate return orders (the returns module) for the goods owner and \
                     give the API user access to return orders. Ongoing said: {message}"
                ),
            );
        }
    }
    IpcError::remote(err)
}

/// Reads every return order of the goods owner and stores the ones not seen before (linked to
/// their shop order by the warehouse's customer order number) and arrivals, as the returns flow
/// does.
pub(crate) async fn refresh(
    app: &App,
    warehouse: &OngoingClient,
) -> Result<Vec<ReturnOrder>, IpcError> {
    let orders = warehouse
        .return_orders(&ReturnOrderQuery::default())
        .await
        .map_err(|err| returns_error(&err))?;
    brygga_sync::flows::returns::record_return_orders(
        app.store()?,
        &orders,
        chrono::Utc::now().timestamp_millis(),
    )?;
    Ok(orders)
}

/// Writes a comment on the shop order; says whether it was written and, if not, why.
pub(crate) async fn comment_on_shop_order(
    shop: &StarwebClient,
    order_number: Option<&str>,
    text: &str,
) -> (bool, Option<String>) {
    let Some(order_number) = order_number else {
        return (false, None);
    };
    let Ok(order_id) = order_number.parse::<i32>() else {
        return (
            false,
            Some(format!(
                "the order number {order_number} is not a shop order id, so no comment was written"
            )),
        );
    };
    match shop.add_order_comment(order_id, text).await {
        Ok(_) => (true, None),
        Err(err) => (
            false,
            Some(format!(
                "the comment on shop order {order_number} was not written: {err}"
            )),
        ),
    }
}
