//! Files between the browser and the app: a download, the system share sheet, and reading a
//! file the person picked or dropped.

use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FilePropertyBag, HtmlAnchorElement, Url};

use crate::exchange::format::MAX_FILE_BYTES;
use crate::exchange::{ExportedFile, ImportError};

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

fn blob_parts(file: &ExportedFile) -> Array {
    let bytes = Uint8Array::from(file.bytes.as_slice());
    Array::of1(&bytes)
}

/// Saves the file through the browser's download.
pub fn download(file: &ExportedFile) -> Result<(), String> {
    let options = BlobPropertyBag::new();
    options.set_type(file.media_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&blob_parts(file), &options)
        .map_err(|e| js_message(&e))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let document = leptos::prelude::document();
    let link: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(&file.file_name);
    link.click();
    // The click has started the download; the object URL is no longer needed.
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

fn share_target(file: &ExportedFile) -> Result<(Object, JsValue), String> {
    let options = FilePropertyBag::new();
    options.set_type(file.media_type);
    let f =
        File::new_with_u8_array_sequence_and_options(&blob_parts(file), &file.file_name, &options)
            .map_err(|e| js_message(&e))?;
    let data = Object::new();
    Reflect::set(&data, &"files".into(), &Array::of1(&f)).map_err(|e| js_message(&e))?;
    Reflect::set(&data, &"title".into(), &file.file_name.clone().into())
        .map_err(|e| js_message(&e))?;
    Ok((data, leptos::prelude::window().navigator().into()))
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Whether this browser can hand a file to the system share sheet (phones mostly).
pub fn can_share_files(sample: &ExportedFile) -> bool {
    let Ok((data, navigator)) = share_target(sample) else {
        return false;
    };
    // Called through Reflect: `canShare` is not in every browser and not in stable web-sys.
    match (method(&navigator, "canShare"), method(&navigator, "share")) {
        (Some(can_share), Some(_)) => can_share
            .call1(&navigator, &data)
            .map(|v| v.as_bool() == Some(true))
            .unwrap_or(false),
        _ => false,
    }
}

/// Opens the system share sheet with the file: `Ok(true)` once it was handed over,
/// `Ok(false)` when the person closed the sheet (not an error).
pub async fn share(file: &ExportedFile) -> Result<bool, String> {
    let (data, navigator) = share_target(file)?;
    let share = method(&navigator, "share").ok_or("This browser cannot share files.")?;
    let promise: js_sys::Promise = share
        .call1(&navigator, &data)
        .map_err(|e| js_message(&e))?
        .unchecked_into();
    match JsFuture::from(promise).await {
        Ok(_) => Ok(true),
        Err(e)
            if Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .as_deref()
                == Some("AbortError") =>
        {
            Ok(false)
        }
        Err(e) => Err(js_message(&e)),
    }
}

/// Reads a picked or dropped file, refusing an oversized one before reading it.
pub async fn read(file: &File) -> Result<Vec<u8>, ImportError> {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return Err(ImportError::TooLarge {
            megabytes: (size / 1_000_000.0).ceil() as usize,
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| ImportError::Malformed {
            detail: format!("the file could not be read: {}", js_message(&e)),
        })?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// What the installed app was launched with (Chromium's launch queue): a plan file opened with
/// it (manifest `file_handlers`), or an address (a shortcut, or a link while a window was already
/// open: `launch_handler` focuses that window instead of opening a second one, and the window
/// must go to the address itself). Browsers without a launch queue never call either.
pub fn on_launch(open_file: impl Fn(File) + 'static, go_to: impl Fn(String) + 'static) {
    let window = leptos::prelude::window();
    let Ok(queue) = Reflect::get(&window, &"launchQueue".into()) else {
        return;
    };
    let Some(set_consumer) = method(&queue, "setConsumer") else {
        return;
    };
    let open_file = std::rc::Rc::new(open_file);
    let consumer =
        wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
            let handle = Reflect::get(&params, &"files".into())
                .ok()
                .and_then(|files| Array::from(&files).iter().next());
            let Some(handle) = handle else {
                if let Some(url) = Reflect::get(&params, &"targetURL".into())
                    .ok()
                    .and_then(|u| u.as_string())
                    .and_then(|u| web_sys::Url::new(&u).ok())
                {
                    let path = format!("{}{}", url.pathname(), url.search());
                    let here = leptos::prelude::window().location();
                    let current = format!(
                        "{}{}",
                        here.pathname().unwrap_or_default(),
                        here.search().unwrap_or_default()
                    );
                    // A plain launch (the start URL) keeps an open window where it was, say in
                    // the middle of a check-in; a shortcut goes where it points.
                    if path != "/" && path != current {
                        go_to(path);
                    }
                }
                return;
            };
            let Some(get_file) = method(&handle, "getFile") else {
                return;
            };
            let Ok(promise) = get_file.call0(&handle) else {
                return;
            };
            let open_file = open_file.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(file) = JsFuture::from(js_sys::Promise::from(promise)).await {
                    if let Ok(file) = file.dyn_into::<File>() {
                        open_file(file);
                    }
                }
            });
        });
    let _ = set_consumer.call1(&queue, consumer.as_ref());
    // The launch queue may deliver at any time while the app lives.
    consumer.forget();
}

/// Where public/sw.js keeps a plan file shared to the app (manifest `share_target`) until the
/// Share screen takes it. Not `waymark-…`: the service worker deletes those on an update.
const SHARED_CACHE: &str = "waymark.shared";
const SHARED_URL: &str = "/__shared-plan";

/// The plan file the share sheet handed over, taken out of the cache (so it opens once).
pub async fn take_shared_file() -> Option<File> {
    let caches = leptos::prelude::window().caches().ok()?;
    // `open` would create the cache; most visits have nothing shared.
    let kept = JsFuture::from(caches.has(SHARED_CACHE)).await.ok()?;
    if !kept.is_truthy() {
        return None;
    }
    let cache: web_sys::Cache = JsFuture::from(caches.open(SHARED_CACHE))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let hit: web_sys::Response = JsFuture::from(cache.match_with_str(SHARED_URL))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let name = hit
        .headers()
        .get("X-File-Name")
        .ok()
        .flatten()
        .map(|n| {
            js_sys::decode_uri_component(&n)
                .map(String::from)
                .unwrap_or(n)
        })
        .unwrap_or_else(|| "shared.waymark.json".to_owned());
    let blob: Blob = JsFuture::from(hit.blob().ok()?)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let _ = JsFuture::from(cache.delete_with_str(SHARED_URL)).await;
    let parts = Array::of1(&blob);
    let options = FilePropertyBag::new();
    options.set_type(&blob.type_());
    File::new_with_blob_sequence_and_options(&parts, &name, &options).ok()
}
