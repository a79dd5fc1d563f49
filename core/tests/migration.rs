//! The migration planner on the two seed estates and on broken inputs.

use cloudwright_core::migration::{builtin_estate, parse_estate, plan, Criticality, PhaseKind, StepKind};

#[test]
fn the_fintech_estate_follows_the_reference_order_in_14_weeks() {
    let (estate, constraints) = builtin_estate("fintech").unwrap();
    let p = plan(&estate, &constraints);
    assert!(p.feasible, "{:?}", p.diagnostics);
    assert!(p.total_weeks <= 14.0, "{} weeks", p.total_weeks);
    assert!(p.max_in_parallel <= 3, "{} migrations at once", p.max_in_parallel);

    let migration: Vec<Vec<&str>> = p
        .phases
        .iter()
        .filter(|ph| ph.kind == PhaseKind::Migration)
        .map(|ph| ph.items.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        migration,
        vec![
            vec!["admin-dashboard", "reporting-service", "notification-service"],
            vec!["account-service", "kyc-service"],
            vec!["auth-service", "api-gateway", "payment-service"],
        ]
    );
    // Foundations (CI/CD template, monitoring, runbooks) come before phase 1.
    assert_eq!(p.phases[0].kind, PhaseKind::Foundations);
    let first_service = p.services.iter().map(|s| s.start_day).min().unwrap();
    assert!(p.tasks.iter().filter(|t| t.phase == 0).all(|t| t.end_day <= first_service));
    // Payment is cut over last.
    let last = p.services.iter().max_by_key(|s| s.cutover_day).unwrap();
    assert_eq!(last.service, "payment-service");

    for s in &p.services {
        // Every critical service runs old and new side by side for at least a week.
        if s.criticality == Criticality::Critical {
            assert!(s.parallel_run_days >= 5, "{}: {} days", s.service, s.parallel_run_days);
        }
        // Never a cut-over on a Friday (day 4 of each working week).
        assert_ne!(s.cutover_day % 5, 4, "{} cuts over on a Friday", s.service);
        // Each step has its rollback; traffic moves 10 → 50 → 100 %.
        assert!(s.steps.iter().all(|st| !st.rollback.is_empty()));
        let shifts: Vec<u8> =
            s.steps.iter().filter(|st| st.kind == StepKind::ShiftTraffic).filter_map(|st| st.traffic_percent).collect();
        assert_eq!(shifts, vec![10, 50, 100]);
    }
    // No two critical services run side by side at once.
    let critical: Vec<_> = p.services.iter().filter(|s| s.criticality == Criticality::Critical).collect();
    for (i, a) in critical.iter().enumerate() {
        for b in &critical[i + 1..] {
            let (a0, b0) = (a.retire_day - a.parallel_run_days, b.retire_day - b.parallel_run_days);
            assert!(a.retire_day < b0 || b.retire_day < a0, "{} and {} overlap", a.service, b.service);
        }
    }
    // Running twice costs money, priced with the cost model (old EC2 instances).
    let critical_phase = p.phases.iter().find(|ph| ph.name == "Critical services").unwrap();
    assert!(critical_phase.running_twice.contains(&"payment-service".to_owned()));
    assert!(critical_phase.extra_monthly_cost > 0.0);
    assert_eq!(format!("{:?}", critical_phase.risk), "High");
}

#[test]
fn the_seed_000_modernisation_has_its_three_phases() {
    let (estate, constraints) = builtin_estate("modernisation").unwrap();
    let p = plan(&estate, &constraints);
    assert!(p.feasible, "{:?}", p.diagnostics);
    let kinds: Vec<PhaseKind> = p.phases.iter().map(|ph| ph.kind).collect();
    assert_eq!(kinds, vec![PhaseKind::Foundations, PhaseKind::Migration, PhaseKind::FollowUp]);
    assert!(p.phases[0].items.iter().any(|t| t.contains("CI/CD")));
    assert!(p.phases[0].items.iter().any(|t| t.contains("Terraform")));
    // Platform migration: EC2 and EKS side by side, traffic moved by weighted routing.
    let migration = &p.phases[1];
    assert_eq!(migration.running_twice.len(), 2);
    for s in &p.services {
        assert!(s.steps.iter().any(|st| st.description.contains("Weighted routing")));
    }
    let follow: Vec<&str> = p.phases[2].items.iter().map(String::as_str).collect();
    for wanted in ["Aurora", "SQS", "Autoscaler", "Redis", "observability"] {
        assert!(follow.iter().any(|t| t.contains(wanted)), "{wanted} in {follow:?}");
    }
    // Redis waits for Aurora; the HPA for the SQS workers.
    let task = |n: &str| p.tasks.iter().find(|t| t.name.contains(n)).unwrap();
    assert!(task("Redis").start_day >= task("Aurora").end_day);
    assert!(task("Horizontal").start_day >= task("SQS").end_day);
    // The seed's 6–12 months.
    assert!(p.total_weeks > 20.0 && p.total_weeks <= 52.0, "{}", p.total_weeks);
}

fn fintech_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("../data/estates/fintech.json")).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn a_dependency_cycle_is_a_clear_diagnostic() {
    let text = fintech_with(|v| v["services"][1]["depends_on"] = serde_json::json!(["payment-service"]));
    let (estate, constraints) = parse_estate(&text).unwrap();
    let p = plan(&estate, &constraints);
    assert!(!p.feasible && p.phases.is_empty());
    assert_eq!(p.diagnostics[0].code, "migration-cycle");
    let msg = &p.diagnostics[0].message;
    assert!(msg.starts_with("dependencies go round in a circle: ") && msg.ends_with("; break one to plan"), "{msg}");
    assert!(msg.contains("auth-service") && msg.contains("payment-service"), "{msg}");
}

#[test]
fn zero_capacity_is_a_clear_diagnostic() {
    let (estate, mut constraints) = builtin_estate("fintech").unwrap();
    constraints.capacity = 0;
    let p = plan(&estate, &constraints);
    assert_eq!(p.diagnostics[0].code, "migration-no-capacity");
    assert!(!p.feasible);
}

#[test]
fn an_impossible_time_box_says_by_how_much_and_what_would_fit() {
    let (estate, mut constraints) = builtin_estate("fintech").unwrap();
    constraints.time_box_weeks = 8.0;
    let p = plan(&estate, &constraints);
    assert!(!p.feasible);
    let inf = p.infeasible.as_ref().unwrap();
    assert!(inf.over_by_weeks > 0.0);
    assert!(inf.suggestions[0].starts_with("extend the time box to"));
    assert!(
        inf.suggestions.iter().any(|s| s.contains("leave out") || s.contains("migrations at once")),
        "{:?}",
        inf.suggestions
    );
    assert!(p
        .diagnostics
        .iter()
        .any(|d| d.code == "migration-over-time-box" && d.message.contains("over the 8-week time box")));
}

#[test]
fn bad_estate_files_are_refused_clearly() {
    assert!(parse_estate("{}").unwrap_err().starts_with("not a valid estate file"));
    let wrong = fintech_with(|v| v["format"] = serde_json::json!("cloudwright"));
    assert_eq!(parse_estate(&wrong).unwrap_err(), "not an estate file: its \"format\" is \"cloudwright\"");
    let unknown = fintech_with(|v| v["services"][0]["depends_on"] = serde_json::json!(["ghost"]));
    let (e, c) = parse_estate(&unknown).unwrap();
    assert!(plan(&e, &c).diagnostics.iter().any(|d| d.code == "migration-unknown-dependency"));
}

#[test]
fn a_dependency_on_a_later_phase_moves_the_service_later() {
    let text = fintech_with(|v| v["services"][7]["depends_on"] = serde_json::json!(["auth-service"]));
    let (estate, constraints) = parse_estate(&text).unwrap();
    let p = plan(&estate, &constraints);
    let admin = p.services.iter().find(|s| s.service == "admin-dashboard").unwrap();
    assert_eq!(admin.phase, 3);
    assert!(p.diagnostics.iter().any(|d| d.code == "migration-moved"));
}

#[test]
fn the_timeline_draws_every_step_and_task_and_escapes_names() {
    use cloudwright_core::migration::{builtin_estate, gantt_svg, plan};
    let (mut estate, constraints) = builtin_estate("fintech").expect("built in");
    estate.services[0].name = "<script>alert(1)</script>".into();
    for s in &mut estate.services {
        s.depends_on.retain(|d| d != "<script>alert(1)</script>");
    }
    let p = plan(&estate, &constraints);
    let svg = gantt_svg(&p);
    let steps: usize = p.services.iter().map(|s| s.steps.len()).sum();
    // A rect per step and task, a faint side-by-side bar per service, a band per phase,
    // the background, and the legend's five swatches.
    let rects = svg.matches("<rect").count();
    assert_eq!(rects, steps + p.tasks.len() + p.services.len() + p.phases.len() + 1 + 5);
    assert!(!svg.contains("<script"), "names are escaped");
    assert!(svg.contains(&format!("time box: {} weeks", p.time_box_weeks)));
}
