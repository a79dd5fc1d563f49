//! Recovery facts as data (`data/resilience.json`): how each class of component
//! recovers from each disruption, SLAs, and policy tiers. The model reads them
//! compiled to statics (`facts/builtin.rs`), which
//! `CLOUDWRIGHT_WRITE_BUILTINS=1 cargo test -p cloudwright-core builtin` rewrites.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The facts' source; a test keeps `facts/builtin.rs` equal to its parse.
#[cfg(test)]
const FACTS_JSON: &str = include_str!("../../data/resilience.json");

/// `data/resilience.json` as Rust statics: written by the test
/// `the_builtin_facts_are_the_data_file`, so the first question parses no JSON.
#[rustfmt::skip]
mod builtin;

/// The compiled form of a [`Recovery`].
#[derive(Debug)]
struct FixedRecovery {
    mode: &'static str,
    rto: Option<Span>,
    rpo: Option<Span>,
    source: &'static str,
}

impl FixedRecovery {
    fn recovery(&self) -> Recovery {
        Recovery { mode: self.mode.to_owned(), rto: self.rto, rpo: self.rpo, source: self.source.to_owned() }
    }
}

/// The compiled form of [`Facts`] (see [`Facts::builtin`]).
#[derive(Debug)]
struct Fixed {
    format: &'static str,
    as_of: &'static str,
    reroute_s: Span,
    reroute_source: &'static str,
    /// Key, name, and recovery from software, hardware, AZ and Region disruptions.
    classes: &'static [(&'static str, &'static str, [FixedRecovery; 4])],
    cross_region: &'static [(&'static str, FixedRecovery)],
    pitr: FixedRecovery,
    versioning: FixedRecovery,
    sla: &'static [(&'static str, f64)],
    sla_sources: &'static [(&'static str, &'static str)],
    /// Key, name, and targets for software, hardware, AZ and Region disruptions.
    policies: &'static [(&'static str, &'static str, Targets)],
}

/// A policy's `[RTO, RPO]` targets for software, hardware, AZ and Region disruptions.
type Targets = [Option<[f64; 2]>; 4];

/// A range of seconds, best case first.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct Span {
    pub best: f64,
    pub worst: f64,
}

impl From<[f64; 2]> for Span {
    fn from([best, worst]: [f64; 2]) -> Self {
        Span { best, worst }
    }
}

impl From<Span> for [f64; 2] {
    fn from(s: Span) -> Self {
        [s.best, s.worst]
    }
}

impl Span {
    pub const ZERO: Span = Span { best: 0.0, worst: 0.0 };
    pub fn new(best: f64, worst: f64) -> Self {
        Span { best, worst }
    }
}

/// How one thing recovers from one disruption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// replacement, failover, restore, rollback, managed, none, …
    pub mode: String,
    /// `None`: no recovery within the design.
    pub rto: Option<Span>,
    /// `None`: data since the last copy is lost and there is no copy.
    pub rpo: Option<Span>,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Class {
    pub name: String,
    pub software: Recovery,
    pub hardware: Recovery,
    pub az: Recovery,
    pub region: Recovery,
}

/// Targets `[RTO, RPO]` in seconds per disruption; `None`: not targeted.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct PolicyFacts {
    pub name: String,
    pub software: Option<[f64; 2]>,
    pub hardware: Option<[f64; 2]>,
    pub az: Option<[f64; 2]>,
    pub region: Option<[f64; 2]>,
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct Facts {
    pub format: String,
    pub as_of: String,
    pub reroute_s: Span,
    pub reroute_source: String,
    pub classes: BTreeMap<String, Class>,
    pub cross_region: BTreeMap<String, Recovery>,
    pub pitr: Recovery,
    pub versioning: Recovery,
    pub sla: BTreeMap<String, f64>,
    pub sla_sources: BTreeMap<String, String>,
    pub policies: BTreeMap<String, PolicyFacts>,
}

impl Facts {
    pub fn builtin() -> &'static Facts {
        static FACTS: OnceLock<Facts> = OnceLock::new();
        FACTS.get_or_init(|| Facts::from_fixed(&builtin::FACTS))
    }

    fn from_fixed(f: &Fixed) -> Facts {
        let text = |s: &str| s.to_owned();
        Facts {
            format: text(f.format),
            as_of: text(f.as_of),
            reroute_s: f.reroute_s,
            reroute_source: text(f.reroute_source),
            classes: crate::order::map(f.classes.iter().map(|(key, name, [software, hardware, az, region])| {
                let class = Class {
                    name: text(name),
                    software: software.recovery(),
                    hardware: hardware.recovery(),
                    az: az.recovery(),
                    region: region.recovery(),
                };
                (text(key), class)
            })),
            cross_region: crate::order::map(f.cross_region.iter().map(|(key, r)| (text(key), r.recovery()))),
            pitr: f.pitr.recovery(),
            versioning: f.versioning.recovery(),
            sla: crate::order::map(f.sla.iter().map(|&(key, v)| (text(key), v))),
            sla_sources: crate::order::map(f.sla_sources.iter().map(|&(key, v)| (text(key), text(v)))),
            policies: crate::order::map(f.policies.iter().map(|&(key, name, [software, hardware, az, region])| {
                (text(key), PolicyFacts { name: text(name), software, hardware, az, region })
            })),
        }
    }

    pub fn class(&self, key: &str) -> &Class {
        // Every key the model uses is checked by a test; an unknown key falls back
        // to the most pessimistic class rather than panicking.
        self.classes.get(key).or_else(|| self.classes.get("compute_single")).unwrap_or_else(|| unreachable_class())
    }

    pub fn sla(&self, key: &str) -> Option<f64> {
        self.sla.get(key).copied()
    }
}

fn unreachable_class() -> &'static Class {
    static NONE: OnceLock<Class> = OnceLock::new();
    NONE.get_or_init(|| {
        let none = Recovery { mode: "none".into(), rto: None, rpo: None, source: "no facts".into() };
        Class { name: "unknown".into(), software: none.clone(), hardware: none.clone(), az: none.clone(), region: none }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn recovery(r: &Recovery) -> String {
        let span = |s: &Option<Span>| {
            s.map_or("None".to_owned(), |s| format!("Some(Span {{ best: {:?}, worst: {:?} }})", s.best, s.worst))
        };
        format!("R {{ mode: {:?}, rto: {}, rpo: {}, source: {:?} }}", r.mode, span(&r.rto), span(&r.rpo), r.source)
    }

    /// `facts` as the Rust source of `facts/builtin.rs`.
    fn rust_source(f: &Facts) -> String {
        let mut out = crate::builtins::header("data/resilience.json", "Fixed, FixedRecovery as R, Span");
        let _ = writeln!(out, "pub(super) static FACTS: Fixed = Fixed {{");
        let _ = writeln!(
            out,
            "    format: {:?},\n    as_of: {:?},\n    reroute_s: Span {{ best: {:?}, worst: {:?} }},\n    reroute_source: {:?},\n    classes: &[",
            f.format, f.as_of, f.reroute_s.best, f.reroute_s.worst, f.reroute_source
        );
        for (key, c) in &f.classes {
            let _ = writeln!(out, "        ({key:?}, {:?}, [", c.name);
            for r in [&c.software, &c.hardware, &c.az, &c.region] {
                let _ = writeln!(out, "            {},", recovery(r));
            }
            let _ = writeln!(out, "        ]),");
        }
        let _ = writeln!(out, "    ],\n    cross_region: &[");
        for (key, r) in &f.cross_region {
            let _ = writeln!(out, "        ({key:?}, {}),", recovery(r));
        }
        let _ = writeln!(
            out,
            "    ],\n    pitr: {},\n    versioning: {},\n    sla: &[",
            recovery(&f.pitr),
            recovery(&f.versioning)
        );
        for (key, v) in &f.sla {
            let _ = writeln!(out, "        ({key:?}, {v:?}),");
        }
        let _ = writeln!(out, "    ],\n    sla_sources: &[");
        for (key, v) in &f.sla_sources {
            let _ = writeln!(out, "        ({key:?}, {v:?}),");
        }
        let _ = writeln!(out, "    ],\n    policies: &[");
        for (key, p) in &f.policies {
            let _ = writeln!(
                out,
                "        ({key:?}, {:?}, [{:?}, {:?}, {:?}, {:?}]),",
                p.name, p.software, p.hardware, p.az, p.region
            );
        }
        let _ = writeln!(out, "    ],\n}};");
        out
    }

    #[test]
    fn the_builtin_facts_are_the_data_file() {
        let parsed: Facts = serde_json::from_str(FACTS_JSON).expect("the resilience facts file is valid");
        let source = rust_source(&parsed);
        if !crate::builtins::current("resilience/facts/builtin.rs", &source, "data/resilience.json") {
            return;
        }
        assert_eq!(Facts::builtin(), &parsed);
    }

    #[test]
    fn every_class_and_sla_the_model_names_is_in_the_data() {
        let facts = Facts::builtin();
        let code = include_str!("profile.rs");
        let mut named = 0;
        for key in facts.classes.keys() {
            assert!(!facts.classes[key].name.is_empty());
            named += usize::from(code.contains(&format!("\"{key}\"")));
        }
        for key in [
            "compute_single",
            "compute_one_az",
            "compute_multi_az",
            "pods",
            "managed_regional",
            "global_edge",
            "queue",
            "kafka",
            "rds_single",
            "rds_multi_az",
            "aurora_replica",
            "aurora_single",
            "key_value",
            "cache_single",
            "cache_multi_az",
            "object_store",
            "self_managed_db",
            "self_managed_db_replicated",
            "zonal_volume",
            "zonal_gateway",
            "external",
        ] {
            assert!(facts.classes.contains_key(key), "class {key}");
        }
        assert_eq!(named, facts.classes.len(), "every class in the data is used by the model");
        for key in ["aurora_global", "dynamodb_global", "rds_cross_region_replica", "s3_replication"] {
            assert!(facts.cross_region.contains_key(key), "cross-Region fact {key}");
        }
        for key in [
            "compute_single",
            "compute_multi_az",
            "rds_single",
            "rds_multi_az",
            "aurora_single",
            "aurora_replica",
            "dynamodb",
            "dynamodb_global",
            "cache_single",
            "cache_multi_az",
            "s3",
            "elb",
            "lambda",
            "api_gateway",
            "cloudfront",
            "route53",
            "eks_control_plane",
            "assumed",
        ] {
            assert!(facts.sla(key).is_some(), "SLA {key}");
        }
        for tier in ["mission-critical", "critical", "important", "non-critical"] {
            assert!(facts.policies.contains_key(tier));
        }
    }
}
