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

/// Shows `theme` (the saved one at start: `prefs.theme()`).
pub fn apply(theme: Theme) {
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
