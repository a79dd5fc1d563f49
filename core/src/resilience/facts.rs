//! Recovery facts as data (`data/resilience.json`): how each class of component
//! recovers from each disruption, SLAs, and policy tiers.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const FACTS_JSON: &str = include_str!("../../data/resilience.json");

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

#[derive(Debug, Deserialize)]
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
        FACTS.get_or_init(|| {
            // Checked by the test suite; failing here is a build defect.
            #[allow(clippy::expect_used)]
            let facts: Facts = serde_json::from_str(FACTS_JSON).expect("the built-in resilience facts are valid");
            facts
        })
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
