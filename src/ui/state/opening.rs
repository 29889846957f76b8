//! Opening the device's plans: the database, the session on it, the plan open last.
//!
//! With the `split` feature (the release build) this is a split point, as the screens are
//! (ui/lazy_screens.rs): the store, the session and the code that reads a plan come in a module
//! of their own, fetched when the workspace opens them. A first visit has no plan to open, so
//! Welcome is drawn and usable before that module is fetched; the workspace holds the session
//! only as `Rc<dyn Handle>`, so no code of the first download calls into it. On a device with
//! plans, index.html starts fetching and compiling this module and its chunks right after the
//! main module (`prefetchSession`, written by scripts/build-release.mjs), so a returning visit
//! waits for them as little as it can.

use std::rc::Rc;

use leptos::task::spawn_local;

use super::workspace::Signals;
use crate::session::{Handle, Session};
use crate::store::indexeddb::{ChangeSubscription, IndexedDbStore};
use crate::store::preferences::Preferences;
use crate::store::StoreError;

/// An open session and the subscription that brings it other tabs' changes.
pub struct Opened {
    pub session: Rc<dyn Handle>,
    pub subscription: Option<ChangeSubscription>,
}

/// Why the plans could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The module with the code that opens plans did not arrive (offline on a first visit,
    /// before the service worker stored it). Trying again later can work.
    #[error("Waymark could not fetch the part of the app that opens and saves plans: you seem to be offline. Nothing on this device was changed; try again when you are connected.")]
    NotFetched,
    #[error("{0}")]
    Store(#[from] StoreError),
}

type Opening = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Opened, StoreError>>>>;

/// Opens the database and the session showing through `signals`, and reads the device's plans.
pub async fn open(signals: Signals, prefs: Preferences) -> Result<Opened, OpenError> {
    match opening(signals, prefs).await {
        Ok(open) => Ok(open.await?),
        Err(e) => {
            // The loader reports nothing itself (scripts/build-release.mjs).
            leptos::logging::warn!("the code that opens plans was not fetched: {e:?}");
            Err(OpenError::NotFetched)
        }
    }
}

/// Fetches the module that holds the session's code, for a browser with no service worker to
/// keep it (see `lazy_screens::fetch_all`).
#[cfg(feature = "split")]
pub async fn fetch() {
    let _ = fetch_session().await;
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(session, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_session))]
fn opening(
    signals: Signals,
    prefs: Preferences,
) -> Result<Opening, leptos::wasm_split::SplitLoaderError> {
    Ok(Box::pin(open_here(signals, prefs)))
}

#[cfg(not(feature = "split"))]
async fn opening(
    signals: Signals,
    prefs: Preferences,
) -> Result<Opening, std::convert::Infallible> {
    Ok(Box::pin(open_here(signals, prefs)))
}

async fn open_here(signals: Signals, prefs: Preferences) -> Result<Opened, StoreError> {
    let store = IndexedDbStore::open().await?;
    let session =
        Rc::new(Session::new(store, signals, prefs).with_offset(crate::ui::format::utc_offset_at));
    let listening = Rc::downgrade(&session);
    let subscription = session.store().on_remote_change(move |change| {
        if let Some(session) = listening.upgrade() {
            spawn_local(async move { session.on_remote_change(change).await });
        }
    });
    let subscription = match subscription {
        Ok(s) => Some(s),
        Err(e) => {
            leptos::logging::warn!("changes from other tabs will not show: {e}");
            None
        }
    };
    session.start().await;
    Ok(Opened {
        session,
        subscription,
    })
}
