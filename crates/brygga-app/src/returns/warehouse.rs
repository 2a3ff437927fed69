//! Talking to the two systems about returns: reading the warehouse's return orders into the
//! store (linking the 3PL's own returns to their shop orders), the clear error when the returns
//! module is off, and which shop order a comment goes to.

use brygga_ongoing::return_orders::{ReturnOrder, ReturnOrderQuery};
use brygga_ongoing::{OngoingClient, OngoingError};

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

/// The shop's order id behind an order number; why no comment can be written when it is not one.
pub(crate) fn shop_order_id(order_number: &str) -> Result<i64, String> {
    order_number.trim().parse::<i64>().map_err(|_| {
        format!("the order number {order_number} is not a shop order id, so no comment was written")
    })
}
