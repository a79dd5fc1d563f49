//! Restore: turn a parsed, migrated file into a design, item by item. Missing
//! fields get defaults, broken fields are fixed, items that cannot be fixed
//! are dropped, and every such change is reported. Nothing here panics.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value};

use crate::catalog::{prop_from_json, Catalog};
use crate::design::{
    Component, ComponentKind, Container, ContainerKind, CostSettings, Design, Link, LinkMode, Point, Rect, Traffic,
    Workload, COORD_LIMIT,
};
use crate::diagnostic::Diagnostic;
use crate::id::{ComponentId, ContainerId, ItemRef, LinkId, MAX_ID_LEN};
use crate::limits::{
    MAX_COMPONENTS, MAX_CONTAINERS, MAX_LABEL_CHARS, MAX_LINKS, MAX_NAME_CHARS, MAX_NOTES_CHARS,
    MAX_PROPS_PER_COMPONENT,
};
use crate::validate::is_region_code;

use super::{truncate, ImportError, Imported};

/// The code of a diagnostic that reports a change made to the file's content.
pub const REPAIRED: &str = "repaired";

/// Smallest container frame kept, so that a container stays visible and grabbable.
const MIN_CONTAINER_SIDE: f64 = 40.0;

struct Restorer<'a> {
    catalog: &'a Catalog,
    repairs: Vec<Diagnostic>,
}

impl Restorer<'_> {
    /// Something in the file was changed, dropped or defaulted.
    fn repair(&mut self, item: Option<ItemRef>, message: String) {
        self.repairs.push(Diagnostic::warning(REPAIRED, message, item));
    }

    /// Something worth knowing that was kept as it is.
    fn note(&mut self, code: &'static str, item: Option<ItemRef>, message: String) {
        self.repairs.push(Diagnostic::info(code, message, item));
    }

    /// A text field: missing → default silently; not text → default, reported;
    /// control characters removed and length capped, reported.
    fn text(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        max: usize,
        default: &str,
        item: &Option<ItemRef>,
        what: &str,
    ) -> String {
        let raw = match obj.get(key) {
            // Defaults can come from the file too (e.g. an unknown kind's name): clean them as well.
            None | Some(Value::Null) => return default.chars().filter(|c| !c.is_control()).take(max).collect(),
            Some(Value::String(s)) => s,
            Some(_) => {
                self.repair(item.clone(), format!("{what}: \"{key}\" was not text; set to \"{default}\""));
                return default.to_owned();
            }
        };
        let keep_newlines = max == MAX_NOTES_CHARS;
        let clean: String =
            raw.chars().filter(|c| !c.is_control() || (keep_newlines && (*c == '\n' || *c == '\t'))).collect();
        let out = if clean.chars().count() > max { clean.chars().take(max).collect() } else { clean };
        if out != *raw {
            self.repair(
                item.clone(),
                format!("{what}: \"{key}\" had control characters or was over {max} characters; cleaned"),
            );
        }
        out
    }

    /// A finite number within `min..=max`: missing → default silently; otherwise fixed and reported.
    #[allow(clippy::too_many_arguments)]
    fn number(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        min: f64,
        max: f64,
        default: f64,
        item: &Option<ItemRef>,
        what: &str,
    ) -> f64 {
        match obj.get(key) {
            None | Some(Value::Null) => default,
            Some(Value::Number(n)) => match n.as_f64() {
                Some(f) if f.is_finite() && (min..=max).contains(&f) => f,
                Some(f) if f.is_finite() => {
                    let c = f.clamp(min, max);
                    let (shown, lo, hi, fixed) = (num(f), num(min), num(max), num(c));
                    self.repair(
                        item.clone(),
                        format!("{what}: \"{key}\" was {shown}, outside {lo}…{hi}; set to {fixed}"),
                    );
                    c
                }
                _ => {
                    self.repair(item.clone(), format!("{what}: \"{key}\" was not a finite number; set to {default}"));
                    default
                }
            },
            Some(_) => {
                self.repair(item.clone(), format!("{what}: \"{key}\" was not a number; set to {default}"));
                default
            }
        }
    }

    fn optional_number(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        max: f64,
        item: &Option<ItemRef>,
        what: &str,
    ) -> Option<f64> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_f64().is_some_and(|f| f.is_finite() && (0.0..=max).contains(&f)) => {
                n.as_f64()
            }
            Some(other) => {
                self.repair(
                    item.clone(),
                    format!("{what}: \"{key}\" was {}, not a number from 0 to {max}; cleared", short(other)),
                );
                None
            }
        }
    }
}

/// A number as people read it: `1e308` rather than 309 digits.
fn num(f: f64) -> String {
    crate::design::PropValue::Float(f).to_string()
}

fn short(v: &Value) -> String {
    truncate(&v.to_string(), 30)
}

/// Ids may hold letters, digits and `_ - . :`, at most [`MAX_ID_LEN`] long.
fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

/// Hands out ids that are valid and unused, keeping good ids from the file.
struct IdPool {
    used: HashSet<String>,
    next: u64,
    prefix: &'static str,
}

impl IdPool {
    fn new(prefix: &'static str, items: &[Value]) -> Self {
        let mut next = 1;
        for v in items {
            if let Some(n) = v
                .get("id")
                .and_then(Value::as_str)
                .and_then(|s| s.strip_prefix(prefix))
                .and_then(|d| d.parse::<u64>().ok())
            {
                next = next.max(n.saturating_add(1));
            }
        }
        Self { used: HashSet::new(), next, prefix }
    }

    /// The id to use for an item whose file id is `raw`, and what was wrong with it.
    fn take(&mut self, raw: Option<&Value>) -> (String, Option<String>) {
        let problem = match raw {
            Some(Value::String(s)) if valid_id(s) => {
                if self.used.insert(s.clone()) {
                    return (s.clone(), None);
                }
                format!("id \"{s}\" was used twice")
            }
            Some(Value::String(s)) => format!("id \"{}\" was not a valid id", truncate(s, 20)),
            Some(Value::Number(n)) => {
                // A numeric id is a common hand-edit; keep it as text when free.
                let s = n.to_string();
                if valid_id(&s) && self.used.insert(s.clone()) {
                    return (s, None);
                }
                format!("id {n} was not usable")
            }
            None | Some(Value::Null) => "it had no id".to_owned(),
            Some(other) => format!("id {} was not text", short(other)),
        };
        loop {
            let candidate = format!("{}{}", self.prefix, self.next);
            self.next = self.next.saturating_add(1);
            if self.used.insert(candidate.clone()) {
                return (candidate, Some(problem));
            }
        }
    }
}

fn array<'v>(root: &'v Map<String, Value>, key: &'static str, r: &mut Restorer<'_>) -> &'v [Value] {
    match root.get(key) {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) => &[],
        Some(other) => {
            r.repair(None, format!("\"{key}\" was {}, not a list; ignored", short(other)));
            &[]
        }
    }
}

pub(super) fn restore(root: &Map<String, Value>, catalog: &Catalog) -> Result<Imported, ImportError> {
    let mut r = Restorer { catalog, repairs: Vec::new() };
    let raw_containers = array(root, "containers", &mut r);
    let raw_components = array(root, "components", &mut r);
    let raw_links = array(root, "links", &mut r);
    for (what, items, limit) in [
        ("components", raw_components, MAX_COMPONENTS),
        ("containers", raw_containers, MAX_CONTAINERS),
        ("links", raw_links, MAX_LINKS),
    ] {
        if items.len() > limit {
            return Err(ImportError::TooManyItems { what, count: items.len(), limit });
        }
    }

    let mut design = Design {
        name: r.text(root, "name", MAX_NAME_CHARS, "Untitled design", &None, "design"),
        region: restore_region(root, &mut r),
        workload: restore_workload(root, &mut r),
        cost: restore_cost(root, &mut r),
        notes: r.text(root, "notes", MAX_NOTES_CHARS, "", &None, "design"),
        ..Design::default()
    };

    // Containers first: components and containers refer to them.
    let mut pool = IdPool::new(ContainerId::PREFIX, raw_containers);
    let mut parents: Vec<Option<String>> = Vec::new();
    for (i, v) in raw_containers.iter().enumerate() {
        if let Some((c, parent)) = restore_container(i, v, &mut pool, &mut r) {
            design.containers.push(c);
            parents.push(parent);
        }
    }
    let container_ids: HashSet<String> = design.containers.iter().map(|c| c.id.as_str().to_owned()).collect();
    for (c, parent) in design.containers.iter_mut().zip(parents) {
        c.parent = resolve_parent(parent, &container_ids, ItemRef::Container(c.id.clone()), &mut r);
    }
    break_container_cycles(&mut design, &mut r);

    let mut pool = IdPool::new(ComponentId::PREFIX, raw_components);
    for (i, v) in raw_components.iter().enumerate() {
        if let Some((mut c, parent)) = restore_component(i, v, &mut pool, &mut r) {
            c.parent = resolve_parent(parent, &container_ids, ItemRef::Component(c.id.clone()), &mut r);
            design.components.push(c);
        }
    }

    let component_ids: HashSet<&str> = design.components.iter().map(|c| c.id.as_str()).collect();
    let mut pool = IdPool::new(LinkId::PREFIX, raw_links);
    let mut links = Vec::with_capacity(raw_links.len());
    for (i, v) in raw_links.iter().enumerate() {
        if let Some(l) = restore_link(i, v, &component_ids, &mut pool, &mut r) {
            links.push(l);
        }
    }
    design.links = links;
    Ok(Imported { design, repairs: r.repairs })
}

fn restore_region(root: &Map<String, Value>, r: &mut Restorer<'_>) -> String {
    let region = r.text(root, "region", 32, "us-east-1", &None, "design");
    if is_region_code(&region) {
        region
    } else {
        r.repair(None, format!("design: region \"{region}\" is not an AWS Region code; set to us-east-1"));
        "us-east-1".to_owned()
    }
}

fn restore_workload(root: &Map<String, Value>, r: &mut Restorer<'_>) -> Workload {
    let d = Workload::default();
    let empty = Map::new();
    let w = match root.get("workload") {
        Some(Value::Object(w)) => w,
        None | Some(Value::Null) => return d,
        Some(other) => {
            r.repair(None, format!("design: \"workload\" was {}, not an object; defaults used", short(other)));
            &empty
        }
    };
    Workload {
        users: r.number(w, "users", 0.0, 1e10, d.users as f64, &None, "workload").round() as u64,
        requests_per_sec: r.number(w, "requests_per_sec", 0.0, 1e8, d.requests_per_sec, &None, "workload"),
        peak_multiplier: r.number(w, "peak_multiplier", 1.0, 1000.0, d.peak_multiplier, &None, "workload"),
        read_share: r.number(w, "read_share", 0.0, 1.0, d.read_share, &None, "workload"),
    }
}

fn restore_cost(root: &Map<String, Value>, r: &mut Restorer<'_>) -> CostSettings {
    let empty = Map::new();
    let c = match root.get("cost") {
        Some(Value::Object(c)) => c,
        None | Some(Value::Null) => return CostSettings::default(),
        Some(other) => {
            r.repair(None, format!("design: \"cost\" was {}, not an object; defaults used", short(other)));
            &empty
        }
    };
    let free_tier = match c.get("free_tier") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            r.repair(None, format!("cost: \"free_tier\" was {}, not true or false; set to false", short(other)));
            false
        }
    };
    let peak_hours_per_day = r.number(c, "peak_hours_per_day", 0.0, 24.0, 0.0, &None, "cost");
    let mut price_overrides = BTreeMap::new();
    match c.get("price_overrides") {
        None | Some(Value::Null) => {}
        Some(Value::Object(o)) => {
            for (key, v) in o {
                match v.as_f64() {
                    Some(p) if p.is_finite() && p >= 0.0 && key.len() <= 64 => {
                        price_overrides.insert(key.clone(), p);
                    }
                    _ => r.repair(
                        None,
                        format!(
                            "cost: price override \"{}\" was {}, not a price; dropped",
                            truncate(key, 40),
                            short(v)
                        ),
                    ),
                }
            }
        }
        Some(other) => {
            r.repair(None, format!("cost: \"price_overrides\" was {}, not an object; ignored", short(other)))
        }
    }
    CostSettings { free_tier, peak_hours_per_day, price_overrides }
}

fn as_object<'v>(i: usize, v: &'v Value, what: &str, r: &mut Restorer<'_>) -> Option<&'v Map<String, Value>> {
    match v {
        Value::Object(o) => Some(o),
        other => {
            r.repair(None, format!("{what} #{}: was {}, not an object; dropped", i + 1, short(other)));
            None
        }
    }
}

fn parent_field(obj: &Map<String, Value>, item: &Option<ItemRef>, r: &mut Restorer<'_>) -> Option<String> {
    match obj.get("parent") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            r.repair(
                item.clone(),
                format!("{}: parent {} was not a container id; placed at top level", describe(item), short(other)),
            );
            None
        }
    }
}

fn describe(item: &Option<ItemRef>) -> String {
    item.as_ref().map_or_else(|| "design".to_owned(), ToString::to_string)
}

fn resolve_parent(
    parent: Option<String>,
    containers: &HashSet<String>,
    item: ItemRef,
    r: &mut Restorer<'_>,
) -> Option<ContainerId> {
    let p = parent?;
    if containers.contains(&p) {
        Some(ContainerId::new(p))
    } else {
        r.repair(
            Some(item.clone()),
            format!("{item}: its container \"{}\" does not exist; placed at top level", truncate(&p, 20)),
        );
        None
    }
}

fn restore_container(
    i: usize,
    v: &Value,
    pool: &mut IdPool,
    r: &mut Restorer<'_>,
) -> Option<(Container, Option<String>)> {
    let obj = as_object(i, v, "container", r)?;
    let kind = match obj.get("kind").and_then(Value::as_str).and_then(ContainerKind::from_key) {
        Some(k) => k,
        None => {
            let k = obj.get("kind").map_or("nothing".to_owned(), short);
            r.repair(None, format!("container #{}: kind {k} is not region, vpc, az, a subnet or namespace; dropped (its contents are kept)", i + 1));
            return None;
        }
    };
    let (id, problem) = pool.take(obj.get("id"));
    let item = Some(ItemRef::Container(ContainerId::new(id.clone())));
    if let Some(p) = problem {
        r.repair(item.clone(), format!("container #{}: {p}; now {id}", i + 1));
    }
    let what = describe(&item);
    let x = r.number(obj, "x", -COORD_LIMIT, COORD_LIMIT, 0.0, &item, &what);
    let y = r.number(obj, "y", -COORD_LIMIT, COORD_LIMIT, 0.0, &item, &what);
    let w = r.number(obj, "w", MIN_CONTAINER_SIDE, 2.0 * COORD_LIMIT, 400.0, &item, &what);
    let h = r.number(obj, "h", MIN_CONTAINER_SIDE, 2.0 * COORD_LIMIT, 300.0, &item, &what);
    let label = r.text(obj, "label", MAX_LABEL_CHARS, kind.name(), &item, &what);
    let collapsed = obj.get("collapsed").and_then(Value::as_bool).unwrap_or(false);
    let parent = parent_field(obj, &item, r);
    let mut c = Container::new(ContainerId::new(id), kind, label, Rect::new(x, y, w, h));
    c.collapsed = collapsed;
    Some((c, parent))
}

fn break_container_cycles(d: &mut Design, r: &mut Restorer<'_>) {
    let index: HashMap<ContainerId, usize> = d.containers.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
    // 0 = unvisited, 1 = on the current walk, 2 = known to reach the top.
    let mut state = vec![0u8; d.containers.len()];
    for start in 0..d.containers.len() {
        let mut walk = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            if state[i] == 2 {
                break;
            }
            if state[i] == 1 {
                // The walk came back to `i`: cut the link from the last container walked.
                if let Some(&last) = walk.last() {
                    let c: &mut Container = &mut d.containers[last];
                    c.parent = None;
                    let id = c.id.clone();
                    r.repair(
                        Some(ItemRef::Container(id.clone())),
                        format!("container {id}: its parents went round in a circle; placed at top level"),
                    );
                }
                break;
            }
            state[i] = 1;
            walk.push(i);
            cur = d.containers[i].parent.as_ref().and_then(|p| index.get(p).copied());
        }
        for i in walk {
            state[i] = 2;
        }
    }
}

fn restore_component(
    i: usize,
    v: &Value,
    pool: &mut IdPool,
    r: &mut Restorer<'_>,
) -> Option<(Component, Option<String>)> {
    let obj = as_object(i, v, "component", r)?;
    let kind = match obj.get("kind") {
        Some(Value::String(k)) if k.chars().any(|c| !c.is_control() && !c.is_whitespace()) => {
            let clean: String =
                k.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().take(64).collect();
            let clean = clean.trim_end().to_owned();
            if clean != *k {
                r.repair(
                    None,
                    format!("component #{}: its kind had control characters or was over 64 characters; cleaned", i + 1),
                );
            }
            clean
        }
        other => {
            r.repair(
                None,
                format!(
                    "component #{}: kind {} is missing or not text; dropped",
                    i + 1,
                    other.map_or("nothing".to_owned(), short)
                ),
            );
            return None;
        }
    };
    let (id, problem) = pool.take(obj.get("id"));
    let item = Some(ItemRef::Component(ComponentId::new(id.clone())));
    if let Some(p) = problem {
        r.repair(item.clone(), format!("component #{}: {p}; now {id}", i + 1));
    }
    let what = describe(&item);
    let spec = r.catalog.kind(&kind);
    if spec.is_none() {
        r.note(
            "unknown-kind",
            item.clone(),
            format!("{what}: kind \"{kind}\" is unknown to this version; kept as drawn, but not analysed"),
        );
    }
    let default_label = spec.map_or(kind.as_str(), |s| s.name.as_str()).to_owned();
    let label = r.text(obj, "label", MAX_LABEL_CHARS, &default_label, &item, &what);
    if !obj.contains_key("x") || !obj.contains_key("y") {
        r.repair(item.clone(), format!("{what}: had no position; placed at the origin"));
    }
    let x = r.number(obj, "x", -COORD_LIMIT, COORD_LIMIT, 0.0, &item, &what);
    let y = r.number(obj, "y", -COORD_LIMIT, COORD_LIMIT, 0.0, &item, &what);
    let parent = parent_field(obj, &item, r);
    let mut c = Component::new(ComponentId::new(id), ComponentKind::new(kind), label, Point::new(x, y));
    c.props = restore_props(obj, spec, &item, &what, r);
    Some((c, parent))
}

fn restore_props(
    obj: &Map<String, Value>,
    spec: Option<&crate::catalog::KindSpec>,
    item: &Option<ItemRef>,
    what: &str,
    r: &mut Restorer<'_>,
) -> BTreeMap<String, crate::design::PropValue> {
    let mut out = BTreeMap::new();
    let props = match obj.get("props") {
        Some(Value::Object(p)) => p,
        None | Some(Value::Null) => return out,
        Some(other) => {
            r.repair(item.clone(), format!("{what}: \"props\" was {}, not an object; defaults used", short(other)));
            return out;
        }
    };
    for (key, raw) in props.iter() {
        if out.len() >= MAX_PROPS_PER_COMPONENT {
            r.repair(item.clone(), format!("{what}: more than {MAX_PROPS_PER_COMPONENT} properties; the rest dropped"));
            break;
        }
        let key_shown = truncate(key, 40);
        let Some(value) = prop_from_json(raw) else {
            r.repair(
                item.clone(),
                format!("{what}: property \"{key_shown}\" was {}, not a value; dropped", short(raw)),
            );
            continue;
        };
        let Some(spec) = spec else {
            // Unknown kind: keep what was there, untouched, for a newer catalog.
            if key.len() <= 64 {
                out.insert(key.clone(), value);
            }
            continue;
        };
        let Some(p) = spec.property(key) else {
            r.repair(item.clone(), format!("{what}: {} has no property \"{key_shown}\"; dropped", spec.name));
            continue;
        };
        match p.check(&value) {
            Ok(v) => {
                out.insert(key.clone(), v);
            }
            Err(e) => match p.clamp(&value) {
                Some(fixed) => {
                    r.repair(item.clone(), format!("{what}: {} {e} (was {value}); set to {fixed}", p.label));
                    out.insert(key.clone(), fixed);
                }
                None => {
                    r.repair(
                        item.clone(),
                        format!(
                            "{what}: {} {e} (was {}); reset to the default",
                            p.label,
                            truncate(&value.to_string(), 30)
                        ),
                    );
                }
            },
        }
    }
    out
}

fn restore_link(
    i: usize,
    v: &Value,
    components: &HashSet<&str>,
    pool: &mut IdPool,
    r: &mut Restorer<'_>,
) -> Option<Link> {
    let obj = as_object(i, v, "link", r)?;
    let end = |key: &str| obj.get(key).and_then(Value::as_str).filter(|s| components.contains(s)).map(str::to_owned);
    let (Some(from), Some(to)) = (end("from"), end("to")) else {
        let shown = |key: &str| obj.get(key).map_or("nothing".to_owned(), short);
        r.repair(
            None,
            format!(
                "link #{}: from {} to {} does not join two components of this design; dropped",
                i + 1,
                shown("from"),
                shown("to")
            ),
        );
        return None;
    };
    if from == to {
        r.repair(None, format!("link #{}: went from {from} to itself; dropped", i + 1));
        return None;
    }
    let (id, problem) = pool.take(obj.get("id"));
    let item = Some(ItemRef::Link(LinkId::new(id.clone())));
    if let Some(p) = problem {
        r.repair(item.clone(), format!("link #{}: {p}; now {id}", i + 1));
    }
    let what = describe(&item);
    let mode = match obj.get("mode") {
        None | Some(Value::Null) => LinkMode::Sync,
        Some(Value::String(s)) if s == "sync" => LinkMode::Sync,
        Some(Value::String(s)) if s == "async" => LinkMode::Async,
        Some(other) => {
            r.repair(
                item.clone(),
                format!("{what}: mode {} is neither \"sync\" nor \"async\"; set to sync", short(other)),
            );
            LinkMode::Sync
        }
    };
    let port = match obj.get("port") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_u64().and_then(|p| u16::try_from(p).ok()) {
            Some(p) => Some(p),
            None => {
                r.repair(item.clone(), format!("{what}: port {} is not a port number; cleared", short(v)));
                None
            }
        },
    };
    Some(Link {
        id: LinkId::new(id),
        from: ComponentId::new(from),
        to: ComponentId::new(to),
        protocol: r.text(obj, "protocol", 40, "", &item, &what),
        port,
        mode,
        traffic: Traffic {
            requests_per_sec: r.optional_number(obj, "requests_per_sec", 1e9, &item, &what),
            gb_per_month: r.optional_number(obj, "gb_per_month", 1e9, &item, &what),
        },
        label: r.text(obj, "label", MAX_LABEL_CHARS, "", &item, &what),
    })
}
