//! When the app itself fails (a panic), a WebAssembly module cannot go on: every later call
//! into it may trap, so the screen would freeze with the browser's bare "unreachable" in the
//! console. The hook below writes what failed and where to the console, for a bug report, and
//! puts a plain notice over the page, built without Leptos (which runs in the failed module):
//! what was saved is safe, and a reload starts the app again.

use wasm_bindgen::JsCast;

/// Installs the hook; called once, before the app is mounted.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Waymark stopped: {info}").into());
        show();
    }));
}

/// Puts the notice on the page (once; a second fault does not stack a second notice).
pub fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("app-fault").is_some() {
        return;
    }
    let built = (|| -> Result<(), wasm_bindgen::JsValue> {
        let body = document.body().ok_or("no body")?;
        let notice = document.create_element("div")?;
        notice.set_id("app-fault");
        notice.set_class_name("notice error app-fault");
        notice.set_attribute("role", "alert")?;
        let text = document.create_element("p")?;
        text.set_text_content(Some(
            "Waymark stopped because of a fault in the app. Everything it showed as Saved is \
             kept on this device.",
        ));
        let button: web_sys::HtmlElement = document.create_element("button")?.unchecked_into();
        button.set_attribute("type", "button")?;
        button.set_class_name("button primary");
        button.set_text_content(Some("Reload Waymark"));
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        button.set_onclick(Some(reload.as_ref().unchecked_ref()));
        // The page is going nowhere else: the listener lives as long as it does.
        reload.forget();
        notice.append_with_node_2(&text, &button)?;
        body.prepend_with_node_1(&notice)?;
        button.focus()
    })();
    if let Err(e) = built {
        web_sys::console::error_2(&"Waymark could not show its fault notice:".into(), &e);
    }
}
