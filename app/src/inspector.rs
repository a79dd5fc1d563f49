//! The inspector: the selection's properties as typed controls from the
//! catalog. Invalid values are refused inline with the reason; every change
//! is one undoable command. With nothing selected, it edits the design itself.

use cloudwright_core::cost::{format_usd, PriceBook};
use cloudwright_core::{
    Catalog, Command, ComponentId, ContainerId, ItemRef, LinkId, LinkMode, PropType, PropValue, PropertySpec, Workload,
};
use leptos::prelude::*;

use crate::editor::{use_editor, Editor};

/// A number typed into a field, read as the browser reads one (JavaScript's unary
/// `+`, i.e. `Number(text)`, surrounding spaces allowed): `None` when blank, not a
/// number or not finite. Rust's own `f64` parser would add its tables to the page
/// (14 kB gzip) for the same job.
pub(crate) fn number(text: &str) -> Option<f64> {
    if text.trim().is_empty() {
        return None;
    }
    Some(wasm_bindgen::JsValue::from_str(text).unchecked_into_f64()).filter(|v| v.is_finite())
}

/// The inspector sidebar.
#[component]
pub fn Inspector() -> impl IntoView {
    let editor = use_editor();
    let selection = Memo::new(move |_| editor.selection.get());
    let tab = RwSignal::new(Tab::Inspect);
    let tab_button = move |t: Tab, name: &'static str, testid: &'static str| {
        view! {
            <button role="tab" data-testid=testid class:active=move || tab.get() == t aria-selected=move || (tab.get() == t).to_string()
                on:click=move |_| tab.set(t)>{name}</button>
        }
    };
    view! {
        <aside class="inspector" data-testid="inspector">
            <div class="tabs" role="tablist">
                {tab_button(Tab::Inspect, "Inspect", "tab-inspect")}
                {tab_button(Tab::Resilience, "Resilience", "tab-resilience")}
                {tab_button(Tab::Practice, "Practice", "tab-practice")}
            </div>
            {move || match tab.get() {
                Tab::Resilience => view! { <crate::resilience::ResiliencePanel /> }.into_any(),
                Tab::Practice => view! { <crate::practice::PracticePanel /> }.into_any(),
                Tab::Inspect => match selection.get().as_slice() {
                    [] => view! { <DesignPanel /> }.into_any(),
                    [ItemRef::Component(id)] => view! { <ComponentPanel id=id.clone() /> }.into_any(),
                    [ItemRef::Link(id)] => view! { <LinkPanel id=id.clone() /> }.into_any(),
                    [ItemRef::Container(id)] => view! { <ContainerPanel id=id.clone() /> }.into_any(),
                    many => view! { <p class="inspector-note">{format!("{} items selected", many.len())}</p> }.into_any(),
                },
            }}
        </aside>
    }
}

/// The inspector's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Inspect,
    Resilience,
    Practice,
}

/// Parses what was typed into a value for `spec`, or says why not.
fn parse(spec: &PropertySpec, text: &str) -> Result<Option<PropValue>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value = match &spec.ty {
        PropType::Bool => PropValue::Bool(text == "true"),
        PropType::Choice { .. } => PropValue::Text(text.to_owned()),
        PropType::Int { .. } | PropType::Float { .. } => match number(text) {
            Some(v) => PropValue::Float(v),
            None => return Err(format!("{} expects a number", spec.label)),
        },
    };
    let unit = spec.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    spec.check(&value).map(Some).map_err(|e| format!("{} {e}{unit}", spec.label))
}

fn text_of(v: &PropValue) -> String {
    match v {
        PropValue::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string().replace("yes", "true").replace("no", "false"),
    }
}

/// One property's control, with its inline error.
#[component]
fn PropertyField(id: ComponentId, spec: &'static PropertySpec, editor: Editor) -> impl IntoView {
    let key = spec.key.clone();
    let error = RwSignal::new(None::<String>);
    let current = {
        let (id, key) = (id.clone(), key.clone());
        Memo::new(move |_| editor.component(&id).and_then(|c| c.props.get(&key).cloned()))
    };
    let commit = {
        let (id, key) = (id.clone(), key.clone());
        move |text: String| match parse(spec, &text) {
            Ok(value) => {
                error.set(None);
                let unchanged = current.with_untracked(|c| *c == value);
                if !unchanged {
                    let _ = editor.apply(
                        Command::SetProperty { id: id.clone(), key: key.clone(), value },
                        &format!("Set {}", spec.label),
                    );
                }
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let placeholder = spec.default.as_ref().map_or_else(|| "auto (from the workload)".to_owned(), text_of);
    let control = match &spec.ty {
        PropType::Bool => {
            let commit = commit.clone();
            let default = spec.default.as_ref().and_then(PropValue::as_bool).unwrap_or(false);
            view! {
                <input
                    type="checkbox"
                    data-testid=format!("prop-{key}")
                    prop:checked=move || current.with(|c| c.as_ref().and_then(PropValue::as_bool).unwrap_or(default))
                    on:change=move |ev| commit(event_target_checked(&ev).to_string())
                />
            }
            .into_any()
        }
        PropType::Choice { options } => {
            let commit = commit.clone();
            let default = spec.default.as_ref().map(text_of).unwrap_or_default();
            let options = options.clone();
            view! {
                <select
                    data-testid=format!("prop-{key}")
                    prop:value=move || current.with(|c| c.as_ref().map(text_of).unwrap_or_else(|| default.clone()))
                    on:change=move |ev| commit(event_target_value(&ev))
                >
                    {options.into_iter().map(|o| view! { <option value=o.clone()>{o.replace('_', " ")}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
        PropType::Int { .. } | PropType::Float { .. } => {
            let commit = commit.clone();
            view! {
                <input
                    type="text"
                    inputmode="decimal"
                    data-testid=format!("prop-{key}")
                    placeholder=placeholder
                    prop:value=move || current.with(|c| c.as_ref().map(text_of).unwrap_or_default())
                    on:change=move |ev| commit(event_target_value(&ev))
                />
            }
            .into_any()
        }
    };
    let unit = spec.unit.clone().unwrap_or_default();
    view! {
        <label class="field" class:invalid=move || error.with(Option::is_some) title=spec.help.clone().unwrap_or_default()>
            <span class="field-name">{spec.label.clone()}</span>
            {control}
            <span class="field-unit">{unit}</span>
            <span class="field-error" data-testid=format!("prop-error-{key}")>{move || error.get().unwrap_or_default()}</span>
        </label>
    }
}

#[component]
fn ComponentPanel(id: ComponentId) -> impl IntoView {
    let editor = use_editor();
    let catalog = Catalog::builtin();
    let Some(kind) = editor.design.with_untracked(|d| d.component(&id).map(|c| c.kind.clone())) else {
        return view! { <p class="inspector-note">"This component no longer exists."</p> }.into_any();
    };
    let Some(spec) = catalog.kind(kind.as_str()) else {
        return view! { <p class="inspector-note">{format!("Unknown kind “{kind}”: kept as drawn, not analysed.")}</p> }.into_any();
    };
    let label = {
        let id = id.clone();
        Memo::new(move |_| editor.component(&id).map(|c| c.label).unwrap_or_default())
    };
    let rename = {
        let id = id.clone();
        move |ev| {
            let text = event_target_value(&ev);
            if text != label.get_untracked() {
                let _ = editor.apply(Command::Rename { item: ItemRef::Component(id.clone()), label: text }, "Rename");
            }
        }
    };
    let category = catalog.category(spec.category).map(|c| c.name.clone()).unwrap_or_default();
    view! {
        <h2 class="inspector-title">{spec.name.clone()}</h2>
        <p class="inspector-note">{format!("{category} · {}", spec.description)}</p>
        <label class="field">
            <span class="field-name">"Label"</span>
            <input type="text" data-testid="inspector-label" maxlength="200" prop:value=move || label.get() on:change=rename />
        </label>
        {spec.properties.iter().map(|p| view! { <PropertyField id=id.clone() spec=p editor=editor /> }).collect_view()}
        <ComponentCost id=id.clone() />
    }
    .into_any()
}

/// The selected component's cost lines: what is charged, how much, and any
/// assumption derived from the workload.
#[component]
fn ComponentCost(id: ComponentId) -> impl IntoView {
    let cost = crate::status::use_cost();
    let lines = Memo::new(move |_| {
        cost.with(|r| {
            r.lines
                .iter()
                .filter(|l| l.component.as_ref() == Some(&id))
                .map(|l| (l.description.to_string(), l.monthly, l.derived.as_ref().map(ToString::to_string)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3 class="inspector-subtitle">"Cost"</h3>
        <ul class="cost-lines" data-testid="component-cost">
            {move || {
                let lines = lines.get();
                if lines.is_empty() {
                    return view! { <li class="inspector-note">"No charge."</li> }.into_any();
                }
                let total: f64 = lines.iter().map(|l| l.1).sum();
                view! {
                    {lines.into_iter().map(|(what, monthly, derived)| view! {
                        <li>
                            <span class="cost-line-what">{what}</span>
                            <span class="cost-line-value">{format_usd(monthly)}</span>
                            {derived.map(|d| view! { <span class="cost-line-note">{d}</span> })}
                        </li>
                    }).collect_view()}
                    <li class="cost-line-total"><span>"Per month"</span><span class="cost-line-value" data-testid="component-cost-total">{format_usd(total)}</span></li>
                }
                .into_any()
            }}
        </ul>
    }
}

#[component]
fn LinkPanel(id: LinkId) -> impl IntoView {
    let editor = use_editor();
    let link = {
        let id = id.clone();
        Memo::new(move |_| editor.link(&id))
    };
    let error = RwSignal::new(None::<String>);
    let update = move |change: &dyn Fn(&mut cloudwright_core::Link) -> Result<(), String>| {
        let Some(mut l) = link.get_untracked() else { return };
        match change(&mut l) {
            Ok(()) => {
                error.set(None);
                if Some(&l) != link.get_untracked().as_ref() {
                    let _ = editor.apply(Command::UpdateLink { link: l }, "Edit link");
                }
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let names = move || {
        link.with(|l| {
            l.as_ref().map_or_else(String::new, |l| {
                let name =
                    |c: &ComponentId| editor.design.with(|d| d.component(c).map_or(c.to_string(), |c| c.label.clone()));
                format!("{} → {}", name(&l.from), name(&l.to))
            })
        })
    };
    view! {
        <h2 class="inspector-title">"Link"</h2>
        <p class="inspector-note" data-testid="link-ends">{names}</p>
        <label class="field">
            <span class="field-name">"Protocol"</span>
            <input type="text" data-testid="link-protocol" maxlength="40" prop:value=move || link.with(|l| l.as_ref().map(|l| l.protocol.clone()).unwrap_or_default())
                on:change=move |ev| { let t = event_target_value(&ev); update(&move |l| { l.protocol = t.clone(); Ok(()) }) } />
        </label>
        <label class="field">
            <span class="field-name">"Port"</span>
            <input type="text" inputmode="numeric" data-testid="link-port" prop:value=move || link.with(|l| l.as_ref().and_then(|l| l.port).map(|p| p.to_string()).unwrap_or_default())
                on:change=move |ev| {
                    let t = event_target_value(&ev);
                    update(&move |l| {
                        let t = t.trim();
                        l.port = if t.is_empty() { None } else { Some(t.parse::<u16>().map_err(|_| "Port must be a whole number from 0 to 65535".to_owned())?) };
                        Ok(())
                    })
                } />
        </label>
        <label class="field">
            <span class="field-name">"Mode"</span>
            <select data-testid="link-mode" prop:value=move || link.with(|l| l.as_ref().map_or("sync", |l| l.mode.key()).to_owned())
                on:change=move |ev| { let async_ = event_target_value(&ev) == "async"; update(&move |l| { l.mode = if async_ { LinkMode::Async } else { LinkMode::Sync }; Ok(()) }) }>
                <option value="sync">"synchronous (waits for the answer)"</option>
                <option value="async">"asynchronous (fire and forget)"</option>
            </select>
        </label>
        <p class="field-error" data-testid="link-error">{move || error.get().unwrap_or_default()}</p>
    }
}

#[component]
fn ContainerPanel(id: ContainerId) -> impl IntoView {
    let editor = use_editor();
    let container = {
        let id = id.clone();
        Memo::new(move |_| editor.design.with(|d| d.container(&id).cloned()))
    };
    let rename = {
        let id = id.clone();
        move |ev| {
            let _ = editor.apply(
                Command::Rename { item: ItemRef::Container(id.clone()), label: event_target_value(&ev) },
                "Rename",
            );
        }
    };
    view! {
        <h2 class="inspector-title">{move || container.with(|c| c.as_ref().map(|c| c.kind.name()).unwrap_or_default())}</h2>
        <label class="field">
            <span class="field-name">"Label"</span>
            <input type="text" data-testid="inspector-label" maxlength="200" prop:value=move || container.with(|c| c.as_ref().map(|c| c.label.clone()).unwrap_or_default()) on:change=rename />
        </label>
    }
}

/// With nothing selected: the design's name, Region and workload.
#[component]
fn DesignPanel() -> impl IntoView {
    let editor = use_editor();
    let workload = Memo::new(move |_| editor.design.with(|d| d.workload));
    let error = RwSignal::new(None::<String>);
    let set_workload =
        move |label: &'static str, text: String, min: f64, max: f64, apply: fn(&mut Workload, f64)| match number(&text)
        {
            Some(v) if (min..=max).contains(&v) => {
                error.set(None);
                let mut w = workload.get_untracked();
                apply(&mut w, v);
                if w != workload.get_untracked() {
                    let _ = editor.apply(Command::SetWorkload(w), "Edit workload");
                }
            }
            _ => error.set(Some(format!("{label} must be a number from {min} to {max}"))),
        };
    // Sliders on a log scale, for watching the cost follow growth (500 → 50,000 users).
    // A slide is one undo step; the analyses follow it live.
    let sliding = StoredValue::new(false);
    let slide = move |text: String, apply: fn(&mut Workload, f64)| {
        let Some(exponent) = number(&text) else { return };
        if !sliding.get_value() {
            sliding.set_value(true);
            editor.begin_live("Edit workload");
        }
        let mut w = workload.get_untracked();
        apply(&mut w, round_2_digits(10f64.powf(exponent)));
        if w != workload.get_untracked() {
            let _ = editor.apply(Command::SetWorkload(w), "Edit workload");
        }
    };
    let slid = move |_| {
        if sliding.get_value() {
            sliding.set_value(false);
            editor.commit();
        }
    };
    let regions: Vec<(String, String)> =
        PriceBook::builtin().regions.iter().map(|(k, r)| (k.clone(), r.name.clone())).collect();
    view! {
        <h2 class="inspector-title">"Design"</h2>
        <label class="field">
            <span class="field-name">"Name"</span>
            <input type="text" data-testid="design-name-input" maxlength="200" prop:value=move || editor.design.with(|d| d.name.clone())
                on:change=move |ev| { let _ = editor.apply(Command::SetName(event_target_value(&ev)), "Rename design"); } />
        </label>
        <label class="field">
            <span class="field-name">"Region"</span>
            <select data-testid="design-region" prop:value=move || editor.design.with(|d| d.region.clone())
                on:change=move |ev| { let _ = editor.apply(Command::SetRegion(event_target_value(&ev)), "Change Region"); }>
                {regions.into_iter().map(|(k, name)| view! { <option value=k.clone()>{format!("{name} ({k})")}</option> }).collect_view()}
            </select>
        </label>
        <h3 class="inspector-subtitle">"Workload"</h3>
        <label class="field">
            <span class="field-name">"Users"</span>
            <input type="text" inputmode="numeric" data-testid="workload-users" prop:value=move || workload.with(|w| w.users.to_string())
                on:change=move |ev| set_workload("Users", event_target_value(&ev), 0.0, 1e10, |w, v| w.users = v.round() as u64) />
        </label>
        <input type="range" class="slider" data-testid="workload-users-slider" aria-label="Users (drag to scale)" min="1" max="7" step="0.01"
            prop:value=move || workload.with(|w| (w.users.max(1) as f64).log10().to_string())
            on:input=move |ev| slide(event_target_value(&ev), |w, v| w.users = v as u64) on:change=slid />
        <label class="field">
            <span class="field-name">"Requests/s"</span>
            <input type="text" inputmode="decimal" data-testid="workload-rps" prop:value=move || workload.with(|w| w.requests_per_sec.to_string())
                on:change=move |ev| set_workload("Requests/s", event_target_value(&ev), 0.0, 1e8, |w, v| w.requests_per_sec = v) />
        </label>
        <input type="range" class="slider" data-testid="workload-rps-slider" aria-label="Requests per second (drag to scale)" min="-1" max="5" step="0.01"
            prop:value=move || workload.with(|w| w.requests_per_sec.max(0.1).log10().to_string())
            on:input=move |ev| slide(event_target_value(&ev), |w, v| w.requests_per_sec = v) on:change=slid />
        <label class="field">
            <span class="field-name">"Peak ×"</span>
            <input type="text" inputmode="decimal" data-testid="workload-peak" prop:value=move || workload.with(|w| w.peak_multiplier.to_string())
                on:change=move |ev| set_workload("Peak multiplier", event_target_value(&ev), 1.0, 1000.0, |w, v| w.peak_multiplier = v) />
        </label>
        <p class="field-error" data-testid="workload-error">{move || error.get().unwrap_or_default()}</p>
        <CostBreakdown />
    }
}

/// `v` to two significant digits (12,345 → 12,000), so a slider lands on round figures.
fn round_2_digits(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return 0.0;
    }
    let exponent = v.log10().floor() as i32 - 1;
    // Divide by an exact power of ten below one, so 0.35 comes out as 0.35, not 0.35000000000000003.
    if exponent < 0 {
        let scale = 10f64.powi(-exponent);
        (v * scale).round() / scale
    } else {
        let step = 10f64.powi(exponent);
        (v / step).round() * step
    }
}

/// The monthly and yearly total, and a bar per category, from the cost model.
#[component]
fn CostBreakdown() -> impl IntoView {
    let editor = use_editor();
    let cost = crate::status::use_cost();
    view! {
        <h3 class="inspector-subtitle">"Cost"</h3>
        <p class="cost-summary" data-testid="cost-panel-total">
            {move || cost.with(|r| format!("{} / month · {} / year", format_usd(r.total_monthly), format_usd(r.total_yearly)))}
        </p>
        // Markup from the core (escaped there): one string, not a view per bar.
        <div class="cost-chart" data-testid="cost-by-category" inner_html=move || cost.with(cloudwright_core::exports::cost_chart_svg) />
        // What the purchase options and free tier save, and what the estimate leaves out.
        <ul class="cost-notes" data-testid="cost-notes">
            {move || {
                cost.with(|r| {
                    editor.design.with_untracked(|d| {
                        r.savings
                            .iter()
                            .map(|s| format!("Saves {} a month: {} for {}", format_usd(s.saving), s.option, d.label_of(&s.component)))
                            .chain(r.not_counted_lines(d).into_iter().map(|line| format!("Not counted: {line}")))
                            .collect::<Vec<_>>()
                    })
                })
                .into_iter()
                .map(|text| view! { <li>{text}</li> })
                .collect_view()
            }}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::round_2_digits;

    #[test]
    fn slider_values_round_to_two_significant_digits() {
        assert_eq!(round_2_digits(12_345.0), 12_000.0);
        assert_eq!(round_2_digits(501.2), 500.0);
        assert_eq!(round_2_digits(0.3548), 0.35);
        assert_eq!(round_2_digits(0.3548).to_string(), "0.35");
        assert_eq!(round_2_digits(99.6), 100.0);
        assert_eq!(round_2_digits(0.0), 0.0);
        assert_eq!(round_2_digits(f64::NAN), 0.0);
    }
}
