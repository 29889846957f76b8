//! Small per-device facts kept beside the plans (never plan data): who uses this device,
//! which plan was open, the theme, backups made, progress reports imported, and words not yet
//! saved (journal drafts, the check-in in progress). Every key lives here, typed; losing one costs the person a choice,
//! never work, so a failed write is logged and reported, never fatal.
//!
//! The values sit in a [`KeyValue`] backing: localStorage in the browser, memory in tests.

use crate::core::sorting::sort_by_key;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use uuid::Uuid;

use crate::core::activity::ReportWindow;
use crate::core::backup::BackupRecord;
use crate::core::journal_draft::{DraftSlot, UnsavedReflection};
use crate::core::practice::PlanFacts;
use crate::core::schedule::AlarmLead;
use crate::core::Author;

/// Where preferences are kept: string keys to JSON text.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    /// Every key that starts with `prefix`.
    fn keys(&self, prefix: &str) -> Vec<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str);
}

/// For native tests and previews; clones share the values, like two tabs share localStorage.
#[derive(Clone, Debug, Default)]
pub struct MemoryKeyValue(Rc<RefCell<BTreeMap<String, String>>>);

impl KeyValue for MemoryKeyValue {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }
    fn keys(&self, prefix: &str) -> Vec<String> {
        self.0
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }
}

/// The browser's localStorage (wasm32 only).
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalKeyValue;

#[cfg(target_arch = "wasm32")]
impl KeyValue for LocalKeyValue {
    fn get(&self, key: &str) -> Option<String> {
        with_local_storage(|storage| storage.get_item(key).ok().flatten())
    }
    fn keys(&self, prefix: &str) -> Vec<String> {
        with_local_storage(|storage| {
            let len = storage.length().unwrap_or(0);
            (0..len)
                .filter_map(|i| storage.key(i).ok().flatten())
                .filter(|k| k.starts_with(prefix))
                .collect()
        })
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        with_local_storage(|storage| {
            storage
                .set_item(key, value)
                .map_err(|e| crate::store::error::describe_js_error(&e))
        })
    }
    fn remove(&self, key: &str) {
        with_local_storage(|storage| {
            let _ = storage.remove_item(key);
        });
    }
}

#[cfg(target_arch = "wasm32")]
fn with_local_storage<R>(f: impl FnOnce(&web_sys::Storage) -> R) -> R {
    thread_local! {
        // Looked up once: each lookup is two calls into the browser, and one save of a
        // reflection reads and writes preferences several times.
        static STORAGE: web_sys::Storage = {
            use gloo_storage::Storage;
            gloo_storage::LocalStorage::raw()
        };
    }
    STORAGE.with(f)
}

const ROLE_KEY: &str = "waymark.role";
const OPEN_PLAN_KEY: &str = "waymark.open-plan";
const THEME_KEY: &str = "waymark.theme";
const REPORTS_KEY: &str = "waymark.reports";
const BACKUPS_KEY: &str = "waymark.backups";
/// One key per plan and reflection: `waymark.journal-draft.<plan>.<reflection id | new>`.
const JOURNAL_DRAFT_PREFIX: &str = "waymark.journal-draft";
/// Plans whose report windows are kept: enough for a coach's whole caseload.
const MAX_REPORT_PLANS: usize = 200;
/// Backups remembered: enough for a coach's whole caseload; the oldest go first.
const MAX_BACKUPS: usize = 100;
/// One key per client plan: `waymark.plan-facts.v1.<plan>` (the Clients screen's facts; `v1`
/// changes when their meaning does, so older ones are taken again rather than misread).
const PLAN_FACTS_PREFIX: &str = "waymark.plan-facts.v1";
const ALARM_LEAD_KEY: &str = "waymark.alarm-lead";
/// Read by public/sw.js too (it cannot read localStorage, so the app mirrors it into IndexedDB;
/// see `ui::reminders`).
const CHECKIN_NOTIFICATIONS_KEY: &str = "waymark.checkin-notifications";
/// The check-in in progress (its values as typed, for one plan).
const CHECKIN_DRAFT_KEY: &str = "waymark.checkin-draft";
/// A guided method flow in progress (WOOP for one goal): `waymark.method-draft.<flow>.<plan>.<record>`.
const METHOD_DRAFT_PREFIX: &str = "waymark.method-draft";

/// Light, dark, or following the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// Typed access to every preference key.
#[derive(Clone)]
pub struct Preferences {
    kv: Rc<dyn KeyValue>,
}

impl std::fmt::Debug for Preferences {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Preferences")
    }
}

impl Preferences {
    pub fn new(kv: impl KeyValue + 'static) -> Self {
        Self { kv: Rc::new(kv) }
    }

    /// Kept in memory only (native tests).
    pub fn in_memory() -> Self {
        Self::new(MemoryKeyValue::default())
    }

    /// The browser's localStorage.
    #[cfg(target_arch = "wasm32")]
    pub fn local() -> Self {
        Self::new(LocalKeyValue)
    }

    fn read<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        // A missing or unreadable value means the default.
        serde_json::from_str(&self.kv.get(key)?).ok()
    }

    fn write<T: Serialize>(&self, key: &str, value: &T) -> Result<(), String> {
        let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
        let result = self.kv.set(key, &text);
        if let Err(e) = &result {
            log_lost(key, e);
        }
        result
    }

    /// Whether the person on this device is the client or their coach; stamped on every
    /// change so a merge knows whose edit it was.
    pub fn role(&self) -> Author {
        match self.read::<String>(ROLE_KEY).as_deref() {
            Some("coach") => Author::Coach,
            _ => Author::Client,
        }
    }

    pub fn set_role(&self, role: Author) {
        let value = match role {
            Author::Coach => "coach",
            Author::Client => "client",
        };
        let _ = self.write(ROLE_KEY, &value);
    }

    /// The plan that was open last, to open again.
    pub fn open_plan(&self) -> Option<Uuid> {
        self.read::<String>(OPEN_PLAN_KEY)
            .and_then(|s| Uuid::parse_str(&s).ok())
    }

    pub fn set_open_plan(&self, id: Uuid) {
        let _ = self.write(OPEN_PLAN_KEY, &id.to_string());
    }

    pub fn theme(&self) -> Theme {
        self.read::<String>(THEME_KEY)
            .map_or(Theme::System, |s| Theme::parse(&s))
    }

    pub fn set_theme(&self, theme: Theme) {
        let _ = self.write(THEME_KEY, &theme.as_str());
    }

    /// How long before a check-in the calendar file's reminder rings.
    pub fn alarm_lead(&self) -> AlarmLead {
        self.read(ALARM_LEAD_KEY).unwrap_or_default()
    }

    pub fn set_alarm_lead(&self, lead: AlarmLead) {
        let _ = self.write(ALARM_LEAD_KEY, &lead);
    }

    /// Whether the person switched on check-in notifications on this device (the browser's
    /// permission is asked separately, and only when they switch it on).
    pub fn checkin_notifications(&self) -> bool {
        self.read(CHECKIN_NOTIFICATIONS_KEY).unwrap_or(false)
    }

    pub fn set_checkin_notifications(&self, on: bool) {
        let _ = self.write(CHECKIN_NOTIFICATIONS_KEY, &on);
    }

    /// Notes a progress report exported at `exported_at` as imported into `plan_id`, so the
    /// coach's "since the last report" view knows where the previous exchange ended (losing it
    /// only widens that view). Importing the same or an older report again changes nothing.
    pub fn record_report(&self, plan_id: Uuid, exported_at: DateTime<Utc>) {
        let mut list: Vec<ReportWindow> = self.read(REPORTS_KEY).unwrap_or_default();
        let current = list.iter().position(|w| w.plan_id == plan_id);
        let Some(window) =
            ReportWindow::after_import(current.map(|i| &list[i]), plan_id, exported_at)
        else {
            return;
        };
        if let Some(i) = current {
            list.remove(i);
        }
        list.insert(0, window);
        list.truncate(MAX_REPORT_PLANS);
        let _ = self.write(REPORTS_KEY, &list);
    }

    /// The latest report window of a plan, if a client's report was ever imported into it here.
    pub fn report_window(&self, plan_id: Uuid) -> Option<ReportWindow> {
        self.report_windows()
            .into_iter()
            .find(|w| w.plan_id == plan_id)
    }

    /// Every plan's latest report window (the Clients screen's "new report" markers).
    pub fn report_windows(&self) -> Vec<ReportWindow> {
        self.read(REPORTS_KEY).unwrap_or_default()
    }

    /// The coach has looked at what the latest report brought ("Since the last report").
    pub fn mark_report_seen(&self, plan_id: Uuid) {
        let mut list = self.report_windows();
        if let Some(w) = list.iter_mut().find(|w| w.plan_id == plan_id && !w.seen) {
            w.seen = true;
            let _ = self.write(REPORTS_KEY, &list);
        }
    }

    /// Every remembered backup, newest first (a missing or unreadable list: none known). It
    /// lives apart from the plans on purpose: when the browser clears the database, this
    /// often survives and can tell the person which file brings their work back.
    pub fn backups(&self) -> Vec<BackupRecord> {
        self.read(BACKUPS_KEY).unwrap_or_default()
    }

    /// Remembers a finished backup, replacing the plan's previous one.
    pub fn record_backup(&self, record: BackupRecord) {
        let mut list = self.backups();
        list.retain(|r| r.plan_id != record.plan_id);
        list.push(record);
        sort_by_key(&mut list, |r| std::cmp::Reverse(r.at));
        list.truncate(MAX_BACKUPS);
        let _ = self.write(BACKUPS_KEY, &list);
    }

    /// The last backup of one plan.
    pub fn last_backup(&self, plan_id: Uuid) -> Option<BackupRecord> {
        self.backups().into_iter().find(|r| r.plan_id == plan_id)
    }

    fn journal_draft_key(plan_id: Uuid, slot: DraftSlot) -> String {
        match slot {
            DraftSlot::New => format!("{JOURNAL_DRAFT_PREFIX}.{plan_id}.new"),
            DraftSlot::Saved(id) => format!("{JOURNAL_DRAFT_PREFIX}.{plan_id}.{id}"),
        }
    }

    /// Reflection words kept until their save is durable.
    pub fn journal_draft(&self, plan_id: Uuid, slot: DraftSlot) -> Option<UnsavedReflection> {
        self.read(&Self::journal_draft_key(plan_id, slot))
    }

    pub fn keep_journal_draft(
        &self,
        plan_id: Uuid,
        slot: DraftSlot,
        draft: &UnsavedReflection,
    ) -> Result<(), String> {
        self.write(&Self::journal_draft_key(plan_id, slot), draft)
    }

    pub fn forget_journal_draft(&self, plan_id: Uuid, slot: DraftSlot) {
        self.kv.remove(&Self::journal_draft_key(plan_id, slot));
    }

    /// Every reflection draft kept for a plan, with its slot.
    pub fn journal_drafts(&self, plan_id: Uuid) -> Vec<(DraftSlot, UnsavedReflection)> {
        let prefix = format!("{JOURNAL_DRAFT_PREFIX}.{plan_id}.");
        self.kv
            .keys(&prefix)
            .into_iter()
            .filter_map(|k| {
                let rest = &k[prefix.len()..];
                let slot = if rest == "new" {
                    DraftSlot::New
                } else {
                    DraftSlot::Saved(Uuid::parse_str(rest).ok()?)
                };
                Some((slot, self.journal_draft(plan_id, slot)?))
            })
            .collect()
    }

    /// The check-in being filled in, if one was kept.
    pub fn checkin_draft<T: DeserializeOwned>(&self) -> Option<T> {
        self.read(CHECKIN_DRAFT_KEY)
    }

    pub fn keep_checkin_draft<T: Serialize>(&self, draft: &T) -> Result<(), String> {
        self.write(CHECKIN_DRAFT_KEY, draft)
    }

    pub fn forget_checkin_draft(&self) {
        self.kv.remove(CHECKIN_DRAFT_KEY);
    }

    /// What the Clients screen shows of a plan, as taken when it was last saved or opened here.
    pub fn plan_facts(&self, plan_id: Uuid) -> Option<PlanFacts> {
        self.read(&format!("{PLAN_FACTS_PREFIX}.{plan_id}"))
    }

    pub fn set_plan_facts(&self, plan_id: Uuid, facts: &PlanFacts) {
        let _ = self.write(&format!("{PLAN_FACTS_PREFIX}.{plan_id}"), facts);
    }

    pub fn forget_plan_facts(&self, plan_id: Uuid) {
        self.kv.remove(&format!("{PLAN_FACTS_PREFIX}.{plan_id}"));
    }

    fn method_draft_key(flow: &str, plan_id: Uuid, about: Uuid) -> String {
        format!("{METHOD_DRAFT_PREFIX}.{flow}.{plan_id}.{about}")
    }

    /// A guided method flow being filled in (`flow` names it, e.g. "woop"; `about` is the
    /// record it is for, e.g. the goal), if one was kept.
    pub fn method_draft<T: DeserializeOwned>(
        &self,
        flow: &str,
        plan_id: Uuid,
        about: Uuid,
    ) -> Option<T> {
        self.read(&Self::method_draft_key(flow, plan_id, about))
    }

    pub fn keep_method_draft<T: Serialize>(
        &self,
        flow: &str,
        plan_id: Uuid,
        about: Uuid,
        draft: &T,
    ) -> Result<(), String> {
        self.write(&Self::method_draft_key(flow, plan_id, about), draft)
    }

    pub fn forget_method_draft(&self, flow: &str, plan_id: Uuid, about: Uuid) {
        self.kv
            .remove(&Self::method_draft_key(flow, plan_id, about));
    }
}

#[cfg(target_arch = "wasm32")]
fn log_lost(key: &str, e: &str) {
    web_sys::console::warn_1(&format!("could not remember {key}: {e}").into());
}

#[cfg(not(target_arch = "wasm32"))]
fn log_lost(_key: &str, _e: &str) {}
