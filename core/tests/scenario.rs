//! Scenarios, the grader and the solver.

use cloudwright_core::scenario::{grade, Scenario};

#[test]
fn there_are_ten_scenarios_with_their_text_and_a_clean_reference() {
    let all = Scenario::all();
    assert_eq!(all.len(), 10);
    for s in all {
        assert!(
            !s.prompt.is_empty()
                && !s.questions.is_empty()
                && !s.answers.is_empty()
                && !s.reasons.is_empty()
                && !s.rejected.is_empty(),
            "{}",
            s.key
        );
        let d = s.reference();
        assert!(d.components.len() >= 3, "{}", s.key);
        let errors: Vec<_> = cloudwright_core::validate(&d, cloudwright_core::Catalog::builtin())
            .into_iter()
            .filter(|x| x.severity == cloudwright_core::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", s.key);
    }
    assert_eq!(Scenario::get("2").unwrap().key, "fargate-startup");
    assert_eq!(Scenario::get("solo-mvp").unwrap().number, 1);
}

#[test]
fn every_reference_design_scores_at_least_90() {
    for s in Scenario::all() {
        let g = grade(&s.reference(), s);
        println!(
            "{:>2} {:<24} {:>3}  {:>10}  {:?}",
            s.number,
            s.key,
            g.score,
            format!("${:.2}", g.cost_monthly),
            g.findings.iter().map(|f| (f.code, f.points)).collect::<Vec<_>>()
        );
        assert!(g.score >= 90, "{}: {} — {:#?}", s.key, g.score, g.findings);
    }
}

use cloudwright_core::{Component, ComponentKind, Design, Link, LinkMode, Point, PropValue};

/// A component of a drawn answer: id, kind, properties.
type Drawn<'a> = (&'a str, &'a str, &'a [(&'a str, PropValue)]);

/// A wrong answer drawn from a list of components and links.
fn answer(comps: &[Drawn<'_>], links: &[(&str, &str, LinkMode)]) -> Design {
    let mut d = Design::default();
    for (i, (id, kind, props)) in comps.iter().enumerate() {
        let mut c = Component::new((*id).into(), ComponentKind::new(*kind), *id, Point::new(i as f64 * 200.0, 0.0));
        for (k, v) in *props {
            c.props.insert((*k).into(), v.clone());
        }
        d.components.push(c);
    }
    for (n, (a, b, mode)) in links.iter().enumerate() {
        let mut l = Link::new(format!("l{n}").as_str().into(), (*a).into(), (*b).into());
        l.mode = *mode;
        d.links.push(l);
    }
    d
}

#[track_caller]
fn assert_wrong(key: &str, d: &Design, finding: &str) {
    let s = Scenario::get(key).unwrap();
    let g = grade(d, s);
    let codes: Vec<&str> = g.findings.iter().map(|f| f.code).collect();
    assert!(g.score <= 50, "{key}: scored {} ({codes:?})", g.score);
    assert!(codes.contains(&finding), "{key}: {finding} not in {codes:?}");
}

use LinkMode::Sync;
fn i(v: i64) -> PropValue {
    PropValue::Int(v)
}

#[test]
fn typical_wrong_answers_score_at_most_50_with_the_finding_named() {
    // 1: Kubernetes for a one-person side project.
    let eks = answer(
        &[
            ("users", "users", &[]),
            ("lb", "alb", &[("azs", i(2))]),
            ("cluster", "eks_cluster", &[]),
            ("nodes", "eks_node_group", &[]),
            ("app", "k8s_workload", &[]),
            ("db", "rds_postgres", &[]),
        ],
        &[("users", "lb", Sync), ("lb", "app", Sync), ("app", "db", Sync)],
    );
    assert_wrong("solo-mvp", &eks, "kubernetes-small-team");

    // 2: the right platform, but Stripe's webhooks hit the API directly.
    let mut no_queue = Scenario::get("fargate-startup").unwrap().reference();
    no_queue.components.retain(|c| !matches!(c.id.as_str(), "c8" | "c9" | "c10"));
    no_queue
        .links
        .retain(|l| !["c8", "c9", "c10"].contains(&l.from.as_str()) && !["c8", "c9", "c10"].contains(&l.to.as_str()));
    no_queue.links.push(Link::new("l99".into(), "c7".into(), "c5".into()));
    assert_wrong("fargate-startup", &no_queue, "webhooks-without-queue");

    // 3: one big EC2 instance with the database beside it.
    let single = answer(
        &[
            ("users", "users", &[]),
            ("web", "ec2", &[("instance_type", PropValue::Text("m6i.2xlarge".into()))]),
            ("db", "self_managed_postgres", &[]),
        ],
        &[("users", "web", Sync), ("web", "db", Sync)],
    );
    assert_wrong("black-friday", &single, "spike-without-autoscaling");

    // 4: one EC2 instance per service, no shared platform.
    let scattered = answer(
        &[
            ("users", "users", &[]),
            ("lb", "alb", &[("azs", i(2))]),
            ("svc-a", "ec2", &[("count", i(2)), ("azs", i(2))]),
            ("svc-b", "ec2", &[("count", i(2)), ("azs", i(2))]),
            ("db", "rds_postgres", &[("multi_az", PropValue::Bool(true))]),
        ],
        &[
            ("users", "lb", Sync),
            ("lb", "svc-a", Sync),
            ("lb", "svc-b", Sync),
            ("svc-a", "db", Sync),
            ("svc-b", "db", Sync),
        ],
    );
    assert_wrong("eks-platform", &scattered, "no-team-isolation");

    // 5: one server doing OCR inside the upload request.
    let synchronous = answer(
        &[
            ("users", "users", &[]),
            ("api", "ec2", &[("instance_type", PropValue::Text("t3.medium".into()))]),
            ("db", "rds_postgres", &[]),
        ],
        &[("users", "api", Sync), ("api", "db", Sync)],
    );
    assert_wrong("serverless-pipeline", &synchronous, "jobs-not-buffered");
}
