//! The Settings screen: appearance now; check-in schedule, storage status, export and
//! import join it as those capabilities land.

use leptos::prelude::*;

use super::page::Page;
use super::shell::theme::{self, Theme};

#[component]
pub fn SettingsScreen() -> impl IntoView {
    let (current, set_current) = signal(theme::saved());
    let pick = move |t: Theme| {
        theme::choose(t);
        set_current.set(t);
    };
    let option = move |t: Theme, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="theme" value=t.as_str()
                    prop:checked=move || current.get() == t
                    on:change=move |_| pick(t)/>
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <Page title="Settings">
            <fieldset class="card choices">
                <legend>"Theme"</legend>
                {option(Theme::System, "Follow this device")}
                {option(Theme::Light, "Light")}
                {option(Theme::Dark, "Dark")}
            </fieldset>
            <div class="card">
                <h2>"Coming here next"</h2>
                <p>"Your check-in schedule, storage status, and exporting or importing plan files."</p>
            </div>
        </Page>
    }
}
