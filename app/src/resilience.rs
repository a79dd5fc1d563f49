//! The resilience panel and its marks on the canvas: RTO and RPO per
//! disruption against the chosen policy, availability, the weakest link and
//! the single points of failure; and the what-if mode, where a click on a
//! component, an AZ frame or a Region frame fails it and the canvas greys out
//! what breaks. Every figure is the core's (`resilience::assess`, `simulate`).

use cloudwright_core::protocol::{Digest, Request, Response};
use cloudwright_core::resilience::{span_text, Failure, Simulation, UserPath, Verdict, WHOLE_REGION};
use cloudwright_core::{ComponentId, ContainerKind, ItemRef, LinkId};
use leptos::prelude::*;
use leptos::reactive::effect::ImmediateEffect;

use crate::editor::{use_editor, Editor};
use crate::worker::{answer_into, ask_into, start_on_page, Answer};

/// The largest design whose resilience figures are computed on the page, in
/// the edit's own task, once the analysis module runs there. Beyond it the
/// worker answers, so the main thread stays free; see docs/architecture.md
/// for the timings behind the figure.
const ON_PAGE_LIMIT: usize = 400;

/// The resilience analysis shared by the panel, the canvas and the exports.
/// The figures come from the analysis module (see `crate::worker`: on the
/// page for a small design, else in the worker), asked again whenever the
/// design settles or the policy changes while the panel is open.
#[derive(Clone, Copy)]
pub struct Resilience {
    /// A built-in policy tier key (`critical`, …).
    pub policy: RwSignal<String>,
    pub digest: RwSignal<Answer<Digest>>,
    /// The panel is open: the canvas marks the weakest link and the single points of failure.
    pub shown: RwSignal<bool>,
    /// What-if mode: a click on the canvas fails what it lands on.
    pub armed: RwSignal<bool>,
    /// The id of what fails in the what-if, or [`WHOLE_REGION`].
    pub failing: RwSignal<Option<String>>,
    pub outcome: RwSignal<Answer<Simulation>>,
}

impl Resilience {
    pub fn new(editor: Editor) -> Self {
        let r = Resilience {
            policy: RwSignal::new("critical".to_owned()),
            digest: RwSignal::new(None),
            shown: RwSignal::new(false),
            armed: RwSignal::new(false),
            failing: RwSignal::new(None),
            outcome: RwSignal::new(None),
        };
        // The design as file text, once it settles (not on every drag move).
        let file = editor.settled(cloudwright_core::export);
        let turns = (StoredValue::new(0u32), StoredValue::new(0u32));
        // Immediate, not scheduled: the figures are asked for inside the
        // edit's own task. A small design is assessed right here on the page
        // (a few milliseconds), so its figures are in the frame that shows the
        // edit; a larger one goes to the worker, which assesses while the
        // main thread redraws the canvas and re-prices the design.
        let small = move || editor.design.with_untracked(|d| d.components.len()) <= ON_PAGE_LIMIT;
        let assess = move |design: String| {
            let request = Request::Assess { design, policy: r.policy.get() };
            let pick = |a| match a {
                Response::Resilience(d) => Some(d),
                _ => None,
            };
            if small() {
                answer_into(request, turns.0, r.digest, pick);
            } else {
                ask_into(request, turns.0, r.digest, pick);
            }
        };
        ImmediateEffect::new_scoped(move || {
            if r.shown.get() {
                assess(file.get());
            }
        });
        // The first panel opened starts the module on the page. Once it runs,
        // it assesses the design a few times over, untracked: the engine
        // compiles the hot paths fully, so the first edits after are as
        // quick as the rest (the cold first call takes about three times as long).
        Effect::new(move |_| {
            if r.shown.get() {
                start_on_page(move || {
                    for _ in 0..3 {
                        // A larger design goes to the worker: nothing to warm up here.
                        if r.shown.get_untracked() && small() {
                            assess(file.get_untracked());
                        }
                    }
                });
            }
        });
        Effect::new(move |_| match r.failing.get() {
            Some(item) if r.shown.get() => {
                ask_into(Request::WhatIf { design: file.get(), item }, turns.1, r.outcome, |a| match a {
                    Response::WhatIf(s) => Some(s),
                    _ => None,
                });
            }
            _ => {
                turns.1.update_value(|t| *t = t.wrapping_add(1));
                r.outcome.set(None);
            }
        });
        r
    }

    /// In what-if mode, fails what a canvas press landed on (a component or a
    /// frame's header). Returns whether the press was taken.
    pub fn press(&self, editor: Editor, item: Option<ItemRef>) -> bool {
        if !self.armed.get_untracked() {
            return false;
        }
        let Some(item) = item else { return false };
        let id = match &item {
            ItemRef::Component(id) => id.to_string(),
            ItemRef::Container(id) => id.to_string(),
            ItemRef::Link(_) => return false,
        };
        let failable = editor.design.with_untracked(|d| Failure::of_item(d, &id).is_some());
        if failable {
            self.failing.set(Some(id));
        } else {
            editor.notice.set(Some("Only a component, an AZ frame or a Region frame can fail".into()));
        }
        true
    }
}

/// The shared analysis.
pub fn use_resilience() -> Resilience {
    // Provided by `App` before any view that reads it.
    #[allow(clippy::expect_used)]
    use_context::<Resilience>().expect("App provides the resilience analysis")
}

fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "met",
        Verdict::Breached => "breached",
        Verdict::NotTargeted => "no target",
    }
}

/// The panel: policy, RTO/RPO matrix, availability, weakest link, single
/// points of failure and the what-if.
#[component]
pub fn ResiliencePanel() -> impl IntoView {
    let editor = use_editor();
    let r = use_resilience();
    r.shown.set(true);
    // Escape leaves what-if mode (the failure shown stays until cleared).
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && r.armed.get_untracked() {
            r.armed.set(false);
        }
    });
    on_cleanup(move || {
        escape.remove();
        r.shown.set(false);
        r.armed.set(false);
    });
    let select = move |id: ComponentId| editor.selection.set(vec![ItemRef::Component(id)]);
    // The tiers come with the first answer (the policies are the worker's data).
    let tiers = Memo::new(move |last: Option<&Vec<(String, String)>>| {
        r.digest.with(|d| match d {
            Some(Ok(d)) => d.tiers.clone(),
            _ => last.cloned().unwrap_or_else(|| vec![(r.policy.get_untracked(), r.policy.get_untracked())]),
        })
    });
    // Everything that can fail, for the keyboard and for frames hidden under others.
    let failables = Memo::new(move |_| {
        editor.design.with(|d| {
            let mut out: Vec<(String, String)> = d
                .containers
                .iter()
                .filter(|g| matches!(g.kind, ContainerKind::AvailabilityZone | ContainerKind::Region))
                .map(|g| (g.id.to_string(), format!("{}: {}", g.kind.name(), g.title())))
                .collect();
            if !d.containers.iter().any(|g| g.kind == ContainerKind::Region) {
                out.push((WHOLE_REGION.to_owned(), format!("Region: {}", d.region)));
            }
            out.extend(d.components.iter().map(|c| (c.id.to_string(), c.label.clone())));
            out
        })
    });
    // Each part of the figures is its own memo, so an edit redraws only what
    // it changed (often one single point of failure more or fewer), not the
    // whole block: the figures are in the frame that shows the edit.
    let part = move |f: fn(&Digest) -> String| {
        Memo::new(move |_| r.digest.with(|d| d.as_ref().and_then(|d| d.as_ref().ok()).map(f).unwrap_or_default()))
    };
    let state = Memo::new(move |_| {
        r.digest.with(|d| match d {
            None => Some(None),
            Some(Err(e)) => Some(Some(e.clone())),
            Some(Ok(_)) => None,
        })
    });
    let rows = Memo::new(move |_| {
        r.digest.with(|d| d.as_ref().and_then(|d| d.as_ref().ok()).map(|d| d.rows.clone()).unwrap_or_default())
    });
    let availability = part(|d| {
        format!(
            "Availability {:.3} % ({:.1} nines): about {:.0} min down a month",
            d.availability_percent, d.nines, d.downtime_minutes_per_month
        )
    });
    let dr = part(|d| format!("Disaster recovery: {}", d.dr_strategy));
    let dr_reasoning = part(|d| d.dr_reasoning.clone());
    // With their labels as they were when the figures came (a rename is an
    // edit, so new figures follow it).
    let name_of = move |id: &ComponentId| editor.design.with_untracked(|d| d.label_of(id));
    let weakest = Memo::new(move |_| {
        r.digest.with(|d| {
            d.as_ref()
                .and_then(|d| d.as_ref().ok())
                .and_then(|d| d.weakest.clone())
                .map(|(id, d)| (name_of(&id), id, d))
        })
    });
    let spofs = Memo::new(move |_| {
        r.digest.with(|d| {
            d.as_ref()
                .and_then(|d| d.as_ref().ok())
                .map(|d| d.single_points_of_failure.iter().map(|id| (id.clone(), name_of(id))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let matrix = move || {
        rows.get()
            .into_iter()
            .map(|row| {
                let key = row.disruption.name().to_ascii_lowercase();
                let cell = |what: &str, value: &str, verdict: Verdict, target: &str| {
                    view! {
                        <td class=format!("verdict-{}", verdict_text(verdict).replace(' ', "-"))
                            data-testid=format!("{what}-{key}") data-verdict=verdict_text(verdict)
                            title=format!("{} ({target})", verdict_text(verdict))>
                            {value.to_owned()}
                            <span class="verdict">{match verdict { Verdict::Met => " ✓", Verdict::Breached => " ✗", Verdict::NotTargeted => "" }}</span>
                        </td>
                    }
                };
                view! {
                    <tr>
                        <th>{row.disruption.name()}</th>
                        {cell("rto", &row.rto, row.rto_verdict, &row.rto_target)}
                        {cell("rpo", &row.rpo, row.rpo_verdict, &row.rpo_target)}
                    </tr>
                }
            })
            .collect_view()
    };
    let figures = move || {
        view! {
            <table class="rto-matrix" data-testid="rto-matrix">
                <thead><tr><th>"Disruption"</th><th>"RTO"</th><th>"RPO"</th></tr></thead>
                <tbody>{matrix}</tbody>
            </table>
            <p class="availability" data-testid="availability">{availability}</p>
            <p class="dr-strategy" data-testid="dr-strategy" title=dr_reasoning>{dr}</p>
            {move || weakest.get().map(|(name, id, d)| {
                view! {
                    <p class="weakest">
                        "Weakest link: "
                        <button class="link-button" data-testid="weakest-link" on:click=move |_| select(id.clone())>{name}</button>
                        {format!(" (sets the {d} recovery)")}
                    </p>
                }
            })}
            <div class="spofs" data-testid="spofs">
                {move || {
                    let spofs = spofs.get();
                    if spofs.is_empty() {
                        view! { <p>"No single points of failure below the Region."</p> }.into_any()
                    } else {
                        view! {
                            <p>"Single points of failure: "
                                {spofs.into_iter().map(|(id, name)| view! {
                                    <button class="link-button" on:click=move |_| select(id.clone())>{name}</button>" "
                                }).collect_view()}
                            </p>
                        }.into_any()
                    }
                }}
            </div>
        }
    };

    view! {
        <h2 class="inspector-title">"Resilience"</h2>
        <label class="field">
            <span class="field-name">"Policy"</span>
            <select data-testid="policy" prop:value=move || r.policy.get() on:change=move |ev| r.policy.set(event_target_value(&ev))>
                {move || tiers.get().into_iter().map(|(k, name)| view! { <option value=k.clone() selected=k == r.policy.get_untracked()>{name}</option> }).collect_view()}
            </select>
        </label>
        <div class="resilience-figures" data-testid="resilience-figures">
            {move || match state.get() {
                Some(None) => view! { <p class="inspector-note">"Assessing…"</p> }.into_any(),
                Some(Some(e)) => view! { <p class="field-error" data-testid="resilience-error">{e}</p> }.into_any(),
                None => figures().into_any(),
            }}
        </div>
        <h3 class="inspector-subtitle">"What if…"</h3>
        <button class="whatif-arm" data-testid="whatif-arm" class:armed=move || r.armed.get() aria-pressed=move || r.armed.get().to_string()
            title="Then click a component, or an AZ or Region frame's header, to fail it"
            on:click=move |_| r.armed.update(|a| *a = !*a)>
            {move || if r.armed.get() { "Click the canvas to fail…" } else { "Fail something" }}
        </button>
        <label class="field">
            <span class="field-name">"Fails"</span>
            <select data-testid="whatif-target" prop:value=move || r.failing.get().unwrap_or_default()
                on:change=move |ev| { let v = event_target_value(&ev); r.failing.set((!v.is_empty()).then_some(v)); }>
                <option value="">"nothing"</option>
                {move || failables.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
            </select>
        </label>
        {move || r.outcome.get().map(|o| match o {
            Err(e) => view! { <p class="field-error" data-testid="whatif-error">{e}</p> }.into_any(),
            Ok(s) => {
                let names = editor.design.with_untracked(|d| {
                    (s.broken_paths.iter().map(|p| p.text(d)).collect::<Vec<_>>(), s.intact_paths.iter().map(|p| p.text(d)).collect::<Vec<_>>())
                });
                view! {
                    <div class="whatif-outcome" data-testid="whatif-outcome" data-continues=s.service_continues.to_string()>
                        <p data-testid="whatif-summary">
                            {format!("{}. Back within {}.", s.summary(), span_text(s.rto))}
                        </p>
                        <ul class="paths">
                            {names.0.into_iter().map(|p| view! { <li class="path-broken" data-testid="path-broken">{p}</li> }).collect_view()}
                            {names.1.into_iter().map(|p| view! { <li class="path-intact" data-testid="path-intact">{p}</li> }).collect_view()}
                        </ul>
                        <ul class="reasoning">{s.reasoning.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        <button data-testid="whatif-clear" on:click=move |_| r.failing.set(None)>"Clear"</button>
                    </div>
                }.into_any()
            }
        })}
    }
}

/// Marks on the canvas while the panel is open: single points of failure
/// outlined, the weakest link, and in a what-if what is down and which links
/// carry broken paths.
#[component]
pub fn ResilienceOverlay() -> impl IntoView {
    let editor = use_editor();
    let r = use_resilience();
    // A memo: an edit that moves no mark (most of them) redraws nothing.
    let marks = Memo::new(move |_| {
        if !r.shown.get() {
            return None;
        }
        let (spofs, weakest) = r.digest.with(|d| match d {
            Some(Ok(d)) => (d.single_points_of_failure.clone(), d.weakest.as_ref().map(|(id, _)| id.clone())),
            _ => (Vec::new(), None),
        });
        let outcome = r.outcome.with(|o| o.as_ref().and_then(|o| o.as_ref().ok()).cloned());
        let failing = r.failing.get();
        let marks = editor.design.with(|d| {
            // One map of boxes, not a search of the design per mark.
            let boxes: std::collections::HashMap<&ComponentId, cloudwright_core::Rect> =
                d.components.iter().filter(|c| !d.is_hidden(c.parent.as_ref())).map(|c| (&c.id, c.rect())).collect();
            let rect = |id: &ComponentId| boxes.get(id).copied();
            let mut out: Vec<(&'static str, String, cloudwright_core::Rect)> = Vec::new();
            for id in &spofs {
                if let Some(b) = rect(id) {
                    out.push(("spof", format!("spof-{id}"), b.inflate(6.0)));
                }
            }
            if let Some(id) = &weakest {
                if let Some(b) = rect(id) {
                    out.push(("weakest", format!("weakest-{id}"), b.inflate(11.0)));
                }
            }
            let mut broken: Vec<(LinkId, (f64, f64, f64, f64))> = Vec::new();
            if let Some(s) = &outcome {
                let frame = failing.as_deref().and_then(|id| Failure::of_item(d, id)).and_then(|f| f.item());
                if let Some(ItemRef::Container(g)) = frame {
                    if let Some(g) = d.container(&g) {
                        out.push(("failed-frame", format!("failed-{}", g.id), g.rect));
                    }
                }
                for id in &s.failed {
                    if let Some(b) = rect(id) {
                        out.push(("failed", format!("failed-{id}"), b));
                    }
                }
                for id in &s.failing_over {
                    if let Some(b) = rect(id) {
                        out.push(("failing-over", format!("failing-over-{id}"), b.inflate(3.0)));
                    }
                }
                // A link is broken when a broken path runs along it and no intact one does.
                let along = |paths: &[UserPath], l: &cloudwright_core::Link| {
                    paths.iter().any(|p| p.components.windows(2).any(|w| w[0] == l.from && w[1] == l.to))
                };
                for l in &d.links {
                    if along(&s.broken_paths, l) && !along(&s.intact_paths, l) {
                        if let (Some(a), Some(b)) = (rect(&l.from), rect(&l.to)) {
                            let (p, q) = a.line_to(&b);
                            broken.push((l.id.clone(), (p.x, p.y, q.x, q.y)));
                        }
                    }
                }
            }
            (out, broken)
        });
        Some(marks)
    });
    move || {
        let marks = marks.get()?;
        Some(view! {
            <g class="resilience-marks" data-testid="resilience-marks">
                {marks.1.into_iter().map(|(id, (x1, y1, x2, y2))| view! {
                    <line class="mark-broken" data-testid=format!("broken-{id}") x1=x1 y1=y1 x2=x2 y2=y2 />
                }).collect_view()}
                {marks.0.into_iter().map(|(class, testid, b)| view! {
                    <rect class=format!("mark mark-{class}") data-testid=testid x=b.x y=b.y width=b.w height=b.h rx="10" />
                }).collect_view()}
            </g>
        })
    }
}
