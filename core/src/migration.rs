//! The migration planner: a phased plan for moving a running estate to a new
//! platform without downtime, ordered by risk, within the team's capacity and
//! the services' dependencies.
//!
//! Time is counted in working days (5 a week, day 0 a Monday). For each
//! service: prepare (containerise, manifests, pipeline) → deploy beside the old
//! → shift traffic in weighted steps → watch → retire the old. Preparing and
//! shifting take one of the team's `capacity` slots; watching does not. At most
//! `critical_in_parallel` critical services run old and new side by side at
//! once. Phases go from least to most critical; a service that depends on a
//! later phase's service moves to that phase. Foundations come first, follow-up
//! work last.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::cost::{estimate, PriceBook};
use crate::design::{Component, ComponentKind, Design, Point, PropValue};
use crate::diagnostic::Diagnostic;

/// How much the business depends on a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criticality {
    Low,
    Medium,
    High,
    Critical,
}

impl Criticality {
    fn weight(self) -> f64 {
        match self {
            Criticality::Low => 1.0,
            Criticality::Medium => 2.0,
            Criticality::High => 4.0,
            Criticality::Critical => 8.0,
        }
    }
    /// Critical and high services are the risky tier.
    fn risky(self) -> bool {
        self >= Criticality::High
    }
    fn phase(self) -> u32 {
        match self {
            Criticality::Low => 1,
            Criticality::Medium => 2,
            Criticality::High | Criticality::Critical => 3,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Criticality::Low => "low",
            Criticality::Medium => "medium",
            Criticality::High => "high",
            Criticality::Critical => "critical",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Traffic {
    VeryLow,
    Low,
    Medium,
    High,
    VeryHigh,
}

impl Traffic {
    fn weight(self) -> f64 {
        match self {
            Traffic::VeryLow => 0.5,
            Traffic::Low => 1.0,
            Traffic::Medium => 2.0,
            Traffic::High => 3.0,
            Traffic::VeryHigh => 4.0,
        }
    }
}

/// The old platform's instances of a service (priced with the cost model).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Instances {
    pub instance_type: String,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub name: String,
    pub criticality: Criticality,
    pub traffic: Traffic,
    /// Weeks of preparation: containerise, manifests, pipeline, deploy beside.
    pub effort_weeks: f64,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub old_instances: Option<Instances>,
}

/// Work that is not a service migration: foundations first, follow-ups last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub name: String,
    pub weeks: f64,
    /// Other tasks of the same group that must finish first.
    #[serde(default)]
    pub after: Vec<String>,
}

/// What runs today and where it goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Estate {
    pub key: String,
    pub name: String,
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub foundations: Vec<Task>,
    pub services: Vec<Service>,
    #[serde(default)]
    pub follow_ups: Vec<Task>,
}

/// Team capacity, the time box and the rules of the road.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// Migrations (and tasks) worked on at once.
    pub capacity: u32,
    /// Critical or high services running old and new side by side at once.
    #[serde(default = "one")]
    pub critical_in_parallel: u32,
    pub time_box_weeks: f64,
    /// No cut-over (the shift to 100 %) on a Friday.
    #[serde(default = "yes")]
    pub no_friday_cutover: bool,
    /// Working days (from 0) with traffic spikes: no cut-over then.
    #[serde(default)]
    pub spike_days: Vec<u32>,
    /// Least time old and new run side by side, by criticality.
    #[serde(default)]
    pub min_parallel_run_weeks: BTreeMap<Criticality, f64>,
    /// Time watched at 100 % before the old is retired, by criticality.
    #[serde(default)]
    pub watch_weeks: BTreeMap<Criticality, f64>,
    /// Weighted traffic steps to the new platform, one a day, ending at 100.
    #[serde(default = "steps")]
    pub traffic_steps: Vec<u8>,
}

fn one() -> u32 {
    1
}
fn yes() -> bool {
    true
}
fn steps() -> Vec<u8> {
    vec![10, 50, 100]
}

/// An estate file: `{"format": "cloudwright-estate", "version": 1, …}`.
#[derive(Deserialize)]
struct EstateFile {
    format: String,
    version: u32,
    #[serde(flatten)]
    estate: Estate,
    constraints: Constraints,
}

/// Reads an estate file.
pub fn parse_estate(text: &str) -> Result<(Estate, Constraints), String> {
    let f: EstateFile = serde_json::from_str(text).map_err(|e| format!("not a valid estate file: {e}"))?;
    if f.format != "cloudwright-estate" {
        return Err(format!("not an estate file: its \"format\" is \"{}\"", f.format));
    }
    if f.version != 1 {
        return Err(format!("estate file version {} is not supported (this Cloudwright reads version 1)", f.version));
    }
    Ok((f.estate, f.constraints))
}

/// The estates that ship with Cloudwright: the fintech (seed 004) and the
/// startup modernisation (seed 000).
pub fn builtin_estate(key: &str) -> Option<(Estate, Constraints)> {
    let at = BUILTIN_ESTATES.iter().position(|k| *k == key)?;
    let mut all: Vec<(Estate, Constraints)> = postcard::from_bytes(BUILTIN).ok()?;
    (at < all.len()).then(|| all.swap_remove(at))
}

pub const BUILTIN_ESTATES: [&str; 2] = ["fintech", "modernisation"];

/// The built-in estates' files (`data/estates/*.json`), in the order of
/// [`BUILTIN_ESTATES`].
#[cfg(test)]
const BUILTIN_FILES: [&str; 2] =
    [include_str!("../data/estates/fintech.json"), include_str!("../data/estates/modernisation.json")];

/// The built-in estates as postcard bytes, so that the analysis module reads
/// no estate JSON (a file's `flatten` took serde's buffering code in). A test
/// writes this file from the JSON and checks it on every run
/// (`CLOUDWRIGHT_WRITE_BUILTINS=1 cargo test -p cloudwright-core builtin`).
static BUILTIN: &[u8] = include_bytes!("migration/builtin.postcard");

// ---------------------------------------------------------------- the plan

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Prepare,
    DeployBeside,
    ShiftTraffic,
    Watch,
    Retire,
}

/// One step of a service's migration, with how to undo it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    pub kind: StepKind,
    /// First working day.
    pub day: u32,
    pub days: u32,
    /// Share of traffic on the new platform after the step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub traffic_percent: Option<u8>,
    pub description: String,
    pub rollback: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServicePlan {
    pub service: String,
    pub criticality: Criticality,
    pub phase: u32,
    pub start_day: u32,
    /// The day traffic goes to 100 % on the new platform.
    pub cutover_day: u32,
    /// The day the old platform is switched off.
    pub retire_day: u32,
    /// Working days old and new run side by side.
    pub parallel_run_days: u32,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskPlan {
    pub name: String,
    pub phase: u32,
    pub start_day: u32,
    pub end_day: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    Foundations,
    Migration,
    FollowUp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Phase {
    pub number: u32,
    pub kind: PhaseKind,
    pub name: String,
    pub start_day: u32,
    pub end_day: u32,
    pub weeks: f64,
    /// Services migrated or tasks done, in order.
    pub items: Vec<String>,
    /// Services running on both platforms at some point in the phase.
    pub running_twice: Vec<String>,
    /// The old platform's monthly cost for the services running twice (cost model).
    pub extra_monthly_cost: f64,
    /// That cost over the days they actually run twice in this phase.
    pub extra_cost_in_phase: f64,
    pub risk_score: f64,
    pub risk: RiskLevel,
}

/// What would make an over-long plan fit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Infeasible {
    pub over_by_weeks: f64,
    pub suggestions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MigrationPlan {
    pub estate: String,
    pub from: String,
    pub to: String,
    pub feasible: bool,
    pub total_weeks: f64,
    pub time_box_weeks: f64,
    pub max_in_parallel: u32,
    pub phases: Vec<Phase>,
    pub services: Vec<ServicePlan>,
    pub tasks: Vec<TaskPlan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infeasible: Option<Infeasible>,
    pub diagnostics: Vec<Diagnostic>,
}

const DAYS_PER_WEEK: f64 = 5.0;
/// A working day in calendar months (21.7 working days a month).
const WORKING_DAYS_PER_MONTH: f64 = 730.0 / 24.0 * 5.0 / 7.0;

fn days(weeks: f64) -> u32 {
    if weeks.is_finite() && weeks > 0.0 {
        (weeks * DAYS_PER_WEEK).ceil().min(100_000.0) as u32
    } else {
        0
    }
}

fn weeks(days: u32) -> f64 {
    f64::from(days) / DAYS_PER_WEEK
}

/// Plans the migration of `estate` under `constraints`. Never panics: a
/// dependency cycle, zero capacity or a plan over the time box are diagnostics.
pub fn plan(estate: &Estate, constraints: &Constraints) -> MigrationPlan {
    let mut out = MigrationPlan {
        estate: estate.name.clone(),
        from: estate.from.clone(),
        to: estate.to.clone(),
        feasible: false,
        total_weeks: 0.0,
        time_box_weeks: constraints.time_box_weeks,
        max_in_parallel: 0,
        phases: Vec::new(),
        services: Vec::new(),
        tasks: Vec::new(),
        infeasible: None,
        diagnostics: Vec::new(),
    };
    if constraints.capacity == 0 {
        out.diagnostics.push(Diagnostic::error(
            "migration-no-capacity",
            "the team's capacity is 0 migrations at a time: nothing can be scheduled; give it at least 1",
            None,
        ));
        return out;
    }
    let index: HashMap<&str, usize> = estate.services.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
    if index.len() != estate.services.len() {
        out.diagnostics.push(Diagnostic::error(
            "migration-duplicate",
            "two services share a name; names must be unique",
            None,
        ));
        return out;
    }
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); estate.services.len()];
    for (i, s) in estate.services.iter().enumerate() {
        for d in &s.depends_on {
            match index.get(d.as_str()) {
                Some(&j) if j != i => deps[i].push(j),
                Some(_) => out.diagnostics.push(Diagnostic::warning(
                    "migration-self-dependency",
                    format!("{} depends on itself; ignored", s.name),
                    None,
                )),
                None => out.diagnostics.push(Diagnostic::warning(
                    "migration-unknown-dependency",
                    format!("{} depends on \"{d}\", which is not in the estate; ignored", s.name),
                    None,
                )),
            }
        }
    }
    if let Some(cycle) = find_cycle(&deps) {
        let names: Vec<&str> = cycle.iter().map(|&i| estate.services[i].name.as_str()).collect();
        out.diagnostics.push(Diagnostic::error(
            "migration-cycle",
            format!("dependencies go round in a circle: {} → {}; break one to plan", names.join(" → "), names[0]),
            None,
        ));
        return out;
    }
    if !constraints.time_box_weeks.is_finite() || constraints.time_box_weeks <= 0.0 {
        out.diagnostics.push(Diagnostic::error(
            "migration-time-box",
            "the time box must be a positive number of weeks",
            None,
        ));
        return out;
    }

    let scheduled = schedule(estate, constraints, &deps, &mut out.diagnostics);
    let end = scheduled.end_day;
    out.total_weeks = weeks(end);
    out.max_in_parallel = scheduled.max_in_parallel;
    out.feasible = out.total_weeks <= constraints.time_box_weeks + 1e-9;
    out.phases = phases(estate, constraints, &scheduled);
    out.services = scheduled.services;
    out.tasks = scheduled.tasks;
    if !out.feasible {
        out.infeasible = Some(suggest(estate, constraints, &deps, out.total_weeks));
        out.diagnostics.push(Diagnostic::error(
            "migration-over-time-box",
            format!(
                "the plan takes {:.1} weeks, {:.1} over the {} -week time box",
                out.total_weeks,
                out.total_weeks - constraints.time_box_weeks,
                constraints.time_box_weeks
            )
            .replace(" -week", "-week"),
            None,
        ));
    }
    out
}

/// One cycle in the dependency graph, if any (iterative, no recursion).
fn find_cycle(deps: &[Vec<usize>]) -> Option<Vec<usize>> {
    let n = deps.len();
    let mut state = vec![0u8; n];
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&(u, next)) = stack.last() {
            if let Some(&v) = deps[u].get(next) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match state[v] {
                    0 => {
                        state[v] = 1;
                        stack.push((v, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|&(w, _)| w == v).unwrap_or(0);
                        return Some(stack[from..].iter().map(|&(w, _)| w).collect());
                    }
                    _ => {}
                }
            } else {
                state[u] = 2;
                stack.pop();
            }
        }
    }
    None
}

struct Scheduled {
    services: Vec<ServicePlan>,
    tasks: Vec<TaskPlan>,
    /// Phase of each migration phase's end and start, and of task groups.
    phase_bounds: BTreeMap<u32, (u32, u32)>,
    end_day: u32,
    max_in_parallel: u32,
}

/// Team slots over time: which days are taken by how many pieces of work.
struct Slots {
    capacity: u32,
    used: Vec<u32>,
}

impl Slots {
    fn free_from(&mut self, from: u32, len: u32) -> u32 {
        let mut day = from;
        loop {
            let end = (day + len.max(1)) as usize;
            if self.used.len() < end {
                self.used.resize(end, 0);
            }
            match (day..day + len.max(1)).find(|&d| self.used[d as usize] >= self.capacity) {
                Some(busy) => day = busy + 1,
                None => return day,
            }
        }
    }
    fn take(&mut self, from: u32, len: u32) {
        let end = (from + len) as usize;
        if self.used.len() < end {
            self.used.resize(end, 0);
        }
        for d in from..from + len {
            self.used[d as usize] += 1;
        }
    }
    fn max(&self) -> u32 {
        self.used.iter().copied().max().unwrap_or(0)
    }
}

/// Schedules a group of tasks from `start`, respecting `after` and capacity.
fn schedule_tasks(
    tasks: &[Task],
    start: u32,
    slots: &mut Slots,
    phase: u32,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<TaskPlan>, u32) {
    let mut done: HashMap<&str, u32> = HashMap::new();
    let mut out = Vec::with_capacity(tasks.len());
    let mut end = start;
    let mut remaining: Vec<&Task> = tasks.iter().collect();
    while !remaining.is_empty() {
        let before = remaining.len();
        remaining.retain(|t| {
            if t.after.iter().any(|a| !done.contains_key(a.as_str()) && tasks.iter().any(|x| &x.name == a)) {
                return true;
            }
            let ready = t.after.iter().filter_map(|a| done.get(a.as_str())).copied().max().unwrap_or(start).max(start);
            let len = days(t.weeks).max(1);
            let s = slots.free_from(ready, len);
            slots.take(s, len);
            done.insert(t.name.as_str(), s + len);
            end = end.max(s + len);
            out.push(TaskPlan { name: t.name.clone(), phase, start_day: s, end_day: s + len });
            false
        });
        if remaining.len() == before {
            let names: Vec<&str> = remaining.iter().map(|t| t.name.as_str()).collect();
            diags.push(Diagnostic::warning(
                "migration-task-cycle",
                format!("tasks wait on each other: {}; scheduled anyway", names.join(", ")),
                None,
            ));
            for t in remaining.drain(..) {
                let len = days(t.weeks).max(1);
                let s = slots.free_from(end, len);
                slots.take(s, len);
                end = end.max(s + len);
                out.push(TaskPlan { name: t.name.clone(), phase, start_day: s, end_day: s + len });
            }
        }
    }
    (out, end)
}

fn schedule(estate: &Estate, c: &Constraints, deps: &[Vec<usize>], diags: &mut Vec<Diagnostic>) -> Scheduled {
    let mut slots = Slots { capacity: c.capacity, used: Vec::new() };
    let mut phase_bounds = BTreeMap::new();
    let (tasks, mut cursor) = schedule_tasks(&estate.foundations, 0, &mut slots, 0, diags);
    if !estate.foundations.is_empty() {
        phase_bounds.insert(0, (0, cursor));
    }

    // Each service's phase: its criticality's, or later if it depends on a later one.
    let n = estate.services.len();
    let mut phase: Vec<u32> = estate.services.iter().map(|s| s.criticality.phase()).collect();
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds <= n {
        changed = false;
        rounds += 1;
        for i in 0..n {
            let needed = deps[i].iter().map(|&j| phase[j]).max().unwrap_or(0);
            if needed > phase[i] {
                phase[i] = needed;
                changed = true;
            }
        }
    }
    for (s, &p) in estate.services.iter().zip(&phase) {
        if p != s.criticality.phase() {
            diags.push(Diagnostic::info(
                "migration-moved",
                format!("{} moves to phase {p} because it depends on a service migrated then", s.name),
                None,
            ));
        }
    }

    let step_days = c.traffic_steps.len().max(1) as u32;
    let mut plans: Vec<Option<ServicePlan>> = vec![None; n];
    // The order services were planned in: least risky first within each phase.
    let mut planned: Vec<usize> = Vec::with_capacity(n);
    // Risky services' side-by-side windows, to keep at most `critical_in_parallel` at once.
    let mut risky_windows: Vec<(u32, u32)> = Vec::new();
    let mut phases_used: Vec<u32> = phase.clone();
    crate::order::sort_dedup(&mut phases_used);
    for p in phases_used {
        let phase_start = cursor;
        let mut members: Vec<usize> = (0..n).filter(|&i| phase[i] == p).collect();
        // Least risky first: criticality, then traffic, then name.
        crate::order::sort_by(&mut members, |&a, &b| {
            let (x, y) = (&estate.services[a], &estate.services[b]);
            (x.criticality, x.traffic, &x.name).cmp(&(y.criticality, y.traffic, &y.name))
        });
        let mut phase_end = phase_start;
        let mut pending = members;
        while !pending.is_empty() {
            // The first pending service whose dependencies are all cut over.
            let Some(pos) = pending.iter().position(|&i| deps[i].iter().all(|&j| plans[j].is_some())) else {
                break;
            };
            let i = pending.remove(pos);
            let s = &estate.services[i];
            let prep = days(s.effort_weeks).max(1);
            let start = slots.free_from(phase_start, prep);
            slots.take(start, prep);
            let mut deploy = start + prep;
            let min_run = days(c.min_parallel_run_weeks.get(&s.criticality).copied().unwrap_or(1.0));
            let watch = days(c.watch_weeks.get(&s.criticality).copied().unwrap_or(1.0));
            let after_deps =
                deps[i].iter().filter_map(|&j| plans[j].as_ref()).map(|p| p.cutover_day + 1).max().unwrap_or(0);
            let (cutover, retire) = loop {
                // Shifting takes a slot for its days; the cut-over is its last day.
                let shift_start = slots.free_from(deploy, step_days);
                let mut cut = (shift_start + step_days - 1).max(after_deps);
                while (c.no_friday_cutover && cut % 5 == 4) || c.spike_days.contains(&cut) {
                    cut += 1;
                }
                let retire = (cut + watch).max(shift_start + min_run);
                let clash = s.criticality.risky()
                    && risky_windows.iter().filter(|&&(a, b)| a <= retire && shift_start <= b).count() as u32
                        >= c.critical_in_parallel.max(1);
                if clash {
                    // Wait until the earliest overlapping risky run is retired.
                    deploy = risky_windows
                        .iter()
                        .filter(|&&(a, b)| a <= retire && shift_start <= b)
                        .map(|&(_, b)| b + 1)
                        .min()
                        .unwrap_or(deploy + 1);
                    continue;
                }
                slots.take(shift_start, cut + 1 - shift_start);
                deploy = shift_start;
                break (cut, retire);
            };
            if s.criticality.risky() {
                risky_windows.push((deploy, retire));
            }
            phase_end = phase_end.max(retire + 1);
            plans[i] = Some(service_steps(s, p, start, prep, deploy, cutover, retire, &c.traffic_steps));
            planned.push(i);
        }
        for i in pending {
            // Only reachable if a dependency sits in a later phase, which the phase rule prevents.
            diags.push(Diagnostic::warning(
                "migration-unscheduled",
                format!("{} could not be scheduled", estate.services[i].name),
                None,
            ));
        }
        phase_bounds.insert(p, (phase_start, phase_end));
        cursor = phase_end;
    }
    let (follow, end) = schedule_tasks(&estate.follow_ups, cursor, &mut slots, 9, diags);
    if !estate.follow_ups.is_empty() {
        phase_bounds.insert(9, (cursor, end));
    }
    let mut tasks = tasks;
    tasks.extend(follow);
    let services: Vec<ServicePlan> = planned.into_iter().filter_map(|i| plans[i].take()).collect();
    Scheduled { services, tasks, phase_bounds, end_day: end.max(cursor), max_in_parallel: slots.max() }
}

#[allow(clippy::too_many_arguments)]
fn service_steps(
    s: &Service,
    phase: u32,
    start: u32,
    prep: u32,
    deploy: u32,
    cutover: u32,
    retire: u32,
    steps: &[u8],
) -> ServicePlan {
    let mut out = vec![Step {
        kind: StepKind::Prepare,
        day: start,
        days: prep,
        traffic_percent: None,
        description: "Containerise, write the manifests, add it to the pipeline".to_owned(),
        rollback: "Nothing to undo: the old platform still serves all traffic".to_owned(),
    }];
    out.push(Step {
        kind: StepKind::DeployBeside,
        day: deploy,
        days: 1,
        traffic_percent: Some(0),
        description: "Deploy on the new platform beside the old; both run".to_owned(),
        rollback: "Delete the new deployment".to_owned(),
    });
    let shift_days = (cutover + 1).saturating_sub(deploy).max(1);
    for (k, &pct) in steps.iter().enumerate() {
        let day = if pct >= 100 { cutover } else { (deploy + k as u32).min(cutover) };
        out.push(Step {
            kind: StepKind::ShiftTraffic,
            day,
            days: if pct >= 100 { 1 } else { (shift_days / steps.len().max(1) as u32).max(1) },
            traffic_percent: Some(pct),
            description: if pct >= 100 {
                "Cut over: 100 % of traffic to the new platform".to_owned()
            } else {
                format!(
                    "Weighted routing: {pct} % new, {} % old (load balancer weights)",
                    100 - u32::from(pct.min(100))
                )
            },
            rollback: "Set the weights back to 100 % old".to_owned(),
        });
    }
    out.push(Step {
        kind: StepKind::Watch,
        day: cutover + 1,
        days: retire.saturating_sub(cutover + 1),
        traffic_percent: Some(100),
        description: "Watch error rates and latency against the old platform's".to_owned(),
        rollback: "Put 100 % of traffic back on the old platform, still running".to_owned(),
    });
    out.push(Step {
        kind: StepKind::Retire,
        day: retire,
        days: 1,
        traffic_percent: Some(100),
        description: "Switch off the old platform's instances".to_owned(),
        rollback: "Relaunch the old instances from their launch template (slow: retire only after the watch)"
            .to_owned(),
    });
    ServicePlan {
        service: s.name.clone(),
        criticality: s.criticality,
        phase,
        start_day: start,
        cutover_day: cutover,
        retire_day: retire,
        parallel_run_days: retire.saturating_sub(deploy),
        steps: out,
    }
}

/// The old platform's monthly cost of a service's instances, from the cost model.
fn old_monthly(s: &Service, book: &PriceBook) -> f64 {
    let Some(inst) = &s.old_instances else { return 0.0 };
    let mut c = Component::new("c1".into(), ComponentKind::new("ec2"), s.name.clone(), Point::new(0.0, 0.0));
    c.props.insert("instance_type".into(), PropValue::Text(inst.instance_type.clone()));
    c.props.insert("count".into(), PropValue::Int(i64::from(inst.count.max(1))));
    let d = Design { components: vec![c], ..Design::default() };
    estimate(&d, book).total_monthly
}

fn phases(estate: &Estate, _c: &Constraints, s: &Scheduled) -> Vec<Phase> {
    let book = PriceBook::builtin();
    let monthly: HashMap<&str, f64> = estate.services.iter().map(|x| (x.name.as_str(), old_monthly(x, book))).collect();
    let traffic: HashMap<&str, Traffic> = estate.services.iter().map(|x| (x.name.as_str(), x.traffic)).collect();
    let mut out = Vec::new();
    let migration_phases = s.phase_bounds.keys().filter(|&&k| (1..9).contains(&k)).count();
    for (number, (&key, &(start, end))) in (1u32..).zip(&s.phase_bounds) {
        let (kind, name, items) = match key {
            0 => (
                PhaseKind::Foundations,
                "Foundations".to_owned(),
                s.tasks.iter().filter(|t| t.phase == 0).map(|t| t.name.clone()).collect::<Vec<_>>(),
            ),
            9 => (
                PhaseKind::FollowUp,
                "Scalability and resilience".to_owned(),
                s.tasks.iter().filter(|t| t.phase == 9).map(|t| t.name.clone()).collect(),
            ),
            p => (
                PhaseKind::Migration,
                match p {
                    _ if migration_phases == 1 => "Platform migration".to_owned(),
                    1 => "Low-risk services".to_owned(),
                    2 => "Medium-risk services".to_owned(),
                    _ => "Critical services".to_owned(),
                },
                s.services.iter().filter(|x| x.phase == p).map(|x| x.service.clone()).collect(),
            ),
        };
        let mut running_twice = Vec::new();
        let (mut extra_monthly, mut extra_in_phase, mut risk) = (0.0, 0.0, 0.0);
        for sp in &s.services {
            let deploy = sp.steps.iter().find(|x| x.kind == StepKind::DeployBeside).map_or(sp.start_day, |x| x.day);
            let overlap = sp.retire_day.min(end).saturating_sub(deploy.max(start));
            if overlap > 0 {
                running_twice.push(sp.service.clone());
                let m = monthly.get(sp.service.as_str()).copied().unwrap_or(0.0);
                extra_monthly += m;
                extra_in_phase += m * f64::from(overlap) / WORKING_DAYS_PER_MONTH;
            }
            if sp.phase == key {
                risk += sp.criticality.weight() * traffic.get(sp.service.as_str()).map_or(1.0, |t| t.weight());
            }
        }
        out.push(Phase {
            number,
            kind,
            name,
            start_day: start,
            end_day: end,
            weeks: weeks(end.saturating_sub(start)),
            items,
            running_twice,
            extra_monthly_cost: extra_monthly,
            extra_cost_in_phase: extra_in_phase,
            risk_score: risk,
            risk: if risk >= 20.0 {
                RiskLevel::High
            } else if risk >= 6.0 {
                RiskLevel::Medium
            } else {
                RiskLevel::Low
            },
        });
    }
    out
}

/// What would fit: more capacity, a longer box, or fewer services.
fn suggest(estate: &Estate, c: &Constraints, deps: &[Vec<usize>], total: f64) -> Infeasible {
    let over = total - c.time_box_weeks;
    let mut suggestions = vec![format!("extend the time box to {:.0} weeks", total.ceil())];
    let mut quiet = Vec::new();
    for extra in 1..=4 {
        let more = Constraints { capacity: c.capacity + extra, ..c.clone() };
        let weeks_needed = weeks(schedule(estate, &more, deps, &mut quiet).end_day);
        if weeks_needed <= c.time_box_weeks {
            suggestions.push(format!(
                "or work on {} migrations at once instead of {} ({weeks_needed:.1} weeks)",
                c.capacity + extra,
                c.capacity
            ));
            break;
        }
    }
    // Leave out the least critical services (and follow-ups) until it fits.
    let mut order: Vec<usize> = (0..estate.services.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| (estate.services[i].criticality, estate.services[i].traffic));
    let mut left_out: Vec<String> = Vec::new();
    let mut trimmed = estate.clone();
    if !trimmed.follow_ups.is_empty() {
        trimmed.follow_ups.clear();
        left_out.push("the follow-up work".to_owned());
        let w = weeks(schedule(&trimmed, c, &reindex(&trimmed), &mut quiet).end_day);
        if w <= c.time_box_weeks {
            suggestions.push(format!("or leave out {} for a later project ({w:.1} weeks)", left_out.join(", ")));
            return Infeasible { over_by_weeks: over, suggestions };
        }
    }
    for i in order {
        let name = estate.services[i].name.clone();
        if trimmed.services.iter().any(|s| s.depends_on.contains(&name)) {
            continue;
        }
        trimmed.services.retain(|s| s.name != name);
        left_out.push(name);
        let w = weeks(schedule(&trimmed, c, &reindex(&trimmed), &mut quiet).end_day);
        if w <= c.time_box_weeks {
            suggestions.push(format!("or leave out {} for a later project ({w:.1} weeks)", left_out.join(", ")));
            break;
        }
    }
    Infeasible { over_by_weeks: over, suggestions }
}

fn reindex(estate: &Estate) -> Vec<Vec<usize>> {
    let index: HashMap<&str, usize> = estate.services.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
    estate
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| s.depends_on.iter().filter_map(|d| index.get(d.as_str()).copied()).filter(|&j| j != i).collect())
        .collect()
}

// ---------------------------------------------------------------- the timeline

/// Pixels per working day and the layout of [`gantt_svg`].
const GANTT_DAY: f64 = 12.0;
const GANTT_LABELS: f64 = 260.0;
const GANTT_ROW: f64 = 22.0;
const GANTT_TOP: f64 = 56.0;

fn gantt_step_color(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Prepare => "#9aa5b1",
        StepKind::DeployBeside => "#2563eb",
        StepKind::ShiftTraffic => "#d97706",
        StepKind::Watch => "#15803d",
        StepKind::Retire => "#374151",
    }
}

fn gantt_step_name(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Prepare => "prepare",
        StepKind::DeployBeside => "deploy beside the old",
        StepKind::ShiftTraffic => "shift traffic",
        StepKind::Watch => "watch at 100 %",
        StepKind::Retire => "retire the old",
    }
}

/// The plan as a Gantt-style timeline in SVG: the phases as bands, a row per
/// foundation task, service and follow-up, each service's steps coloured by
/// kind (traffic shifts labelled with their percentage), the weeks along the
/// top and the time box as a line. Text is escaped; nothing in it runs.
pub fn gantt_svg(p: &MigrationPlan) -> String {
    use std::fmt::Write as _;
    let text = crate::exports::xml_text;
    let last_day = p
        .phases
        .iter()
        .map(|ph| ph.end_day)
        .chain(p.services.iter().map(|s| s.retire_day + 1))
        .chain(p.tasks.iter().map(|t| t.end_day))
        .max()
        .unwrap_or(0)
        .max(days(p.time_box_weeks.min(520.0)));
    let rows = p.tasks.len() + p.services.len();
    // Room on the right for the time box's label.
    let width = GANTT_LABELS + f64::from(last_day) * GANTT_DAY + 130.0;
    let height = GANTT_TOP + rows as f64 * GANTT_ROW + 50.0;
    let x = |day: u32| GANTT_LABELS + f64::from(day) * GANTT_DAY;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="system-ui, sans-serif" font-size="11">"##
    );
    let _ = writeln!(s, "<title>{}</title>", text(&format!("Migration of {}: {} to {}", p.estate, p.from, p.to)));
    let _ = writeln!(s, r##"<rect width="{width}" height="{height}" fill="#ffffff"/>"##);
    // Phases as alternating bands, then their names (over the bands, so a long name is not cut).
    for (i, ph) in p.phases.iter().enumerate() {
        let fill = if i % 2 == 0 { "#eef4ff" } else { "#f6f7f9" };
        let _ = writeln!(
            s,
            r##"<rect x="{}" y="0" width="{}" height="{height}" fill="{fill}"/>"##,
            x(ph.start_day),
            f64::from(ph.end_day.saturating_sub(ph.start_day)) * GANTT_DAY,
        );
    }
    for (i, ph) in p.phases.iter().enumerate() {
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" font-weight="600" fill="#1d232b">{}</text>"##,
            x(ph.start_day) + 4.0,
            // Short phases alternate between two lines so their names do not overlap.
            if i % 2 == 0 { 14 } else { 27 },
            text(&format!("{}. {}", ph.number, ph.name))
        );
    }
    // Weeks along the top.
    for week in 0..=last_day / 5 {
        let at = x(week * 5);
        let _ = writeln!(
            s,
            r##"<line x1="{at}" y1="32" x2="{at}" y2="{}" stroke="#d8dde4"/><text x="{}" y="44" fill="#5d6673">W{}</text>"##,
            height - 40.0,
            at + 2.0,
            week + 1
        );
    }
    let mut row = 0usize;
    let mut y = || {
        let at = GANTT_TOP + row as f64 * GANTT_ROW;
        row += 1;
        at
    };
    let short = crate::exports::shorten;
    let task_row = |s: &mut String, t: &TaskPlan, y: f64| {
        let _ = writeln!(
            s,
            r##"<text x="8" y="{}" fill="#1d232b">{}</text><rect x="{}" y="{}" width="{}" height="12" rx="3" fill="#9aa5b1"><title>{}</title></rect>"##,
            y + 13.0,
            text(&short(&t.name, 38)),
            x(t.start_day),
            y + 4.0,
            (f64::from(t.end_day.saturating_sub(t.start_day)) * GANTT_DAY).max(2.0),
            text(&t.name)
        );
    };
    let foundations: Vec<&TaskPlan> = p.tasks.iter().filter(|t| t.phase == 0).collect();
    for t in &foundations {
        task_row(&mut s, t, y());
    }
    for sp in &p.services {
        let at = y();
        let _ = writeln!(
            s,
            r##"<text x="8" y="{}" fill="#1d232b">{} <tspan fill="#5d6673">({})</tspan></text>"##,
            at + 13.0,
            text(&short(&sp.service, 28)),
            sp.criticality.name()
        );
        // Old and new side by side: a faint bar under the steps.
        let _ = writeln!(
            s,
            r##"<rect x="{}" y="{}" width="{}" height="16" rx="3" fill="#2563eb" fill-opacity="0.12"><title>{}</title></rect>"##,
            x(sp.retire_day.saturating_sub(sp.parallel_run_days)),
            at + 2.0,
            f64::from(sp.parallel_run_days) * GANTT_DAY,
            text(&format!("{}: old and new run side by side for {} working days", sp.service, sp.parallel_run_days))
        );
        for st in &sp.steps {
            let label = match (st.kind, st.traffic_percent) {
                (StepKind::ShiftTraffic, Some(pc)) => format!("{pc}%"),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                r##"<rect x="{}" y="{}" width="{}" height="12" rx="2" fill="{}"><title>{}</title></rect>"##,
                x(st.day),
                at + 4.0,
                (f64::from(st.days) * GANTT_DAY - 1.0).max(2.0),
                gantt_step_color(st.kind),
                text(&format!(
                    "{}: {} (day {}) — {}; rollback: {}",
                    sp.service,
                    gantt_step_name(st.kind),
                    st.day + 1,
                    st.description,
                    st.rollback
                ))
            );
            if !label.is_empty() {
                let _ = writeln!(
                    s,
                    r##"<text x="{}" y="{}" font-size="8" fill="#ffffff">{label}</text>"##,
                    x(st.day) + 1.0,
                    at + 13.0
                );
            }
        }
    }
    for t in p.tasks.iter().filter(|t| t.phase != 0) {
        task_row(&mut s, t, y());
    }
    // The time box.
    let boxed = x(days(p.time_box_weeks.min(520.0)));
    let colour = if p.feasible { "#15803d" } else { "#b91c1c" };
    let _ = writeln!(
        s,
        r##"<line x1="{boxed}" y1="24" x2="{boxed}" y2="{}" stroke="{colour}" stroke-width="2" stroke-dasharray="6 3"/><text x="{}" y="{}" fill="{colour}">time box: {} weeks</text>"##,
        height - 36.0,
        boxed + 3.0,
        height - 28.0,
        p.time_box_weeks
    );
    // The legend.
    let mut lx = 8.0;
    for kind in [StepKind::Prepare, StepKind::DeployBeside, StepKind::ShiftTraffic, StepKind::Watch, StepKind::Retire] {
        let _ = writeln!(
            s,
            r##"<rect x="{lx}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}" fill="#1d232b">{}</text>"##,
            height - 16.0,
            gantt_step_color(kind),
            lx + 14.0,
            height - 7.0,
            gantt_step_name(kind)
        );
        lx += 150.0;
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod builtin_tests {
    use super::*;

    #[test]
    fn the_builtin_estates_are_the_data_files() {
        let parsed: Vec<(Estate, Constraints)> =
            BUILTIN_FILES.iter().map(|text| parse_estate(text).expect("a built-in estate file reads")).collect();
        let bytes = postcard::to_allocvec(&parsed).expect("estates serialise");
        if !crate::builtins::current_bytes("migration/builtin.postcard", &bytes, "data/estates/*.json") {
            return;
        }
        for (key, want) in BUILTIN_ESTATES.iter().zip(&parsed) {
            assert_eq!(builtin_estate(key).as_ref(), Some(want), "{key}");
        }
        assert_eq!(builtin_estate("nowhere"), None);
    }
}
