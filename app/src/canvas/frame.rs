//! One container: a Region, VPC, AZ, subnet or namespace frame. Only its header
//! is grabbable, so pressing inside an empty frame pans the canvas.

use cloudwright_core::{ContainerId, ItemRef};
use leptos::prelude::*;

use crate::editor::use_editor;

const HEADER: f64 = 26.0;

/// A container frame.
#[component]
pub fn Frame(
    /// The container to draw.
    id: ContainerId,
) -> impl IntoView {
    let editor = use_editor();
    let container = {
        let id = id.clone();
        Memo::new(move |_| editor.design.with(|d| d.container(&id).cloned()))
    };
    let selected = {
        let item = ItemRef::Container(id.clone());
        Memo::new(move |_| editor.selection.with(|s| s.contains(&item)))
    };
    let r = move |f: fn(&cloudwright_core::Rect) -> f64| container.with(|c| c.as_ref().map_or(0.0, |c| f(&c.rect)));
    let kind_class = move || container.with(|c| c.as_ref().map_or("frame", |c| c.kind.key()));
    // "Public subnets" needs no "Public subnet ·" before it; "us-east-1" does.
    let label = move || {
        container.with(|c| {
            let Some(c) = c else { return String::new() };
            let kind = c.kind.name();
            if c.label.trim().is_empty() {
                kind.to_owned()
            } else if c.label.to_lowercase().contains(&kind.to_lowercase())
                || c.label.to_lowercase().contains(c.kind.key())
            {
                c.label.clone()
            } else {
                format!("{kind} · {}", c.label)
            }
        })
    };

    view! {
        <g class=move || format!("frame frame-{}", kind_class()) class:selected=move || selected.get() data-testid=format!("container-{id}")>
            <rect class="frame-body" x=move || r(|r| r.x) y=move || r(|r| r.y) width=move || r(|r| r.w) height=move || r(|r| r.h) rx="6" />
            <rect
                class="frame-header"
                data-hit=format!("g:{id}")
                x=move || r(|r| r.x)
                y=move || r(|r| r.y)
                width=move || r(|r| r.w)
                height=HEADER
                rx="6"
            />
            <text class="frame-label" x=move || r(|r| r.x) + 10.0 y=move || r(|r| r.y) + 17.0>{label}</text>
        </g>
    }
}
