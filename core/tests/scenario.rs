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

use cloudwright_core::solver::solve;
use std::collections::BTreeSet;

/// The tiers an interviewer compares: compute platform, database family and HA, queue, CDN, cache.
fn tiers(d: &Design) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for c in &d.components {
        let b = |k: &str| {
            cloudwright_core::Catalog::builtin()
                .kind(c.kind.as_str())
                .and_then(|s| s.value(c, k))
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        };
        let t = match c.kind.as_str() {
            "compose_host" => "compute: single host".to_owned(),
            "asg" | "ec2" => "compute: EC2".to_owned(),
            "ecs_fargate" => "compute: Fargate".to_owned(),
            "eks_cluster" | "eks_node_group" | "k8s_workload" => "compute: EKS".to_owned(),
            "lambda" => "compute: Lambda".to_owned(),
            "rds_postgres" => format!("database: RDS {}", if b("multi_az") { "Multi-AZ" } else { "Single-AZ" }),
            "aurora_postgres" => "database: Aurora".to_owned(),
            "dynamodb" => "database: DynamoDB".to_owned(),
            "sqs" => "queue".to_owned(),
            "cloudfront" => "cdn".to_owned(),
            "elasticache_redis" => "cache".to_owned(),
            _ => continue,
        };
        out.insert(t);
    }
    out
}

#[test]
fn the_solver_finds_the_reference_tiers_for_scenarios_1_to_5() {
    for key in ["solo-mvp", "fargate-startup", "black-friday", "eks-platform", "serverless-pipeline"] {
        let s = Scenario::get(key).unwrap();
        let solution = solve(&s.requirements);
        assert!(solution.feasible, "{key}: {:?}", solution.relax);
        let (got, want) = (tiers(&solution.design), tiers(&s.reference()));
        assert_eq!(got, want, "{key}: solver {got:?} vs reference {want:?}; {:#?}", solution.choices);
        let g = solution.grade.as_ref().unwrap();
        assert!(g.score >= 90 && g.must_haves_met, "{key}: {g:?}");
        // Every choice has a reason and every runner-up says why it lost.
        assert!(solution.choices.iter().all(|c| !c.reason.is_empty()));
        assert!(solution.runners_up.iter().all(|r| r.why.contains(" rejected: ")), "{key}");
    }
}

#[test]
fn eks_loses_to_a_one_person_ops_team_with_the_reason_named() {
    let s = Scenario::get("fargate-startup").unwrap();
    let solution = solve(&s.requirements);
    let eks = solution.runners_up.iter().find(|r| r.alternative.starts_with("EKS")).unwrap();
    assert!(eks.why.contains("Kubernetes needs at least 2 operations engineers; this team has 1"), "{}", eks.why);
}

#[test]
fn a_team_of_one_gets_no_kubernetes() {
    let mut req = Scenario::get("eks-platform").unwrap().requirements.clone();
    assert!(tiers(&solve(&req).design).contains("compute: EKS"));
    req.ops = 1;
    req.teams = 1;
    req.team = 1;
    let solution = solve(&req);
    assert!(solution.feasible, "{:?}", solution.relax);
    assert!(!tiers(&solution.design).contains("compute: EKS"), "{:?}", tiers(&solution.design));
}

#[test]
fn a_zero_budget_moves_to_the_free_tier() {
    let mut req = Scenario::get("fargate-startup").unwrap().requirements.clone();
    req.budget_per_month = 0.0;
    req.users_target = 500;
    req.requests_per_sec = 0.2;
    req.rto_s = None;
    req.rpo_s = None;
    let solution = solve(&req);
    assert!(solution.feasible, "{:?}", solution.relax);
    assert!(solution.design.cost.free_tier);
    assert!(solution.grade.as_ref().unwrap().cost_monthly <= 0.5);
    assert!(tiers(&solution.design).contains("queue"), "the webhooks still go through a queue");
}

#[test]
fn thirty_minute_jobs_do_not_run_on_lambda() {
    let mut req = Scenario::get("serverless-pipeline").unwrap().requirements.clone();
    let before = solve(&req);
    assert_eq!(before.blueprint.unwrap().jobs, Some(cloudwright_core::solver::JobRunner::Lambda));
    req.jobs.as_mut().unwrap().max_s = 1800.0;
    let after = solve(&req);
    assert_eq!(after.blueprint.unwrap().jobs, Some(cloudwright_core::solver::JobRunner::Fargate));
    let lambda = after.runners_up.iter().find(|r| r.tier == "jobs").unwrap();
    assert!(lambda.why.contains("Lambda stops at 15"), "{}", lambda.why);
}

#[test]
fn when_nothing_fits_the_solver_says_what_to_relax() {
    let mut req = Scenario::get("eks-platform").unwrap().requirements.clone();
    req.ops = 1; // eight teams need Kubernetes, and Kubernetes needs two people
    let solution = solve(&req);
    assert!(!solution.feasible);
    assert!(solution.relax.iter().any(|r| r.contains("grow operations from 1")), "{:?}", solution.relax);
}

#[test]
fn every_scenario_has_a_solution_that_grades_at_least_90() {
    for s in Scenario::all() {
        let solution = solve(&s.requirements);
        assert!(solution.feasible, "{}: {:?}", s.key, solution.relax);
        // The proposal is a valid design the grader agrees with.
        assert_eq!(grade(&solution.design, s).score, solution.grade.as_ref().unwrap().score, "{}", s.key);
        let errors = cloudwright_core::validate(&solution.design, cloudwright_core::Catalog::builtin())
            .into_iter()
            .filter(|d| d.severity == cloudwright_core::Severity::Error)
            .count();
        assert_eq!(errors, 0, "{}", s.key);
    }
}

#[test]
fn the_interview_phases_follow_the_clock() {
    use cloudwright_core::scenario::{phase_at, INTERVIEW_PHASES};
    assert_eq!(phase_at(0.0).1.name, "Clarify");
    assert_eq!(phase_at(4.99).0, 0);
    assert_eq!(phase_at(5.0).1.name, "High-level design");
    assert_eq!(phase_at(34.0).1.name, "Deep dive");
    assert_eq!(phase_at(44.0).1.name, "Trade-offs");
    assert_eq!(phase_at(90.0).0, INTERVIEW_PHASES.len() - 1, "past the end stays on the last phase");
    assert!(INTERVIEW_PHASES.windows(2).all(|w| w[0].ends_at_min < w[1].ends_at_min));
}
