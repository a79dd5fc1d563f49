//! Property: any sequence of edits, gestures, undos and redos can be undone back
//! to exactly the original design and redone to exactly the final one, and a
//! refused edit changes nothing.

use cloudwright_core::examples::default_design;
use cloudwright_core::{
    Command, Component, ComponentId, ComponentKind, Container, ContainerId, ContainerKind, Design, History, ItemRef,
    Link, LinkId, LinkMode, Point, PropValue, Rect, Workload,
};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Add { kind: u8, x: i16, y: i16, parent: u16 },
    Remove(u16),
    AddContainer { kind: u8, parent: u16 },
    RemoveContainer(u16),
    Connect { from: u16, to: u16, r#async: bool },
    Disconnect(u16),
    Translate { items: Vec<u16>, dx: i16, dy: i16, containers: bool },
    Resize(u16, u16, u16),
    SetProp { target: u16, key: u8, value: i32 },
    ClearProp { target: u16, key: u8 },
    Rename { target: u16, label: String },
    Reparent { target: u16, parent: u16, container: bool },
    UpdateLink { target: u16, to: u16 },
    Collapse(u16, bool),
    Workload(u32),
    CostSettings(bool, u8),
    ReplaceAll(bool),
    Region(bool),
    Batch(Vec<Op>),
    Begin,
    Commit,
    Cancel,
    Undo,
    Redo,
}

const KINDS: [&str; 5] = ["ec2", "alb", "rds_postgres", "sqs", "lambda"];
const KEYS: [&str; 4] = ["count", "multi_az", "storage_gb", "instance_type"];

fn pick<T>(items: &[T], seed: u16) -> Option<&T> {
    if items.is_empty() {
        None
    } else {
        items.get(seed as usize % items.len())
    }
}

fn component_id(d: &Design, seed: u16) -> ComponentId {
    pick(&d.components, seed).map_or_else(|| ComponentId::new("missing"), |c| c.id.clone())
}
fn container_id(d: &Design, seed: u16) -> ContainerId {
    pick(&d.containers, seed).map_or_else(|| ContainerId::new("missing"), |c| c.id.clone())
}
fn link_id(d: &Design, seed: u16) -> LinkId {
    pick(&d.links, seed).map_or_else(|| LinkId::new("missing"), |l| l.id.clone())
}

/// Turns an abstract op into a command against the current design.
fn command(d: &Design, op: &Op) -> Option<Command> {
    Some(match op {
        Op::Add { kind, x, y, parent } => {
            let mut c = Component::new(
                d.fresh_component_id(),
                ComponentKind::new(KINDS[*kind as usize % KINDS.len()]),
                "new",
                Point::new(f64::from(*x), f64::from(*y)),
            );
            if parent % 3 == 0 {
                c.parent = pick(&d.containers, *parent).map(|g| g.id.clone());
            }
            Command::AddComponent { component: c, at: Some(*parent as usize) }
        }
        Op::Remove(s) => Command::RemoveComponent { id: component_id(d, *s) },
        Op::AddContainer { kind, parent } => {
            let mut g = Container::new(
                d.fresh_container_id(),
                ContainerKind::ALL[*kind as usize % ContainerKind::ALL.len()],
                "frame",
                Rect::new(f64::from(*parent), 10.0, 300.0, 200.0),
            );
            if parent % 2 == 0 {
                g.parent = pick(&d.containers, *parent).map(|p| p.id.clone());
            }
            Command::AddContainer { container: g, at: None }
        }
        Op::RemoveContainer(s) => Command::RemoveContainer { id: container_id(d, *s) },
        Op::Connect { from, to, r#async } => {
            let mut l = Link::new(d.fresh_link_id(), component_id(d, *from), component_id(d, *to));
            l.mode = if *r#async { LinkMode::Async } else { LinkMode::Sync };
            Command::Connect { link: l, at: None }
        }
        Op::Disconnect(s) => Command::Disconnect { id: link_id(d, *s) },
        Op::Translate { items, dx, dy, containers } => {
            let refs: Vec<ItemRef> = items
                .iter()
                .map(|&s| if *containers && s % 2 == 0 { container_id(d, s).into() } else { component_id(d, s).into() })
                .collect();
            Command::translate(d, &refs, f64::from(*dx) / 3.0, f64::from(*dy) / 7.0)
        }
        Op::Resize(s, w, h) => Command::Resize {
            id: container_id(d, *s),
            rect: Rect::new(0.5, 1.5, f64::from(*w) + 40.0, f64::from(*h) + 40.0),
        },
        Op::SetProp { target, key, value } => {
            let key = KEYS[*key as usize % KEYS.len()];
            let value = match key {
                "multi_az" => PropValue::Bool(value % 2 == 0),
                "instance_type" => PropValue::Text(format!("type{value}")),
                "storage_gb" => PropValue::Float(f64::from(*value) / 4.0),
                _ => PropValue::Int(i64::from(*value)),
            };
            Command::SetProperty { id: component_id(d, *target), key: key.to_owned(), value: Some(value) }
        }
        Op::ClearProp { target, key } => Command::SetProperty {
            id: component_id(d, *target),
            key: KEYS[*key as usize % KEYS.len()].to_owned(),
            value: None,
        },
        Op::Rename { target, label } => Command::Rename { item: component_id(d, *target).into(), label: label.clone() },
        Op::Reparent { target, parent, container } => {
            let parent = if parent % 4 == 0 { None } else { Some(container_id(d, *parent)) };
            let item: ItemRef =
                if *container { container_id(d, *target).into() } else { component_id(d, *target).into() };
            Command::Reparent { item, parent }
        }
        Op::UpdateLink { target, to } => {
            let mut l = pick(&d.links, *target)?.clone();
            l.to = component_id(d, *to);
            l.protocol = "HTTPS".to_owned();
            Command::UpdateLink { link: l }
        }
        Op::Collapse(s, c) => Command::SetCollapsed { id: container_id(d, *s), collapsed: *c },
        Op::Workload(u) => Command::SetWorkload(Workload { users: u64::from(*u), ..d.workload }),
        Op::CostSettings(free, hours) => {
            let mut c = d.cost.clone();
            c.free_tier = *free;
            c.peak_hours_per_day = f64::from(*hours % 25);
            c.price_overrides.insert("ec2.t3.micro".into(), f64::from(*hours) / 1000.0);
            Command::SetCostSettings(c)
        }
        Op::ReplaceAll(hosting) => {
            let key = if *hosting { "hosting" } else { "three-tier" };
            Command::ReplaceAll(Box::new(cloudwright_core::examples::example(key)?.design()))
        }
        Op::Region(b) => Command::SetRegion(if *b { "eu-west-1" } else { "us-east-1" }.to_owned()),
        Op::Batch(ops) => {
            // Build the batch against the current design; later parts may fail,
            // which must roll back the earlier ones.
            Command::Batch(ops.iter().filter_map(|o| command(d, o)).collect())
        }
        Op::Begin | Op::Commit | Op::Cancel | Op::Undo | Op::Redo => return None,
    })
}

fn leaf_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<u8>(), any::<i16>(), any::<i16>(), any::<u16>()).prop_map(|(kind, x, y, parent)| Op::Add { kind, x, y, parent }),
        2 => any::<u16>().prop_map(Op::Remove),
        1 => (any::<u8>(), any::<u16>()).prop_map(|(kind, parent)| Op::AddContainer { kind, parent }),
        1 => any::<u16>().prop_map(Op::RemoveContainer),
        3 => (any::<u16>(), any::<u16>(), any::<bool>()).prop_map(|(from, to, r#async)| Op::Connect { from, to, r#async }),
        1 => any::<u16>().prop_map(Op::Disconnect),
        3 => (prop::collection::vec(any::<u16>(), 0..4), any::<i16>(), any::<i16>(), any::<bool>())
            .prop_map(|(items, dx, dy, containers)| Op::Translate { items, dx, dy, containers }),
        1 => (any::<u16>(), any::<u16>(), any::<u16>()).prop_map(|(a, b, c)| Op::Resize(a, b, c)),
        2 => (any::<u16>(), any::<u8>(), any::<i32>()).prop_map(|(target, key, value)| Op::SetProp { target, key, value }),
        1 => (any::<u16>(), any::<u8>()).prop_map(|(target, key)| Op::ClearProp { target, key }),
        1 => (any::<u16>(), "[a-z<>&\"' ]{0,12}").prop_map(|(target, label)| Op::Rename { target, label }),
        2 => (any::<u16>(), any::<u16>(), any::<bool>()).prop_map(|(target, parent, container)| Op::Reparent { target, parent, container }),
        1 => (any::<u16>(), any::<u16>()).prop_map(|(target, to)| Op::UpdateLink { target, to }),
        1 => (any::<u16>(), any::<bool>()).prop_map(|(a, b)| Op::Collapse(a, b)),
        1 => any::<u32>().prop_map(Op::Workload),
        1 => (any::<bool>(), any::<u8>()).prop_map(|(a, b)| Op::CostSettings(a, b)),
        1 => any::<bool>().prop_map(Op::ReplaceAll),
        1 => any::<bool>().prop_map(Op::Region),
        1 => Just(Op::Begin),
        1 => Just(Op::Commit),
        1 => Just(Op::Cancel),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => leaf_op(),
        1 => prop::collection::vec(leaf_op(), 0..5).prop_map(Op::Batch),
    ]
}

fn run(start: &Design, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut d = start.clone();
    let mut h = History::new();
    for op in ops {
        match op {
            Op::Begin => h.begin("gesture"),
            Op::Commit => h.commit(),
            Op::Cancel => {
                let before_gesture = h.in_gesture();
                h.cancel(&mut d);
                prop_assert!(!h.in_gesture() || !before_gesture);
            }
            Op::Undo => {
                h.undo(&mut d);
            }
            Op::Redo => {
                h.redo(&mut d);
            }
            _ => {
                let Some(cmd) = command(&d, op) else { continue };
                let before = d.clone();
                if h.apply(&mut d, cmd, "edit").is_err() {
                    prop_assert_eq!(&d, &before, "a refused edit changed the design");
                }
            }
        }
    }
    h.commit();
    // The tip of history: the final design, plus anything left on the redo list.
    if !h.can_redo() {
        let end = d.clone();
        while h.undo(&mut d).is_some() {}
        prop_assert_eq!(&d, start, "undoing everything did not restore the original");
        while h.redo(&mut d).is_some() {}
        prop_assert_eq!(&d, &end, "redoing everything did not restore the final design");
        return Ok(());
    }
    while h.redo(&mut d).is_some() {}
    let end = d.clone();
    while h.undo(&mut d).is_some() {}
    prop_assert_eq!(&d, start, "undoing everything did not restore the original");
    while h.redo(&mut d).is_some() {}
    prop_assert_eq!(&d, &end, "redoing everything did not restore the final design");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, max_shrink_iters: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_restores_original_and_redo_all_restores_final(ops in prop::collection::vec(op(), 0..40)) {
        run(&default_design(), &ops)?;
    }
}

#[test]
fn a_drag_is_one_undo_step_and_escape_restores() {
    let mut d = default_design();
    let start = d.clone();
    let mut h = History::new();
    let id: ItemRef = ComponentId::new("c3").into();
    h.begin("move");
    for step in 1..=50 {
        let cmd = Command::Move { moves: vec![(id.clone(), Point::new(540.0 + f64::from(step), 228.0))] };
        h.apply(&mut d, cmd, "move").unwrap();
    }
    h.commit();
    assert_eq!(d.component(&"c3".into()).unwrap().position, Point::new(590.0, 228.0));
    assert_eq!(h.undo(&mut d).as_deref(), Some("move"));
    assert_eq!(d, start);
    assert!(!h.can_undo(), "the whole drag was one entry");

    h.begin("move");
    h.apply(&mut d, Command::Move { moves: vec![(id, Point::new(0.0, 0.0))] }, "move").unwrap();
    h.cancel(&mut d);
    assert_eq!(d, start);
    assert!(!h.can_undo(), "a cancelled drag leaves no entry");
}

#[test]
fn removing_a_component_removes_its_links_and_undo_puts_them_back_in_place() {
    let mut d = default_design();
    let start = d.clone();
    let mut h = History::new();
    h.apply(&mut d, Command::RemoveComponent { id: "c2".into() }, "delete").unwrap();
    assert_eq!(d.links.len(), 1);
    h.undo(&mut d);
    assert_eq!(d, start);
}

#[test]
fn a_container_cannot_go_inside_itself() {
    let mut d = default_design();
    let err = Command::Reparent { item: ContainerId::new("g1").into(), parent: Some("g3".into()) }.apply(&mut d);
    assert_eq!(err, Err(cloudwright_core::EditError::ContainerCycle("g1".into())));
}

#[test]
fn translating_a_vpc_moves_everything_inside() {
    let d = default_design();
    let cmd = Command::translate(&d, &[ContainerId::new("g2").into()], 10.0, 5.0);
    let Command::Move { moves } = cmd else { panic!("expected a move") };
    // The VPC, three subnets and three components inside it (not the region, not the users).
    assert_eq!(moves.len(), 7, "{moves:?}");
}

#[test]
fn moving_many_items_at_once_is_the_same_as_moving_them_one_by_one() {
    // Sixteen or more items are found through an index, fewer one by one: both agree.
    let start = cloudwright_core::synth::design(300, 7);
    let moves: Vec<(ItemRef, Point)> = start
        .components
        .iter()
        .step_by(3)
        .map(|c| (c.id.clone().into(), Point::new(c.position.x + 40.0, c.position.y - 20.0)))
        .chain(start.containers.iter().take(2).map(|g| (g.id.clone().into(), Point::new(g.rect.x + 5.0, g.rect.y))))
        .collect();
    assert!(moves.len() > 16);
    let mut at_once = start.clone();
    let undo = Command::Move { moves: moves.clone() }.apply(&mut at_once).unwrap();
    let mut one_by_one = start.clone();
    for m in &moves {
        Command::Move { moves: vec![m.clone()] }.apply(&mut one_by_one).unwrap();
    }
    assert_eq!(at_once, one_by_one);
    undo.apply(&mut at_once).unwrap();
    assert_eq!(at_once, start, "the undo puts every item back");

    // One missing item among many refuses the whole move and changes nothing.
    let mut refused = start.clone();
    let mut bad = moves.clone();
    bad.push((ComponentId::new("not-there").into(), Point::new(0.0, 0.0)));
    let err = Command::Move { moves: bad }.apply(&mut refused);
    assert_eq!(err, Err(cloudwright_core::EditError::Missing(ComponentId::new("not-there").into())));
    assert_eq!(refused, start);
    let mut bad = moves;
    bad[20].1 = Point::new(f64::NAN, 0.0);
    assert_eq!(Command::Move { moves: bad }.apply(&mut refused), Err(cloudwright_core::EditError::NonFinite));
    assert_eq!(refused, start);
}

#[test]
fn translating_many_items_is_the_same_as_translating_them_one_by_one() {
    // Sixteen or more are found through an index, fewer one by one: both agree.
    let d = cloudwright_core::synth::design(300, 7);
    let items: Vec<ItemRef> = d
        .components
        .iter()
        .step_by(4)
        .map(|c| c.id.clone().into())
        .chain(d.containers.iter().skip(3).take(2).map(|g| g.id.clone().into()))
        .chain([ComponentId::new("not-there").into()])
        .collect();
    let Command::Move { moves } = Command::translate(&d, &items, 20.0, -40.0) else { panic!("expected a move") };
    assert!(moves.len() > 16);
    let mut one_by_one: Vec<(ItemRef, Point)> = Vec::new();
    for item in &items {
        let Command::Move { moves } = Command::translate(&d, std::slice::from_ref(item), 20.0, -40.0) else {
            panic!("expected a move")
        };
        for m in moves {
            if !one_by_one.iter().any(|(i, _)| *i == m.0) {
                one_by_one.push(m);
            }
        }
    }
    assert_eq!(moves, one_by_one, "the same items, in the same order, to the same places");
}
