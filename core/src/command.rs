//! Edits. Every change to a [`Design`] is a [`Command`]; applying one returns
//! the command that undoes it, so history is a list of commands.
//!
//! A command either applies completely or leaves the design untouched and
//! returns an [`EditError`].

use std::fmt;

use crate::design::{Component, Container, CostSettings, Design, Link, Point, PropValue, Rect, Workload};
use crate::id::{ComponentId, ContainerId, ItemRef, LinkId};

/// One edit of a design.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Insert a component; `at` is its drawing-order index (end when `None`).
    AddComponent {
        component: Component,
        at: Option<usize>,
    },
    /// Remove a component and every link that touches it.
    RemoveComponent {
        id: ComponentId,
    },
    AddContainer {
        container: Container,
        at: Option<usize>,
    },
    /// Remove a container; what it held moves up to its parent.
    RemoveContainer {
        id: ContainerId,
    },
    Connect {
        link: Link,
        at: Option<usize>,
    },
    Disconnect {
        id: LinkId,
    },
    /// Place components (top-left) and containers (frame origin) at absolute points.
    Move {
        moves: Vec<(ItemRef, Point)>,
    },
    /// Set a container's frame.
    Resize {
        id: ContainerId,
        rect: Rect,
    },
    /// Set (`Some`) or clear (`None`, back to the default) one property.
    SetProperty {
        id: ComponentId,
        key: String,
        value: Option<PropValue>,
    },
    Rename {
        item: ItemRef,
        label: String,
    },
    /// Put a component or container into `parent` (or at top level).
    Reparent {
        item: ItemRef,
        parent: Option<ContainerId>,
    },
    /// Replace a link (matched by id) with new endpoints, protocol or traffic.
    UpdateLink {
        link: Link,
    },
    SetCollapsed {
        id: ContainerId,
        collapsed: bool,
    },
    SetWorkload(Workload),
    SetCostSettings(CostSettings),
    SetRegion(String),
    SetName(String),
    SetNotes(String),
    /// Replace the whole document (opening an example or a file), undoably.
    ReplaceAll(Box<Design>),
    /// Several edits as one; applied in order, undone in reverse.
    Batch(Vec<Command>),
}

/// Why an edit was refused. The design is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    Missing(ItemRef),
    DuplicateId(ItemRef),
    /// Re-parenting would put a container inside itself.
    ContainerCycle(ContainerId),
    /// The item cannot take this edit (e.g. moving a link).
    NotApplicable(ItemRef, &'static str),
    /// A link from a component to itself.
    SelfLink(ComponentId),
    NonFinite,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Missing(item) => write!(f, "{item} does not exist"),
            EditError::DuplicateId(item) => write!(f, "{item} already exists"),
            EditError::ContainerCycle(id) => write!(f, "container {id} cannot be placed inside itself"),
            EditError::NotApplicable(item, why) => write!(f, "{item}: {why}"),
            EditError::SelfLink(id) => write!(f, "component {id} cannot link to itself"),
            EditError::NonFinite => f.write_str("coordinates must be finite numbers"),
        }
    }
}

impl std::error::Error for EditError {}

fn finite(p: Point) -> bool {
    p.x.is_finite() && p.y.is_finite()
}

impl Command {
    /// Applies the command and returns its inverse. On error nothing changed.
    pub fn apply(self, d: &mut Design) -> Result<Command, EditError> {
        use Command as C;
        Ok(match self {
            C::AddComponent { component, at } => {
                if d.component(&component.id).is_some() {
                    return Err(EditError::DuplicateId(component.id.into()));
                }
                if !finite(component.position) {
                    return Err(EditError::NonFinite);
                }
                if let Some(p) = &component.parent {
                    if d.container(p).is_none() {
                        return Err(EditError::Missing(p.clone().into()));
                    }
                }
                let id = component.id.clone();
                let at = at.unwrap_or(d.components.len()).min(d.components.len());
                d.components.insert(at, component);
                C::RemoveComponent { id }
            }
            C::RemoveComponent { id } => {
                let Some(index) = d.component_index(&id) else {
                    return Err(EditError::Missing(id.into()));
                };
                let touching: Vec<usize> =
                    (0..d.links.len()).filter(|&i| d.links[i].from == id || d.links[i].to == id).collect();
                let mut removed_links = Vec::with_capacity(touching.len());
                for &i in touching.iter().rev() {
                    removed_links.push((i, d.links.remove(i)));
                }
                let component = d.components.remove(index);
                let mut undo = vec![C::AddComponent { component, at: Some(index) }];
                // Re-inserting in ascending index order restores every link to its place.
                undo.extend(removed_links.into_iter().rev().map(|(i, link)| C::Connect { link, at: Some(i) }));
                C::Batch(undo)
            }
            C::AddContainer { container, at } => {
                if d.container(&container.id).is_some() {
                    return Err(EditError::DuplicateId(container.id.into()));
                }
                if !finite(container.rect.origin()) || !container.rect.w.is_finite() || !container.rect.h.is_finite() {
                    return Err(EditError::NonFinite);
                }
                if let Some(p) = &container.parent {
                    if d.container(p).is_none() {
                        return Err(EditError::Missing(p.clone().into()));
                    }
                }
                let id = container.id.clone();
                let at = at.unwrap_or(d.containers.len()).min(d.containers.len());
                d.containers.insert(at, container);
                C::RemoveContainer { id }
            }
            C::RemoveContainer { id } => {
                let Some(index) = d.container_index(&id) else {
                    return Err(EditError::Missing(id.into()));
                };
                let container = d.containers.remove(index);
                let mut undo = vec![C::AddContainer { container: container.clone(), at: Some(index) }];
                for c in d.containers.iter_mut().filter(|c| c.parent.as_ref() == Some(&id)) {
                    c.parent.clone_from(&container.parent);
                    undo.push(C::Reparent { item: ItemRef::Container(c.id.clone()), parent: Some(id.clone()) });
                }
                for c in d.components.iter_mut().filter(|c| c.parent.as_ref() == Some(&id)) {
                    c.parent.clone_from(&container.parent);
                    undo.push(C::Reparent { item: ItemRef::Component(c.id.clone()), parent: Some(id.clone()) });
                }
                C::Batch(undo)
            }
            C::Connect { link, at } => {
                if d.link(&link.id).is_some() {
                    return Err(EditError::DuplicateId(link.id.into()));
                }
                check_endpoints(d, &link)?;
                let id = link.id.clone();
                let at = at.unwrap_or(d.links.len()).min(d.links.len());
                d.links.insert(at, link);
                C::Disconnect { id }
            }
            C::Disconnect { id } => {
                let Some(index) = d.link_index(&id) else {
                    return Err(EditError::Missing(id.into()));
                };
                C::Connect { link: d.links.remove(index), at: Some(index) }
            }
            C::Move { moves } => {
                // Where each item is, found first (which also checks them all,
                // so a refused move changes nothing). A drag of thousands of
                // items looked each one up along the whole design in turn.
                let places = places_of(d, &moves)?;
                let mut undo = Vec::with_capacity(moves.len());
                for ((item, to), place) in moves.into_iter().zip(places) {
                    let old = match place {
                        Place::Component(i) => std::mem::replace(&mut d.components[i].position, to),
                        Place::Container(i) => {
                            let rect = &mut d.containers[i].rect;
                            let old = rect.origin();
                            rect.x = to.x;
                            rect.y = to.y;
                            old
                        }
                    };
                    undo.push((item, old));
                }
                // Undo in reverse, so an item moved twice in one batch ends where it began.
                undo.reverse();
                C::Move { moves: undo }
            }
            C::Resize { id, rect } => {
                if !finite(rect.origin()) || !rect.w.is_finite() || !rect.h.is_finite() {
                    return Err(EditError::NonFinite);
                }
                let Some(c) = d.container_mut(&id) else {
                    return Err(EditError::Missing(id.into()));
                };
                let old = std::mem::replace(&mut c.rect, rect);
                C::Resize { id, rect: old }
            }
            C::SetProperty { id, key, value } => {
                let Some(c) = d.component_mut(&id) else {
                    return Err(EditError::Missing(id.into()));
                };
                let old = match value {
                    Some(v) => c.props.insert(key.clone(), v),
                    None => c.props.remove(&key),
                };
                C::SetProperty { id, key, value: old }
            }
            C::Rename { item, label } => {
                let slot = match &item {
                    ItemRef::Component(id) => d.component_mut(id).map(|c| &mut c.label),
                    ItemRef::Container(id) => d.container_mut(id).map(|c| &mut c.label),
                    ItemRef::Link(id) => d.links.iter_mut().find(|l| &l.id == id).map(|l| &mut l.label),
                };
                let Some(slot) = slot else { return Err(EditError::Missing(item)) };
                let old = std::mem::replace(slot, label);
                C::Rename { item, label: old }
            }
            C::Reparent { item, parent } => {
                if let Some(p) = &parent {
                    if d.container(p).is_none() {
                        return Err(EditError::Missing(p.clone().into()));
                    }
                }
                let old = match &item {
                    ItemRef::Component(id) => {
                        let Some(c) = d.component_mut(id) else { return Err(EditError::Missing(item)) };
                        std::mem::replace(&mut c.parent, parent)
                    }
                    ItemRef::Container(id) => {
                        if d.container(id).is_none() {
                            return Err(EditError::Missing(item));
                        }
                        if let Some(p) = &parent {
                            if d.is_within(p, id) {
                                return Err(EditError::ContainerCycle(id.clone()));
                            }
                        }
                        let Some(c) = d.container_mut(id) else { return Err(EditError::Missing(item)) };
                        std::mem::replace(&mut c.parent, parent)
                    }
                    ItemRef::Link(_) => {
                        return Err(EditError::NotApplicable(item, "links do not sit in containers"));
                    }
                };
                C::Reparent { item, parent: old }
            }
            C::UpdateLink { link } => {
                let Some(index) = d.link_index(&link.id) else {
                    return Err(EditError::Missing(link.id.into()));
                };
                check_endpoints(d, &link)?;
                C::UpdateLink { link: std::mem::replace(&mut d.links[index], link) }
            }
            C::SetCollapsed { id, collapsed } => {
                let Some(c) = d.container_mut(&id) else {
                    return Err(EditError::Missing(id.into()));
                };
                C::SetCollapsed { collapsed: std::mem::replace(&mut c.collapsed, collapsed), id }
            }
            C::SetWorkload(w) => C::SetWorkload(std::mem::replace(&mut d.workload, w)),
            C::SetCostSettings(c) => C::SetCostSettings(std::mem::replace(&mut d.cost, c)),
            C::SetRegion(r) => C::SetRegion(std::mem::replace(&mut d.region, r)),
            C::SetName(n) => C::SetName(std::mem::replace(&mut d.name, n)),
            C::SetNotes(n) => C::SetNotes(std::mem::replace(&mut d.notes, n)),
            C::ReplaceAll(next) => C::ReplaceAll(Box::new(std::mem::replace(d, *next))),
            C::Batch(commands) => {
                let mut undo = Vec::with_capacity(commands.len());
                for command in commands {
                    match command.apply(d) {
                        Ok(inverse) => undo.push(inverse),
                        Err(e) => {
                            // Roll back what this batch already did.
                            for inverse in undo.into_iter().rev() {
                                let _ = inverse.apply(d);
                            }
                            return Err(e);
                        }
                    }
                }
                undo.reverse();
                C::Batch(undo)
            }
        })
    }

    /// Moves `items` by (`dx`, `dy`); moving a container moves everything inside it.
    pub fn translate(d: &Design, items: &[ItemRef], dx: f64, dy: f64) -> Command {
        let mut seen = std::collections::HashSet::new();
        let mut named = Vec::new();
        for item in items {
            if seen.insert(item.clone()) {
                named.push(item.clone());
            }
            if let ItemRef::Container(id) = item {
                named.extend(d.descendants(id).into_iter().filter(|inner| seen.insert(inner.clone())));
            }
        }
        // Many components (every press on a large selection) are found through
        // an index made once: looking each up along the design was quadratic.
        let index: Option<rustc_hash::FxHashMap<&ComponentId, Point>> =
            (named.len() >= INDEXED_FROM).then(|| d.components.iter().map(|c| (&c.id, c.position)).collect());
        let moves = named
            .into_iter()
            .filter_map(|item| {
                let at = match &item {
                    ItemRef::Component(id) => match &index {
                        Some(index) => index.get(id).copied(),
                        None => d.component(id).map(|c| c.position),
                    },
                    ItemRef::Container(id) => d.container(id).map(|c| c.rect.origin()),
                    ItemRef::Link(_) => None,
                }?;
                Some((item, Point::new(at.x + dx, at.y + dy)))
            })
            .collect();
        Command::Move { moves }
    }

    /// Whether this command changes nothing when applied (an empty batch or move).
    pub fn is_empty(&self) -> bool {
        match self {
            Command::Batch(c) => c.iter().all(Command::is_empty),
            Command::Move { moves } => moves.is_empty(),
            _ => false,
        }
    }
}

/// Where a moved item is in the design's lists.
enum Place {
    Component(usize),
    Container(usize),
}

/// From this many items on, a batch finds them through an index made once.
const INDEXED_FROM: usize = 16;

/// The place of each item `moves` names, or why the move is refused: a
/// position that is not finite, a link, or an item not in the design. Few
/// items are looked up in turn; many through an index made once.
fn places_of(d: &Design, moves: &[(ItemRef, Point)]) -> Result<Vec<Place>, EditError> {
    let index: Option<rustc_hash::FxHashMap<&ComponentId, usize>> =
        (moves.len() >= INDEXED_FROM).then(|| d.components.iter().enumerate().map(|(i, c)| (&c.id, i)).collect());
    moves
        .iter()
        .map(|(item, to)| {
            if !finite(*to) {
                return Err(EditError::NonFinite);
            }
            let place = match item {
                ItemRef::Component(id) => match &index {
                    Some(index) => index.get(id).copied(),
                    None => d.component_index(id),
                }
                .map(Place::Component),
                ItemRef::Container(id) => d.containers.iter().position(|c| &c.id == id).map(Place::Container),
                ItemRef::Link(_) => return Err(EditError::NotApplicable(item.clone(), "links cannot be moved")),
            };
            place.ok_or_else(|| EditError::Missing(item.clone()))
        })
        .collect()
}

fn check_endpoints(d: &Design, link: &Link) -> Result<(), EditError> {
    if link.from == link.to {
        return Err(EditError::SelfLink(link.from.clone()));
    }
    for end in [&link.from, &link.to] {
        if d.component(end).is_none() {
            return Err(EditError::Missing(end.clone().into()));
        }
    }
    Ok(())
}
