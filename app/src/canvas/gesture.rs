//! The canvas's pointer interaction as an explicit state machine. `step` is a
//! pure function of the state, the input and the document, so it is tested
//! natively; the canvas view only turns browser events into [`Input`]s and
//! carries out the [`Reaction`]s.

use std::collections::HashSet;

use cloudwright_core::{Command, ComponentId, ContainerId, Design, ItemRef, Point, COMPONENT_SIZE};

use super::viewport::Viewport;

/// Screen distance a press must travel before it counts as a drag, in pixels.
pub const DRAG_THRESHOLD: f64 = 3.0;

/// What the pointer went down on.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    Background,
    Component(ComponentId),
    Container(ContainerId),
}

impl Hit {
    fn item(&self) -> Option<ItemRef> {
        match self {
            Hit::Background => None,
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
    Up,
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
        (Gesture::Idle, Input::Down { hit: Hit::Background, screen, additive }) => {
            let effects = if additive { vec![] } else { vec![Reaction::Select(vec![])] };
            (Gesture::Panning { from: screen, start: view }, effects)
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
                    start_drag(design, &moving, screen, view),
                    vec![Reaction::Toggle(item), Reaction::Begin("Move")],
                );
            }
            let (moving, mut effects) = if already {
                (selection.to_vec(), vec![])
            } else {
                (vec![item.clone()], vec![Reaction::Select(vec![item])])
            };
            effects.push(Reaction::Begin("Move"));
            (start_drag(design, &moving, screen, view), effects)
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
            let (dx, dy) = (at.x - grab.x, at.y - grab.y);
            let moves = items.iter().map(|(item, p)| (item.clone(), Point::new(p.x + dx, p.y + dy))).collect();
            let next = Gesture::DraggingItems { press: *press, grab: *grab, items: items.clone(), moved: true };
            (next, vec![Reaction::Apply(Command::Move { moves })])
        }
        (Gesture::DraggingItems { items, moved, .. }, Input::Up) => {
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
        (_, Input::Up) => (Gesture::Idle, vec![]),
        // A second press while one is in progress, or a move while idle: nothing to do.
        (_, _) => (state.clone(), vec![]),
    }
}

/// The drag of `selection`: each item and, for containers, everything inside
/// them, with their starting positions.
fn start_drag(design: &Design, selection: &[ItemRef], screen: (f64, f64), view: Viewport) -> Gesture {
    let Command::Move { moves } = Command::translate(design, selection, 0.0, 0.0) else {
        return Gesture::Idle;
    };
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
        let (s, fx) = step(&s, Input::Up, &d, &[c("c3")], v);
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
        assert_eq!(fx, vec![Reaction::Apply(Command::Move { moves: vec![(c("c3"), Point::new(572.0, 240.0))] })]);
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
        let Gesture::DraggingItems { items, .. } = s else { panic!("not dragging") };
        assert_eq!(items.len(), 2);
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
        let (_, fx) = step(&s, Input::Up, &d, &[c("c1")], v);
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
