//! Synthetic designs of any size, for benchmarks and stress tests. Deterministic:
//! the same size and seed give the same design (a small linear congruential
//! generator, not a source of randomness).

use crate::design::{
    Component, ComponentKind, Container, ContainerKind, Design, Link, LinkMode, Point, PropValue, Rect,
};
use crate::id::{ComponentId, ContainerId, LinkId};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One service: a front door, compute, a store and async work, as a realistic cell.
const CELL: [(&str, &str); 8] = [
    ("alb", "public"),
    ("ecs_fargate", "private"),
    ("rds_postgres", "data"),
    ("elasticache_redis", "data"),
    ("sqs", "region"),
    ("lambda", "region"),
    ("dynamodb", "region"),
    ("s3", "region"),
];

/// A design of about `components` components: users and an edge tier, then
/// service cells spread over three AZs in one VPC, each linked front to back.
pub fn design(components: usize, seed: u64) -> Design {
    let mut rng = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut d = Design { name: format!("Synthetic design ({components} components)"), ..Design::default() };
    d.workload.requests_per_sec = 200.0;
    let cells = components.saturating_sub(3).div_ceil(CELL.len()).max(1);
    let width = 300.0 * (cells as f64 / 3.0).ceil().max(1.0);
    let region = ContainerId::new("g1");
    let vpc = ContainerId::new("g2");
    d.containers.push(Container::new(
        region.clone(),
        ContainerKind::Region,
        "us-east-1",
        Rect::new(200.0, 0.0, width + 400.0, 3200.0),
    ));
    let mut v = Container::new(vpc.clone(), ContainerKind::Vpc, "VPC", Rect::new(220.0, 40.0, width + 40.0, 2600.0));
    v.parent = Some(region.clone());
    d.containers.push(v);
    let mut subnets = Vec::new();
    for az in 0..3 {
        let az_id = ContainerId::numbered(3 + az * 4);
        let y = 80.0 + az as f64 * 840.0;
        let mut a = Container::new(
            az_id.clone(),
            ContainerKind::AvailabilityZone,
            format!("AZ {}", ["a", "b", "c"][az as usize]),
            Rect::new(240.0, y, width, 800.0),
        );
        a.parent = Some(vpc.clone());
        d.containers.push(a);
        let mut row = Vec::new();
        for (k, kind) in [ContainerKind::PublicSubnet, ContainerKind::PrivateSubnet, ContainerKind::DataSubnet]
            .into_iter()
            .enumerate()
        {
            let id = ContainerId::numbered(4 + az * 4 + k as u64);
            let mut s = Container::new(
                id.clone(),
                kind,
                kind.name(),
                Rect::new(250.0, y + 30.0 + k as f64 * 250.0, width - 20.0, 240.0),
            );
            s.parent = Some(az_id.clone());
            d.containers.push(s);
            row.push(id);
        }
        subnets.push(row);
    }
    let mut n = 0u64;
    let mut add = |d: &mut Design, kind: &str, parent: Option<ContainerId>, x: f64, y: f64| -> ComponentId {
        n += 1;
        let id = ComponentId::numbered(n);
        let mut c = Component::new(id.clone(), ComponentKind::new(kind), format!("{kind} {n}"), Point::new(x, y));
        c.parent = parent;
        d.components.push(c);
        id
    };
    let users = add(&mut d, "users", None, 0.0, 400.0);
    let cdn = add(&mut d, "cloudfront", Some(region.clone()), 0.0, 600.0);
    let dns = add(&mut d, "route53", Some(region.clone()), 0.0, 800.0);
    let mut links = 0u64;
    let mut link = |d: &mut Design, from: &ComponentId, to: &ComponentId, mode: LinkMode| {
        links += 1;
        let mut l = Link::new(LinkId::numbered(links), from.clone(), to.clone());
        l.mode = mode;
        d.links.push(l);
    };
    link(&mut d, &users, &dns, LinkMode::Sync);
    link(&mut d, &users, &cdn, LinkMode::Sync);
    let mut made = 3;
    for cell in 0..cells {
        let az = cell % 3;
        let x = 260.0 + (cell / 3) as f64 * 300.0;
        let mut ids = Vec::new();
        for (k, (kind, place)) in CELL.iter().enumerate() {
            if made >= components.max(4) {
                break;
            }
            let parent = match *place {
                "public" => Some(subnets[az][0].clone()),
                "private" => Some(subnets[az][1].clone()),
                "data" => Some(subnets[az][2].clone()),
                _ => Some(region.clone()),
            };
            let y = 120.0 + az as f64 * 840.0 + k as f64 * 90.0;
            let id = add(&mut d, kind, parent, x, y);
            if *kind == "rds_postgres" && rng.below(2) == 0 {
                if let Some(c) = d.components.last_mut() {
                    c.props.insert("multi_az".into(), PropValue::Bool(true));
                }
            }
            ids.push(id);
            made += 1;
        }
        // Front to back: CDN → ALB → service → (DB, cache, queue → worker → table), service → bucket.
        let get = |i: usize| ids.get(i);
        if let Some(alb) = get(0) {
            link(&mut d, &cdn, alb, LinkMode::Sync);
        }
        for (from, to, mode) in [
            (0, 1, LinkMode::Sync),
            (1, 2, LinkMode::Sync),
            (1, 3, LinkMode::Sync),
            (1, 4, LinkMode::Async),
            (4, 5, LinkMode::Async),
            (5, 6, LinkMode::Sync),
            (1, 7, LinkMode::Sync),
        ] {
            if let (Some(a), Some(b)) = (get(from), get(to)) {
                link(&mut d, a, b, mode);
            }
        }
    }
    d
}

/// A synthetic estate of `services` services with acyclic dependencies, for
/// benchmarking the planner.
pub fn estate(services: usize, seed: u64) -> (crate::migration::Estate, crate::migration::Constraints) {
    use crate::migration::{Constraints, Criticality, Estate, Service, Task, Traffic};
    let mut rng = Lcg(seed ^ 0x5151_5151);
    let crit = [Criticality::Low, Criticality::Medium, Criticality::High, Criticality::Critical];
    let traffic = [Traffic::VeryLow, Traffic::Low, Traffic::Medium, Traffic::High, Traffic::VeryHigh];
    let mut list: Vec<Service> = Vec::with_capacity(services);
    for i in 0..services {
        let c = crit[rng.below(4) as usize];
        // Depend on up to two earlier services of the same or a lower tier.
        let depends_on = (0..rng.below(3))
            .filter_map(|_| {
                if i == 0 {
                    return None;
                }
                let j = rng.below(i as u64) as usize;
                (list[j].criticality <= c).then(|| list[j].name.clone())
            })
            .collect();
        list.push(Service {
            name: format!("service-{i}"),
            criticality: c,
            traffic: traffic[rng.below(5) as usize],
            effort_weeks: 0.4 + rng.below(8) as f64 * 0.2,
            depends_on,
            old_instances: None,
        });
    }
    let estate = Estate {
        key: "synthetic".into(),
        name: format!("Synthetic estate ({services} services)"),
        from: "EC2".into(),
        to: "EKS".into(),
        source: String::new(),
        foundations: vec![Task { name: "CI/CD template".into(), weeks: 1.0, after: vec![] }],
        services: list,
        follow_ups: vec![],
    };
    let constraints = Constraints {
        capacity: 8,
        critical_in_parallel: 4,
        time_box_weeks: 1000.0,
        no_friday_cutover: true,
        spike_days: vec![],
        min_parallel_run_weeks: [(Criticality::Critical, 1.0), (Criticality::High, 1.0)].into_iter().collect(),
        watch_weeks: [
            (Criticality::Critical, 1.0),
            (Criticality::High, 1.0),
            (Criticality::Medium, 0.6),
            (Criticality::Low, 0.4),
        ]
        .into_iter()
        .collect(),
        traffic_steps: vec![10, 50, 100],
    };
    (estate, constraints)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{catalog::Catalog, validate::validate, Severity};

    #[test]
    fn sizes_and_validity() {
        for n in [10, 200, 2_000] {
            let d = design(n, 7);
            assert_eq!(d.components.len(), n, "size {n}");
            assert!(validate(&d, Catalog::builtin()).iter().all(|x| x.severity != Severity::Error));
        }
        assert_eq!(design(200, 7), design(200, 7), "deterministic");
    }
}
