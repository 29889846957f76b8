//! Line icons drawn inline so they follow the text colour and need no extra request.

use leptos::prelude::*;

fn path_for(name: &str) -> &'static str {
    match name {
        "sun" => "M12 4V2m0 20v-2m8-8h2M2 12h2m13.7-5.7 1.4-1.4M4.9 19.1l1.4-1.4m0-11.4L4.9 4.9m14.2 14.2-1.4-1.4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
        "flag" => "M5 21V4m0 0h11l-2 4 2 4H5",
        "check" => "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zm-4-9 3 3 5-6",
        "book" => "M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2zm0 0v16m4-14h7",
        "gear" => "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7.4-3a7.4 7.4 0 0 0-.1-1.3l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-2.2-1.3L14.3 3h-4l-.4 2.4a7.5 7.5 0 0 0-2.2 1.3l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.6l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 2.2 1.3l.4 2.4h4l.4-2.4a7.5 7.5 0 0 0 2.2-1.3l2.4 1 2-3.4-2-1.6c.1-.4.1-.9.1-1.3z",
        "lock" => "M6 11h12v10H6zm2 0V8a4 4 0 0 1 8 0v3",
        "pen" => "M4 20h4L19 9l-4-4L4 16zm9-13 4 4",
        "people" => "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 10v-1a6 6 0 0 1 12 0v1m2-10a3 3 0 1 0 0-6m6 16v-1a5 5 0 0 0-4-4.9",
        "cloud-off" => "M3 3l18 18M9 5.5A6 6 0 0 1 18 10a4 4 0 0 1 2.6 6.9M16 19H7a5 5 0 0 1-1.7-9.7",
        _ => "",
    }
}

/// A 24×24 icon; decorative, so hidden from screen readers (the label next to it speaks).
#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
            stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
            <path d=path_for(name)/>
        </svg>
    }
}
