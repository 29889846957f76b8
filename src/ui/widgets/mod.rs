//! Form controls and small pieces every screen uses, so labels, hints, errors and touch
//! sizes are the same everywhere.

mod discard;
mod fields;
mod guided_flow;
mod list_end;
mod notice;
mod values;

pub use discard::DiscardDraft;
pub use fields::{DateField, NumberField, RatingField, SelectField, TextArea, TextField};
pub use guided_flow::{focus_step_heading, FlowCard, GuidedFlow};
pub use list_end::ListEnd;
pub use notice::{ErrorNotice, InfoNotice};
pub use values::ValuesPicker;
