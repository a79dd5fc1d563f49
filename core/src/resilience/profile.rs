//! What the model needs to know about each component: which recovery class it
//! is in (from its kind and configuration), where it sits, and its SLA.

use rustc_hash::FxHashMap;

use crate::catalog::{Catalog, KindSpec};
use crate::design::{Component, ContainerKind, Design};
use crate::id::ContainerId;

use super::facts::{Facts, Recovery};
use super::Disruption;

/// Which failure domain takes a component down.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Spread {
    /// In one AZ: the drawn AZ frame, or `None` when the design does not say which.
    OneAz(Option<ContainerId>),
    /// Copies in two or more AZs.
    MultiAz,
    /// Spread across AZs by AWS.
    Regional,
    /// Not tied to a Region.
    Global,
    /// Outside AWS.
    Outside,
}

#[derive(Clone, Debug)]
pub struct Profile {
    pub class: &'static str,
    /// Entry points: users and external senders.
    pub entry: bool,
    /// Sends webhooks (an external system pushing events in).
    pub sends_events: bool,
    /// Holds data the workload cannot rebuild (a system of record).
    pub authoritative: bool,
    /// Accepts and keeps messages for later delivery.
    pub durable_buffer: bool,
    pub spread: Spread,
    /// The Region frame it sits in, if the design draws Regions.
    pub region: Option<ContainerId>,
    pub sla: f64,
    pub sla_assumed: bool,
    /// Overrides of the class's facts, per disruption, from configuration
    /// (backups, point-in-time recovery, cross-Region copies).
    pub overrides: [Option<Recovery>; 4],
    /// Known-but-not-AWS kinds are analysed; unknown kinds are not.
    pub known: bool,
    /// One copy of itself: losing its host takes it down (until replaced).
    pub single_copy: bool,
}

fn num(spec: &KindSpec, c: &Component, key: &str) -> f64 {
    spec.value(c, key).and_then(|v| v.as_f64()).filter(|v| v.is_finite()).unwrap_or(0.0)
}
fn flag(spec: &KindSpec, c: &Component, key: &str) -> bool {
    spec.value(c, key).and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Where a component sits: its AZ frame and Region frame, if any.
pub fn placement(
    d: &Design,
    index: &FxHashMap<&ContainerId, usize>,
    c: &Component,
) -> (Option<ContainerId>, Option<ContainerId>) {
    let (mut az, mut region) = (None, None);
    let mut next = c.parent.as_ref();
    for _ in 0..d.containers.len() {
        let Some(g) = next.and_then(|id| index.get(id)).map(|&i| &d.containers[i]) else { break };
        next = g.parent.as_ref();
        match g.kind {
            ContainerKind::AvailabilityZone if az.is_none() => az = Some(g.id.clone()),
            ContainerKind::Region if region.is_none() => region = Some(g.id.clone()),
            _ => {}
        }
    }
    (az, region)
}

/// Compute copies and their spread: inside an AZ frame they share it;
/// otherwise the `azs` property says how many AZs they span.
fn compute_spread(az: &Option<ContainerId>, copies: f64, azs: f64) -> (Spread, &'static str) {
    match az {
        Some(a) if copies >= 2.0 => (Spread::OneAz(Some(a.clone())), "compute_one_az"),
        Some(a) => (Spread::OneAz(Some(a.clone())), "compute_single"),
        None if copies >= 2.0 && azs >= 2.0 => (Spread::MultiAz, "compute_multi_az"),
        None if copies >= 2.0 => (Spread::OneAz(None), "compute_one_az"),
        None => (Spread::OneAz(None), "compute_single"),
    }
}

fn one_or_multi(az: &Option<ContainerId>, multi: bool) -> Spread {
    match az {
        _ if multi => Spread::MultiAz,
        Some(a) => Spread::OneAz(Some(a.clone())),
        None => Spread::OneAz(None),
    }
}

pub fn profile(
    d: &Design,
    catalog: &Catalog,
    facts: &Facts,
    index: &FxHashMap<&ContainerId, usize>,
    c: &Component,
) -> Profile {
    let (az, region) = placement(d, index, c);
    let mut p = Profile {
        class: "managed_regional",
        entry: false,
        sends_events: false,
        authoritative: false,
        durable_buffer: false,
        spread: Spread::Regional,
        region,
        sla: facts.sla("assumed").unwrap_or(99.9),
        sla_assumed: true,
        overrides: [None, None, None, None],
        known: true,
        single_copy: false,
    };
    let Some(spec) = catalog.kind(c.kind.as_str()) else {
        p.known = false;
        return p;
    };
    let sla = |key: &str| facts.sla(key);
    let set_sla = |p: &mut Profile, key: &str| {
        if let Some(v) = sla(key) {
            p.sla = v;
            p.sla_assumed = false;
        }
    };
    match spec.kind.as_str() {
        "users" => {
            p.entry = true;
            p.spread = Spread::Outside;
            p.class = "external";
            p.sla = 100.0;
            p.sla_assumed = false;
        }
        "external_saas" | "ci_pipeline" => {
            p.entry = spec.kind == "external_saas";
            p.sends_events = flag(spec, c, "sends_webhooks");
            p.spread = Spread::Outside;
            p.class = "external";
            p.sla = if spec.kind == "external_saas" { num(spec, c, "sla_percent") } else { 99.9 };
            p.sla_assumed = spec.kind != "external_saas";
        }
        "ec2" => {
            let (spread, class) = compute_spread(&az, num(spec, c, "count"), num(spec, c, "azs"));
            p.spread = spread;
            p.class = class;
            set_sla(&mut p, if class == "compute_multi_az" { "compute_multi_az" } else { "compute_single" });
        }
        "asg" | "ecs_fargate" | "eks_node_group" => {
            let copies = num(spec, c, "desired_count").max(num(spec, c, "min_count"));
            let (spread, class) = compute_spread(&az, copies, num(spec, c, "azs"));
            p.spread = spread;
            p.class = class;
            set_sla(&mut p, if class == "compute_multi_az" { "compute_multi_az" } else { "compute_single" });
        }
        "k8s_workload" | "prometheus" => {
            p.class = "pods";
            let replicas = num(spec, c, "desired_count");
            p.single_copy = replicas < 2.0;
            p.spread = if replicas >= 2.0 { Spread::MultiAz } else { one_or_multi(&az, false) };
            set_sla(&mut p, if replicas >= 2.0 { "compute_multi_az" } else { "compute_single" });
        }
        "compose_host" | "self_managed_postgres" => {
            let holds_data = spec.kind == "self_managed_postgres" || flag(spec, c, "runs_database");
            let replicated = num(spec, c, "replicas") >= 1.0;
            p.class = if !holds_data {
                "compute_single"
            } else if replicated {
                "self_managed_db_replicated"
            } else {
                "self_managed_db"
            };
            p.authoritative = holds_data;
            p.spread = one_or_multi(&az, false);
            set_sla(&mut p, "compute_single");
            if holds_data {
                let every = num(spec, c, "backup_interval_hours") * 3600.0;
                if every > 0.0 {
                    // Data since the last backup is at risk: up to one backup interval.
                    let base = facts.class(p.class);
                    for (slot, r) in [(0, &base.software), (1, &base.hardware), (2, &base.az)] {
                        if r.rpo.is_none() {
                            let mut fixed = r.clone();
                            fixed.rpo = Some(super::Span::new(0.0, every));
                            fixed.source = format!("{}; backups every {} h", r.source, every / 3600.0);
                            p.overrides[slot] = Some(fixed);
                        }
                    }
                }
            }
        }
        "rds_postgres" => {
            let multi = flag(spec, c, "multi_az");
            p.class = if multi { "rds_multi_az" } else { "rds_single" };
            p.authoritative = true;
            p.spread = one_or_multi(&az, multi);
            let class = p.class;
            set_sla(&mut p, class);
            let retention = num(spec, c, "backup_retention_days");
            if retention <= 0.0 {
                let mut none = facts.class(p.class).software.clone();
                none.rpo = None;
                none.rto = None;
                none.source = "no automated backups (retention 0 days): nothing to restore".into();
                p.overrides[0] = Some(none.clone());
                if !multi {
                    p.overrides[2] = Some(none);
                }
            } else if !flag(spec, c, "pitr") {
                let mut daily = facts.class(p.class).software.clone();
                daily.rpo = Some(super::Span::new(0.0, 86_400.0));
                daily.source = "daily automated snapshots without point-in-time recovery: up to a day of data".into();
                p.overrides[0] = Some(daily);
            }
            if flag(spec, c, "cross_region_replica") {
                p.overrides[3] = facts.cross_region.get("rds_cross_region_replica").cloned();
            }
        }
        "aurora_postgres" | "aurora_serverless_v2" => {
            let replica = num(spec, c, "replicas") >= 1.0;
            p.class = if replica { "aurora_replica" } else { "aurora_single" };
            p.authoritative = true;
            // Aurora storage keeps six copies across three AZs whatever the instances.
            p.spread = Spread::MultiAz;
            let class = p.class;
            set_sla(&mut p, class);
            if flag(spec, c, "global_database") {
                p.overrides[3] = facts.cross_region.get("aurora_global").cloned();
            }
        }
        "dynamodb" => {
            p.class = "key_value";
            p.authoritative = true;
            p.durable_buffer = true;
            let global = flag(spec, c, "global_table");
            set_sla(&mut p, if global { "dynamodb_global" } else { "dynamodb" });
            if flag(spec, c, "pitr") {
                p.overrides[0] = Some(facts.pitr.clone());
            }
            if global {
                p.overrides[3] = facts.cross_region.get("dynamodb_global").cloned();
            }
        }
        "elasticache_redis" | "opensearch" => {
            let multi = flag(spec, c, "multi_az") && num(spec, c, "count") >= 2.0;
            p.class = if multi { "cache_multi_az" } else { "cache_single" };
            p.spread = one_or_multi(&az, multi);
            let class = p.class;
            set_sla(&mut p, class);
        }
        "s3" => {
            p.class = "object_store";
            // A static site's files are rebuilt from CI; user data is not.
            p.authoritative = spec.choice(c, "contents") != "site";
            p.durable_buffer = true;
            set_sla(&mut p, "s3");
            if flag(spec, c, "versioning") {
                p.overrides[0] = Some(facts.versioning.clone());
            }
            if flag(spec, c, "cross_region_replica") {
                p.overrides[3] = facts.cross_region.get("s3_replication").cloned();
            }
        }
        "sqs" => {
            p.class = "queue";
            p.durable_buffer = true;
        }
        "msk" => {
            p.class = "kafka";
            p.durable_buffer = true;
            p.spread = if num(spec, c, "count") >= 2.0 { Spread::MultiAz } else { one_or_multi(&az, false) };
        }
        "ebs" => {
            p.class = "zonal_volume";
            p.authoritative = true;
            p.spread = one_or_multi(&az, false);
            let every = num(spec, c, "snapshot_interval_hours") * 3600.0;
            if every > 0.0 {
                let base = facts.class("zonal_volume");
                for (slot, r) in [(0, &base.software), (2, &base.az)] {
                    let mut fixed = r.clone();
                    fixed.rpo = Some(super::Span::new(0.0, every));
                    fixed.source = format!("{}; snapshots every {} h", r.source, every / 3600.0);
                    p.overrides[slot] = Some(fixed);
                }
            }
        }
        "nat_gateway" => {
            if num(spec, c, "count") >= 2.0 {
                p.spread = Spread::MultiAz;
            } else {
                p.class = "zonal_gateway";
                p.spread = one_or_multi(&az, false);
            }
        }
        "alb" | "nlb" => {
            if num(spec, c, "azs") >= 2.0 {
                set_sla(&mut p, "elb");
            } else {
                p.class = "zonal_gateway";
                p.spread = one_or_multi(&az, false);
            }
        }
        "cloudfront" | "route53" | "waf" | "shield" | "acm" => {
            p.class = "global_edge";
            p.spread = Spread::Global;
            match spec.kind.as_str() {
                "cloudfront" => set_sla(&mut p, "cloudfront"),
                "route53" => set_sla(&mut p, "route53"),
                _ => {}
            }
        }
        "lambda" => set_sla(&mut p, "lambda"),
        "api_gateway" => set_sla(&mut p, "api_gateway"),
        "eks_cluster" => set_sla(&mut p, "eks_control_plane"),
        _ => {}
    }
    p.single_copy |= matches!(
        p.class,
        "compute_single"
            | "self_managed_db"
            | "rds_single"
            | "aurora_single"
            | "cache_single"
            | "zonal_gateway"
            | "zonal_volume"
    );
    p
}

impl Profile {
    /// How this component recovers from `d`: the class's facts, unless its
    /// configuration says otherwise.
    pub fn recovery<'f>(&'f self, facts: &'f Facts, d: Disruption) -> &'f Recovery {
        if let Some(r) = &self.overrides[d as usize] {
            return r;
        }
        let class = facts.class(self.class);
        match d {
            Disruption::Software => &class.software,
            Disruption::Hardware => &class.hardware,
            Disruption::Az => &class.az,
            Disruption::Region => &class.region,
        }
    }
}
