//! The local design library: several named designs in browser storage.
//!
//! The design being edited is the autosave (see [`crate::persistence`]); every
//! other design in the library has a slot of its own, `cloudwright.library.<id>`,
//! holding its file text. Which slot the autosave belongs to is kept under
//! [`CURRENT_KEY`]. The list is read from storage each time it is shown, so
//! there is no index to fall out of step or be damaged.
//!
//! Switching designs saves the open one into its slot before anything else
//! is touched, and starts a fresh undo history (undo never crosses designs).
//! Each tab keeps the id of the design it edits; once another tab opens
//! another design, this one autosaves into its own slot (see [`autosave_key`]).
//! A slot that cannot be read is never deleted behind the user's back: it is
//! listed with the reason and can be downloaded.

use cloudwright_core::{export, export_for_storage, import, Catalog, Design};
use leptos::prelude::*;

use crate::editor::Editor;
use crate::files::{download, file_name};
use crate::persistence::{storage, AUTOSAVE_KEY};

const SLOT_PREFIX: &str = "cloudwright.library.";
/// Which library id the autosave belongs to.
pub const CURRENT_KEY: &str = "cloudwright.library-current.v1";

fn slot_key(id: &str) -> String {
    format!("{SLOT_PREFIX}{id}")
}

thread_local! {
    /// The library id of the design this tab edits. Another tab may open
    /// another design since; this one keeps its own.
    static MINE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The id the autosave belongs to, as storage says (the last tab to open a design wins).
fn stored_current() -> Option<String> {
    storage().and_then(|s| s.get_item(CURRENT_KEY).ok().flatten()).filter(|id| !id.is_empty())
}

/// The id of the design this tab edits (made up, and remembered, on first use).
fn current_id() -> String {
    if let Some(id) = MINE.with(|m| m.borrow().clone()) {
        return id;
    }
    let id = stored_current().unwrap_or_else(|| {
        let id = fresh_id(&slot_ids());
        if let Some(s) = storage() {
            let _ = s.set_item(CURRENT_KEY, &id);
        }
        id
    });
    MINE.with(|m| *m.borrow_mut() = Some(id.clone()));
    id
}

/// Where this tab autosaves: the shared autosave while its design is the
/// library's current one, else (another tab has opened a design since) its
/// own slot, so two tabs never write over each other's design.
pub fn autosave_key() -> String {
    let mine = current_id();
    match stored_current() {
        Some(current) if current != mine => slot_key(&mine),
        _ => AUTOSAVE_KEY.to_owned(),
    }
}

/// Ids of the stored slots (not counting the design being edited).
fn slot_ids() -> Vec<String> {
    let Some(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(SLOT_PREFIX).map(str::to_owned))
        .collect()
}

/// `d1`, `d2`, …: the first not in `taken` (nor the current id, nor this tab's).
fn fresh_id(taken: &[String]) -> String {
    let current = stored_current();
    let mine = MINE.with(|m| m.borrow().clone());
    (1u32..)
        .map(|n| format!("d{n}"))
        .find(|id| !taken.contains(id) && current.as_ref() != Some(id) && mine.as_ref() != Some(id))
        .unwrap_or_else(|| "d0".into())
}

/// One design in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// Components, or why the stored copy cannot be opened.
    pub status: Result<usize, String>,
    pub current: bool,
    /// Open in another tab: its copy is the autosave, and that tab edits it.
    pub elsewhere: bool,
}

/// Every design in the library: the open one first, then the rest by name.
fn entries(editor: Editor) -> Vec<Entry> {
    let current = current_id();
    let (name, count) = editor.design.with_untracked(|d| (d.name.clone(), d.components.len()));
    let mut rest: Vec<Entry> = slot_ids()
        .into_iter()
        .filter(|id| *id != current)
        .map(|id| {
            let text = storage().and_then(|s| s.get_item(&slot_key(&id)).ok().flatten()).unwrap_or_default();
            match import(&text, Catalog::builtin()) {
                Ok(i) => Entry {
                    name: i.design.name,
                    status: Ok(i.design.components.len()),
                    id,
                    current: false,
                    elsewhere: false,
                },
                Err(e) => Entry {
                    name: format!("Unreadable design {id}"),
                    status: Err(e.to_string()),
                    id,
                    current: false,
                    elsewhere: false,
                },
            }
        })
        .collect();
    // The design another tab opened since: listed, but that tab edits it.
    if let Some(other) = stored_current().filter(|c| *c != current) {
        let text = storage().and_then(|s| s.get_item(AUTOSAVE_KEY).ok().flatten()).unwrap_or_default();
        if let Ok(i) = import(&text, Catalog::builtin()) {
            rest.push(Entry {
                name: i.design.name,
                status: Ok(i.design.components.len()),
                id: other,
                current: false,
                elsewhere: true,
            });
        }
    }
    // By name as the user's language sorts (the browser's collation: "Écoles"
    // beside "ecoles"), then by id.
    let (locales, options) = (js_sys::Array::new(), js_sys::Object::new());
    cloudwright_core::order::sort_by(&mut rest, |a, b| {
        let order = js_sys::JsString::from(a.name.as_str()).locale_compare(&b.name, &locales, &options);
        order.cmp(&0).then(a.id.cmp(&b.id))
    });
    let mut all = vec![Entry { id: current, name, status: Ok(count), current: true, elsewhere: false }];
    all.extend(rest);
    all
}

/// Stores `text` under `key`, or says why it could not.
fn store(key: &str, text: &str) -> Result<(), String> {
    let s = storage().ok_or("browser storage is disabled")?;
    s.set_item(key, text).map_err(|_| "browser storage is full: delete a design or save it to a file".to_owned())
}

/// Puts the open design into its slot, so the library holds it while another is open.
fn shelve_current(editor: Editor) -> Result<(), String> {
    let text = editor.design.with_untracked(export_for_storage);
    store(&slot_key(&current_id()), &text)
}

/// Makes slot `id` (already stored) the design being edited.
fn take_up(editor: Editor, id: &str, design: Design) -> Result<(), String> {
    // Another tab's design in the autosave moves to its slot first (that tab saves there from now on).
    let mine = current_id();
    if let Some(other) = stored_current().filter(|c| *c != mine) {
        if let Some(text) = storage().and_then(|s| s.get_item(AUTOSAVE_KEY).ok().flatten()) {
            store(&slot_key(&other), &text)?;
        }
    }
    // The current id before the autosave: a tab still on the design being left
    // then sees, by the time the new autosave reaches it, that the autosave is
    // no longer its design, and does not take it (`persistence::follow_other_tabs`).
    // The other way round, a tab could take the new design as an edit of its own.
    let before = stored_current();
    store(CURRENT_KEY, id)?;
    if let Err(e) = store(AUTOSAVE_KEY, &export_for_storage(&design)) {
        // Nothing changed hands: the current id goes back to what it was.
        let _ = store(CURRENT_KEY, before.as_deref().unwrap_or(&mine));
        return Err(e);
    }
    MINE.with(|m| *m.borrow_mut() = Some(id.to_owned()));
    if let Some(s) = storage() {
        let _ = s.remove_item(&slot_key(id)); // the autosave is its copy now
    }
    editor.load(design);
    Ok(())
}

/// Opens library design `id` in place of the current one (which stays in the library).
pub fn open_design(editor: Editor, id: &str) -> Result<(), String> {
    let text = storage().and_then(|s| s.get_item(&slot_key(id)).ok().flatten()).ok_or("that design is gone")?;
    let imported = import(&text, Catalog::builtin()).map_err(|e| e.to_string())?;
    shelve_current(editor)?;
    let name = imported.design.name.clone();
    take_up(editor, id, imported.design)?;
    editor.notice.set(Some(format!("Opened “{name}” from your designs")));
    Ok(())
}

/// Starts a new, empty design in the library and opens it.
pub fn new_design(editor: Editor) -> Result<(), String> {
    add_and_open(editor, Design { name: "Untitled design".into(), ..Design::default() })?;
    editor.notice.set(Some("Started a new design; the one before is in your designs".into()));
    Ok(())
}

/// Adds `design` to the library and opens it; the open design stays in the library.
pub fn add_and_open(editor: Editor, design: Design) -> Result<(), String> {
    shelve_current(editor)?;
    let id = fresh_id(&slot_ids());
    store(&slot_key(&id), &export_for_storage(&design))?;
    take_up(editor, &id, design)
}

/// A copy of design `id`, named “… (copy)”, added to the library.
fn duplicate(editor: Editor, entry: &Entry) -> Result<(), String> {
    let mut design = if entry.current {
        editor.design.get_untracked()
    } else {
        let text = text_of(entry);
        import(&text, Catalog::builtin()).map_err(|e| e.to_string())?.design
    };
    design.name = format!("{} (copy)", design.name);
    store(&slot_key(&fresh_id(&slot_ids())), &export_for_storage(&design))
}

/// What is stored for `entry`: its slot, or the autosave for a design open in another tab.
fn text_of(entry: &Entry) -> String {
    let key = if entry.elsewhere { AUTOSAVE_KEY.to_owned() } else { slot_key(&entry.id) };
    storage().and_then(|s| s.get_item(&key).ok().flatten()).unwrap_or_default()
}

fn rename(editor: Editor, entry: &Entry, name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a design needs a name".into());
    }
    if entry.current {
        return editor
            .apply(cloudwright_core::Command::SetName(name.to_owned()), "Rename design")
            .map_err(|e| e.to_string());
    }
    let key = slot_key(&entry.id);
    let text = storage().and_then(|s| s.get_item(&key).ok().flatten()).unwrap_or_default();
    let mut design = import(&text, Catalog::builtin()).map_err(|e| e.to_string())?.design;
    design.name = name.to_owned();
    store(&key, &export_for_storage(&design))
}

fn delete(entry: &Entry) -> Result<(), String> {
    let s = storage().ok_or("browser storage is disabled")?;
    s.remove_item(&slot_key(&entry.id)).map_err(|_| "it could not be removed".to_owned())
}

fn download_entry(editor: Editor, entry: &Entry) {
    if entry.current {
        crate::files::save(editor);
        return;
    }
    // Storage holds the design unindented; the file gets the canonical form a save writes.
    // A copy that no longer reads is downloaded as it is stored.
    let text = text_of(entry);
    let (name, text) = match import(&text, Catalog::builtin()) {
        Ok(i) => (file_name(&i.design), export(&i.design)),
        Err(_) => (format!("cloudwright-unreadable-{}.json", entry.id), text),
    };
    download(&name, &text, "application/json");
}

/// The library dialog: every design, with open, rename, duplicate, download and delete.
#[component]
pub fn Library(
    /// Whether the dialog is open.
    open: RwSignal<bool>,
    editor: Editor,
) -> impl IntoView {
    // Storage is not reactive: re-read after each action.
    let refresh = Trigger::new();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || escape.remove());
    let list = move || {
        refresh.track();
        editor.design.track();
        entries(editor)
    };
    let report = move |result: Result<(), String>, what: &str| {
        if let Err(e) = result {
            editor.notice.set(Some(format!("{what}: {e}")));
        }
        refresh.notify();
    };
    let open_dialog = move |v: bool| open.set(v);
    let row = move |entry: Entry| {
        let e = StoredValue::new(entry.clone());
        let id = entry.id.clone();
        let detail = match &entry.status {
            Ok(n) if entry.current => format!("{n} components · open now"),
            Ok(n) if entry.elsewhere => format!("{n} components · open in another tab"),
            Ok(n) => format!("{n} components"),
            Err(reason) => format!("cannot be opened: {reason}"),
        };
        let readable = entry.status.is_ok();
        view! {
            <li class="library-row" class:current=entry.current data-testid=format!("library-row-{id}")>
                <input class="library-name" data-testid=format!("library-name-{id}") prop:value=entry.name.clone()
                    aria-label="Design name" disabled=!readable || entry.elsewhere
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        report(rename(editor, &e.get_value(), &input.value()), "Not renamed");
                    } />
                <span class="library-detail" data-testid=format!("library-detail-{id}")>{detail}</span>
                <span class="library-actions">
                    <button data-testid=format!("library-open-{id}") disabled=entry.current || entry.elsewhere || !readable
                        on:click=move |_| {
                            let result = open_design(editor, &e.get_value().id);
                            let done = result.is_ok();
                            report(result, "Not opened");
                            if done { open_dialog(false); }
                        }>"Open"</button>
                    <button data-testid=format!("library-duplicate-{id}") disabled=!readable
                        on:click=move |_| report(duplicate(editor, &e.get_value()), "Not duplicated")>"Duplicate"</button>
                    <button data-testid=format!("library-download-{id}") on:click=move |_| download_entry(editor, &e.get_value())>"Download"</button>
                    <button data-testid=format!("library-delete-{id}") disabled=entry.current || entry.elsewhere
                        title=if entry.current { "Open another design before deleting this one" } else { "Delete this design from the browser" }
                        on:click=move |_| {
                            let entry = e.get_value();
                            let sure = window().confirm_with_message(&format!("Delete “{}” from this browser? This cannot be undone.", entry.name)).unwrap_or(false);
                            if sure { report(delete(&entry), "Not deleted"); }
                        }>"Delete"</button>
                </span>
            </li>
        }
    };
    view! {
        <Show when=move || open.get()>
            <div class="sheet-backdrop" on:click=move |_| open.set(false)>
                <div class="sheet library" role="dialog" aria-label="Your designs" data-testid="library" on:click=|ev| ev.stop_propagation()>
                    <h2>"Your designs"</h2>
                    <p class="inspector-note">"Kept in this browser only. Download a design to keep a copy elsewhere."</p>
                    <ul class="library-list">{move || list().into_iter().map(row).collect_view()}</ul>
                    <button data-testid="library-new" on:click=move |_| { report(new_design(editor), "No new design"); open.set(false); }>"New design"</button>
                    " "
                    <button data-testid="library-close" on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}
