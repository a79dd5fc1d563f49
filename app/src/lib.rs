//! Cloudwright in the browser. A thin Leptos layer over `cloudwright-core`:
//! the document lives in one store ([`editor::Editor`]), derived figures are
//! memos over core functions, and views only render.
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod canvas;
pub mod editor;
mod status;
mod toolbar;

use cloudwright_core::examples::{default_design, example};
use leptos::ev;
use leptos::prelude::*;

use canvas::Canvas;
use editor::Editor;
use status::StatusBar;
use toolbar::Toolbar;

/// Whether a key press belongs to a text field rather than to the editor.
fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable())
}

/// The design to open with: `?example=<key>` in the address names an example;
/// otherwise the default design.
fn initial_design() -> cloudwright_core::Design {
    let search = window().location().search().unwrap_or_default();
    let key =
        search.trim_start_matches('?').split('&').find_map(|pair| pair.strip_prefix("example=")).unwrap_or_default();
    example(key).map_or_else(default_design, |e| e.design())
}

/// The whole app: toolbar, canvas and status bar over one editor.
#[component]
pub fn App() -> impl IntoView {
    let editor = Editor::new(initial_design());
    provide_context(editor);

    let keys = window_event_listener(ev::keydown, move |ev| {
        if typing_in_a_field(&ev) || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => editor.redo(),
            "z" => editor.undo(),
            "y" => editor.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    Effect::new(move |_| {
        let name = editor.design.with(|d| d.name.clone());
        document().set_title(&format!("{name} — Cloudwright"));
    });

    view! {
        <div class="app" data-testid="app">
            <Toolbar />
            <main class="workspace">
                <Canvas />
            </main>
            <StatusBar />
        </div>
    }
}
