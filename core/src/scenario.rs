//! Interview scenarios and the grader. A scenario is structured requirements,
//! the interview text, and a reference design (data in `data/scenarios/`).
//! `grade` scores any design against a scenario's requirements by a rubric,
//! using the cost and resilience models; each finding points at components.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::cost::{estimate, format_usd, PriceBook};
use crate::design::{Component, ContainerKind, Design, LinkMode};
use crate::id::ComponentId;
use crate::resilience::{assess, Disruption, Policy, Verdict};

#[cfg(test)]
const SCENARIO_FILES: [&str; 10] = [
    include_str!("../data/scenarios/01-solo-mvp.json"),
    include_str!("../data/scenarios/02-fargate-startup.json"),
    include_str!("../data/scenarios/03-black-friday.json"),
    include_str!("../data/scenarios/04-eks-platform.json"),
    include_str!("../data/scenarios/05-serverless-pipeline.json"),
    include_str!("../data/scenarios/06-fintech-eks.json"),
    include_str!("../data/scenarios/07-startup-modernisation.json"),
    include_str!("../data/scenarios/08-three-tier-take-home.json"),
    include_str!("../data/scenarios/09-eks-ecommerce.json"),
    include_str!("../data/scenarios/10-booking-platform.json"),
];

/// Background jobs: how long each takes and how many a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobProfile {
    pub min_s: f64,
    pub max_s: f64,
    pub per_day_min: f64,
    pub per_day_max: f64,
    /// The user does not wait for the result.
    #[serde(default = "yes")]
    pub asynchronous: bool,
}

fn yes() -> bool {
    true
}
fn one() -> f64 {
    1.0
}

/// What the system must do, from the interview's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Requirements {
    pub users_now: u64,
    pub users_target: u64,
    /// Average requests per second at the target.
    pub requests_per_sec: f64,
    pub peak_multiplier: f64,
    /// steady, daily_peaks or seasonal_spikes.
    pub traffic: String,
    /// USD a month; 0 means the free tier.
    pub budget_per_month: f64,
    /// Engineers in all.
    pub team: u32,
    /// Of whom run operations (DevOps).
    pub ops: u32,
    pub services: u32,
    pub teams: u32,
    /// The front end is static files (a single-page app).
    #[serde(default)]
    pub static_frontend: bool,
    /// Share of requests that reach the API (the rest are static).
    #[serde(default = "one")]
    pub api_share: f64,
    /// relational, key_value or mixed.
    pub data: String,
    #[serde(default)]
    pub read_heavy: bool,
    /// Services share hot data that belongs in an in-memory cache.
    #[serde(default)]
    pub cache: bool,
    #[serde(default)]
    pub webhooks_never_lost: bool,
    /// Orders (or writes) must be queued to absorb peaks.
    #[serde(default)]
    pub orders_queue: bool,
    #[serde(default)]
    pub latency_sensitive: bool,
    #[serde(default)]
    pub jobs: Option<JobProfile>,
    /// Clients upload files straight to storage; no API server on that path.
    #[serde(default)]
    pub direct_uploads: bool,
    /// gdpr, pci, audit.
    #[serde(default)]
    pub compliance: Vec<String>,
    /// AZ and Hardware recovery targets, seconds.
    #[serde(default)]
    pub rto_s: Option<f64>,
    #[serde(default)]
    pub rpo_s: Option<f64>,
    /// Percent, e.g. 99.95.
    #[serde(default)]
    pub availability: Option<f64>,
    #[serde(default)]
    pub multi_region: bool,
    /// The key of a built-in migration estate for this scenario, if any.
    #[serde(default)]
    pub migration_estate: Option<String>,
}

impl Requirements {
    /// Requests per second the API must take at the target's peak.
    pub fn peak_api_rps(&self) -> f64 {
        (self.requests_per_sec * self.peak_multiplier.max(1.0) * self.api_share.clamp(0.0, 1.0)).max(0.0)
    }
    pub fn regulated(&self) -> bool {
        self.compliance.iter().any(|c| c == "pci" || c == "audit")
    }
    pub fn sensitive(&self) -> bool {
        !self.compliance.is_empty()
    }
    /// The recovery policy these requirements imply (Hardware and AZ targets).
    pub fn policy(&self) -> Policy {
        let t = match (self.rto_s, self.rpo_s) {
            (None, None) => None,
            (rto, rpo) => Some([rto.unwrap_or(f64::MAX), rpo.unwrap_or(f64::MAX)]),
        };
        let region = if self.multi_region { t } else { None };
        Policy { name: "the scenario's targets".into(), targets: [None, t, t, region] }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub part: String,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rejected {
    pub alternative: String,
    pub why: String,
}

/// A phase of a 45-minute system-design interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    pub name: &'static str,
    /// The minute of the interview at which the phase should be over.
    pub ends_at_min: u32,
    /// What to do in it.
    pub prompt: &'static str,
}

/// The phases of a practice session, in order.
pub const INTERVIEW_PHASES: [Phase; 4] = [
    Phase {
        name: "Clarify",
        ends_at_min: 5,
        prompt: "Ask about users and growth, traffic and peaks, data, budget, the team and recovery targets before drawing anything.",
    },
    Phase {
        name: "High-level design",
        ends_at_min: 20,
        prompt: "Draw the main path from the users to the data: entry, compute, storage. Say why each tier is what it is.",
    },
    Phase {
        name: "Deep dive",
        ends_at_min: 35,
        prompt: "Take the hardest part (the one the requirements stress) and go deep: scaling, failures, data loss.",
    },
    Phase {
        name: "Trade-offs",
        ends_at_min: 45,
        prompt: "Name the alternatives you rejected and why, what it costs, and what changes at ten times the load.",
    },
];

/// The phase a session is in after `minutes`; the last one once time is up.
pub fn phase_at(minutes: f64) -> (usize, &'static Phase) {
    let i =
        INTERVIEW_PHASES.iter().position(|p| minutes < f64::from(p.ends_at_min)).unwrap_or(INTERVIEW_PHASES.len() - 1);
    (i, &INTERVIEW_PHASES[i])
}

/// One interview exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub key: String,
    pub number: u32,
    pub title: String,
    pub level: String,
    pub summary: String,
    pub prompt: String,
    /// Questions a good candidate asks.
    pub questions: Vec<String>,
    /// The interviewer's answers.
    pub answers: String,
    /// What the answers tell you.
    pub takeaways: Vec<String>,
    pub hints: Vec<String>,
    pub requirements: Requirements,
    /// Why the reference design is built as it is.
    pub reasons: Vec<Reason>,
    /// Alternatives not chosen, and why.
    pub rejected: Vec<Rejected>,
    /// What the interviewer expects to hear.
    pub expects: Vec<String>,
    /// The reference design file, as JSON text: kept apart from the rest of
    /// the scenario (see [`Scenario::all`]), never written in its place
    /// (`reference()` gives the design).
    #[serde(skip)]
    reference: String,
}

/// The built-in scenarios (`data/scenarios/*.json`) as postcard bytes, each
/// scenario with its reference design's JSON beside it: reading JSON took
/// serde_json's map and value code into the analysis module, which otherwise
/// reads only design files. A test writes this file from the JSON and checks
/// it on every run (`CLOUDWRIGHT_WRITE_BUILTINS=1 cargo test -p cloudwright-core builtin`).
static BUILTIN: &[u8] = include_bytes!("scenario/builtin.postcard");

impl Scenario {
    /// Every built-in scenario, in order.
    pub fn all() -> &'static [Scenario] {
        static ALL: OnceLock<Vec<Scenario>> = OnceLock::new();
        ALL.get_or_init(|| {
            let all: Vec<(Scenario, String)> = postcard::from_bytes(BUILTIN).unwrap_or_default();
            all.into_iter().map(|(scenario, reference)| Scenario { reference, ..scenario }).collect()
        })
    }

    /// A scenario file: its text, and the reference design it holds.
    /// The design is taken out before the rest is read, so that a scenario
    /// travels to the app (`protocol`) with the same fields in every format.
    #[cfg(test)]
    fn read(text: &str) -> Option<Scenario> {
        let mut file: serde_json::Value = serde_json::from_str(text).ok()?;
        let reference = file.as_object_mut()?.remove("reference").unwrap_or_default().to_string();
        let scenario: Scenario = serde_json::from_value(file).ok()?;
        Some(Scenario { reference, ..scenario })
    }

    /// A scenario by key (`fargate-startup`) or number (`2`).
    pub fn get(key: &str) -> Option<&'static Scenario> {
        let n: Option<u32> = key.parse().ok();
        Scenario::all().iter().find(|s| s.key == key || Some(s.number) == n)
    }

    /// The reference design.
    pub fn reference(&self) -> Design {
        crate::format::import(&self.reference, Catalog::builtin()).map(|i| i.design).unwrap_or_default()
    }
}

// ---------------------------------------------------------------- architecture facts

/// Planning figures shared by the grader and the solver (`data/architecture.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Architecture {
    pub ops_load: BTreeMap<String, f64>,
    pub rps_per_instance: BTreeMap<String, f64>,
    pub rps_per_vcpu: f64,
    pub lambda_concurrency: f64,
    pub lambda_max_seconds: f64,
}

impl Architecture {
    pub fn builtin() -> &'static Architecture {
        static A: OnceLock<Architecture> = OnceLock::new();
        // Postcard bytes a test writes from the JSON and checks (as the scenarios).
        A.get_or_init(|| {
            #[allow(clippy::expect_used)]
            let a: Architecture = postcard::from_bytes(include_bytes!("scenario/architecture.postcard"))
                .expect("architecture facts read");
            a
        })
    }
}

// ---------------------------------------------------------------- the design's shape

const COMPUTE: [&str; 7] = ["compose_host", "ec2", "asg", "ecs_fargate", "eks_node_group", "k8s_workload", "lambda"];
const RELATIONAL: [&str; 4] = ["rds_postgres", "aurora_postgres", "aurora_serverless_v2", "self_managed_postgres"];
const DURABLE: [&str; 6] = ["sqs", "msk", "s3", "dynamodb", "eventbridge", "sns"];
const QUEUES: [&str; 3] = ["sqs", "msk", "eventbridge"];

/// What a design amounts to, as the rubric sees it.
#[derive(Clone, Debug, Default)]
pub struct Shape {
    pub user_path: HashSet<ComponentId>,
    pub capacity_rps: f64,
    pub ops_load: f64,
    pub fixed_compute_on_path: Vec<ComponentId>,
    pub lambda_on_path: Vec<ComponentId>,
    pub job_runners: Vec<ComponentId>,
    pub unbuffered_webhooks: Vec<ComponentId>,
    pub webhook_senders: usize,
    pub eks: Vec<ComponentId>,
    pub namespaces: usize,
    pub relational: Vec<ComponentId>,
    pub key_value: Vec<ComponentId>,
    pub has_cache: bool,
    pub has_cdn: bool,
    pub has_kms: bool,
    pub queue_after_compute: bool,
    pub replicas: bool,
    pub single_az_databases: Vec<ComponentId>,
    pub multi_region: bool,
}

fn num(c: &Component, key: &str) -> f64 {
    Catalog::builtin().kind(c.kind.as_str()).and_then(|k| k.value(c, key)).and_then(|v| v.as_f64()).unwrap_or(0.0)
}
fn flag(c: &Component, key: &str) -> bool {
    Catalog::builtin().kind(c.kind.as_str()).and_then(|k| k.value(c, key)).and_then(|v| v.as_bool()).unwrap_or(false)
}

fn is_db(c: &Component) -> bool {
    RELATIONAL.contains(&c.kind.as_str())
        || c.kind.as_str() == "dynamodb"
        || (c.kind.as_str() == "compose_host" && flag(c, "runs_database"))
}

fn capacity(c: &Component, a: &Architecture) -> f64 {
    let per = |t: &str| a.rps_per_instance.get(t).copied().unwrap_or(50.0);
    let t =
        Catalog::builtin().kind(c.kind.as_str()).map(|k| k.choice(c, "instance_type").to_owned()).unwrap_or_default();
    match c.kind.as_str() {
        "compose_host" => per(&t),
        "ec2" => num(c, "count") * per(&t),
        "asg" | "eks_node_group" => num(c, "max_count") * per(&t),
        "ecs_fargate" | "k8s_workload" => num(c, "max_count") * num(c, "vcpu") * a.rps_per_vcpu,
        "lambda" => a.lambda_concurrency / (num(c, "avg_duration_ms") / 1000.0).max(0.001),
        _ => 0.0,
    }
}

fn autoscaled(c: &Component) -> bool {
    match c.kind.as_str() {
        "asg" | "ecs_fargate" | "k8s_workload" | "eks_node_group" => {
            num(c, "max_count") > num(c, "desired_count").max(num(c, "min_count"))
        }
        "lambda" => true,
        _ => false,
    }
}

/// Analyses `d`: its user path, capacity, operational load and the roles it fills.
pub fn shape(d: &Design) -> Shape {
    let a = Architecture::builtin();
    let mut s = Shape::default();
    let by_id: BTreeMap<&ComponentId, &Component> = crate::order::map(d.components.iter().map(|c| (&c.id, c)));
    let kind = |id: &ComponentId| by_id.get(id).map_or("", |c| c.kind.as_str());
    let entries: Vec<&Component> =
        d.components.iter().filter(|c| matches!(c.kind.as_str(), "users" | "external_saas")).collect();
    // The user path: sync links, and links into durable buffers; buffers end it.
    let mut queue: VecDeque<&ComponentId> = entries.iter().map(|c| &c.id).collect();
    let mut seen: HashSet<&ComponentId> = queue.iter().copied().collect();
    while let Some(u) = queue.pop_front() {
        if DURABLE.contains(&kind(u)) {
            continue;
        }
        for l in d.links.iter().filter(|l| &l.from == u) {
            if (l.mode == LinkMode::Sync || DURABLE.contains(&kind(&l.to))) && seen.insert(&l.to) {
                queue.push_back(&l.to);
            }
        }
    }
    s.user_path =
        seen.iter().filter(|id| !matches!(kind(id), "users" | "external_saas")).map(|id| (*id).clone()).collect();
    // Reachable over any link: where data and jobs flow.
    let mut all: HashSet<&ComponentId> = entries.iter().map(|c| &c.id).collect();
    let mut queue: VecDeque<&ComponentId> = all.iter().copied().collect();
    while let Some(u) = queue.pop_front() {
        for l in d.links.iter().filter(|l| &l.from == u) {
            if all.insert(&l.to) {
                queue.push_back(&l.to);
            }
        }
    }
    let mut compute_on_path = false;
    for c in &d.components {
        let k = c.kind.as_str();
        s.ops_load += a.ops_load.get(k).copied().unwrap_or(0.0);
        let on_path = s.user_path.contains(&c.id);
        if COMPUTE.contains(&k) {
            if on_path {
                compute_on_path = true;
                s.capacity_rps += capacity(c, a);
                if !autoscaled(c) {
                    s.fixed_compute_on_path.push(c.id.clone());
                }
                if k == "lambda" {
                    s.lambda_on_path.push(c.id.clone());
                }
            } else if all.contains(&c.id) {
                s.job_runners.push(c.id.clone());
            }
        }
        if matches!(k, "eks_cluster" | "eks_node_group" | "k8s_workload") {
            s.eks.push(c.id.clone());
        }
        if RELATIONAL.contains(&k) || (k == "compose_host" && flag(c, "runs_database")) {
            s.relational.push(c.id.clone());
            let multi = match k {
                "rds_postgres" => flag(c, "multi_az"),
                "aurora_postgres" | "aurora_serverless_v2" => true,
                _ => false,
            };
            if !multi {
                s.single_az_databases.push(c.id.clone());
            }
            if num(c, "replicas") >= 1.0 && k != "self_managed_postgres" {
                s.replicas = true;
            }
            if flag(c, "global_database") {
                s.multi_region = true;
            }
        }
        if k == "dynamodb" {
            s.key_value.push(c.id.clone());
            s.multi_region |= flag(c, "global_table");
        }
        s.has_cache |= k == "elasticache_redis";
        s.has_cdn |= k == "cloudfront";
        s.has_kms |= k == "kms";
        if k == "external_saas" && flag(c, "sends_webhooks") {
            s.webhook_senders += 1;
            // Walk from the sender: compute reached before a durable buffer loses events.
            let mut q: VecDeque<&ComponentId> = VecDeque::from([&c.id]);
            let mut seen: HashSet<&ComponentId> = HashSet::from([&c.id]);
            while let Some(u) = q.pop_front() {
                for l in d.links.iter().filter(|l| &l.from == u) {
                    let t = kind(&l.to);
                    if DURABLE.contains(&t) || !seen.insert(&l.to) {
                        continue;
                    }
                    if COMPUTE.contains(&t) {
                        s.unbuffered_webhooks.push(l.to.clone());
                    } else {
                        q.push_back(&l.to);
                    }
                }
            }
        }
    }
    if !compute_on_path {
        s.capacity_rps = f64::INFINITY;
    }
    s.queue_after_compute = d
        .links
        .iter()
        .any(|l| COMPUTE.contains(&kind(&l.from)) && s.user_path.contains(&l.from) && QUEUES.contains(&kind(&l.to)));
    s.namespaces = d.containers.iter().filter(|g| g.kind == ContainerKind::Namespace).count();
    let regions = d.containers.iter().filter(|g| g.kind == ContainerKind::Region).count();
    s.multi_region |= regions >= 2;
    s
}

// ---------------------------------------------------------------- the grade

/// One thing the grader noticed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub message: String,
    /// Points taken off the 100.
    pub points: u32,
    /// A requirement the design must meet; failing one caps the score at 50.
    pub must_have: bool,
    pub components: Vec<ComponentId>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Grade {
    /// 0 to 100.
    pub score: u32,
    pub must_haves_met: bool,
    pub findings: Vec<Finding>,
    pub cost_monthly: f64,
    pub ops_load: f64,
    pub capacity_rps: f64,
    pub peak_rps: f64,
}

/// Grades `design` against a scenario's requirements.
pub fn grade(design: &Design, scenario: &Scenario) -> Grade {
    grade_requirements(design, &scenario.requirements)
}

/// Grades `design` against `req`: 100 less each finding's points, and at most 50
/// when a must-have is missed.
pub fn grade_requirements(design: &Design, req: &Requirements) -> Grade {
    let s = shape(design);
    let cost = estimate(design, PriceBook::builtin()).total_monthly;
    let mut f: Vec<Finding> = Vec::new();
    let mut add = |code: &'static str, points: u32, must_have: bool, message: String, components: Vec<ComponentId>| {
        f.push(Finding { code, message, points, must_have, components });
    };
    let compute: Vec<ComponentId> =
        design.components.iter().filter(|c| COMPUTE.contains(&c.kind.as_str())).map(|c| c.id.clone()).collect();
    if compute.is_empty() {
        add(
            "no-compute",
            40,
            true,
            "nothing runs the application: add compute (EC2, containers or functions)".into(),
            vec![],
        );
    }
    if !design.components.iter().any(is_db) {
        add("no-database", 30, true, "the data has nowhere to live: add a database".into(), vec![]);
    }
    // Budget.
    if req.budget_per_month <= 0.0 {
        if cost > 0.5 {
            add(
                "over-budget",
                40,
                true,
                format!("costs {} a month on a $0 budget: stay inside the free tier", format_usd(cost)),
                vec![],
            );
        }
    } else if cost > req.budget_per_month * 2.0 {
        add(
            "over-budget",
            30,
            true,
            format!(
                "costs {} a month, more than twice the {} budget",
                format_usd(cost),
                format_usd(req.budget_per_month)
            ),
            vec![],
        );
    } else if cost > req.budget_per_month * 1.1 {
        add(
            "over-budget",
            15,
            false,
            format!("costs {} a month, over the {} budget", format_usd(cost), format_usd(req.budget_per_month)),
            vec![],
        );
    }
    // Team.
    if !s.eks.is_empty() && req.ops < 2 {
        add(
            "kubernetes-small-team",
            30,
            true,
            format!("Kubernetes needs at least 2 operations engineers; this team has {}", req.ops),
            s.eks.clone(),
        );
    } else if !s.eks.is_empty() && req.users_target < 10_000 && req.teams < 4 {
        add(
            "over-engineered",
            25,
            false,
            "Kubernetes for a small application and a small team is more platform than it needs".into(),
            s.eks.clone(),
        );
    }
    if s.ops_load > f64::from(req.ops) + 1e-9 {
        add(
            "ops-overload",
            20,
            false,
            format!("needs about {:.1} engineers' time to run; the team has {} in operations", s.ops_load, req.ops),
            vec![],
        );
    }
    if req.teams >= 4 && (s.eks.is_empty() || s.namespaces < 2) {
        add(
            "no-team-isolation",
            30,
            true,
            format!(
                "{} teams need their own space on a shared platform: Kubernetes namespaces with quotas and RBAC",
                req.teams
            ),
            compute.clone(),
        );
    }
    // Scale.
    let peak = req.peak_api_rps();
    if s.capacity_rps < peak {
        add(
            "cannot-scale",
            30,
            true,
            format!("the compute serves about {:.0} requests/s; the peak needs {:.0}", s.capacity_rps, peak),
            compute.clone(),
        );
    }
    if req.peak_multiplier >= 10.0 && !s.fixed_compute_on_path.is_empty() {
        add(
            "spike-without-autoscaling",
            30,
            true,
            format!("a {:.0}× peak needs compute that scales out by itself", req.peak_multiplier),
            s.fixed_compute_on_path.clone(),
        );
    }
    if req.peak_multiplier >= 10.0 && (!s.has_cache || !s.has_cdn) {
        add(
            "spike-without-cache-or-cdn",
            30,
            true,
            format!("a {:.0}× peak needs a CDN at the edge and a cache in front of the database", req.peak_multiplier),
            vec![],
        );
    }
    if req.cache && !s.has_cache {
        add("no-cache", 15, false, "hot data read over and over belongs in an in-memory cache".into(), vec![]);
    }
    let relational = req.data == "relational" || req.data == "mixed";
    if req.read_heavy && req.peak_multiplier >= 10.0 && relational && !s.replicas {
        add(
            "no-read-replicas",
            25,
            true,
            "read-heavy peaks need read replicas beside the primary database".into(),
            s.relational.clone(),
        );
    } else if req.read_heavy && !s.has_cache && !s.replicas {
        add(
            "reads-not-offloaded",
            15,
            false,
            "a read-heavy workload needs a cache or read replicas".into(),
            s.relational.clone(),
        );
    }
    // Critical flows.
    if req.webhooks_never_lost {
        if s.webhook_senders == 0 {
            add(
                "webhooks-not-drawn",
                30,
                true,
                "draw the provider that sends the webhooks and where they land".into(),
                vec![],
            );
        } else if !s.unbuffered_webhooks.is_empty() {
            add("webhooks-without-queue", 40, true, "webhooks reach code before any queue: while it is down or failing they are lost; land them in a queue first".into(), s.unbuffered_webhooks.clone());
        }
    }
    if req.orders_queue && !s.queue_after_compute {
        add(
            "orders-without-queue",
            30,
            true,
            "writes at the peak should wait in a queue and be processed at the database's pace".into(),
            compute.clone(),
        );
    }
    if let Some(j) = &req.jobs {
        let a = Architecture::builtin();
        let lambdas: Vec<ComponentId> = s
            .job_runners
            .iter()
            .filter(|id| design.component(id).is_some_and(|c| c.kind.as_str() == "lambda"))
            .cloned()
            .collect();
        if j.max_s > a.lambda_max_seconds && !lambdas.is_empty() {
            add(
                "lambda-too-long",
                40,
                true,
                format!("jobs run up to {} min; Lambda stops at 15", (j.max_s / 60.0).round()),
                lambdas,
            );
        }
        let bursty = j.per_day_max >= 10.0 * j.per_day_min.max(1.0);
        let queued = design.links.iter().any(|l| {
            let k = |id: &ComponentId| design.component(id).map_or("", |c| c.kind.as_str());
            (QUEUES.contains(&k(&l.from)) && s.job_runners.contains(&l.to))
                || (s.job_runners.contains(&l.from) && QUEUES.contains(&k(&l.to)))
        });
        if bursty && !s.job_runners.is_empty() && !queued {
            add(
                "bursty-jobs-without-queue",
                15,
                false,
                format!(
                    "from {} to {} jobs a day: a queue beside the workers absorbs the bursts and retries failures",
                    j.per_day_min, j.per_day_max
                ),
                s.job_runners.clone(),
            );
        }
        if j.asynchronous && s.job_runners.is_empty() {
            add("jobs-not-buffered", 30, true, "jobs run on the request path: buffer them (a queue or storage events) and process them in the background".into(), compute.clone());
        }
    }
    // Data.
    match req.data.as_str() {
        "relational" if s.relational.is_empty() && !s.key_value.is_empty() => {
            add(
                "wrong-data-store",
                20,
                false,
                "the data is relational; a key-value store makes joins and integrity your code's problem".into(),
                s.key_value.clone(),
            );
        }
        "key_value" if s.key_value.is_empty() => {
            add(
                "wrong-data-store",
                5,
                false,
                "key-value access fits DynamoDB better than a relational database".into(),
                s.relational.clone(),
            );
        }
        "mixed" if s.key_value.is_empty() || s.relational.is_empty() => {
            add(
                "one-size-data",
                5,
                false,
                "services with different data needs: relational where it joins, key-value where it is fast lookups"
                    .into(),
                vec![],
            );
        }
        _ => {}
    }
    // Security and compliance.
    for d in crate::validate::validate(design, Catalog::builtin()).into_iter().filter(|d| d.code == "public-database") {
        let ids = match d.item {
            Some(crate::id::ItemRef::Component(id)) => vec![id],
            _ => vec![],
        };
        add("public-database", 15, false, d.message, ids);
    }
    if req.sensitive() && !s.has_kms {
        add("no-encryption-keys", 10, false, "sensitive data: encrypt it at rest with KMS keys".into(), vec![]);
    }
    if req.regulated() && !s.single_az_databases.is_empty() {
        add(
            "single-az-regulated",
            15,
            false,
            "a regulated workload's database should not live in one AZ".into(),
            s.single_az_databases.clone(),
        );
    }
    // Recovery targets.
    let report = assess(design, &req.policy());
    for d in [Disruption::Hardware, Disruption::Az, Disruption::Region] {
        let e = report.estimate(d);
        if e.rto_verdict == Verdict::Breached || e.rpo_verdict == Verdict::Breached {
            let who: Vec<ComponentId> = e.rto_set_by.iter().chain(e.rpo_set_by.iter()).cloned().collect();
            let must = d == Disruption::Region && req.multi_region;
            add(
                "recovery-target-missed",
                if must { 30 } else { 15 },
                must,
                format!(
                    "{d} disruption: recovery misses the target ({} RTO, {} RPO)",
                    fmt_target(req.rto_s),
                    fmt_target(req.rpo_s)
                ),
                who,
            );
        }
    }
    if let Some(target) = req.availability {
        if report.availability.percent + 1e-9 < target {
            add(
                "availability-below-target",
                5,
                false,
                format!("about {:.3} % available; the target is {target} %", report.availability.percent),
                vec![],
            );
        }
    }
    if req.multi_region && !s.multi_region {
        add("single-region", 30, true, "the targets need a second Region with replicated data".into(), vec![]);
    } else if !req.multi_region && s.multi_region {
        add("over-engineered", 10, false, "a second Region the requirements do not ask for".into(), vec![]);
    }
    // Fit.
    if req.static_frontend && !s.has_cdn {
        add(
            "static-without-cdn",
            15,
            false,
            "a static front end belongs in S3 behind CloudFront, not on the API's servers".into(),
            vec![],
        );
    }
    if req.latency_sensitive && !s.lambda_on_path.is_empty() {
        add(
            "lambda-api-cold-starts",
            15,
            false,
            "a latency-sensitive API with steady traffic: Lambda adds cold starts; containers are more predictable"
                .into(),
            s.lambda_on_path.clone(),
        );
    }
    let lost: u32 = f.iter().map(|x| x.points).sum();
    let must_haves_met = !f.iter().any(|x| x.must_have);
    let mut score = 100u32.saturating_sub(lost);
    if !must_haves_met {
        score = score.min(50);
    }
    Grade {
        score,
        must_haves_met,
        findings: f,
        cost_monthly: cost,
        ops_load: s.ops_load,
        capacity_rps: s.capacity_rps,
        peak_rps: peak,
    }
}

fn fmt_target(s: Option<f64>) -> String {
    s.map_or_else(|| "no".to_owned(), crate::resilience::human)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_architecture_facts_are_the_data_file() {
        let parsed: Architecture =
            serde_json::from_str(include_str!("../data/architecture.json")).expect("architecture facts are valid");
        let bytes = postcard::to_allocvec(&parsed).expect("architecture facts serialise");
        if crate::builtins::current_bytes("scenario/architecture.postcard", &bytes, "data/architecture.json") {
            assert_eq!(Architecture::builtin(), &parsed);
        }
    }

    #[test]
    fn the_builtin_scenarios_are_the_data_files() {
        let parsed: Vec<Scenario> =
            SCENARIO_FILES.iter().map(|text| Scenario::read(text).expect("a built-in scenario file reads")).collect();
        let pairs: Vec<(&Scenario, &str)> = parsed.iter().map(|s| (s, s.reference.as_str())).collect();
        let bytes = postcard::to_allocvec(&pairs).expect("scenarios serialise");
        if !crate::builtins::current_bytes("scenario/builtin.postcard", &bytes, "data/scenarios/*.json") {
            return;
        }
        assert_eq!(Scenario::all(), parsed.as_slice());
        for s in Scenario::all() {
            assert!(!s.reference().components.is_empty(), "{}: the reference design reads", s.key);
        }
    }
}
