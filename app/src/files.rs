//! Files and links: save the design as a file, open one (picker or drop on the
//! page), start a new one, and share it as a link that carries the whole design.

use cloudwright_core::protocol::Request;
use cloudwright_core::{export, import, share, Catalog, Design};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::editor::Editor;
use crate::resilience::Resilience;

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str, mime: &str) {
    if let Some(blob) = text_blob(text, mime) {
        download_blob(name, &blob);
    }
}

fn text_blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offers `blob` as a download named `name`; false when the browser refuses.
fn download_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return false };
    let anchor = document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = &anchor {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    anchor.is_some()
}

/// A file name from a design name: letters, digits and dashes.
pub fn file_name(design: &Design) -> String {
    let stem: String = design
        .name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}.cloudwright.json", if stem.is_empty() { "design" } else { &stem })
}

/// The key of the Export menu's PNG entry: the SVG export drawn by the browser.
const PNG: &str = "png";

/// Downloads the design in another tool's format (see `cloudwright_core::exports`),
/// written by the analysis worker. The report assesses resilience against the
/// resilience panel's policy. PNG is the SVG export drawn onto a canvas.
pub fn export_as(editor: Editor, key: &str, resilience: Resilience) {
    use cloudwright_core::exports::Format;
    let png = key == PNG;
    let Some(format) = (if png { Some(Format::Svg) } else { Format::from_key(key) }) else { return };
    let (stem, design) = editor.design.with_untracked(|d| (file_name(d), export(d)));
    let stem = stem.trim_end_matches(".cloudwright.json").to_owned();
    let request =
        Request::Export { design, format: format.key().to_owned(), policy: resilience.policy.get_untracked() };
    crate::worker::ask_text(request, move |answer| match answer {
        Ok(svg) if png => draw_png(editor, format!("{stem}.png"), svg),
        Ok(text) => {
            let name = format!("{stem}{}", format.extension());
            download(&name, &text, format.mime());
            editor.notice.set(Some(format!("Exported {name}")));
        }
        Err(e) => editor.notice.set(Some(format!("Cannot export: {e}"))),
    });
}

/// The most pixels a side of the PNG may have (browsers refuse larger canvases).
const PNG_MAX_SIDE: f64 = 16_000.0;

/// Draws `svg` onto a canvas at twice its size (less when that would be too
/// large) and downloads it as `name`.
fn draw_png(editor: Editor, name: String, svg: String) {
    let failed = move || editor.notice.set(Some("Cannot draw the PNG".into()));
    let Some(url) = text_blob(&svg, "image/svg+xml").and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok())
    else {
        return failed();
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else { return failed() };
    let loaded = img.clone();
    let source = url.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        let (w, h) = (f64::from(loaded.natural_width()), f64::from(loaded.natural_height()));
        let scale = (PNG_MAX_SIDE / w.max(h).max(1.0)).min(2.0);
        let canvas =
            document().create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return failed() };
        canvas.set_width((w * scale).round() as u32);
        canvas.set_height((h * scale).round() as u32);
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(context) = context else { return failed() };
        let drawn = context.scale(scale, scale).is_ok()
            && context.draw_image_with_html_image_element(&loaded, 0.0, 0.0).is_ok();
        if !drawn {
            return failed();
        }
        let on_blob = wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if blob.is_some_and(|b| download_blob(&name, &b)) {
                editor.notice.set(Some(format!("Exported {name}")));
            } else {
                failed();
            }
        });
        if canvas.to_blob(on_blob.unchecked_ref()).is_err() {
            failed();
        }
    });
    let on_error = wasm_bindgen::closure::Closure::once_into_js(failed);
    img.set_onload(Some(on_load.unchecked_ref()));
    img.set_onerror(Some(on_error.unchecked_ref()));
    img.set_src(&url);
}

pub fn save(editor: Editor) {
    let (name, text) = editor.design.with_untracked(|d| (file_name(d), export(d)));
    download(&name, &text, "application/json");
    editor.notice.set(Some(format!("Saved {name}")));
}

/// Reads a design file and opens it as one undoable step.
pub fn open_file(editor: Editor, file: web_sys::File) {
    let name = file.name();
    if file.size() > cloudwright_core::limits::MAX_FILE_BYTES as f64 {
        editor.notice.set(Some(format!("{name} is over 10 MB; Cloudwright opens designs up to that size")));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
        let Some(text) = text else {
            editor.notice.set(Some(format!("{name} could not be read as text")));
            return;
        };
        match import(&text, Catalog::builtin()) {
            Ok(i) => {
                let repairs = i.repairs.len();
                editor.open(i.design, &format!("Open {name}"));
                editor.notice.set(Some(if repairs == 0 {
                    format!("Opened {name}")
                } else {
                    format!("Opened {name} with {repairs} repair(s)")
                }));
            }
            Err(e) => editor.notice.set(Some(format!("{name}: {e}"))),
        }
    });
}

/// The address that carries the whole design, packed by the analysis module
/// (which holds the compressor); `then` gets it, or why there is none.
pub fn share_url(editor: Editor, then: impl FnOnce(Result<String, String>) + 'static) {
    let loc = window().location();
    let base = format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default());
    let design = editor.design.with_untracked(export);
    crate::worker::ask_text(Request::Share { design }, move |link| {
        then(link.map(|link| format!("{base}#{}{link}", share::FRAGMENT_PREFIX)))
    });
}

/// Opens a design file dropped anywhere on the page.
pub fn accept_dropped_files(editor: Editor) {
    let over = window_event_listener(ev::dragover, move |ev| {
        if ev.data_transfer().is_some_and(|dt| dt.types().includes(&"Files".into(), 0)) {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(ev::drop, move |ev| {
        let Some(file) = ev.data_transfer().and_then(|dt| dt.files()).and_then(|f| f.get(0)) else { return };
        ev.prevent_default();
        open_file(editor, file);
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// New, Open, Save and Share, for the toolbar.
#[component]
pub fn FileButtons(
    /// The editor whose design the buttons act on.
    editor: Editor,
) -> impl IntoView {
    let picker = NodeRef::<leptos::html::Input>::new();
    let resilience = crate::resilience::use_resilience();
    let sharing = RwSignal::new(None::<String>);
    let library = RwSignal::new(false);
    view! {
        <div class="tool-group">
            <button data-testid="new-design" title="Start a new, empty design; this one stays in your designs"
                on:click=move |_| {
                    if let Err(e) = crate::library::new_design(editor) {
                        editor.notice.set(Some(format!("No new design: {e}")));
                    }
                }>"New"</button>
            <button data-testid="library-button" title="Your designs in this browser: open, rename, duplicate, delete"
                on:click=move |_| library.set(true)>"Designs"</button>
            <button data-testid="open-file" title="Open a design file (or drop one on the page)"
                on:click=move |_| { if let Some(p) = picker.get() { p.click(); } }>"Open"</button>
            <input type="file" accept=".json,application/json" class="hidden" data-testid="file-input" node_ref=picker
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        open_file(editor, file);
                    }
                    input.set_value("");
                } />
            <button data-testid="save-file" title="Save the design as a file" on:click=move |_| save(editor)>"Save"</button>
            <button data-testid="share" title="A link that carries the whole design" on:click=move |_| {
                // The dialog opens at once; the link fills it when the analysis module has packed it.
                sharing.set(Some(String::new()));
                share_url(editor, move |url| match url {
                    Ok(url) => {
                        if sharing.get_untracked().is_some() {
                            sharing.set(Some(url));
                        }
                    }
                    Err(e) => {
                        sharing.set(None);
                        editor.notice.set(Some(format!("The share link could not be made: {e}")));
                    }
                });
            }>"Share"</button>
            <select class="example-picker" data-testid="export" title="Export the design for other tools"
                on:change=move |ev| {
                    let select: web_sys::HtmlSelectElement = event_target(&ev);
                    export_as(editor, &select.value(), resilience);
                    select.set_value("");
                }>
                <option value="">"Export…"</option>
                {cloudwright_core::exports::Format::ALL.iter().map(|f| view! { <option value=f.key()>{f.name()}</option> }).collect_view()}
                <option value=PNG>"PNG image"</option>
            </select>
        </div>
        <crate::library::Library open=library editor />
        <Show when=move || sharing.with(Option::is_some)>
            <div class="sheet-backdrop" on:click=move |_| sharing.set(None)>
                <div class="sheet" role="dialog" aria-label="Share link" data-testid="share-dialog" on:click=|ev| ev.stop_propagation()>
                    <h2>"Share this design"</h2>
                    <p class="inspector-note">"The whole design travels in the link itself, after the #: nothing is uploaded anywhere."</p>
                    <input class="share-url" readonly data-testid="share-url" placeholder="Making the link…" prop:value=move || sharing.get().unwrap_or_default()
                        on:focus=move |ev| { let i: web_sys::HtmlInputElement = event_target(&ev); i.select(); } />
                    <button data-testid="share-close" on:click=move |_| sharing.set(None)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}
