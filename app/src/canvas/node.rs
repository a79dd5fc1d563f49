//! One component on the canvas: a labelled box with its category colour and glyph.

use cloudwright_core::{Catalog, ComponentId, ItemRef, COMPONENT_SIZE};
use leptos::prelude::*;

use crate::editor::use_editor;

/// Longest label and kind name drawn in full on the box (they fit its width at
/// their font sizes); the full text is in the tooltip.
const LABEL_CHARS: usize = 16;
const KIND_CHARS: usize = 21;
/// Width of the coloured band holding the glyph.
const BAND: f64 = 40.0;
/// Side of the AWS icon in the band, and its left edge.
const ICON: f64 = 28.0;
const ICON_AT: f64 = 5.0;

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// A component box. Re-renders only when this component (or its selection) changes.
#[component]
pub fn Node(
    /// The component to draw.
    id: ComponentId,
) -> impl IntoView {
    let editor = use_editor();
    let component = editor.component_part(&id);
    let selected = {
        let item = ItemRef::Component(id.clone());
        Memo::new(move |_| editor.selection.with(|s| s.contains(&item)))
    };
    let catalog = Catalog::builtin();
    let kind = move || component.with(|c| c.as_ref().and_then(|c| catalog.kind(c.kind.as_str())));
    let color = move || {
        kind().and_then(|k| catalog.category(k.category)).map_or_else(|| "#8a8f98".to_owned(), |c| c.color.clone())
    };
    let glyph = move || kind().map_or_else(|| "?".to_owned(), |k| k.glyph.clone());
    // The official AWS icon when there is one (a separate file, fetched after
    // the design is drawn), else the glyph.
    let icon = move || kind().and_then(|k| k.aws_icon.as_ref().map(|_| format!("/icons/{}.svg", k.icon)));
    let kind_name = move || {
        component.with(|c| match c {
            Some(c) => catalog.kind(c.kind.as_str()).map_or_else(|| format!("Unknown: {}", c.kind), |k| k.name.clone()),
            None => String::new(),
        })
    };
    let label = move || component.with(|c| c.as_ref().map(|c| c.label.clone()).unwrap_or_default());
    let transform = move || {
        component
            .with(|c| c.as_ref().map_or_else(String::new, |c| format!("translate({} {})", c.position.x, c.position.y)))
    };
    let (w, h) = (COMPONENT_SIZE.w, COMPONENT_SIZE.h);
    let hidden = {
        let id = id.clone();
        move || editor.is_hidden(&id)
    };

    view! {
        <g
            class="node"
            class:selected=move || selected.get()
            class:hidden=hidden
            data-testid=format!("node-{id}")
            data-hit=format!("c:{id}")
            data-parent=move || component.with(|c| c.as_ref().and_then(|c| c.parent.as_ref()).map(ToString::to_string).unwrap_or_default())
            transform=transform
        >
            <title>{move || format!("{}: {}", label(), kind_name())}</title>
            <rect class="node-box" data-testid=format!("node-box-{id}") width=w height=h rx="8" />
            <rect class="node-band" width=BAND height=h rx="8" fill=color />
            <rect class="node-band" x=BAND - 8.0 width="8" height=h fill=color />
            {move || match icon() {
                Some(href) => view! {
                    <rect class="node-icon-back" x=ICON_AT - 1.0 y=h / 2.0 - ICON / 2.0 - 1.0 width=ICON + 2.0 height=ICON + 2.0 rx="4" />
                    <image class="node-icon" href=href x=ICON_AT y=h / 2.0 - ICON / 2.0 width=ICON height=ICON />
                }
                .into_any(),
                None => view! { <text class="node-glyph" x=BAND / 2.0 y=h / 2.0 + 4.0>{glyph}</text> }.into_any(),
            }}
            <text class="node-label" data-testid=format!("node-label-{id}") x=BAND + 9.0 y="26">
                {move || shorten(&label(), LABEL_CHARS)}
            </text>
            <text class="node-kind" x=BAND + 9.0 y="44">{move || shorten(&kind_name(), KIND_CHARS)}</text>
            <circle class="node-handle" data-testid=format!("handle-{id}") data-hit=format!("h:{id}") cx=w cy=h / 2.0 r="6">
                <title>"Drag to another component to connect"</title>
            </circle>
        </g>
    }
}
