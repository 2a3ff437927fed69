//! Flow 4, order release (ordersläpp): when orders waiting in the warehouse go to picking, and which.
//!
//! Orders reach the warehouse in a held status, below the status the 3PL picks from. Releasing an
//! order moves it in Ongoing to the release status (Ongoing's standard is 300, "Released"; the
//! exact number comes from the [`StatusMapping`](crate::mapping::StatusMapping), see
//! [`release_target`]) and the shop order to the shop status mapped for it ("picking"), which
//! locks it in both systems. A merchant who does not want batches chooses
//! [`ReleaseMode::OnArrival`].
//!
//! Three pure answers live here; the engine stores batches, queues the status changes and asks the
//! merchant:
//!
//! - **Settings** ([`ReleaseSettings`]): release times per weekday in Europe/Stockholm, public
//!   holidays to skip, and the [`ReleaseRule`] choosing a batch's orders. Read from JSON with
//!   every value checked; an error names what is wrong.
//! - **Which orders** ([`plan_batch`]): each [`Candidate`] is taken or skipped with a reason the
//!   merchant can read, oldest first, up to the batch maximum. [`Pickable`] is the preview of
//!   whether all, some or none of an order's lines can be picked now.
//! - **When** ([`due_batches`], [`next_batches`]): the release slots that came since the engine last
//!   looked. A slot just reached runs now; one missed while the app or the computer was off is
//!   **never released silently late**: it is [`SlotState::Overdue`] and waits for the merchant to
//!   release or skip it. (Unlike the sync flows in [`schedule`](crate::schedule), which catch up
//!   once on their own.)
//!
//! Local times follow the schedule module's rules for daylight saving: a release time means the
//! first instant the Stockholm wall clock shows it (see [`window`](crate::schedule::window)).
//!
//! Stored as JSON:
//!
//! ```json
//! { "mode": "batches",
//!   "times": [ { "days": ["mon-fri"], "at": "07:00" }, { "days": ["mon-fri"], "at": "13:00" } ],
//!   "holidays": ["2025-12-24", "2025-12-25"],
//!   "rule": { "shopStatuses": [], "paidOnly": false, "shippingMethods": [],
//!             "pickable": "fully", "maxPerBatch": null },
//!   "releasedStatus": null }
//! ```

mod batch;
mod settings;
mod slots;

pub use batch::{BatchPlan, BatchSkip, Candidate, Pickable, plan_batch};
pub use settings::{
    PickableRule, ReleaseError, ReleaseMode, ReleaseRule, ReleaseSettings, ReleaseTarget,
    ReleaseTime, release_target,
};
pub use slots::{
    BatchSlot, DEFAULT_GRACE, MAX_LOOK_BACK_DAYS, SlotState, due_batches, next_batches,
};
