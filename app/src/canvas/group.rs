//! A drag of many items moves a picture of them, not the items.
//!
//! Each step of a drag moves the dragged items in the design, and every box,
//! frame and link among them redraws: about 120 ms a step with 1,000
//! components selected and 0.6 s with 5,000. From `GROUP_AT` components up,
//! the canvas instead copies what the drag moves (its frames, its links and
//! its boxes, with the selection's outline) into a layer of their own as the
//! drag starts and hides the originals; each step then shifts that layer (one
//! CSS transform, which the compositor applies without drawing anything
//! again) and redraws only the links with one end in the group. The design
//! takes the move once, at the drop, and the picture goes.
//!
//! When the drag moves everything (Select all), nothing is copied: the layers
//! of frames, links and boxes are shifted themselves, with the outline's copy.
//! Copying and hiding 5,000 boxes and their links took longer than a frame.
//!
//! The picture is plain markup the canvas owns: Leptos never sees it, and the
//! originals are hidden by an inline style Leptos never sets on them. Styles
//! are set through the CSSOM (`style.setProperty`), which the site's
//! Content-Security-Policy (`style-src 'self'`) allows; a `style` attribute
//! written as text it blocks.

use std::collections::HashSet;
use std::fmt::Write;

use cloudwright_core::exports::xml_text;
use cloudwright_core::{Command, ComponentId, ContainerId, Design, ItemRef, LinkMode, Point, Rect};
use wasm_bindgen::JsCast;

use super::link::caption;

/// The fewest components a drag moves as a picture.
pub const GROUP_AT: usize = 50;

/// A link with one end in the group: drawn again at each step.
struct Crossing {
    path: web_sys::Element,
    caption: Option<web_sys::Element>,
    /// The boxes at its ends as drawn when the drag started; `from_moves`
    /// says which of the two moves with the group.
    from: Rect,
    to: Rect,
    from_moves: bool,
}

/// A drag in progress that moves a picture (see the module's notes).
pub struct Group {
    /// The layers the drag shifts: the picture's, and when everything moves, the canvas's own.
    layers: Vec<web_sys::Element>,
    /// The picture's group (under the view's transform) and that of the links with one end in it.
    picture: web_sys::Element,
    across: web_sys::Element,
    crossing: Vec<Crossing>,
    /// The originals, hidden meanwhile.
    hidden: Vec<web_sys::Element>,
    /// Where the grabbed item started: a step's move says where it is now.
    start: Point,
    /// How far the picture is shifted, in design units.
    offset: (f64, f64),
    /// The last step's move, for the design at the drop.
    pending: Option<Command>,
}

impl std::fmt::Debug for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Group").field("hidden", &self.hidden.len()).field("crossing", &self.crossing.len()).finish()
    }
}

/// Whether a drag of `items` is large enough to move as a picture.
pub fn wanted(items: &[(ItemRef, Point)]) -> bool {
    items.iter().filter(|(item, _)| matches!(item, ItemRef::Component(_))).take(GROUP_AT).count() >= GROUP_AT
}

/// The elements with a `data-hit`/`data-testid` of `prefix` + an id in `ids`, among `parent`'s children.
fn children_named(parent: &web_sys::Element, attr: &str, prefix: &str, ids: &HashSet<&str>) -> Vec<web_sys::Element> {
    let children = parent.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|el| el.get_attribute(attr).is_some_and(|v| v.strip_prefix(prefix).is_some_and(|id| ids.contains(id))))
        .collect()
}

impl Group {
    /// Copies what a drag of `items` moves into the picture layer and hides
    /// the originals. `None` if the canvas is not as expected (then nothing is
    /// left copied or hidden, and the drag moves the items themselves).
    pub fn lift(canvas: &web_sys::Element, design: &Design, items: &[(ItemRef, Point)]) -> Option<Group> {
        let find = |selector: &str| canvas.query_selector(selector).ok().flatten();
        let (layer, picture, across) =
            (find(".canvas-group")?, find(".canvas-group > g")?, find(".canvas-group-links > g")?);
        let start = items.first()?.1;

        let mut components: HashSet<&ComponentId> = HashSet::new();
        let mut containers: HashSet<&ContainerId> = HashSet::new();
        for (item, _) in items {
            match item {
                ItemRef::Component(id) => components.insert(id),
                ItemRef::Container(id) => containers.insert(id),
                ItemRef::Link(_) => false,
            };
        }
        let mut group = Group {
            layers: vec![layer],
            picture,
            across,
            crossing: Vec::new(),
            hidden: Vec::new(),
            start,
            offset: (0.0, 0.0),
            pending: None,
        };
        let everything = components.len() == design.components.len() && containers.len() == design.containers.len();
        let filled = if everything {
            group.layers.extend([find(".canvas-back"), find(".canvas-nodes")].into_iter().flatten());
            (group.layers.len() == 3).then_some(())
        } else {
            group.copy(&find, design, &components, &containers)
        }
        .and_then(|()| {
            let outline = find(".selection-outline")?;
            let copy = outline.clone_node_with_deep(true).ok()?.dyn_into::<web_sys::Element>().ok()?;
            let _ = copy.remove_attribute("data-testid");
            group.picture.append_child(&copy).ok()?;
            hide(&outline);
            group.hidden.push(outline);
            Some(())
        });
        if filled.is_none() {
            group.put_down();
            return None;
        }
        for layer in &group.layers {
            set_style(layer, "will-change", "transform");
        }
        Some(group)
    }

    /// Copies the frames, links and boxes that move into the picture, draws
    /// the links across its edge apart, and hides the originals.
    fn copy(
        &mut self,
        find: &dyn Fn(&str) -> Option<web_sys::Element>,
        design: &Design,
        components: &HashSet<&ComponentId>,
        containers: &HashSet<&ContainerId>,
    ) -> Option<()> {
        let (frames, links, nodes) =
            (find(".canvas-back .frames")?, find(".canvas-back .links")?, find(".canvas-nodes .nodes")?);
        // A box drawn at a collapsed container's header moves when that container does.
        let boxes = design.drawn_boxes();
        let moves = |id: &ComponentId| match boxes.get(id) {
            Some((_, Some(g))) => containers.contains(g),
            Some((_, None)) => components.contains(id),
            None => false,
        };

        // The links: inside the group (drawn in the picture) or across its edge.
        let (mut inside, mut across, mut ends) = (String::new(), String::new(), Vec::new());
        let mut link_ids: HashSet<&str> = HashSet::new();
        for link in &design.links {
            let (a, b) = (moves(&link.from), moves(&link.to));
            if !a && !b {
                continue;
            }
            link_ids.insert(link.id.as_str());
            let Some((p, q)) = link.drawn_line(&boxes) else { continue };
            let markup = link_markup(&link.mode, &caption(link), p, q);
            if a && b {
                inside.push_str(&markup);
            } else {
                across.push_str(&markup);
                ends.push((boxes.get(&link.from)?.0, boxes.get(&link.to)?.0, a));
            }
        }

        let container_ids: HashSet<&str> = containers.iter().map(|g| g.as_str()).collect();
        let component_ids: HashSet<&str> = components.iter().map(|c| c.as_str()).collect();
        // Bottom to top as the canvas stacks them: frames, links, boxes (the outline goes last).
        let mut hidden = children_named(&frames, "data-testid", "container-", &container_ids);
        for frame in &hidden {
            self.picture.append_child(&frame.clone_node_with_deep(true).ok()?).ok()?;
        }
        self.picture.insert_adjacent_html("beforeend", &inside).ok()?;
        hidden.extend(children_named(&links, "data-hit", "l:", &link_ids));
        for node in children_named(&nodes, "data-hit", "c:", &component_ids) {
            self.picture.append_child(&node.clone_node_with_deep(true).ok()?).ok()?;
            hidden.push(node);
        }
        // The copies are a picture: nothing in it can be hit, found by a test or taken for the original.
        if let Ok(named) = self.picture.query_selector_all("[data-testid],[data-hit]") {
            for el in (0..named.length()).filter_map(|i| named.item(i)?.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.remove_attribute("data-testid");
                let _ = el.remove_attribute("data-hit");
            }
        }
        self.across.insert_adjacent_html("beforeend", &across).ok()?;
        let drawn = self.across.children();
        self.crossing = ends
            .into_iter()
            .enumerate()
            .filter_map(|(i, (from, to, from_moves))| {
                let path = drawn.item(i as u32)?.first_element_child()?;
                let caption = path.next_element_sibling();
                Some(Crossing { path, caption, from, to, from_moves })
            })
            .collect();
        // An inline style, not the `visibility` attribute: restyling 10,000
        // elements for a presentation attribute took 400 ms, this 160 ms.
        for el in &hidden {
            hide(el);
        }
        self.hidden = hidden;
        Some(())
    }

    /// A step of the drag: `command` is the move the design would take now.
    pub fn step(&mut self, command: Command, zoom: f64) {
        let Command::Move { moves } = &command else { return };
        let Some((_, at)) = moves.first() else { return };
        let (dx, dy) = (at.x - self.start.x, at.y - self.start.y);
        self.offset = (dx, dy);
        self.shift(zoom);
        let shifted = |r: Rect| Rect { x: r.x + dx, y: r.y + dy, ..r };
        for c in &self.crossing {
            let (from, to) = if c.from_moves { (shifted(c.from), c.to) } else { (c.from, shifted(c.to)) };
            let (p, q) = from.line_to(&to);
            let _ = c.path.set_attribute("d", &format!("M{} {} L{} {}", p.x, p.y, q.x, q.y));
            if let Some(text) = &c.caption {
                let _ = text.set_attribute("x", &((p.x + q.x) / 2.0).to_string());
                let _ = text.set_attribute("y", &((p.y + q.y) / 2.0 - 6.0).to_string());
            }
        }
        self.pending = Some(command);
    }

    /// Shifts the layers by the picture's offset at `zoom` (again when the view zooms mid-drag).
    pub fn shift(&self, zoom: f64) {
        let (dx, dy) = self.offset;
        let shift = format!("translate({}px, {}px)", dx * zoom, dy * zoom);
        for layer in &self.layers {
            set_style(layer, "transform", &shift);
        }
    }

    /// The move the design is to take at the drop (none if the drag never stepped).
    pub fn take_pending(&mut self) -> Option<Command> {
        self.pending.take()
    }

    /// Removes the picture and shows the originals again.
    pub fn put_down(self) {
        self.picture.set_inner_html("");
        self.across.set_inner_html("");
        for el in self.layers.iter().chain(&self.hidden) {
            for property in ["transform", "will-change", "visibility"] {
                set_style(el, property, "");
            }
            let _ = el.remove_attribute("style");
        }
    }
}

/// Sets one property of `el`'s inline style (an SVG element's, as all here are).
fn set_style(el: &web_sys::Element, property: &str, value: &str) {
    if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = el.style().set_property(property, value);
    }
}

/// Hides an original while its picture moves.
fn hide(el: &web_sys::Element) {
    set_style(el, "visibility", "hidden");
}

/// A link's markup as `LinkView` draws it, from `p` to `q`.
fn link_markup(mode: &LinkMode, caption: &str, p: Point, q: Point) -> String {
    let class = if *mode == LinkMode::Async { "link async" } else { "link" };
    let mut s = format!(
        r#"<g class="{class}"><path class="link-line" d="M{} {} L{} {}" marker-end="url(#arrow)"/>"#,
        p.x, p.y, q.x, q.y
    );
    if !caption.is_empty() {
        let _ = write!(
            s,
            r#"<text class="link-caption" x="{}" y="{}">{}</text>"#,
            (p.x + q.x) / 2.0,
            (p.y + q.y) / 2.0 - 6.0,
            xml_text(caption)
        );
    }
    s.push_str("</g>");
    s
}
