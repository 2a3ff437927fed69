//! The status and transport mapping screens: both systems' live lists side by side with the saved
//! mapping, what is unmapped (and what that holds up), a suggestion for the unmapped entries, and
//! saving with every id checked against the live lists.
//!
//! The lists are read live on every overview and every save because a 3PL renames and adds
//! warehouse statuses and a merchant adds shipping methods without telling Brygga; a rule for an
//! id the other system no longer has is shown as stale and never saved again.

mod status;
mod transport;

pub use status::{
    SaveStatusMappingRequest, ShopRuleEntry, ShopRuleName, ShopStatusRow, StageName, StaleShopRule,
    StaleWarehouseRule, StatusMappingForm, StatusMappingRequest, StatusMappingView,
    WarehouseRuleEntry, WarehouseRuleForm, WarehouseStatusRow, save_status_mapping,
    status_mapping_overview,
};
pub use transport::{
    ContractView, HeldOrders, SaveTransportMappingRequest, ServiceView, ShippingMethodRow,
    StaleMethodRule, TrackingTypeView, TransportEntry, TransportForm, TransportMappingRequest,
    TransportMappingView, save_transport_mapping, transport_mapping_overview,
};

use crate::{ErrorCode, IpcError};

/// A refused save, naming every problem so the merchant fixes them in one go.
fn refused(what: &str, problems: &[String]) -> IpcError {
    IpcError::new(
        ErrorCode::Validation,
        format!("the {what} was not saved: {}", problems.join("; ")),
    )
}
