//! Undo of the last change. The session keeps the records the change touched, as they were
//! (`core::undo::Undo`), in memory only: deleted words are never written anywhere, so this
//! copy is the one way back, and it is gone with the next change, another plan or a reload.

use super::{ActionError, Session, Shown, Verb};
use crate::core::undo::Undo;
use crate::core::{CoreError, Touched};
use crate::store::Store;

impl<S: Store, V: Shown> Session<S, V> {
    /// Applies one user action that can be taken back, and offers Undo for it, labelled as
    /// the person would say what happened ("Goal deleted").
    pub async fn apply_undoable(
        &self,
        label: &str,
        verb: impl Verb,
    ) -> Result<Touched, ActionError> {
        self.run(&[], Some(label), verb).await
    }

    /// Puts back what the last undoable change replaced, as a new change (see `Plan::undo`).
    pub async fn undo(&self) -> Result<Touched, ActionError> {
        let offered = self.undo.borrow().clone();
        let Some(undo) = offered else {
            return Err(CoreError::NothingToUndo.into());
        };
        self.run(&[], None, move |p, now, by| p.undo(&undo, now, by))
            .await
    }

    /// Undo is no longer offered (the toast closed).
    pub fn dismiss_undo(&self) {
        self.offer_undo(None);
    }

    pub(super) fn offer_undo(&self, undo: Option<Undo>) {
        self.shown.set_undo(undo.as_ref().map(|u| u.label.clone()));
        *self.undo.borrow_mut() = undo;
    }
}
