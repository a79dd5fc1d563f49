//! The questions the app asks its analysis worker, and the answers.
//!
//! The browser app draws, edits and prices; the heavier models (resilience
//! and the what-if, every export, the scenarios, grader and solver, the
//! migration planner) run in a second
//! wasm module inside a Web Worker, fetched the first time a panel needs
//! one. Both sides link this module: the worker calls [`answer_bytes`], the
//! app sends [`Envelope`]s and reads [`Reply`]s. Designs travel as file text
//! (the canonical format), so the worker sees exactly what a saved file holds.
//!
//! Every answer type is small and owned, so the app can read it back without
//! linking the models that produce it. Questions and answers cross as postcard
//! bytes, not JSON: both sides are built from this one module, and reading a
//! format without field names takes a third of the page's code that reading
//! the same answers as JSON did (about 21 kB gzip of the first load).

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::design::Design;
use crate::id::ComponentId;
use crate::resilience::{self, span_text, Disruption, Failure, Policy, ResilienceReport, Simulation, Verdict};
use crate::scenario::{self, Requirements, Scenario};
use crate::{exports, format, migration, share, solver};

/// What the worker says once it listens; the page holds its questions until then.
pub const READY: &str = "ready";

/// A question, numbered so the answer can be matched to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub id: u32,
    pub request: Request,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// The resilience panel's figures against a policy tier.
    Assess { design: String, policy: String },
    /// Fail a component, an AZ frame or a Region frame (`*region`: the design's Region).
    WhatIf { design: String, item: String },
    /// The design in an export format (`exports::Format` key); the report
    /// assesses resilience against the policy tier.
    Export { design: String, format: String, policy: String },
    /// The scenario library.
    Scenarios,
    /// One scenario in full, with its reference design.
    Scenario { key: String },
    /// Grade a design against a scenario, or against edited requirements.
    Grade { design: String, key: String, requirements: Option<Requirements> },
    /// The solver's design for the requirements.
    Solve { requirements: Requirements },
    /// The migration plan of a built-in estate, with the capacity and time box overridden.
    Plan { estate: String, capacity: Option<u32>, weeks: Option<f64> },
    /// A share link's text for a design file (`share::pack`): answered with `Text`.
    Share { design: String },
    /// A share link's design file, unpacked but not yet read (`share::unpack`): answered with `Text`.
    Unshare { link: String },
}

impl Envelope {
    /// The question as the worker reads it.
    pub fn to_bytes(&self) -> Result<Vec<u8>, String> {
        postcard::to_allocvec(self).map_err(|e| e.to_string())
    }
}

/// An answer, with the number of its question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u32,
    pub response: Response,
}

impl Reply {
    /// Reads an answer the worker wrote ([`answer_bytes`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Reply, String> {
        postcard::from_bytes(bytes).map_err(|e| format!("unreadable answer: {e}"))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Externally tagged (serde's default): the app reads it without buffering.
#[serde(rename_all = "snake_case")]
pub enum Response {
    Resilience(Digest),
    WhatIf(Simulation),
    Text(String),
    Scenarios(Vec<ScenarioCard>),
    Scenario(Box<ScenarioBrief>),
    Grade(GradeDigest),
    Solved(Solved),
    Plan(PlanDigest),
    /// The question could not be answered, and why.
    Error(String),
}

/// One row of the RTO/RPO matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixRow {
    pub disruption: Disruption,
    pub rto: String,
    pub rpo: String,
    pub rto_verdict: Verdict,
    pub rpo_verdict: Verdict,
    /// "target 5 min", or "no target".
    pub rto_target: String,
    pub rpo_target: String,
}

/// What the resilience panel shows, from [`ResilienceReport`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    pub policy: String,
    /// The built-in policy tiers to choose from: key and name.
    pub tiers: Vec<(String, String)>,
    pub rows: Vec<MatrixRow>,
    pub availability_percent: f64,
    pub nines: f64,
    pub downtime_minutes_per_month: f64,
    pub dr_strategy: String,
    pub dr_reasoning: String,
    /// The weakest link and the disruption whose recovery it sets.
    pub weakest: Option<(ComponentId, Disruption)>,
    pub single_points_of_failure: Vec<ComponentId>,
}

impl Digest {
    pub fn of(r: &ResilienceReport) -> Digest {
        let target =
            |t: Option<f64>| t.map_or_else(|| "no target".to_owned(), |t| format!("target {}", resilience::human(t)));
        Digest {
            policy: r.policy.name.clone(),
            tiers: Policy::tiers()
                .into_iter()
                .map(|k| (k.to_owned(), Policy::tier(k).map(|p| p.name).unwrap_or_default()))
                .collect(),
            rows: r
                .estimates
                .iter()
                .map(|e| MatrixRow {
                    disruption: e.disruption,
                    rto: span_text(e.rto),
                    rpo: span_text(e.rpo),
                    rto_verdict: e.rto_verdict,
                    rpo_verdict: e.rpo_verdict,
                    rto_target: target(e.target.map(|t| t[0])),
                    rpo_target: target(e.target.map(|t| t[1])),
                })
                .collect(),
            availability_percent: r.availability.percent,
            nines: r.availability.nines,
            downtime_minutes_per_month: r.availability.downtime_minutes_per_month,
            dr_strategy: r.dr_strategy.name().to_owned(),
            dr_reasoning: r.dr_reasoning.clone(),
            weakest: r.weakest_link().map(|(id, d)| (id.clone(), d)),
            single_points_of_failure: r.single_points_of_failure().into_iter().cloned().collect(),
        }
    }
}

/// A scenario in the library list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioCard {
    pub key: String,
    pub number: u32,
    pub title: String,
    pub level: String,
    pub summary: String,
}

/// A scenario for a practice session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioBrief {
    /// Its text and requirements (the reference design comes below, as a file).
    pub scenario: Scenario,
    /// The reference design, as file text.
    pub reference: String,
    /// The reference design drawn (the SVG export).
    pub reference_svg: String,
}

/// One grader finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradeFinding {
    pub code: String,
    pub message: String,
    pub points: u32,
    pub must_have: bool,
    pub components: Vec<ComponentId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradeDigest {
    pub score: u32,
    pub must_haves_met: bool,
    pub findings: Vec<GradeFinding>,
    pub cost_monthly: f64,
}

impl GradeDigest {
    pub fn of(g: &scenario::Grade) -> GradeDigest {
        GradeDigest {
            score: g.score,
            must_haves_met: g.must_haves_met,
            findings: g
                .findings
                .iter()
                .map(|f| GradeFinding {
                    code: f.code.to_owned(),
                    message: f.message.clone(),
                    points: f.points,
                    must_have: f.must_have,
                    components: f.components.clone(),
                })
                .collect(),
            cost_monthly: g.cost_monthly,
        }
    }
}

/// The solver's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Solved {
    pub feasible: bool,
    /// The proposal as file text (empty when nothing fits).
    pub design: String,
    /// "Compute: Fargate — because …", one per decision.
    pub choices: Vec<String>,
    /// When nothing fits: which requirement to relax.
    pub relax: Vec<String>,
    pub score: Option<u32>,
}

/// A migration plan as the app shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanDigest {
    pub estate: String,
    pub feasible: bool,
    pub total_weeks: f64,
    pub time_box_weeks: f64,
    /// Migrations worked on at once, as planned.
    pub capacity: u32,
    pub max_in_parallel: u32,
    /// One line per phase: its name, weeks and what runs twice.
    pub phases: Vec<String>,
    /// What would make an over-long plan fit; errors in the estate.
    pub notes: Vec<String>,
    /// The Gantt-style timeline (`migration::gantt_svg`).
    pub svg: String,
}

fn design_of(text: &str) -> Result<Design, String> {
    format::import(text, Catalog::builtin()).map(|i| i.design).map_err(|e| e.to_string())
}

fn policy_of(key: &str) -> Result<Policy, String> {
    Policy::tier(key).ok_or_else(|| format!("no policy tier \"{key}\"; tiers: {}", Policy::tiers().join(", ")))
}

fn scenario_of(key: &str) -> Result<&'static Scenario, String> {
    Scenario::get(key).ok_or_else(|| format!("no scenario \"{key}\""))
}

fn plan_digest(estate: &str, capacity: Option<u32>, weeks: Option<f64>) -> Result<Response, String> {
    let (estate, mut constraints) =
        migration::builtin_estate(estate).ok_or_else(|| format!("no built-in estate \"{estate}\""))?;
    if let Some(c) = capacity {
        constraints.capacity = c;
    }
    if let Some(w) = weeks {
        constraints.time_box_weeks = w;
    }
    let p = migration::plan(&estate, &constraints);
    let mut notes: Vec<String> = p.infeasible.iter().flat_map(|i| i.suggestions.clone()).collect();
    notes.extend(p.diagnostics.iter().map(|d| d.message.clone()));
    Ok(Response::Plan(PlanDigest {
        estate: p.estate.clone(),
        feasible: p.feasible,
        total_weeks: p.total_weeks,
        time_box_weeks: p.time_box_weeks,
        capacity: constraints.capacity,
        max_in_parallel: p.max_in_parallel,
        phases: p
            .phases
            .iter()
            .map(|ph| {
                let twice = if ph.running_twice.is_empty() {
                    String::new()
                } else {
                    format!("; running twice: {}", ph.running_twice.join(", "))
                };
                format!("{}. {}: {} weeks{twice}", ph.number, ph.name, ph.weeks)
            })
            .collect(),
        notes,
        svg: migration::gantt_svg(&p),
    }))
}

/// Answers one question.
pub fn answer(request: Request) -> Response {
    let result = match request {
        Request::Assess { design, policy } => design_of(&design).and_then(|d| {
            let policy = policy_of(&policy)?;
            Ok(Response::Resilience(Digest::of(&resilience::assess(&d, &policy))))
        }),
        Request::WhatIf { design, item } => design_of(&design).and_then(|d| {
            let failure = Failure::of_item(&d, &item)
                .ok_or_else(|| format!("\"{item}\" is not a component, an AZ frame or a Region frame"))?;
            Ok(Response::WhatIf(resilience::simulate(&d, &failure)))
        }),
        Request::Export { design, format, policy } => design_of(&design).and_then(|d| {
            let format = exports::Format::from_key(&format).ok_or_else(|| format!("no export format \"{format}\""))?;
            Ok(Response::Text(exports::write(format, &d, Catalog::builtin(), &policy_of(&policy)?)))
        }),
        Request::Scenarios => Ok(Response::Scenarios(
            Scenario::all()
                .iter()
                .map(|s| ScenarioCard {
                    key: s.key.clone(),
                    number: s.number,
                    title: s.title.clone(),
                    level: s.level.clone(),
                    summary: s.summary.clone(),
                })
                .collect(),
        )),
        Request::Scenario { key } => scenario_of(&key).map(|s| {
            let reference = s.reference();
            Response::Scenario(Box::new(ScenarioBrief {
                scenario: s.clone(),
                reference: format::export(&reference),
                reference_svg: exports::svg(&reference, Catalog::builtin()),
            }))
        }),
        Request::Grade { design, key, requirements } => design_of(&design).and_then(|d| {
            let req = match requirements {
                Some(r) => r,
                None => scenario_of(&key)?.requirements.clone(),
            };
            Ok(Response::Grade(GradeDigest::of(&scenario::grade_requirements(&d, &req))))
        }),
        Request::Solve { requirements } => {
            let s = solver::solve(&requirements);
            Ok(Response::Solved(Solved {
                feasible: s.feasible,
                design: if s.feasible { format::export(&s.design) } else { String::new() },
                choices: s.choices.iter().map(|c| format!("{}: {} — {}", c.tier, c.chosen, c.reason)).collect(),
                relax: s.relax.clone(),
                score: s.grade.as_ref().map(|g| g.score),
            }))
        }
        Request::Plan { estate, capacity, weeks } => plan_digest(&estate, capacity, weeks),
        Request::Share { design } => Ok(Response::Text(share::pack(&design))),
        Request::Unshare { link } => share::unpack(&link).map(Response::Text),
    };
    result.unwrap_or_else(Response::Error)
}

/// The worker's whole job: an [`Envelope`] in, a [`Reply`] out, as bytes.
/// A question that cannot be read is answered with an error under id 0.
pub fn answer_bytes(question: &[u8]) -> Vec<u8> {
    let reply = match postcard::from_bytes::<Envelope>(question) {
        Ok(e) => Reply { id: e.id, response: answer(e.request) },
        Err(e) => Reply { id: 0, response: Response::Error(format!("unreadable question: {e}")) },
    };
    postcard::to_allocvec(&reply).unwrap_or_else(|e| {
        let why = Reply { id: reply.id, response: Response::Error(format!("the answer cannot be written: {e}")) };
        // An error of a few words always can: should it not, the app reads nothing and says so.
        postcard::to_allocvec(&why).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(request: Request) -> Response {
        let question = Envelope { id: 7, request }.to_bytes().expect("serialises");
        let reply = Reply::from_bytes(&answer_bytes(&question)).expect("a reply");
        assert_eq!(reply.id, 7);
        reply.response
    }

    fn three_tier() -> String {
        crate::examples::EXAMPLES[0].file.to_owned()
    }

    #[test]
    fn the_digest_round_trips_and_matches_the_assessment() {
        let d = design_of(&three_tier()).expect("example");
        let report = resilience::assess(&d, &Policy::tier("critical").expect("tier"));
        let Response::Resilience(digest) = ask(Request::Assess { design: three_tier(), policy: "critical".into() })
        else {
            panic!("not a digest")
        };
        assert_eq!(digest, Digest::of(&report));
        assert_eq!(digest.rows.len(), 4);
        assert_eq!(digest.rows[2].rto, span_text(report.estimate(Disruption::Az).rto));
    }

    #[test]
    fn a_what_if_round_trips() {
        let Response::WhatIf(s) = ask(Request::WhatIf { design: three_tier(), item: "c4".into() }) else {
            panic!("not a what-if")
        };
        assert_eq!(s.failed, vec![ComponentId::new("c4")]);
        // The same simulation as the model's, a broken path's NaN availability included.
        let d = design_of(&three_tier()).expect("example");
        let direct = resilience::simulate(&d, &Failure::of_item(&d, "c4").expect("a component"));
        assert!(!direct.broken_paths.is_empty() && direct.broken_paths.iter().all(|p| p.availability.is_nan()));
        let paths = |s: &Simulation| {
            [&s.broken_paths, &s.intact_paths]
                .map(|ps| ps.iter().map(|p| (p.components.clone(), p.availability.to_bits())).collect::<Vec<_>>())
        };
        assert_eq!(paths(&s), paths(&direct));
        let rest = |s: &Simulation| {
            (s.failing_over.clone(), s.service_continues, s.data_at_risk.clone(), s.rto, s.reasoning.clone())
        };
        assert_eq!(rest(&s), rest(&direct));
        assert!(ask(Request::WhatIf { design: three_tier(), item: "g3".into() }) != Response::Text(String::new()));
        assert!(matches!(ask(Request::WhatIf { design: three_tier(), item: "nope".into() }), Response::Error(_)));
    }

    #[test]
    fn exports_are_the_cores() {
        let d = design_of(&three_tier()).expect("example");
        let ask_for = |format: &str| {
            ask(Request::Export { design: three_tier(), format: format.into(), policy: "critical".into() })
        };
        for f in exports::Format::ALL {
            let expected = exports::write(f, &d, Catalog::builtin(), &Policy::tier("critical").expect("tier"));
            assert_eq!(ask_for(f.key()), Response::Text(expected), "{}", f.key());
        }
        assert!(matches!(ask_for("pdf"), Response::Error(_)));
    }

    #[test]
    fn share_links_are_made_and_unpacked_by_the_worker() {
        let Response::Text(link) = ask(Request::Share { design: three_tier() }) else { panic!("no link") };
        assert_eq!(share::decode(&link).expect("a link").design, design_of(&three_tier()).expect("example"));
        assert_eq!(ask(Request::Unshare { link: format!("#d={link}") }), Response::Text(three_tier()));
        assert_eq!(
            ask(Request::Unshare { link: "AAAA".into() }),
            Response::Error("the link is damaged: its design cannot be unpacked".into())
        );
    }

    #[test]
    fn bad_questions_get_errors_not_panics() {
        for garbage in [&b""[..], b"{", &[0xff; 40], &[7, 99, 1, 2]] {
            let reply = Reply::from_bytes(&answer_bytes(garbage)).expect("an answer");
            assert_eq!(reply.id, 0);
            assert!(matches!(&reply.response, Response::Error(e) if e.starts_with("unreadable question")), "{reply:?}");
        }
        assert!(Reply::from_bytes(b"").is_err());
        assert!(Reply::from_bytes(&[0xff; 3]).is_err());
        assert!(matches!(ask(Request::Assess { design: "{".into(), policy: "critical".into() }), Response::Error(_)));
        assert!(matches!(ask(Request::Assess { design: three_tier(), policy: "gold".into() }), Response::Error(_)));
        assert!(matches!(ask(Request::Scenario { key: "nope".into() }), Response::Error(_)));
    }

    #[test]
    fn a_practice_session_round_trips() {
        let Response::Scenarios(list) = ask(Request::Scenarios) else { panic!("no list") };
        assert_eq!(list.len(), Scenario::all().len());
        let Response::Scenario(brief) = ask(Request::Scenario { key: "fargate-startup".into() }) else {
            panic!("no scenario")
        };
        let original = Scenario::get("fargate-startup").expect("a scenario");
        assert_eq!(brief.scenario.requirements, original.requirements);
        assert_eq!((&brief.scenario.title, &brief.scenario.hints), (&original.title, &original.hints));
        assert_eq!(brief.reference, format::export(&original.reference()));
        // Edited requirements travel with the question.
        let mut stricter = original.requirements.clone();
        stricter.budget_per_month = 1.0;
        let Response::Grade(strict) = ask(Request::Grade {
            design: brief.reference.clone(),
            key: brief.scenario.key.clone(),
            requirements: Some(stricter),
        }) else {
            panic!("no grade")
        };
        let Response::Grade(g) = ask(Request::Grade {
            design: brief.reference.clone(),
            key: brief.scenario.key.clone(),
            requirements: None,
        }) else {
            panic!("no grade")
        };
        assert!(g.score >= 90, "the reference scores {}", g.score);
        assert!(strict.score < g.score, "a $1 budget scores {} against {}", strict.score, g.score);
        let Response::Solved(s) = ask(Request::Solve { requirements: brief.scenario.requirements.clone() }) else {
            panic!("no solution")
        };
        assert!(s.feasible && !s.design.is_empty());
    }
}
