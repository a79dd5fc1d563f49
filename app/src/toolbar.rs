//! The toolbar: the design's name, undo/redo and the view controls.

use cloudwright_core::examples::{example, EXAMPLES};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::editor::use_editor;

/// Buttons for history and zoom.
#[component]
pub fn Toolbar(
    /// Whether the keyboard-shortcut sheet is open.
    sheet: RwSignal<bool>,
    /// Extra tools (files) shown after the design's name.
    children: Children,
) -> impl IntoView {
    let editor = use_editor();
    let zoom_by = move |factor: f64| editor.zoom_by(factor);
    let fit = move |_| editor.fit();
    let open_example = move |ev: web_sys::Event| {
        let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else { return };
        if let Some(ex) = example(&select.value()) {
            editor.open(ex.design(), &format!("Open “{}”", ex.title));
        }
        select.set_value("");
    };
    let undo_title = move || editor.undo_label().map_or("Nothing to undo".to_owned(), |l| format!("Undo {l} (Ctrl+Z)"));
    let redo_title =
        move || editor.redo_label().map_or("Nothing to redo".to_owned(), |l| format!("Redo {l} (Ctrl+Shift+Z)"));

    view! {
        <header class="toolbar">
            <span class="brand">"Cloudwright"</span>
            <span class="design-name" data-testid="design-name">{move || editor.design.with(|d| d.name.clone())}</span>
            {children()}
            <select class="example-picker" data-testid="example-picker" title="Open an example design (undoable)" on:change=open_example>
                <option value="">"Open an example…"</option>
                {EXAMPLES.iter().map(|e| view! { <option value=e.key>{e.title}</option> }).collect_view()}
            </select>
            <div class="tool-group">
                <button data-testid="undo" title=undo_title disabled=move || !editor.can_undo() on:click=move |_| editor.undo()>
                    "Undo"
                </button>
                <button data-testid="redo" title=redo_title disabled=move || !editor.can_redo() on:click=move |_| editor.redo()>
                    "Redo"
                </button>
            </div>
            <button data-testid="auto-layout" title="Arrange the design left to right by tiers (Shift+L)" on:click=move |_| editor.auto_layout()>
                "Tidy up"
            </button>
            <div class="tool-group">
                <button data-testid="zoom-out" title="Zoom out" on:click=move |_| zoom_by(1.0 / 1.25)>"−"</button>
                <span class="zoom" data-testid="zoom">{move || format!("{:.0} %", editor.viewport.with(|v| v.zoom) * 100.0)}</span>
                <button data-testid="zoom-in" title="Zoom in" on:click=move |_| zoom_by(1.25)>"+"</button>
                <button data-testid="zoom-fit" title="Zoom to fit the design (0)" on:click=fit>"Fit"</button>
            </div>
            <crate::theme::ThemeButton />
            <button class="help" data-testid="shortcuts" title="Keyboard shortcuts (?)" on:click=move |_| sheet.update(|s| *s = !*s)>"?"</button>
        </header>
    }
}
