//! Light, dark, or following the system. The choice is a small preference, so it lives with
//! the device's preferences; the stylesheet reads it from `html[data-theme]`.

use leptos::prelude::*;

use crate::store::preferences::Preferences;
pub use crate::store::preferences::Theme;

pub fn choose(prefs: &Preferences, theme: Theme) {
    // Losing this preference costs nothing but a click; the store logs a failed write.
    prefs.set_theme(theme);
    apply(theme);
}

/// The browser's and installed app's bar colours (index.html's two `theme-color` metas), one
/// per system scheme; a chosen theme puts its colour in both.
const BAR_LIGHT: &str = "#f6f4ef";
const BAR_DARK: &str = "#161a1f";

fn apply_bar_colour(theme: Theme) {
    let Ok(metas) = document().query_selector_all("meta[name=theme-color]") else {
        return;
    };
    for i in 0..metas.length() {
        let Some(meta) = metas
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let for_dark = meta
            .get_attribute("media")
            .is_some_and(|m| m.contains("dark"));
        let colour = match theme {
            Theme::Light => BAR_LIGHT,
            Theme::Dark => BAR_DARK,
            Theme::System if for_dark => BAR_DARK,
            Theme::System => BAR_LIGHT,
        };
        let _ = meta.set_attribute("content", colour);
    }
}

/// Shows `theme` (the saved one at start: `prefs.theme()`).
pub fn apply(theme: Theme) {
    apply_bar_colour(theme);
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
