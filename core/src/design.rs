//! The design document: plain data, the only thing that is saved, shared,
//! exported and undone.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::id::{ComponentId, ContainerId, ItemRef, LinkId};

/// Width and height of a component's box on the canvas, in design units.
pub const COMPONENT_SIZE: Size = Size { w: 176.0, h: 60.0 };

/// Height of a container's header: all that is drawn of a collapsed container.
pub const HEADER_HEIGHT: f64 = 26.0;

/// Coordinates are kept within ±this bound; anything beyond is repaired on import.
pub const COORD_LIMIT: f64 = 1_000_000.0;

/// A point in design coordinates (canvas units, y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

/// A width and a height in design units.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Size {
    pub w: f64,
    pub h: f64,
}

/// An axis-aligned rectangle: top-left corner, width, height.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub const fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Self { x, y, w, h }
    }
    pub fn origin(&self) -> Point {
        Point::new(self.x, self.y)
    }
    /// The smallest rectangle holding all of `rects`; `None` if there are none.
    pub fn around(rects: impl IntoIterator<Item = Rect>) -> Option<Rect> {
        let mut acc: Option<(f64, f64, f64, f64)> = None;
        for r in rects {
            let (x0, y0, x1, y1) = (r.x, r.y, r.x + r.w, r.y + r.h);
            acc = Some(match acc {
                None => (x0, y0, x1, y1),
                Some((a, b, c, d)) => (a.min(x0), b.min(y0), c.max(x1), d.max(y1)),
            });
        }
        acc.map(|(x0, y0, x1, y1)| Rect::new(x0, y0, x1 - x0, y1 - y0))
    }
    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.x + self.w && p.y >= self.y && p.y <= self.y + self.h
    }
    /// The rectangle grown by `by` on every side.
    pub fn inflate(&self, by: f64) -> Rect {
        Rect::new(self.x - by, self.y - by, self.w + 2.0 * by, self.h + 2.0 * by)
    }
    /// The line a link draws from this box to `other`: from this box's edge
    /// towards the other's centre, to the other's edge towards this one's.
    pub fn line_to(&self, other: &Rect) -> (Point, Point) {
        (self.boundary_towards(other.center()), other.boundary_towards(self.center()))
    }
    /// The point where the segment from the centre towards `target` leaves the rectangle.
    pub fn boundary_towards(&self, target: Point) -> Point {
        let c = self.center();
        let (dx, dy) = (target.x - c.x, target.y - c.y);
        if dx == 0.0 && dy == 0.0 {
            return c;
        }
        let sx = if dx != 0.0 { (self.w / 2.0) / dx.abs() } else { f64::INFINITY };
        let sy = if dy != 0.0 { (self.h / 2.0) / dy.abs() } else { f64::INFINITY };
        let s = sx.min(sy).min(1.0);
        Point::new(c.x + dx * s, c.y + dy * s)
    }
}

/// The catalog key of a component's kind, e.g. `rds_postgres`. Kinds are data:
/// see [`crate::catalog`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ComponentKind(pub String);

impl ComponentKind {
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ComponentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The value of a component property.
#[derive(Clone, Debug, PartialEq)]
pub enum PropValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

impl PropValue {
    /// The value as a number, if it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            PropValue::Int(i) => Some(i as f64),
            PropValue::Float(f) => Some(f),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            PropValue::Bool(b) => Some(b),
            _ => None,
        }
    }
    pub fn as_text(&self) -> Option<&str> {
        match self {
            PropValue::Text(s) => Some(s),
            _ => None,
        }
    }
}

impl fmt::Display for PropValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropValue::Bool(b) => write!(f, "{}", if *b { "yes" } else { "no" }),
            PropValue::Int(i) => write!(f, "{i}"),
            PropValue::Float(x) if x.abs() >= 1e15 || (x.abs() < 1e-6 && *x != 0.0) => write!(f, "{x:e}"),
            PropValue::Float(x) => write!(f, "{x}"),
            PropValue::Text(s) => f.write_str(s),
        }
    }
}

/// A cloud resource on the canvas: an instance of a catalog kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub id: ComponentId,
    pub kind: ComponentKind,
    pub label: String,
    /// Top-left corner of the component's box.
    pub position: Point,
    /// The innermost container the component sits in.
    pub parent: Option<ContainerId>,
    /// Properties set on this component; a missing key means the catalog default
    /// (or, for usage figures, "derive it from the workload").
    pub props: BTreeMap<String, PropValue>,
}

impl Component {
    pub fn new(id: ComponentId, kind: ComponentKind, label: impl Into<String>, position: Point) -> Self {
        Self { id, kind, label: label.into(), position, parent: None, props: BTreeMap::new() }
    }
    /// The component's box on the canvas.
    pub fn rect(&self) -> Rect {
        Rect::new(self.position.x, self.position.y, COMPONENT_SIZE.w, COMPONENT_SIZE.h)
    }
}

/// What a container stands for. Containers are failure and network boundaries,
/// so their kind matters to validation and to the resilience model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContainerKind {
    Region,
    Vpc,
    AvailabilityZone,
    PublicSubnet,
    PrivateSubnet,
    DataSubnet,
    Namespace,
}

impl ContainerKind {
    pub const ALL: [ContainerKind; 7] = [
        ContainerKind::Region,
        ContainerKind::Vpc,
        ContainerKind::AvailabilityZone,
        ContainerKind::PublicSubnet,
        ContainerKind::PrivateSubnet,
        ContainerKind::DataSubnet,
        ContainerKind::Namespace,
    ];
    /// The key used in files.
    pub fn key(self) -> &'static str {
        match self {
            ContainerKind::Region => "region",
            ContainerKind::Vpc => "vpc",
            ContainerKind::AvailabilityZone => "az",
            ContainerKind::PublicSubnet => "public_subnet",
            ContainerKind::PrivateSubnet => "private_subnet",
            ContainerKind::DataSubnet => "data_subnet",
            ContainerKind::Namespace => "namespace",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
    /// A human name, e.g. "Availability Zone".
    pub fn name(self) -> &'static str {
        match self {
            ContainerKind::Region => "Region",
            ContainerKind::Vpc => "VPC",
            ContainerKind::AvailabilityZone => "Availability Zone",
            ContainerKind::PublicSubnet => "Public subnet",
            ContainerKind::PrivateSubnet => "Private subnet",
            ContainerKind::DataSubnet => "Data subnet",
            ContainerKind::Namespace => "Kubernetes namespace",
        }
    }
    pub fn is_subnet(self) -> bool {
        matches!(self, ContainerKind::PublicSubnet | ContainerKind::PrivateSubnet | ContainerKind::DataSubnet)
    }
}

/// A frame that groups components: a Region, VPC, AZ, subnet or namespace.
#[derive(Clone, Debug, PartialEq)]
pub struct Container {
    pub id: ContainerId,
    pub kind: ContainerKind,
    pub label: String,
    pub rect: Rect,
    pub parent: Option<ContainerId>,
    /// Drawn as a compact header only, hiding its contents.
    pub collapsed: bool,
}

impl Container {
    pub fn new(id: ContainerId, kind: ContainerKind, label: impl Into<String>, rect: Rect) -> Self {
        Self { id, kind, label: label.into(), rect, parent: None, collapsed: false }
    }
    /// Its header, which is all that is drawn of it while it is collapsed.
    pub fn header(&self) -> Rect {
        Rect { h: HEADER_HEIGHT, ..self.rect }
    }
    /// Its frame as drawn: the header alone while collapsed.
    pub fn drawn_rect(&self) -> Rect {
        if self.collapsed {
            self.header()
        } else {
            self.rect
        }
    }
    /// The text of its header: the label with the kind's name before it unless
    /// the label already says it ("Public subnets" needs no "Public subnet ·";
    /// "us-east-1" does), and, when `held` is given, how many items it hides.
    pub fn heading(&self, held: Option<usize>) -> String {
        let kind = self.kind.name();
        // Kind names and keys are ASCII, so ASCII case folding finds them (and
        // keeps Unicode's case tables out of the analysis module).
        let label = self.label.to_ascii_lowercase();
        let name = if self.label.trim().is_empty() {
            kind.to_owned()
        } else if label.contains(&kind.to_ascii_lowercase()) || label.contains(self.kind.key()) {
            self.label.clone()
        } else {
            format!("{kind} · {}", self.label)
        };
        match held {
            Some(n) => format!("{name} ({n} inside)"),
            None => name,
        }
    }
    /// Its label, or the kind's name when the label is blank.
    pub fn title(&self) -> &str {
        if self.label.trim().is_empty() {
            self.kind.name()
        } else {
            &self.label
        }
    }
}

/// Whether the caller waits for the callee's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LinkMode {
    #[default]
    Sync,
    Async,
}

impl LinkMode {
    pub fn key(self) -> &'static str {
        match self {
            LinkMode::Sync => "sync",
            LinkMode::Async => "async",
        }
    }
}

/// Traffic carried by a link, when the designer states it.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Traffic {
    pub requests_per_sec: Option<f64>,
    pub gb_per_month: Option<f64>,
}

/// A directed connection: `from` calls, sends to or reads from `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub id: LinkId,
    pub from: ComponentId,
    pub to: ComponentId,
    /// e.g. "HTTPS", "PostgreSQL", "SQS".
    pub protocol: String,
    pub port: Option<u16>,
    pub mode: LinkMode,
    pub traffic: Traffic,
    pub label: String,
}

/// Where each component is drawn (see [`Design::drawn_boxes`]).
pub type DrawnBoxes<'a> = HashMap<&'a ComponentId, (Rect, Option<&'a ContainerId>)>;

impl Link {
    /// Its line as drawn between `boxes` (from [`Design::drawn_boxes`]): from
    /// the edge of one end's box towards the other's centre and back. `None`
    /// when an end is not in the design, or both ends are hidden in the same
    /// collapsed container.
    pub fn drawn_line(&self, boxes: &DrawnBoxes) -> Option<(Point, Point)> {
        let (&(a, ga), &(b, gb)) = (boxes.get(&self.from)?, boxes.get(&self.to)?);
        if ga.is_some() && ga == gb {
            return None;
        }
        Some(a.line_to(&b))
    }

    pub fn new(id: LinkId, from: ComponentId, to: ComponentId) -> Self {
        Self {
            id,
            from,
            to,
            protocol: String::new(),
            port: None,
            mode: LinkMode::Sync,
            traffic: Traffic::default(),
            label: String::new(),
        }
    }
}

/// The load the design is meant to carry, from which usage is derived.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Workload {
    /// Monthly active users.
    pub users: u64,
    /// Average requests per second reaching the front door.
    pub requests_per_sec: f64,
    /// Peak traffic as a multiple of the average.
    pub peak_multiplier: f64,
    /// Share of requests that read (0 to 1); the rest write.
    pub read_share: f64,
}

impl Default for Workload {
    fn default() -> Self {
        Self { users: 1_000, requests_per_sec: 10.0, peak_multiplier: 3.0, read_share: 0.9 }
    }
}

/// How the design is to be priced: choices the user makes, saved with the design.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CostSettings {
    /// Apply the AWS free tier (12-month and always-free allowances).
    pub free_tier: bool,
    /// Hours a day autoscaled tiers run at peak (workload peak multiplier); 0 = always baseline.
    pub peak_hours_per_day: f64,
    /// Unit prices the user sets (e.g. an enterprise discount), by price-book key.
    pub price_overrides: BTreeMap<String, f64>,
}

/// A whole architecture: the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Design {
    pub name: String,
    /// AWS Region code, e.g. `us-east-1`.
    pub region: String,
    pub workload: Workload,
    pub cost: CostSettings,
    pub notes: String,
    /// In drawing order: later components are drawn on top.
    pub components: Vec<Component>,
    /// In drawing order, outer frames usually first.
    pub containers: Vec<Container>,
    pub links: Vec<Link>,
}

impl Default for Design {
    fn default() -> Self {
        Self {
            name: "Untitled design".to_owned(),
            region: "us-east-1".to_owned(),
            workload: Workload::default(),
            cost: CostSettings::default(),
            notes: String::new(),
            components: Vec::new(),
            containers: Vec::new(),
            links: Vec::new(),
        }
    }
}

impl Design {
    pub fn component(&self, id: &ComponentId) -> Option<&Component> {
        self.components.iter().find(|c| &c.id == id)
    }
    /// The component's label for people, or its id when it is not in the design.
    pub fn label_of(&self, id: &ComponentId) -> String {
        self.component(id).map_or_else(|| id.to_string(), |c| c.label.clone())
    }
    pub fn component_mut(&mut self, id: &ComponentId) -> Option<&mut Component> {
        self.components.iter_mut().find(|c| &c.id == id)
    }
    pub fn component_index(&self, id: &ComponentId) -> Option<usize> {
        self.components.iter().position(|c| &c.id == id)
    }
    pub fn container(&self, id: &ContainerId) -> Option<&Container> {
        self.containers.iter().find(|c| &c.id == id)
    }
    pub fn container_mut(&mut self, id: &ContainerId) -> Option<&mut Container> {
        self.containers.iter_mut().find(|c| &c.id == id)
    }
    pub fn container_index(&self, id: &ContainerId) -> Option<usize> {
        self.containers.iter().position(|c| &c.id == id)
    }
    pub fn link(&self, id: &LinkId) -> Option<&Link> {
        self.links.iter().find(|l| &l.id == id)
    }
    pub fn link_index(&self, id: &LinkId) -> Option<usize> {
        self.links.iter().position(|l| &l.id == id)
    }
    /// Whether an item with this reference exists.
    pub fn contains(&self, item: &ItemRef) -> bool {
        match item {
            ItemRef::Component(id) => self.component(id).is_some(),
            ItemRef::Link(id) => self.link(id).is_some(),
            ItemRef::Container(id) => self.container(id).is_some(),
        }
    }

    /// Links that start or end at `id`.
    pub fn links_of<'a>(&'a self, id: &'a ComponentId) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |l| &l.from == id || &l.to == id)
    }

    /// The chain of containers enclosing `parent`, innermost first. Stops at a
    /// missing parent or a cycle, so it always terminates.
    pub fn ancestors(&self, parent: Option<&ContainerId>) -> Vec<&Container> {
        let mut out: Vec<&Container> = Vec::new();
        let mut next = parent;
        while let Some(id) = next {
            let Some(c) = self.container(id) else { break };
            if out.iter().any(|seen| seen.id == c.id) {
                break;
            }
            out.push(c);
            next = c.parent.as_ref();
        }
        out
    }

    /// Whether `inner` is `outer` or sits (directly or not) inside it.
    pub fn is_within(&self, inner: &ContainerId, outer: &ContainerId) -> bool {
        self.ancestors(Some(inner)).iter().any(|c| &c.id == outer)
    }

    /// The nearest enclosing container of the given kind.
    pub fn enclosing(&self, parent: Option<&ContainerId>, kind: ContainerKind) -> Option<&Container> {
        self.ancestors(parent).into_iter().find(|c| c.kind == kind)
    }

    /// Every component and container inside `id`, at any depth (not `id` itself).
    pub fn descendants(&self, id: &ContainerId) -> Vec<ItemRef> {
        let mut out = Vec::new();
        for c in &self.containers {
            if c.id != *id && self.ancestors(c.parent.as_ref()).iter().any(|a| a.id == *id) {
                out.push(ItemRef::Container(c.id.clone()));
            }
        }
        for c in &self.components {
            if self.ancestors(c.parent.as_ref()).iter().any(|a| a.id == *id) {
                out.push(ItemRef::Component(c.id.clone()));
            }
        }
        out
    }

    /// The innermost container whose frame holds `p`, skipping `exclude` and
    /// everything inside it (used when dropping items into containers).
    /// Collapsed containers, and what is inside them, are not drop targets.
    pub fn container_at(&self, p: Point, exclude: Option<&ContainerId>) -> Option<&Container> {
        self.containers
            .iter()
            .filter(|c| c.rect.contains(p))
            .filter(|c| !self.is_hidden(Some(&c.id)))
            .filter(|c| exclude.is_none_or(|ex| !self.is_within(&c.id, ex)))
            .max_by_key(|c| self.ancestors(Some(&c.id)).len())
    }

    /// Every container, outermost first (stable otherwise), so inner frames draw on top.
    pub fn containers_outermost_first(&self) -> Vec<&Container> {
        let mut frames: Vec<(usize, &Container)> =
            self.containers.iter().map(|c| (self.ancestors(c.parent.as_ref()).len(), c)).collect();
        crate::order::sort_by_key(&mut frames, |(depth, _)| *depth);
        frames.into_iter().map(|(_, c)| c).collect()
    }

    /// Whether something placed in `parent` is out of sight: `parent` or a
    /// container around it is collapsed.
    pub fn is_hidden(&self, parent: Option<&ContainerId>) -> bool {
        self.ancestors(parent).iter().any(|c| c.collapsed)
    }

    /// Whether what is placed in a container (or none) is drawn: a test made
    /// once, which asks for ancestors only when something is collapsed (it
    /// runs over every item of the design in a drag's guides and the exports).
    pub fn shows(&self) -> impl Fn(Option<&ContainerId>) -> bool + '_ {
        let any_collapsed = self.containers.iter().any(|g| g.collapsed);
        move |parent| !any_collapsed || !self.is_hidden(parent)
    }

    /// The outermost collapsed container among `parent` and its ancestors: the
    /// one drawn in place of what is inside it. `None` if none is collapsed.
    pub fn collapsed_ancestor(&self, parent: Option<&ContainerId>) -> Option<&Container> {
        self.ancestors(parent).into_iter().rev().find(|c| c.collapsed)
    }

    /// Where each component is drawn, by id: its own box, or, when collapsed
    /// containers hide it, the header of the outermost of them, which is named
    /// too. Links are drawn between these, and a link whose ends share a
    /// header is not drawn ([`Link::drawn_line`]). The canvas, a press on a
    /// link, the selection's outline and the SVG export all place links this way.
    pub fn drawn_boxes(&self) -> DrawnBoxes<'_> {
        // Asking each component's ancestors only when something is collapsed:
        // this runs on every press on the canvas.
        let any_collapsed = self.containers.iter().any(|g| g.collapsed);
        self.components
            .iter()
            .map(|c| match any_collapsed.then(|| self.collapsed_ancestor(c.parent.as_ref())).flatten() {
                Some(g) => (&c.id, (g.header(), Some(&g.id))),
                None => (&c.id, (c.rect(), None)),
            })
            .collect()
    }

    /// The smallest rectangle holding what is drawn, if anything: a collapsed
    /// container counts as its header, and what it hides is left out.
    pub fn drawn_bounds(&self) -> Option<Rect> {
        let shown = self.shows();
        let components = self.components.iter().filter(|c| shown(c.parent.as_ref())).map(Component::rect);
        let frames = self.containers.iter().filter(|g| shown(g.parent.as_ref())).map(Container::drawn_rect);
        Rect::around(components.chain(frames))
    }

    /// A digest of what the analyses (cost, findings, resilience) read: all of
    /// the design but where things are drawn, of which only whether every
    /// coordinate is valid counts (validation reports the ones that are not).
    /// A move leaves it as it is, so the app keeps its figures across the drop
    /// of a drag instead of working them out again. Every field is named
    /// below, so a new one cannot be left out unnoticed.
    pub fn analysis_digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let valid = |v: f64| v.is_finite() && v.abs() <= COORD_LIMIT;
        let mut h = rustc_hash::FxHasher::default();
        let Design { name, region, workload, cost, notes, components, containers, links } = self;
        (name, region, notes).hash(&mut h);
        let Workload { users, requests_per_sec, peak_multiplier, read_share } = workload;
        (users, requests_per_sec.to_bits(), peak_multiplier.to_bits(), read_share.to_bits()).hash(&mut h);
        let CostSettings { free_tier, peak_hours_per_day, price_overrides } = cost;
        (free_tier, peak_hours_per_day.to_bits()).hash(&mut h);
        price_overrides.iter().for_each(|(k, v)| (k, v.to_bits()).hash(&mut h));
        let mut all_valid = true;
        components.len().hash(&mut h);
        for Component { id, kind, label, position, parent, props } in components {
            (id, kind, label, parent, props.len()).hash(&mut h);
            all_valid &= valid(position.x) && valid(position.y);
            for (key, value) in props {
                key.hash(&mut h);
                match value {
                    PropValue::Bool(b) => (0u8, b).hash(&mut h),
                    PropValue::Int(i) => (1u8, i).hash(&mut h),
                    PropValue::Float(f) => (2u8, f.to_bits()).hash(&mut h),
                    PropValue::Text(t) => (3u8, t).hash(&mut h),
                }
            }
        }
        containers.len().hash(&mut h);
        for Container { id, kind, label, rect, parent, collapsed } in containers {
            (id, kind, label, parent, collapsed, rect.w.to_bits(), rect.h.to_bits()).hash(&mut h);
            all_valid &= valid(rect.x) && valid(rect.y);
        }
        links.len().hash(&mut h);
        for Link { id, from, to, protocol, port, mode, traffic, label } in links {
            let Traffic { requests_per_sec, gb_per_month } = traffic;
            (id, from, to, protocol, port, mode.key(), label).hash(&mut h);
            (requests_per_sec.map(f64::to_bits), gb_per_month.map(f64::to_bits)).hash(&mut h);
        }
        all_valid.hash(&mut h);
        h.finish()
    }

    /// A component id not used in this design: one past the highest numbered id.
    pub fn fresh_component_id(&self) -> ComponentId {
        let n = self.components.iter().filter_map(|c| c.id.number()).max().map_or(1, |n| n.saturating_add(1));
        ComponentId::numbered(n)
    }
    pub fn fresh_link_id(&self) -> LinkId {
        let n = self.links.iter().filter_map(|l| l.id.number()).max().map_or(1, |n| n.saturating_add(1));
        LinkId::numbered(n)
    }
    pub fn fresh_container_id(&self) -> ContainerId {
        let n = self.containers.iter().filter_map(|c| c.id.number()).max().map_or(1, |n| n.saturating_add(1));
        ContainerId::numbered(n)
    }

    /// The smallest rectangle holding every component and container, if any.
    pub fn bounds(&self) -> Option<Rect> {
        Rect::around(self.components.iter().map(Component::rect).chain(self.containers.iter().map(|c| c.rect)))
    }
}

#[cfg(test)]
mod tests {
    use crate::examples::default_design;
    use crate::id::ComponentId;

    #[test]
    fn the_outermost_collapsed_container_stands_in_for_what_it_holds() {
        let mut d = default_design();
        let subnet = Some(crate::ContainerId::from("g4"));
        assert!(d.collapsed_ancestor(subnet.as_ref()).is_none());
        // The subnet (g4) sits in the VPC (g2), in the Region (g1).
        for id in ["g4", "g2"] {
            if let Some(g) = d.containers.iter_mut().find(|g| g.id.as_str() == id) {
                g.collapsed = true;
            }
        }
        assert_eq!(d.collapsed_ancestor(subnet.as_ref()).map(|g| g.id.as_str()), Some("g2"));
        assert_eq!(d.collapsed_ancestor(Some(&"g1".into())), None, "nothing collapsed at or above the Region");
        assert_eq!(d.collapsed_ancestor(None), None);
    }

    #[test]
    fn a_move_leaves_the_analysis_digest_as_it_is_and_any_other_edit_changes_it() {
        let d = crate::synth::design(200, 7);
        let digest = d.analysis_digest();
        let mut moved = d.clone();
        for c in &mut moved.components {
            c.position.x += 40.0;
        }
        for g in &mut moved.containers {
            g.rect.y -= 20.0;
        }
        assert_eq!(moved.analysis_digest(), digest, "moves change no figure");
        let edits: [fn(&mut super::Design); 8] = [
            |d| d.components[3].label.push('!'),
            |d| d.components[5].parent = None,
            |d| {
                d.components[7].props.insert("instances".into(), super::PropValue::Int(9));
            },
            |d| d.links[0].traffic.gb_per_month = Some(1.0),
            |d| d.workload.requests_per_sec += 1.0,
            |d| d.containers[0].rect.w += 20.0,
            |d| d.cost.free_tier = !d.cost.free_tier,
            |d| d.components[0].position.x = f64::NAN,
        ];
        for (i, edit) in edits.iter().enumerate() {
            let mut e = d.clone();
            edit(&mut e);
            assert_ne!(e.analysis_digest(), digest, "edit {i} changes what the analyses read");
        }
    }

    #[test]
    fn a_header_names_the_kind_unless_the_label_does() {
        let d = default_design();
        let heading = |id: &str, held| d.container(&id.into()).map(|g| g.heading(held)).unwrap_or_default();
        assert_eq!(heading("g1", None), "Region · us-east-1");
        assert_eq!(heading("g2", None), "VPC 10.0.0.0/16");
        assert_eq!(heading("g3", Some(1)), "Public subnets (1 inside)");
        let blank = super::Container::new("g9".into(), super::ContainerKind::Namespace, " ", super::Rect::default());
        assert_eq!(blank.heading(None), "Kubernetes namespace");
    }

    #[test]
    fn what_is_drawn_leaves_out_what_collapsed_containers_hide() {
        let mut d = default_design();
        assert_eq!(d.drawn_bounds(), d.bounds(), "nothing collapsed: everything is drawn");
        let region = d.container(&"g1".into()).map(|g| g.rect).unwrap_or_default();
        if let Some(g) = d.containers.iter_mut().find(|g| g.id.as_str() == "g2") {
            g.collapsed = true;
        }
        let boxes = d.drawn_boxes();
        let vpc = d.container(&"g2".into()).map(super::Container::header);
        assert_eq!(
            boxes[&ComponentId::from("c3")],
            (vpc.unwrap_or_default(), Some(&"g2".into())),
            "the web app is behind the VPC's header"
        );
        assert_eq!(boxes[&ComponentId::from("c1")].1, None, "the users are outside it");
        let line = |id: &str| d.links.iter().find(|l| l.id.as_str() == id).and_then(|l| l.drawn_line(&boxes));
        let (_, end) = line("l1").unwrap_or_default();
        let header = vpc.unwrap_or_default();
        assert!(header.inflate(0.01).contains(end), "users → the VPC's header: ends at {end:?}");
        assert_eq!(line("l2"), None, "a link inside one collapsed container is not drawn");
        assert_eq!(d.drawn_bounds(), d.bounds(), "the Region, still open, holds the VPC");
        if let Some(g) = d.containers.iter_mut().find(|g| g.id.as_str() == "g1") {
            g.collapsed = true;
        }
        let drawn = d.drawn_bounds().unwrap_or_default();
        assert!(drawn.h < region.h, "{drawn:?}: the Region counts as its header");
    }
}
