//! Editing operations built from commands: delete, copy, paste and duplicate.
//! The clipboard holds an ordinary design file, so a copy can be pasted into
//! another design, another tab, or a text editor.

use std::collections::{HashMap, HashSet};

use crate::catalog::Catalog;
use crate::command::Command;
use crate::design::{Design, Point};
use crate::format::{export, import};
use crate::id::{ComponentId, ContainerId, ItemRef, LinkId};

/// Deletes `items`: links first, then components (with their links), then
/// containers (whose contents move up a level). One undoable step.
pub fn delete(design: &Design, items: &[ItemRef]) -> Command {
    let mut cmds = Vec::new();
    let components: HashSet<&ComponentId> = items
        .iter()
        .filter_map(|i| match i {
            ItemRef::Component(id) => Some(id),
            _ => None,
        })
        .collect();
    for i in items {
        if let ItemRef::Link(id) = i {
            // A link that goes with a deleted component is removed with it.
            if let Some(l) = design.link(id) {
                if !components.contains(&l.from) && !components.contains(&l.to) {
                    cmds.push(Command::Disconnect { id: id.clone() });
                }
            }
        }
    }
    for i in items {
        if let ItemRef::Component(id) = i {
            if design.component(id).is_some() {
                cmds.push(Command::RemoveComponent { id: id.clone() });
            }
        }
    }
    for i in items {
        if let ItemRef::Container(id) = i {
            if design.container(id).is_some() {
                cmds.push(Command::RemoveContainer { id: id.clone() });
            }
        }
    }
    Command::Batch(cmds)
}

/// The selected items as a design file: the components, the containers and
/// everything inside them, and the links between copied components.
pub fn copy(design: &Design, items: &[ItemRef]) -> String {
    let mut containers: HashSet<ContainerId> = HashSet::new();
    let mut components: HashSet<ComponentId> = HashSet::new();
    for i in items {
        match i {
            ItemRef::Component(id) => {
                components.insert(id.clone());
            }
            ItemRef::Container(id) => {
                containers.insert(id.clone());
                for inner in design.descendants(id) {
                    match inner {
                        ItemRef::Component(c) => {
                            components.insert(c);
                        }
                        ItemRef::Container(g) => {
                            containers.insert(g);
                        }
                        ItemRef::Link(_) => {}
                    }
                }
            }
            ItemRef::Link(_) => {}
        }
    }
    let mut part = Design {
        name: design.name.clone(),
        region: design.region.clone(),
        workload: design.workload,
        ..Design::default()
    };
    part.containers = design.containers.iter().filter(|g| containers.contains(&g.id)).cloned().collect();
    for g in &mut part.containers {
        if g.parent.as_ref().is_some_and(|p| !containers.contains(p)) {
            g.parent = None;
        }
    }
    part.components = design.components.iter().filter(|c| components.contains(&c.id)).cloned().collect();
    for c in &mut part.components {
        if c.parent.as_ref().is_some_and(|p| !containers.contains(p)) {
            c.parent = None;
        }
    }
    part.links =
        design.links.iter().filter(|l| components.contains(&l.from) && components.contains(&l.to)).cloned().collect();
    export(&part)
}

/// Pastes a copied design file into `design`, moved by `offset`, with fresh
/// ids. Returns the command and the pasted items (to select them).
pub fn paste(design: &Design, text: &str, offset: Point) -> Result<(Command, Vec<ItemRef>), String> {
    let part = import(text, Catalog::builtin()).map_err(|e| format!("cannot paste: {e}"))?.design;
    if part.components.is_empty() && part.containers.is_empty() {
        return Err("nothing to paste".to_owned());
    }
    let mut next_c = design.fresh_component_id().number().unwrap_or(1);
    let first_g = design.fresh_container_id().number().unwrap_or(1);
    let mut next_l = design.fresh_link_id().number().unwrap_or(1);
    let mut groups: HashMap<ContainerId, ContainerId> = HashMap::new();
    let mut comps: HashMap<ComponentId, ComponentId> = HashMap::new();
    let mut cmds = Vec::new();
    let mut pasted = Vec::new();
    // Containers parent-first, so each one's parent exists when it is added.
    let mut order: Vec<&crate::design::Container> = part.containers.iter().collect();
    crate::order::sort_by_key(&mut order, |g| part.ancestors(g.parent.as_ref()).len());
    for (n, g) in (first_g..).zip(order) {
        let id = ContainerId::numbered(n);
        groups.insert(g.id.clone(), id.clone());
        let mut new = g.clone();
        new.id = id.clone();
        new.parent = g.parent.as_ref().and_then(|p| groups.get(p)).cloned();
        new.rect.x += offset.x;
        new.rect.y += offset.y;
        cmds.push(Command::AddContainer { container: new, at: None });
        pasted.push(ItemRef::Container(id));
    }
    for c in &part.components {
        let id = ComponentId::numbered(next_c);
        next_c += 1;
        comps.insert(c.id.clone(), id.clone());
        let mut new = c.clone();
        new.id = id.clone();
        new.parent = c.parent.as_ref().and_then(|p| groups.get(p)).cloned();
        new.position = Point::new(c.position.x + offset.x, c.position.y + offset.y);
        cmds.push(Command::AddComponent { component: new, at: None });
        pasted.push(ItemRef::Component(id));
    }
    for l in &part.links {
        let (Some(from), Some(to)) = (comps.get(&l.from), comps.get(&l.to)) else { continue };
        let mut new = l.clone();
        new.id = LinkId::numbered(next_l);
        next_l += 1;
        new.from = from.clone();
        new.to = to.clone();
        cmds.push(Command::Connect { link: new, at: None });
    }
    Ok((Command::Batch(cmds), pasted))
}

/// Copies and pastes `items` in one go, 24 units down and right.
pub fn duplicate(design: &Design, items: &[ItemRef]) -> Option<(Command, Vec<ItemRef>)> {
    paste(design, &copy(design, items), Point::new(24.0, 24.0)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::default_design;

    #[test]
    fn duplicating_a_subnet_copies_what_is_inside_with_fresh_ids() {
        let mut d = default_design();
        let (cmd, items) = duplicate(&d, &[ItemRef::Container("g4".into())]).unwrap();
        let before = d.clone();
        let undo = cmd.apply(&mut d).unwrap();
        assert_eq!(items.len(), 2, "the subnet and the web app inside it");
        assert_eq!(d.components.len(), before.components.len() + 1);
        assert_eq!(d.containers.len(), before.containers.len() + 1);
        let copy = d.components.last().unwrap();
        assert_eq!(copy.id.as_str(), "c5");
        assert_eq!(copy.parent.as_ref().unwrap().as_str(), "g6");
        assert_eq!(copy.position, Point::new(552.0 + 24.0, 230.0 + 24.0));
        undo.apply(&mut d).unwrap();
        assert_eq!(d, before);
    }

    #[test]
    fn copying_two_linked_components_keeps_their_link() {
        let mut d = default_design();
        let text = copy(&d, &[ItemRef::Component("c3".into()), ItemRef::Component("c4".into())]);
        let (cmd, items) = paste(&d, &text, Point::new(0.0, 300.0)).unwrap();
        cmd.apply(&mut d).unwrap();
        assert_eq!(items.len(), 2);
        let l = d.links.last().unwrap();
        assert_eq!((l.id.as_str(), l.from.as_str(), l.to.as_str()), ("l4", "c5", "c6"));
        assert!(paste(&d, "not json", Point::default()).unwrap_err().starts_with("cannot paste"));
    }

    #[test]
    fn delete_is_one_undoable_step() {
        let mut d = default_design();
        let before = d.clone();
        let items = [ItemRef::Component("c2".into()), ItemRef::Link("l2".into()), ItemRef::Container("g3".into())];
        let undo = delete(&d, &items).apply(&mut d).unwrap();
        assert!(d.component(&"c2".into()).is_none() && d.container(&"g3".into()).is_none());
        assert_eq!(d.links.len(), 1);
        undo.apply(&mut d).unwrap();
        assert_eq!(d, before);
    }
}
