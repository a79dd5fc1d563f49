//! Auto-layout: tiers left to right, containers respected, on the grid, one undo step.

use cloudwright_core::examples::{default_design, EXAMPLES};
use cloudwright_core::layout::{auto_layout, tiers, GRID};
use cloudwright_core::scenario::Scenario;
use cloudwright_core::{synth, Component, ComponentId, ComponentKind, Design, History, Link, LinkId, Point, Rect};

fn laid_out(d: &Design) -> Design {
    let mut out = d.clone();
    if let Some(cmd) = auto_layout(d) {
        cmd.apply(&mut out).expect("the layout applies");
    }
    out
}

fn within(outer: &Rect, inner: &Rect) -> bool {
    inner.x >= outer.x
        && inner.y >= outer.y
        && inner.x + inner.w <= outer.x + outer.w
        && inner.y + inner.h <= outer.y + outer.h
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Everything a layout promises, checked on `d` after laying it out.
fn check(name: &str, before: &Design) {
    let d = laid_out(before);
    let on_grid = |v: f64| (v / GRID).fract() == 0.0;
    for c in &d.components {
        assert!(on_grid(c.position.x) && on_grid(c.position.y), "{name}: {} off the grid at {:?}", c.id, c.position);
        if let Some(p) = &c.parent {
            let g = d.container(p).expect("parent exists");
            assert!(within(&g.rect, &c.rect()), "{name}: {} sticks out of {}", c.id, g.id);
        }
    }
    for g in &d.containers {
        if let Some(p) = &g.parent {
            let outer = d.container(p).expect("parent exists");
            assert!(within(&outer.rect, &g.rect), "{name}: container {} sticks out of {}", g.id, outer.id);
        }
    }
    // Siblings (same parent) never overlap.
    let boxes: Vec<(Option<String>, String, Rect)> = d
        .components
        .iter()
        .map(|c| (c.parent.as_ref().map(ToString::to_string), c.id.to_string(), c.rect()))
        .chain(d.containers.iter().map(|g| (g.parent.as_ref().map(ToString::to_string), g.id.to_string(), g.rect)))
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if a.0 == b.0 {
                assert!(!overlap(&a.2, &b.2), "{name}: {} overlaps {}", a.1, b.1);
            }
        }
    }
    // A caller is left of what it calls when both share a parent.
    let t = tiers(&d);
    for l in &d.links {
        let (Some(a), Some(b)) = (d.component_index(&l.from), d.component_index(&l.to)) else { continue };
        let (ca, cb) = (&d.components[a], &d.components[b]);
        if ca.parent == cb.parent && t[a] < t[b] {
            assert!(ca.position.x < cb.position.x, "{name}: {} is not left of {}", ca.id, cb.id);
        }
    }
    // Laying out a laid-out design changes nothing.
    assert_eq!(auto_layout(&d), None, "{name}: a second layout moved things");
    // And it is one undo step.
    let mut h = History::new();
    let mut again = before.clone();
    if let Some(cmd) = auto_layout(before) {
        h.apply(&mut again, cmd, "Auto-layout").expect("applies");
        assert!(h.undo(&mut again).is_some());
        assert_eq!(&again, before, "{name}: undo restores the design");
    }
}

#[test]
fn examples_and_scenario_references_lay_out_cleanly() {
    check("default", &default_design());
    for e in EXAMPLES {
        check(e.key, &e.design());
    }
    for s in Scenario::all() {
        check(&s.key, &s.reference());
    }
}

#[test]
fn generated_designs_lay_out_cleanly() {
    for (n, seed) in [(10, 1), (200, 2), (1000, 3)] {
        check(&format!("synth {n}"), &synth::design(n, seed));
    }
}

fn chain(ids: &[&str], links: &[(&str, &str)]) -> Design {
    let mut d = Design::default();
    for (i, id) in ids.iter().enumerate() {
        // Deliberately jumbled: right to left.
        let at = Point::new(1000.0 - 200.0 * i as f64, 37.0 * i as f64);
        d.components.push(Component::new(ComponentId::new(*id), ComponentKind::new("ec2"), *id, at));
    }
    for (i, (a, b)) in links.iter().enumerate() {
        d.links.push(Link::new(LinkId::numbered(i as u64 + 1), ComponentId::new(*a), ComponentId::new(*b)));
    }
    d
}

#[test]
fn tiers_follow_the_longest_chain_of_calls() {
    let d = chain(&["a", "b", "c", "d", "lonely"], &[("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")]);
    // a → b → c → d, and a → c does not pull c forward; lonely goes last.
    assert_eq!(tiers(&d), vec![0, 1, 2, 3, 4]);
    let d = laid_out(&d);
    let x: Vec<f64> = d.components.iter().map(|c| c.position.x).collect();
    assert!(x.windows(2).all(|w| w[0] < w[1]), "left to right: {x:?}");
}

#[test]
fn loops_are_laid_out_without_hanging() {
    let d = chain(&["a", "b", "c"], &[("a", "b"), ("b", "c"), ("c", "a")]);
    assert_eq!(tiers(&d), vec![0, 1, 2]);
    check("loop", &d);
}

#[test]
fn an_empty_design_needs_no_layout() {
    assert_eq!(auto_layout(&Design::default()), None);
}
