//! Keyboard shortcuts, and the sheet that lists them (press ?).

use leptos::ev;
use leptos::prelude::*;

use crate::editor::{Editor, GRID};

/// Every shortcut, as the sheet shows it.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl/⌘ Z", "Undo"),
    ("Ctrl/⌘ Shift Z, Ctrl Y", "Redo"),
    ("Ctrl/⌘ A", "Select everything"),
    ("Ctrl/⌘ C, X, V", "Copy, cut, paste"),
    ("Ctrl/⌘ D", "Duplicate the selection"),
    ("Delete, Backspace", "Delete the selection"),
    ("Arrows", "Nudge the selection by a grid step (Alt: by one unit); with nothing selected, pan"),
    ("C", "Connect the two selected components"),
    ("Shift + click", "Add to or remove from the selection"),
    ("Drag the background, Space + drag", "Pan"),
    ("Shift + drag the background", "Select everything inside the box"),
    ("Drag a component's ○ handle", "Connect it to the component you drop on"),
    ("Drag a component", "Move it; its corner snaps to the 20-unit grid"),
    ("Shift L", "Auto-layout: arrange the design left to right by tiers"),
    ("Wheel, pinch, + and −", "Zoom"),
    ("0", "Zoom to fit the design"),
    ("Escape", "Cancel a drag, or clear the selection"),
    ("?", "Show or hide this sheet"),
];

/// Where the key press happened, as far as shortcuts care.
enum Focus {
    /// A text box: it owns every key, undo included.
    Text,
    /// A select or checkbox: it owns plain keys (arrows, letters); Ctrl/⌘ ones are ours.
    Control,
    /// A button owns Space and Enter (they press it); every other key is ours,
    /// so clicking a toolbar button does not switch the shortcuts off.
    Button,
    Canvas,
}

fn focus(ev: &web_sys::KeyboardEvent) -> Focus {
    use wasm_bindgen::JsCast;
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return Focus::Canvas };
    if el.is_content_editable() || el.tag_name() == "TEXTAREA" {
        return Focus::Text;
    }
    match el.tag_name().as_str() {
        "INPUT" => {
            let kind = el.get_attribute("type").unwrap_or_default();
            if matches!(kind.as_str(), "checkbox" | "radio" | "button") {
                Focus::Control
            } else {
                Focus::Text
            }
        }
        "SELECT" => Focus::Control,
        "BUTTON" => Focus::Button,
        _ => Focus::Canvas,
    }
}

/// True when a plain key (Space, a letter) is the canvas's, not a focused control's.
pub fn plain_key_is_ours(ev: &web_sys::KeyboardEvent) -> bool {
    match focus(ev) {
        Focus::Canvas => true,
        Focus::Button => !matches!(ev.key().as_str(), " " | "Enter"),
        Focus::Text | Focus::Control => false,
    }
}

/// Installs the editor's keyboard shortcuts on the window for the life of the app.
pub fn install(editor: Editor, sheet: RwSignal<bool>) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        let command = ev.ctrl_key() || ev.meta_key();
        match focus(&ev) {
            Focus::Text => return,
            Focus::Control if !command => return,
            Focus::Button if !command && matches!(ev.key().as_str(), " " | "Enter") => return,
            _ => {}
        }
        let key = ev.key();
        let handled = match (command, key.as_str()) {
            (true, "z" | "Z") if ev.shift_key() => {
                editor.redo();
                true
            }
            (true, "z" | "Z") => {
                editor.undo();
                true
            }
            (true, "y" | "Y") => {
                editor.redo();
                true
            }
            (true, "a" | "A") => {
                editor.select_all();
                true
            }
            (true, "c" | "C") => editor.copy_selection().is_some(),
            (true, "x" | "X") => {
                editor.cut_selection();
                true
            }
            (true, "v" | "V") => {
                editor.paste();
                true
            }
            (true, "d" | "D") => {
                editor.duplicate_selection();
                true
            }
            (false, "Delete" | "Backspace") => {
                editor.delete_selection();
                true
            }
            (false, "L") if ev.shift_key() => {
                editor.auto_layout();
                true
            }
            (false, "c" | "C") => {
                editor.connect_selected();
                true
            }
            (false, "?") => {
                sheet.update(|s| *s = !*s);
                true
            }
            (false, "Escape") if sheet.get_untracked() => {
                sheet.set(false);
                true
            }
            (false, "+" | "=") => {
                editor.zoom_by(1.25);
                true
            }
            (false, "-" | "_") => {
                editor.zoom_by(0.8);
                true
            }
            (false, "0") => {
                editor.fit();
                true
            }
            (false, "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") => {
                let step = if ev.alt_key() { 1.0 } else { GRID };
                let (dx, dy) = match key.as_str() {
                    "ArrowLeft" => (-step, 0.0),
                    "ArrowRight" => (step, 0.0),
                    "ArrowUp" => (0.0, -step),
                    _ => (0.0, step),
                };
                if editor.selection.with_untracked(Vec::is_empty) {
                    editor.viewport.update(|v| *v = v.panned(-dx * 2.0, -dy * 2.0));
                } else {
                    editor.nudge(dx, dy);
                }
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

/// The list of shortcuts, shown over the canvas.
#[component]
pub fn ShortcutSheet(
    /// Whether the sheet is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <Show when=move || open.get()>
            <div class="sheet-backdrop" on:click=move |_| open.set(false)>
                <div class="sheet" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-sheet" on:click=|ev| ev.stop_propagation()>
                    <h2>"Keyboard shortcuts"</h2>
                    <dl>
                        {SHORTCUTS.iter().map(|(k, what)| view! { <dt><kbd>{*k}</kbd></dt><dd>{*what}</dd> }).collect_view()}
                    </dl>
                    <button data-testid="shortcut-sheet-close" on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}
