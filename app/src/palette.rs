//! The palette: every catalog kind, grouped by category, with search. Drag a
//! kind onto the canvas, click it, or press Enter in the search box to add it.

use cloudwright_core::{Catalog, KindSpec};
use leptos::prelude::*;

use crate::editor::use_editor;

/// The data-transfer type of a kind dragged from the palette.
pub const DRAG_TYPE: &str = "application/x-cloudwright-kind";

/// The palette sidebar.
#[component]
pub fn Palette() -> impl IntoView {
    let editor = use_editor();
    let catalog = Catalog::builtin();
    let query = RwSignal::new(String::new());
    let matches =
        Memo::new(move |_| query.with(|q| catalog.search(q).into_iter().map(|k| k.kind.clone()).collect::<Vec<_>>()));
    let add = move |kind: &str| editor.add_component_at_centre(kind);
    let item = move |k: &'static KindSpec| {
        let kind = k.kind.clone();
        let color = catalog.color_of(&k.kind);
        let drag_kind = kind.clone();
        view! {
            <li
                class="palette-item"
                data-testid=format!("palette-item-{}", k.kind)
                draggable="true"
                title=k.description.clone()
                on:dragstart=move |ev: web_sys::DragEvent| {
                    if let Some(dt) = ev.data_transfer() {
                        let _ = dt.set_data(DRAG_TYPE, &drag_kind);
                        dt.set_effect_allowed("copy");
                    }
                }
                on:click=move |_| add(&kind)
            >
                <span class="palette-glyph" style:background=color>{k.glyph.clone()}</span>
                <span class="palette-name">{k.name.clone()}</span>
            </li>
        }
    };
    view! {
        <aside class="palette" data-testid="palette">
            <input
                class="palette-search"
                data-testid="palette-search"
                type="search"
                placeholder="Search components (queue, k8s, cdn…)"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        if let Some(first) = matches.with_untracked(|m| m.first().cloned()) {
                            add(&first);
                        }
                    }
                }
            />
            <div class="palette-list">
                {move || {
                    let shown = matches.get();
                    if shown.is_empty() {
                        return view! { <p class="palette-empty">"Nothing matches."</p> }.into_any();
                    }
                    let searching = !query.with(String::is_empty);
                    let groups = catalog.categories.iter().filter_map(|cat| {
                        let kinds: Vec<&'static KindSpec> = shown
                            .iter()
                            .filter_map(|k| catalog.kind(k))
                            .filter(|k| k.category == cat.key)
                            .collect();
                        if kinds.is_empty() {
                            return None;
                        }
                        Some(view! {
                            <section class="palette-group">
                                <h3 style:color=cat.color.clone()>{cat.name.clone()}</h3>
                                <ul>{kinds.into_iter().map(item).collect_view()}</ul>
                            </section>
                        })
                    });
                    if searching {
                        // Best matches first, as the search ranks them.
                        view! { <ul class="palette-results">{shown.iter().filter_map(|k| catalog.kind(k)).map(item).collect_view()}</ul> }.into_any()
                    } else {
                        groups.collect_view().into_any()
                    }
                }}
            </div>
        </aside>
    }
}
