//! Cloudwright in the browser. A thin Leptos layer over `cloudwright-core`:
//! the document lives in one store ([`editor::Editor`]), derived figures are
//! memos over core functions (the heavier ones are answers from the analysis
//! worker, see `worker`), and views only render.
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod canvas;
pub mod editor;
mod files;
mod inspector;
mod later;
mod library;
mod palette;
mod persistence;
mod practice;
mod resilience;
mod shortcuts;
mod status;
mod theme;
mod toolbar;
mod worker;

use leptos::prelude::*;

use canvas::Canvas;
use editor::Editor;
use files::FileButtons;
use inspector::Inspector;
use palette::Palette;
use shortcuts::ShortcutSheet;
use status::StatusBar;
use toolbar::Toolbar;

/// The whole app: toolbar, canvas and status bar over one editor.
#[component]
pub fn App() -> impl IntoView {
    let start = persistence::startup();
    let editor = Editor::new(start.design);
    provide_context(editor);
    editor.notice.set(start.notice);
    let banner = RwSignal::new(start.banner);
    if let Some(link) = start.shared {
        persistence::open_shared_link(editor, banner, link);
    }
    persistence::autosave(editor);
    persistence::follow_other_tabs(editor);
    persistence::watch_share_links(editor, banner);
    files::accept_dropped_files(editor);

    // The cost estimate, shared by the status bar and the inspector's panels.
    provide_context(status::Cost(
        editor.settled(|d| cloudwright_core::cost::estimate(d, cloudwright_core::cost::PriceBook::builtin())),
    ));

    provide_context(resilience::Resilience::new(editor));
    provide_context(practice::Practice::new());

    let sheet = RwSignal::new(false);
    shortcuts::install(editor, sheet);

    // A memo, so the title is set when the name changes, not on every edit.
    let name = Memo::new(move |_| editor.design.with(|d| d.name.clone()));
    Effect::new(move |_| document().set_title(&format!("{} — Cloudwright", name.get())));

    view! {
        <div class="app" data-testid="app">
            <Toolbar sheet>
                <FileButtons editor />
            </Toolbar>
            <persistence::Banners banner editor />
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
