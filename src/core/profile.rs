//! Who the client is and where they want to go: the vision and values every goal should serve.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{record, titled};
use serde::{Deserialize, Serialize};

/// The editable part of a profile, as a form fills it in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileDraft {
    pub name: Option<String>,
    pub current_role: String,
    /// The ideal career in 3–5 years, in the client's words.
    pub vision: String,
    /// Most important first.
    pub values: Vec<String>,
    pub strengths: Vec<String>,
}

impl ProfileDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        if let Some(name) = &self.name {
            limits::short("Name", name)?;
        }
        limits::short("Current role", &self.current_role)?;
        limits::long("Vision", &self.vision)?;
        limits::short_list("Values", &self.values)?;
        limits::short_list("Strengths", &self.strengths)
    }
}

/// The plan's one client profile. Its id is derived from the plan id (see `ids::profile_id`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientProfile {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: ProfileDraft,
}

impl ClientProfile {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }

    /// Whether `value` is one of the client's values, ignoring case.
    pub fn holds_value(&self, value: &str) -> bool {
        let v = value.trim().to_lowercase();
        self.fields
            .values
            .iter()
            .any(|x| x.trim().to_lowercase() == v)
    }
}

record!(ClientProfile, DocKind::Profile, "profile", |meta| {
    ClientProfile {
        meta,
        fields: ProfileDraft::default(),
    }
},
    label: |r| match &r.fields.name {
        Some(n) if !n.trim().is_empty() => titled("Profile", n),
        _ => "Profile".to_owned(),
    },
);
