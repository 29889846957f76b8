//! The browser store: IndexedDB through `web-sys` directly, plus cross-tab change notices
//! on a `BroadcastChannel`.
//!
//! # Why `web-sys` and not `idb`, `indexed_db_futures` or `rexie`
//! - Transaction lifetime is the thing to get right, and it is easiest to see when every
//!   request of a transaction is placed synchronously, or from inside another request's
//!   event handler, and the only `.await` is on the transaction's `complete` / `abort`
//!   (or one read request). Nothing here ever awaits inside a transaction, so it cannot
//!   auto-commit half-way. The wrappers offer futures per request, which invites exactly
//!   that mistake (await a `get`, then `put` on a transaction that may have committed).
//! - Bundle size: we need a dozen IndexedDB calls. The wrappers bring their own builder
//!   layers and error types on top of the same `web-sys` bindings; here there is nothing
//!   extra beyond the `web-sys` features.
//! - `durability: "strict"` is only reachable in `web-sys` behind
//!   `--cfg=web_sys_unstable_apis`; one small binding below passes it without that flag
//!   (browsers that do not know the option ignore it).
//!
//! # How an operation runs
//! Every operation runs as its own `spawn_local` task and the caller awaits its result. The
//! task owns the event-handler closures until the transaction has finished, so a caller
//! that drops its future (a component unmounting) cannot free a closure that IndexedDB
//! will still call, which would abort the transaction.
//!
//! # Record format
//! Each document is a plain object `{plan_id, id, kind, rev, body}` (see `schema`), so the
//! key path and the index can read it and it is readable in the browser's dev tools.
//! Conversion between Rust and JS is done in bulk: one `serde_json` string and one
//! `JSON.parse` for all documents of a commit, one `JSON.stringify` and one `serde_json`
//! parse for all documents of a read; per-field access happens only for `rev` during the
//! conflict check. (Measured against per-field `Reflect` conversion in
//! `tests/browser/bench.rs`.)

use super::error::{dom_error, failed, unavailable};
use super::schema::{self, current};
use super::{
    changes_by_plan, check_replace, check_unique_ids, device, ChangeSet, RemoteChange, Store,
    StoreError,
};
use crate::core::document::Document;
use js_sys::{Array, Reflect, JSON};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    BroadcastChannel, DomException, Event, IdbDatabase, IdbFactory, IdbKeyRange, IdbObjectStore,
    IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode, IdbVersionChangeEvent,
    MessageEvent,
};

/// The app's database.
pub const DB_NAME: &str = "waymark";

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase`, seen through the one call that `web-sys` has only behind
    /// `--cfg=web_sys_unstable_apis`.
    type DatabaseWithOptions;

    /// `IDBDatabase.transaction(names, mode, options)`.
    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &DatabaseWithOptions,
        store_names: &JsValue,
        mode: &str,
        options: &JsValue,
    ) -> Result<IdbTransaction, JsValue>;
}

/// A connection to one Waymark database. Clones share the connection; it closes when the
/// last clone is dropped.
#[derive(Clone)]
pub struct IndexedDbStore {
    inner: Rc<Inner>,
}

struct Inner {
    name: String,
    db: IdbDatabase,
    /// Set when the browser or a newer Waymark closed the connection under us.
    closed: Rc<Cell<bool>>,
    /// Tells our own change notices apart from other tabs' ones.
    instance: Uuid,
    channel: Option<BroadcastChannel>,
    has_data_marked: Cell<bool>,
    _on_versionchange: Closure<dyn FnMut(Event)>,
    _on_close: Closure<dyn FnMut(Event)>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.set_onclose(None);
        // Transactions already started still finish: close() only stops new ones.
        self.db.close();
        if let Some(channel) = &self.channel {
            channel.close();
        }
    }
}

impl IndexedDbStore {
    /// Opens (creating or upgrading) the app's database, [`DB_NAME`].
    pub async fn open() -> Result<Self, StoreError> {
        Self::open_named(DB_NAME).await
    }

    /// Opens (creating or upgrading) the database `name`. Tests use a unique name each.
    ///
    /// Errors: `SchemaTooNew` when a newer Waymark already upgraded it, `Blocked` when an
    /// upgrade is needed but another tab keeps the old version open, `Unavailable` when
    /// the browser offers no IndexedDB (some private modes).
    pub async fn open_named(name: &str) -> Result<Self, StoreError> {
        let factory = factory()?;
        let opened = spawn_op(open_db(factory.clone(), name.to_owned())).await;
        let db = match opened {
            Err(OpenError::Version) => {
                let found = probe_version(factory, name.to_owned()).await;
                return Err(StoreError::SchemaTooNew {
                    found: found.unwrap_or(u32::MAX),
                    known: current::VERSION.number(),
                });
            }
            Err(OpenError::Store(e)) => return Err(e),
            Ok(opened) => opened,
        };

        let closed = Rc::new(Cell::new(false));
        let on_versionchange = {
            let (db, closed) = (db.clone(), closed.clone());
            // A newer Waymark wants to upgrade: let it, and make this tab say "reload".
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                db.close();
                closed.set(true);
            })
        };
        let on_close = {
            let closed = closed.clone();
            // The browser closed the connection (storage cleared, disk error).
            Closure::<dyn FnMut(Event)>::new(move |_: Event| closed.set(true))
        };
        db.set_onversionchange(Some(on_versionchange.as_ref().unchecked_ref()));
        db.set_onclose(Some(on_close.as_ref().unchecked_ref()));

        let has_data = device::has_data_marker(name);
        Ok(Self {
            inner: Rc::new(Inner {
                name: name.to_owned(),
                db,
                closed,
                instance: Uuid::new_v4(),
                channel: BroadcastChannel::new(&channel_name(name)).ok(),
                has_data_marked: Cell::new(has_data),
                _on_versionchange: on_versionchange,
                _on_close: on_close,
            }),
        })
    }

    /// Deletes a whole database (tests; "erase everything on this device"). Fails with
    /// `Blocked` while a connection to it is open elsewhere and does not close.
    pub async fn delete_database(name: &str) -> Result<(), StoreError> {
        let factory = factory()?;
        let name = name.to_owned();
        spawn_op(async move {
            let req = factory
                .delete_database(&name)
                .map_err(|e| unavailable(&e))?;
            let done = Signal::new();
            let _handlers = [
                on(&req, "success", &done, |_| Ok(())),
                on(&req, "error", &done, |r| Err(request_error(r))),
                on(&req, "blocked", &done, |_| Err(StoreError::Blocked)),
            ];
            done.wait().await
        })
        .await
    }

    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// Calls `callback` with every change that another tab (or another connection in this
    /// tab) commits to this database. The subscription ends when the guard is dropped.
    pub fn on_remote_change(
        &self,
        callback: impl FnMut(RemoteChange) + 'static,
    ) -> Result<ChangeSubscription, StoreError> {
        subscribe(&self.inner.name, Some(self.inner.instance), callback)
    }

    fn db(&self) -> Result<IdbDatabase, StoreError> {
        if self.inner.closed.get() {
            return Err(StoreError::Closed);
        }
        Ok(self.inner.db.clone())
    }

    fn announce(&self, changes: &[RemoteChange]) {
        let Some(channel) = &self.inner.channel else {
            return;
        };
        for change in changes {
            let wire = Wire {
                from: self.inner.instance,
                change: change.clone(),
            };
            if let Ok(text) = serde_json::to_string(&wire) {
                // A lost notice only means another tab reloads later; never fail a commit.
                let _ = channel.post_message(&JsValue::from_str(&text));
            }
        }
    }

    fn mark_has_data(&self) {
        if !self.inner.has_data_marked.get() {
            device::set_has_data_marker(&self.inner.name);
            self.inner.has_data_marked.set(true);
        }
    }

    async fn read(&self, source: ReadFrom) -> Result<Vec<Document>, StoreError> {
        let db = self.db()?;
        let closed = self.inner.closed.clone();
        spawn_op(async move {
            let tx = transaction(&db, IdbTransactionMode::Readonly, &closed)?;
            let store = object_store(&tx)?;
            let req = match source {
                ReadFrom::Plan(plan_id) => {
                    let range = plan_range(plan_id)?;
                    store.get_all_with_key(&range)
                }
                ReadFrom::Headers => store.index(current::BY_KIND_PLAN).and_then(|index| {
                    let range = headers_range()?;
                    index.get_all_with_key(&range)
                }),
            }
            .map_err(|e| failed(&e))?;
            let done = Signal::new();
            let _handlers = [
                on(&req, "success", &done, |r| {
                    r.result()
                        .map_err(|e| failed(&e))
                        .and_then(|v| decode_all(&v))
                }),
                on(&req, "error", &done, |r| Err(request_error(r))),
            ];
            done.wait().await
        })
        .await
    }
}

enum ReadFrom {
    Plan(Uuid),
    Headers,
}

impl Store for IndexedDbStore {
    async fn list_plan_headers(&self) -> Result<Vec<Document>, StoreError> {
        self.read(ReadFrom::Headers).await
    }

    async fn load_plan(&self, plan_id: Uuid) -> Result<Vec<Document>, StoreError> {
        self.read(ReadFrom::Plan(plan_id)).await
    }

    async fn commit(&self, changes: ChangeSet) -> Result<Vec<(Uuid, u64)>, StoreError> {
        check_unique_ids(&changes.puts)?;
        if changes.puts.is_empty() {
            return Ok(Vec::new());
        }
        let db = self.db()?;
        let closed = self.inner.closed.clone();
        // Everything that can be prepared is prepared before the transaction starts.
        let base_revs: Vec<u64> = changes.puts.iter().map(|d| d.rev).collect();
        let keys: Rc<[(Uuid, Uuid)]> = changes.puts.iter().map(|d| (d.plan_id, d.id)).collect();
        let mut docs = changes.puts;
        for doc in &mut docs {
            doc.rev += 1;
        }
        let values = encode_all(&docs)?;
        let revs: Vec<(Uuid, u64)> = docs.iter().map(|d| (d.id, d.rev)).collect();

        let keys_in_tx = keys.clone();
        spawn_op(async move {
            let keys = keys_in_tx;
            let tx = transaction(&db, IdbTransactionMode::Readwrite, &closed)?;
            let store = object_store(&tx)?;
            let failure: Rc<RefCell<Option<StoreError>>> = Rc::default();
            // Requests run, and their success events fire, in the order they were placed,
            // so the n-th success belongs to the n-th get. Each put is placed from inside
            // its get's handler, which keeps the transaction alive until the last put.
            let next = Cell::new(0usize);
            let on_get = {
                let (tx, store, failure) = (tx.clone(), store.clone(), failure.clone());
                let keys = keys.clone();
                Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                    let i = next.get();
                    next.set(i + 1);
                    let stored_rev = event_request(&event)
                        .ok_or_else(|| StoreError::Failed("lost track of a read".into()))
                        .and_then(|r| r.result().map_err(|e| failed(&e)))
                        .and_then(|stored| stored_rev(&stored));
                    let outcome = match (stored_rev, base_revs.get(i), keys.get(i)) {
                        (Ok(stored_rev), Some(&base_rev), Some(&(_, id)))
                            if stored_rev != base_rev =>
                        {
                            Err(StoreError::Conflict {
                                id,
                                stored_rev,
                                base_rev,
                            })
                        }
                        (Ok(_), Some(_), Some(_)) => store
                            .put(&values.get(i as u32))
                            .map(drop)
                            .map_err(|e| failed(&e)),
                        (Ok(_), _, _) => Err(StoreError::Failed("lost track of a read".into())),
                        (Err(e), _, _) => Err(e),
                    };
                    if let Err(e) = outcome {
                        failure.borrow_mut().get_or_insert(e);
                        let _ = tx.abort();
                    }
                })
            };
            for &(plan_id, id) in keys.iter() {
                match store.get(&doc_key(plan_id, id)) {
                    Ok(req) => req.set_onsuccess(Some(on_get.as_ref().unchecked_ref())),
                    Err(e) => {
                        let _ = tx.abort();
                        return Err(failed(&e));
                    }
                }
            }
            let result = finished(&tx).await;
            drop(on_get);
            let failure = failure.borrow_mut().take();
            match (result, failure) {
                (Ok(()), _) => Ok(()),
                (Err(_), Some(ours)) => Err(ours),
                (Err(theirs), None) => Err(theirs),
            }
        })
        .await?;

        self.mark_has_data();
        self.announce(&changes_by_plan(&keys));
        Ok(revs)
    }

    async fn delete_plan(&self, plan_id: Uuid) -> Result<(), StoreError> {
        let db = self.db()?;
        let closed = self.inner.closed.clone();
        spawn_op(async move {
            let tx = transaction(&db, IdbTransactionMode::Readwrite, &closed)?;
            let store = object_store(&tx)?;
            let range = plan_range(plan_id)?;
            if let Err(e) = store.delete(&range) {
                let _ = tx.abort();
                return Err(failed(&e));
            }
            finished(&tx).await
        })
        .await?;
        self.announce(&[whole_plan(plan_id)]);
        Ok(())
    }

    async fn replace_plan(
        &self,
        plan_id: Uuid,
        docs: Vec<Document>,
    ) -> Result<Vec<(Uuid, u64)>, StoreError> {
        check_replace(plan_id, &docs)?;
        let db = self.db()?;
        let closed = self.inner.closed.clone();
        let mut docs = docs;
        for doc in &mut docs {
            doc.rev = 1; // adjusted inside the transaction for records that exist
        }
        let values = encode_all(&docs)?;
        let ids: Vec<Uuid> = docs.iter().map(|d| d.id).collect();

        let revs = spawn_op(async move {
            let tx = transaction(&db, IdbTransactionMode::Readwrite, &closed)?;
            let store = object_store(&tx)?;
            let range = plan_range(plan_id)?;
            let req = match store.get_all_with_key(&range) {
                Ok(req) => req,
                Err(e) => {
                    let _ = tx.abort();
                    return Err(failed(&e));
                }
            };
            let failure: Rc<RefCell<Option<StoreError>>> = Rc::default();
            let revs: Rc<RefCell<Vec<(Uuid, u64)>>> = Rc::default();
            let on_old = {
                let (tx, failure, revs) = (tx.clone(), failure.clone(), revs.clone());
                Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                    let outcome = event_request(&event)
                        .ok_or_else(|| StoreError::Failed("lost track of a read".into()))
                        .and_then(|r| r.result().map_err(|e| failed(&e)))
                        .and_then(|old| replace_in_tx(&store, &range, &old, &ids, &values));
                    match outcome {
                        Ok(new_revs) => *revs.borrow_mut() = new_revs,
                        Err(e) => {
                            failure.borrow_mut().get_or_insert(e);
                            let _ = tx.abort();
                        }
                    }
                })
            };
            req.set_onsuccess(Some(on_old.as_ref().unchecked_ref()));
            let result = finished(&tx).await;
            drop(on_old);
            let failure = failure.borrow_mut().take();
            match (result, failure) {
                (Ok(()), _) => Ok(revs.take()),
                (Err(_), Some(ours)) => Err(ours),
                (Err(theirs), None) => Err(theirs),
            }
        })
        .await?;
        self.mark_has_data();
        self.announce(&[whole_plan(plan_id)]);
        Ok(revs)
    }

    fn saved_here_before(&self) -> bool {
        device::has_data_marker(&self.inner.name)
    }

    fn forget_saved_here(&self) {
        device::clear_has_data_marker(&self.inner.name);
        // So the next save marks the device again, in this page too.
        self.inner.has_data_marked.set(false);
    }
}

/// Inside `replace_plan`'s transaction, given the plan's current records: delete them all,
/// then put the new ones with revisions that continue from the old ones.
fn replace_in_tx(
    store: &IdbObjectStore,
    range: &IdbKeyRange,
    old: &JsValue,
    ids: &[Uuid],
    values: &Array,
) -> Result<Vec<(Uuid, u64)>, StoreError> {
    let old: &Array = old
        .dyn_ref()
        .ok_or_else(|| StoreError::Corrupt("the plan's records are not a list".into()))?;
    let mut old_revs: HashMap<String, u64> = HashMap::with_capacity(old.length() as usize);
    for record in old.iter() {
        let id = Reflect::get(&record, &JsValue::from_str("id"))
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| StoreError::Corrupt("a record has no id".into()))?;
        old_revs.insert(id, stored_rev(&record)?);
    }
    store.delete(range).map_err(|e| failed(&e))?;
    let rev_key = JsValue::from_str("rev");
    let mut revs = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let rev = old_revs.get(&id.to_string()).copied().unwrap_or(0) + 1;
        let value = values.get(i as u32);
        if rev != 1 {
            Reflect::set(&value, &rev_key, &JsValue::from_f64(rev as f64))
                .map_err(|e| failed(&e))?;
        }
        store.put(&value).map_err(|e| failed(&e))?;
        revs.push((*id, rev));
    }
    Ok(revs)
}

fn whole_plan(plan_id: Uuid) -> RemoteChange {
    RemoteChange {
        plan_id,
        ids: Vec::new(),
        whole_plan: true,
    }
}

// ---------------------------------------------------------------------------------------
// Cross-tab change notices

/// What goes over the channel: the change plus who sent it.
#[derive(Serialize, Deserialize)]
struct Wire {
    from: Uuid,
    #[serde(flatten)]
    change: RemoteChange,
}

/// `"waymark-changes"` for the app's database.
fn channel_name(db_name: &str) -> String {
    format!("{db_name}-changes")
}

/// Listens for change notices; dropping it closes the channel.
pub struct ChangeSubscription {
    channel: BroadcastChannel,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl Drop for ChangeSubscription {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Subscribes to every change committed to database `db_name` from any tab, without
/// opening it (a store's own `on_remote_change` also skips that store's own commits).
pub fn on_remote_change(
    db_name: &str,
    callback: impl FnMut(RemoteChange) + 'static,
) -> Result<ChangeSubscription, StoreError> {
    subscribe(db_name, None, callback)
}

fn subscribe(
    db_name: &str,
    skip_from: Option<Uuid>,
    mut callback: impl FnMut(RemoteChange) + 'static,
) -> Result<ChangeSubscription, StoreError> {
    let channel = BroadcastChannel::new(&channel_name(db_name)).map_err(|e| unavailable(&e))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // Malformed notices (another app on the origin, an older Waymark) are ignored.
        let Some(wire) = event
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<Wire>(&text).ok())
        else {
            return;
        };
        if Some(wire.from) != skip_from {
            callback(wire.change);
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Ok(ChangeSubscription {
        channel,
        _on_message: on_message,
    })
}

// ---------------------------------------------------------------------------------------
// Opening

enum OpenError {
    /// The database is newer than this build (`VersionError`).
    Version,
    Store(StoreError),
}

fn factory() -> Result<IdbFactory, StoreError> {
    let window =
        web_sys::window().ok_or_else(|| StoreError::Unavailable("no browser window".into()))?;
    window
        .indexed_db()
        .map_err(|e| unavailable(&e))?
        .ok_or_else(|| StoreError::Unavailable("IndexedDB is not offered".into()))
}

/// Opens at the current version, running the schema upgrade if needed. Resolves early with
/// `Blocked`; should the open then succeed after all, the late connection is closed again.
async fn open_db(factory: IdbFactory, name: String) -> Result<IdbDatabase, OpenError> {
    let req = factory
        .open_with_u32(&name, current::VERSION.number())
        .map_err(|e| OpenError::Store(unavailable(&e)))?;
    let outcome: Signal<Result<IdbDatabase, OpenError>> = Signal::new();
    let settled: Signal<()> = Signal::new();
    let upgrade_error: Rc<RefCell<Option<StoreError>>> = Rc::default();

    let on_upgrade = {
        let upgrade_error = upgrade_error.clone();
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |event: IdbVersionChangeEvent| {
            let old = event.old_version() as u32;
            let Some(req) = event
                .target()
                .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            else {
                return;
            };
            let (Ok(db), Some(tx)) = (req.result(), req.transaction()) else {
                return;
            };
            let db: IdbDatabase = db.unchecked_into();
            if let Err(e) = schema::upgrade(&db, &tx, old) {
                *upgrade_error.borrow_mut() = Some(e);
                let _ = tx.abort();
            }
        })
    };
    let on_success = {
        let (outcome, settled) = (outcome.clone(), settled.clone());
        Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            if let Some(db) = event_request(&event)
                .and_then(|r| r.result().ok())
                .and_then(|v| v.dyn_into::<IdbDatabase>().ok())
            {
                if let Err(Ok(late)) = outcome.resolve(Ok(db)) {
                    late.close(); // we already reported Blocked
                }
            }
            let _ = settled.resolve(());
        })
    };
    let on_error = {
        let (outcome, settled) = (outcome.clone(), settled.clone());
        Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let error = event_request(&event).and_then(|r| r.error().ok().flatten());
            let mapped = match (&error, upgrade_error.borrow_mut().take()) {
                (_, Some(ours)) => OpenError::Store(ours),
                (Some(e), None) if e.name() == "VersionError" => OpenError::Version,
                (Some(e), None) => OpenError::Store(unavailable(e)),
                (None, None) => OpenError::Store(StoreError::Unavailable(
                    "the database could not be opened".into(),
                )),
            };
            let _ = outcome.resolve(Err(mapped));
            let _ = settled.resolve(());
        })
    };
    let on_blocked = {
        let outcome = outcome.clone();
        Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            let _ = outcome.resolve(Err(OpenError::Store(StoreError::Blocked)));
        })
    };
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    req.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
    req.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    req.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));

    let result = outcome.wait().await;
    // Keep the handlers alive until the request is settled: after `blocked` it may still
    // upgrade and succeed, and that late connection must be closed, not leaked.
    let keep = (on_upgrade, on_success, on_error, on_blocked, req);
    wasm_bindgen_futures::spawn_local(async move {
        settled.wait().await;
        drop(keep);
    });
    result
}

/// The version of an existing database (for the "schema too new" message).
async fn probe_version(factory: IdbFactory, name: String) -> Option<u32> {
    spawn_op(async move {
        let req = factory.open(&name).ok()?;
        let done: Signal<Option<u32>> = Signal::new();
        let _handlers = [
            on(&req, "success", &done, |r| {
                let db: IdbDatabase = r.result().ok()?.dyn_into().ok()?;
                let version = db.version() as u32;
                db.close();
                Some(version)
            }),
            on(&req, "error", &done, |_| None),
        ];
        done.wait().await
    })
    .await
}

// ---------------------------------------------------------------------------------------
// Transactions and requests

fn transaction(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
    closed: &Cell<bool>,
) -> Result<IdbTransaction, StoreError> {
    let names = JsValue::from_str(current::DOCUMENTS);
    let result = match mode {
        IdbTransactionMode::Readwrite => {
            // "strict": `complete` fires only once the data is flushed to disk.
            let options = js_sys::Object::new();
            let _ = Reflect::set(
                &options,
                &JsValue::from_str("durability"),
                &JsValue::from_str("strict"),
            );
            db.unchecked_ref::<DatabaseWithOptions>()
                .transaction_with_options(&names, "readwrite", &options)
        }
        _ => db.transaction_with_str_and_mode(current::DOCUMENTS, mode),
    };
    result.map_err(|e| {
        let closing = e
            .dyn_ref::<DomException>()
            .is_some_and(|d| d.name() == "InvalidStateError");
        if closing {
            closed.set(true);
            StoreError::Closed
        } else {
            failed(&e)
        }
    })
}

fn object_store(tx: &IdbTransaction) -> Result<IdbObjectStore, StoreError> {
    tx.object_store(current::DOCUMENTS).map_err(|e| failed(&e))
}

/// Resolves when the transaction has committed (`complete`), or with why it aborted.
async fn finished(tx: &IdbTransaction) -> Result<(), StoreError> {
    let done = Signal::new();
    let _handlers = [
        on(tx, "complete", &done, |_| Ok(())),
        on(tx, "abort", &done, |tx: &IdbTransaction| {
            Err(match tx.error() {
                Some(e) => dom_error(&e),
                None => StoreError::Failed("the change was cancelled".into()),
            })
        }),
    ];
    done.wait().await
}

/// Sets `on<event>` on an IndexedDB object to resolve `signal` with `f(target)`. The
/// returned guard unsets the handler when dropped.
fn on<T, R>(
    target: &T,
    event: &'static str,
    signal: &Signal<R>,
    f: impl FnOnce(&T) -> R + 'static,
) -> Handler
where
    T: JsCast + Clone + 'static,
    R: 'static,
{
    let (signal, this) = (signal.clone(), target.clone());
    let closure = Closure::once(move |_: Event| {
        let _ = signal.resolve(f(&this));
    });
    let property = JsValue::from_str(match event {
        "success" => "onsuccess",
        "error" => "onerror",
        "blocked" => "onblocked",
        "complete" => "oncomplete",
        _ => "onabort",
    });
    let _ = Reflect::set(target.as_ref(), &property, closure.as_ref());
    Handler {
        target: target.as_ref().clone(),
        property,
        _closure: closure,
    }
}

struct Handler {
    target: JsValue,
    property: JsValue,
    _closure: Closure<dyn FnMut(Event)>,
}

impl Drop for Handler {
    fn drop(&mut self) {
        let _ = Reflect::set(&self.target, &self.property, &JsValue::NULL);
    }
}

fn event_request(event: &Event) -> Option<IdbRequest> {
    event.target()?.dyn_into().ok()
}

fn request_error(req: &IdbRequest) -> StoreError {
    match req.error() {
        Ok(Some(e)) => dom_error(&e),
        _ => StoreError::Failed("the browser reported an unnamed storage error".into()),
    }
}

/// Runs `op` as its own task (see the module doc) and returns its result.
async fn spawn_op<T: 'static>(op: impl Future<Output = T> + 'static) -> T {
    let result = Signal::new();
    let sender = result.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = sender.resolve(op.await);
    });
    result.wait().await
}

// ---------------------------------------------------------------------------------------
// Keys and values

fn uuid_str(id: Uuid) -> JsValue {
    let mut buf = Uuid::encode_buffer();
    JsValue::from_str(id.hyphenated().encode_lower(&mut buf))
}

fn doc_key(plan_id: Uuid, id: Uuid) -> JsValue {
    Array::of2(&uuid_str(plan_id), &uuid_str(id)).into()
}

/// All keys `[plan_id, *]`: an array sorts after every string, so `[plan_id, []]` is above
/// every id of the plan.
fn plan_range(plan_id: Uuid) -> Result<IdbKeyRange, StoreError> {
    let lower = Array::of1(&uuid_str(plan_id));
    let upper = Array::of2(&uuid_str(plan_id), &Array::new());
    IdbKeyRange::bound(&lower, &upper).map_err(|e| failed(&e))
}

/// All index keys `["plan", *]`.
fn headers_range() -> Result<IdbKeyRange, JsValue> {
    let plan = JsValue::from_str("plan");
    IdbKeyRange::bound(&Array::of1(&plan), &Array::of2(&plan, &Array::new()))
}

/// Documents → an array of plain objects, in one `JSON.parse`.
#[doc(hidden)]
pub fn encode_all(docs: &[Document]) -> Result<Array, StoreError> {
    let text = serde_json::to_string(docs)
        .map_err(|e| StoreError::Failed(format!("a record could not be prepared: {e}")))?;
    JSON::parse(&text)
        .map_err(|e| failed(&e))?
        .dyn_into()
        .map_err(|_| StoreError::Failed("records did not convert to a list".into()))
}

/// An array of stored records → documents, in one `JSON.stringify`. A record that does
/// not decode is named in the error.
///
/// The text comes into wasm by `as_string`, whose copy loop V8 compiles well: for the
/// 8.5 MB of a 15,000-record plan it took 12–26 ms against 35–45 ms through `TextEncoder`
/// and a second copy (`tests/browser/bench.rs` in release, 2026-11-30). Another way to
/// read, joining the stored bodies into the text unescaped and parsing them as
/// `serde_json::value::RawValue`, measured no faster than `JSON.stringify`, and was not kept.
#[doc(hidden)]
pub fn decode_all(records: &JsValue) -> Result<Vec<Document>, StoreError> {
    let text = JSON::stringify(records)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| StoreError::Corrupt("the stored records are not readable".into()))?;
    match serde_json::from_str(&text) {
        Ok(docs) => Ok(docs),
        Err(bulk_error) => Err(find_bad_record(records).unwrap_or_else(|| {
            StoreError::Corrupt(format!("the stored records are not readable: {bulk_error}"))
        })),
    }
}

/// Slow path after a failed bulk decode: which record is it?
fn find_bad_record(records: &JsValue) -> Option<StoreError> {
    let records: &Array = records.dyn_ref()?;
    records.iter().find_map(|record| {
        let text = JSON::stringify(&record).ok()?.as_string()?;
        let error = serde_json::from_str::<Document>(&text).err()?;
        let field = |name: &str| {
            Reflect::get(&record, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| "?".into())
        };
        Some(StoreError::Corrupt(format!(
            "record {} of plan {}: {error}",
            field("id"),
            field("plan_id")
        )))
    })
}

/// The revision of a stored record; absent (`undefined`) counts as 0.
fn stored_rev(stored: &JsValue) -> Result<u64, StoreError> {
    if stored.is_undefined() {
        return Ok(0);
    }
    let rev = Reflect::get(stored, &JsValue::from_str("rev"))
        .ok()
        .and_then(|v| v.as_f64());
    match rev {
        Some(r) if r >= 0.0 && r.fract() == 0.0 && r <= 9_007_199_254_740_991.0 => Ok(r as u64),
        _ => Err(StoreError::Corrupt(
            "a stored record has no valid revision".into(),
        )),
    }
}

// ---------------------------------------------------------------------------------------
// A one-shot, single-threaded "resolve once, await once" cell.

struct Signal<T> {
    state: Rc<RefCell<SignalState<T>>>,
}

enum SignalState<T> {
    Pending(Option<Waker>),
    Ready(T),
    Taken,
}

impl<T> Clone for Signal<T> {
    fn clone(&self) -> Self {
        Self {
            state: self.state.clone(),
        }
    }
}

impl<T> Signal<T> {
    fn new() -> Self {
        Self {
            state: Rc::new(RefCell::new(SignalState::Pending(None))),
        }
    }

    /// The first value wins; later ones are handed back.
    fn resolve(&self, value: T) -> Result<(), T> {
        let mut state = self.state.borrow_mut();
        match &mut *state {
            SignalState::Pending(waker) => {
                let waker = waker.take();
                *state = SignalState::Ready(value);
                drop(state);
                if let Some(waker) = waker {
                    waker.wake();
                }
                Ok(())
            }
            _ => Err(value),
        }
    }

    fn wait(&self) -> impl Future<Output = T> + '_ {
        std::future::poll_fn(move |cx| {
            let mut state = self.state.borrow_mut();
            match std::mem::replace(&mut *state, SignalState::Taken) {
                SignalState::Ready(value) => Poll::Ready(value),
                SignalState::Pending(_) => {
                    *state = SignalState::Pending(Some(cx.waker().clone()));
                    Poll::Pending
                }
                SignalState::Taken => Poll::Pending,
            }
        })
    }
}
