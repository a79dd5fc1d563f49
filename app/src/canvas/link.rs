//! One link: an arrow between the edges of two component boxes.

use cloudwright_core::{LinkId, LinkMode};
use leptos::prelude::*;

use crate::editor::use_editor;

/// Where a link is drawn, in design coordinates.
#[derive(Clone, Debug, PartialEq)]
struct Geometry {
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
    dashed: bool,
    caption: String,
}

/// A link arrow; re-renders when the link or either end moves.
#[component]
pub fn LinkView(
    /// The link to draw.
    id: LinkId,
) -> impl IntoView {
    let editor = use_editor();
    let geometry = {
        let id = id.clone();
        Memo::new(move |_| {
            editor.with_link_ends(&id, |link, from, to| {
                let (from, to) = (from.rect(), to.rect());
                let a = from.boundary_towards(to.center());
                let b = to.boundary_towards(from.center());
                let caption = match (link.protocol.as_str(), link.port) {
                    ("", _) => link.label.clone(),
                    (p, Some(port)) => format!("{p} :{port}"),
                    (p, None) => p.to_owned(),
                };
                Geometry { x1: a.x, y1: a.y, x2: b.x, y2: b.y, dashed: link.mode == LinkMode::Async, caption }
            })
        })
    };
    let g = move |f: fn(&Geometry) -> f64| geometry.with(|g| g.as_ref().map_or(0.0, f));

    view! {
        <g class="link" class:async=move || geometry.with(|g| g.as_ref().is_some_and(|g| g.dashed)) data-testid=format!("link-{id}")>
            <line
                x1=move || g(|g| g.x1)
                y1=move || g(|g| g.y1)
                x2=move || g(|g| g.x2)
                y2=move || g(|g| g.y2)
                marker-end="url(#arrow)"
            />
            <text class="link-caption" x=move || (g(|g| g.x1) + g(|g| g.x2)) / 2.0 y=move || (g(|g| g.y1) + g(|g| g.y2)) / 2.0 - 6.0>
                {move || geometry.with(|g| g.as_ref().map(|g| g.caption.clone()).unwrap_or_default())}
            </text>
        </g>
    }
}
