//! The status bar: what the design holds and what validation says of it.
//! The findings count opens the list of findings; each names the item it is
//! about, and clicking it selects that item.

use cloudwright_core::cost::format_usd;
use cloudwright_core::{validate, Catalog, Diagnostic, Severity};
use leptos::prelude::*;

use crate::editor::use_editor;

/// The design's cost estimate, kept current (see `Editor::settled`).
#[derive(Clone, Copy)]
pub struct Cost(pub Memo<cloudwright_core::cost::CostReport>);

/// The shared cost estimate.
pub fn use_cost() -> Memo<cloudwright_core::cost::CostReport> {
    // Provided by `App` before any view that reads it.
    #[allow(clippy::expect_used)]
    use_context::<Cost>().expect("App provides the cost estimate").0
}

/// Counts of items and of validation findings, and the latest notice.
#[component]
pub fn StatusBar() -> impl IntoView {
    let editor = use_editor();
    let findings = editor.settled(|d| validate(d, Catalog::builtin()));
    let counts = Memo::new(move |_| {
        let (e, w) = findings.with(|f: &Vec<Diagnostic>| {
            let n = |s| f.iter().filter(|x| x.severity == s).count();
            (n(Severity::Error), n(Severity::Warning))
        });
        editor.design.with(|d| (d.components.len(), d.links.len(), d.containers.len(), e, w))
    });
    let open = RwSignal::new(false);
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || escape.remove());
    // The monthly estimate: a memo over the core's cost model.
    let cost = use_cost();
    let monthly = Memo::new(move |_| cost.with(|r| r.total_monthly));
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });

    view! {
        <footer class="status" data-testid="status">
            <span data-testid="counts">
                {move || {
                    let (c, l, g, _, _) = counts.get();
                    format!("{} · {} · {}", plural(c, "component", "components"), plural(l, "link", "links"), plural(g, "container", "containers"))
                }}
            </span>
            <button class="findings" data-testid="findings" class:has-errors=move || { counts.get().3 > 0 }
                title="Show the findings" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || {
                    let (_, _, _, e, w) = counts.get();
                    format!("{} · {}", plural(e, "error", "errors"), plural(w, "warning", "warnings"))
                }}
            </button>
            <Show when=move || open.get()>
                <div class="findings-panel" role="dialog" aria-label="Findings" data-testid="findings-panel">
                    <ul>
                        {move || {
                            let list = findings.get();
                            if list.is_empty() {
                                return view! { <li class="finding-none">"No findings: the design validates cleanly."</li> }.into_any();
                            }
                            list.into_iter()
                                .enumerate()
                                .map(|(i, f)| {
                                    let item = f.item.clone();
                                    let clickable = item.is_some();
                                    view! {
                                        <li>
                                            <button class=format!("finding finding-{}", f.severity) data-testid=format!("finding-{i}") disabled=!clickable
                                                title=if clickable { "Select what this is about" } else { "About the whole design" }
                                                on:click=move |_| {
                                                    if let Some(item) = item.clone() {
                                                        editor.selection.set(vec![item]);
                                                    }
                                                }>
                                                <span class="finding-code">{format!("{} {}", f.severity, f.code)}</span>
                                                " "
                                                {f.message.clone()}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }}
                    </ul>
                </div>
            </Show>
            <span class="cost-total" title="Estimated monthly cost (us-east-1 list prices unless the design says otherwise)">
                "≈ " <span data-testid="cost-total">{move || format_usd(monthly.get())}</span> " / month"
            </span>
            <span class="notice" data-testid="notice">{move || editor.notice.get().unwrap_or_default()}</span>
        </footer>
    }
}
