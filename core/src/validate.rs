//! Checks a design and reports what is wrong or risky. Never panics, whatever
//! the design holds: duplicate ids, dangling links, cycles of containers.

use std::collections::{HashMap, HashSet};

use crate::catalog::{Catalog, Category};
use crate::design::{ContainerKind, Design, LinkMode, COORD_LIMIT};
use crate::diagnostic::Diagnostic;
use crate::graph::Topology;
use crate::id::{ContainerId, ItemRef};
use crate::limits;

/// Every diagnostic for `design`, errors first, then in document order.
pub fn validate(design: &Design, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_sizes(design, &mut out);
    check_ids(design, &mut out);
    check_containers(design, &mut out);
    check_components(design, catalog, &mut out);
    check_links(design, &mut out);
    check_placement(design, catalog, &mut out);
    if !is_region_code(&design.region) {
        out.push(Diagnostic::warning(
            "unknown-region",
            format!("\"{}\" is not an AWS Region code like us-east-1", design.region),
            None,
        ));
    }
    crate::order::sort_by_key(&mut out, |d| std::cmp::Reverse(d.severity));
    out
}

/// Whether `s` looks like an AWS Region code (`us-east-1`, `ap-southeast-2`).
pub fn is_region_code(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[..parts.len() - 1].iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        && parts[parts.len() - 1].parse::<u8>().is_ok()
}

fn check_sizes(d: &Design, out: &mut Vec<Diagnostic>) {
    for (what, n, max) in [
        ("components", d.components.len(), limits::MAX_COMPONENTS),
        ("containers", d.containers.len(), limits::MAX_CONTAINERS),
        ("links", d.links.len(), limits::MAX_LINKS),
    ] {
        if n > max {
            out.push(Diagnostic::error("too-large", format!("the design has {n} {what}; the limit is {max}"), None));
        }
    }
}

fn check_ids(d: &Design, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    let items = d
        .components
        .iter()
        .map(|c| ItemRef::Component(c.id.clone()))
        .chain(d.containers.iter().map(|c| ItemRef::Container(c.id.clone())))
        .chain(d.links.iter().map(|l| ItemRef::Link(l.id.clone())));
    for item in items {
        if !seen.insert(item.clone()) {
            out.push(Diagnostic::error("duplicate-id", format!("{item} is used by more than one item"), Some(item)));
        }
    }
}

fn finite_in_range(v: f64) -> bool {
    v.is_finite() && v.abs() <= COORD_LIMIT
}

fn check_containers(d: &Design, out: &mut Vec<Diagnostic>) {
    let by_id: HashMap<&ContainerId, usize> = d.containers.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let mut reported_cycle: HashSet<&ContainerId> = HashSet::new();
    for c in &d.containers {
        let item = Some(ItemRef::Container(c.id.clone()));
        let r = c.rect;
        if ![r.x, r.y, r.w, r.h].into_iter().all(finite_in_range) || r.w <= 0.0 || r.h <= 0.0 {
            out.push(Diagnostic::error(
                "bad-geometry",
                format!("{} \"{}\" has an invalid frame", c.kind.name(), c.label),
                item.clone(),
            ));
        }
        let Some(parent_id) = &c.parent else { continue };
        let Some(&pi) = by_id.get(parent_id) else {
            out.push(Diagnostic::error(
                "missing-parent",
                format!("container {} sits in missing container {parent_id}", c.id),
                item,
            ));
            continue;
        };
        // Walk up; a walk longer than the number of containers is a cycle.
        let mut steps = 0;
        let mut cur = Some(pi);
        while let Some(i) = cur {
            if d.containers[i].id == c.id || steps > d.containers.len() {
                if reported_cycle.insert(&c.id) {
                    out.push(Diagnostic::error(
                        "container-cycle",
                        format!("container {} is inside itself through its parents", c.id),
                        item.clone(),
                    ));
                }
                break;
            }
            steps += 1;
            cur = d.containers[i].parent.as_ref().and_then(|p| by_id.get(p).copied());
        }
        let parent_kind = d.containers[pi].kind;
        if !nesting_allowed(c.kind, parent_kind) {
            out.push(Diagnostic::warning(
                "odd-nesting",
                format!("a {} usually does not sit inside a {}", c.kind.name(), parent_kind.name()),
                item,
            ));
        }
    }
}

/// Which containers make sense inside which.
fn nesting_allowed(child: ContainerKind, parent: ContainerKind) -> bool {
    use ContainerKind as K;
    match child {
        K::Region => false,
        K::Vpc => parent == K::Region,
        K::AvailabilityZone => matches!(parent, K::Region | K::Vpc),
        K::PublicSubnet | K::PrivateSubnet | K::DataSubnet => matches!(parent, K::Vpc | K::AvailabilityZone),
        K::Namespace => true,
    }
}

fn check_components(d: &Design, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let containers: HashSet<&ContainerId> = d.containers.iter().map(|c| &c.id).collect();
    for c in &d.components {
        let item = Some(ItemRef::Component(c.id.clone()));
        if !finite_in_range(c.position.x) || !finite_in_range(c.position.y) {
            out.push(Diagnostic::error(
                "bad-geometry",
                format!("\"{}\" has an invalid position", c.label),
                item.clone(),
            ));
        }
        if let Some(p) = &c.parent {
            if !containers.contains(p) {
                out.push(Diagnostic::error(
                    "missing-parent",
                    format!("\"{}\" sits in missing container {p}", c.label),
                    item.clone(),
                ));
            }
        }
        let Some(spec) = catalog.kind(c.kind.as_str()) else {
            out.push(Diagnostic::error(
                "unknown-kind",
                format!("\"{}\" has kind \"{}\", which this catalog does not know", c.label, c.kind),
                item,
            ));
            continue;
        };
        for (key, value) in &c.props {
            match spec.property(key) {
                None => out.push(Diagnostic::warning(
                    "unknown-property",
                    format!("{} has no property \"{key}\" (on \"{}\")", spec.name, c.label),
                    item.clone(),
                )),
                Some(p) => {
                    if let Err(e) = p.check(value) {
                        let unit = p.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
                        out.push(Diagnostic::error(
                            "invalid-property",
                            format!("\"{}\": {} {e}{unit} (is {value})", c.label, p.label),
                            item.clone(),
                        ));
                    }
                }
            }
        }
    }
}

fn check_links(d: &Design, out: &mut Vec<Diagnostic>) {
    let ids: HashSet<_> = d.components.iter().map(|c| &c.id).collect();
    let mut pairs = HashSet::new();
    for l in &d.links {
        let item = Some(ItemRef::Link(l.id.clone()));
        for end in [&l.from, &l.to] {
            if !ids.contains(end) {
                out.push(Diagnostic::error(
                    "dangling-link",
                    format!("link {} points at missing component {end}", l.id),
                    item.clone(),
                ));
            }
        }
        if l.from == l.to {
            out.push(Diagnostic::error(
                "self-link",
                format!("link {} goes from {} to itself", l.id, l.from),
                item.clone(),
            ));
        }
        if !pairs.insert((&l.from, &l.to)) {
            out.push(Diagnostic::info(
                "duplicate-link",
                format!("{} is linked to {} more than once", l.from, l.to),
                item,
            ));
        }
    }
    for cycle in Topology::with_links(d, |l| l.mode == LinkMode::Sync).cycles() {
        let names: Vec<String> =
            cycle.iter().map(|id| d.component(id).map_or(id.to_string(), |c| c.label.clone())).collect();
        out.push(Diagnostic::warning(
            "sync-cycle",
            format!("synchronous calls go round in a loop: {}", names.join(" → ")),
            cycle.first().map(|id| ItemRef::Component(id.clone())),
        ));
    }
}

fn check_placement(d: &Design, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let az_count = d.containers.iter().filter(|c| c.kind == ContainerKind::AvailabilityZone).count();
    for c in &d.components {
        let Some(spec) = catalog.kind(c.kind.as_str()) else { continue };
        let item = Some(ItemRef::Component(c.id.clone()));
        let stateful = matches!(spec.category, Category::Data | Category::Cache);
        if stateful && d.enclosing(c.parent.as_ref(), ContainerKind::PublicSubnet).is_some() {
            out.push(Diagnostic::warning(
                "public-database",
                format!("{} \"{}\" sits in a public subnet; put it in a private or data subnet", spec.name, c.label),
                item.clone(),
            ));
        }
        let multi_az = spec.value(c, "multi_az").and_then(|v| v.as_bool()).unwrap_or(false);
        if multi_az && az_count == 1 {
            out.push(Diagnostic::warning(
                "multi-az-single-az",
                format!("\"{}\" is Multi-AZ but the design draws only one Availability Zone", c.label),
                item,
            ));
        }
    }
}
