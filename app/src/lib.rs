//! Cloudwright in the browser. A thin Leptos layer over `cloudwright-core`:
//! the document lives in one store ([`editor::Editor`]), derived figures are
//! memos over core functions, and views only render.
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod canvas;
pub mod editor;
mod inspector;
mod palette;
mod shortcuts;
mod status;
mod toolbar;

use cloudwright_core::examples::{default_design, example};
use leptos::prelude::*;

use canvas::Canvas;
use editor::Editor;
use inspector::Inspector;
use palette::Palette;
use shortcuts::ShortcutSheet;
use status::StatusBar;
use toolbar::Toolbar;

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

    let sheet = RwSignal::new(false);
    shortcuts::install(editor, sheet);

    Effect::new(move |_| {
        let name = editor.design.with(|d| d.name.clone());
        document().set_title(&format!("{name} — Cloudwright"));
    });

    view! {
        <div class="app" data-testid="app">
            <Toolbar sheet />
            <div class="workbench">
                <Palette />
                <main class="workspace">
                    <Canvas />
                </main>
                <Inspector />
            </div>
            <StatusBar />
            <ShortcutSheet open=sheet />
        </div>
    }
}
