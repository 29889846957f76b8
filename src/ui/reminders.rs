//! Reminders that reach a closed app: the app badge with the number of things due, and
//! check-in notifications that the service worker (public/sw.js) shows from what is stored,
//! where the browser has Periodic Background Sync. The service worker cannot run the core, so
//! the app hands it the next check-in times, worked out by `core::reminders`, in a small cache
//! entry ([`REMINDERS_CACHE`]); the service worker reads the check-ins themselves from
//! IndexedDB (read-only), so one recorded since is never reminded of.

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::core::reminders::{checkin_reminders, things_due, CheckInReminder};
use crate::store::preferences::Preferences;
use crate::ui::format;
use crate::ui::idle::when_idle;
use crate::ui::state::use_workspace;
use crate::ui::zone::BrowserZones;

/// Not `waymark-…`: the service worker deletes those old build caches when it updates.
const REMINDERS_CACHE: &str = "waymark.reminders";
/// The entry public/sw.js reads; its shape is [`Handed`].
const REMINDERS_URL: &str = "/__reminders.json";
/// The tag the service worker listens for.
const SYNC_TAG: &str = "waymark-checkin";
/// At most this often; browsers space it out further by how the app is used.
const SYNC_EVERY_MS: f64 = 6.0 * 60.0 * 60.0 * 1000.0;

#[derive(serde::Serialize)]
struct Handed<'a> {
    /// Always true when written; the service worker checks it all the same.
    enabled: bool,
    checkins: &'a [CheckInReminder],
}

/// Keeps the badge and the service worker's reminders in step with the open plan. Counting
/// what is due takes a few milliseconds on a phone, so it waits until the browser is idle, once
/// for any number of changes in between: a save says "Saved" without waiting for it.
pub fn watch() {
    let ws = use_workspace();
    let waiting = StoredValue::new(false);
    Effect::new(move |_| {
        ws.plan.track();
        if waiting.get_value() {
            return;
        }
        waiting.set_value(true);
        when_idle(move || {
            waiting.set_value(false);
            let (count, upcoming) = ws.plan.with_untracked(|p| match p {
                Some(p) => {
                    let now = format::now();
                    (
                        things_due(p, now, &BrowserZones, format::today()),
                        checkin_reminders(p, now, &BrowserZones),
                    )
                }
                None => (0, Vec::new()),
            });
            set_badge(count);
            let prefs = ws.preferences();
            spawn_local(async move {
                if let Err(e) = hand_over(&prefs, &upcoming).await {
                    leptos::logging::warn!(
                        "check-in reminders could not be handed to the service worker: {e:?}"
                    );
                }
            });
        });
    });
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// The Badging API where it exists (installed apps in Chromium and Safari); cleared at zero.
fn set_badge(count: usize) {
    let navigator: JsValue = window().navigator().into();
    let call = if count == 0 {
        method(&navigator, "clearAppBadge").map(|f| f.call0(&navigator))
    } else {
        method(&navigator, "setAppBadge").map(|f| f.call1(&navigator, &(count as f64).into()))
    };
    if let Some(Ok(promise)) = call {
        // A refused badge (not installed) costs nothing: the count is on the Today screen.
        if let Ok(p) = promise.dyn_into::<Promise>() {
            spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
        }
    }
}

/// Writes the check-in times for the service worker while notifications are on, and removes
/// them when they are off (so a browser where nobody switched them on keeps no such cache).
async fn hand_over(prefs: &Preferences, upcoming: &[CheckInReminder]) -> Result<(), JsValue> {
    let enabled = prefs.checkin_notifications();
    let caches = window().caches()?;
    if !enabled {
        JsFuture::from(caches.delete(REMINDERS_CACHE)).await?;
        return Ok(());
    }
    let handed = Handed {
        enabled,
        checkins: upcoming,
    };
    let json = serde_json::to_string(&handed).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(REMINDERS_CACHE))
        .await?
        .dyn_into()?;
    let init = web_sys::ResponseInit::new();
    let headers = web_sys::Headers::new()?;
    headers.set("Content-Type", "application/json")?;
    init.set_headers(&headers);
    let response = web_sys::Response::new_with_opt_str_and_init(Some(&json), &init)?;
    JsFuture::from(cache.put_with_str(REMINDERS_URL, &response)).await?;
    Ok(())
}

/// What this browser offers for check-in notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// Notifications and Periodic Background Sync (Chromium on Android and desktop).
    Notifications,
    /// Neither, or not both (iOS Safari, Firefox): the calendar file is the way.
    CalendarOnly,
}

pub fn support() -> Support {
    let global = js_sys::global();
    let has = |target: &JsValue, name: &str| Reflect::has(target, &name.into()).unwrap_or(false);
    let registration = Reflect::get(&global, &"ServiceWorkerRegistration".into())
        .and_then(|c| Reflect::get(&c, &"prototype".into()))
        .unwrap_or(JsValue::UNDEFINED);
    if has(&global, "Notification")
        && registration.is_object()
        && has(&registration, "periodicSync")
    {
        Support::Notifications
    } else {
        Support::CalendarOnly
    }
}

/// Why notifications could not be switched on, worded for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotOn {
    Refused,
    /// The browser has them but would not schedule background checks (often: the app is not
    /// installed to the home screen).
    NoBackgroundChecks,
}

impl NotOn {
    pub fn message(&self) -> &'static str {
        match self {
            NotOn::Refused => "Notifications are blocked for Waymark, so none will be shown. You can allow them in your browser's site settings, or use the calendar file instead.",
            NotOn::NoBackgroundChecks => "This browser would not check in the background. Install Waymark to your home screen and try again, or use the calendar file instead.",
        }
    }
}

/// The browser's answer so far: "granted", "denied" or "default".
pub fn permission() -> String {
    Reflect::get(&js_sys::global(), &"Notification".into())
        .and_then(|n| Reflect::get(&n, &"permission".into()))
        .ok()
        .and_then(|p| p.as_string())
        .unwrap_or_else(|| "denied".to_owned())
}

async fn periodic_sync() -> Result<JsValue, JsValue> {
    let ready = window().navigator().service_worker().ready()?;
    let registration = JsFuture::from(ready).await?;
    Reflect::get(&registration, &"periodicSync".into())
}

/// Asks for the permission (only now, after the person chose to switch on) and schedules the
/// background check. Nothing is kept as on unless both worked.
pub async fn switch_on(prefs: Preferences, upcoming: Vec<CheckInReminder>) -> Result<(), NotOn> {
    let notification =
        Reflect::get(&js_sys::global(), &"Notification".into()).map_err(|_| NotOn::Refused)?;
    let asked = method(&notification, "requestPermission")
        .and_then(|f| f.call0(&notification).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .ok_or(NotOn::Refused)?;
    let answer = JsFuture::from(asked).await.ok().and_then(|a| a.as_string());
    if answer.as_deref() != Some("granted") {
        stay_off(&prefs, &upcoming).await;
        return Err(NotOn::Refused);
    }
    let sync = periodic_sync()
        .await
        .map_err(|_| NotOn::NoBackgroundChecks)?;
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"minInterval".into(), &SYNC_EVERY_MS.into());
    let registered = method(&sync, "register")
        .and_then(|f| f.call2(&sync, &SYNC_TAG.into(), &options).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .ok_or(NotOn::NoBackgroundChecks)?;
    if JsFuture::from(registered).await.is_err() {
        stay_off(&prefs, &upcoming).await;
        return Err(NotOn::NoBackgroundChecks);
    }
    prefs.set_checkin_notifications(true);
    refresh(&prefs, &upcoming).await;
    Ok(())
}

/// Stops the background check; the permission stays as the browser has it.
pub async fn switch_off(prefs: Preferences, upcoming: Vec<CheckInReminder>) {
    if let Ok(sync) = periodic_sync().await {
        if let Some(p) = method(&sync, "unregister")
            .and_then(|f| f.call1(&sync, &SYNC_TAG.into()).ok())
            .and_then(|p| p.dyn_into::<Promise>().ok())
        {
            let _ = JsFuture::from(p).await;
        }
    }
    stay_off(&prefs, &upcoming).await;
}

async fn stay_off(prefs: &Preferences, upcoming: &[CheckInReminder]) {
    prefs.set_checkin_notifications(false);
    refresh(prefs, upcoming).await;
}

/// The open plan's next check-ins, read now (before any await, while the screen's context is
/// there).
pub fn upcoming() -> Vec<CheckInReminder> {
    use_workspace().plan.with_untracked(|p| {
        p.as_ref()
            .map(|p| checkin_reminders(p, format::now(), &BrowserZones))
            .unwrap_or_default()
    })
}

/// Hands the service worker the current choice with the open plan's check-ins.
async fn refresh(prefs: &Preferences, upcoming: &[CheckInReminder]) {
    if let Err(e) = hand_over(prefs, upcoming).await {
        leptos::logging::warn!(
            "check-in reminders could not be handed to the service worker: {e:?}"
        );
    }
}

/// The Settings card: check-in notifications, switched on by the person (the permission is asked
/// only then), or, where the browser cannot remind a closed app, the calendar file instead.
#[component]
pub fn ReminderSettings() -> impl IntoView {
    let ws = use_workspace();
    let on = RwSignal::new(ws.preferences().checkin_notifications() && permission() == "granted");
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<(bool, &'static str)>);
    let toggle = move |want: bool| {
        let upcoming = upcoming();
        let prefs = ws.preferences();
        busy.set(true);
        said.set(None);
        spawn_local(async move {
            if want {
                match switch_on(prefs, upcoming).await {
                    Ok(()) => {
                        on.set(true);
                        said.set(Some((true, "On. You will get a notification on this device when a check-in is due.")));
                    }
                    Err(why) => {
                        on.set(false);
                        said.set(Some((false, why.message())));
                    }
                }
            } else {
                switch_off(prefs, upcoming).await;
                on.set(false);
                said.set(Some((
                    true,
                    "Off. No check-in notifications on this device.",
                )));
            }
            busy.set(false);
        });
    };
    let calendar_link = view! {
        <a class="button" href="/share#readable-heading">"Get the calendar file"</a>
    };
    view! {
        <section class="card" aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">"Check-in reminders"</h2>
            {match support() {
                Support::Notifications => view! {
                    <p id="reminders-explained">"Waymark can show a notification on this device when a check-in is due, at 9:00 on its day, even while the app is closed. It looks only at what is stored on this device; nothing is sent anywhere. Your browser asks for permission when you switch this on."</p>
                    <label class="choice">
                        <input type="checkbox" role="switch" aria-describedby="reminders-explained"
                            prop:checked=move || on.get() disabled=move || busy.get()
                            on:change=move |ev| toggle(event_target_checked(&ev))/>
                        <span>"Notify me when a check-in is due"</span>
                    </label>
                    <p role="status" data-testid="reminders-status"
                        class=move || match said.get() { Some((false, _)) => "notice warning", Some(_) => "notice", None => "" }>
                        {move || said.get().map(|(_, m)| m)}
                    </p>
                    <Show when=move || matches!(said.get(), Some((false, _)))>
                        <a class="button" href="/share#readable-heading">"Get the calendar file"</a>
                    </Show>
                }.into_any(),
                Support::CalendarOnly => view! {
                    <p data-testid="reminders-unsupported">"This browser cannot remind you while Waymark is closed (on iPhone and iPad, and in Firefox). Add your check-ins to your calendar instead: the calendar file has a reminder before each one."</p>
                    {calendar_link}
                }.into_any(),
            }}
        </section>
    }
}
