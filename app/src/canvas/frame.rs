//! One container: a Region, VPC, AZ, subnet or namespace frame. Only its header
//! is grabbable, so pressing inside an empty frame pans the canvas. The header
//! has a collapse toggle; the bottom-right corner is a resize grip. A collapsed
//! frame is drawn as its header alone, with what it holds hidden.

use cloudwright_core::{ContainerId, ItemRef, HEADER_HEIGHT as HEADER};
use leptos::prelude::*;

use crate::editor::use_editor;

/// Side of the resize grip's square.
const GRIP: f64 = 12.0;

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
    // Inside a collapsed container, and how many items a collapsed one holds.
    let hidden = {
        let id = id.clone();
        Memo::new(move |_| editor.design.with(|d| d.container(&id).is_some_and(|c| d.is_hidden(c.parent.as_ref()))))
    };
    let held = {
        let id = id.clone();
        Memo::new(move |_| {
            editor.design.with(|d| d.container(&id).filter(|c| c.collapsed).map(|_| d.descendants(&id).len()))
        })
    };
    let collapsed = move || held.with(Option::is_some);
    let selected = {
        let item = ItemRef::Container(id.clone());
        Memo::new(move |_| editor.is_selected(&item))
    };
    let r = move |f: fn(&cloudwright_core::Rect) -> f64| container.with(|c| c.as_ref().map_or(0.0, |c| f(&c.rect)));
    let height = move || if collapsed() { HEADER } else { r(|r| r.h) };
    let kind_class = move || container.with(|c| c.as_ref().map_or("frame", |c| c.kind.key()));
    let label = move || container.with(|c| c.as_ref().map(|c| c.heading(held.get())).unwrap_or_default());

    view! {
        <g
            class=move || format!("frame frame-{}", kind_class())
            class:selected=move || selected.get()
            class:collapsed=collapsed
            class:hidden=move || hidden.get()
            data-testid=format!("container-{id}")
        >
            <rect class="frame-body" x=move || r(|r| r.x) y=move || r(|r| r.y) width=move || r(|r| r.w) height=height rx="6" />
            <rect
                class="frame-header"
                data-hit=format!("g:{id}")
                x=move || r(|r| r.x)
                y=move || r(|r| r.y)
                width=move || r(|r| r.w)
                height=HEADER
                rx="6"
            />
            <text class="frame-label" x=move || r(|r| r.x) + 26.0 y=move || r(|r| r.y) + 17.0>{label}</text>
            <g data-hit=format!("t:{id}") data-testid=format!("container-toggle-{id}")>
                <title>{move || if collapsed() { "Expand" } else { "Collapse" }}</title>
                <rect class="frame-toggle-hit" x=move || r(|r| r.x) + 4.0 y=move || r(|r| r.y) + 3.0 width="20" height="20" />
                <text class="frame-toggle" x=move || r(|r| r.x) + 9.0 y=move || r(|r| r.y) + 17.0>
                    {move || if collapsed() { "▸" } else { "▾" }}
                </text>
            </g>
            <rect
                class="frame-grip"
                class:hidden=collapsed
                data-hit=format!("r:{id}")
                data-testid=format!("container-grip-{id}")
                x=move || r(|r| r.x + r.w) - GRIP
                y=move || r(|r| r.y + r.h) - GRIP
                width=GRIP
                height=GRIP
            >
                <title>"Drag to resize"</title>
            </rect>
        </g>
    }
}
