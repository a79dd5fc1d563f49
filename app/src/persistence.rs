//! Never losing work: autosave to browser storage on every change (debounced),
//! restore on load, and a clear notice — with the damaged copy kept and
//! downloadable — when an autosave cannot be read. A share link in the address
//! never replaces local work without asking.

use std::time::Duration;

use cloudwright_core::examples::{default_design, example};
use cloudwright_core::protocol::Request;
use cloudwright_core::{export_for_storage, import, share, Catalog, Design};
use leptos::prelude::*;

use crate::editor::Editor;
use crate::files::download;

/// Where the design is autosaved.
pub const AUTOSAVE_KEY: &str = "cloudwright.autosave.v1";
/// Where an autosave that could not be read is kept.
pub const DAMAGED_KEY: &str = "cloudwright.autosave.damaged.v1";
/// How long the editor must be still before it autosaves.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// Something the user must know about or decide, shown above the canvas.
#[derive(Clone, Debug, PartialEq)]
pub enum Banner {
    /// The autosave could not be read; the damaged text is kept.
    Damaged { reason: String, text: String },
    /// The address holds a shared design, and there is local work it would replace.
    Shared { design: Design, repairs: usize },
}

/// The browser's local storage, if it is there and allowed.
pub fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// `#d=…` from the address, if any.
fn share_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.strip_prefix('#').filter(|h| h.starts_with(share::FRAGMENT_PREFIX)).map(str::to_owned)
}

/// Removes the fragment so a reload does not ask again.
fn clear_fragment() {
    let loc = window().location();
    let url = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// A share link in the address, to be unpacked (by the analysis module).
#[derive(Clone, Debug)]
pub struct SharedLink {
    fragment: String,
    /// Nothing would be lost: the shared design opens at once, without asking.
    at_once: bool,
}

/// What the app starts with: the design, anything to tell the user about it,
/// and a share link to open.
#[derive(Debug)]
pub struct Start {
    pub design: Design,
    pub banner: Option<Banner>,
    pub notice: Option<String>,
    pub shared: Option<SharedLink>,
}

/// The design to start with, and anything to tell the user about it.
pub fn startup() -> Start {
    let saved = storage().and_then(|s| s.get_item(AUTOSAVE_KEY).ok().flatten());
    let had_local_work = saved.is_some();
    // What the user had: restored, or set aside if damaged.
    let (local, banner, notice) = match saved {
        None => (None, None, None),
        Some(text) => match import(&text, Catalog::builtin()) {
            Ok(i) => {
                let notice =
                    (!i.repairs.is_empty()).then(|| format!("Restored your design with {} repair(s)", i.repairs.len()));
                (Some(i.design), None, notice)
            }
            Err(e) => {
                if let Some(s) = storage() {
                    let _ = s.set_item(DAMAGED_KEY, &text);
                    let _ = s.remove_item(AUTOSAVE_KEY);
                }
                (None, Some(Banner::Damaged { reason: e.to_string(), text }), None)
            }
        },
    };
    // An example asked for in the address.
    let search = window().location().search().unwrap_or_default();
    let wanted = search.trim_start_matches('?').split('&').find_map(|p| p.strip_prefix("example=")).and_then(example);
    let start = match (wanted, local) {
        (Some(ex), _) => ex.design(),
        (None, Some(d)) => d,
        (None, None) => default_design(),
    };
    // A shared design: it opens at once if there is nothing to lose, else the
    // user is asked (see `open_shared_link`). Meanwhile an empty canvas, not a
    // design that would be swapped out a moment later.
    let shared = share_fragment().map(|fragment| {
        clear_fragment();
        SharedLink { fragment, at_once: !had_local_work && wanted.is_none() && banner.is_none() }
    });
    if shared.as_ref().is_some_and(|s| s.at_once) {
        let notice = Some("Opening the shared design…".to_owned());
        return Start { design: Design::default(), banner: None, notice, shared };
    }
    Start { design: start, banner, notice, shared }
}

/// Unpacks a share link (in the analysis module, which holds the compressor)
/// and opens its design: at once if the link said so and the canvas is still
/// as it started, else behind a banner that asks. A link that cannot be
/// opened is reported, and an empty start becomes the default design.
pub fn open_shared_link(editor: Editor, banner: RwSignal<Option<Banner>>, link: SharedLink) {
    crate::worker::ask_text(Request::Unshare { link: link.fragment }, move |file| {
        let opened = file.and_then(|file| import(&file, Catalog::builtin()).map_err(|e| share::opening_failed(&e)));
        let untouched = link.at_once && editor.design.with_untracked(|d| *d == Design::default());
        match opened {
            Ok(shared) if untouched => {
                editor.notice.set(Some(format!("Opened the shared design “{}”", shared.design.name)));
                editor.load(shared.design);
            }
            Ok(shared) => banner.set(Some(Banner::Shared { repairs: shared.repairs.len(), design: shared.design })),
            Err(e) => {
                if untouched {
                    editor.load(default_design());
                }
                editor.notice.set(Some(format!("The share link could not be opened: {e}")));
            }
        }
    });
}

/// A share link pasted into the address while the app is open: ask before opening it.
pub fn watch_share_links(editor: Editor, banner: RwSignal<Option<Banner>>) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let Some(fragment) = share_fragment() else { return };
        clear_fragment();
        open_shared_link(editor, banner, SharedLink { fragment, at_once: false });
    });
    on_cleanup(move || handle.remove());
}

/// Keeps this tab's design in step with another tab of the site editing the
/// same one. That tab's autosaves arrive as `storage` events (a tab gets none
/// for its own writes); each is taken as an edit here, so neither tab goes on
/// from an old copy and then autosaves over the other's work. One arriving in
/// the middle of a drag waits for the drop.
pub fn follow_other_tabs(editor: Editor) {
    let waiting: StoredValue<Option<Design>> = StoredValue::new(None);
    let handle = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().is_none_or(|k| k != crate::library::autosave_key()) {
            return;
        }
        // A damaged or emptied copy is not taken: this tab's own autosave keeps its design.
        let Some(text) = e.new_value() else { return };
        let Ok(imported) = import(&text, Catalog::builtin()) else { return };
        if editor.in_gesture() {
            waiting.set_value(Some(imported.design));
        } else {
            editor.take_from_another_tab(imported.design);
        }
    });
    Effect::new(move |_| {
        editor.track_edits();
        if !editor.in_gesture() {
            if let Some(design) = waiting.try_update_value(Option::take).flatten() {
                editor.take_from_another_tab(design);
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// Saves the design to browser storage shortly after each change, once no
/// gesture is going on: a drag is saved when it ends, not in the middle of it
/// (at 5,000 components writing the design out takes 10 to 20 ms, a hitch in
/// a drag that pauses).
pub fn autosave(editor: Editor) {
    let generation = StoredValue::new(0u64);
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        editor.design.track();
        // Opening the app is not an edit: do not overwrite anything until the user changes something.
        if first.get_value() {
            first.set_value(false);
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        crate::later::when_still(
            DEBOUNCE,
            move || generation.try_get_value().map(|g| g == mine), // else a later change will save
            move || editor.in_gesture(),
            move || {
                let text = editor.design.with_untracked(export_for_storage);
                let key = crate::library::autosave_key();
                let saved = storage().is_some_and(|s| s.set_item(&key, &text).is_ok());
                if !saved {
                    editor.notice.set(Some(
                        "Could not autosave: browser storage is full or disabled. Save the design to a file.".into(),
                    ));
                }
            },
        );
    });
}

/// The banner above the canvas, for damaged autosaves and incoming share links.
#[component]
pub fn Banners(
    /// What to show, if anything.
    banner: RwSignal<Option<Banner>>,
    /// The editor, to open a shared design.
    editor: Editor,
) -> impl IntoView {
    // Always one element, so the page's grid rows stay where they are.
    let content = move || match banner.get() {
        None => ().into_any(),
        Some(Banner::Damaged { reason, text }) => {
            let text = StoredValue::new(text);
            view! {
                <div class="banner banner-warning" role="alert" data-testid="banner-damaged">
                    <span>{format!("Your autosaved design could not be opened ({reason}). It has been kept, untouched: download it to repair it or send it to us.")}</span>
                    <button data-testid="download-damaged" on:click=move |_| download("cloudwright-damaged-autosave.json", &text.get_value(), "application/json")>"Download the damaged copy"</button>
                    <button data-testid="dismiss-banner" on:click=move |_| banner.set(None)>"Dismiss"</button>
                </div>
            }
            .into_any()
        }
        Some(Banner::Shared { design, repairs }) => {
            let name = design.name.clone();
            let design = StoredValue::new(design);
            view! {
                <div class="banner" role="alert" data-testid="banner-shared">
                    <span>{format!("This link holds a shared design, “{name}”{}. Open it? What you have now stays in undo history.", if repairs > 0 { format!(" ({repairs} repair(s))") } else { String::new() })}</span>
                    <button data-testid="open-shared" on:click=move |_| { editor.open(design.get_value(), "Open shared design"); banner.set(None); }>"Open the shared design"</button>
                    <button data-testid="keep-mine" on:click=move |_| banner.set(None)>"Keep mine"</button>
                </div>
            }
            .into_any()
        }
    };
    view! { <div class="banners">{content}</div> }
}
