//! What one verb changed, so the caller can save exactly those records in one transaction
//! (`Plan::documents_for`) and refresh exactly those views.

use super::document::DocKind;
use uuid::Uuid;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    /// In the order the verb changed them, without repeats.
    pub records: Vec<(DocKind, Uuid)>,
}

impl Touched {
    pub fn none() -> Self {
        Touched::default()
    }

    pub fn one(kind: DocKind, id: Uuid) -> Self {
        Touched {
            records: vec![(kind, id)],
        }
    }

    pub fn add(&mut self, kind: DocKind, id: Uuid) {
        if !self.records.contains(&(kind, id)) {
            self.records.push((kind, id));
        }
    }

    pub fn with(mut self, kind: DocKind, id: Uuid) -> Self {
        self.add(kind, id);
        self
    }

    /// Both sets of changes, for a user action made of several verbs.
    pub fn merge(mut self, other: Touched) -> Self {
        for (k, id) in other.records {
            self.add(k, id);
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The first record of `kind`: after `add_goal`, the new goal's id.
    pub fn id_of(&self, kind: DocKind) -> Option<Uuid> {
        self.records
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, id)| *id)
    }

    pub fn ids_of(&self, kind: DocKind) -> impl Iterator<Item = Uuid> + '_ {
        self.records
            .iter()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, id)| *id)
    }
}
