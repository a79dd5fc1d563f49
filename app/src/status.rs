//! The status bar: what the design holds and what validation says of it.

use cloudwright_core::cost::{estimate, format_usd, PriceBook};
use cloudwright_core::{validate, Catalog, Severity};
use leptos::prelude::*;

use crate::editor::use_editor;

/// Counts of items and of validation findings, and the latest notice.
#[component]
pub fn StatusBar() -> impl IntoView {
    let editor = use_editor();
    let counts = editor.settled(|d| {
        let diags = validate(d, Catalog::builtin());
        let n = |s| diags.iter().filter(|x| x.severity == s).count();
        (d.components.len(), d.links.len(), d.containers.len(), n(Severity::Error), n(Severity::Warning))
    });
    // The monthly estimate: a memo over the core's cost model.
    let monthly = editor.settled(|d| estimate(d, PriceBook::builtin()).total_monthly);
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });

    view! {
        <footer class="status" data-testid="status">
            <span data-testid="counts">
                {move || {
                    let (c, l, g, _, _) = counts.get();
                    format!("{} · {} · {}", plural(c, "component", "components"), plural(l, "link", "links"), plural(g, "container", "containers"))
                }}
            </span>
            <span class="findings" data-testid="findings" class:has-errors=move || { counts.get().3 > 0 }>
                {move || {
                    let (_, _, _, e, w) = counts.get();
                    format!("{} · {}", plural(e, "error", "errors"), plural(w, "warning", "warnings"))
                }}
            </span>
            <span class="cost-total" title="Estimated monthly cost (us-east-1 list prices unless the design says otherwise)">
                "≈ " <span data-testid="cost-total">{move || format_usd(monthly.get())}</span> " / month"
            </span>
            <span class="notice" data-testid="notice">{move || editor.notice.get().unwrap_or_default()}</span>
        </footer>
    }
}
