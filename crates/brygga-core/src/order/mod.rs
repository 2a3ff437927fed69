//! Orders on both sides: the shop order as the customer placed it, the order Brygga asks the
//! warehouse to ship, and the warehouse's view of it coming back.
//!
//! The shop's order id is the order number the customer sees and the warehouse's order number.
//! A shop may delete an order and later hand out its number again, so a number alone does not
//! identify an order: [`ShopOrder::identity`] adds the creation time, which a reused number never
//! shares with the order it once belonged to.

mod problem;
mod shop;
mod warehouse;

pub use problem::OrderProblem;

pub use shop::{Address, Contact, ShopOrder, ShopOrderLine};
pub use warehouse::{
    DraftLine, Notify, ShippedParcel, WarehouseOrder, WarehouseOrderDraft, WarehouseOrderLine,
};
