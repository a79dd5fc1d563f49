//! The solver: from requirements to a proposed design, by search. It builds
//! every candidate of a design space (compute × database × cache × CDN ×
//! queue × job runner), prices it with the cost model, assesses it with the
//! resilience model and grades it against the requirements; the cheapest
//! candidate that misses no must-have and scores at least 90 wins. Every
//! alternative not chosen says why it lost; when nothing fits, the solver says
//! which requirement to relax and by how much.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cost::format_usd;
use crate::design::{
    Component, ComponentKind, Container, ContainerKind, Design, Link, LinkMode, Point, PropValue, Rect, Workload,
};
use crate::id::{ComponentId, ContainerId, LinkId};
use crate::scenario::{grade_requirements, Architecture, Grade, Requirements};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compute {
    /// One EC2 instance running everything with Docker Compose.
    SingleHost,
    AutoScalingGroup,
    Fargate,
    Eks,
    Lambda,
    /// No API server: clients upload straight to storage.
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Database {
    /// In a container on the single host.
    OnHost,
    RdsSingleAz,
    RdsMultiAz,
    Aurora,
    AuroraGlobal,
    DynamoDb,
    DynamoDbGlobal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobRunner {
    Lambda,
    Fargate,
}

/// One point of the design space.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Blueprint {
    pub compute: Compute,
    pub database: Database,
    pub cache: bool,
    pub cdn: bool,
    pub queue: bool,
    pub read_replica: bool,
    pub jobs: Option<JobRunner>,
}

impl Compute {
    pub fn name(self) -> &'static str {
        match self {
            Compute::SingleHost => "one EC2 instance with Docker Compose",
            Compute::AutoScalingGroup => "an EC2 Auto Scaling group",
            Compute::Fargate => "ECS on Fargate",
            Compute::Eks => "EKS (Kubernetes)",
            Compute::Lambda => "Lambda behind API Gateway",
            Compute::None => "no API server (uploads go straight to S3)",
        }
    }
}

impl Database {
    pub fn name(self) -> &'static str {
        match self {
            Database::OnHost => "PostgreSQL in a container on the host",
            Database::RdsSingleAz => "RDS PostgreSQL, Single-AZ",
            Database::RdsMultiAz => "RDS PostgreSQL, Multi-AZ",
            Database::Aurora => "Aurora PostgreSQL with a replica",
            Database::AuroraGlobal => "Aurora Global Database",
            Database::DynamoDb => "DynamoDB",
            Database::DynamoDbGlobal => "DynamoDB global tables",
        }
    }
    fn relational(self) -> bool {
        !matches!(self, Database::DynamoDb | Database::DynamoDbGlobal)
    }
}

impl JobRunner {
    pub fn name(self) -> &'static str {
        match self {
            JobRunner::Lambda => "Lambda functions",
            JobRunner::Fargate => "Fargate tasks",
        }
    }
}

/// A decision and the reason for it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice {
    pub tier: &'static str,
    pub chosen: String,
    pub reason: String,
}

/// An alternative the search tried and why it lost.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RunnerUp {
    pub tier: &'static str,
    pub alternative: String,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Solution {
    pub feasible: bool,
    pub blueprint: Option<Blueprint>,
    /// The proposal, laid out for the canvas (empty when nothing fits).
    #[serde(skip)]
    pub design: Design,
    pub grade: Option<Grade>,
    pub choices: Vec<Choice>,
    pub runners_up: Vec<RunnerUp>,
    /// When nothing fits: which requirement to relax, and by how much.
    pub relax: Vec<String>,
    pub candidates: usize,
}

struct Candidate {
    blueprint: Blueprint,
    design: Design,
    grade: Grade,
}

impl Candidate {
    fn feasible(&self) -> bool {
        self.grade.must_haves_met && self.grade.score >= 90
    }
    /// Cheapest first; then the better grade; then the simpler design.
    fn rank(&self) -> (i64, i64, usize) {
        ((self.grade.cost_monthly * 100.0).round() as i64, -(i64::from(self.grade.score)), self.design.components.len())
    }
    /// The most serious reason it falls short.
    fn why_not(&self) -> String {
        let mut f: Vec<_> = self.grade.findings.iter().collect();
        crate::order::sort_by_key(&mut f, |x| (std::cmp::Reverse(x.must_have), std::cmp::Reverse(x.points)));
        f.first().map_or_else(|| format!("scores {}", self.grade.score), |x| x.message.clone())
    }
}

/// The design space the requirements leave open.
fn space(req: &Requirements) -> Vec<Blueprint> {
    let computes: Vec<Compute> = if req.direct_uploads {
        vec![Compute::None]
    } else {
        vec![Compute::SingleHost, Compute::AutoScalingGroup, Compute::Fargate, Compute::Eks, Compute::Lambda]
    };
    let databases: Vec<Database> = match (req.data.as_str(), req.multi_region) {
        ("key_value", true) => vec![Database::DynamoDbGlobal],
        ("key_value", false) => vec![Database::DynamoDb, Database::RdsSingleAz, Database::RdsMultiAz],
        (_, true) => vec![Database::AuroraGlobal],
        // Mixed data always has its relational side (a key-value table is added beside it).
        ("mixed", false) => vec![Database::OnHost, Database::RdsSingleAz, Database::RdsMultiAz, Database::Aurora],
        _ => vec![Database::OnHost, Database::RdsSingleAz, Database::RdsMultiAz, Database::Aurora, Database::DynamoDb],
    };
    let both = [false, true];
    let cache: &[bool] = if req.read_heavy || req.cache || req.peak_multiplier >= 10.0 { &both } else { &both[..1] };
    let cdn: &[bool] = if req.static_frontend || req.peak_multiplier >= 10.0 { &both } else { &both[..1] };
    let queue = req.webhooks_never_lost || req.orders_queue;
    let replica: &[bool] = if req.read_heavy { &both } else { &both[..1] };
    let jobs: Vec<Option<JobRunner>> =
        if req.jobs.is_some() { vec![Some(JobRunner::Lambda), Some(JobRunner::Fargate)] } else { vec![None] };
    let mut out = Vec::new();
    for &compute in &computes {
        for &database in &databases {
            if (database == Database::OnHost) != (compute == Compute::SingleHost) && database == Database::OnHost {
                continue;
            }
            for &c in cache {
                for &n in cdn {
                    for &r in replica {
                        // Read replicas are an RDS option; Aurora already has its readers.
                        if r && !matches!(database, Database::RdsSingleAz | Database::RdsMultiAz) {
                            continue;
                        }
                        for &j in &jobs {
                            out.push(Blueprint {
                                compute,
                                database,
                                cache: c,
                                cdn: n,
                                queue,
                                read_replica: r,
                                jobs: j,
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

/// Solves `req`: the cheapest design that meets it, with the reasons.
pub fn solve(req: &Requirements) -> Solution {
    let candidates: Vec<Candidate> = space(req)
        .into_iter()
        .map(|b| {
            let design = build(&b, req);
            let grade = grade_requirements(&design, req);
            Candidate { blueprint: b, design, grade }
        })
        .collect();
    let best = candidates.iter().filter(|c| c.feasible()).min_by_key(|c| c.rank());
    let Some(best) = best else {
        return Solution {
            feasible: false,
            blueprint: None,
            design: Design::default(),
            grade: None,
            choices: Vec::new(),
            runners_up: Vec::new(),
            relax: relax(&candidates, req),
            candidates: candidates.len(),
        };
    };
    let b = best.blueprint;
    let mut runners_up = Vec::new();
    let mut choices = Vec::new();
    type Tier = (&'static str, fn(&Blueprint) -> String);
    let tiers: [Tier; 5] = [
        ("compute", |b| b.compute.name().to_owned()),
        ("database", |b| {
            if b.read_replica {
                format!("{} and a read replica", b.database.name())
            } else {
                b.database.name().to_owned()
            }
        }),
        ("cache", |b| if b.cache { "ElastiCache Redis".to_owned() } else { "no cache".to_owned() }),
        ("cdn", |b| if b.cdn { "CloudFront".to_owned() } else { "no CDN".to_owned() }),
        ("jobs", |b| b.jobs.map_or_else(|| "no background jobs".to_owned(), |j| j.name().to_owned())),
    ];
    for (tier, name) in tiers {
        let chosen = name(&b);
        let mut alternatives: BTreeMap<String, &Candidate> = BTreeMap::new();
        for c in &candidates {
            let alt = name(&c.blueprint);
            if alt == chosen {
                continue;
            }
            // A fitting alternative: its cheapest; otherwise the one closest to fitting.
            let key = |x: &Candidate| {
                (!x.feasible(), if x.feasible() { 0 } else { 100 - i64::from(x.grade.score) }, x.rank())
            };
            let better = alternatives.get(&alt).is_none_or(|cur| key(c) < key(cur));
            if better {
                alternatives.insert(alt, c);
            }
        }
        if alternatives.is_empty() {
            continue;
        }
        let mut cheapest_other: Option<f64> = None;
        for (alt, c) in &alternatives {
            let why = if c.feasible() {
                let more = c.grade.cost_monthly - best.grade.cost_monthly;
                cheapest_other = Some(cheapest_other.map_or(more, |m: f64| m.min(more)));
                if more.abs() < 0.005 {
                    "costs the same but is more to run".to_owned()
                } else {
                    format!("costs {} a month more ({} in all)", format_usd(more), format_usd(c.grade.cost_monthly))
                }
            } else {
                c.why_not()
            };
            runners_up.push(RunnerUp { tier, alternative: alt.clone(), why: format!("{alt} rejected: {why}") });
        }
        let reason = match cheapest_other {
            Some(m) => format!(
                "meets every requirement for the least: the next option that also fits costs {} a month more",
                format_usd(m)
            ),
            None => "the only option that meets every requirement".to_owned(),
        };
        choices.push(Choice { tier, chosen, reason });
    }
    Solution {
        feasible: true,
        blueprint: Some(b),
        design: best.design.clone(),
        grade: Some(best.grade.clone()),
        choices,
        runners_up,
        relax: Vec::new(),
        candidates: candidates.len(),
    }
}

/// What to relax when nothing fits: for each distinct set of blocking
/// requirements (fewest first), what the closest candidate would need.
fn relax(candidates: &[Candidate], req: &Requirements) -> Vec<String> {
    let mut groups: BTreeMap<Vec<&'static str>, &Candidate> = BTreeMap::new();
    for c in candidates {
        let mut musts: Vec<&'static str> = c.grade.findings.iter().filter(|f| f.must_have).map(|f| f.code).collect();
        crate::order::sort_dedup(&mut musts);
        let better = groups.get(&musts).is_none_or(|cur| {
            (c.grade.score, -(c.grade.cost_monthly as i64)) > (cur.grade.score, -(cur.grade.cost_monthly as i64))
        });
        if better {
            groups.insert(musts, c);
        }
    }
    let mut ranked: Vec<(&Vec<&'static str>, &&Candidate)> = groups.iter().collect();
    crate::order::sort_by_key(&mut ranked, |(musts, c)| (musts.len(), 100 - c.grade.score));
    let mut out = Vec::new();
    for (_, c) in ranked.into_iter().take(3) {
        let has_musts = c.grade.findings.iter().any(|f| f.must_have);
        for f in c.grade.findings.iter().filter(|f| f.must_have || (!has_musts && f.points >= 10)) {
            let text = match f.code {
                "over-budget" => format!(
                    "raise the budget from {} to at least {} a month",
                    format_usd(req.budget_per_month),
                    format_usd(c.grade.cost_monthly)
                ),
                "kubernetes-small-team" | "ops-overload" => format!(
                    "grow operations from {} to at least {} people (the platform needs about {:.1})",
                    req.ops,
                    c.grade.ops_load.ceil().max(2.0),
                    c.grade.ops_load
                ),
                "no-team-isolation" => format!(
                    "drop per-team isolation: {} teams on one shared platform need Kubernetes namespaces",
                    req.teams
                ),
                "cannot-scale" => {
                    format!("lower the peak from {:.0} to {:.0} requests/s", c.grade.peak_rps, c.grade.capacity_rps)
                }
                _ => format!("relax: {}", f.message),
            };
            if !out.contains(&text) {
                out.push(text);
            }
        }
    }
    if out.is_empty() {
        out.push("no candidate scores 90; relax the recovery or budget targets".to_owned());
    }
    out
}

// ---------------------------------------------------------------- building a candidate

struct Builder {
    d: Design,
    next: u64,
    links: u64,
}

impl Builder {
    fn add(
        &mut self,
        kind: &str,
        label: &str,
        col: u32,
        row: u32,
        parent: Option<&str>,
        props: &[(&str, PropValue)],
    ) -> ComponentId {
        self.next += 1;
        let id = ComponentId::numbered(self.next);
        let mut c = Component::new(
            id.clone(),
            ComponentKind::new(kind),
            label,
            Point::new(40.0 + f64::from(col) * 240.0, 80.0 + f64::from(row) * 120.0),
        );
        c.parent = parent.map(ContainerId::from);
        for (k, v) in props {
            c.props.insert((*k).to_owned(), v.clone());
        }
        self.d.components.push(c);
        id
    }
    fn link(&mut self, from: &ComponentId, to: &ComponentId, protocol: &str, mode: LinkMode, rps: Option<f64>) {
        self.links += 1;
        let mut l = Link::new(LinkId::numbered(self.links), from.clone(), to.clone());
        l.protocol = protocol.to_owned();
        l.mode = mode;
        l.traffic.requests_per_sec = rps;
        self.d.links.push(l);
    }
    /// Frames around their members, innermost first in `frames`.
    fn frame(&mut self, frames: &[(&str, ContainerKind, &str, Option<&str>)]) {
        let mut rects: BTreeMap<String, Rect> = BTreeMap::new();
        for &(id, kind, label, parent) in frames {
            let members: Vec<Rect> = self
                .d
                .components
                .iter()
                .filter(|c| c.parent.as_ref().map(ContainerId::as_str) == Some(id))
                .map(Component::rect)
                .chain(frames.iter().filter(|f| f.3 == Some(id)).filter_map(|f| rects.get(f.0).copied()))
                .collect();
            if members.is_empty() {
                continue;
            }
            let x0 = members.iter().map(|r| r.x).fold(f64::INFINITY, f64::min) - 20.0;
            let y0 = members.iter().map(|r| r.y).fold(f64::INFINITY, f64::min) - 34.0;
            let x1 = members.iter().map(|r| r.x + r.w).fold(f64::NEG_INFINITY, f64::max) + 20.0;
            let y1 = members.iter().map(|r| r.y + r.h).fold(f64::NEG_INFINITY, f64::max) + 20.0;
            let r = Rect::new(x0, y0, x1 - x0, y1 - y0);
            rects.insert(id.to_owned(), r);
            let mut g = Container::new(id.into(), kind, label, r);
            g.parent = parent.map(ContainerId::from);
            self.d.containers.push(g);
        }
        // Outer frames first, so inner ones draw on top.
        self.d.containers.reverse();
        // Components whose frame was not drawn (no members) move up a level.
        let ids: Vec<ContainerId> = self.d.containers.iter().map(|g| g.id.clone()).collect();
        for c in &mut self.d.components {
            if c.parent.as_ref().is_some_and(|p| !ids.contains(p)) {
                c.parent = frames
                    .iter()
                    .find(|f| Some(f.0) == c.parent.as_ref().map(ContainerId::as_str))
                    .and_then(|f| f.3)
                    .map(ContainerId::from);
            }
        }
    }
}

fn int(v: i64) -> PropValue {
    PropValue::Int(v)
}
fn text(v: &str) -> PropValue {
    PropValue::Text(v.to_owned())
}
fn yes() -> PropValue {
    PropValue::Bool(true)
}

/// Lays out the design a blueprint describes, sized for the requirements.
pub fn build(b: &Blueprint, req: &Requirements) -> Design {
    let a = Architecture::builtin();
    let peak = req.peak_api_rps();
    let free = req.budget_per_month <= 0.0;
    let mut x = Builder {
        d: Design {
            name: format!("Proposal: {} + {}", b.compute.name(), b.database.name()),
            workload: Workload {
                users: req.users_target,
                requests_per_sec: req.requests_per_sec,
                peak_multiplier: req.peak_multiplier.max(1.0),
                read_share: if req.read_heavy { 0.9 } else { 0.8 },
            },
            ..Design::default()
        },
        next: 0,
        links: 0,
    };
    x.d.cost.free_tier = free;
    let users = x.add("users", "Users", 0, 1, None, &[]);
    let api_rps = req.requests_per_sec * req.api_share.clamp(0.0, 1.0);
    let static_rps = req.requests_per_sec - api_rps;

    // Edge and front end.
    let mut front: Option<ComponentId> = None;
    let cdn =
        b.cdn.then(|| x.add("cloudfront", "CloudFront", 1, 0, None, &[("cache_hit_ratio", PropValue::Float(0.9))]));
    if let Some(cdn) = &cdn {
        if req.static_frontend {
            let site = x.add(
                "s3",
                "Front-end build",
                2,
                0,
                Some("g1"),
                &[
                    ("storage_gb", PropValue::Float(1.0)),
                    ("contents", text("site")),
                    ("cross_region_replica", PropValue::Bool(req.multi_region)),
                ],
            );
            x.link(&users, cdn, "HTTPS", LinkMode::Sync, Some(static_rps));
            x.link(cdn, &site, "HTTPS", LinkMode::Sync, None);
        } else {
            x.link(&users, cdn, "HTTPS", LinkMode::Sync, Some(req.requests_per_sec));
            front = Some(cdn.clone());
        }
    }
    // Two Regions: DNS failover sits in front of both load balancers.
    let dns = req.multi_region.then(|| {
        let dns = x.add("route53", "DNS failover", 1, 5, None, &[]);
        x.link(&users, &dns, "DNS", LinkMode::Sync, None);
        dns
    });
    let entry = front.clone().or_else(|| dns.clone()).unwrap_or_else(|| users.clone());
    // Without a CDN for the static files, the app serves every request.
    let entry_rps = match (&front, &cdn) {
        (Some(_), _) => None,
        (None, Some(_)) => Some(api_rps),
        (None, None) => Some(req.requests_per_sec),
    };

    // Compute.
    let sized = |per_unit: f64, floor: i64| ((peak / per_unit.max(1.0)).ceil() as i64).max(floor);
    let mut app: Vec<ComponentId> = Vec::new();
    match b.compute {
        Compute::SingleHost => {
            let t = ["t3.micro", "t3.small", "t3.medium", "m6i.large", "m6i.2xlarge"]
                .into_iter()
                .find(|t| a.rps_per_instance.get(*t).copied().unwrap_or(0.0) >= peak)
                .unwrap_or("m6i.2xlarge");
            let host = x.add(
                "compose_host",
                "App host (Docker Compose)",
                2,
                1,
                Some("g3"),
                &[
                    ("instance_type", text(t)),
                    ("runs_database", PropValue::Bool(b.database == Database::OnHost)),
                    ("backup_interval_hours", int(24)),
                    ("public_ipv4", yes()),
                    ("storage_gb", PropValue::Float(30.0)),
                ],
            );
            x.link(&entry, &host, "HTTPS", LinkMode::Sync, entry_rps);
            app.push(host);
        }
        Compute::AutoScalingGroup | Compute::Fargate | Compute::Eks => {
            let lb = x.add("alb", "Load balancer", 2, 1, Some("g3"), &[("azs", int(2))]);
            x.link(&entry, &lb, "HTTPS", LinkMode::Sync, entry_rps);
            match b.compute {
                Compute::AutoScalingGroup => {
                    let max = sized(a.rps_per_instance.get("t3.medium").copied().unwrap_or(80.0), 4);
                    let asg = x.add(
                        "asg",
                        "App servers",
                        3,
                        1,
                        Some("g4"),
                        &[
                            ("instance_type", text("t3.medium")),
                            ("min_count", int(2)),
                            ("desired_count", int(2)),
                            ("max_count", int(max)),
                            ("azs", int(2)),
                        ],
                    );
                    x.link(&lb, &asg, "HTTP", LinkMode::Sync, None);
                    app.push(asg);
                }
                Compute::Fargate => {
                    let vcpu = if peak > 2000.0 { 1.0 } else { 0.5 };
                    let max = sized(vcpu * a.rps_per_vcpu, 4);
                    let svc = x.add(
                        "ecs_fargate",
                        "API service",
                        3,
                        1,
                        Some("g4"),
                        &[
                            ("vcpu", PropValue::Float(vcpu)),
                            ("memory_gb", PropValue::Float(vcpu * 2.0)),
                            ("min_count", int(2)),
                            ("desired_count", int(2)),
                            ("max_count", int(max)),
                            ("azs", int(2)),
                        ],
                    );
                    x.link(&lb, &svc, "HTTP", LinkMode::Sync, None);
                    app.push(svc);
                }
                _ => {
                    x.add("eks_cluster", "EKS cluster", 3, 4, Some("g4"), &[]);
                    let nodes_max = sized(a.rps_per_instance.get("m6i.large").copied().unwrap_or(150.0), 3);
                    x.add(
                        "eks_node_group",
                        "Worker nodes",
                        2,
                        4,
                        Some("g4"),
                        &[
                            ("min_count", int(3)),
                            ("desired_count", int(3)),
                            ("max_count", int(nodes_max)),
                            ("azs", int(3)),
                        ],
                    );
                    let teams = req.teams.clamp(1, 4);
                    let per_team_max = ((peak / f64::from(teams) / (0.5 * a.rps_per_vcpu)).ceil() as i64).max(4);
                    for t in 0..teams {
                        let ns = ["n1", "n2", "n3", "n4"][t as usize];
                        let w = x.add(
                            "k8s_workload",
                            &format!("Team {} services", t + 1),
                            3,
                            t,
                            Some(ns),
                            &[("desired_count", int(2)), ("min_count", int(2)), ("max_count", int(per_team_max))],
                        );
                        x.link(&lb, &w, "HTTP", LinkMode::Sync, None);
                        app.push(w);
                    }
                }
            }
        }
        Compute::Lambda => {
            let api = x.add("api_gateway", "API Gateway", 1, 1, None, &[("api_type", text("http"))]);
            let f = x.add(
                "lambda",
                "API function",
                3,
                1,
                Some("g4"),
                &[("memory_mb", int(512)), ("avg_duration_ms", PropValue::Float(150.0))],
            );
            x.link(&entry, &api, "HTTPS", LinkMode::Sync, entry_rps);
            x.link(&api, &f, "invoke", LinkMode::Sync, None);
            app.push(f);
        }
        Compute::None => {}
    }

    // Data.
    let mut stores: Vec<ComponentId> = Vec::new();
    match b.database {
        Database::OnHost => {}
        Database::RdsSingleAz | Database::RdsMultiAz => {
            let class = if free {
                "db.t3.micro"
            } else if peak > 500.0 {
                "db.r6g.large"
            } else {
                "db.t3.medium"
            };
            let mut props =
                vec![("instance_type", text(class)), ("multi_az", PropValue::Bool(b.database == Database::RdsMultiAz))];
            if b.read_replica {
                props.push(("replicas", int(1)));
            }
            stores.push(x.add("rds_postgres", "PostgreSQL", 4, 1, Some("g5"), &props));
        }
        Database::Aurora | Database::AuroraGlobal => {
            stores.push(x.add(
                "aurora_postgres",
                "Aurora PostgreSQL",
                4,
                1,
                Some("g5"),
                &[("replicas", int(1)), ("global_database", PropValue::Bool(b.database == Database::AuroraGlobal))],
            ));
        }
        Database::DynamoDb | Database::DynamoDbGlobal => {
            stores.push(x.add(
                "dynamodb",
                "DynamoDB table",
                4,
                1,
                Some("g1"),
                &[("pitr", yes()), ("global_table", PropValue::Bool(b.database == Database::DynamoDbGlobal))],
            ));
        }
    }
    if req.data == "mixed" && b.database.relational() {
        stores.push(x.add(
            "dynamodb",
            "Key-value table",
            4,
            2,
            Some("g1"),
            &[("pitr", yes()), ("global_table", PropValue::Bool(req.multi_region))],
        ));
    }
    if b.cache {
        let node = if peak > 200.0 { "cache.r6g.large" } else { "cache.t3.micro" };
        stores.push(x.add(
            "elasticache_redis",
            "Redis cache",
            4,
            0,
            Some("g5"),
            &[("instance_type", text(node)), ("count", int(2)), ("multi_az", yes())],
        ));
    }
    for a in &app {
        for s in &stores {
            x.link(a, s, "", LinkMode::Sync, None);
        }
    }

    // Queues: webhooks land in a queue; peak writes wait in one.
    if b.queue {
        let q = x.add("sqs", "Queue", 3, 3, Some("g1"), &[("dead_letter_queue", yes())]);
        // The queue's worker runs where the jobs run: long jobs rule out Lambda.
        let worker = if b.jobs == Some(JobRunner::Fargate) {
            x.add(
                "ecs_fargate",
                "Queue workers",
                4,
                3,
                Some("g4"),
                &[
                    ("vcpu", PropValue::Float(0.5)),
                    ("memory_gb", PropValue::Float(1.0)),
                    ("min_count", int(1)),
                    ("desired_count", int(1)),
                    ("max_count", int(10)),
                    ("azs", int(2)),
                ],
            )
        } else {
            x.add(
                "lambda",
                "Queue worker",
                4,
                3,
                Some("g4"),
                &[("memory_mb", int(512)), ("avg_duration_ms", PropValue::Float(300.0))],
            )
        };
        x.link(&q, &worker, "SQS poll", LinkMode::Async, None);
        if let Some(db) = stores.first() {
            x.link(&worker, db, "", LinkMode::Sync, None);
        }
        if req.webhooks_never_lost {
            let provider = x.add("external_saas", "Payment provider", 0, 3, None, &[("sends_webhooks", yes())]);
            let hook = x.add("api_gateway", "Webhook endpoint", 1, 3, None, &[("api_type", text("http"))]);
            x.link(&provider, &hook, "HTTPS webhook", LinkMode::Sync, Some(0.1));
            x.link(&hook, &q, "SQS", LinkMode::Sync, None);
        }
        if req.orders_queue {
            for a in &app {
                x.link(a, &q, "SQS", LinkMode::Sync, None);
            }
        }
    }

    // Background jobs: buffered, then processed off the request path.
    if let (Some(runner), Some(j)) = (b.jobs, &req.jobs) {
        let inbox = if req.direct_uploads {
            let api = x.add("api_gateway", "Upload API", 1, 1, None, &[("api_type", text("http"))]);
            let bucket = x.add(
                "s3",
                "Uploads",
                2,
                1,
                Some("g1"),
                &[("storage_gb", PropValue::Float(100.0)), ("versioning", yes())],
            );
            x.link(&users, &api, "HTTPS", LinkMode::Sync, Some(req.requests_per_sec));
            x.link(&api, &bucket, "S3 PUT", LinkMode::Sync, None);
            bucket
        } else {
            let q = x.add("sqs", "Job queue", 3, 4, Some("g1"), &[("dead_letter_queue", yes())]);
            for a in &app {
                x.link(a, &q, "SQS", LinkMode::Sync, None);
            }
            q
        };
        let per_day = (j.per_day_min + j.per_day_max) / 2.0;
        let job_rps = per_day / 86_400.0;
        let per_month = per_day * 730.0 / 24.0;
        // Two stages, a queue between them: the long processing, then a short write.
        let stage = |x: &mut Builder, label: &str, col: u32, seconds: f64| match runner {
            JobRunner::Lambda => x.add(
                "lambda",
                label,
                col,
                2,
                Some("g4"),
                &[
                    ("requests_per_month", PropValue::Float(per_month)),
                    ("memory_mb", int(1024)),
                    ("avg_duration_ms", PropValue::Float(seconds * 1000.0)),
                    ("timeout_s", int((seconds * 4.0).clamp(30.0, 900.0) as i64)),
                ],
            ),
            JobRunner::Fargate => {
                let concurrent = (job_rps * seconds).ceil().max(1.0) as i64;
                x.add(
                    "ecs_fargate",
                    label,
                    col,
                    2,
                    Some("g4"),
                    &[
                        ("vcpu", PropValue::Float(1.0)),
                        ("memory_gb", PropValue::Float(2.0)),
                        ("min_count", int(0)),
                        ("desired_count", int(concurrent.min(2))),
                        ("max_count", int((concurrent * 4).max(2))),
                        ("azs", int(2)),
                    ],
                )
            }
        };
        let worker = stage(&mut x, "Job worker", 3, (j.min_s + j.max_s) / 2.0);
        x.link(&inbox, &worker, "event", LinkMode::Async, None);
        let handoff = x.add("sqs", "Results queue", 3, 3, Some("g1"), &[("dead_letter_queue", yes())]);
        x.link(&worker, &handoff, "SQS", LinkMode::Sync, None);
        let writer = stage(&mut x, "Result writer", 4, 2.0);
        x.link(&handoff, &writer, "SQS poll", LinkMode::Async, None);
        if let Some(db) = stores.first() {
            x.link(&writer, db, "", LinkMode::Sync, None);
        }
        let notify = x.add("sns", "Notifications", 4, 3, Some("g1"), &[]);
        x.link(&writer, &notify, "publish", LinkMode::Async, None);
    }

    if req.sensitive() {
        x.add("kms", "Encryption keys", 2, 5, Some("g1"), &[("keys", int(2))]);
    }
    if req.multi_region {
        // A warm standby: the same compute in a second Region, behind DNS.
        let lb = x.add("alb", "Load balancer (standby)", 2, 6, Some("r2"), &[("azs", int(2))]);
        if let Some(dns) = &dns {
            x.link(dns, &lb, "HTTPS", LinkMode::Sync, None);
        }
        if let Some(front) = &front {
            x.link(front, &lb, "HTTPS", LinkMode::Sync, None);
        }
        // The standby calls only what survives the primary Region: the global stores.
        let survivors: Vec<ComponentId> = stores
            .iter()
            .filter(|id| {
                x.d.component(id).is_some_and(|c| {
                    c.props.get("global_database").or_else(|| c.props.get("global_table"))
                        == Some(&PropValue::Bool(true))
                })
            })
            .cloned()
            .collect();
        if let Some(first) = app.first().cloned() {
            let kind =
                x.d.component(&first).map(|c| c.kind.clone()).unwrap_or_else(|| ComponentKind::new("ecs_fargate"));
            let standby = x.add(
                kind.as_str(),
                "Standby services",
                3,
                6,
                Some("r2"),
                &[("desired_count", int(2)), ("min_count", int(2)), ("max_count", int(20)), ("azs", int(2))],
            );
            x.link(&lb, &standby, "HTTP", LinkMode::Sync, None);
            for s in &survivors {
                x.link(&standby, s, "", LinkMode::Sync, None);
            }
        }
    }
    let ns: Vec<(&str, ContainerKind, &str, Option<&str>)> = (0..req.teams.clamp(1, 4))
        .map(|t| {
            (
                ["n1", "n2", "n3", "n4"][t as usize],
                ContainerKind::Namespace,
                ["team-1", "team-2", "team-3", "team-4"][t as usize],
                Some("g4"),
            )
        })
        .collect();
    let mut frames = ns;
    frames.extend([
        ("g3", ContainerKind::PublicSubnet, "Public subnets", Some("g2")),
        ("g4", ContainerKind::PrivateSubnet, "Private subnets", Some("g2")),
        ("g5", ContainerKind::DataSubnet, "Data subnets", Some("g2")),
        ("g2", ContainerKind::Vpc, "VPC", Some("g1")),
        ("g1", ContainerKind::Region, "us-east-1", None),
        ("r2", ContainerKind::Region, "Standby Region", None),
    ]);
    x.frame(&frames);
    x.d
}
