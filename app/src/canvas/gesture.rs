//! The canvas's pointer interaction as an explicit state machine. `step` is a
//! pure function of the state, the input and the document, so it is tested
//! natively; the canvas view only turns browser events into [`Input`]s and
//! carries out the [`Reaction`]s.

use std::collections::HashSet;

use cloudwright_core::{Command, ComponentId, ContainerId, Design, ItemRef, Point, Rect, COMPONENT_SIZE};

use super::viewport::Viewport;
use crate::editor::GRID;

/// Screen distance a press must travel before it counts as a drag, in pixels.
pub const DRAG_THRESHOLD: f64 = 3.0;

/// What the pointer went down on.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    Background,
    Component(ComponentId),
    Container(ContainerId),
    /// The connector handle on a component's edge.
    Handle(ComponentId),
}

impl Hit {
    fn item(&self) -> Option<ItemRef> {
        match self {
            Hit::Background | Hit::Handle(_) => None,
            Hit::Component(id) => Some(ItemRef::Component(id.clone())),
            Hit::Container(id) => Some(ItemRef::Container(id.clone())),
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
        .filter(|g| inside(r, &g.rect))
        .map(|g| ItemRef::Container(g.id.clone()))
        .chain(design.components.iter().filter(|c| inside(r, &c.rect())).map(|c| ItemRef::Component(c.id.clone())))
        .collect()
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
            let (dx, dy) = match items.first() {
                Some((_, p)) => (snapped(p.x, at.x - grab.x), snapped(p.y, at.y - grab.y)),
                None => (0.0, 0.0),
            };
            let moves = items.iter().map(|(item, p)| (item.clone(), Point::new(p.x + dx, p.y + dy))).collect();
            let next = Gesture::DraggingItems { press: *press, grab: *grab, items: items.clone(), moved: true };
            (next, vec![Reaction::Apply(Command::Move { moves })])
        }
        (Gesture::DraggingItems { items, moved, .. }, Input::Up { .. }) => {
            let mut effects = Vec::new();
            if *moved {
                effects.extend(drop_into_containers(design, items).map(Reaction::Apply));
            }
            effects.push(Reaction::Commit);
            (Gesture::Idle, effects)
        }
        (Gesture::DraggingItems { .. }, Input::Cancel) => (Gesture::Idle, vec![Reaction::Cancel]),
        (Gesture::Panning { start, .. }, Input::Cancel) => (Gesture::Idle, vec![Reaction::SetViewport(*start)]),
        (Gesture::Idle, Input::Cancel) => (Gesture::Idle, vec![Reaction::Select(vec![])]),
        (_, Input::Up { .. }) => (Gesture::Idle, vec![]),
        // A second press while one is in progress, or a move while idle: nothing to do.
        (_, _) => (state.clone(), vec![]),
    }
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
/// put into the innermost container under its centre (or taken out of all).
fn drop_into_containers<'a>(design: &'a Design, items: &'a [(ItemRef, Point)]) -> impl Iterator<Item = Command> + 'a {
    let moving: HashSet<&ItemRef> = items.iter().map(|(i, _)| i).collect();
    items.iter().filter_map(move |(item, _)| {
        let ItemRef::Component(id) = item else { return None };
        let c = design.component(id)?;
        if let Some(p) = &c.parent {
            if moving.contains(&ItemRef::Container(p.clone())) {
                return None;
            }
        }
        let centre = Point::new(c.position.x + COMPONENT_SIZE.w / 2.0, c.position.y + COMPONENT_SIZE.h / 2.0);
        let target = design.container_at(centre, None).map(|g| g.id.clone());
        (target != c.parent).then(|| Command::Reparent { item: item.clone(), parent: target })
    })
}

#[cfg(test)]
mod tests {
    use cloudwright_core::examples::default_design;

    use super::*;

    fn c(id: &str) -> ItemRef {
        ItemRef::Component(id.into())
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
        assert_eq!(fx, vec![Reaction::Apply(Command::Move { moves: vec![(c("c3"), Point::new(580.0, 240.0))] })]);
        let (_, fx) = step(&s, Input::Cancel, &d, &[c("c3")], v);
        assert_eq!(fx, vec![Reaction::Cancel]);
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
            vec![Reaction::Apply(Command::Reparent { item: c("c1"), parent: Some("g3".into()) }), Reaction::Commit],
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
}
