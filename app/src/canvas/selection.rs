//! The outline of the selected components, containers and links, drawn on the top layer.
//!
//! The selected shapes themselves are not restyled: a wider, coloured stroke on
//! one box made the browser walk and repaint the whole layer of boxes (or of
//! frames and links) at each press, 30 to 60 ms at 5,000 components, where a
//! path on the top layer, which holds a few shapes, costs under a millisecond.
//! The path stays, empty while nothing is selected, as the guides do there.

use std::collections::HashSet;
use std::fmt::Write;

use cloudwright_core::{Design, ItemRef, Rect};
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
    // One pass over the design, with the selection in sets: reading each
    // selected item's own signals instead made this memo depend on two or
    // three signals per item, and with 5,000 items selected, re-subscribing
    // to all of them at each step of a drag cost more than the pass.
    let outline = Memo::new(move |_| {
        editor.selection.with(|selection| {
            if selection.is_empty() {
                String::new()
            } else {
                editor.design.with(|d| outline(d, selection))
            }
        })
    });
    view! { <path class="selection-outline" data-testid="selection-outline" d=move || outline.get() /> }
}

/// The outline of `selection` in `design`, as path data: a rounded rectangle
/// around each component and container that is drawn (a collapsed container
/// by its header), and each link's line as the canvas draws it.
fn outline(design: &Design, selection: &[ItemRef]) -> String {
    let (mut components, mut containers, mut links) = (HashSet::new(), HashSet::new(), HashSet::new());
    for item in selection {
        match item {
            ItemRef::Component(id) => components.insert(id),
            ItemRef::Container(id) => containers.insert(id),
            ItemRef::Link(id) => links.insert(id),
        };
    }
    let shown = design.shows();
    let mut d = String::new();
    if !components.is_empty() {
        for c in design.components.iter().filter(|c| components.contains(&c.id) && shown(c.parent.as_ref())) {
            rounded(&mut d, c.rect(), BOX_CORNER);
        }
    }
    for g in design.containers.iter().filter(|g| containers.contains(&g.id) && shown(g.parent.as_ref())) {
        rounded(&mut d, g.drawn_rect(), FRAME_CORNER);
    }
    if !links.is_empty() {
        // As the canvas draws them: an end in a collapsed container at its header.
        let boxes = design.drawn_boxes();
        for (p, q) in design.links.iter().filter(|l| links.contains(&l.id)).filter_map(|l| l.drawn_line(&boxes)) {
            let _ = write!(d, "M{} {}L{} {}", p.x, p.y, q.x, q.y);
        }
    }
    d
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

    #[test]
    fn the_outline_leaves_out_what_a_collapsed_container_hides() {
        let mut design = cloudwright_core::examples::default_design();
        let c3 = ItemRef::Component("c3".into());
        let l2 = ItemRef::Link("l2".into());
        let g4 = ItemRef::Container("g4".into());
        let open = outline(&design, &[c3.clone(), l2.clone(), g4.clone()]);
        assert_eq!(open.matches('M').count(), 3, "a box, a line and a frame: {open}");
        // Collapse the subnet holding c3: c3 is hidden, the link ends at the
        // subnet's header, and the subnet is outlined by its header.
        design.containers.iter_mut().find(|g| g.id.as_str() == "g4").unwrap().collapsed = true;
        let collapsed = outline(&design, &[c3, l2, g4]);
        assert_eq!(collapsed.matches('M').count(), 2, "the line and the header: {collapsed}");
        assert!(collapsed.contains("v14a"), "the header is 26 high, 14 between its corners: {collapsed}");
    }
}
