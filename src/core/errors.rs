//! One error type for every rule the core enforces. The messages are shown to the person using
//! the app as they are, so they say what to do, not what the code did.

use super::document::DocKind;
use thiserror::Error;
use uuid::Uuid;

/// Why a verb refused a change, or why stored documents could not be read back into a plan.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CoreError {
    #[error("{field} can't be empty.")]
    Required { field: &'static str },
    #[error("{field} is too long: keep it to {max} characters or fewer.")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} must fit on one line: remove line breaks and control characters.")]
    NotOneLine { field: &'static str },
    #[error("{field} contains a control character (such as a null byte): remove it. Line breaks and tabs are fine.")]
    ControlCharacter { field: &'static str },
    #[error("{field} has too many entries: keep it to {max} or fewer.")]
    TooMany { field: &'static str, max: usize },
    #[error("{field} must be between {min} and {max}.")]
    OutOfRange {
        field: &'static str,
        min: i64,
        max: i64,
    },
    #[error("{field} must be a number.")]
    NotANumber { field: &'static str },
    #[error(
        "{field} is too large a number: keep it between -1,000,000,000,000 and 1,000,000,000,000."
    )]
    NumberTooLarge { field: &'static str },
    #[error("{field} must be a date between the years 1900 and 2200.")]
    DateOutOfRange { field: &'static str },
    #[error("{later} must come after {earlier}.")]
    DateOrder {
        earlier: &'static str,
        later: &'static str,
    },
    #[error("{on} is in the future. Log a value on the day it was measured: today or earlier.")]
    MeasuredInFuture { on: String },
    #[error("The milestone's date, {due}, is before the goal starts ({start}). Choose {start} or later, or change the goal's start date.")]
    MilestoneBeforeStart { due: String, start: String },
    #[error("For a KPI that should go {direction}, the target must be {relation} the baseline.")]
    KpiTargetDirection {
        direction: &'static str,
        relation: &'static str,
    },
    #[error("Please say why this change is being made: the plan's history keeps the reason.")]
    ReasonRequired,
    #[error("That {kind} no longer exists (it may have been deleted).")]
    NotFound { kind: &'static str, id: Uuid },
    #[error("A record with this id already exists in the plan.")]
    DuplicateId { id: Uuid },
    #[error("This plan is archived. Restore it from the archive before changing it.")]
    Archived,
    #[error("Templates keep no client data: {what} can only be added to a client plan.")]
    NotInTemplate { what: &'static str },
    #[error("The time zone offset must be between -14:00 and +14:00.")]
    BadUtcOffset,
    #[error(
        "There is nothing to undo: the last change was made to another plan or is already undone."
    )]
    NothingToUndo,
    #[error("The chosen option is not one of the options: choose one of them again.")]
    ChosenNotAnOption,
    #[error("The time zone must be a name like Europe/Berlin.")]
    BadTimeZone,
    #[error("The plan's header record is missing, so the plan can't be opened.")]
    MissingPlanHeader,
    #[error("The saved {kind:?} record {id} could not be read: {detail}")]
    CorruptRecord {
        kind: DocKind,
        id: Uuid,
        detail: String,
    },
}

impl CoreError {
    pub(crate) fn corrupt(kind: DocKind, id: Uuid, detail: impl Into<String>) -> Self {
        CoreError::CorruptRecord {
            kind,
            id,
            detail: detail.into(),
        }
    }
}
