//! The cost model against figures computed by hand (us-east-1, 730 h a month).
//! Every expected figure shows its arithmetic.

use cloudwright_core::cost::{estimate, CostReport, PriceBook};
use cloudwright_core::{
    Catalog, Component, ComponentId, ComponentKind, Container, ContainerId, ContainerKind, Design, Link, Point,
    PropValue, Rect,
};

fn b(v: bool) -> PropValue {
    PropValue::Bool(v)
}
fn i(v: i64) -> PropValue {
    PropValue::Int(v)
}
fn f(v: f64) -> PropValue {
    PropValue::Float(v)
}
fn t(v: &str) -> PropValue {
    PropValue::Text(v.to_owned())
}

fn component(id: &str, kind: &str, props: &[(&str, PropValue)]) -> Component {
    let mut c = Component::new(id.into(), ComponentKind::new(kind), kind, Point::new(0.0, 0.0));
    for (k, v) in props {
        c.props.insert((*k).to_owned(), v.clone());
    }
    c
}

/// A design with one component and no workload reaching it.
fn one(kind: &str, props: &[(&str, PropValue)]) -> Design {
    let mut d = Design::default();
    d.components.push(component("c1", kind, props));
    d
}

fn cost(d: &Design) -> CostReport {
    let r = estimate(d, PriceBook::builtin());
    assert!(r.total_monthly.is_finite());
    r
}

#[track_caller]
fn assert_cents(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 0.005, "expected ${expected:.4}, got ${actual:.4}");
}

#[track_caller]
fn check(kind: &str, props: &[(&str, PropValue)], expected: f64) {
    let r = cost(&one(kind, props));
    assert_cents(r.total_monthly, expected);
    assert!(r.diagnostics.is_empty(), "{kind}: {:?}", r.diagnostics);
    // Every line is quantity × unit price.
    for l in &r.lines {
        assert!((l.quantity * l.unit_price - l.monthly).abs() < 1e-9, "{l:?}");
    }
}

// ---- compute ----

#[test]
fn ec2_instances_and_their_volumes() {
    // 2 × 730 h × $0.0416 = $60.736; EBS 2 × 8 GB × $0.08 = $1.28
    check("ec2", &[("instance_type", t("t3.medium")), ("count", i(2))], 62.016);
    // 730 × $0.0208 = $15.184; EBS 8 × $0.08 = $0.64; IPv4 730 × $0.005 = $3.65
    check("ec2", &[("instance_type", t("t3.small")), ("public_ipv4", b(true))], 19.474);
    // Spot: 730 × $0.0416 × 0.30 = $9.1104; EBS $0.64
    check("ec2", &[("instance_type", t("t3.medium")), ("purchase_option", t("spot"))], 9.7504);
    // 3-year reserved: 730 × $0.0416 × 0.43 = $13.05824 (IC: $13.14); EBS $0.64
    check("ec2", &[("instance_type", t("t3.medium")), ("purchase_option", t("reserved_3y"))], 13.69824);
    // m6i.large 730 × $0.096 = $70.08 (IC breakdown: $70.08); EBS $0.64
    check("ec2", &[("instance_type", t("m6i.large"))], 70.72);
}

#[test]
fn purchase_options_show_their_saving() {
    let r = cost(&one("ec2", &[("instance_type", t("t3.medium")), ("purchase_option", t("spot"))]));
    let s = &r.savings[0];
    assert_eq!(s.option, "Spot");
    assert_cents(s.on_demand_monthly, 30.368); // 730 × $0.0416
    assert_cents(s.saving, 21.2576); // 70 % of it
}

#[test]
fn free_tier_covers_a_micro_instance_its_volume_and_address() {
    let mut d = one("ec2", &[]);
    // 730 × $0.0104 = $7.592 + EBS $0.64 = $8.232
    assert_cents(cost(&d).total_monthly, 8.232);
    d.cost.free_tier = true;
    // The 750 free hours cover all 730, and 30 free GB of EBS cover the 8 GB.
    assert_cents(cost(&d).total_monthly, 0.0);
    // Two micro instances share the 750 hours: 1,460 − 750 = 710 h × $0.0104 = $7.384; 16 GB of EBS still free
    d.components[0].props.insert("count".into(), i(2));
    assert_cents(cost(&d).total_monthly, 7.384);
    // A Docker Compose host on the free tier: instance, 30 GB volume and public IPv4 all free.
    let mut host = one("compose_host", &[]);
    host.cost.free_tier = true;
    assert_cents(cost(&host).total_monthly, 0.0);
}

#[test]
fn autoscaling_group_at_baseline_and_at_peak() {
    let props = [("instance_type", t("t3.medium")), ("min_count", i(2)), ("max_count", i(6)), ("desired_count", i(2))];
    let mut d = one("asg", &props);
    // Baseline all month: 2 × 730 × $0.0416 = $60.736 + EBS 2 × 8 × $0.08 = $1.28
    let r = cost(&d);
    assert_cents(r.total_monthly, 62.016);
    // Peak = desired 2 × peak multiplier 3 = 6 (the max).
    assert_eq!((r.scaling[0].baseline_count, r.scaling[0].peak_count), (2.0, 6.0));
    assert_cents(r.scaling[0].peak_monthly, 182.208); // 6 × 730 × $0.0416
                                                      // 4 peak hours a day: 730 × 4/24 = 121.667 h at 6, 608.333 h at 2 → 1,946.667 instance-hours
    d.cost.peak_hours_per_day = 4.0;
    // × $0.0416 = $80.9813; EBS 1,946.667 / 730 × 8 GB × $0.08 = $1.7067
    assert_cents(cost(&d).total_monthly, 82.688);
}

#[test]
fn single_host_kinds() {
    // t3.micro 730 × $0.0104 = $7.592; EBS 30 × $0.08 = $2.40; IPv4 $3.65
    check("compose_host", &[], 13.642);
    // t3.medium $30.368; EBS 50 × $0.08 = $4.00
    check("self_managed_postgres", &[], 34.368);
    // With a streaming replica: twice that.
    check("self_managed_postgres", &[("replicas", i(1))], 68.736);
}

#[test]
fn fargate_is_tasks_times_vcpu_and_memory_hours() {
    // 2 tasks × 730 h × (0.5 vCPU × $0.04048 + 1 GB × $0.004445) = 1,460 × $0.024685 = $36.0401
    let props = [("vcpu", f(0.5)), ("memory_gb", f(1.0)), ("desired_count", i(2))];
    check("ecs_fargate", &props, 36.0401);
    // Graviton: 1,460 × (0.5 × $0.03238 + 1 × $0.00356) = 1,460 × $0.01975 = $28.835
    check("ecs_fargate", &[("vcpu", f(0.5)), ("memory_gb", f(1.0)), ("architecture", t("arm64"))], 28.835);
    // Fargate Spot: × 0.30 = $10.81203
    check("ecs_fargate", &[("purchase_option", t("spot"))], 10.81203);
}

#[test]
fn eks() {
    check("eks_cluster", &[], 73.0); // 730 × $0.10
    check("eks_cluster", &[("extended_support", b(true))], 438.0); // 730 × $0.60
                                                                   // Node group: 3 × m6i.large × 730 × $0.096 = $210.24; EBS 3 × 20 × $0.08 = $4.80
    check("eks_node_group", &[], 215.04);
}

// ---- serverless and messaging ----

#[test]
fn lambda_is_requests_plus_gb_seconds() {
    // 10M × $0.20/1M = $2.00; 10M × 0.2 s × 0.5 GB = 1,000,000 GB-s × $0.0000166667 = $16.6667
    let props = [("requests_per_month", f(10e6)), ("memory_mb", i(512)), ("avg_duration_ms", f(200.0))];
    check("lambda", &props, 18.6667);
    // Free tier: minus 1M requests ($0.20) and 400,000 GB-s ($6.66668)
    let mut d = one("lambda", &props);
    d.cost.free_tier = true;
    assert_cents(cost(&d).total_monthly, 11.80002);
    // arm64: 1,000,000 × $0.0000133334 = $13.3334 + $2.00
    check("lambda", &[("requests_per_month", f(10e6)), ("architecture", t("arm64"))], 15.3334);
}

#[test]
fn step_functions_sqs_sns_eventbridge_msk() {
    // 100,000 executions × 10 transitions = 1,000 × 1k × $0.025
    check("step_functions", &[("executions_per_month", f(100_000.0))], 25.0);
    check("sqs", &[("requests_per_month", f(10e6))], 4.0); // 10 × $0.40
    check("sqs", &[("requests_per_month", f(10e6)), ("queue_type", t("fifo"))], 5.0); // 10 × $0.50
    check("sns", &[("publishes_per_month", f(10e6))], 5.0); // 10 × $0.50
    check("eventbridge", &[("events_per_month", f(5e6))], 5.0); // 5 × $1.00
                                                                // 3 × 730 × $0.21 = $459.90; 3 × 100 GB × $0.10 = $30
    check("msk", &[], 489.9);
}

#[test]
fn sqs_requests_are_derived_from_the_workload_in_64kb_chunks() {
    let mut d = Design::default();
    d.workload.requests_per_sec = 10.0;
    d.components.push(component("c1", "users", &[]));
    d.components.push(component("c2", "sqs", &[("message_kb", f(100.0))]));
    d.links.push(Link::new("l1".into(), "c1".into(), "c2".into()));
    let r = cost(&d);
    let queue = ComponentId::new("c2");
    let line = r.lines_of(&queue).next().unwrap();
    // 10/s × 2,628,000 s = 26.28M messages × 3 requests × 2 chunks (100 KB) = 157.68M × $0.40
    assert_cents(line.quantity, 157.68);
    assert_cents(line.monthly, 63.072);
    assert!(line.derived.as_deref().unwrap().contains("2 chunk(s) of 64 KB"));
}

// ---- edge and network ----

#[test]
fn api_gateway_tiers() {
    check("api_gateway", &[("requests_per_month", f(10e6))], 10.0); // 10 × $1.00
                                                                    // REST 500M: 333 × $3.50 + 167 × $2.80 = $1,165.50 + $467.60
    check("api_gateway", &[("requests_per_month", f(500e6)), ("api_type", t("rest"))], 1633.1);
    // HTTP 400M: 300 × $1.00 + 100 × $0.90
    check("api_gateway", &[("requests_per_month", f(400e6))], 390.0);
    check("api_gateway", &[("requests_per_month", f(3e6)), ("api_type", t("websocket"))], 3.0);
}

#[test]
fn cloudfront_route53_waf_shield() {
    // 1,000 GB × $0.085 + 10M / 10k × $0.01
    check("cloudfront", &[("gb_per_month", f(1000.0)), ("requests_per_month", f(10e6))], 95.0);
    check("route53", &[("queries_per_month", f(5e6))], 2.5); // $0.50 + 5 × $0.40
    check("waf", &[("requests_per_month", f(10e6))], 16.0); // $5 + 5 rules × $1 + 10 × $0.60
    check("shield", &[("advanced", b(true))], 3000.0);
    check("shield", &[], 0.0);
}

#[test]
fn load_balancers_and_nat() {
    // 730 × $0.0225 = $16.425; 2 LCU × 730 × $0.008 = $11.68
    check("alb", &[("lcu", f(2.0))], 28.105);
    check("nlb", &[("nlcu", f(1.0))], 20.805); // $16.425 + 730 × $0.006
    check("nat_gateway", &[("gb_per_month", f(100.0))], 37.35); // 730 × $0.045 + 100 × $0.045
    check("vpc_endpoint", &[("gb_per_month", f(10.0))], 14.7); // 2 AZ × 730 × $0.01 + 10 × $0.01
    check("vpc_endpoint", &[("endpoint_type", t("gateway"))], 0.0);
}

#[test]
fn alb_lcu_is_the_largest_dimension() {
    let mut d = Design::default();
    d.workload.requests_per_sec = 20.0;
    d.components.push(component("c1", "users", &[]));
    d.components.push(component("c2", "alb", &[]));
    d.links.push(Link::new("l1".into(), "c1".into(), "c2".into()));
    let r = cost(&d);
    // New connections 20/10 = 2/s ÷ 25 = 0.08; active 2 × 30 s = 60 ÷ 3,000 = 0.02;
    // processed 20 × 3,600 × 50 KB = 3.6 GB/h ÷ 1 = 3.6 → 3.6 LCU × 730 × $0.008 = $21.024
    assert_cents(r.component_monthly(&"c2".into()), 16.425 + 21.024);
    // And the users' responses leave AWS: 20 × 2,628,000 × 50 KB = 2,628 GB × $0.09
    assert_cents(r.total_monthly, 16.425 + 21.024 + 236.52);
}

#[test]
fn security_kinds() {
    check("secrets_manager", &[("api_calls_per_month", f(100_000.0))], 2.5); // 5 × $0.40 + 10 × $0.05
    check("kms", &[("requests_per_month", f(1e6))], 4.0); // $1 + 100 × $0.03
    check("cognito", &[("monthly_active_users", i(100_000))], 275.0); // 50,000 over × $0.0055
    check("cognito", &[("monthly_active_users", i(40_000))], 0.0);
}

// ---- data ----

#[test]
fn rds_multi_az_doubles_instance_and_storage() {
    // db.t3.medium 730 × $0.072 = $52.56; 20 GB × $0.115 = $2.30
    check("rds_postgres", &[], 54.86);
    // Multi-AZ, 100 GB: 2 × $52.56 + 2 × 100 × $0.115 = $105.12 + $23.00
    check("rds_postgres", &[("multi_az", b(true)), ("storage_gb", f(100.0))], 128.12);
    // Plus a read replica: $52.56 + 100 × $0.115
    check("rds_postgres", &[("multi_az", b(true)), ("storage_gb", f(100.0)), ("replicas", i(1))], 192.18);
    // db.t3.large (IC: $105.85): 730 × $0.145 + $2.30
    check("rds_postgres", &[("instance_type", t("db.t3.large"))], 108.15);
}

#[test]
fn rds_micro_is_free_on_the_free_tier() {
    let mut d = one("rds_postgres", &[("instance_type", t("db.t3.micro"))]);
    assert_cents(cost(&d).total_monthly, 15.44); // 730 × $0.018 + 20 × $0.115
    d.cost.free_tier = true;
    assert_cents(cost(&d).total_monthly, 0.0);
}

#[test]
fn aurora_and_serverless() {
    // 2 × 730 × $0.26 = $379.60; 20 GB × $0.10 = $2; 10M I/O × $0.20 = $2
    check("aurora_postgres", &[("io_millions_per_month", f(10.0))], 383.6);
    // Global Database adds one instance and storage in the second Region: $189.80 + $2
    check("aurora_postgres", &[("io_millions_per_month", f(10.0)), ("global_database", b(true))], 575.4);
    // (writer + 1 reader) × 2 ACU × 730 × $0.12 = $350.40; storage $2
    check("aurora_serverless_v2", &[], 352.4);
}

#[test]
fn dynamodb_on_demand() {
    // 1M WRU × $0.625 + 10M RRU × $0.125 + 10 GB × $0.25
    let props = [("write_units_per_month", f(1e6)), ("read_units_per_month", f(10e6))];
    check("dynamodb", &props, 4.375);
    let with_pitr = [props[0].clone(), props[1].clone(), ("pitr", b(true))];
    check("dynamodb", &with_pitr, 6.375); // + 10 GB × $0.20
}

#[test]
fn search_and_cache() {
    // 2 × 730 × $0.167 = $243.82; 2 × 100 GB × $0.135 = $27
    check("opensearch", &[], 270.82);
    check("elasticache_redis", &[("instance_type", t("cache.r6g.large")), ("count", i(2))], 300.76);
    // 2 × 730 × $0.206
}

// ---- storage and operations ----

#[test]
fn storage_kinds() {
    // 50 GB × $0.023 + 1,000 × $0.005 + 10,000 × $0.0004
    check("s3", &[("put_requests_per_month", f(1e6)), ("get_requests_per_month", f(10e6))], 10.15);
    check("s3", &[("storage_gb", f(1000.0)), ("storage_class", t("glacier_flexible"))], 3.6);
    check("efs", &[], 15.0); // 50 × $0.30
    check("ebs", &[], 8.0); // 100 × $0.08
    check("ebs", &[("iops", i(6000))], 23.0); // + 3,000 × $0.005
    check("ebs", &[("volume_type", t("io1")), ("iops", i(1000))], 77.5); // 100 × $0.125 + 1,000 × $0.065
    check("ecr", &[], 1.0); // 10 × $0.10
}

#[test]
fn observability() {
    // 5 GB × $0.50 + 5 GB × $0.03 + 10 × $0.30 + 10 × $0.10
    check("cloudwatch", &[], 6.65);
    check("xray", &[("traces_per_month", f(1e6))], 5.0);
}

#[test]
fn free_and_uncounted_kinds_say_so() {
    for kind in ["users", "internet_gateway", "acm", "k8s_workload", "prometheus", "external_saas", "ci_pipeline"] {
        let r = cost(&one(kind, &[]));
        assert_eq!(r.total_monthly, 0.0, "{kind}");
        assert!(r.by_component[0].free, "{kind} is marked free");
    }
    let r = cost(&one("rds_proxy", &[]));
    assert!(r.not_counted.iter().any(|n| n.what.contains("RDS Proxy")));
}

#[test]
fn what_is_not_counted_is_one_line_per_reason() {
    let mut d = Design::default();
    for i in 1..=5 {
        let mut c = component(&format!("c{i}"), "rds_proxy", &[]);
        c.label = format!("proxy {i}");
        d.components.push(c);
    }
    d.components.push(component("c6", "acm", &[]));
    let mut lone = component("c7", "sns", &[]);
    lone.label = "alerts \"ops\"".into();
    d.components.push(lone);
    let r = cost(&d);
    assert_eq!(
        r.not_counted.iter().filter(|n| n.what.contains("RDS Proxy")).count(),
        5,
        "the report keeps one note per component"
    );
    let lines = r.not_counted_lines(&d);
    assert_eq!(
        lines[0],
        "5 components (\"proxy 1\", \"proxy 2\", \"proxy 3\" and 2 more): RDS Proxy is charged per vCPU of the database; not in the price book"
    );
    assert!(lines.contains(&"\"alerts \"ops\"\": delivery charges (email, SMS, HTTP)".to_owned()), "{lines:?}");
    assert_eq!(lines.last().map(String::as_str), Some("Taxes, support plans, and data transfer not drawn as links"));
    assert_eq!(lines.len(), 3, "{lines:?}");
}

#[test]
fn every_catalog_kind_is_priced_or_explained() {
    for k in &Catalog::builtin().kinds {
        let r = cost(&one(&k.kind, &[]));
        let explained =
            r.by_component[0].free || !r.lines.is_empty() || r.not_counted.iter().any(|n| n.component.is_some());
        assert!(explained, "{} has no lines and no explanation", k.kind);
        assert!(r.diagnostics.is_empty(), "{}: {:?}", k.kind, r.diagnostics);
    }
}

// ---- data transfer ----

fn two_in(a_parent: Option<&str>, b_parent: Option<&str>, containers: Vec<Container>, gb: f64) -> Design {
    let mut d = Design { containers, ..Design::default() };
    let mut a = component("c1", "ec2", &[("storage_gb", f(0.0))]);
    a.parent = a_parent.map(ContainerId::new);
    let mut b = component("c2", "ec2", &[("storage_gb", f(0.0))]);
    b.parent = b_parent.map(ContainerId::new);
    d.components = vec![a, b];
    let mut l = Link::new("l1".into(), "c1".into(), "c2".into());
    l.traffic.gb_per_month = Some(gb);
    d.links.push(l);
    d
}

fn frame(id: &str, kind: ContainerKind, parent: Option<&str>) -> Container {
    let mut g = Container::new(id.into(), kind, id, Rect::new(0.0, 0.0, 100.0, 100.0));
    g.parent = parent.map(ContainerId::new);
    g
}

fn transfer(d: &Design) -> f64 {
    cost(d).lines.iter().filter(|l| l.link.is_some()).map(|l| l.monthly).sum()
}

#[test]
fn transfer_by_where_the_ends_sit() {
    let azs = vec![
        frame("vpc", ContainerKind::Vpc, None),
        frame("a", ContainerKind::AvailabilityZone, Some("vpc")),
        frame("b", ContainerKind::AvailabilityZone, Some("vpc")),
    ];
    // Same AZ: free.
    assert_cents(transfer(&two_in(Some("a"), Some("a"), azs.clone(), 100.0)), 0.0);
    // Across AZs: 100 GB × 2 directions × $0.01
    assert_cents(transfer(&two_in(Some("a"), Some("b"), azs.clone(), 100.0)), 2.0);
    // Across Regions: 100 GB × $0.02
    let regions = vec![frame("r1", ContainerKind::Region, None), frame("r2", ContainerKind::Region, None)];
    assert_cents(transfer(&two_in(Some("r1"), Some("r2"), regions, 100.0)), 2.0);
    // Not drawn in AZs: not priced, and said so.
    let vpc = vec![frame("vpc", ContainerKind::Vpc, None)];
    let d = two_in(Some("vpc"), Some("vpc"), vpc, 100.0);
    assert_cents(transfer(&d), 0.0);
    assert!(cost(&d).not_counted.iter().any(|n| n.what.contains("not drawn inside Availability Zones")));
}

#[test]
fn transfer_to_the_internet_and_through_nat() {
    let mut d = Design {
        containers: vec![
            frame("vpc", ContainerKind::Vpc, None),
            frame("priv", ContainerKind::PrivateSubnet, Some("vpc")),
            frame("pub", ContainerKind::PublicSubnet, Some("vpc")),
        ],
        ..Design::default()
    };
    let mut app = component("c1", "ec2", &[("storage_gb", f(0.0))]);
    app.parent = Some("priv".into());
    let mut nat = component("c2", "nat_gateway", &[]);
    nat.parent = Some("pub".into());
    d.components = vec![app, nat, component("c3", "external_saas", &[])];
    let mut l = Link::new("l1".into(), "c1".into(), "c3".into());
    l.traffic.gb_per_month = Some(50.0);
    d.links.push(l);
    let r = cost(&d);
    // NAT: 730 × $0.045 + 50 GB processed × $0.045 = $32.85 + $2.25
    assert_cents(r.component_monthly(&"c2".into()), 35.1);
    // And 50 GB out to the internet × $0.09
    assert_cents(transfer(&d), 4.5);
}

// ---- Regions, overrides, hostile values, totals ----

#[test]
fn regions_use_their_factor_and_say_so() {
    let mut d = one("ec2", &[("instance_type", t("t3.medium")), ("storage_gb", f(0.0))]);
    d.region = "eu-west-1".into();
    let r = cost(&d);
    assert_cents(r.total_monthly, 33.4048); // 730 × $0.0416 × 1.10
    assert!(r.lines[0].price_source.contains("Regional factor 1.1 (estimate)"));
    assert!(r.region_pricing.contains("estimate"));
    d.region = "mars-north-1".into();
    let r = cost(&d);
    assert_cents(r.total_monthly, 30.368);
    assert_eq!(r.diagnostics[0].code, "cost-region");
}

#[test]
fn overridden_prices_are_used_and_marked() {
    let mut d = one("ec2", &[("instance_type", t("t3.medium")), ("storage_gb", f(0.0))]);
    d.cost.price_overrides.insert("ec2.t3.medium".into(), 0.03);
    let r = cost(&d);
    assert_cents(r.total_monthly, 21.9); // 730 × $0.03
    assert!(r.lines[0].overridden);
}

#[test]
fn totals_by_component_and_category_add_up() {
    let d = cloudwright_core::examples::default_design();
    let r = cost(&d);
    let by_component: f64 = r.by_component.iter().map(|c| c.monthly).sum();
    let by_category: f64 = r.by_category.iter().map(|c| c.monthly).sum();
    assert_cents(
        by_component + r.lines.iter().filter(|l| l.component.is_none()).map(|l| l.monthly).sum::<f64>(),
        r.total_monthly,
    );
    assert_cents(by_category, r.total_monthly);
    assert_cents(r.total_yearly, r.total_monthly * 12.0);
}

#[test]
fn hostile_values_give_diagnostics_and_finite_numbers() {
    let mut d = Design::default();
    d.workload.requests_per_sec = f64::NAN;
    d.workload.peak_multiplier = f64::INFINITY;
    d.cost.peak_hours_per_day = -3.0;
    d.components.push(component("c1", "users", &[]));
    d.components.push(component("c2", "ec2", &[("count", i(-5)), ("storage_gb", f(f64::NAN))]));
    d.components.push(component("c3", "asg", &[("desired_count", i(i64::MAX)), ("max_count", f(1e308))]));
    d.components.push(component("c4", "s3", &[("storage_gb", f(1e308))]));
    d.components.push(component("c5", "sqs", &[]));
    for (n, (a, b)) in [("c1", "c2"), ("c2", "c5"), ("c5", "c2")].into_iter().enumerate() {
        let mut l = Link::new(format!("l{n}").as_str().into(), a.into(), b.into());
        l.traffic.gb_per_month = Some(1e308);
        l.traffic.requests_per_sec = Some(f64::INFINITY);
        d.links.push(l);
    }
    let r = cost(&d);
    assert!(r.total_monthly.is_finite() && r.total_monthly >= 0.0);
    assert!(r.lines.iter().all(|l| l.monthly.is_finite() && l.quantity.is_finite()));
    assert!(r.diagnostics.iter().any(|x| x.code == "cost-value"), "{:?}", r.diagnostics);
    // Invalid properties fall back to the catalog defaults: 1 instance, 8 GB.
    assert_cents(r.component_monthly(&"c2".into()), 7.592 + 0.64);
}

#[test]
fn an_empty_design_costs_nothing() {
    let r = cost(&Design::default());
    assert_eq!(r.total_monthly, 0.0);
    assert!(r.lines.is_empty());
}

#[test]
fn hosting_cloudwright_itself() {
    let d = cloudwright_core::examples::example("hosting").unwrap().design();
    let r = cost(&d);
    // 0.5 requests/s × 2,628,000 s = 1,314,000 requests a month.
    // Route 53: 1 zone $0.50 + 131,400 queries (one per 10 requests) × $0.40/1M = $0.05256
    assert_cents(r.component_monthly(&"c2".into()), 0.55256);
    // CloudFront: 1,314,000 × 50 KB = 65.7 GB × $0.085 = $5.5845; 131.4 × 10k requests × $0.01 = $1.314
    assert_cents(r.component_monthly(&"c3".into()), 6.8985);
    // S3: 0.05 GB × $0.023; the 5 % of requests CloudFront misses: 65,700 GETs × $0.0004/1k = $0.02628
    assert_cents(r.component_monthly(&"c4".into()), 0.00115 + 0.02628);
    assert_cents(r.total_monthly, 0.55256 + 6.8985 + 0.00115 + 0.02628);
    assert_eq!(cloudwright_core::cost::format_usd(r.total_monthly), "$7.48");
    assert_eq!(cloudwright_core::cost::format_usd(-1234.5), "-$1,234.50");
}
