//! The frame of every screen: one `<h1>` and a matching document title, so a screen-reader
//! user hears where they are after each navigation.

use leptos::prelude::*;

#[component]
pub fn Page(title: &'static str, children: Children) -> impl IntoView {
    document().set_title(&format!("{title} · Waymark"));
    view! {
        <section aria-labelledby="page-title">
            <h1 id="page-title" class="page-title">{title}</h1>
            {children()}
        </section>
    }
}

/// An empty state: what will live here and what to do next.
#[component]
pub fn EmptyState(icon: AnyView, heading: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="empty-state card">
            {icon}
            <h2>{heading}</h2>
            {children()}
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Page not found">
            <p>"There is nothing at this address. "<a href="/">"Go to Today"</a></p>
        </Page>
    }
}
