//! Check-ins: the schedule, past check-ins, and the guided flow.

mod flow;
mod overview;

pub use flow::CheckInFlowScreen;
pub(crate) use overview::describe as describe_schedule;
pub use overview::CheckInScreen;
