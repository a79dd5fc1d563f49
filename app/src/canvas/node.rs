//! One component on the canvas: a labelled box with its category colour and glyph.

use cloudwright_core::exports::{shorten, xml_text};
use cloudwright_core::{Catalog, ComponentId, ComponentKind, ItemRef, COMPONENT_SIZE};
use leptos::prelude::*;

use crate::editor::use_editor;

/// Longest label and kind name drawn in full on the box (they fit its width at
/// their font sizes); the full text is in the tooltip.
const LABEL_CHARS: usize = 16;
const KIND_CHARS: usize = 21;
/// Width of the coloured band holding the glyph.
const BAND: f64 = 40.0;
/// The band's outline (one element, where two rectangles would draw it), for
/// a box of 60 units high with 8-unit corners.
const BAND_PATH: &str = "M8,0 H40 V60 H8 A8,8 0 0 1 0,52 V8 A8,8 0 0 1 8,0 Z";
/// Side of the AWS icon in the band, and its left edge.
const ICON: f64 = 28.0;
const ICON_AT: f64 = 5.0;

/// How a kind is drawn: its name, category colour, and icon or glyph.
#[derive(Clone, Debug, PartialEq)]
struct Looks {
    name: String,
    color: String,
    /// The official AWS icon when there is one (a separate file, fetched
    /// after the design is drawn), else the glyph is drawn.
    icon: Option<String>,
    glyph: String,
}

impl Looks {
    fn of(kind: &str) -> Self {
        let catalog = Catalog::builtin();
        let spec = catalog.kind(kind);
        Looks {
            name: spec.map_or_else(|| format!("Unknown: {kind}"), |k| k.name.clone()),
            color: catalog.color_of(kind).to_owned(),
            icon: spec.and_then(|k| k.aws_icon.as_ref().map(|_| format!("/icons/{}.svg", k.icon))),
            glyph: spec.map_or_else(|| "?".to_owned(), |k| k.glyph.clone()),
        }
    }
}

/// A component box. Re-renders only when this component (or its selection)
/// changes. The canvas keys nodes by id and kind, so a kind change (another
/// design reusing the id) draws a new node: the kind's looks are fixed here.
#[component]
pub fn Node(
    /// The component to draw.
    id: ComponentId,
    /// Its kind.
    kind: ComponentKind,
    /// Drawn in full: near the view and not zoomed far out (see `mark_near` in
    /// canvas.rs). Else the box has no text, icon or handle.
    full: ArcRwSignal<bool>,
) -> impl IntoView {
    let editor = use_editor();
    let component = editor.component_part(&id);
    let selected = {
        let item = ItemRef::Component(id.clone());
        Memo::new(move |_| editor.is_selected(&item))
    };
    let looks = Looks::of(kind.as_str());
    // Memos: a move re-runs them, but they wake their text only when the label or parent changed.
    let label = Memo::new(move |_| component.with(|c| c.as_ref().map(|c| c.label.clone()).unwrap_or_default()));
    let parent = Memo::new(move |_| {
        component.with(|c| c.as_ref().and_then(|c| c.parent.as_ref()).map(ToString::to_string).unwrap_or_default())
    });
    let transform = move || {
        component
            .with(|c| c.as_ref().map_or_else(String::new, |c| format!("translate({} {})", c.position.x, c.position.y)))
    };
    let id_text = id.to_string();
    let hidden = {
        let id = id.clone();
        move || editor.is_hidden(&id)
    };
    // The box's inside is one piece of markup: the parser builds its nine
    // elements faster than nine element-by-element calls from wasm, and only
    // the label (rare) or a change of `full` redraws it; a move changes the
    // group's transform. Far from the view or zoomed far out it is three
    // elements: a design that opens fitted far out (hundreds of components) is
    // built and laid out without thousands of texts no one could read, and a
    // zoom lays out only the text of the boxes near the view.
    let inside = move || inside(&id_text, &looks, &label.get(), !full.get());
    view! {
        <g
            class="node"
            class:selected=move || selected.get()
            class:hidden=hidden
            data-testid=format!("node-{id}")
            data-hit=format!("c:{id}")
            data-parent=move || parent.get()
            transform=transform
            inner_html=inside
        />
    }
}

/// The markup inside a component's group: tooltip, box, band, icon or glyph,
/// label, kind name and link handle; when `far` (from the view, or zoomed far
/// out), the tooltip, box and band only.
/// Every text from the design is escaped.
fn inside(id: &str, looks: &Looks, label: &str, far: bool) -> String {
    let (w, h) = (COMPONENT_SIZE.w, COMPONENT_SIZE.h);
    let name = xml_text(&looks.name);
    let id = xml_text(id);
    let shape = format!(
        concat!(
            r#"<title>{label}: {name}</title>"#,
            r#"<rect class="node-box" data-testid="node-box-{id}" width="{w}" height="{h}" rx="8"/>"#,
            r#"<path class="node-band" d="{band}" fill="{color}"/>"#,
        ),
        label = xml_text(label),
        name = name,
        id = id,
        w = w,
        h = h,
        band = BAND_PATH,
        color = xml_text(&looks.color),
    );
    if far {
        return shape;
    }
    let emblem = match &looks.icon {
        Some(href) => format!(
            r#"<rect class="node-icon-back" x="{}" y="{}" width="{}" height="{}" rx="4"/><image class="node-icon" href="{}" x="{ICON_AT}" y="{}" width="{ICON}" height="{ICON}"/>"#,
            ICON_AT - 1.0,
            h / 2.0 - ICON / 2.0 - 1.0,
            ICON + 2.0,
            ICON + 2.0,
            xml_text(href),
            h / 2.0 - ICON / 2.0,
        ),
        None => format!(
            r#"<text class="node-glyph" x="{}" y="{}">{}</text>"#,
            BAND / 2.0,
            h / 2.0 + 4.0,
            xml_text(&looks.glyph)
        ),
    };
    format!(
        concat!(
            "{shape}{emblem}",
            r#"<text class="node-label" data-testid="node-label-{id}" x="{tx}" y="26">{short}</text>"#,
            r#"<text class="node-kind" x="{tx}" y="44">{kind}</text>"#,
            r#"<circle class="node-handle" data-testid="handle-{id}" data-hit="h:{id}" cx="{w}" cy="{cy}" r="6"><title>Drag to another component to connect</title></circle>"#,
        ),
        shape = shape,
        emblem = emblem,
        id = id,
        w = w,
        tx = BAND + 9.0,
        short = xml_text(&shorten(label, LABEL_CHARS)),
        kind = xml_text(&shorten(&looks.name, KIND_CHARS)),
        cy = h / 2.0,
    )
}
