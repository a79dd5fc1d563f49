//! The `cloudwright` command line. Every command reads and writes through the
//! core; printing is the only thing done here.
#![warn(clippy::unwrap_used, clippy::expect_used)]

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cloudwright_core::cost::{estimate, format_usd as money, CostReport, PriceBook};
use cloudwright_core::exports::shorten;
use cloudwright_core::format::REPAIRED;
use cloudwright_core::limits::MAX_FILE_BYTES;
use cloudwright_core::migration::{
    builtin_estate, parse_estate, plan, MigrationPlan, PhaseKind, StepKind, BUILTIN_ESTATES,
};
use cloudwright_core::resilience::{
    assess, human, simulate, span_text, Failure, Policy, ResilienceReport, Simulation, Verdict,
};
use cloudwright_core::scenario::{grade, Grade, Scenario};
use cloudwright_core::solver::{solve, Solution};
use cloudwright_core::{export, import, validate, Catalog, Design, Diagnostic, Imported, PropType, Severity};

#[derive(Debug, Parser)]
#[command(
    name = "cloudwright",
    version,
    about = "Design cloud architectures and check them: catalog, validation, formatting."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the component kinds and their properties.
    Catalog {
        /// Show one kind's properties in full.
        kind: Option<String>,
        /// Print the catalog as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a design file; exits 1 when it has errors.
    Validate {
        /// The design file (`-` for standard input).
        file: PathBuf,
        /// Print the diagnostics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Estimate a design's monthly cost, line by line.
    Cost {
        /// The design file (`-` for standard input).
        file: PathBuf,
        /// Price in this Region instead of the design's own.
        #[arg(long)]
        region: Option<String>,
        /// Print the whole report as JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print the line items as CSV for a budget sheet.
        #[arg(long)]
        csv: bool,
    },
    /// Estimate RTO, RPO and availability for each kind of disruption.
    Resilience {
        /// The design file (`-` for standard input).
        file: PathBuf,
        /// A policy tier (mission-critical, critical, important, non-critical) or a policy JSON file.
        #[arg(long, default_value = "critical")]
        policy: String,
        /// Print the whole report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What if a component, an AZ frame or a Region frame fails: which user paths break.
    WhatIf {
        /// The design file (`-` for standard input).
        file: PathBuf,
        /// The id of the component or the AZ or Region frame that fails.
        item: String,
        /// Print the outcome as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Plan a phased migration of an estate (a file, or the built-in `fintech` or `modernisation`).
    Plan {
        /// An estate JSON file, or `fintech` / `modernisation`.
        estate: String,
        /// Print the plan as JSON.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print the plan as a Markdown report.
        #[arg(long, conflicts_with = "svg")]
        markdown: bool,
        /// Print the plan as a Gantt-style timeline in SVG.
        #[arg(long, conflicts_with = "json")]
        svg: bool,
        /// Migrations worked on at once (overrides the estate's).
        #[arg(long)]
        capacity: Option<u32>,
        /// Time box in weeks (overrides the estate's).
        #[arg(long)]
        weeks: Option<f64>,
    },
    /// List the interview scenarios.
    Scenarios {
        #[arg(long)]
        json: bool,
    },
    /// Show one scenario: the prompt, questions, answers and the reference solution.
    Scenario {
        #[command(subcommand)]
        action: ScenarioAction,
    },
    /// Propose a design for a scenario (its key or number) or a requirements JSON file.
    Solve {
        requirements: String,
        #[arg(long, conflicts_with = "design")]
        json: bool,
        /// Print the proposed design as a Cloudwright file instead.
        #[arg(long)]
        design: bool,
    },
    /// Grade a design against a scenario's requirements.
    Grade {
        /// The design file (`-` for standard input).
        design: PathBuf,
        /// The scenario's key or number.
        scenario: String,
        #[arg(long)]
        json: bool,
        /// Exit 1 when the score is below this.
        #[arg(long)]
        min: Option<u32>,
    },
    /// Print a generated design of about N components (for benchmarks and load tests).
    Synth {
        /// How many components, from 1 to 20,000.
        #[arg(value_parser = clap::value_parser!(u32).range(1..=20_000))]
        components: u32,
        /// The same seed gives the same design.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Export a design for other tools: svg, mermaid, drawio, excalidraw, markdown (a design report) or cost-csv.
    Export {
        /// svg | mermaid | drawio | excalidraw | markdown | cost-csv
        format: String,
        /// The design file (`-` for standard input).
        file: PathBuf,
        /// For the report: a policy tier or a policy JSON file.
        #[arg(long, default_value = "critical")]
        policy: String,
    },
    /// Print the design laid out left to right by tiers (the app's auto-layout).
    Layout {
        /// The design file (`-` for standard input).
        file: PathBuf,
    },
    /// Rewrite a design file in canonical form.
    Fmt {
        /// The design file (`-` reads standard input and writes standard output).
        file: PathBuf,
        /// Do not write; exit 1 if the file is not in canonical form.
        #[arg(long)]
        check: bool,
        /// Write the repaired design even when the file needed repairs (they are listed).
        #[arg(long)]
        repair: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ScenarioAction {
    /// Print a scenario in full.
    Show {
        /// The scenario's key or number.
        id: String,
        #[arg(long, conflicts_with = "reference")]
        json: bool,
        /// Print the reference design as a Cloudwright file.
        #[arg(long)]
        reference: bool,
    },
}

/// What a command ended in: text for stdout, and the exit code.
struct Outcome {
    stdout: String,
    code: u8,
}

/// Runs the command line `args` (program name first) and returns the exit code:
/// 0 success, 1 the check failed, 2 the command could not run.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match execute(cli.command) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (e.g. `| head`) is not an error worth reporting.
            let _ = stdout.write_all(out.stdout.as_bytes());
            ExitCode::from(out.code)
        }
        Err(message) => {
            eprintln!("cloudwright: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn execute(command: Command) -> Result<Outcome, String> {
    let catalog = Catalog::builtin();
    match command {
        Command::Catalog { kind: None, json: true } => Ok(ok(to_json(catalog)?)),
        Command::Catalog { kind: Some(key), json } => {
            let spec = catalog.kind(&key).ok_or_else(|| {
                let near: Vec<&str> = catalog.search(&key).iter().take(3).map(|k| k.kind.as_str()).collect();
                if near.is_empty() {
                    format!("no kind \"{key}\"; `cloudwright catalog` lists them")
                } else {
                    format!("no kind \"{key}\"; did you mean {}?", near.join(", "))
                }
            })?;
            if json {
                return Ok(ok(to_json(spec)?));
            }
            Ok(ok(kind_table(catalog, spec)))
        }
        Command::Catalog { kind: None, json: false } => Ok(ok(catalog_table(catalog))),
        Command::Validate { file, json } => {
            let imported = open(&file, catalog)?;
            let mut diags = imported.repairs.clone();
            diags.extend(validate(&imported.design, catalog));
            let failed = diags.iter().any(|d| d.severity == Severity::Error);
            let stdout = if json {
                to_json(&diags)?
            } else {
                let mut s = String::new();
                for d in &diags {
                    let _ = writeln!(s, "{}", line(d));
                }
                let count = |sev| diags.iter().filter(|d| d.severity == sev).count();
                let _ = writeln!(
                    s,
                    "{}: {} components, {} links, {} containers; {} errors, {} warnings",
                    display(&file),
                    imported.design.components.len(),
                    imported.design.links.len(),
                    imported.design.containers.len(),
                    count(Severity::Error),
                    count(Severity::Warning),
                );
                s
            };
            Ok(Outcome { stdout, code: u8::from(failed) })
        }
        Command::Cost { file, region, json, csv } => {
            let mut imported = open(&file, catalog)?;
            if let Some(r) = region {
                let book = PriceBook::builtin();
                if !book.regions.contains_key(&r) {
                    let known: Vec<&str> = book.regions.keys().map(String::as_str).collect();
                    return Err(format!("no prices for Region \"{r}\"; known: {}", known.join(", ")));
                }
                imported.design.region = r;
            }
            let report = estimate(&imported.design, PriceBook::builtin());
            let stdout = if json {
                to_json(&report)?
            } else if csv {
                cloudwright_core::exports::cost_csv(&imported.design, &report)
            } else {
                cost_table(&imported.design, &report)
            };
            Ok(ok(stdout))
        }
        Command::Resilience { file, policy, json } => {
            let imported = open(&file, catalog)?;
            let policy = policy_of(&policy)?;
            let report = assess(&imported.design, &policy);
            let stdout = if json { to_json(&report)? } else { resilience_table(&imported.design, &report) };
            Ok(ok(stdout))
        }
        Command::WhatIf { file, item, json } => {
            let design = open(&file, catalog)?.design;
            let failure = Failure::of_item(&design, &item).ok_or_else(|| {
                format!("{}: \"{item}\" is not a component, an AZ frame or a Region frame", display(&file))
            })?;
            let outcome = simulate(&design, &failure);
            Ok(ok(if json { to_json(&outcome)? } else { what_if_text(&design, &item, &outcome) }))
        }
        Command::Plan { estate, json, markdown, svg, capacity, weeks } => {
            let (estate, mut constraints) = match builtin_estate(&estate) {
                Some(e) => e,
                None if Path::new(&estate).is_file() => parse_estate(&read(Path::new(&estate))?)?,
                None => {
                    return Err(format!(
                        "no estate file or built-in estate \"{estate}\"; built in: {}",
                        BUILTIN_ESTATES.join(", ")
                    ))
                }
            };
            if let Some(c) = capacity {
                constraints.capacity = c;
            }
            if let Some(w) = weeks {
                constraints.time_box_weeks = w;
            }
            let p = plan(&estate, &constraints);
            let stdout = if json {
                to_json(&p)?
            } else if markdown {
                plan_markdown(&p)
            } else if svg {
                cloudwright_core::migration::gantt_svg(&p)
            } else {
                plan_text(&p)
            };
            let failed = p.diagnostics.iter().any(|d| d.severity == Severity::Error);
            Ok(Outcome { stdout, code: u8::from(failed) })
        }
        Command::Scenarios { json } => {
            if json {
                let list: Vec<serde_json::Value> = Scenario::all()
                    .iter()
                    .map(|s| serde_json::json!({"number": s.number, "key": s.key, "level": s.level, "title": s.title, "summary": s.summary}))
                    .collect();
                return Ok(ok(to_json(&list)?));
            }
            let mut out = String::new();
            for s in Scenario::all() {
                let _ = writeln!(out, "{:>2}  {:<24} {:<7} {}", s.number, s.key, s.level, s.title);
            }
            Ok(ok(out))
        }
        Command::Scenario { action: ScenarioAction::Show { id, json, reference } } => {
            let s = scenario(&id)?;
            if reference {
                return Ok(ok(export(&s.reference())));
            }
            if json {
                return Ok(ok(to_json(s)?));
            }
            Ok(ok(scenario_text(s)))
        }
        Command::Solve { requirements, json, design } => {
            let req = match Scenario::get(&requirements) {
                Some(s) => s.requirements.clone(),
                None if Path::new(&requirements).is_file() => {
                    let text = read(Path::new(&requirements))?;
                    let value: serde_json::Value =
                        serde_json::from_str(&text).map_err(|e| format!("{requirements}: not valid JSON: {e}"))?;
                    // A requirements object, or a scenario file holding one.
                    let inner = value.get("requirements").cloned().unwrap_or(value);
                    serde_json::from_value(inner)
                        .map_err(|e| format!("{requirements}: not a requirements file: {e}"))?
                }
                None => {
                    return Err(format!(
                    "no scenario or requirements file \"{requirements}\"; `cloudwright scenarios` lists the scenarios"
                ))
                }
            };
            let solution = solve(&req);
            if design {
                if !solution.feasible {
                    return Err(format!("nothing fits these requirements: {}", solution.relax.join("; ")));
                }
                return Ok(ok(export(&solution.design)));
            }
            let stdout = if json { to_json(&solution)? } else { solution_text(&solution) };
            Ok(Outcome { stdout, code: u8::from(!solution.feasible) })
        }
        Command::Grade { design, scenario: id, json, min } => {
            let s = scenario(&id)?;
            let imported = open(&design, catalog)?;
            let g = grade(&imported.design, s);
            let below = min.is_some_and(|m| g.score < m);
            let stdout = if json { to_json(&g)? } else { grade_text(&imported.design, s, &g) };
            Ok(Outcome { stdout, code: u8::from(below) })
        }
        Command::Synth { components, seed } => {
            let design = cloudwright_core::synth::design(components as usize, seed);
            Ok(Outcome { stdout: export(&design), code: 0 })
        }
        Command::Export { format, file, policy } => {
            use cloudwright_core::exports::{self, Format};
            let Some(format) = Format::from_key(&format) else {
                let keys: Vec<&str> = Format::ALL.iter().map(|f| f.key()).collect();
                return Err(format!("unknown export format \"{format}\"; use one of: {}", keys.join(", ")));
            };
            let design = open(&file, catalog)?.design;
            Ok(ok(exports::write(format, &design, catalog, &policy_of(&policy)?)))
        }
        Command::Layout { file } => {
            let mut design = open(&file, catalog)?.design;
            if let Some(cmd) = cloudwright_core::layout::auto_layout(&design) {
                cmd.apply(&mut design).map_err(|e| format!("{}: cannot lay out: {e}", display(&file)))?;
            }
            Ok(ok(export(&design)))
        }
        Command::Fmt { file, check, repair } => {
            let text = read(&file)?;
            let imported = import(&text, catalog).map_err(|e| format!("{}: {e}", display(&file)))?;
            if imported.changed() && !repair {
                let list: Vec<String> = imported
                    .repairs
                    .iter()
                    .filter(|d| d.code == REPAIRED)
                    .map(|d| format!("  {}", d.message))
                    .collect();
                return Err(format!(
                    "{} needs repairs, so rewriting it would change more than its layout:\n{}\nRun again with --repair to write the repaired design.",
                    display(&file),
                    list.join("\n")
                ));
            }
            let canonical = export(&imported.design);
            if check {
                let same = canonical == text;
                let stdout =
                    if same { String::new() } else { format!("{} is not in canonical form\n", display(&file)) };
                return Ok(Outcome { stdout, code: u8::from(!same) });
            }
            if is_stdin(&file) {
                return Ok(ok(canonical));
            }
            if canonical != text {
                std::fs::write(&file, canonical).map_err(|e| format!("{}: cannot write: {e}", display(&file)))?;
            }
            Ok(ok(String::new()))
        }
    }
}

/// A policy tier by name, or a policy JSON file.
fn policy_of(policy: &str) -> Result<Policy, String> {
    match Policy::tier(policy) {
        Some(p) => Ok(p),
        None if Path::new(policy).is_file() => Policy::parse(&read(Path::new(policy))?),
        None => Err(format!("no policy tier or file \"{policy}\"; tiers: {}", Policy::tiers().join(", "))),
    }
}

fn ok(stdout: String) -> Outcome {
    Outcome { stdout, code: 0 }
}

fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, String> {
    serde_json::to_string_pretty(v).map(|s| s + "\n").map_err(|e| format!("cannot write JSON: {e}"))
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn display(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Reads a design file as text, refusing what is too big or not UTF-8 before parsing.
fn read(path: &Path) -> Result<String, String> {
    let name = display(path);
    let mut bytes = Vec::new();
    let limit = MAX_FILE_BYTES as u64 + 1;
    let result = if is_stdin(path) {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot open: {}", io_reason(&e)))?;
        file.take(limit).read_to_end(&mut bytes)
    };
    result.map_err(|e| format!("{name}: cannot read: {}", io_reason(&e)))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{name}: the file is over {} MB; Cloudwright opens designs up to that size",
            MAX_FILE_BYTES / 1_048_576
        ));
    }
    String::from_utf8(bytes).map_err(|e| format!("{name}: not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        _ => e.to_string(),
    }
}

fn open(path: &Path, catalog: &Catalog) -> Result<Imported, String> {
    let text = read(path)?;
    import(&text, catalog).map_err(|e| format!("{}: {e}", display(path)))
}

fn line(d: &Diagnostic) -> String {
    match &d.item {
        Some(item) => format!("{}[{}] {}: {}", d.severity, d.code, item, d.message),
        None => format!("{}[{}] {}", d.severity, d.code, d.message),
    }
}

fn catalog_table(catalog: &Catalog) -> String {
    let mut s =
        format!("Cloudwright catalog v{} ({}), {} kinds\n\n", catalog.version, catalog.as_of, catalog.kinds.len());
    let _ = writeln!(s, "{:<22} {:<28} {:<14} PROPERTIES", "KIND", "NAME", "CATEGORY");
    for k in &catalog.kinds {
        let category = catalog.category(k.category).map_or("", |c| c.name.as_str());
        let props: Vec<&str> = k.properties.iter().map(|p| p.key.as_str()).collect();
        let _ = writeln!(s, "{:<22} {:<28} {:<14} {}", k.kind, k.name, category, props.join(", "));
    }
    s
}

fn kind_table(catalog: &Catalog, k: &cloudwright_core::KindSpec) -> String {
    let category = catalog.category(k.category).map_or("", |c| c.name.as_str());
    let mut s = format!("{} ({}) — {}\n{}\n", k.name, k.kind, category, k.description);
    if !k.aliases.is_empty() {
        let _ = writeln!(s, "Also found as: {}", k.aliases.join(", "));
    }
    if k.properties.is_empty() {
        s.push_str("\nNo properties.\n");
        return s;
    }
    let _ = writeln!(s, "\n{:<26} {:<8} {:<60} DEFAULT", "PROPERTY", "TYPE", "VALID VALUES");
    for p in &k.properties {
        let unit = p.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        let (ty, valid) = match &p.ty {
            PropType::Bool => ("yes/no", String::new()),
            PropType::Int { min, max } => ("integer", format!("{min} to {max}{unit}")),
            PropType::Float { min, max } => ("number", format!("{min} to {max}{unit}")),
            PropType::Choice { options } => ("choice", options.join(" | ")),
        };
        let default = p.default.as_ref().map_or_else(|| "derived from workload".to_owned(), |v| format!("{v}{unit}"));
        let _ = writeln!(s, "{:<26} {:<8} {:<60} {}", p.key, ty, valid, default);
    }
    s
}

/// A quantity with no more decimals than it needs (at most 4).
fn quantity(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// A unit price in full: `$0.0225`, `$0.0000166667`, `$3,000.00`.
fn unit_price(v: f64) -> String {
    if v.abs() >= 1.0 {
        return money(v);
    }
    let s = format!("{v:.10}");
    let s = s.trim_end_matches('0');
    let s = if s.ends_with('.') { format!("{s}00") } else { s.to_owned() };
    format!("${s}")
}

fn cost_table(d: &Design, r: &CostReport) -> String {
    let mut s = format!("{} — {} ({}), prices as of {}\n\n", d.name, r.region, r.region_pricing, r.prices_as_of);
    let _ = writeln!(
        s,
        "{:<22} {:<24} {:<44} {:>14} {:<16} {:>14} {:>12}",
        "COMPONENT", "SERVICE", "DESCRIPTION", "QUANTITY", "UNIT", "UNIT PRICE", "MONTHLY"
    );
    for l in &r.lines {
        let mark = if l.derived.is_some() {
            "*"
        } else if l.overridden {
            "!"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "{:<22} {:<24} {:<44} {:>14} {:<16} {:>14} {:>12}{mark}",
            shorten(cloudwright_core::exports::line_label(d, l), 22),
            shorten(&l.service, 24),
            shorten(&l.description, 44),
            quantity(l.quantity),
            l.unit,
            unit_price(l.unit_price),
            money(l.monthly),
        );
    }
    let _ = writeln!(s, "\n{:>140} {:>12}", "Total per month", money(r.total_monthly));
    let _ = writeln!(s, "{:>140} {:>12}", "Total per year", money(r.total_yearly));
    if r.lines.iter().any(|l| l.derived.is_some()) {
        s.push_str("\n* usage derived from the workload:\n");
        let mut seen: Vec<&str> = Vec::new();
        for l in &r.lines {
            if let Some(text) = l.derived.as_deref() {
                if !seen.contains(&text) {
                    seen.push(text);
                    let _ = writeln!(s, "  - {text}");
                }
            }
        }
    }
    if r.lines.iter().any(|l| l.overridden) {
        s.push_str("! unit price overridden in the design\n");
    }
    if !r.by_category.is_empty() {
        s.push_str("\nBy category:\n");
        for c in &r.by_category {
            let _ = writeln!(s, "  {:<20} {:>12}", c.category, money(c.monthly));
        }
    }
    if !r.savings.is_empty() {
        s.push_str("\nPurchase-option savings against on-demand:\n");
        for v in &r.savings {
            let name = d.component(&v.component).map_or(v.component.as_str(), |c| c.label.as_str());
            let _ = writeln!(
                s,
                "  {name}: {} saves {} a month ({} on demand)",
                v.option,
                money(v.saving),
                money(v.on_demand_monthly)
            );
        }
    }
    if !r.scaling.is_empty() {
        s.push_str("\nAutoscaled tiers:\n");
        for v in &r.scaling {
            let name = d.component(&v.component).map_or(v.component.as_str(), |c| c.label.as_str());
            let _ = writeln!(
                s,
                "  {name}: {} at baseline ({}), {} at peak ({}); estimate {}",
                v.baseline_count,
                money(v.baseline_monthly),
                v.peak_count,
                money(v.peak_monthly),
                money(v.estimate_monthly)
            );
        }
    }
    s.push_str("\nNot counted:\n");
    for line in r.not_counted_lines(d) {
        let _ = writeln!(s, "  - {line}");
    }
    for diag in &r.diagnostics {
        let _ = writeln!(s, "{}", line(diag));
    }
    s
}

fn target(t: Option<f64>) -> String {
    t.map_or_else(|| "–".to_owned(), human)
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "met",
        Verdict::Breached => "BREACHED",
        Verdict::NotTargeted => "not targeted",
    }
}

fn what_if_text(d: &Design, item: &str, o: &Simulation) -> String {
    let mut s = format!("If {item} fails: {}.\n", o.summary());
    let _ = writeln!(s, "Service back within: {}", span_text(o.rto));
    for p in &o.broken_paths {
        let _ = writeln!(s, "  broken: {}", p.text(d));
    }
    for p in &o.intact_paths {
        let _ = writeln!(s, "  intact: {}", p.text(d));
    }
    for line in &o.reasoning {
        let _ = writeln!(s, "  · {line}");
    }
    s
}

fn resilience_table(d: &Design, r: &ResilienceReport) -> String {
    let name = |id: &Option<cloudwright_core::ComponentId>| id.as_ref().map_or("–".to_owned(), |id| d.label_of(id));
    let mut s = format!("{} — resilience against the {} policy\n\n", d.name, r.policy.name);
    let _ = writeln!(
        s,
        "{:<10} {:>14} {:>10} {:<14} {:>14} {:>10} {:<14} {:<22}",
        "DISRUPTION", "RTO", "TARGET", "", "RPO", "TARGET", "", "WEAKEST LINK"
    );
    for e in &r.estimates {
        let t = e.target;
        let _ = writeln!(
            s,
            "{:<10} {:>14} {:>10} {:<14} {:>14} {:>10} {:<14} {:<22}",
            e.disruption.name(),
            span_text(e.rto),
            target(t.map(|t| t[0])),
            verdict_word(e.rto_verdict),
            span_text(e.rpo),
            target(t.map(|t| t[1])),
            verdict_word(e.rpo_verdict),
            name(&e.rto_set_by),
        );
    }
    let a = &r.availability;
    let _ = writeln!(
        s,
        "\nAvailability: {:.4} % ({:.1} nines), about {:.0} min of downtime a month{}",
        a.percent,
        a.nines,
        a.downtime_minutes_per_month,
        if a.assumed.is_empty() { String::new() } else { format!(" ({} SLA(s) assumed)", a.assumed.len()) }
    );
    let _ = writeln!(s, "DR strategy: {} — {}", r.dr_strategy.name(), r.dr_reasoning);
    for e in &r.estimates {
        let _ = writeln!(s, "\n{}:", e.disruption.name());
        for line in &e.reasoning {
            let _ = writeln!(s, "  - {line}");
        }
        if !e.single_points_of_failure.is_empty() {
            let names: Vec<String> = e.single_points_of_failure.iter().map(|id| name(&Some(id.clone()))).collect();
            let _ = writeln!(s, "  single points of failure: {}", names.join(", "));
        }
    }
    for diag in &r.diagnostics {
        let _ = writeln!(s, "{}", line(diag));
    }
    s
}

/// Working day `d` as "week W" (1-based) with the weekday.
fn when(d: u32) -> String {
    const DAYS: [&str; 5] = ["Mon", "Tue", "Wed", "Thu", "Fri"];
    format!("week {} {}", d / 5 + 1, DAYS[(d % 5) as usize])
}

/// A bar over the plan's weeks: `█` work, `▒` old and new side by side, `·` idle.
fn bar(work: &[(u32, u32)], twice: (u32, u32), total_weeks: u32) -> String {
    let overlaps = |(a, b): (u32, u32), w: u32| a < w * 5 + 5 && b > w * 5;
    (0..total_weeks)
        .map(|w| {
            if work.iter().any(|&span| overlaps(span, w)) {
                '█'
            } else if overlaps(twice, w) {
                '▒'
            } else {
                '·'
            }
        })
        .collect()
}

fn plan_text(p: &MigrationPlan) -> String {
    let total = p.total_weeks.ceil() as u32;
    let mut s = format!("{}: {} → {}\n", p.estate, p.from, p.to);
    let _ = writeln!(
        s,
        "{:.1} weeks of a {}-week time box ({}), at most {} at once\n",
        p.total_weeks,
        p.time_box_weeks,
        if p.feasible { "fits" } else { "DOES NOT FIT" },
        p.max_in_parallel
    );
    let week_marks: String = (1..=total).map(|w| char::from_digit(w % 10, 10).unwrap_or('?')).collect();
    let _ = writeln!(s, "{:<44} {week_marks}", "");
    for ph in &p.phases {
        let _ = writeln!(
            s,
            "Phase {} — {} (weeks {}–{}, risk {:?}{})",
            ph.number,
            ph.name,
            ph.start_day / 5 + 1,
            ph.end_day.div_ceil(5).max(ph.start_day / 5 + 1),
            ph.risk,
            if ph.running_twice.is_empty() {
                String::new()
            } else {
                format!(", running twice costs {} a month", money(ph.extra_monthly_cost))
            }
        );
        let task_phase = match ph.kind {
            PhaseKind::Foundations => Some(0),
            PhaseKind::FollowUp => Some(9),
            PhaseKind::Migration => None,
        };
        for t in p.tasks.iter().filter(|t| Some(t.phase) == task_phase) {
            let _ = writeln!(s, "  {:<42} {}", shorten(&t.name, 42), bar(&[(t.start_day, t.end_day)], (0, 0), total));
        }
        for sp in p.services.iter().filter(|sp| ph.kind == PhaseKind::Migration && ph.items.contains(&sp.service)) {
            let prep =
                sp.steps.iter().find(|st| st.kind == StepKind::Prepare).map_or((0, 0), |st| (st.day, st.day + st.days));
            let deploy =
                sp.steps.iter().find(|st| st.kind == StepKind::DeployBeside).map_or(sp.cutover_day, |st| st.day);
            let work = [prep, (deploy, sp.cutover_day + 1)];
            let _ = writeln!(
                s,
                "  {:<42} {}  cut-over {}, retire {}",
                shorten(&format!("{} ({})", sp.service, sp.criticality.name()), 42),
                bar(&work, (deploy, sp.retire_day + 1), total),
                when(sp.cutover_day),
                when(sp.retire_day)
            );
        }
    }
    s.push_str("\n█ work (preparing, shifting traffic)  ▒ old and new running side by side\n");
    if let Some(inf) = &p.infeasible {
        let _ = writeln!(s, "\nOver the time box by {:.1} weeks. To fit:", inf.over_by_weeks);
        for sug in &inf.suggestions {
            let _ = writeln!(s, "  - {sug}");
        }
    }
    for d in &p.diagnostics {
        let _ = writeln!(s, "{}", line(d));
    }
    s
}

fn plan_markdown(p: &MigrationPlan) -> String {
    let mut s = format!("# {}\n\n{} → {}. ", p.estate, p.from, p.to);
    let _ = writeln!(
        s,
        "{:.1} weeks of a {}-week time box{}; at most {} migrations at once.\n",
        p.total_weeks,
        p.time_box_weeks,
        if p.feasible { "" } else { " — **does not fit**" },
        p.max_in_parallel
    );
    s.push_str("| Phase | Weeks | Work | Running twice | Extra cost / month | Risk |\n|---|---|---|---|---|---|\n");
    for ph in &p.phases {
        let _ = writeln!(
            s,
            "| {}. {} | {}–{} | {} | {} | {} | {:?} |",
            ph.number,
            ph.name,
            ph.start_day / 5 + 1,
            ph.end_day.div_ceil(5).max(ph.start_day / 5 + 1),
            ph.items.join(", "),
            if ph.running_twice.is_empty() { "–".to_owned() } else { ph.running_twice.join(", ") },
            money(ph.extra_monthly_cost),
            ph.risk
        );
    }
    for sp in &p.services {
        let _ = writeln!(s, "\n## {} ({}, phase {})\n", sp.service, sp.criticality.name(), sp.phase);
        let _ = writeln!(s, "Old and new run side by side for {} working days.\n", sp.parallel_run_days);
        s.push_str("| When | Step | Rollback |\n|---|---|---|\n");
        for st in &sp.steps {
            let _ = writeln!(s, "| {} | {} | {} |", when(st.day), st.description, st.rollback);
        }
    }
    if let Some(inf) = &p.infeasible {
        let _ = writeln!(s, "\n**Over the time box by {:.1} weeks.** To fit:\n", inf.over_by_weeks);
        for sug in &inf.suggestions {
            let _ = writeln!(s, "- {sug}");
        }
    }
    s
}

fn scenario(id: &str) -> Result<&'static Scenario, String> {
    Scenario::get(id).ok_or_else(|| {
        let keys: Vec<&str> = Scenario::all().iter().map(|s| s.key.as_str()).collect();
        format!("no scenario \"{id}\"; there are: {}", keys.join(", "))
    })
}

fn bullets(s: &mut String, title: &str, items: impl IntoIterator<Item = String>) {
    let _ = writeln!(s, "\n{title}");
    for i in items {
        let _ = writeln!(s, "  - {i}");
    }
}

fn scenario_text(sc: &Scenario) -> String {
    let r = &sc.requirements;
    let mut s = format!("{}. {} ({})\n\n{}\n", sc.number, sc.title, sc.level, sc.prompt);
    bullets(&mut s, "Questions to ask:", sc.questions.iter().cloned());
    let _ = writeln!(s, "\nThe interviewer answers:\n  {}", sc.answers);
    bullets(&mut s, "What that tells you:", sc.takeaways.iter().cloned());
    let _ = writeln!(
        s,
        "\nRequirements: {} → {} users, {} requests/s (×{} at peak), budget {} a month, {} in operations, {} team(s), {} data{}",
        r.users_now,
        r.users_target,
        r.requests_per_sec,
        r.peak_multiplier,
        money(r.budget_per_month),
        r.ops,
        r.teams,
        r.data,
        r.rto_s.map(|t| format!(", RTO {}", human(t))).unwrap_or_default()
    );
    bullets(&mut s, "The reference solution:", sc.reasons.iter().map(|x| format!("{}: {}", x.part, x.why)));
    bullets(&mut s, "Alternatives not chosen:", sc.rejected.iter().map(|x| format!("{}: {}", x.alternative, x.why)));
    bullets(&mut s, "What the interviewer expects:", sc.expects.iter().cloned());
    s
}

fn solution_text(sol: &Solution) -> String {
    let mut s = String::new();
    if !sol.feasible {
        let _ = writeln!(s, "Nothing among {} candidates meets every requirement. To make it fit:", sol.candidates);
        for r in &sol.relax {
            let _ = writeln!(s, "  - {r}");
        }
        return s;
    }
    if let Some(g) = &sol.grade {
        let _ = writeln!(
            s,
            "Proposal ({} candidates searched): {} a month, score {}/100\n",
            sol.candidates,
            money(g.cost_monthly),
            g.score
        );
    }
    for c in &sol.choices {
        let _ = writeln!(s, "{:<9} {}\n          {}", c.tier, c.chosen, c.reason);
    }
    bullets(&mut s, "Runners-up:", sol.runners_up.iter().map(|r| r.why.clone()));
    let _ = writeln!(s, "\n`cloudwright solve … --design > proposal.json` writes the design to open in Cloudwright.");
    s
}

fn grade_text(d: &Design, sc: &Scenario, g: &Grade) -> String {
    let mut s = format!(
        "{} against “{}”: {}/100{}\n",
        d.name,
        sc.title,
        g.score,
        if g.must_haves_met { "" } else { " (a must-have is missed)" }
    );
    let _ = writeln!(
        s,
        "Costs {} a month; needs {:.1} people in operations (of {}).",
        money(g.cost_monthly),
        g.ops_load,
        sc.requirements.ops
    );
    if g.findings.is_empty() {
        s.push_str("No findings: it meets the requirements.\n");
    }
    for f in &g.findings {
        let names: Vec<&str> =
            f.components.iter().map(|id| d.component(id).map_or(id.as_str(), |c| c.label.as_str())).collect();
        let at = if names.is_empty() { String::new() } else { format!(" [{}]", names.join(", ")) };
        let _ = writeln!(
            s,
            "  -{:>2} {}{} {}{at}",
            f.points,
            f.code,
            if f.must_have { " (must-have)" } else { "" },
            f.message
        );
    }
    s
}
