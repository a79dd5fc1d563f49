//! The resilience model against the figures the seeds and AWS documentation
//! state, on designs built here.

use cloudwright_core::resilience::{
    assess, simulate, Disruption, DrStrategy, Failure, Policy, ResilienceReport, Span, Verdict,
};
use cloudwright_core::{
    Component, ComponentId, ComponentKind, Container, ContainerId, ContainerKind, Design, Link, LinkMode, Point,
    PropValue, Rect,
};

/// A small design builder: components by (id, kind, props), links by (from, to).
struct B(Design);

impl B {
    fn new() -> Self {
        B(Design::default())
    }
    fn frame(mut self, id: &str, kind: ContainerKind, parent: Option<&str>) -> Self {
        let mut g = Container::new(id.into(), kind, id, Rect::new(0.0, 0.0, 500.0, 500.0));
        g.parent = parent.map(ContainerId::new);
        self.0.containers.push(g);
        self
    }
    fn add(mut self, id: &str, kind: &str, props: &[(&str, PropValue)]) -> Self {
        let mut c = Component::new(id.into(), ComponentKind::new(kind), id, Point::new(0.0, 0.0));
        for (k, v) in props {
            c.props.insert((*k).into(), v.clone());
        }
        self.0.components.push(c);
        self
    }
    fn in_(mut self, id: &str, parent: &str) -> Self {
        if let Some(c) = self.0.components.iter_mut().find(|c| c.id.as_str() == id) {
            c.parent = Some(parent.into());
        }
        self
    }
    fn link(self, from: &str, to: &str) -> Self {
        self.link_mode(from, to, LinkMode::Sync)
    }
    fn link_mode(mut self, from: &str, to: &str, mode: LinkMode) -> Self {
        let id = format!("l{}", self.0.links.len() + 1);
        let mut l = Link::new(id.as_str().into(), from.into(), to.into());
        l.mode = mode;
        self.0.links.push(l);
        self
    }
    fn assess(&self) -> ResilienceReport {
        assess(&self.0, &policy())
    }
}

fn policy() -> Policy {
    Policy::tier("critical").expect("built-in tier")
}
fn i(v: i64) -> PropValue {
    PropValue::Int(v)
}
fn yes() -> PropValue {
    PropValue::Bool(true)
}
fn worst(s: Option<Span>) -> f64 {
    s.map_or(f64::INFINITY, |s| s.worst)
}

/// Seed 002's platform: CloudFront → ALB → EKS nodes over 3 AZs → Aurora with a
/// replica and a Redis cluster with failover.
fn seed_002() -> B {
    B::new()
        .add("users", "users", &[])
        .add("cdn", "cloudfront", &[])
        .add("alb", "alb", &[("azs", i(3))])
        .add("nodes", "eks_node_group", &[("desired_count", i(3)), ("min_count", i(3)), ("azs", i(3))])
        .add("db", "aurora_postgres", &[("replicas", i(1))])
        .add("cache", "elasticache_redis", &[("multi_az", yes()), ("count", i(2))])
        .add("nat", "nat_gateway", &[("count", i(3))])
        .link("users", "cdn")
        .link("cdn", "alb")
        .link("alb", "nodes")
        .link("nodes", "db")
        .link("nodes", "cache")
}

#[test]
fn seed_002_failure_table() {
    let r = seed_002().assess();
    // Node failure < 5 min.
    assert!(worst(r.estimate(Disruption::Hardware).rto) <= 300.0, "{:?}", r.estimate(Disruption::Hardware));
    // AZ outage < 10 min.
    let az = r.estimate(Disruption::Az);
    assert!(worst(az.rto) <= 600.0, "{az:?}");
    assert_eq!(worst(az.rpo), 0.0, "Aurora and the cache lose nothing in an AZ outage");
    // Aurora primary failure: about 30 s for the database.
    let db = r.components.iter().find(|c| c.component.as_str() == "db").unwrap();
    let failover = db.recovery[Disruption::Hardware as usize].rto.unwrap();
    assert!(failover.best <= 30.0 && failover.worst >= 30.0 && failover.worst <= 60.0, "{failover:?}");
    // Bad deploy < 5 min (rollback) for the app; ingress degraded 15 min sets the workload figure.
    let nodes = r.components.iter().find(|c| c.component.as_str() == "nodes").unwrap();
    assert!(worst(nodes.recovery[Disruption::Software as usize].rto) <= 300.0);
    let sw = r.estimate(Disruption::Software);
    assert_eq!((worst(sw.rto), sw.rto_set_by.as_ref().map(|c| c.as_str())), (900.0, Some("cdn")));
    // One Region: a Region outage is not recovered within the design.
    assert_eq!(r.estimate(Disruption::Region).rto, None);
}

#[test]
fn rds_multi_az_fails_over_in_60_to_120_s_with_rpo_0() {
    let r = B::new()
        .add("users", "users", &[])
        .add("app", "ecs_fargate", &[("azs", i(2))])
        .add("db", "rds_postgres", &[("multi_az", yes())])
        .link("users", "app")
        .link("app", "db")
        .assess();
    let db = r.components.iter().find(|c| c.component.as_str() == "db").unwrap();
    for d in [Disruption::Hardware, Disruption::Az] {
        assert_eq!(db.recovery[d as usize].rto, Some(Span::new(60.0, 120.0)));
        assert_eq!(db.recovery[d as usize].rpo, Some(Span::ZERO));
    }
    assert_eq!(r.estimate(Disruption::Hardware).rpo, Some(Span::ZERO));
    // The same database Single-AZ: an AZ outage means a restore, with about 5 min of data at risk.
    let single = B::new()
        .add("users", "users", &[])
        .add("app", "ecs_fargate", &[("azs", i(2))])
        .add("db", "rds_postgres", &[])
        .link("users", "app")
        .link("app", "db")
        .assess();
    let az = single.estimate(Disruption::Az);
    assert_eq!(az.rto_set_by, Some(ComponentId::new("db")));
    assert_eq!(az.rpo, Some(Span::new(0.0, 300.0)));
    assert!(az.single_points_of_failure.contains(&ComponentId::new("db")));
}

#[test]
fn one_ec2_with_docker_postgres_and_nightly_backups() {
    let r = B::new()
        .add("users", "users", &[])
        .add("box", "compose_host", &[("backup_interval_hours", i(24))])
        .link("users", "box")
        .assess();
    let hw = r.estimate(Disruption::Hardware);
    // Rebuilding the host takes hours; data since the last nightly backup (up to 24 h) is lost.
    assert_eq!(hw.rto, Some(Span::new(3600.0, 14400.0)), "{hw:?}");
    assert_eq!(hw.rpo, Some(Span::new(0.0, 86_400.0)));
    assert_eq!(hw.rto_set_by, Some(ComponentId::new("box")));
    assert_eq!(hw.single_points_of_failure, vec![ComponentId::new("box")]);
    assert_eq!(hw.rto_verdict, Verdict::Breached);
    // Without backups the data has no copy at all.
    let none = B::new().add("users", "users", &[]).add("box", "compose_host", &[]).link("users", "box").assess();
    assert_eq!(none.estimate(Disruption::Hardware).rpo, None);
    assert_eq!(none.dr_strategy, DrStrategy::None);
}

fn two_instances(second_az: &str) -> B {
    B::new()
        .frame("vpc", ContainerKind::Vpc, None)
        .frame("a", ContainerKind::AvailabilityZone, Some("vpc"))
        .frame("b", ContainerKind::AvailabilityZone, Some("vpc"))
        .add("users", "users", &[])
        .add("alb", "alb", &[("azs", i(2))])
        .add("web1", "ec2", &[])
        .add("web2", "ec2", &[])
        .in_("web1", "a")
        .in_("web2", second_az)
        .link("users", "alb")
        .link("alb", "web1")
        .link("alb", "web2")
}

#[test]
fn two_instances_in_one_az_do_not_survive_its_loss_but_two_azs_do() {
    let same = two_instances("a");
    let r = same.assess();
    let az = r.estimate(Disruption::Az);
    assert!(worst(az.rto) >= 1800.0, "{az:?}");
    assert!(az.reasoning[0].contains("cuts off"), "{:?}", az.reasoning);
    assert!(!simulate(&same.0, &Failure::Az("a".into())).service_continues);

    let spread = two_instances("b");
    let r = spread.assess();
    let az = r.estimate(Disruption::Az);
    assert!(worst(az.rto) <= 60.0, "{az:?}");
    assert!(az.single_points_of_failure.is_empty());
    let sim = simulate(&spread.0, &Failure::Az("a".into()));
    assert!(sim.service_continues);
    assert_eq!(sim.failed, vec![ComponentId::new("web1")]);
    assert_eq!(sim.broken_paths.len(), 1);
    assert_eq!(sim.intact_paths.len(), 1);
    // Hardware: either copy covers for the other.
    assert!(worst(r.estimate(Disruption::Hardware).rto) <= 60.0);
}

#[test]
fn webhooks_through_a_queue_survive_a_consumer_outage() {
    let queued = B::new()
        .add("stripe", "external_saas", &[("sends_webhooks", yes())])
        .add("api", "api_gateway", &[])
        .add("q", "sqs", &[])
        .add("worker", "ec2", &[])
        .add("db", "rds_postgres", &[("multi_az", yes())])
        .link("stripe", "api")
        .link("api", "q")
        .link_mode("q", "worker", LinkMode::Async)
        .link("worker", "db")
        .assess();
    for d in [Disruption::Hardware, Disruption::Az] {
        assert_eq!(queued.estimate(d).rpo, Some(Span::ZERO), "{d}: {:?}", queued.estimate(d));
    }
    let direct = B::new()
        .add("stripe", "external_saas", &[("sends_webhooks", yes())])
        .add("api", "ec2", &[])
        .add("db", "rds_postgres", &[("multi_az", yes())])
        .link("stripe", "api")
        .link("api", "db")
        .assess();
    let hw = direct.estimate(Disruption::Hardware);
    assert!(worst(hw.rpo) > 0.0, "{hw:?}");
    assert_eq!(hw.rpo_set_by, Some(ComponentId::new("api")));
    assert!(hw.reasoning.iter().any(|r| r.contains("refused and lost")));
}

#[test]
fn availability_composes_in_series_and_in_parallel_only_across_domains() {
    let r = B::new()
        .add("users", "users", &[])
        .add("alb", "alb", &[("azs", i(2))])
        .add("app", "ecs_fargate", &[("azs", i(2))])
        .add("db", "rds_postgres", &[("multi_az", yes())])
        .link("users", "alb")
        .link("alb", "app")
        .link("app", "db")
        .assess();
    let expected = 0.9999 * 0.9999 * 0.9995;
    assert!((r.availability.fraction - expected).abs() < 1e-12, "{}", r.availability.fraction);
    assert!((r.availability.downtime_minutes_per_month - (1.0 - expected) * 43_800.0).abs() < 1e-6);
    assert_eq!(r.paths.len(), 1);

    // Two single instances: 99.5 % each; in two AZs 1 − 0.005² = 99.9975 %; in one AZ no credit.
    let spread = two_instances("b").assess().availability.fraction;
    assert!((spread - 0.9999 * (1.0 - 0.005f64.powi(2))).abs() < 1e-12, "{spread}");
    let same = two_instances("a").assess().availability.fraction;
    assert!((same - 0.9999 * 0.995).abs() < 1e-12, "{same}");
}

#[test]
fn dr_strategies() {
    let backup = B::new().add("users", "users", &[]).add("db", "rds_postgres", &[]).link("users", "db").assess();
    assert_eq!(backup.dr_strategy, DrStrategy::BackupAndRestore);

    let pilot = B::new()
        .add("users", "users", &[])
        .add("app", "ecs_fargate", &[("azs", i(2))])
        .add("db", "aurora_postgres", &[("replicas", i(1)), ("global_database", yes())])
        .link("users", "app")
        .link("app", "db")
        .assess();
    assert_eq!(pilot.dr_strategy, DrStrategy::PilotLight);
    let region = pilot.estimate(Disruption::Region);
    assert_eq!(region.rpo, Some(Span::new(0.0, 1.0)), "{region:?}");

    let active = B::new()
        .frame("r1", ContainerKind::Region, None)
        .frame("r2", ContainerKind::Region, None)
        .add("users", "users", &[])
        .add("dns", "route53", &[])
        .add("app1", "ecs_fargate", &[("azs", i(2))])
        .add("app2", "ecs_fargate", &[("azs", i(2))])
        .add("table", "dynamodb", &[("global_table", yes())])
        .in_("app1", "r1")
        .in_("app2", "r2")
        .in_("table", "r1")
        .link("users", "dns")
        .link("dns", "app1")
        .link("dns", "app2")
        .link("app1", "table")
        .link("app2", "table");
    let r = active.assess();
    assert_eq!(r.dr_strategy, DrStrategy::ActiveActive);
    let sim = simulate(&active.0, &Failure::Region(Some("r1".into())));
    assert!(sim.service_continues, "{sim:?}");
}

#[test]
fn policy_verdicts() {
    let r = seed_002().assess();
    let hw = r.estimate(Disruption::Hardware);
    assert_eq!(hw.target, Some([300.0, 60.0]));
    assert_eq!(hw.rto_verdict, Verdict::Met);
    assert_eq!(r.estimate(Disruption::Region).rto_verdict, Verdict::Breached);
    let relaxed = assess(&seed_002().0, &Policy::tier("non-critical").unwrap());
    assert_eq!(relaxed.estimate(Disruption::Region).rto_verdict, Verdict::NotTargeted);
    let custom =
        Policy::parse(r#"{"name":"mine","software":[600,0],"hardware":[60,0],"az":[60,0],"region":null}"#).unwrap();
    assert_eq!(assess(&seed_002().0, &custom).estimate(Disruption::Az).rto_verdict, Verdict::Breached);
    assert!(Policy::parse(r#"{"name":"bad","software":[-1,0]}"#).is_err());
}

#[test]
fn what_if_a_component_fails() {
    let d = B::new()
        .add("users", "users", &[])
        .add("app", "ecs_fargate", &[("azs", i(2))])
        .add("db", "rds_postgres", &[])
        .add("cache", "elasticache_redis", &[])
        .link("users", "app")
        .link("app", "db")
        .link("app", "cache");
    let sim = simulate(&d.0, &Failure::Component("db".into()));
    assert!(!sim.service_continues);
    assert_eq!(sim.broken_paths.len(), 1);
    assert_eq!(sim.intact_paths.len(), 1, "the path to the cache is intact");
    assert_eq!(sim.data_at_risk, vec![(ComponentId::new("db"), Some(Span::ZERO))]);
    // A what-if gives its paths no availability: NaN, which JSON writes as null and reads back.
    let json = serde_json::to_string(&sim.broken_paths[0]).unwrap();
    assert!(json.ends_with(r#""availability":null}"#), "{json}");
    let back: cloudwright_core::resilience::UserPath = serde_json::from_str(&json).unwrap();
    assert!(back.availability.is_nan() && back.components == sim.broken_paths[0].components);
    // A figure is written as it is.
    let path = cloudwright_core::resilience::UserPath { availability: 0.9995, ..back };
    let json = serde_json::to_string(&path).unwrap();
    assert!(json.ends_with(r#""availability":0.9995}"#), "{json}");
    assert_eq!(serde_json::from_str::<cloudwright_core::resilience::UserPath>(&json).unwrap(), path);
}

#[test]
fn odd_designs_give_a_report_with_diagnostics() {
    let empty = assess(&Design::default(), &policy());
    assert_eq!(empty.diagnostics[0].code, "resilience-empty");
    assert_eq!(empty.availability.fraction, 1.0);

    let no_users = B::new().add("db", "rds_postgres", &[]).assess();
    assert!(no_users.diagnostics.iter().any(|d| d.code == "resilience-no-users"));

    let cycle = B::new()
        .add("users", "users", &[])
        .add("a", "ec2", &[])
        .add("b", "ec2", &[])
        .add("lonely", "sqs", &[])
        .add("alien", "teleporter", &[])
        .link("users", "a")
        .link("a", "b")
        .link("b", "a")
        .link("a", "alien")
        .assess();
    let codes: Vec<&str> = cycle.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        codes.contains(&"resilience-cycle")
            && codes.contains(&"resilience-unreached")
            && codes.contains(&"resilience-unknown-kind"),
        "{codes:?}"
    );
    assert!(worst(cycle.estimate(Disruption::Hardware).rto).is_finite());

    // A long chain must not overflow the stack.
    let mut long = B::new().add("users", "users", &[]);
    for n in 0..20_000 {
        long = long.add(&format!("s{n}"), "lambda", &[]);
    }
    long = long.link("users", "s0");
    for n in 1..20_000 {
        long = long.link(&format!("s{}", n - 1), &format!("s{n}"));
    }
    let r = long.assess();
    assert_eq!(r.estimate(Disruption::Az).rto, Some(Span::ZERO));
}

#[test]
fn the_whole_region_key_fails_the_region_of_a_design_without_a_region_frame() {
    use cloudwright_core::resilience::{simulate, Failure, WHOLE_REGION};
    let mut d = cloudwright_core::examples::default_design();
    let regions: Vec<_> =
        d.containers.iter().filter(|g| g.kind == ContainerKind::Region).map(|g| g.id.clone()).collect();
    d.containers.retain(|g| !regions.contains(&g.id));
    for g in &mut d.containers {
        if g.parent.as_ref().is_some_and(|p| regions.contains(p)) {
            g.parent = None;
        }
    }
    assert_eq!(Failure::of_item(&d, WHOLE_REGION), Some(Failure::Region(None)));
    let outcome = simulate(&d, &Failure::Region(None));
    assert!(!outcome.service_continues);
    assert!(outcome.summary().ends_with("user paths break; the service stops"), "{}", outcome.summary());
    for p in &outcome.broken_paths {
        assert!(p.text(&d).starts_with("Users → "), "{}", p.text(&d));
    }
}
