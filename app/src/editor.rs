//! The app's one document store: the design, its history, and the session
//! state around it (selection, viewport). Only the design is saved or undone.

use std::collections::HashMap;

use cloudwright_core::edit;
use cloudwright_core::{
    Catalog, Command, Component, ComponentId, ComponentKind, ContainerId, Design, EditError, History, ItemRef, Link,
    LinkId, Point, COMPONENT_SIZE,
};
use leptos::prelude::*;

use crate::canvas::viewport::Viewport;

/// What is drawn in place of a component hidden in a collapsed container.
#[derive(Clone, Debug, PartialEq)]
pub struct StandIn {
    /// The outermost collapsed container around it.
    pub container: ContainerId,
    /// That container's header.
    pub rect: cloudwright_core::Rect,
}

/// One signal per component and per link, kept equal to the design's item by
/// [`Editor::sync_parts`] after every edit. Nodes and links read only their
/// own: with thousands on the canvas, an edit wakes the few that changed, and
/// the design signal keeps a handful of subscribers instead of one per item
/// (each re-subscription to a crowded signal costs time in proportion to the crowd).
#[derive(Default)]
struct Parts {
    components: HashMap<ComponentId, ArcRwSignal<Option<Component>>>,
    links: HashMap<LinkId, ArcRwSignal<Option<Link>>>,
    /// For each component out of sight in a collapsed container, that container
    /// and where it is drawn: what its links end at instead.
    hidden: HashMap<ComponentId, ArcRwSignal<Option<StandIn>>>,
    /// Whether any component has a stand-in (else, with nothing collapsed, there is nothing to update).
    any_hidden: bool,
    /// Whether each item is selected, kept in step with `Editor::selection`:
    /// with one flag per item, a selection change wakes only the items it
    /// changed, and the selection signal keeps few subscribers.
    selected: HashMap<ItemRef, ArcRwSignal<bool>>,
}

/// Brings `signals` in line with `items`: changed items are set, new ones get a
/// signal, and removed ones are set to `None` and forgotten. Returns the
/// signals to set, so they are set after the map is released.
fn sync_items<K, T>(
    signals: &mut HashMap<K, ArcRwSignal<Option<T>>>,
    items: &[T],
    id: fn(&T) -> &K,
) -> Vec<(ArcRwSignal<Option<T>>, Option<T>)>
where
    K: Clone + Eq + std::hash::Hash,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let mut sets = Vec::new();
    for item in items {
        match signals.get(id(item)) {
            Some(signal) => {
                if signal.with_untracked(|old| old.as_ref() != Some(item)) {
                    sets.push((signal.clone(), Some(item.clone())));
                }
            }
            None => {
                signals.insert(id(item).clone(), ArcRwSignal::new(Some(item.clone())));
            }
        }
    }
    if signals.len() > items.len() {
        let live: std::collections::HashSet<&K> = items.iter().map(id).collect();
        signals.retain(|k, signal| {
            let keep = live.contains(k);
            if !keep {
                sets.push((signal.clone(), None));
            }
            keep
        });
    }
    sets
}

/// The editor context: small and `Copy`, handed to views with `use_context`.
#[derive(Clone, Copy, Debug)]
pub struct Editor {
    /// The document.
    pub design: RwSignal<Design>,
    history: StoredValue<History>,
    /// Notified whenever the history changes (for the undo/redo buttons).
    history_changed: Trigger,
    /// Ids in drawing order; change only when items are added, removed or reordered.
    /// Components come with their kind: a node is drawn for an id and a kind, so
    /// what follows from the kind (name, colour, icon) is drawn once, not watched.
    pub component_keys: Memo<Vec<(ComponentId, ComponentKind)>>,
    pub link_ids: Memo<Vec<LinkId>>,
    parts: StoredValue<Parts>,
    /// Container ids, outermost first, so inner frames draw on top.
    pub container_ids: Memo<Vec<ContainerId>>,
    /// Session state: never saved, never undone.
    pub selection: RwSignal<Vec<ItemRef>>,
    pub viewport: RwSignal<Viewport>,
    /// The canvas's size on screen, in CSS pixels.
    pub canvas_size: RwSignal<(f64, f64)>,
    /// A short message for the status bar (e.g. why an edit was refused).
    pub notice: RwSignal<Option<String>>,
    /// What Copy put aside: a design file, as Paste reads it.
    clipboard: StoredValue<Option<String>>,
    /// How many times the clipboard was pasted, to offset each paste.
    pastes: StoredValue<u32>,
    /// The open gesture wants the analyses to follow it live (a slider), not wait for its end (a drag).
    live: StoredValue<bool>,
    /// What the analyses read (`Design::analysis_digest`), kept while a drag
    /// is open: the analyses run again only when it changes (see `settled`).
    analysed: Memo<u64>,
}

/// Grid spacing in design units; new and pasted items snap to it.
pub const GRID: f64 = 20.0;

/// A memo of the design's ids in order that copies them only when they change:
/// a drag re-checks the order but allocates nothing.
fn ids_memo<I: Clone + PartialEq + Send + Sync + 'static>(
    design: RwSignal<Design>,
    ids: for<'a> fn(&'a Design) -> Box<dyn Iterator<Item = &'a I> + 'a>,
) -> Memo<Vec<I>> {
    Memo::new_owning(move |old: Option<Vec<I>>| {
        design.with(|d| match old {
            Some(old) if old.iter().eq(ids(d)) => (old, false),
            _ => (ids(d).cloned().collect(), true),
        })
    })
}

/// How deep a container sits (0 for a top-level one).
fn depth(d: &Design, id: &ContainerId) -> usize {
    d.container(id).map_or(0, |c| d.ancestors(c.parent.as_ref()).len())
}

fn snap(v: f64) -> f64 {
    (v / GRID).round() * GRID
}

impl Editor {
    pub fn new(design: Design) -> Self {
        let design = RwSignal::new(design);
        let history = StoredValue::new(History::new());
        let history_changed = Trigger::new();
        let live = StoredValue::new(false);
        let editor = Self {
            design,
            history,
            history_changed,
            component_keys: Memo::new_owning(move |old: Option<Vec<(ComponentId, ComponentKind)>>| {
                design.with(|d| {
                    let keys = || d.components.iter().map(|c| (&c.id, &c.kind));
                    match old {
                        Some(old) if old.iter().map(|(i, k)| (i, k)).eq(keys()) => (old, false),
                        _ => (keys().map(|(i, k)| (i.clone(), k.clone())).collect(), true),
                    }
                })
            }),
            link_ids: ids_memo(design, |d| Box::new(d.links.iter().map(|l| &l.id))),
            container_ids: Memo::new_owning(move |old: Option<Vec<ContainerId>>| {
                design.with(|d| {
                    // Containers rarely change; when the same ones are there, keep the order.
                    if let Some(old) = old {
                        if old.len() == d.containers.len() && d.containers.iter().all(|c| old.contains(&c.id)) {
                            let depths_hold = old.windows(2).all(|w| depth(d, &w[0]) <= depth(d, &w[1]));
                            if depths_hold {
                                return (old, false);
                            }
                        }
                    }
                    (d.containers_outermost_first().into_iter().map(|c| c.id.clone()).collect(), true)
                })
            }),
            parts: StoredValue::new(Parts::default()),
            selection: RwSignal::new(Vec::new()),
            viewport: RwSignal::new(Viewport::default()),
            canvas_size: RwSignal::new((800.0, 600.0)),
            notice: RwSignal::new(None),
            clipboard: StoredValue::new(None),
            pastes: StoredValue::new(0),
            live,
            analysed: Memo::new(move |last: Option<&u64>| {
                history_changed.track();
                match last {
                    Some(last) if history.with_value(History::in_gesture) && !live.get_value() => *last,
                    _ => design.with(Design::analysis_digest),
                }
            }),
        };
        editor.sync_parts();
        // Bring the per-item selection flags in step after each selection change.
        let selection = editor.selection;
        let parts = editor.parts;
        Effect::new(move |before: Option<Vec<ItemRef>>| {
            let now = selection.get();
            let before = before.unwrap_or_default();
            let flags: Vec<(ArcRwSignal<bool>, bool)> = parts
                .try_with_value(|p| {
                    let went = before.iter().filter(|i| !now.contains(i)).map(|i| (i, false));
                    let came = now.iter().filter(|i| !before.contains(i)).map(|i| (i, true));
                    went.chain(came).filter_map(|(i, on)| p.selected.get(i).map(|f| (f.clone(), on))).collect()
                })
                .unwrap_or_default();
            for (flag, on) in flags {
                flag.set(on);
            }
            now
        });
        editor
    }

    /// Whether `item` is selected, tracked: re-runs the caller only when that
    /// item's selection changes.
    pub fn is_selected(&self, item: &ItemRef) -> bool {
        let selection = self.selection;
        let flag = self.parts.try_update_value(|p| {
            p.selected
                .entry(item.clone())
                .or_insert_with(|| ArcRwSignal::new(selection.with_untracked(|s| s.contains(item))))
                .clone()
        });
        flag.is_some_and(|f| f.get())
    }

    /// Adds a component of `kind` with its centre near `centre` (design
    /// coordinates), inside the container there, and selects it.
    pub fn add_component(&self, kind: &str, centre: Point) {
        let Some(spec) = Catalog::builtin().kind(kind) else { return };
        let (id, component) = self.design.with_untracked(|d| {
            let id = d.fresh_component_id();
            let mut c = Component::new(
                id.clone(),
                ComponentKind::new(kind),
                spec.name.clone(),
                Point::new(snap(centre.x - COMPONENT_SIZE.w / 2.0), snap(centre.y - COMPONENT_SIZE.h / 2.0)),
            );
            c.parent = d.container_at(centre, None).map(|g| g.id.clone());
            (id, c)
        });
        if self.apply(Command::AddComponent { component, at: None }, &format!("Add {}", spec.name)).is_ok() {
            self.selection.set(vec![ItemRef::Component(id)]);
        }
    }

    /// Adds a component of `kind` in the middle of what the canvas shows.
    pub fn add_component_at_centre(&self, kind: &str) {
        let (w, h) = self.canvas_size.get_untracked();
        let centre = self.viewport.get_untracked().to_design(w / 2.0, h / 2.0);
        self.add_component(kind, centre);
    }

    pub fn delete_selection(&self) {
        let items = self.selection.get_untracked();
        if items.is_empty() {
            return;
        }
        let cmd = self.design.with_untracked(|d| edit::delete(d, &items));
        if self.apply(cmd, &format!("Delete {} item(s)", items.len())).is_ok() {
            self.selection.set(Vec::new());
        }
    }

    pub fn select_all(&self) {
        let all = self.design.with_untracked(|d| {
            d.components
                .iter()
                .map(|c| ItemRef::Component(c.id.clone()))
                .chain(d.containers.iter().map(|g| ItemRef::Container(g.id.clone())))
                .collect()
        });
        self.selection.set(all);
    }

    /// Copies the selection; returns the design file put aside.
    pub fn copy_selection(&self) -> Option<String> {
        let items = self.selection.get_untracked();
        if items.iter().all(|i| matches!(i, ItemRef::Link(_))) {
            return None;
        }
        let text = self.design.with_untracked(|d| edit::copy(d, &items));
        self.clipboard.set_value(Some(text.clone()));
        self.pastes.set_value(0);
        self.notice.set(Some(format!("Copied {} item(s)", items.len())));
        Some(text)
    }

    pub fn cut_selection(&self) {
        if self.copy_selection().is_some() {
            self.delete_selection();
        }
    }

    /// Pastes what was copied, a little further down each time, and selects it.
    pub fn paste(&self) {
        let Some(text) = self.clipboard.get_value() else {
            self.notice.set(Some("Nothing to paste: copy something first".into()));
            return;
        };
        self.pastes.update_value(|n| *n += 1);
        let step = f64::from(self.pastes.get_value()) * 2.0 * GRID;
        match self.design.with_untracked(|d| edit::paste(d, &text, Point::new(step, step))) {
            Ok((cmd, items)) => {
                if self.apply(cmd, "Paste").is_ok() {
                    self.selection.set(items);
                }
            }
            Err(e) => self.notice.set(Some(e)),
        }
    }

    pub fn duplicate_selection(&self) {
        let items = self.selection.get_untracked();
        if let Some((cmd, pasted)) = self.design.with_untracked(|d| edit::duplicate(d, &items)) {
            if self.apply(cmd, "Duplicate").is_ok() {
                self.selection.set(pasted);
            }
        }
    }

    /// Moves the selection by (`dx`, `dy`); containers bring their contents.
    pub fn nudge(&self, dx: f64, dy: f64) {
        let items = self.selection.get_untracked();
        let cmd = self.design.with_untracked(|d| Command::translate(d, &items, dx, dy));
        if !cmd.is_empty() {
            let _ = self.apply(cmd, "Nudge");
        }
    }

    /// Lays the whole design out left to right by tiers (one undo step), and shows it.
    pub fn auto_layout(&self) {
        match self.design.with_untracked(cloudwright_core::layout::auto_layout) {
            Some(cmd) => {
                if self.apply(cmd, "Auto-layout").is_ok() {
                    self.fit();
                }
            }
            None => self.notice.set(Some("Already laid out".into())),
        }
    }

    /// Links the first selected component to the second.
    pub fn connect_selected(&self) {
        let ids: Vec<ComponentId> = self
            .selection
            .get_untracked()
            .into_iter()
            .filter_map(|i| match i {
                ItemRef::Component(id) => Some(id),
                _ => None,
            })
            .collect();
        let [from, to] = ids.as_slice() else {
            self.notice.set(Some("Select exactly two components to connect them (C)".into()));
            return;
        };
        self.connect(from, to);
    }

    /// Adds a link `from` → `to` and selects it.
    pub fn connect(&self, from: &ComponentId, to: &ComponentId) {
        let id = self.design.with_untracked(|d| d.fresh_link_id());
        let link = Link::new(id.clone(), from.clone(), to.clone());
        if self.apply(Command::Connect { link, at: None }, "Connect").is_ok() {
            self.selection.set(vec![ItemRef::Link(id)]);
        }
    }

    /// Updates the per-item signals after an edit: only the changed items'
    /// views wake up.
    fn sync_parts(&self) {
        let sets = self.design.with_untracked(|d| {
            self.parts
                .try_update_value(|p| {
                    (
                        sync_items(&mut p.components, &d.components, |c| &c.id),
                        sync_items(&mut p.links, &d.links, |l| &l.id),
                    )
                })
                .unwrap_or_default()
        });
        let (components, links) = sets;
        for (signal, value) in components {
            signal.set(value);
        }
        for (signal, value) in links {
            signal.set(value);
        }
        self.sync_hidden();
    }

    /// Updates the signals of components `ids` only (after an edit that changed nothing else).
    fn sync_components(&self, ids: &[ComponentId]) {
        let sets: Vec<(ArcRwSignal<Option<Component>>, Component)> = self.design.with_untracked(|d| {
            // A few: find each; many (a frame and its contents): index them once.
            let index: Option<HashMap<&ComponentId, usize>> =
                (ids.len() > 8).then(|| d.components.iter().enumerate().map(|(i, c)| (&c.id, i)).collect());
            let find = |id: &ComponentId| match &index {
                Some(index) => index.get(id).copied(),
                None => d.component_index(id),
            };
            self.parts.with_value(|p| {
                ids.iter()
                    .filter_map(|id| Some((p.components.get(id)?.clone(), find(id)?)))
                    .map(|(signal, i)| (signal, d.components[i].clone()))
                    .collect()
            })
        });
        for (signal, component) in sets {
            signal.set(Some(component));
        }
    }

    /// Updates which components are hidden by a collapsed container.
    fn sync_hidden(&self) {
        let changes = self.design.with_untracked(|d| {
            let collapsed = d.containers.iter().any(|g| g.collapsed);
            self.parts
                .try_update_value(|p| {
                    if !collapsed && !p.any_hidden {
                        return Vec::new();
                    }
                    p.any_hidden = collapsed;
                    let mut changes = Vec::new();
                    for c in &d.components {
                        let stand_in = if collapsed { d.collapsed_ancestor(c.parent.as_ref()) } else { None }
                            .map(|g| StandIn { container: g.id.clone(), rect: g.header() });
                        let signal = p.hidden.entry(c.id.clone()).or_insert_with(|| ArcRwSignal::new(None));
                        if signal.with_untracked(|s| *s != stand_in) {
                            changes.push((signal.clone(), stand_in));
                        }
                    }
                    changes
                })
                .unwrap_or_default()
        });
        for (signal, stand_in) in changes {
            signal.set(stand_in);
        }
    }

    /// The stand-in signal of component `id`, made (empty) when first asked for.
    fn stand_in_signal(&self, id: &ComponentId) -> Option<ArcRwSignal<Option<StandIn>>> {
        self.parts.try_update_value(|p| p.hidden.entry(id.clone()).or_insert_with(|| ArcRwSignal::new(None)).clone())
    }

    /// What stands in for component `id` while a collapsed container hides it, tracked.
    pub fn stand_in(&self, id: &ComponentId) -> Option<StandIn> {
        self.stand_in_signal(id).and_then(|s| s.get())
    }

    /// Whether component `id` is hidden inside a collapsed container, tracked.
    pub fn is_hidden(&self, id: &ComponentId) -> bool {
        self.stand_in_signal(id).is_some_and(|s| s.with(Option::is_some))
    }

    /// The component `id`, as a signal that changes only when it does (for a view of it).
    pub fn component_part(&self, id: &ComponentId) -> ReadSignal<Option<Component>> {
        let existing = self.parts.with_value(|p| p.components.get(id).cloned());
        let signal = existing.unwrap_or_else(|| {
            self.sync_parts();
            self.parts.with_value(|p| p.components.get(id).cloned()).unwrap_or_else(|| ArcRwSignal::new(None))
        });
        ReadSignal::from(signal.read_only())
    }

    /// Calls `f` with link `id` and the components at its ends, tracking only
    /// those three items.
    pub fn with_link_ends<T>(&self, id: &LinkId, f: impl FnOnce(&Link, &Component, &Component) -> T) -> Option<T> {
        let link = self.parts.with_value(|p| p.links.get(id).cloned())?;
        // Tracked before anything can return early, so a change to the link always re-runs the caller.
        link.track();
        let (from, to) = self.parts.with_value(|p| {
            link.with_untracked(|l| {
                l.as_ref().map(|l| (p.components.get(&l.from).cloned(), p.components.get(&l.to).cloned()))
            })
        })?;
        let (Some(from), Some(to)) = (from, to) else { return None };
        link.with(|l| from.with(|a| to.with(|b| Some(f(l.as_ref()?, a.as_ref()?, b.as_ref()?)))))
    }

    /// The component with `id`, tracked: re-runs the caller when that component changes.
    pub fn component(&self, id: &ComponentId) -> Option<Component> {
        self.parts.with_value(|p| p.components.get(id).cloned())?.get()
    }

    /// The link with `id`, tracked like [`Editor::component`].
    pub fn link(&self, id: &LinkId) -> Option<Link> {
        self.parts.with_value(|p| p.links.get(id).cloned())?.get()
    }

    /// Applies an edit through the history. A refused edit changes nothing and
    /// is reported in the status bar.
    pub fn apply(&self, command: Command, label: &str) -> Result<(), EditError> {
        // A move (every pointer move of a drag) changes only the components it
        // names: update just their signals instead of comparing every item.
        // A container among them moves what it holds too, and may be a collapsed
        // one whose links end at its header.
        let moved: Option<(Vec<ComponentId>, bool)> = match &command {
            Command::Move { moves } => Some((
                moves
                    .iter()
                    .filter_map(|(item, _)| match item {
                        ItemRef::Component(id) => Some(id.clone()),
                        _ => None,
                    })
                    .collect(),
                moves.iter().any(|(item, _)| matches!(item, ItemRef::Container(_))),
            )),
            _ => None,
        };
        let mut result = Ok(());
        self.design.maybe_update(|d| {
            result = self.history.try_update_value(|h| h.apply(d, command, label)).unwrap_or(Ok(()));
            result.is_ok()
        });
        match moved {
            Some((ids, containers)) if result.is_ok() => {
                self.sync_components(&ids);
                if containers {
                    // A collapsed container that moves takes its links' ends along.
                    self.sync_hidden();
                }
            }
            _ => self.sync_parts(),
        }
        // Within a gesture (each step of a drag) the history shows nothing new
        // until the commit, and what follows it (the settled analyses, the undo
        // buttons) would only re-run to find it unchanged.
        if !self.history.with_value(History::in_gesture) {
            self.history_changed.notify();
        }
        if let Err(e) = &result {
            self.notice.set(Some(format!("Not done: {e}")));
        }
        result
    }

    /// Replaces the whole design (an example, a file) as one undoable step,
    /// and shows all of it.
    pub fn open(&self, design: Design, label: &str) {
        if self.apply(Command::ReplaceAll(Box::new(design)), label).is_ok() {
            self.selection.set(Vec::new());
            self.fit();
        }
    }

    /// Takes `design`, saved by another tab editing the same design, as one
    /// undoable step: the view does not move, what is still there stays selected,
    /// and undo goes back to what this tab had. Nothing is done during a gesture,
    /// which the change must not cut into, or if this tab has that design already.
    pub fn take_from_another_tab(&self, design: Design) {
        if self.in_gesture() || self.design.with_untracked(|d| *d == design) {
            return;
        }
        if self.apply(Command::ReplaceAll(Box::new(design)), "Changes from another tab").is_ok() {
            self.after_history_step(Some(
                "This design was changed in another tab; it now shows those changes (undo goes back)".to_owned(),
            ));
        }
    }

    /// Makes `design` the document with a fresh history (another design from
    /// the library: undo does not cross from one design to another), and shows it.
    pub fn load(&self, design: Design) {
        self.history.set_value(History::new());
        self.design.set(design);
        self.sync_parts();
        self.selection.set(Vec::new());
        self.history_changed.notify();
        self.fit();
    }

    /// Whether a gesture (a drag, a resize) is under way.
    pub(crate) fn in_gesture(&self) -> bool {
        self.history.with_value(History::in_gesture)
    }

    /// Subscribes the running effect to the design's settled changes: every edit and
    /// undo, a gesture's start and end, but not the steps of a drag.
    pub(crate) fn track_edits(&self) {
        self.history_changed.track();
    }

    /// Zooms by `factor` about the middle of the canvas.
    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = self.canvas_size.get_untracked();
        self.viewport.update(|v| *v = v.zoomed_at(w / 2.0, h / 2.0, factor));
    }

    /// Zooms and pans so the whole design, as drawn, fits the canvas (what
    /// collapsed containers hide does not count).
    pub fn fit(&self) {
        let (w, h) = self.canvas_size.get_untracked();
        if let Some(b) = self.design.with_untracked(Design::drawn_bounds) {
            self.viewport.set(Viewport::fit(b, w, h, 40.0));
        }
    }

    /// Opens a history gesture (a drag): the edits until [`Editor::commit`] are one undo step.
    pub fn begin(&self, label: &str) {
        self.history.update_value(|h| h.begin(label));
        self.history_changed.notify();
    }

    /// Opens a gesture whose edits the analyses follow as they happen (a slider:
    /// the point is to watch the cost move), still one undo step.
    pub fn begin_live(&self, label: &str) {
        self.live.set_value(true);
        self.begin(label);
    }

    pub fn commit(&self) {
        self.live.set_value(false);
        self.history.update_value(History::commit);
        self.history_changed.notify();
    }

    /// Abandons the open gesture, restoring the design as it was.
    pub fn cancel(&self) {
        self.live.set_value(false);
        self.design.update(|d| self.history.update_value(|h| h.cancel(d)));
        self.sync_parts();
        self.history_changed.notify();
    }

    /// Runs `analysis` on the design whenever what the analyses read changes
    /// (`Design::analysis_digest`): not while items are being dragged (a
    /// gesture opened with [`Editor::begin`], not [`Editor::begin_live`]), and
    /// not at all for a change that only moves things, a drag's drop included,
    /// since moving changes neither cost, findings nor resilience. (At 5,000
    /// components a drop ran cost and validation again, about 15 ms of its frame.)
    pub fn settled<T: Clone + PartialEq + Send + Sync + 'static>(
        self,
        analysis: impl Fn(&Design) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        Memo::new(move |_| {
            // Read, not only tracked (a memo never read counts as changed when first checked).
            let _ = self.analysed.get();
            self.design.with_untracked(&analysis)
        })
    }

    pub fn undo(&self) {
        if self.history.with_value(History::in_gesture) {
            return; // finish or cancel the drag first
        }
        let mut label = None;
        self.design.maybe_update(|d| {
            label = self.history.try_update_value(|h| h.undo(d)).flatten();
            label.is_some()
        });
        self.sync_parts();
        self.after_history_step(label.map(|l| format!("Undid {l}")));
    }

    pub fn redo(&self) {
        if self.history.with_value(History::in_gesture) {
            return;
        }
        let mut label = None;
        self.design.maybe_update(|d| {
            label = self.history.try_update_value(|h| h.redo(d)).flatten();
            label.is_some()
        });
        self.sync_parts();
        self.after_history_step(label.map(|l| format!("Redid {l}")));
    }

    fn after_history_step(&self, message: Option<String>) {
        // Items that no longer exist cannot stay selected.
        let design = self.design;
        self.selection.update(|s| design.with_untracked(|d| s.retain(|i| d.contains(i))));
        self.history_changed.notify();
        if message.is_some() {
            self.notice.set(message);
        }
    }

    /// Whether there is something to undo, tracked.
    pub fn can_undo(&self) -> bool {
        self.history_changed.track();
        self.history.with_value(|h| h.can_undo() && !h.in_gesture())
    }

    pub fn can_redo(&self) -> bool {
        self.history_changed.track();
        self.history.with_value(History::can_redo)
    }

    /// The label of what undo would undo, tracked.
    pub fn undo_label(&self) -> Option<String> {
        self.history_changed.track();
        self.history.with_value(|h| h.undo_label().map(str::to_owned))
    }

    pub fn redo_label(&self) -> Option<String> {
        self.history_changed.track();
        self.history.with_value(|h| h.redo_label().map(str::to_owned))
    }
}

/// The editor of the enclosing [`crate::App`].
pub fn use_editor() -> Editor {
    // Every view is mounted under `App`, which provides the editor.
    #[allow(clippy::expect_used)]
    use_context::<Editor>().expect("views are mounted inside App, which provides the Editor")
}
