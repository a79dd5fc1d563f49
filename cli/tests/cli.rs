//! The `cloudwright` binary, run as a user runs it.

use std::process::{Command, Output, Stdio};

fn cloudwright(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudwright")).args(args).stdin(Stdio::null()).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A scratch file unique to this test, removed when dropped.
fn scratch(name: &str, contents: &str) -> tempfile::TempPath {
    let mut file = tempfile::Builder::new().prefix("cloudwright-").suffix(&format!("-{name}")).tempfile().unwrap();
    std::io::Write::write_all(&mut file, contents.as_bytes()).unwrap();
    file.into_temp_path()
}

const EXAMPLE: &str = include_str!("../../core/data/examples/three-tier.json");

#[test]
fn catalog_lists_every_kind_and_json_parses() {
    let out = cloudwright(&["catalog"]);
    assert!(out.status.success());
    let listing = text(&out.stdout);
    assert!(listing.contains("45 kinds") && listing.contains("elasticache_redis"), "{listing}");

    let out = cloudwright(&["catalog", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["kinds"].as_array().unwrap().len(), 45);
}

#[test]
fn catalog_of_an_unknown_kind_suggests_near_ones() {
    let out = cloudwright(&["catalog", "queue"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "cloudwright: error: no kind \"queue\"; did you mean sqs, sns?\n");
}

#[test]
fn validate_a_clean_design() {
    let path = scratch("clean.json", EXAMPLE);
    let out = cloudwright(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).ends_with("4 components, 3 links, 5 containers; 0 errors, 0 warnings\n"));
}

#[test]
fn validate_exits_1_on_errors_and_lists_them() {
    // A mistyped value is repaired on import and reported as a warning.
    let repaired = EXAMPLE.replace("\"storage_gb\": 100", "\"storage_gb\": 100, \"pitr\": \"sometimes\"");
    let path = scratch("repaired.json", &repaired);
    let out = cloudwright(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("Point-in-time recovery expects yes or no"), "{}", text(&out.stdout));

    // A kind the catalog lacks is an error.
    let unknown = EXAMPLE.replace("\"kind\": \"alb\"", "\"kind\": \"teleporter\"");
    let path = scratch("unknown.json", &unknown);
    let out = cloudwright(&["validate", "--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let diags: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(diags.as_array().unwrap().iter().any(|d| d["code"] == "unknown-kind" && d["item"]["id"] == "c2"));
}

#[test]
fn errors_are_one_line_without_a_backtrace() {
    for (name, contents, expected) in [
        ("garbage.json", "{ not json", "the file is not valid JSON (line 1, column 3: key must be a string)"),
        (
            "other.json",
            "{\"format\":\"drawio\",\"version\":1}",
            "this is not a Cloudwright design: its \"format\" is \"drawio\"",
        ),
        ("newer.json", "{\"format\":\"cloudwright\",\"version\":9}", "saved by a newer Cloudwright (file version 9)"),
    ] {
        let path = scratch(name, contents);
        let out = cloudwright(&["validate", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("cloudwright: error: ") && err.contains(expected), "{err}");
    }
    let out = cloudwright(&["validate", "/no/such/file.json"]);
    assert_eq!(text(&out.stderr), "cloudwright: error: /no/such/file.json: cannot open: no such file\n");
}

#[test]
fn fmt_rewrites_in_canonical_form_and_check_reports() {
    let path = scratch("fmt.json", &EXAMPLE.replace("\n", " "));
    let p = path.to_str().unwrap();
    assert_eq!(cloudwright(&["fmt", "--check", p]).status.code(), Some(1));
    assert!(cloudwright(&["fmt", p]).status.success());
    assert_eq!(cloudwright(&["fmt", "--check", p]).status.code(), Some(0));
    let once = std::fs::read_to_string(&path).unwrap();
    assert!(cloudwright(&["fmt", p]).status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), once, "fmt is idempotent");
}

#[test]
fn fmt_refuses_to_drop_data_without_repair() {
    let path = scratch("repair.json", &EXAMPLE.replace("\"to\": \"c4\"", "\"to\": \"c99\""));
    let p = path.to_str().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let out = cloudwright(&["fmt", p]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("needs repairs"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "nothing written");
    assert!(cloudwright(&["fmt", "--repair", p]).status.success());
    assert!(!std::fs::read_to_string(&path).unwrap().contains("c99"));
}

#[test]
fn cost_prints_line_items_and_a_total_a_reader_can_check() {
    let path = scratch("cost.json", EXAMPLE);
    let out = cloudwright(&["cost", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    // db.t3.medium Multi-AZ: 1,460 instance-hours × $0.072 = $105.12
    assert!(table.contains("1460 instance-hours") && table.contains("$0.072") && table.contains("$105.12"), "{table}");
    assert!(table.contains("Total per month") && table.contains("Not counted:"), "{table}");

    let out = cloudwright(&["cost", "--json", path.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let total = report["total_monthly"].as_f64().unwrap();
    let sum: f64 = report["lines"].as_array().unwrap().iter().map(|l| l["monthly"].as_f64().unwrap()).sum();
    assert!((total - sum).abs() < 1e-6);
}

#[test]
fn cost_csv_is_a_budget_sheet_and_region_changes_prices() {
    let path = scratch("cost-csv.json", EXAMPLE);
    let out = cloudwright(&["cost", "--csv", path.to_str().unwrap()]);
    let csv = text(&out.stdout);
    let mut rows = csv.lines();
    assert_eq!(rows.next(), Some("component,service,description,region,quantity,unit,unit_price,monthly"));
    assert!(csv.contains("Orders DB,RDS PostgreSQL,db.t3.medium Multi-AZ (primary + standby),us-east-1,1460,instance-hours,0.072,105.12"), "{csv}");
    // A description with a comma is quoted.
    assert!(csv.contains("\"vCPU (0.5 per task, 2 task(s), on demand)\""), "{csv}");

    let us: f64 = monthly(&cloudwright(&["cost", "--json", path.to_str().unwrap()]));
    let eu: f64 = monthly(&cloudwright(&["cost", "--json", "--region", "eu-west-1", path.to_str().unwrap()]));
    assert!((eu - us * 1.1).abs() < 0.01, "{us} → {eu}");
    let out = cloudwright(&["cost", "--region", "moon-1", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no prices for Region \"moon-1\""));
}

fn monthly(out: &Output) -> f64 {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["total_monthly"].as_f64().unwrap()
}

#[test]
fn resilience_reports_each_disruption_against_a_policy() {
    let path = scratch("resilience.json", EXAMPLE);
    let out = cloudwright(&["resilience", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    for row in ["Software", "Hardware", "AZ", "Region", "Availability:", "DR strategy: Backup & restore"] {
        assert!(table.contains(row), "{row} missing from\n{table}");
    }
    assert!(table.contains("BREACHED"), "a one-Region design breaches the Region target:\n{table}");

    let out = cloudwright(&["resilience", "--json", "--policy", "non-critical", path.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["estimates"].as_array().unwrap().len(), 4);
    assert_eq!(report["estimates"][3]["rto_verdict"], "not_targeted");
    // RDS Multi-AZ fails over in 60–120 s.
    let db = report["components"].as_array().unwrap().iter().find(|c| c["component"] == "c4").unwrap();
    assert_eq!(db["recovery"][1]["rto"], serde_json::json!([60.0, 120.0]));

    let policy =
        scratch("policy.json", r#"{"name":"Strict","software":[60,0],"hardware":[30,0],"az":[30,0],"region":[60,0]}"#);
    let out = cloudwright(&["resilience", "--policy", policy.to_str().unwrap(), path.to_str().unwrap()]);
    assert!(text(&out.stdout).contains("against the Strict policy"));

    let out = cloudwright(&["resilience", "--policy", "bulletproof", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("tiers: critical, important, mission-critical, non-critical"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn plan_prints_the_fintech_timeline_and_refuses_impossible_boxes_clearly() {
    let out = cloudwright(&["plan", "fintech"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("of a 14-week time box (fits)"), "{t}");
    let order: Vec<usize> = ["admin-dashboard", "account-service", "auth-service", "api-gateway", "payment-service"]
        .iter()
        .map(|s| t.find(s).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{t}");

    let out = cloudwright(&["plan", "fintech", "--weeks", "8"]);
    assert_eq!(out.status.code(), Some(1));
    let t = text(&out.stdout);
    assert!(t.contains("DOES NOT FIT") && t.contains("extend the time box to"), "{t}");

    let out = cloudwright(&["plan", "fintech", "--capacity", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("capacity is 0"));

    let md = text(&cloudwright(&["plan", "modernisation", "--markdown"]).stdout);
    assert!(md.starts_with("# Startup modernisation") && md.contains("| 2. Platform migration |"), "{md}");
    let json: serde_json::Value =
        serde_json::from_slice(&cloudwright(&["plan", "modernisation", "--json"]).stdout).unwrap();
    assert_eq!(json["phases"].as_array().unwrap().len(), 3);

    let out = cloudwright(&["plan", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("built in: fintech, modernisation"));
}

#[test]
fn scenarios_solve_and_grade_from_the_command_line() {
    let list = text(&cloudwright(&["scenarios"]).stdout);
    assert_eq!(list.lines().count(), 10);
    assert!(list.contains("fargate-startup"));

    let show = text(&cloudwright(&["scenario", "show", "2"]).stdout);
    assert!(show.contains("Questions to ask:") && show.contains("Alternatives not chosen:"), "{show}");

    let out = cloudwright(&["solve", "fargate-startup"]);
    assert!(out.status.success());
    let t = text(&out.stdout);
    assert!(
        t.contains("ECS on Fargate")
            && t.contains(
                "EKS (Kubernetes) rejected: Kubernetes needs at least 2 operations engineers; this team has 1"
            ),
        "{t}"
    );

    // The proposal is a design file; grading it against its own scenario gives 100.
    let proposal = scratch("proposal.json", &text(&cloudwright(&["solve", "2", "--design"]).stdout));
    let graded = text(&cloudwright(&["grade", proposal.to_str().unwrap(), "2"]).stdout);
    assert!(graded.contains(": 100/100"), "{graded}");

    // A wrong answer: the reference without its webhook queue.
    let reference = text(&cloudwright(&["scenario", "show", "2", "--reference"]).stdout);
    let mut v: serde_json::Value = serde_json::from_str(&reference).unwrap();
    let comps = v["components"].as_array_mut().unwrap();
    comps.retain(|c| !["c8", "c9", "c10"].contains(&c["id"].as_str().unwrap()));
    v["links"].as_array_mut().unwrap().push(serde_json::json!({"id": "l99", "from": "c7", "to": "c5", "mode": "sync"}));
    let wrong = scratch("wrong.json", &v.to_string());
    let out = cloudwright(&["grade", wrong.to_str().unwrap(), "2", "--min", "90"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("(a must-have is missed)"), "{}", text(&out.stdout));

    // Requirements from a file; and an impossible one explains itself.
    let mut req: serde_json::Value =
        serde_json::from_str(&text(&cloudwright(&["scenario", "show", "4", "--json"]).stdout)).unwrap();
    req["requirements"]["ops"] = serde_json::json!(1);
    let file = scratch("req.json", &req["requirements"].to_string());
    let out = cloudwright(&["solve", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("grow operations from 1"), "{}", text(&out.stdout));
}

#[test]
fn synth_prints_a_valid_design_of_the_size_asked_and_refuses_nonsense() {
    let out = cloudwright(&["synth", "200", "--seed", "3"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = scratch("synth-200.json", &text(&out.stdout));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = json["components"].as_array().unwrap().len();
    assert!((190..=210).contains(&count), "about 200 components, got {count}");
    // The file it prints is one the rest of the tool accepts as it is.
    let check = cloudwright(&["fmt", "--check", path.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert_eq!(cloudwright(&["synth", "200", "--seed", "3"]).stdout, out.stdout, "the same seed gives the same design");

    for bad in ["0", "20001", "many"] {
        let out = cloudwright(&["synth", bad]);
        assert_eq!(out.status.code(), Some(2), "synth {bad}");
        assert!(!text(&out.stderr).is_empty());
    }
}

#[test]
fn layout_prints_the_design_laid_out_and_a_second_pass_changes_nothing() {
    let path = scratch("layout-in.json", EXAMPLE);
    let out = cloudwright(&["layout", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = text(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(json["components"].as_array().unwrap().len(), 4, "nothing added or lost");
    // Users (tier 0) end up left of the database (tier 3).
    let x = |id: &str| {
        json["components"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()["x"].as_f64().unwrap()
    };
    assert!(x("c1") < x("c4"), "{first}");
    let again = scratch("layout-again.json", &first);
    assert_eq!(text(&cloudwright(&["layout", again.to_str().unwrap()]).stdout), first);

    let broken = scratch("layout-broken.json", "{ not json");
    let out = cloudwright(&["layout", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("layout-broken.json"), "{}", text(&out.stderr));
}

#[test]
fn export_writes_each_format_and_refuses_an_unknown_one() {
    let path = scratch("export-in.json", EXAMPLE);
    for (format, start) in [
        ("svg", "<svg xmlns"),
        ("mermaid", "architecture-beta\n"),
        ("drawio", "<mxfile"),
        ("excalidraw", "{\n  \"type\": \"excalidraw\","),
        ("markdown", "# Three-tier web app"),
        ("cost-csv", "component,service,"),
    ] {
        let out = cloudwright(&["export", format, path.to_str().unwrap()]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with(start), "{format}: {}", text(&out.stdout));
    }
    let out = cloudwright(&["export", "visio", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("use one of: svg, mermaid, drawio, excalidraw, markdown, cost-csv"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn what_if_lists_the_broken_and_intact_paths() {
    let path = scratch("what-if.json", include_str!("../../tests/fixtures/two-az.json"));
    let out = cloudwright(&["what-if", path.to_str().unwrap(), "az-a"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("If az-a fails: 1 of 2 user paths break; the service continues."), "{stdout}");
    assert!(stdout.contains("broken: Users → Load balancer → Web A → Orders DB"), "{stdout}");
    let out = cloudwright(&["what-if", path.to_str().unwrap(), "db", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["service_continues"], false);
    assert_eq!(json["broken_paths"].as_array().unwrap().len(), 2);
    let out = cloudwright(&["what-if", path.to_str().unwrap(), "l1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("\"l1\" is not a component, an AZ frame or a Region frame"));
}

#[test]
fn plan_draws_the_timeline_as_svg() {
    let out = cloudwright(&["plan", "fintech", "--svg"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let svg = text(&out.stdout);
    assert!(svg.starts_with("<svg xmlns") && svg.contains("payment-service") && svg.contains("time box: 14 weeks"));
}
