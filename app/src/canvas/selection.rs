//! The outline of the selected components, containers and links, drawn on the top layer.
//!
//! The selected shapes themselves are not restyled: a wider, coloured stroke on
//! one box made the browser walk and repaint the whole layer of boxes (or of
//! frames and links) at each press, 30 to 60 ms at 5,000 components, where a
//! path on the top layer, which holds a few shapes, costs under a millisecond.
//! The path stays, empty while nothing is selected, as the guides do there.

use std::fmt::Write;

use cloudwright_core::{Component, Container, ItemRef, Rect};
use leptos::prelude::*;

use crate::editor::use_editor;

/// The corner radius of a component's box and of a frame (see node.rs and frame.rs).
const BOX_CORNER: f64 = 8.0;
const FRAME_CORNER: f64 = 6.0;

/// One path around every selected component and container that is drawn,
/// and along every selected link.
#[component]
pub fn SelectionOutline() -> impl IntoView {
    let editor = use_editor();
    // Components and links are read through their own signals: a drag re-runs
    // this for what it moves, an edit elsewhere does not. Containers are few
    // and are read from the design.
    let outline = Memo::new(move |_| {
        editor.selection.with(|selection| {
            let mut d = String::new();
            for item in selection {
                let drawn = match item {
                    ItemRef::Component(id) if !editor.is_hidden(id) => {
                        editor.component_part(id).with(|c| c.as_ref().map(|c| (Component::rect(c), BOX_CORNER)))
                    }
                    ItemRef::Container(id) => editor.design.with(|d| {
                        d.container(id)
                            .filter(|g| !d.is_hidden(g.parent.as_ref()))
                            .map(|g| (Container::drawn_rect(g), FRAME_CORNER))
                    }),
                    ItemRef::Link(id) => {
                        if let Some(((x1, y1), (x2, y2))) = super::link::line(editor, id) {
                            let _ = write!(d, "M{x1} {y1}L{x2} {y2}");
                        }
                        None
                    }
                    ItemRef::Component(_) => None,
                };
                if let Some((rect, corner)) = drawn {
                    rounded(&mut d, rect, corner);
                }
            }
            d
        })
    });
    view! { <path class="selection-outline" data-testid="selection-outline" d=move || outline.get() /> }
}

/// Appends a rectangle with rounded corners of radius `k` to path data `d`.
fn rounded(d: &mut String, r: Rect, k: f64) {
    let k = k.min(r.w / 2.0).min(r.h / 2.0).max(0.0);
    let (w, h) = (r.w - 2.0 * k, r.h - 2.0 * k);
    let _ = write!(
        d,
        "M{},{}h{w}a{k},{k} 0 0 1 {k},{k}v{h}a{k},{k} 0 0 1 -{k},{k}h-{w}a{k},{k} 0 0 1 -{k},-{k}v-{h}a{k},{k} 0 0 1 {k},-{k}z",
        r.x + k,
        r.y,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rounded_rectangle_closes_where_it_starts() {
        let mut d = String::new();
        rounded(&mut d, Rect::new(10.0, 20.0, 160.0, 60.0), 8.0);
        assert_eq!(d, "M18,20h144a8,8 0 0 1 8,8v44a8,8 0 0 1 -8,8h-144a8,8 0 0 1 -8,-8v-44a8,8 0 0 1 8,-8z");
        // Sides add up: 8 + 144 + 8 across, 8 + 44 + 8 down.
        let mut flat = String::new();
        rounded(&mut flat, Rect::new(0.0, 0.0, 10.0, 4.0), 8.0);
        assert_eq!(flat, "M2,0h6a2,2 0 0 1 2,2v0a2,2 0 0 1 -2,2h-6a2,2 0 0 1 -2,-2v-0a2,2 0 0 1 2,-2z");
    }
}
