//! The resilience model: how the drawn design recovers from each kind of
//! disruption (Software, Hardware, AZ, Region), its availability from SLAs, its
//! single points of failure and the DR strategy it amounts to.
//!
//! Every figure comes from the facts in `data/resilience.json`, chosen per
//! component by its kind and configuration, and combined over the link graph:
//! a component is *served* when it is up and, for every kind of thing it calls,
//! at least one copy is served. So parallel copies in other failure domains
//! cover for each other, while different dependencies are all needed.

pub mod facts;
mod profile;

use std::collections::BTreeSet;
use std::fmt;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::design::{ContainerKind, Design, LinkMode};
use crate::diagnostic::Diagnostic;
use crate::id::{ComponentId, ContainerId, ItemRef};
pub use facts::{Facts, Recovery, Span};
use profile::{Profile, Spread};

/// The four disruption types of AWS Resilience Hub.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disruption {
    Software = 0,
    Hardware = 1,
    Az = 2,
    Region = 3,
}

impl Disruption {
    pub const ALL: [Disruption; 4] = [Disruption::Software, Disruption::Hardware, Disruption::Az, Disruption::Region];
    pub fn name(self) -> &'static str {
        match self {
            Disruption::Software => "Software",
            Disruption::Hardware => "Hardware",
            Disruption::Az => "AZ",
            Disruption::Region => "Region",
        }
    }
}

impl fmt::Display for Disruption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// RTO and RPO targets per disruption type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Policy {
    pub name: String,
    /// `[RTO, RPO]` in seconds per disruption, in [`Disruption::ALL`] order; `None`: not targeted.
    pub targets: [Option<[f64; 2]>; 4],
}

impl Policy {
    /// A built-in tier: `mission-critical`, `critical`, `important` or `non-critical`.
    pub fn tier(key: &str) -> Option<Policy> {
        Facts::builtin().policies.get(key).map(Policy::from_facts)
    }

    /// The built-in tier keys.
    pub fn tiers() -> Vec<&'static str> {
        Facts::builtin().policies.keys().map(String::as_str).collect()
    }

    fn from_facts(p: &facts::PolicyFacts) -> Policy {
        Policy { name: p.name.clone(), targets: [p.software, p.hardware, p.az, p.region] }
    }

    /// A policy file: `{"name": …, "software": [RTO, RPO], "hardware": …, "az": …, "region": … or null}`.
    pub fn parse(text: &str) -> Result<Policy, String> {
        let p: facts::PolicyFacts = serde_json::from_str(text).map_err(|e| format!("policy: {e}"))?;
        let policy = Policy::from_facts(&p);
        for t in policy.targets.iter().flatten() {
            if !t.iter().all(|v| v.is_finite() && *v >= 0.0) {
                return Err("policy: targets must be non-negative numbers of seconds".into());
            }
        }
        Ok(policy)
    }
}

/// Whether an estimate meets its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    Breached,
    NotTargeted,
}

/// The workload's recovery from one disruption type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecoveryEstimate {
    pub disruption: Disruption,
    /// Seconds until service returns; `None`: not within the design.
    pub rto: Option<Span>,
    /// Seconds of data at risk; `None`: data is lost with no copy.
    pub rpo: Option<Span>,
    /// The weakest link: the component that sets the RTO.
    pub rto_set_by: Option<ComponentId>,
    pub rpo_set_by: Option<ComponentId>,
    /// How the figures were reached, step by step.
    pub reasoning: Vec<String>,
    /// Components whose loss stops a user-facing path for this disruption.
    pub single_points_of_failure: Vec<ComponentId>,
    pub target: Option<[f64; 2]>,
    pub rto_verdict: Verdict,
    pub rpo_verdict: Verdict,
}

/// One user-facing path, entry first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserPath {
    pub components: Vec<ComponentId>,
    /// Composite availability of the path, 0 to 1 (NaN, written as null, in a what-if).
    #[serde(serialize_with = "null_if_nan", deserialize_with = "nan_if_null")]
    pub availability: f64,
}

/// JSON has no NaN: a NaN is written as none (null), in every format alike,
/// and read back as NaN.
fn null_if_nan<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    (!v.is_nan()).then_some(*v).serialize(s)
}

fn nan_if_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Availability {
    /// Composite availability of everything on user-facing paths, 0 to 1.
    pub fraction: f64,
    pub percent: f64,
    /// e.g. 3.5 for 99.968 %.
    pub nines: f64,
    pub downtime_minutes_per_month: f64,
    /// Components whose SLA was assumed (none found).
    pub assumed: Vec<ComponentId>,
}

/// The disaster-recovery strategy a design amounts to (AWS whitepaper
/// "Disaster Recovery of Workloads on AWS").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DrStrategy {
    None,
    BackupAndRestore,
    PilotLight,
    WarmStandby,
    ActiveActive,
}

impl DrStrategy {
    pub fn name(self) -> &'static str {
        match self {
            DrStrategy::None => "No disaster recovery",
            DrStrategy::BackupAndRestore => "Backup & restore",
            DrStrategy::PilotLight => "Pilot light",
            DrStrategy::WarmStandby => "Warm standby",
            DrStrategy::ActiveActive => "Multi-site active/active",
        }
    }
}

/// How one component recovers, per disruption.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComponentResilience {
    pub component: ComponentId,
    /// The recovery class, e.g. "RDS Multi-AZ".
    pub class: String,
    pub on_user_path: bool,
    pub sla_percent: f64,
    pub recovery: [Recovery; 4],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResilienceReport {
    pub policy: Policy,
    /// One per disruption, in [`Disruption::ALL`] order.
    pub estimates: Vec<RecoveryEstimate>,
    pub availability: Availability,
    pub paths: Vec<UserPath>,
    pub dr_strategy: DrStrategy,
    pub dr_reasoning: String,
    pub components: Vec<ComponentResilience>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ResilienceReport {
    pub fn estimate(&self, d: Disruption) -> &RecoveryEstimate {
        &self.estimates[d as usize]
    }

    /// The weakest link: the component that sets the first breached RTO (or
    /// RPO), in [`Disruption::ALL`] order; with nothing breached, the one
    /// that sets the AZ recovery time, the disruption a design is most often
    /// asked to survive.
    pub fn weakest_link(&self) -> Option<(&ComponentId, Disruption)> {
        let breached = self.estimates.iter().find_map(|e| {
            let rto = (e.rto_verdict == Verdict::Breached).then_some(e.rto_set_by.as_ref()).flatten();
            let rpo = (e.rpo_verdict == Verdict::Breached).then_some(e.rpo_set_by.as_ref()).flatten();
            rto.or(rpo).map(|id| (id, e.disruption))
        });
        breached.or_else(|| {
            let az = self.estimate(Disruption::Az);
            az.rto_set_by.as_ref().map(|id| (id, Disruption::Az))
        })
    }

    /// Components whose loss alone stops a user-facing path, from a software
    /// fault, a host failure or an AZ outage (a Region outage stops everything
    /// in a single-Region design, so it is left out), without repeats.
    pub fn single_points_of_failure(&self) -> Vec<&ComponentId> {
        let mut out: Vec<&ComponentId> = Vec::new();
        for d in [Disruption::Software, Disruption::Hardware, Disruption::Az] {
            for id in &self.estimate(d).single_points_of_failure {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }
}

/// What fails in a what-if.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    Component(ComponentId),
    /// An Availability Zone frame.
    Az(ContainerId),
    /// A Region frame, or `None` for the design's (only) Region.
    Region(Option<ContainerId>),
}

/// The what-if key for the design's own Region, for designs without a Region frame.
pub const WHOLE_REGION: &str = "*region";

impl UserPath {
    /// The path as people read it: its components' labels, entry first.
    pub fn text(&self, design: &Design) -> String {
        self.components.iter().map(|id| design.label_of(id)).collect::<Vec<_>>().join(" → ")
    }
}

impl Simulation {
    /// "1 of 2 user paths break; the service continues".
    pub fn summary(&self) -> String {
        let total = self.broken_paths.len() + self.intact_paths.len();
        let service = if self.service_continues { "the service continues" } else { "the service stops" };
        format!("{} of {total} user paths break; {service}", self.broken_paths.len())
    }
}

impl Failure {
    /// What failing the item `id` means: a component fails alone, an AZ
    /// frame takes what is inside it, a Region frame (or [`WHOLE_REGION`])
    /// its whole Region. `None` when `id` names none of these.
    pub fn of_item(design: &Design, id: &str) -> Option<Failure> {
        if id == WHOLE_REGION {
            return Some(Failure::Region(None));
        }
        if let Some(c) = design.components.iter().find(|c| c.id.as_str() == id) {
            return Some(Failure::Component(c.id.clone()));
        }
        let g = design.containers.iter().find(|g| g.id.as_str() == id)?;
        match g.kind {
            ContainerKind::AvailabilityZone => Some(Failure::Az(g.id.clone())),
            ContainerKind::Region => Some(Failure::Region(Some(g.id.clone()))),
            _ => None,
        }
    }

    /// The item that fails, if one is named.
    pub fn item(&self) -> Option<ItemRef> {
        match self {
            Failure::Component(id) => Some(ItemRef::Component(id.clone())),
            Failure::Az(id) | Failure::Region(Some(id)) => Some(ItemRef::Container(id.clone())),
            Failure::Region(None) => None,
        }
    }
}

/// The outcome of a what-if.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// Components that go down.
    pub failed: Vec<ComponentId>,
    /// Components that stay up but fail over.
    pub failing_over: Vec<ComponentId>,
    pub broken_paths: Vec<UserPath>,
    pub intact_paths: Vec<UserPath>,
    /// Whether every entry point still reaches everything it needs.
    pub service_continues: bool,
    /// Stateful components hit, with the data at risk (`None`: lost, no copy).
    pub data_at_risk: Vec<(ComponentId, Option<Span>)>,
    /// Until service returns; `None`: not within the design.
    pub rto: Option<Span>,
    pub reasoning: Vec<String>,
}

// ---------------------------------------------------------------- the model

/// The link graph as the model sees it, by component position.
struct Model<'a> {
    design: &'a Design,
    facts: &'a Facts,
    profiles: Vec<Profile>,
    /// User-facing successors, sorted by kind so copies of one kind sit together.
    out: Vec<Vec<(u32, usize)>>,
    /// User-facing predecessors.
    preds: Vec<Vec<usize>>,
    /// Reachable from an entry over user-facing links.
    critical: Vec<bool>,
    /// Reachable from an entry over any link (data flows there).
    data_path: Vec<bool>,
    entries: Vec<usize>,
    kind_ids: Vec<u32>,
}

fn worse(a: Option<Span>, b: Option<Span>) -> Option<Span> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Span::new(a.best.max(b.best), a.worst.max(b.worst))),
        _ => None,
    }
}

/// Ranks an `Option<Span>` for "which is worse": unbounded beats any figure.
fn rank(s: Option<Span>) -> f64 {
    s.map_or(f64::INFINITY, |s| s.worst)
}

impl<'a> Model<'a> {
    fn new(design: &'a Design, catalog: &Catalog, facts: &'a Facts) -> Self {
        let n = design.components.len();
        let containers: FxHashMap<&ContainerId, usize> =
            design.containers.iter().enumerate().map(|(i, g)| (&g.id, i)).collect();
        let profiles: Vec<Profile> =
            design.components.iter().map(|c| profile::profile(design, catalog, facts, &containers, c)).collect();
        let mut index: FxHashMap<&ComponentId, usize> = FxHashMap::default();
        for (i, c) in design.components.iter().enumerate() {
            index.entry(&c.id).or_insert(i);
        }
        let mut kinds: FxHashMap<&str, u32> = FxHashMap::default();
        let kind_ids: Vec<u32> = design
            .components
            .iter()
            .map(|c| {
                let next = kinds.len() as u32;
                *kinds.entry(c.kind.as_str()).or_insert(next)
            })
            .collect();
        let mut out = vec![Vec::new(); n];
        let mut any_out = vec![Vec::new(); n];
        let mut preds = vec![Vec::new(); n];
        for l in &design.links {
            let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to)) else { continue };
            if a == b {
                continue;
            }
            any_out[a].push(b);
            // A durable buffer decouples: what it feeds is not on the user's path.
            let user_facing = !profiles[a].durable_buffer && (l.mode == LinkMode::Sync || profiles[b].durable_buffer);
            if user_facing && !profiles[b].entry {
                out[a].push((kind_ids[b], b));
                preds[b].push(a);
            }
        }
        for o in &mut out {
            crate::order::sort_dedup(o);
        }
        let entries: Vec<usize> = (0..n).filter(|&i| profiles[i].entry).collect();
        let reach = |adj: &dyn Fn(usize) -> Vec<usize>| {
            let mut seen = vec![false; n];
            let mut stack: Vec<usize> = entries.clone();
            while let Some(u) = stack.pop() {
                if std::mem::replace(&mut seen[u], true) {
                    continue;
                }
                stack.extend(adj(u).into_iter().filter(|&v| !seen[v]));
            }
            seen
        };
        let critical = reach(&|u| out[u].iter().map(|&(_, v)| v).collect());
        let data_path = reach(&|u| any_out[u].clone());
        Model { design, facts, profiles, out, preds, critical, data_path, entries, kind_ids }
    }

    fn id(&self, i: usize) -> ComponentId {
        self.design.components[i].id.clone()
    }
    fn label(&self, i: usize) -> &str {
        &self.design.components[i].label
    }

    /// Whether each component is served when `down` components are out, computed
    /// without recursion (a long chain must not overflow the stack). A cycle
    /// counts as served while it is being resolved.
    fn served(&self, down: &[bool]) -> Vec<bool> {
        let n = self.profiles.len();
        let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
        let mut result = vec![false; n];
        for &root in &self.entries {
            if state[root] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            while let Some(&mut (u, ref mut next)) = stack.last_mut() {
                if down[u] {
                    state[u] = 2;
                    result[u] = false;
                    stack.pop();
                    continue;
                }
                if let Some(&(_, v)) = self.out[u].get(*next) {
                    *next += 1;
                    if state[v] == 0 {
                        state[v] = 1;
                        stack.push((v, 0));
                    }
                    continue;
                }
                // Every successor resolved: need one served copy of each kind.
                let mut ok = true;
                let mut i = 0;
                let edges = &self.out[u];
                while i < edges.len() && ok {
                    let kind = edges[i].0;
                    let mut any = false;
                    while i < edges.len() && edges[i].0 == kind {
                        let v = edges[i].1;
                        any |= state[v] == 1 || result[v];
                        i += 1;
                    }
                    ok = any;
                }
                result[u] = ok;
                state[u] = 2;
                stack.pop();
            }
        }
        result
    }

    /// A critical component whose every user-facing caller has another copy of
    /// its kind to call (not counting copies that are `down`).
    fn covered(&self, c: usize, down: &[bool]) -> bool {
        let preds = &self.preds[c];
        !preds.is_empty()
            && preds.iter().all(|&p| {
                self.out[p].iter().any(|&(k, v)| k == self.kind_ids[c] && v != c && !down[v] && self.critical[v])
            })
    }

    fn recovery(&self, i: usize, d: Disruption) -> &Recovery {
        self.profiles[i].recovery(self.facts, d)
    }

    /// Maximal user-facing paths from the entries, at most `cap` of them.
    fn paths(&self, cap: usize) -> Vec<Vec<usize>> {
        let mut found = Vec::new();
        for &e in &self.entries {
            let mut stack: Vec<(usize, usize)> = vec![(e, 0)];
            let mut on_path = vec![false; self.profiles.len()];
            on_path[e] = true;
            while let Some(&(u, next)) = stack.last() {
                if found.len() >= cap {
                    return found;
                }
                let succ = self.out[u].iter().map(|&(_, v)| v).filter(|&v| !on_path[v]).nth(next);
                match succ {
                    Some(v) if stack.len() < 64 => {
                        if let Some(top) = stack.last_mut() {
                            top.1 += 1;
                        }
                        on_path[v] = true;
                        stack.push((v, 0));
                    }
                    _ => {
                        if next == 0 && stack.len() > 1 {
                            found.push(stack.iter().map(|&(i, _)| i).collect());
                        }
                        on_path[u] = false;
                        stack.pop();
                    }
                }
            }
        }
        found
    }
}

/// Availability of a group of parallel copies: redundancy counts only when the
/// copies sit in different failure domains.
fn group_availability(model: &Model<'_>, members: &[usize]) -> f64 {
    let a = |i: usize| (model.profiles[i].sla / 100.0).clamp(0.0, 1.0);
    let domains: BTreeSet<String> = crate::order::set(members.iter().map(|&i| match &model.profiles[i].spread {
        Spread::OneAz(Some(az)) => format!("az:{az}"),
        Spread::OneAz(None) => "az:?".to_owned(),
        _ => format!("region:{:?}", model.profiles[i].region),
    }));
    let regions: BTreeSet<_> = crate::order::set(members.iter().map(|&i| model.profiles[i].region.clone()));
    if members.len() >= 2 && (domains.len() >= 2 || regions.len() >= 2) {
        1.0 - members.iter().map(|&i| 1.0 - a(i)).product::<f64>()
    } else {
        members.iter().map(|&i| a(i)).fold(0.0, f64::max)
    }
}

/// Components on user-facing paths, grouped into units of parallel copies
/// (same kind, same callers).
fn units(model: &Model<'_>) -> Vec<Vec<usize>> {
    let mut groups: FxHashMap<(u32, Vec<usize>), Vec<usize>> = FxHashMap::default();
    for i in 0..model.profiles.len() {
        if !model.critical[i] || model.profiles[i].entry || !model.profiles[i].known {
            continue;
        }
        let mut callers = model.preds[i].clone();
        crate::order::sort(&mut callers);
        groups.entry((model.kind_ids[i], callers)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    crate::order::sort(&mut out);
    out
}

fn fmt_span(s: Option<Span>) -> String {
    match s {
        None => "no recovery within the design".to_owned(),
        Some(s) if s.worst == 0.0 => "none needed".to_owned(),
        Some(s) => format!("{}–{}", human(s.best), human(s.worst)),
    }
}

/// Seconds as people say them: `45 s`, `2 min`, `4 h`, `1 d`.
pub fn human(s: f64) -> String {
    if s < 90.0 {
        format!("{s:.0} s")
    } else if s < 5400.0 {
        format!("{:.0} min", s / 60.0)
    } else if s < 172_800.0 {
        format!("{:.0} h", s / 3600.0)
    } else {
        format!("{:.0} d", s / 86_400.0)
    }
}

/// An estimate for people: `0`, `5 min`, `60 s–5 min`, or `none` when the
/// design does not recover (or keep the data) at all.
pub fn span_text(s: Option<Span>) -> String {
    match s {
        None => "none".to_owned(),
        Some(s) if s.worst == 0.0 => "0".to_owned(),
        Some(s) if s.best == s.worst => human(s.worst),
        Some(s) => format!("{}–{}", human(s.best), human(s.worst)),
    }
}

fn verdict(estimate: Option<Span>, target: Option<f64>) -> Verdict {
    match (estimate, target) {
        (_, None) => Verdict::NotTargeted,
        (Some(e), Some(t)) if e.worst <= t => Verdict::Met,
        _ => Verdict::Breached,
    }
}

/// The components a scenario takes down and those that fail over.
struct Scenario {
    name: String,
    down: Vec<bool>,
    failing_over: Vec<bool>,
}

fn az_scenarios(model: &Model<'_>) -> Vec<Scenario> {
    let n = model.profiles.len();
    let mut keys: BTreeSet<Option<ContainerId>> = crate::order::set(
        model
            .design
            .containers
            .iter()
            .filter(|g| g.kind == ContainerKind::AvailabilityZone)
            .map(|g| Some(g.id.clone())),
    );
    if model.profiles.iter().any(|p| p.spread == Spread::OneAz(None)) || keys.is_empty() {
        keys.insert(None);
    }
    keys.into_iter()
        .map(|key| {
            let name = match &key {
                Some(id) => {
                    let label = model.design.container(id).map_or(id.as_str(), |g| g.label.as_str());
                    format!("AZ \"{label}\"")
                }
                None => "the AZ of the components not drawn inside an AZ frame".to_owned(),
            };
            let mut down = vec![false; n];
            let mut failing_over = vec![false; n];
            for (i, p) in model.profiles.iter().enumerate() {
                match &p.spread {
                    // Components whose AZ the design does not say are assumed to be in the one lost.
                    Spread::OneAz(az) if az.is_none() || *az == key => down[i] = true,
                    Spread::MultiAz => failing_over[i] = true,
                    _ => {}
                }
            }
            Scenario { name, down, failing_over }
        })
        .collect()
}

fn region_scenarios(model: &Model<'_>) -> Vec<Scenario> {
    let n = model.profiles.len();
    let frames: Vec<&crate::design::Container> =
        model.design.containers.iter().filter(|g| g.kind == ContainerKind::Region).collect();
    // Components drawn outside every Region frame are in the design's Region:
    // the frame named after it, else the first frame.
    let home = frames.iter().find(|g| g.label.contains(&model.design.region)).or(frames.first()).map(|g| g.id.clone());
    let mut keys: Vec<Option<ContainerId>> = frames.iter().map(|g| Some(g.id.clone())).collect();
    if keys.is_empty() {
        keys.push(None);
    }
    keys.into_iter()
        .map(|key| {
            let name = match &key {
                Some(id) => {
                    format!("Region \"{}\"", model.design.container(id).map_or(id.as_str(), |g| g.label.as_str()))
                }
                None => format!("Region {}", model.design.region),
            };
            let mut down = vec![false; n];
            let mut failing_over = vec![false; n];
            for (i, p) in model.profiles.iter().enumerate() {
                if matches!(p.spread, Spread::Global | Spread::Outside) || p.entry {
                    continue;
                }
                let region = p.region.clone().or_else(|| home.clone());
                if region == key {
                    if p.overrides[Disruption::Region as usize].is_some() {
                        failing_over[i] = true;
                    } else {
                        down[i] = true;
                    }
                }
            }
            Scenario { name, down, failing_over }
        })
        .collect()
}

/// Evaluates one scenario: RTO, RPO, who sets them, and what breaks.
struct Outcome {
    rto: Option<Span>,
    rto_by: Option<usize>,
    rpo: Option<Span>,
    rpo_by: Option<usize>,
    blocking: Vec<usize>,
    unserved_entries: Vec<usize>,
    reasoning: Vec<String>,
    /// Steps of reasoning, written out only for the scenario that is reported.
    notes: Vec<Note>,
}

/// One step of reasoning, kept cheap until it is written.
#[derive(Clone, Copy)]
enum Note {
    Covered(usize),
    Lost(usize),
    FailsOver(usize),
    Data(usize),
    Events { from: usize, at: usize },
}

/// How many steps of reasoning a report spells out; the rest are counted.
const MAX_NOTES: usize = 10;

impl Outcome {
    fn new() -> Self {
        Outcome {
            rto: Some(Span::ZERO),
            rto_by: None,
            rpo: Some(Span::ZERO),
            rpo_by: None,
            blocking: Vec::new(),
            unserved_entries: Vec::new(),
            reasoning: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Writes the heaviest notes (longest recovery, most data at risk) as sentences.
    fn write_notes(&mut self, model: &Model<'_>, d: Disruption) {
        let weight = |n: &Note| match *n {
            Note::Covered(_) => model.facts.reroute_s.worst,
            Note::Lost(i) | Note::FailsOver(i) => rank(model.recovery(i, d).rto),
            Note::Data(i) => rank(model.recovery(i, d).rpo),
            Note::Events { at, .. } => rank(model.recovery(at, d).rto),
        };
        let mut notes = std::mem::take(&mut self.notes);
        crate::order::sort_by(&mut notes, |a, b| weight(b).total_cmp(&weight(a)));
        let more = notes.len().saturating_sub(MAX_NOTES);
        for n in notes.into_iter().take(MAX_NOTES) {
            let text = match n {
                Note::Covered(i) => format!(
                    "\"{}\" is lost, but a copy elsewhere takes over ({})",
                    model.label(i),
                    fmt_span(Some(model.facts.reroute_s))
                ),
                Note::Lost(i) => {
                    let r = model.recovery(i, d);
                    format!("\"{}\" is lost with no copy to take over: {} ({}); source: {}", model.label(i), r.mode, fmt_span(r.rto), r.source)
                }
                Note::FailsOver(i) => {
                    let r = model.recovery(i, d);
                    format!("\"{}\" fails over: {} ({}); source: {}", model.label(i), r.mode, fmt_span(r.rto), r.source)
                }
                Note::Data(i) => {
                    let r = model.recovery(i, d);
                    match r.rpo {
                        None => format!("data in \"{}\" has no copy that survives: {}", model.label(i), r.source),
                        Some(rpo) => format!("data in \"{}\": up to {} at risk ({})", model.label(i), human(rpo.worst), r.source),
                    }
                }
                Note::Events { from, at } => format!(
                    "events from \"{}\" reach \"{}\" before any queue; while it is down ({}) they are refused and lost unless the sender retries",
                    model.label(from),
                    model.label(at),
                    fmt_span(model.recovery(at, d).rto)
                ),
            };
            self.reasoning.push(text);
        }
        if more > 0 {
            self.reasoning.push(format!("… and {more} more component(s) with shorter recoveries"));
        }
    }
}

fn evaluate(model: &Model<'_>, d: Disruption, s: &Scenario) -> Outcome {
    let served = model.served(&s.down);
    let mut o = Outcome::new();
    o.unserved_entries = model.entries.iter().copied().filter(|&e| !served[e]).collect();
    let reroute = model.facts.reroute_s;
    let bump_rto = |o: &mut Outcome, span: Option<Span>, i: usize| {
        if rank(span) > rank(o.rto) || (o.rto_by.is_none() && rank(span) > 0.0) {
            o.rto_by = Some(i);
        }
        o.rto = worse(o.rto, span);
    };
    for i in 0..model.profiles.len() {
        if !model.critical[i] || model.profiles[i].entry {
            continue;
        }
        if s.down[i] {
            // While every entry is still served, whatever is lost has been covered.
            if o.unserved_entries.is_empty() || model.covered(i, &s.down) {
                bump_rto(&mut o, Some(reroute), i);
                o.notes.push(Note::Covered(i));
            } else {
                let r = model.recovery(i, d);
                o.blocking.push(i);
                bump_rto(&mut o, r.rto, i);
                o.notes.push(Note::Lost(i));
            }
        } else if s.failing_over[i] {
            let r = model.recovery(i, d);
            if rank(r.rto) > 0.0 {
                bump_rto(&mut o, r.rto, i);
                o.notes.push(Note::FailsOver(i));
            }
        }
    }
    rpo_for(model, d, |i| s.down[i] || s.failing_over[i], &mut o);
    let continues = o.unserved_entries.is_empty();
    events_lost(model, d, |i| s.down[i] && !continues && !model.covered(i, &s.down), &mut o);
    o
}

/// Data at risk in the stateful components hit.
fn rpo_for(model: &Model<'_>, d: Disruption, hit: impl Fn(usize) -> bool, o: &mut Outcome) {
    for i in 0..model.profiles.len() {
        let p = &model.profiles[i];
        if !p.authoritative || !model.data_path[i] || !hit(i) {
            continue;
        }
        let r = model.recovery(i, d);
        if rank(r.rpo) > rank(o.rpo) || (o.rpo_by.is_none() && rank(r.rpo) > 0.0) {
            o.rpo_by = Some(i);
        }
        o.rpo = worse(o.rpo, r.rpo);
        if rank(r.rpo) > 0.0 {
            o.notes.push(Note::Data(i));
        }
    }
}

/// Events pushed in by external senders are lost while a component between the
/// sender and the first durable buffer is down (unless the sender retries).
fn events_lost(model: &Model<'_>, d: Disruption, down: impl Fn(usize) -> bool, o: &mut Outcome) {
    for &e in &model.entries {
        if !model.profiles[e].sends_events {
            continue;
        }
        let mut stack: Vec<usize> = model.out[e].iter().map(|&(_, v)| v).collect();
        let mut seen = vec![false; model.profiles.len()];
        while let Some(u) = stack.pop() {
            if std::mem::replace(&mut seen[u], true) {
                continue;
            }
            let p = &model.profiles[u];
            if p.durable_buffer {
                continue;
            }
            if down(u) {
                let lost = model.recovery(u, d).rto;
                if rank(lost) > rank(o.rpo) || o.rpo_by.is_none() {
                    o.rpo_by = Some(u);
                }
                o.rpo = worse(o.rpo, lost);
                o.notes.push(Note::Events { from: e, at: u });
            }
            stack.extend(model.out[u].iter().map(|&(_, v)| v));
        }
    }
}

/// Assesses `design` against `policy` with the built-in catalog and facts.
pub fn assess(design: &Design, policy: &Policy) -> ResilienceReport {
    assess_with(design, policy, Catalog::builtin(), Facts::builtin())
}

pub fn assess_with(design: &Design, policy: &Policy, catalog: &Catalog, facts: &Facts) -> ResilienceReport {
    let model = Model::new(design, catalog, facts);
    let mut diagnostics = Vec::new();
    if design.components.is_empty() {
        diagnostics.push(Diagnostic::info("resilience-empty", "the design is empty: nothing to assess", None));
    } else if model.entries.is_empty() {
        diagnostics.push(Diagnostic::warning(
            "resilience-no-users",
            "no users or external callers: add a Users component linked to the front door to see user-facing paths",
            None,
        ));
    }
    for (i, p) in model.profiles.iter().enumerate() {
        if !p.known {
            diagnostics.push(Diagnostic::warning(
                "resilience-unknown-kind",
                format!("\"{}\" has a kind this catalog does not know; it is left out", model.label(i)),
                Some(ItemRef::Component(model.id(i))),
            ));
        }
    }
    let unreached = (0..model.profiles.len()).filter(|&i| !model.data_path[i] && !model.profiles[i].entry).count();
    if unreached > 0 && !model.entries.is_empty() {
        diagnostics.push(Diagnostic::info(
            "resilience-unreached",
            format!("{unreached} component(s) are not reached from any user or external caller, so they set no figure"),
            None,
        ));
    }
    let cycles = crate::graph::Topology::with_links(design, |l| l.mode == LinkMode::Sync).cycles();
    if !cycles.is_empty() {
        diagnostics.push(Diagnostic::info(
            "resilience-cycle",
            format!("{} loop(s) of synchronous calls: each loop counts as working while it is resolved", cycles.len()),
            None,
        ));
    }

    let mut estimates = Vec::with_capacity(4);
    for d in Disruption::ALL {
        let mut o = match d {
            Disruption::Software | Disruption::Hardware => per_component(&model, d),
            Disruption::Az => worst_of(&model, d, az_scenarios(&model)),
            Disruption::Region => worst_of(&model, d, region_scenarios(&model)),
        };
        if model.entries.is_empty() {
            o.reasoning.insert(0, "no user-facing paths: only stateful components' data is assessed".to_owned());
        }
        let target = policy.targets[d as usize];
        let mut spof: Vec<usize> = o.blocking.clone();
        crate::order::sort_dedup(&mut spof);
        estimates.push(RecoveryEstimate {
            disruption: d,
            rto: o.rto,
            rpo: o.rpo,
            rto_set_by: o.rto_by.map(|i| model.id(i)),
            rpo_set_by: o.rpo_by.map(|i| model.id(i)),
            reasoning: o.reasoning,
            single_points_of_failure: spof.into_iter().map(|i| model.id(i)).collect(),
            target,
            rto_verdict: verdict(o.rto, target.map(|t| t[0])),
            rpo_verdict: verdict(o.rpo, target.map(|t| t[1])),
        });
    }

    let units = units(&model);
    let unit_of: FxHashMap<usize, usize> =
        units.iter().enumerate().flat_map(|(u, members)| members.iter().map(move |&i| (i, u))).collect();
    let unit_a: Vec<f64> = units.iter().map(|m| group_availability(&model, m)).collect();
    let fraction: f64 = unit_a.iter().product();
    let paths: Vec<UserPath> = model
        .paths(100)
        .into_iter()
        .map(|p| {
            let mut seen = BTreeSet::new();
            let availability =
                p.iter().filter_map(|i| unit_of.get(i)).filter(|&&u| seen.insert(u)).map(|&u| unit_a[u]).product();
            UserPath { components: p.iter().map(|&i| model.id(i)).collect(), availability }
        })
        .collect();
    let unavailable = (1.0 - fraction).max(0.0);
    let availability = Availability {
        fraction,
        percent: fraction * 100.0,
        nines: if unavailable > 0.0 { -unavailable.log10() } else { f64::INFINITY.min(9.0) },
        downtime_minutes_per_month: unavailable * 730.0 * 60.0,
        assumed: (0..model.profiles.len())
            .filter(|&i| {
                model.critical[i]
                    && model.profiles[i].sla_assumed
                    && !model.profiles[i].entry
                    && model.profiles[i].known
            })
            .map(|i| model.id(i))
            .collect(),
    };
    let (dr_strategy, dr_reasoning) = dr_strategy(&model);
    let components = (0..model.profiles.len())
        .map(|i| ComponentResilience {
            component: model.id(i),
            class: facts.class(model.profiles[i].class).name.clone(),
            on_user_path: model.critical[i],
            sla_percent: model.profiles[i].sla,
            recovery: Disruption::ALL.map(|d| model.recovery(i, d).clone()),
        })
        .collect();
    ResilienceReport {
        policy: policy.clone(),
        estimates,
        availability,
        paths,
        dr_strategy,
        dr_reasoning,
        components,
        diagnostics,
    }
}

/// Software and Hardware: one component at a time; the worst sets the figure.
fn per_component(model: &Model<'_>, d: Disruption) -> Outcome {
    let none = vec![false; model.profiles.len()];
    let reroute = model.facts.reroute_s;
    let mut o = Outcome::new();
    let mut worst: Option<(usize, Option<Span>, String)> = None;
    for i in 0..model.profiles.len() {
        if !model.critical[i] || model.profiles[i].entry || !model.profiles[i].known {
            continue;
        }
        let r = model.recovery(i, d);
        if d == Disruption::Software && model.profiles[i].authoritative {
            // A bad release is rolled back in the code; a store it damaged is restored
            // separately, and that shows in the RPO.
            o.reasoning.push(format!(
                "if a bad release damaged data in \"{}\": {} ({}) to get it back",
                model.label(i),
                r.mode,
                fmt_span(r.rto)
            ));
            continue;
        }
        // Copies help against hardware failures, not against the same bad code.
        let (span, why) = if d == Disruption::Hardware && rank(r.rto) > reroute.worst && model.covered(i, &none) {
            (Some(reroute), format!("a copy takes over ({})", model.facts.reroute_source))
        } else {
            (r.rto, format!("{}: {}", r.mode, r.source))
        };
        let is_spof = match d {
            Disruption::Hardware => model.profiles[i].single_copy && !model.covered(i, &none),
            _ => span.is_none(),
        };
        if is_spof {
            o.blocking.push(i);
        }
        if worst.as_ref().is_none_or(|(_, w, _)| rank(span) > rank(*w)) && rank(span) > 0.0 {
            worst = Some((i, span, why));
        }
        o.rto = worse(o.rto, span);
    }
    if let Some((i, span, why)) = worst {
        o.rto_by = Some(i);
        o.reasoning.push(format!(
            "the slowest to recover on a user-facing path is \"{}\": {} — {why}",
            model.label(i),
            fmt_span(span)
        ));
    } else {
        o.reasoning.push("nothing on a user-facing path needs to recover".to_owned());
    }
    rpo_for(model, d, |_| true, &mut o);
    let covered: Vec<bool> =
        (0..model.profiles.len()).map(|i| d == Disruption::Hardware && model.covered(i, &none)).collect();
    events_lost(model, d, |i| !covered[i] && rank(model.recovery(i, d).rto) > 0.0, &mut o);
    o.write_notes(model, d);
    o
}

fn worst_of(model: &Model<'_>, d: Disruption, scenarios: Vec<Scenario>) -> Outcome {
    let mut best: Option<(Outcome, String)> = None;
    let mut blocking = Vec::new();
    for s in &scenarios {
        let o = evaluate(model, d, s);
        blocking.extend(o.blocking.iter().copied());
        let take = best.as_ref().is_none_or(|(b, _)| (rank(o.rto), rank(o.rpo)) > (rank(b.rto), rank(b.rpo)));
        if take {
            best = Some((o, s.name.clone()));
        }
    }
    let Some((mut o, name)) = best else {
        let mut o = Outcome::new();
        o.blocking = blocking;
        return o;
    };
    o.write_notes(model, d);
    let head = if o.unserved_entries.is_empty() {
        format!("worst case: losing {name}; every user-facing path still works")
    } else {
        let who: Vec<&str> = o.unserved_entries.iter().map(|&e| model.label(e)).collect();
        format!("worst case: losing {name} cuts off {}", who.join(", "))
    };
    o.reasoning.insert(0, head);
    crate::order::sort_dedup(&mut blocking);
    o.blocking = blocking;
    o
}

fn dr_strategy(model: &Model<'_>) -> (DrStrategy, String) {
    let compute_regions: BTreeSet<Option<ContainerId>> = crate::order::set(
        model
            .profiles
            .iter()
            .filter(|p| p.class.starts_with("compute") || p.class == "pods" || p.class.starts_with("self_managed"))
            .map(|p| p.region.clone()),
    );
    let replicated = model.profiles.iter().any(|p| p.overrides[Disruption::Region as usize].is_some());
    let multi_writer = model.profiles.iter().any(|p| {
        p.overrides[Disruption::Region as usize]
            .as_ref()
            .is_some_and(|r| r.source.contains("other Regions keep serving"))
    });
    let backups = model.profiles.iter().enumerate().any(|(i, p)| {
        p.authoritative
            && rank(p.recovery(model.facts, Disruption::Software).rpo).is_finite()
            && model.profiles[i].known
    });
    if compute_regions.len() >= 2 {
        if multi_writer {
            return (
                DrStrategy::ActiveActive,
                "compute runs in two or more Regions and the data is writable in each".into(),
            );
        }
        return (DrStrategy::WarmStandby, "compute runs in two or more Regions; data is copied to the second".into());
    }
    if replicated {
        return (
            DrStrategy::PilotLight,
            "data is replicated to another Region, but compute runs in one: it must be started there".into(),
        );
    }
    if backups {
        return (
            DrStrategy::BackupAndRestore,
            "data has backups or point-in-time recovery in the same Region; nothing runs elsewhere".into(),
        );
    }
    (DrStrategy::None, "no backups or copies of the data: a lost store cannot be restored".into())
}

/// What-if: fail a component, an AZ or a Region and see what breaks.
pub fn simulate(design: &Design, failure: &Failure) -> Simulation {
    let facts = Facts::builtin();
    let model = Model::new(design, Catalog::builtin(), facts);
    let n = model.profiles.len();
    let (d, scenario) = match failure {
        Failure::Component(id) => {
            let mut down = vec![false; n];
            for (i, c) in design.components.iter().enumerate() {
                if &c.id == id {
                    down[i] = true;
                }
            }
            (Disruption::Hardware, Scenario { name: format!("component {id}"), down, failing_over: vec![false; n] })
        }
        Failure::Az(id) => {
            let s = az_scenarios(&model).into_iter().find(|s| {
                s.name.contains(&format!("\"{}\"", design.container(id).map_or(id.as_str(), |g| g.label.as_str())))
            });
            let s = s.unwrap_or_else(|| Scenario {
                name: format!("AZ {id}"),
                down: vec![false; n],
                failing_over: vec![false; n],
            });
            // Only what sits in that AZ goes down; components of unknown AZ are not assumed lost here.
            let mut s = s;
            for (i, p) in model.profiles.iter().enumerate() {
                if p.spread == Spread::OneAz(None) {
                    s.down[i] = false;
                }
            }
            (Disruption::Az, s)
        }
        Failure::Region(key) => {
            let all = region_scenarios(&model);
            let s = match key {
                Some(id) => all.into_iter().find(|s| {
                    s.name.contains(&format!("\"{}\"", design.container(id).map_or(id.as_str(), |g| g.label.as_str())))
                }),
                None => all.into_iter().next(),
            };
            (
                Disruption::Region,
                s.unwrap_or_else(|| Scenario {
                    name: "Region".into(),
                    down: vec![false; n],
                    failing_over: vec![false; n],
                }),
            )
        }
    };
    let mut o = evaluate(&model, d, &scenario);
    o.write_notes(&model, d);
    let failed: Vec<usize> = (0..n).filter(|&i| scenario.down[i]).collect();
    let mut broken_paths = Vec::new();
    let mut intact_paths = Vec::new();
    for p in model.paths(100) {
        let path = UserPath { components: p.iter().map(|&i| model.id(i)).collect(), availability: f64::NAN };
        if p.iter().any(|&i| scenario.down[i]) {
            broken_paths.push(path);
        } else {
            intact_paths.push(path);
        }
    }
    let data_at_risk = (0..n)
        .filter(|&i| model.profiles[i].authoritative && (scenario.down[i] || scenario.failing_over[i]))
        .map(|i| (model.id(i), model.recovery(i, d).rpo))
        .collect();
    Simulation {
        failed: failed.into_iter().map(|i| model.id(i)).collect(),
        failing_over: (0..n).filter(|&i| scenario.failing_over[i]).map(|i| model.id(i)).collect(),
        broken_paths,
        intact_paths,
        service_continues: o.unserved_entries.is_empty(),
        data_at_risk,
        rto: o.rto,
        reasoning: o.reasoning,
    }
}
