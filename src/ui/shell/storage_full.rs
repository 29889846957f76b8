//! While the device has no room for Waymark's writes, a notice on every screen says so: the
//! plan stays readable, nothing saved is lost, and changes need some space freed first.

use leptos::prelude::*;

use crate::ui::state::use_workspace;

#[component]
pub fn StorageFullNotice() -> impl IntoView {
    let ws = use_workspace();
    view! {
        <Show when=move || ws.storage_full.get()>
            <div class="notice warning storage-full" role="alert" data-testid="storage-full">
                <p><strong>"This device is out of storage space."</strong></p>
                <p>
                    "Everything saved until now is safe and you can keep reading your plan, but "
                    "changes cannot be saved. Free some space on the device (remove files, apps or "
                    "other sites' data), then save again."
                </p>
            </div>
        </Show>
    }
}
