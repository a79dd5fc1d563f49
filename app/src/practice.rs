//! Practice mode: a mock system-design interview. Pick a scenario, read the
//! prompt, reveal the questions to ask and the interviewer's answers, keep to
//! the clock's phases, draw an answer, have it graded, then compare it with
//! the reference solution or let the solver propose one for (edited)
//! requirements. Scenarios, grader and solver run in the analysis worker.

use cloudwright_core::protocol::{GradeDigest, PlanDigest, Request, Response, ScenarioBrief, ScenarioCard, Solved};
use cloudwright_core::scenario::{phase_at, Requirements, INTERVIEW_PHASES};
use cloudwright_core::{export, import, Catalog, Design, ItemRef};
use leptos::prelude::*;

use crate::editor::{use_editor, Editor};
use crate::worker::{ask_into, Answer};

/// The session, kept while the user switches tabs.
#[derive(Clone, Copy)]
pub struct Practice {
    cards: RwSignal<Answer<Vec<ScenarioCard>>>,
    brief: RwSignal<Answer<Box<ScenarioBrief>>>,
    /// How many of the questions are showing.
    revealed: RwSignal<usize>,
    answers: RwSignal<bool>,
    /// When the clock started (ms since the epoch), and the latest tick.
    started: RwSignal<Option<f64>>,
    now: RwSignal<f64>,
    ticking: StoredValue<bool>,
    grade: RwSignal<Answer<GradeDigest>>,
    solution: RwSignal<bool>,
    /// The requirements as the user edited them for the solver and the grade.
    requirements: RwSignal<Option<Requirements>>,
    solved: RwSignal<Answer<Solved>>,
    /// Questions asked for the brief, the grade and the solution, so a late
    /// answer to an older one is dropped.
    turns: [StoredValue<u32>; 3],
}

impl Practice {
    pub fn new() -> Self {
        Practice {
            cards: RwSignal::new(None),
            brief: RwSignal::new(None),
            revealed: RwSignal::new(0),
            answers: RwSignal::new(false),
            started: RwSignal::new(None),
            now: RwSignal::new(0.0),
            ticking: StoredValue::new(false),
            grade: RwSignal::new(None),
            solution: RwSignal::new(false),
            requirements: RwSignal::new(None),
            solved: RwSignal::new(None),
            turns: [StoredValue::new(0); 3],
        }
    }

    fn pick(&self, key: String) {
        let p = *self;
        p.brief.set(None);
        p.revealed.set(0);
        p.answers.set(false);
        p.started.set(None);
        p.grade.set(None);
        p.solution.set(false);
        p.solved.set(None);
        p.requirements.set(None);
        ask_into(Request::Scenario { key }, p.turns[0], p.brief, move |a| match a {
            Response::Scenario(b) => {
                p.requirements.try_set(Some(b.scenario.requirements.clone()));
                Some(b)
            }
            _ => None,
        });
    }

    fn start_clock(&self) {
        let p = *self;
        let t = js_sys::Date::now();
        p.now.set(t);
        p.started.set(Some(t));
        if !p.ticking.get_value() {
            p.ticking.set_value(true);
            set_interval(
                move || {
                    if p.started.get_untracked().is_some() {
                        p.now.set(js_sys::Date::now());
                    }
                },
                std::time::Duration::from_secs(1),
            );
        }
    }
}

impl Default for Practice {
    fn default() -> Self {
        Self::new()
    }
}

fn use_practice() -> Practice {
    // Provided by `App` before any view that reads it.
    #[allow(clippy::expect_used)]
    use_context::<Practice>().expect("App provides the practice session")
}

/// Opens `design` as a new design in the library (the open one stays there).
fn open_as_new(editor: Editor, design: Design) {
    if let Err(e) = crate::library::add_and_open(editor, design) {
        editor.notice.set(Some(format!("Cannot open it: {e}")));
    }
}

/// The reference design as an image: the core's SVG export (drawn by the
/// worker), shown in an `<img>` so nothing in it can run or clash with the page.
fn picture(svg: &str) -> String {
    format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(svg)))
}

/// The practice tab.
#[component]
pub fn PracticePanel() -> impl IntoView {
    let p = use_practice();
    if p.cards.with_untracked(Option::is_none) {
        // Asked once: the library does not change.
        ask_into(Request::Scenarios, StoredValue::new(0), p.cards, |a| match a {
            Response::Scenarios(list) => Some(list),
            _ => None,
        });
    }
    move || match p.brief.get() {
        None if p.cards.with(Option::is_some) => view! { <ScenarioList /> }.into_any(),
        None => view! { <p class="inspector-note">"Loading…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="field-error">{e}</p> }.into_any(),
        Some(Ok(b)) => view! { <Session brief=b /> }.into_any(),
    }
}

#[component]
fn ScenarioList() -> impl IntoView {
    let p = use_practice();
    view! {
        <h2 class="inspector-title">"Practice"</h2>
        <p class="inspector-note">"A mock system-design interview: pick a scenario."</p>
        {move || match p.cards.get() {
            Some(Ok(cards)) => view! {
                <ul class="scenario-list">
                    {cards.into_iter().map(|c| {
                        let key = c.key.clone();
                        view! {
                            <li>
                                <button class="scenario-card" data-testid=format!("scenario-{}", c.key) on:click=move |_| p.pick(key.clone())>
                                    <strong>{format!("{}. {}", c.number, c.title)}</strong>
                                    <span class="scenario-level">{c.level}</span>
                                    <span class="scenario-summary">{c.summary}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
            Some(Err(e)) => view! { <p class="field-error">{e}</p> }.into_any(),
            None => ().into_any(),
        }}
    }
}

/// The clock: elapsed time and the phase with what to do in it.
#[component]
fn Clock() -> impl IntoView {
    let p = use_practice();
    let minutes = move || p.started.get().map(|t| ((p.now.get() - t) / 60_000.0).max(0.0));
    let total = INTERVIEW_PHASES[INTERVIEW_PHASES.len() - 1].ends_at_min;
    view! {
        <div class="clock" data-testid="practice-clock">
            {move || match minutes() {
                None => view! {
                    <button data-testid="timer-start" on:click=move |_| p.start_clock()>{format!("Start the {total}-minute clock")}</button>
                }.into_any(),
                Some(m) => {
                    let (i, phase) = phase_at(m);
                    let secs = (m * 60.0) as u64;
                    view! {
                        <p class="clock-time">
                            <span data-testid="timer">{format!("{:02}:{:02}", secs / 60, secs % 60)}</span>
                            {format!(" of {total}:00 · phase {} of {}: ", i + 1, INTERVIEW_PHASES.len())}
                            <strong data-testid="phase">{phase.name}</strong>
                            {if m >= f64::from(total) { " (time is up)" } else { "" }}
                        </p>
                        <p class="inspector-note" data-testid="phase-prompt">{phase.prompt}</p>
                        <button data-testid="timer-stop" on:click=move |_| p.started.set(None)>"Stop the clock"</button>
                    }.into_any()
                }
            }}
        </div>
    }
}

/// One number of the requirements, editable.
fn requirement_field(
    p: Practice,
    label: &'static str,
    testid: &'static str,
    get: fn(&Requirements) -> f64,
    set: fn(&mut Requirements, f64),
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-name">{label}</span>
            <input type="text" inputmode="decimal" data-testid=testid
                prop:value=move || p.requirements.with(|r| r.as_ref().map(|r| get(r).to_string()).unwrap_or_default())
                on:change=move |ev| {
                    if let Some(v) = crate::inspector::number(&event_target_value(&ev)) {
                        if v >= 0.0 {
                            p.requirements.update(|r| if let Some(r) = r { set(r, v) });
                        }
                    }
                } />
        </label>
    }
}

#[component]
fn Session(brief: Box<ScenarioBrief>) -> impl IntoView {
    let editor = use_editor();
    let p = use_practice();
    let key = brief.scenario.key.clone();
    let title = brief.scenario.title.clone();
    let questions = brief.scenario.questions.clone();
    let n = questions.len();
    let reference = import(&brief.reference, Catalog::builtin()).map(|i| i.design).ok();
    let picture = reference.as_ref().map(|_| picture(&brief.reference_svg));
    let (answers, takeaways) = (brief.scenario.answers.clone(), brief.scenario.takeaways.clone());
    let (reasons, rejected) = (brief.scenario.reasons.clone(), brief.scenario.rejected.clone());

    let grade_it = {
        let key = key.clone();
        move |_| {
            let design = editor.design.with_untracked(export);
            let edited = p.brief.with_untracked(|b| match b {
                Some(Ok(b)) => p.requirements.with_untracked(|r| r.clone().filter(|r| *r != b.scenario.requirements)),
                _ => None,
            });
            p.grade.set(None);
            ask_into(
                Request::Grade { design, key: key.clone(), requirements: edited },
                p.turns[1],
                p.grade,
                |a| match a {
                    Response::Grade(g) => Some(g),
                    _ => None,
                },
            );
        }
    };
    let solve_it = move |_| {
        let Some(requirements) = p.requirements.get_untracked() else { return };
        p.solved.set(None);
        ask_into(Request::Solve { requirements }, p.turns[2], p.solved, |a| match a {
            Response::Solved(s) => Some(s),
            _ => None,
        });
    };
    let blank = {
        let title = title.clone();
        move |_| {
            let region = editor.design.with_untracked(|d| d.region.clone());
            open_as_new(editor, Design { name: format!("Practice: {title}"), region, ..Design::default() });
        }
    };

    view! {
        <h2 class="inspector-title" data-testid="practice-title">{brief.scenario.title.clone()}</h2>
        <p class="inspector-note">
            {brief.scenario.level.clone()} " · "
            <button class="link-button" data-testid="practice-other" on:click=move |_| p.brief.set(None)>"another scenario"</button>
        </p>
        <Clock />
        <p class="prompt" data-testid="practice-prompt">{brief.scenario.prompt.clone()}</p>

        <h3 class="inspector-subtitle">"Questions to ask"</h3>
        <ol class="questions" data-testid="practice-questions">
            {move || questions.iter().take(p.revealed.get()).map(|q| view! { <li>{q.clone()}</li> }).collect_view()}
        </ol>
        {move || if p.revealed.get() < n {
            view! {
                <button data-testid="reveal-question" on:click=move |_| p.revealed.update(|r| *r += 1)>
                    {format!("Reveal a question ({} of {n})", p.revealed.get() + 1)}
                </button>
            }.into_any()
        } else if !p.answers.get() {
            view! { <button data-testid="reveal-answers" on:click=move |_| p.answers.set(true)>"Show the interviewer's answers"</button> }.into_any()
        } else {
            ().into_any()
        }}
        <Show when=move || p.answers.get()>
            <div class="answers" data-testid="practice-answers">
                <p>{answers.clone()}</p>
                <ul>{takeaways.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
            </div>
        </Show>

        <h3 class="inspector-subtitle">"Your answer"</h3>
        <p class="inspector-note">"Draw it on the canvas. Your current design stays in your designs."</p>
        <div class="button-row">
            <button data-testid="practice-blank" on:click=blank>"Start on a blank canvas"</button>
            <button data-testid="practice-grade" on:click=grade_it>"Grade my design"</button>
        </div>
        {move || p.grade.get().map(|g| match g {
            Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
            Ok(g) => view! {
                <div class="grade" data-testid="practice-grade-result">
                    <p class="score">
                        <span data-testid="practice-score">{g.score}</span>" / 100"
                        {if g.must_haves_met { "" } else { " · a must-have is missing (the score is capped at 50)" }}
                    </p>
                    <ul class="grade-findings">
                        {g.findings.into_iter().map(|f| {
                            let items: Vec<ItemRef> = f.components.iter().cloned().map(ItemRef::Component).collect();
                            view! {
                                <li>
                                    <button class="finding" data-testid="practice-finding" disabled=items.is_empty()
                                        on:click=move |_| editor.selection.set(items.clone())>
                                        <span class="finding-code">{format!("−{} {}", f.points, f.code)}</span>" "{f.message}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }.into_any(),
        })}

        <h3 class="inspector-subtitle">"Solution"</h3>
        <button data-testid="practice-solution" on:click=move |_| p.solution.update(|s| *s = !*s)>
            {move || if p.solution.get() { "Hide the solution" } else { "Show solution" }}
        </button>
        <Show when=move || p.solution.get()>
            <div class="solution" data-testid="practice-reference">
                {picture.clone().map(|src| view! { <img class="reference-picture" alt="The reference design" src=src /> })}
                {reference.clone().map(|d| view! {
                    <button data-testid="practice-open-reference" on:click=move |_| {
                        let mut d = d.clone();
                        d.name = format!("Reference: {}", d.name);
                        open_as_new(editor, d);
                    }>"Open the reference as a design"</button>
                })}
                <h4>"Why it is built this way"</h4>
                <ul data-testid="practice-reasons">
                    {reasons.iter().map(|r| view! { <li><strong>{r.part.clone()}</strong>": "{r.why.clone()}</li> }).collect_view()}
                </ul>
                <h4>"Rejected alternatives"</h4>
                <ul data-testid="practice-rejected">
                    {rejected.iter().map(|r| view! { <li><strong>{r.alternative.clone()}</strong>": "{r.why.clone()}</li> }).collect_view()}
                </ul>
            </div>
        </Show>

        {brief.scenario.requirements.migration_estate.clone().map(|estate| view! { <Migration estate /> })}

        <details class="requirements">
            <summary>"Requirements (edit them, then grade or solve)"</summary>
            {requirement_field(p, "Users (target)", "req-users", |r| r.users_target as f64, |r, v| r.users_target = v.round() as u64)}
            {requirement_field(p, "Requests/s", "req-rps", |r| r.requests_per_sec, |r, v| r.requests_per_sec = v)}
            {requirement_field(p, "Peak ×", "req-peak", |r| r.peak_multiplier, |r, v| r.peak_multiplier = v.max(1.0))}
            {requirement_field(p, "Budget $/month", "req-budget", |r| r.budget_per_month, |r, v| r.budget_per_month = v)}
            {requirement_field(p, "Engineers", "req-team", |r| f64::from(r.team), |r, v| r.team = v.round().min(10_000.0) as u32)}
            {requirement_field(p, "Of them in ops", "req-ops", |r| f64::from(r.ops), |r, v| r.ops = v.round().min(10_000.0) as u32)}
            <button class="link-button" data-testid="req-reset" on:click=move |_| {
                let original = p.brief.with_untracked(|b| b.as_ref().and_then(|b| b.as_ref().ok()).map(|b| b.scenario.requirements.clone()));
                p.requirements.set(original);
            }>"Back to the scenario's requirements"</button>
        </details>
        <button data-testid="practice-solve" on:click=solve_it>"Solve for me"</button>
        {move || p.solved.get().map(|s| match s {
            Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
            Ok(s) => {
                let design = (!s.design.is_empty()).then(|| import(&s.design, Catalog::builtin()).map(|i| i.design).ok()).flatten();
                view! {
                    <div class="solved" data-testid="practice-solved">
                        <p>{if s.feasible { format!("A design that fits{}", s.score.map(|g| format!(", graded {g} / 100")).unwrap_or_default()) } else { "Nothing fits these requirements.".to_owned() }}</p>
                        <ul>{s.choices.into_iter().chain(s.relax).map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                        {design.map(|d| view! {
                            <button data-testid="practice-open-solved" on:click=move |_| open_as_new(editor, d.clone())>"Open the proposal as a design"</button>
                        })}
                    </div>
                }.into_any()
            }
        })}
    }
}

/// The migration plan of the scenario's estate: a Gantt-style timeline (from
/// the core, drawn by the worker) in a wide sheet, with the capacity and the
/// time box editable.
#[component]
fn Migration(estate: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let capacity = RwSignal::new(None::<u32>);
    let weeks = RwSignal::new(None::<f64>);
    let plan: RwSignal<Answer<PlanDigest>> = RwSignal::new(None);
    let turn = StoredValue::new(0u32);
    Effect::new(move |_| {
        if open.get() {
            let request = Request::Plan { estate: estate.clone(), capacity: capacity.get(), weeks: weeks.get() };
            ask_into(request, turn, plan, |a| match a {
                Response::Plan(p) => Some(p),
                _ => None,
            });
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    });
    on_cleanup(move || escape.remove());
    let number = |text: String| crate::inspector::number(&text).filter(|v| *v > 0.0);
    view! {
        <h3 class="inspector-subtitle">"Migration"</h3>
        <button data-testid="practice-migration" on:click=move |_| open.set(true)>"Plan the migration"</button>
        <Show when=move || open.get()>
            <div class="sheet-backdrop" on:click=move |_| open.set(false)>
                <div class="sheet wide" role="dialog" aria-label="Migration plan" data-testid="migration-sheet" on:click=|ev| ev.stop_propagation()>
                    {move || match plan.get() {
                        None => view! { <p class="inspector-note">"Planning…"</p> }.into_any(),
                        Some(Err(e)) => view! { <p class="field-error">{e}</p> }.into_any(),
                        Some(Ok(p)) => view! {
                            <h2>{format!("Migration plan: {}", p.estate)}</h2>
                            <div class="button-row">
                                <label class="field">
                                    <span class="field-name">"In parallel"</span>
                                    <input type="number" min="1" max="50" data-testid="migration-capacity" prop:value=p.capacity.to_string()
                                        on:change=move |ev| capacity.set(number(event_target_value(&ev)).map(|v| v.round().min(50.0) as u32)) />
                                </label>
                                <label class="field">
                                    <span class="field-name">"Time box (weeks)"</span>
                                    <input type="number" min="1" max="520" data-testid="migration-weeks" prop:value=p.time_box_weeks.to_string()
                                        on:change=move |ev| weeks.set(number(event_target_value(&ev)).map(|v| v.min(520.0))) />
                                </label>
                            </div>
                            <p data-testid="migration-summary" data-feasible=p.feasible.to_string()>
                                {format!("{} weeks of a {}-week time box{}; at most {} migrations at once.",
                                    p.total_weeks, p.time_box_weeks, if p.feasible { "" } else { ": it does not fit" }, p.max_in_parallel)}
                            </p>
                            <div class="gantt"><img data-testid="migration-gantt" alt="The migration timeline" src=picture(&p.svg) /></div>
                            <ul>{p.phases.into_iter().chain(p.notes).map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                            <button data-testid="migration-close" on:click=move |_| open.set(false)>"Close"</button>
                        }.into_any(),
                    }}
                </div>
            </div>
        </Show>
    }
}
