//! One component on the canvas: a labelled box with its category colour and glyph.

use cloudwright_core::exports::{shorten, xml_text};
use cloudwright_core::{Catalog, ComponentId, ComponentKind, ItemRef, Point, COMPONENT_SIZE};
use leptos::prelude::*;

use crate::editor::use_editor;

/// Longest label and kind name drawn in full on the box (they fit its width at
/// their font sizes); the full text is in the tooltip.
const LABEL_CHARS: usize = 16;
const KIND_CHARS: usize = 21;
/// Width of the coloured band holding the glyph.
const BAND: f64 = 40.0;
/// The band's outline after its start, 8 units right of the box's corner (one
/// element, where two rectangles would draw it), for a box of 60 units high
/// with 8-unit corners.
const BAND_PATH: &str = "h32 v60 h-32 a8,8 0 0 1 -8,-8 v-44 a8,8 0 0 1 8,-8 z";
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
    /// A drag moves it, or moved it a moment ago: when the canvas puts it down
    /// (see `Lift` in canvas.rs) its shapes are drawn where it landed (see `drawn_at` below).
    moving: ArcRwSignal<bool>,
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
    // The box's shapes are drawn at coordinates, not moved by a transform of
    // their own: a transform per box made the browser sort thousands of them
    // into layers again at each step of a drag (7 to 17 ms a step at 5,000
    // components), where plain coordinates cost nothing until they change.
    // They are drawn where the box is whenever its markup is built anyway (it
    // appears, its label changes, it comes near the view or leaves it) and
    // shortly after the drop of a drag that moved it. Any other move, each
    // step of a drag included, is a transform from there: one attribute,
    // where redrawing the markup of every box a tidy-up moves took twice as
    // long as the old transforms at 5,000 components.
    let position = move || component.with(|c| c.as_ref().map(|c| c.position).unwrap_or_default());
    // Where the box is as it first appears, so that its first transform is none.
    let drawn_at = RwSignal::new(untrack(position));
    // Counts the put-downs: it changes when a drag lets the box go, not when one takes it.
    let drops = Memo::new(move |n: Option<&u32>| {
        let n = n.copied().unwrap_or(0);
        if moving.get() {
            n
        } else {
            n.wrapping_add(1)
        }
    });
    let transform = move || {
        let (p, at) = (position(), drawn_at.get());
        (p != at).then(|| format!("translate({} {})", p.x - at.x, p.y - at.y))
    };
    let id_text = id.to_string();
    let hidden = {
        let id = id.clone();
        move || editor.is_hidden(&id)
    };
    // The box's inside is one piece of markup: the parser builds its nine
    // elements faster than nine element-by-element calls from wasm, and only
    // the label (rare), a change of `full` or a drag's put-down redraws it; a
    // move changes the group's transform. Far from the view or zoomed far out it is three
    // elements: a design that opens fitted far out (hundreds of components) is
    // built and laid out without thousands of texts no one could read, and a
    // zoom lays out only the text of the boxes near the view.
    let inside = move || {
        // Read, not only tracked: a memo that was never read counts as changed
        // when first checked, which redrew every box at its first move.
        let (label, far, _) = (label.get(), !full.get(), drops.get());
        let at = untrack(position);
        if drawn_at.get_untracked() != at {
            drawn_at.set(at);
        }
        inside(&id_text, &looks, &label, at, far)
    };
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

/// The markup inside a component's group, for a box whose top-left corner is
/// `at`: tooltip, box, band, icon or glyph, label, kind name and link handle;
/// when `far` (from the view, or zoomed far out), the tooltip, box and band only.
/// Every text from the design is escaped.
fn inside(id: &str, looks: &Looks, label: &str, at: Point, far: bool) -> String {
    let (w, h) = (COMPONENT_SIZE.w, COMPONENT_SIZE.h);
    let Point { x, y } = at;
    let name = xml_text(&looks.name);
    let id = xml_text(id);
    let shape = format!(
        concat!(
            r#"<title>{label}: {name}</title>"#,
            r#"<rect class="node-box" data-testid="node-box-{id}" x="{x}" y="{y}" width="{w}" height="{h}" rx="8"/>"#,
            r#"<path class="node-band" d="M{band_x},{y} {band}" fill="{color}"/>"#,
        ),
        label = xml_text(label),
        name = name,
        id = id,
        x = x,
        y = y,
        w = w,
        h = h,
        band_x = x + 8.0,
        band = BAND_PATH,
        color = xml_text(&looks.color),
    );
    if far {
        return shape;
    }
    let emblem = match &looks.icon {
        Some(href) => format!(
            r#"<rect class="node-icon-back" x="{}" y="{}" width="{}" height="{}" rx="4"/><image class="node-icon" href="{}" x="{}" y="{}" width="{ICON}" height="{ICON}"/>"#,
            x + ICON_AT - 1.0,
            y + h / 2.0 - ICON / 2.0 - 1.0,
            ICON + 2.0,
            ICON + 2.0,
            xml_text(href),
            x + ICON_AT,
            y + h / 2.0 - ICON / 2.0,
        ),
        None => format!(
            r#"<text class="node-glyph" x="{}" y="{}">{}</text>"#,
            x + BAND / 2.0,
            y + h / 2.0 + 4.0,
            xml_text(&looks.glyph)
        ),
    };
    format!(
        concat!(
            "{shape}{emblem}",
            r#"<text class="node-label" data-testid="node-label-{id}" x="{tx}" y="{label_y}">{short}</text>"#,
            r#"<text class="node-kind" x="{tx}" y="{kind_y}">{kind}</text>"#,
            r#"<circle class="node-handle" data-testid="handle-{id}" data-hit="h:{id}" cx="{cx}" cy="{cy}" r="6"><title>Drag to another component to connect</title></circle>"#,
        ),
        shape = shape,
        emblem = emblem,
        id = id,
        tx = x + BAND + 9.0,
        label_y = y + 26.0,
        kind_y = y + 44.0,
        short = xml_text(&shorten(label, LABEL_CHARS)),
        kind = xml_text(&shorten(&looks.name, KIND_CHARS)),
        cx = x + w,
        cy = y + h / 2.0,
    )
}
