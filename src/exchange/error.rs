//! Why a plan file could not be opened, worded for the person who chose the file. Its own
//! file so that reading, migrating and decrypting a file share it without depending on each
//! other.

use super::format::MAX_DEPTH;

/// Why a file could not be opened, worded for the person who chose the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("This file is {megabytes} MB; Waymark opens plan files of up to 20 MB. Is it the right file?")]
    TooLarge { megabytes: usize },
    #[error("This is not a Waymark plan file: {detail}")]
    NotAPlanFile { detail: String },
    #[error("The file is damaged or incomplete ({detail}). Export it again and retry.")]
    Malformed { detail: String },
    #[error(
        "The file is nested more than {MAX_DEPTH} levels deep, which no Waymark plan file is."
    )]
    TooDeep,
    #[error("This file was made by a newer version of Waymark (format version {found}); this app reads up to version {supported}. Update Waymark and try again.")]
    TooNew { found: u64, supported: u32 },
    /// A field or record is wrong; `path` says where (`goals[3].target_date`).
    #[error("{path}: {problem}")]
    Invalid { path: String, problem: String },
    #[error("This file is protected with a passphrase. Enter the passphrase to open it.")]
    NeedsPassphrase,
    #[error("The passphrase is wrong, or the file was changed after it was exported.")]
    WrongPassphrase,
    #[error("This browser can't open passphrase-protected files ({0}).")]
    CryptoUnavailable(String),
}

impl ImportError {
    /// Where in the file the problem is (`goals[3].target_date`); empty for the whole file.
    pub fn path(&self) -> &str {
        match self {
            ImportError::Invalid { path, .. } => path,
            _ => "",
        }
    }

    pub(crate) fn invalid(path: &str, problem: impl Into<String>) -> Self {
        ImportError::Invalid {
            path: if path.is_empty() {
                "(file)".to_owned()
            } else {
                path.to_owned()
            },
            problem: problem.into(),
        }
    }
}
