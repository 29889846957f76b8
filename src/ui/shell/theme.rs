//! Light, dark, or following the system. The choice is a small preference, so it lives in
//! localStorage; the stylesheet reads it from `html[data-theme]`.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const KEY: &str = "waymark.theme";

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

pub fn saved() -> Theme {
    LocalStorage::get::<String>(KEY)
        .map(|s| Theme::parse(&s))
        .unwrap_or(Theme::System)
}

pub fn apply_saved() {
    apply(saved());
}

pub fn choose(theme: Theme) {
    // Losing this preference costs nothing but a click, so a failed write is only logged.
    if let Err(e) = LocalStorage::set(KEY, theme.as_str()) {
        leptos::logging::warn!("could not remember the theme: {e}");
    }
    apply(theme);
}

fn apply(theme: Theme) {
    let Some(root) = document().document_element() else {
        return;
    };
    let result = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        other => root.set_attribute("data-theme", other.as_str()),
    };
    if let Err(e) = result {
        leptos::logging::warn!("could not apply the theme: {e:?}");
    }
}
