//! Registers the service worker and tells the user when a new version is waiting.
//!
//! A new build installs in the background but only takes over when the user presses
//! "Reload": the page asks the waiting worker to activate, and reloads once it controls the page.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Registers /sw.js and returns a signal that turns true when a new version is ready.
/// `unavailable` runs if the browser refuses the worker (blocked, or a private window that
/// allows none): then nothing stores the build for offline use.
pub fn register_service_worker(unavailable: impl FnOnce() + 'static) -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    let container = window().navigator().service_worker();
    spawn_local(async move {
        let registration = match JsFuture::from(container.register("/sw.js")).await {
            Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
            Err(e) => {
                leptos::logging::warn!("offline support is unavailable: {e:?}");
                unavailable();
                return;
            }
        };
        if registration.waiting().is_some() && has_controller() {
            set_ready.set(true);
        }
        let reg = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(worker) = reg.installing() {
                watch_installing(worker, set_ready);
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // Lives as long as the page.
        on_update_found.forget();
        // Ask for a fresh sw.js each time the app starts, so a deploy is found promptly.
        // Offline the check fails, as expected (the next start asks again); awaited here so
        // it is not an unhandled rejection, which WebKit reports as a console error.
        if let Ok(check) = registration.update() {
            let _ = JsFuture::from(check).await;
        }
    });
    ready
}

fn has_controller() -> bool {
    window().navigator().service_worker().controller().is_some()
}

fn watch_installing(worker: ServiceWorker, set_ready: WriteSignal<bool>) {
    let w = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        // Without a controller this is the first install, not an update.
        if w.state() == ServiceWorkerState::Installed && has_controller() {
            set_ready.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Activates the waiting worker, then reloads once it has taken control.
fn switch_to_new_version() {
    let container = window().navigator().service_worker();
    let on_change = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    spawn_local(async move {
        let found = JsFuture::from(container.get_registration()).await;
        let waiting = found
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                if let Err(e) = worker.post_message(&JsValue::from_str("skip-waiting")) {
                    leptos::logging::warn!("could not activate the new version: {e:?}");
                }
            }
            // Nothing is waiting any more (another tab switched first): just reload.
            None => {
                let _ = window().location().reload();
            }
        }
    });
}

#[component]
pub fn UpdateBanner(ready: ReadSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <p>"A new version is ready."</p>
                <button class="button" type="button" on:click=move |_| switch_to_new_version()>
                    "Reload"
                </button>
            </div>
        </Show>
    }
}
