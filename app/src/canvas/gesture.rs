//! The canvas's pointer interaction as an explicit state machine. `step` is a
//! pure function of the state, the input and the document, so it is tested
//! natively; the canvas view only turns browser events into [`Input`]s and
//! carries out the [`Reaction`]s.

use std::collections::HashSet;

use cloudwright_core::{Command, ComponentId, ContainerId, Design, ItemRef, LinkId, Point, Rect, COMPONENT_SIZE};

use super::viewport::Viewport;
use crate::editor::GRID;

/// Screen distance a press must travel before it counts as a drag, in pixels.
pub const DRAG_THRESHOLD: f64 = 3.0;
/// How close (screen pixels) an edge or centre must come to another's to line up with it.
pub const ALIGN_TOLERANCE: f64 = 6.0;

/// What the pointer went down on.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    Background,
    Component(ComponentId),
    Container(ContainerId),
    /// The connector handle on a component's edge.
    Handle(ComponentId),
    /// A link's line.
    Link(LinkId),
    /// The handle on one end of a (selected) link: `true` for its `to` end.
    LinkEnd(LinkId, bool),
    /// A container's resize grip (bottom-right corner).
    Resize(ContainerId),
    /// A container's collapse / expand toggle.
    Toggle(ContainerId),
}

impl Hit {
    pub fn item(&self) -> Option<ItemRef> {
        match self {
            Hit::Component(id) => Some(ItemRef::Component(id.clone())),
            Hit::Container(id) => Some(ItemRef::Container(id.clone())),
            _ => None,
        }
    }
}

/// The pointer interaction in progress.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Gesture {
    #[default]
    Idle,
    /// Dragging the background moves the view.
    Panning { from: (f64, f64), start: Viewport },
    /// Dragging items: where the pointer went down (design coordinates), where
    /// each moving item started, and whether the press has become a drag.
    DraggingItems { press: (f64, f64), grab: Point, items: Vec<(ItemRef, Point)>, moved: bool },
    /// Shift-dragging the background draws a selection box; `base` was selected before.
    BoxSelecting { from: Point, base: Vec<ItemRef> },
    /// Dragging from a component's handle to another component.
    Connecting { from: ComponentId },
    /// Dragging one end of a link to another component; `to_end` says which end.
    Rerouting { link: LinkId, to_end: bool },
    /// Dragging a container's corner: its frame at the press, and the smallest
    /// size that still holds its contents.
    Resizing { id: ContainerId, press: Point, start: Rect, min: (f64, f64) },
}

impl Gesture {
    /// Whether its end depends on what the pointer is released over (a link
    /// being drawn or re-routed). Only then is that looked up: at thousands of
    /// components the lookup lays the page out and hit-tests every shape.
    pub fn drops_on_target(&self) -> bool {
        matches!(self, Gesture::Connecting { .. } | Gesture::Rerouting { .. })
    }
}

/// A pointer or keyboard event, already in canvas terms.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// Primary button down. `additive` when Shift (or Ctrl/Cmd) was held.
    Down {
        hit: Hit,
        screen: (f64, f64),
        additive: bool,
    },
    Move {
        screen: (f64, f64),
    },
    /// The pointer was released over `hit`.
    Up {
        hit: Hit,
    },
    /// Escape, or the browser cancelled the pointer.
    Cancel,
}

/// What the canvas must do in response.
#[derive(Clone, Debug, PartialEq)]
pub enum Reaction {
    Select(Vec<ItemRef>),
    /// Add to or remove from the selection.
    Toggle(ItemRef),
    /// Open a history gesture: the edits until `Commit` are one undo step.
    Begin(&'static str),
    Apply(Command),
    Commit,
    /// Abandon the history gesture, restoring the design.
    Cancel,
    SetViewport(Viewport),
    /// The selection box to draw (design coordinates), or none.
    SetMarquee(Option<Rect>),
    /// The link being drawn, from a component's centre to the pointer, or none.
    SetPreview(Option<(Point, Point)>),
    Connect(ComponentId, ComponentId),
    /// A single edit, undoable on its own, with its label for the history.
    Edit(Command, &'static str),
    /// Alignment guides to draw while dragging (design coordinates); empty for none.
    SetGuides(Vec<(Point, Point)>),
}

fn rect_between(a: Point, b: Point) -> Rect {
    Rect::new(a.x.min(b.x), a.y.min(b.y), (a.x - b.x).abs(), (a.y - b.y).abs())
}

fn inside(outer: &Rect, inner: &Rect) -> bool {
    inner.x >= outer.x
        && inner.y >= outer.y
        && inner.x + inner.w <= outer.x + outer.w
        && inner.y + inner.h <= outer.y + outer.h
}

/// Everything whose whole box lies inside `r`.
pub fn items_in(design: &Design, r: &Rect) -> Vec<ItemRef> {
    design
        .containers
        .iter()
        .filter(|g| inside(r, &g.rect) && !design.is_hidden(g.parent.as_ref()))
        .map(|g| ItemRef::Container(g.id.clone()))
        .chain(
            design
                .components
                .iter()
                .filter(|c| inside(r, &c.rect()) && !design.is_hidden(c.parent.as_ref()))
                .map(|c| ItemRef::Component(c.id.clone())),
        )
        .collect()
}

/// The width and height of a component or container.
fn size_of(design: &Design, item: &ItemRef) -> Option<(f64, f64)> {
    match item {
        ItemRef::Component(_) => Some((COMPONENT_SIZE.w, COMPONENT_SIZE.h)),
        ItemRef::Container(id) => design.container(id).map(|g| (g.rect.w, g.rect.h)),
        ItemRef::Link(_) => None,
    }
}

/// One axis of an alignment: how far to shift the dragged box, and the box it lines up with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Guide {
    pub shift: f64,
    /// The line's position on this axis (after the shift), and the other box.
    pub at: f64,
    pub other: Rect,
}

#[derive(Debug, Default, PartialEq)]
pub struct Alignment {
    /// A vertical guide: left edges, centres or right edges line up.
    pub x: Option<Guide>,
    /// A horizontal guide: tops, middles or bottoms line up.
    pub y: Option<Guide>,
}

impl Alignment {
    /// The guide lines for the dragged box once placed at `r`, each spanning both boxes.
    pub fn lines(&self, r: &Rect) -> Vec<(Point, Point)> {
        let mut out = Vec::new();
        if let Some(g) = self.x {
            let (top, bottom) = (r.y.min(g.other.y), (r.y + r.h).max(g.other.y + g.other.h));
            out.push((Point::new(g.at, top), Point::new(g.at, bottom)));
        }
        if let Some(g) = self.y {
            let (left, right) = (r.x.min(g.other.x), (r.x + r.w).max(g.other.x + g.other.w));
            out.push((Point::new(left, g.at), Point::new(right, g.at)));
        }
        out
    }
}

/// The nearest line-up of `r`'s edges and centre with a box that is not
/// moving (visible components and containers), per axis, within `tolerance`.
pub fn align(design: &Design, moving: &[(ItemRef, Point)], r: Rect, tolerance: f64) -> Alignment {
    // Called on every pointer move of a drag: no allocation per item.
    let mut moving_components: HashSet<&ComponentId> = HashSet::new();
    let mut moving_containers: HashSet<&ContainerId> = HashSet::new();
    for (item, _) in moving {
        match item {
            ItemRef::Component(id) => {
                moving_components.insert(id);
            }
            ItemRef::Container(id) => {
                moving_containers.insert(id);
            }
            ItemRef::Link(_) => {}
        }
    }
    let visible = design.shows();
    let components = design
        .components
        .iter()
        .filter(|c| !moving_components.contains(&c.id) && visible(c.parent.as_ref()))
        .map(|c| c.rect());
    let containers = design
        .containers
        .iter()
        .filter(|g| !moving_containers.contains(&g.id) && visible(g.parent.as_ref()))
        .map(|g| g.rect);
    let anchors = |start: f64, len: f64| [start, start + len / 2.0, start + len];
    let mut best = Alignment::default();
    let consider = |slot: &mut Option<Guide>, mine: [f64; 3], theirs: [f64; 3], other: Rect| {
        for (a, b) in mine.iter().zip(theirs.iter()) {
            let shift = b - a;
            if shift.abs() <= tolerance && slot.is_none_or(|g| shift.abs() < g.shift.abs()) {
                *slot = Some(Guide { shift, at: *b, other });
            }
        }
    };
    for o in components.chain(containers) {
        consider(&mut best.x, anchors(r.x, r.w), anchors(o.x, o.w), o);
        consider(&mut best.y, anchors(r.y, r.h), anchors(o.y, o.h), o);
    }
    best
}

/// The link passing within `tolerance` of `p` (design units), nearest first,
/// drawn as the canvas draws it: an end hidden in a collapsed container at that
/// container's header, and a link inside one container skipped. A press on the
/// background this close to a link selects it, so a thin line is easy to hit
/// without a wide invisible copy of every link on the page.
pub fn link_near(design: &Design, p: Point, tolerance: f64) -> Option<LinkId> {
    // One pass over the components, not a search per link end: this runs on every press.
    let boxes = design.drawn_boxes();
    let mut best: Option<(f64, &LinkId)> = None;
    for l in &design.links {
        let Some((s, e)) = l.drawn_line(&boxes) else { continue };
        let d = segment_distance(p, s, e);
        if d <= tolerance && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, &l.id));
        }
    }
    best.map(|(_, id)| id.clone())
}

fn segment_distance(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0) };
    (p.x - (a.x + t * dx)).hypot(p.y - (a.y + t * dy))
}

/// The next state and the effects of `input`.
pub fn step(
    state: &Gesture,
    input: Input,
    design: &Design,
    selection: &[ItemRef],
    view: Viewport,
) -> (Gesture, Vec<Reaction>) {
    match (state, input) {
        (Gesture::Idle, Input::Down { hit: Hit::Background, screen, additive: true }) => {
            let from = view.to_design(screen.0, screen.1);
            (
                Gesture::BoxSelecting { from, base: selection.to_vec() },
                vec![Reaction::SetMarquee(Some(rect_between(from, from)))],
            )
        }
        (Gesture::Idle, Input::Down { hit: Hit::Background, screen, .. }) => {
            (Gesture::Panning { from: screen, start: view }, vec![Reaction::Select(vec![])])
        }
        (Gesture::Idle, Input::Down { hit: Hit::Handle(id), screen, .. }) => {
            let Some(c) = design.component(&id) else { return (Gesture::Idle, vec![]) };
            let at = view.to_design(screen.0, screen.1);
            (Gesture::Connecting { from: id }, vec![Reaction::SetPreview(Some((c.rect().center(), at)))])
        }
        (Gesture::BoxSelecting { from, base }, Input::Move { screen }) => {
            let r = rect_between(*from, view.to_design(screen.0, screen.1));
            let mut picked = base.clone();
            picked.extend(items_in(design, &r).into_iter().filter(|i| !base.contains(i)));
            (state.clone(), vec![Reaction::SetMarquee(Some(r)), Reaction::Select(picked)])
        }
        (Gesture::BoxSelecting { .. }, Input::Up { .. }) => (Gesture::Idle, vec![Reaction::SetMarquee(None)]),
        (Gesture::BoxSelecting { base, .. }, Input::Cancel) => {
            (Gesture::Idle, vec![Reaction::SetMarquee(None), Reaction::Select(base.clone())])
        }
        (Gesture::Connecting { from }, Input::Move { screen }) => {
            let start =
                design.component(from).map_or_else(|| view.to_design(screen.0, screen.1), |c| c.rect().center());
            (state.clone(), vec![Reaction::SetPreview(Some((start, view.to_design(screen.0, screen.1))))])
        }
        (Gesture::Connecting { from }, Input::Up { hit: Hit::Component(to) | Hit::Handle(to) }) if to != *from => {
            (Gesture::Idle, vec![Reaction::SetPreview(None), Reaction::Connect(from.clone(), to)])
        }
        (Gesture::Connecting { .. }, Input::Up { .. } | Input::Cancel) => {
            (Gesture::Idle, vec![Reaction::SetPreview(None)])
        }
        (Gesture::Idle, Input::Down { hit: Hit::Link(id), additive, .. }) => {
            let item = ItemRef::Link(id);
            let fx = if additive { Reaction::Toggle(item) } else { Reaction::Select(vec![item]) };
            (Gesture::Idle, vec![fx])
        }
        (Gesture::Idle, Input::Down { hit: Hit::LinkEnd(id, to_end), screen, .. }) => {
            let Some(preview) = reroute_preview(design, &id, to_end, view.to_design(screen.0, screen.1)) else {
                return (Gesture::Idle, vec![]);
            };
            (Gesture::Rerouting { link: id, to_end }, vec![Reaction::SetPreview(Some(preview))])
        }
        (Gesture::Rerouting { link, to_end }, Input::Move { screen }) => {
            let preview = reroute_preview(design, link, *to_end, view.to_design(screen.0, screen.1));
            (state.clone(), vec![Reaction::SetPreview(preview)])
        }
        (Gesture::Rerouting { link, to_end }, Input::Up { hit: Hit::Component(target) | Hit::Handle(target) }) => {
            let mut effects = vec![Reaction::SetPreview(None)];
            if let Some(old) = design.link(link) {
                let mut new = old.clone();
                if *to_end {
                    new.to = target;
                } else {
                    new.from = target;
                }
                if new != *old {
                    effects.push(Reaction::Edit(Command::UpdateLink { link: new }, "Re-route link"));
                }
            }
            (Gesture::Idle, effects)
        }
        (Gesture::Rerouting { .. }, Input::Up { .. } | Input::Cancel) => {
            (Gesture::Idle, vec![Reaction::SetPreview(None)])
        }
        (Gesture::Idle, Input::Down { hit: Hit::Toggle(id), .. }) => {
            let Some(g) = design.container(&id) else { return (Gesture::Idle, vec![]) };
            let label = if g.collapsed { "Expand" } else { "Collapse" };
            let edit = Command::SetCollapsed { id: id.clone(), collapsed: !g.collapsed };
            (Gesture::Idle, vec![Reaction::Select(vec![ItemRef::Container(id)]), Reaction::Edit(edit, label)])
        }
        (Gesture::Idle, Input::Down { hit: Hit::Resize(id), screen, .. }) => {
            let Some(g) = design.container(&id) else { return (Gesture::Idle, vec![]) };
            let min = contents_extent(design, &id, &g.rect);
            let gesture =
                Gesture::Resizing { id: id.clone(), press: view.to_design(screen.0, screen.1), start: g.rect, min };
            (gesture, vec![Reaction::Select(vec![ItemRef::Container(id)]), Reaction::Begin("Resize")])
        }
        (Gesture::Resizing { id, press, start, min }, Input::Move { screen }) => {
            let at = view.to_design(screen.0, screen.1);
            // The far corner snaps to the grid; the frame never shrinks past what it holds.
            let right = ((start.x + start.w + at.x - press.x) / GRID).round() * GRID;
            let bottom = ((start.y + start.h + at.y - press.y) / GRID).round() * GRID;
            let rect = Rect::new(start.x, start.y, (right - start.x).max(min.0), (bottom - start.y).max(min.1));
            (state.clone(), vec![Reaction::Apply(Command::Resize { id: id.clone(), rect })])
        }
        (Gesture::Resizing { .. }, Input::Up { .. }) => (Gesture::Idle, vec![Reaction::Commit]),
        (Gesture::Resizing { .. }, Input::Cancel) => (Gesture::Idle, vec![Reaction::Cancel]),
        (Gesture::Idle, Input::Down { hit, screen, additive }) => {
            let Some(item) = hit.item() else { return (Gesture::Idle, vec![]) };
            let already = selection.contains(&item);
            if additive {
                // Shift-click toggles; a toggled-on item can be dragged with the rest.
                if already {
                    return (Gesture::Idle, vec![Reaction::Toggle(item)]);
                }
                let mut moving = selection.to_vec();
                moving.push(item.clone());
                return (
                    start_drag(design, &moving, &item, screen, view),
                    vec![Reaction::Toggle(item), Reaction::Begin("Move")],
                );
            }
            let (moving, mut effects) = if already {
                (selection.to_vec(), vec![])
            } else {
                (vec![item.clone()], vec![Reaction::Select(vec![item.clone()])])
            };
            effects.push(Reaction::Begin("Move"));
            (start_drag(design, &moving, &item, screen, view), effects)
        }
        (Gesture::Panning { from, start }, Input::Move { screen }) => {
            let v = start.panned(screen.0 - from.0, screen.1 - from.1);
            (state.clone(), vec![Reaction::SetViewport(v)])
        }
        (Gesture::DraggingItems { press, grab, items, moved }, Input::Move { screen }) => {
            let far = (screen.0 - press.0).hypot(screen.1 - press.1) >= DRAG_THRESHOLD;
            if !moved && !far {
                return (state.clone(), vec![]);
            }
            let at = view.to_design(screen.0, screen.1);
            // Snap the first item's corner to the grid; the rest keep their offsets to it.
            let snapped = |start: f64, delta: f64| ((start + delta) / GRID).round() * GRID - start;
            let (mut dx, mut dy) = match items.first() {
                Some((_, p)) => (snapped(p.x, at.x - grab.x), snapped(p.y, at.y - grab.y)),
                None => (0.0, 0.0),
            };
            // Lining up with another item's edge or centre beats the grid, and shows a guide.
            let mut guides = Vec::new();
            if let Some((item, p)) = items.first() {
                if let Some(size) = size_of(design, item) {
                    let free = Rect::new(p.x + at.x - grab.x, p.y + at.y - grab.y, size.0, size.1);
                    let alignment = align(design, items, free, ALIGN_TOLERANCE / view.zoom);
                    if let Some(g) = alignment.x {
                        dx = free.x + g.shift - p.x;
                    }
                    if let Some(g) = alignment.y {
                        dy = free.y + g.shift - p.y;
                    }
                    let placed = Rect::new(p.x + dx, p.y + dy, size.0, size.1);
                    guides = alignment.lines(&placed);
                }
            }
            let moves = items.iter().map(|(item, p)| (item.clone(), Point::new(p.x + dx, p.y + dy))).collect();
            let next = Gesture::DraggingItems { press: *press, grab: *grab, items: items.clone(), moved: true };
            (next, vec![Reaction::Apply(Command::Move { moves }), Reaction::SetGuides(guides)])
        }
        (Gesture::DraggingItems { items, moved, .. }, Input::Up { .. }) => {
            let mut effects = Vec::new();
            if *moved {
                effects.push(Reaction::SetGuides(Vec::new()));
                effects.extend(drop_into_containers(design, items).map(Reaction::Apply));
            }
            effects.push(Reaction::Commit);
            (Gesture::Idle, effects)
        }
        (Gesture::DraggingItems { .. }, Input::Cancel) => {
            (Gesture::Idle, vec![Reaction::SetGuides(Vec::new()), Reaction::Cancel])
        }
        (Gesture::Panning { start, .. }, Input::Cancel) => (Gesture::Idle, vec![Reaction::SetViewport(*start)]),
        (Gesture::Idle, Input::Cancel) => (Gesture::Idle, vec![Reaction::Select(vec![])]),
        (_, Input::Up { .. }) => (Gesture::Idle, vec![]),
        // A second press while one is in progress, or a move while idle: nothing to do.
        (_, _) => (state.clone(), vec![]),
    }
}

/// The smallest frame `id` (now at `rect`) can be resized to: it still holds
/// everything inside it, with a margin, and is never smaller than a component.
fn contents_extent(design: &Design, id: &ContainerId, rect: &Rect) -> (f64, f64) {
    const MARGIN: f64 = 10.0;
    let mut w = COMPONENT_SIZE.w + 2.0 * MARGIN;
    let mut h = COMPONENT_SIZE.h + 40.0;
    for item in design.descendants(id) {
        let r = match &item {
            ItemRef::Component(c) => design.component(c).map(|c| c.rect()),
            ItemRef::Container(g) => design.container(g).map(|g| g.rect),
            ItemRef::Link(_) => None,
        };
        if let Some(r) = r {
            w = w.max(r.x + r.w + MARGIN - rect.x);
            h = h.max(r.y + r.h + MARGIN - rect.y);
        }
    }
    (w, h)
}

/// The line drawn while re-routing a link's end: from the end that stays to the pointer.
fn reroute_preview(design: &Design, link: &LinkId, to_end: bool, at: Point) -> Option<(Point, Point)> {
    let l = design.link(link)?;
    let fixed = design.component(if to_end { &l.from } else { &l.to })?.rect().center();
    Some(if to_end { (fixed, at) } else { (at, fixed) })
}

/// The drag of `selection`: each item and, for containers, everything inside
/// them, with their starting positions; the grabbed item first, since its
/// corner is the one that snaps to the grid.
fn start_drag(
    design: &Design,
    selection: &[ItemRef],
    grabbed: &ItemRef,
    screen: (f64, f64),
    view: Viewport,
) -> Gesture {
    let Command::Move { mut moves } = Command::translate(design, selection, 0.0, 0.0) else {
        return Gesture::Idle;
    };
    if let Some(i) = moves.iter().position(|(item, _)| item == grabbed) {
        moves.swap(0, i);
    }
    Gesture::DraggingItems { press: screen, grab: view.to_design(screen.0, screen.1), items: moves, moved: false }
}

/// After a drag, each moved component whose container did not move with it is
/// put into the innermost container under its centre (or taken out of all):
/// one edit for all of them (a drop of thousands made thousands of edits).
fn drop_into_containers(design: &Design, items: &[(ItemRef, Point)]) -> Option<Command> {
    let moving: HashSet<&ItemRef> = items.iter().map(|(i, _)| i).collect();
    // One pass over the design: looking each moved component up in turn was quadratic.
    let mut reparents: Vec<Command> = design
        .components
        .iter()
        .filter_map(|c| {
            let item = ItemRef::Component(c.id.clone());
            if !moving.contains(&item)
                || c.parent.as_ref().is_some_and(|p| moving.contains(&ItemRef::Container(p.clone())))
            {
                return None;
            }
            let centre = Point::new(c.position.x + COMPONENT_SIZE.w / 2.0, c.position.y + COMPONENT_SIZE.h / 2.0);
            let target = design.container_at(centre, None).map(|g| g.id.clone());
            (target != c.parent).then_some(Command::Reparent { item, parent: target })
        })
        .collect();
    match reparents.len() {
        0 => None,
        1 => reparents.pop(),
        _ => Some(Command::Batch(reparents)),
    }
}

#[cfg(test)]
mod tests {
    use cloudwright_core::examples::default_design;

    use super::*;

    fn c(id: &str) -> ItemRef {
        ItemRef::Component(id.into())
    }

    #[test]
    fn only_drawing_or_rerouting_a_link_cares_what_the_pointer_is_released_over() {
        let d = default_design();
        let v = Viewport::default();
        let presses = [
            (Hit::Background, false),
            (Hit::Background, true),
            (Hit::Component("c3".into()), false),
            (Hit::Container("g2".into()), false),
            (Hit::Resize("g2".into()), false),
            (Hit::Handle("c1".into()), false),
            (Hit::LinkEnd("l1".into(), true), false),
        ];
        let mut targeted = 0;
        for (hit, additive) in presses {
            let (s, _) = step(&Gesture::Idle, Input::Down { hit, screen: (300.0, 300.0), additive }, &d, &[], v);
            let (s, _) = step(&s, Input::Move { screen: (360.0, 340.0) }, &d, &[], v);
            let on_component = step(&s, Input::Up { hit: Hit::Component("c4".into()) }, &d, &[], v);
            let on_nothing = step(&s, Input::Up { hit: Hit::Background }, &d, &[], v);
            if s.drops_on_target() {
                targeted += 1;
                assert_ne!(on_component, on_nothing, "{s:?} ends by what it lands on");
            } else {
                assert_eq!(on_component, on_nothing, "{s:?} must not depend on the drop target");
            }
        }
        assert_eq!(targeted, 2, "drawing a link and re-routing one");
    }

    #[test]
    fn a_click_selects_and_makes_no_edit() {
        let d = default_design();
        let v = Viewport::default();
        let (s, fx) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Component("c3".into()), screen: (600.0, 250.0), additive: false },
            &d,
            &[],
            v,
        );
        assert_eq!(fx, vec![Reaction::Select(vec![c("c3")]), Reaction::Begin("Move")]);
        let (s, fx) = step(&s, Input::Move { screen: (601.0, 251.0) }, &d, &[c("c3")], v);
        assert!(fx.is_empty(), "under the drag threshold");
        let (s, fx) = step(&s, Input::Up { hit: Hit::Background }, &d, &[c("c3")], v);
        assert_eq!((s, fx), (Gesture::Idle, vec![Reaction::Commit]));
    }

    #[test]
    fn a_drag_moves_by_the_pointer_distance_in_design_units() {
        let d = default_design();
        let v = Viewport { x: 0.0, y: 0.0, zoom: 2.0 };
        let (s, _) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Component("c3".into()), screen: (1100.0, 500.0), additive: false },
            &d,
            &[],
            v,
        );
        let (s, fx) = step(&s, Input::Move { screen: (1140.0, 520.0) }, &d, &[c("c3")], v);
        // 552 + 20 = 572 snaps to 580; 230 + 10 = 240 stays on the grid.
        assert_eq!(
            fx,
            vec![
                Reaction::Apply(Command::Move { moves: vec![(c("c3"), Point::new(580.0, 240.0))] }),
                Reaction::SetGuides(vec![])
            ]
        );
        let (_, fx) = step(&s, Input::Cancel, &d, &[c("c3")], v);
        assert_eq!(fx, vec![Reaction::SetGuides(vec![]), Reaction::Cancel]);
    }

    #[test]
    fn dragging_a_selected_item_moves_the_whole_selection() {
        let d = default_design();
        let sel = vec![c("c2"), c("c3")];
        let (s, fx) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Component("c3".into()), screen: (0.0, 0.0), additive: false },
            &d,
            &sel,
            Viewport::default(),
        );
        assert_eq!(fx, vec![Reaction::Begin("Move")]);
        let Gesture::DraggingItems { items, .. } = &s else { panic!("not dragging") };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].0, c("c3"), "the grabbed item leads");
        // Knock c2 off the grid: the grabbed c3 still lands on it, and c2 keeps its offset.
        let mut d = d;
        Command::Move { moves: vec![(c("c2"), Point::new(101.0, 47.0))] }.apply(&mut d).unwrap();
        let (s, _) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Component("c3".into()), screen: (0.0, 0.0), additive: false },
            &d,
            &sel,
            Viewport::default(),
        );
        let (_, fx) = step(&s, Input::Move { screen: (33.0, 12.0) }, &d, &sel, Viewport::default());
        let Some(Reaction::Apply(Command::Move { moves })) = fx.first() else { panic!("no move: {fx:?}") };
        let p3 = moves.iter().find(|(i, _)| *i == c("c3")).unwrap().1;
        let p2 = moves.iter().find(|(i, _)| *i == c("c2")).unwrap().1;
        assert_eq!((p3.x % GRID, p3.y % GRID), (0.0, 0.0), "c3 at {p3:?}");
        let start3 = d.component(&"c3".into()).unwrap().position;
        assert_eq!((p2.x - 101.0, p2.y - 47.0), (p3.x - start3.x, p3.y - start3.y), "both moved by the same amount");
    }

    #[test]
    fn a_drop_that_moves_several_components_into_containers_is_one_edit() {
        let mut d = default_design();
        // c3 and c4 land in the public subnet g3; c2, already there, stays; c1 is not moved.
        let items = vec![
            (c("c3"), Point::new(260.0, 120.0)),
            (c("c2"), Point::new(267.0, 230.0)),
            (c("c4"), Point::new(260.0, 300.0)),
        ];
        Command::Move { moves: items.clone() }.apply(&mut d).unwrap();
        let g3 = Some(ContainerId::new("g3"));
        assert_eq!(
            drop_into_containers(&d, &items),
            Some(Command::Batch(vec![
                Command::Reparent { item: c("c3"), parent: g3.clone() },
                Command::Reparent { item: c("c4"), parent: g3 },
            ]))
        );
        assert_eq!(drop_into_containers(&d, &items[1..2]), None, "nothing to change");
        // Inside a container that moves too, a component keeps its parent.
        let with_frame =
            vec![(ItemRef::Container("g4".into()), Point::new(490.0, 100.0)), (c("c3"), Point::new(260.0, 120.0))];
        assert_eq!(drop_into_containers(&d, &with_frame), None);
    }

    #[test]
    fn dropping_a_component_outside_its_subnet_takes_it_out() {
        let mut d = default_design();
        let v = Viewport::default();
        let (s, _) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Component("c1".into()), screen: (20.0, 240.0), additive: false },
            &d,
            &[],
            v,
        );
        let (s, fx) = step(&s, Input::Move { screen: (320.0, 200.0) }, &d, &[c("c1")], v);
        for e in fx {
            if let Reaction::Apply(cmd) = e {
                cmd.apply(&mut d).unwrap();
            }
        }
        let (_, fx) = step(&s, Input::Up { hit: Hit::Background }, &d, &[c("c1")], v);
        assert_eq!(
            fx,
            vec![
                Reaction::SetGuides(vec![]),
                Reaction::Apply(Command::Reparent { item: c("c1"), parent: Some("g3".into()) }),
                Reaction::Commit
            ],
            "the users box was dropped into the public subnet"
        );
    }

    #[test]
    fn background_drag_pans_and_escape_restores_the_view() {
        let d = default_design();
        let v = Viewport { x: 5.0, y: 5.0, zoom: 1.0 };
        let (s, fx) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Background, screen: (10.0, 10.0), additive: false },
            &d,
            &[c("c1")],
            v,
        );
        assert_eq!(fx, vec![Reaction::Select(vec![])]);
        let (s, fx) = step(&s, Input::Move { screen: (30.0, 50.0) }, &d, &[], v);
        assert_eq!(fx, vec![Reaction::SetViewport(Viewport { x: 25.0, y: 45.0, zoom: 1.0 })]);
        let (s, fx) = step(&s, Input::Cancel, &d, &[], v);
        assert_eq!((s, fx), (Gesture::Idle, vec![Reaction::SetViewport(v)]));
    }

    #[test]
    fn shift_drag_on_the_background_selects_what_the_box_holds() {
        let d = default_design();
        let v = Viewport::default();
        let (s, _) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Background, screen: (0.0, 200.0), additive: true },
            &d,
            &[],
            v,
        );
        let (s, fx) = step(&s, Input::Move { screen: (460.0, 300.0) }, &d, &[], v);
        assert_eq!(fx[1], Reaction::Select(vec![c("c1"), c("c2")]), "users and the load balancer lie wholly inside");
        let (_, fx) = step(&s, Input::Up { hit: Hit::Background }, &d, &[], v);
        assert_eq!(fx, vec![Reaction::SetMarquee(None)]);
    }

    #[test]
    fn dragging_from_a_handle_to_another_component_connects_them() {
        let d = default_design();
        let v = Viewport::default();
        let (s, _) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Handle("c1".into()), screen: (186.0, 260.0), additive: false },
            &d,
            &[],
            v,
        );
        let (s, fx) = step(&s, Input::Move { screen: (900.0, 260.0) }, &d, &[], v);
        assert!(matches!(fx[0], Reaction::SetPreview(Some(_))));
        let (_, fx) = step(&s, Input::Up { hit: Hit::Component("c4".into()) }, &d, &[], v);
        assert_eq!(fx, vec![Reaction::SetPreview(None), Reaction::Connect("c1".into(), "c4".into())]);
        // Released on itself or on nothing: no link.
        let (s, _) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Handle("c1".into()), screen: (0.0, 0.0), additive: false },
            &d,
            &[],
            v,
        );
        assert_eq!(
            step(&s, Input::Up { hit: Hit::Component("c1".into()) }, &d, &[], v).1,
            vec![Reaction::SetPreview(None)]
        );
    }

    #[test]
    fn shift_click_toggles() {
        let d = default_design();
        let (s, fx) = step(
            &Gesture::Idle,
            Input::Down { hit: Hit::Component("c2".into()), screen: (0.0, 0.0), additive: true },
            &d,
            &[c("c2")],
            Viewport::default(),
        );
        assert_eq!((s, fx), (Gesture::Idle, vec![Reaction::Toggle(c("c2"))]));
    }

    fn down(hit: Hit, screen: (f64, f64), d: &Design, sel: &[ItemRef]) -> (Gesture, Vec<Reaction>) {
        step(&Gesture::Idle, Input::Down { hit, screen, additive: false }, d, sel, Viewport::default())
    }

    #[test]
    fn resizing_a_container_snaps_its_corner_and_never_cuts_off_its_contents() {
        let d = default_design();
        // The VPC g2 is 920×380 at (220, 60); the data subnet inside it ends at x 1120.
        let (s, fx) = down(Hit::Resize("g2".into()), (1140.0, 440.0), &d, &[]);
        assert_eq!(fx, vec![Reaction::Select(vec![ItemRef::Container("g2".into())]), Reaction::Begin("Resize")]);
        let (s, fx) = step(&s, Input::Move { screen: (1187.0, 452.0) }, &d, &[], Viewport::default());
        // Corner (1140, 440) + (47, 12) = (1187, 452) snaps to (1180, 460).
        assert_eq!(
            fx,
            vec![Reaction::Apply(Command::Resize { id: "g2".into(), rect: Rect::new(220.0, 60.0, 960.0, 400.0) })]
        );
        let (s, fx) = step(&s, Input::Move { screen: (300.0, 100.0) }, &d, &[], Viewport::default());
        let Reaction::Apply(Command::Resize { rect, .. }) = &fx[0] else { panic!("no resize: {fx:?}") };
        assert_eq!((rect.w, rect.h), (910.0, 370.0), "stops 10 units past the subnets it holds");
        assert_eq!(
            step(&s, Input::Up { hit: Hit::Background }, &d, &[], Viewport::default()).1,
            vec![Reaction::Commit]
        );
        assert_eq!(step(&s, Input::Cancel, &d, &[], Viewport::default()).1, vec![Reaction::Cancel]);
    }

    #[test]
    fn the_toggle_collapses_and_expands_a_container_as_one_edit() {
        let mut d = default_design();
        let (s, fx) = down(Hit::Toggle("g3".into()), (0.0, 0.0), &d, &[]);
        assert_eq!(s, Gesture::Idle);
        assert_eq!(fx[1], Reaction::Edit(Command::SetCollapsed { id: "g3".into(), collapsed: true }, "Collapse"));
        let Reaction::Edit(cmd, _) = fx[1].clone() else { unreachable!() };
        cmd.apply(&mut d).unwrap();
        assert!(d.is_hidden(Some(&"g3".into())));
        // Nothing can be dropped into a collapsed container, nor box-selected inside it.
        let alb = d.component(&"c2".into()).unwrap().rect();
        assert_ne!(d.container_at(alb.center(), None).map(|g| g.id.clone()), Some("g3".into()));
        assert!(!items_in(&d, &Rect::new(-1000.0, -1000.0, 5000.0, 5000.0)).contains(&c("c2")));
        let (_, fx) = down(Hit::Toggle("g3".into()), (0.0, 0.0), &d, &[]);
        assert_eq!(fx[1], Reaction::Edit(Command::SetCollapsed { id: "g3".into(), collapsed: false }, "Expand"));
    }

    #[test]
    fn a_link_is_selected_by_clicking_and_re_routed_by_dragging_an_end() {
        let d = default_design();
        let l1 = ItemRef::Link("l1".into());
        assert_eq!(
            down(Hit::Link("l1".into()), (0.0, 0.0), &d, &[]),
            (Gesture::Idle, vec![Reaction::Select(vec![l1])])
        );
        // l1 is users → ALB; drag its far end onto the web app.
        let (s, fx) = down(Hit::LinkEnd("l1".into(), true), (300.0, 260.0), &d, &[]);
        assert!(matches!(fx[..], [Reaction::SetPreview(Some(_))]));
        let (s, _) = step(&s, Input::Move { screen: (600.0, 260.0) }, &d, &[], Viewport::default());
        let (s, fx) = step(&s, Input::Up { hit: Hit::Component("c3".into()) }, &d, &[], Viewport::default());
        assert_eq!(s, Gesture::Idle);
        let mut moved = d.link(&"l1".into()).unwrap().clone();
        moved.to = "c3".into();
        assert_eq!(
            fx,
            vec![Reaction::SetPreview(None), Reaction::Edit(Command::UpdateLink { link: moved }, "Re-route link")]
        );
        // Dropped where it already ends, or on nothing: no edit.
        let (s, _) = down(Hit::LinkEnd("l1".into(), false), (0.0, 0.0), &d, &[]);
        assert_eq!(
            step(&s, Input::Up { hit: Hit::Component("c1".into()) }, &d, &[], Viewport::default()).1,
            vec![Reaction::SetPreview(None)]
        );
        assert_eq!(
            step(&s, Input::Up { hit: Hit::Background }, &d, &[], Viewport::default()).1,
            vec![Reaction::SetPreview(None)]
        );
    }

    #[test]
    fn a_press_near_a_link_finds_it_and_a_press_far_from_any_does_not() {
        let d = default_design();
        // l1 runs from the users' right edge (186, 260) to the ALB's left edge (267, 260).
        assert_eq!(link_near(&d, Point::new(220.0, 264.0), 6.0), Some("l1".into()));
        assert_eq!(link_near(&d, Point::new(220.0, 280.0), 6.0), None);
        assert_eq!(link_near(&d, Point::new(100.0, 100.0), 6.0), None);
    }

    #[test]
    fn a_link_into_a_collapsed_container_is_found_on_the_line_to_its_header() {
        let mut d = default_design();
        Command::SetCollapsed { id: "g2".into(), collapsed: true }.apply(&mut d).unwrap();
        // l1 now runs from the users to the VPC's header (220, 60, 920 × 26).
        let users = d.component(&"c1".into()).unwrap().rect();
        let header = Rect::new(220.0, 60.0, 920.0, cloudwright_core::HEADER_HEIGHT);
        let (a, b) = (users.boundary_towards(header.center()), header.boundary_towards(users.center()));
        let middle = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
        assert_eq!(link_near(&d, middle, 6.0), Some("l1".into()));
        // Not where it ran before, to the hidden load balancer.
        assert_eq!(link_near(&d, Point::new(220.0, 264.0), 6.0), None);
        // l2 and l3 are inside the VPC, hidden with it: nothing is found on its header.
        assert_eq!(link_near(&d, header.center(), 6.0), None);
        // An end in a collapsed subnet ends at that subnet's header: l2 from the load
        // balancer (hidden in g3) to the web app (in g4, visible once g2 is expanded).
        Command::SetCollapsed { id: "g2".into(), collapsed: false }.apply(&mut d).unwrap();
        Command::SetCollapsed { id: "g3".into(), collapsed: true }.apply(&mut d).unwrap();
        let subnet = Rect::new(240.0, 100.0, 230.0, cloudwright_core::HEADER_HEIGHT);
        let web = d.component(&"c3".into()).unwrap().rect();
        let (a, b) = (subnet.boundary_towards(web.center()), web.boundary_towards(subnet.center()));
        assert_eq!(link_near(&d, Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0), 6.0), Some("l2".into()));
    }

    #[test]
    fn a_drag_lines_up_with_a_neighbour_over_the_grid_and_shows_a_guide() {
        let mut d = Design::default();
        // A sits off the grid at y 7; B is dragged from (300, 100) to about y 5.
        let a = cloudwright_core::Component::new(
            "a".into(),
            cloudwright_core::ComponentKind::new("ec2"),
            "A",
            Point::new(0.0, 7.0),
        );
        let b = cloudwright_core::Component::new(
            "b".into(),
            cloudwright_core::ComponentKind::new("ec2"),
            "B",
            Point::new(300.0, 100.0),
        );
        d.components = vec![a, b];
        let v = Viewport::default();
        let (s, _) = down(Hit::Component("b".into()), (310.0, 110.0), &d, &[]);
        let (s, fx) = step(&s, Input::Move { screen: (313.0, 15.0) }, &d, &[c("b")], v);
        // The grid alone would put B's top at 0; A's top edge at 7 wins.
        assert_eq!(fx[0], Reaction::Apply(Command::Move { moves: vec![(c("b"), Point::new(300.0, 7.0))] }));
        assert_eq!(fx[1], Reaction::SetGuides(vec![(Point::new(0.0, 7.0), Point::new(476.0, 7.0))]));
        // Far from any edge: the grid, and no guide.
        let (s, fx) = step(&s, Input::Move { screen: (313.0, 190.0) }, &d, &[c("b")], v);
        assert_eq!(fx[0], Reaction::Apply(Command::Move { moves: vec![(c("b"), Point::new(300.0, 180.0))] }));
        assert_eq!(fx[1], Reaction::SetGuides(vec![]));
        assert_eq!(step(&s, Input::Up { hit: Hit::Background }, &d, &[c("b")], v).1[0], Reaction::SetGuides(vec![]));
    }
}
