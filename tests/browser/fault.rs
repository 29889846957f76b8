//! The notice a person sees when the app itself fails (ui/fault.rs): built without Leptos,
//! said to screen readers, with the way out focused.

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn a_fault_puts_one_notice_with_a_focused_reload_button_over_the_page() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    waymark::ui::fault::show();
    waymark::ui::fault::show();
    let notices = document.query_selector_all("#app-fault").expect("a query");
    assert_eq!(
        notices.length(),
        1,
        "a second fault does not stack a second notice"
    );
    let notice = document.get_element_by_id("app-fault").expect("the notice");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap_or_default();
    assert!(
        text.contains("Everything it showed as Saved is kept on this device"),
        "{text}"
    );
    let focused = document.active_element().expect("something focused");
    assert_eq!(focused.tag_name(), "BUTTON");
    assert_eq!(focused.text_content().as_deref(), Some("Reload Waymark"));
    notice.remove();
}
