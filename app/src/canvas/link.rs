//! One link: an arrow between the edges of two component boxes.

use cloudwright_core::{ItemRef, Link, LinkId, LinkMode};
use leptos::prelude::*;

use crate::editor::{use_editor, Editor};

/// Where a link is drawn, in design coordinates.
#[derive(Clone, Debug, PartialEq)]
struct Geometry {
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
    dashed: bool,
    caption: String,
    /// An end is inside a collapsed container.
    hidden: bool,
}

/// A link arrow; re-renders when the link or either end moves.
#[component]
pub fn LinkView(
    /// The link to draw.
    id: LinkId,
    /// Set while a drag draws this link on the layer above: it is hidden here meanwhile.
    #[prop(optional)]
    lifted: Option<ArcRwSignal<bool>>,
) -> impl IntoView {
    let editor = use_editor();
    let geometry = {
        let id = id.clone();
        Memo::new(move |_| geometry(editor, &id))
    };
    let selected = {
        let item = ItemRef::Link(id.clone());
        Memo::new(move |_| editor.is_selected(&item))
    };
    // One attribute per change where there could be several: a drag moves
    // the links of what it moves, and a design opens with hundreds of them.
    let class = move || {
        let (dashed, out_of_sight) = geometry.with(|g| g.as_ref().map_or((false, false), |g| (g.dashed, g.hidden)));
        // Out of sight in a collapsed container, or drawn on the layer above for a drag.
        let hidden = out_of_sight || lifted.as_ref().is_some_and(|l| l.get());
        let mut class = String::from("link");
        for (on, name) in [(dashed, " async"), (selected.get(), " selected"), (hidden, " hidden")] {
            if on {
                class.push_str(name);
            }
        }
        class
    };
    let path = move || {
        geometry.with(|g| g.as_ref().map_or_else(String::new, |g| format!("M{} {} L{} {}", g.x1, g.y1, g.x2, g.y2)))
    };
    // Most links have no caption: those draw no text at all.
    let caption = move || {
        geometry.with(|g| {
            let g = g.as_ref().filter(|g| !g.caption.is_empty())?;
            let (x, y) = ((g.x1 + g.x2) / 2.0, (g.y1 + g.y2) / 2.0 - 6.0);
            let text = g.caption.clone();
            Some(view! { <text class="link-caption" x=x y=y>{text}</text> })
        })
    };
    view! {
        <g class=class data-testid=format!("link-{id}") data-hit=format!("l:{id}")>
            // A press near the line (not only on it) selects it too: see `gesture::link_near`.
            <path class="link-line" data-testid=format!("link-line-{id}") d=path marker-end="url(#arrow)" />
            {caption}
        </g>
    }
}

/// Where link `id` is drawn, tracking the link and its two ends.
fn geometry(editor: Editor, id: &LinkId) -> Option<Geometry> {
    editor.with_link_ends(id, |link, from, to| {
        // An end hidden in a collapsed container is drawn at that container's
        // header; a link with both ends in the same one is hidden with them.
        let (from_in, to_in) = (editor.stand_in(&from.id), editor.stand_in(&to.id));
        let hidden = from_in.as_ref().is_some_and(|f| to_in.as_ref().is_some_and(|t| f.container == t.container));
        let from = from_in.map_or_else(|| from.rect(), |s| s.rect);
        let to = to_in.map_or_else(|| to.rect(), |s| s.rect);
        let (a, b) = from.line_to(&to);
        Geometry {
            x1: a.x,
            y1: a.y,
            x2: b.x,
            y2: b.y,
            dashed: link.mode == LinkMode::Async,
            caption: caption(link),
            hidden,
        }
    })
}

/// The text drawn at a link's middle: its protocol and port, else its label.
pub(super) fn caption(link: &Link) -> String {
    match (link.protocol.as_str(), link.port) {
        ("", _) => link.label.clone(),
        (p, Some(port)) => format!("{p} :{port}"),
        (p, None) => p.to_owned(),
    }
}

/// Handles on both ends of the one selected link, drawn above the components
/// so they can be grabbed (on the top layer, which holds a few shapes: see
/// selection.rs): drag one onto another component to re-route that end.
#[component]
pub fn SelectedLinkEnds() -> impl IntoView {
    let editor = use_editor();
    let link = Memo::new(move |_| {
        editor.selection.with(|s| match s.as_slice() {
            [ItemRef::Link(id)] => Some(id.clone()),
            _ => None,
        })
    });
    move || {
        let id = link.get()?;
        let geometry = {
            let id = id.clone();
            Memo::new(move |_| geometry(editor, &id))
        };
        let g = move |f: fn(&Geometry) -> f64| geometry.with(|g| g.as_ref().map_or(0.0, f));
        Some(view! {
            <g class="link-ends" class:hidden=move || geometry.with(|g| g.as_ref().is_none_or(|g| g.hidden))>
                <circle class="link-end" data-testid=format!("link-from-{id}") data-hit=format!("f:{id}") cx=move || g(|g| g.x1) cy=move || g(|g| g.y1) r="6">
                    <title>"Drag to another component to move this end"</title>
                </circle>
                <circle class="link-end" data-testid=format!("link-to-{id}") data-hit=format!("e:{id}") cx=move || g(|g| g.x2) cy=move || g(|g| g.y2) r="6">
                    <title>"Drag to another component to move this end"</title>
                </circle>
            </g>
        })
    }
}
