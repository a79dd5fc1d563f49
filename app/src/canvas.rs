//! The SVG canvas: draws the design and turns pointer events into gesture
//! inputs. All interaction logic lives in [`gesture::step`].

mod frame;
pub mod gesture;
mod group;
mod link;
mod node;
mod selection;
pub mod viewport;

use std::collections::{HashMap, HashSet};

use cloudwright_core::{Command, ComponentId, ContainerId, ItemRef, LinkId};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::editor::{use_editor, Editor};
use frame::Frame;
use gesture::{step, Gesture, Hit, Input, Reaction};
use link::{LinkView, SelectedLinkEnds};
use node::Node;
use selection::SelectionOutline;
use viewport::Viewport;

/// The nearest element at or above `el` with a `data-hit`: `c:<component>`,
/// `h:<component>` (its connect handle), `g:<container>` (its header),
/// `r:<container>` (its resize grip), `t:<container>` (its collapse toggle),
/// `l:<link>`, or `f:<link>` / `e:<link>` (a link's from and to ends); else the background.
fn hit_from(el: Option<web_sys::Element>) -> Hit {
    let hit = el.and_then(|el| el.closest("[data-hit]").ok().flatten()).and_then(|el| el.get_attribute("data-hit"));
    match hit.as_deref().and_then(|h| h.split_once(':')) {
        Some(("c", id)) => Hit::Component(ComponentId::new(id)),
        Some(("h", id)) => Hit::Handle(ComponentId::new(id)),
        Some(("g", id)) => Hit::Container(ContainerId::new(id)),
        Some(("r", id)) => Hit::Resize(ContainerId::new(id)),
        Some(("t", id)) => Hit::Toggle(ContainerId::new(id)),
        Some(("l", id)) => Hit::Link(LinkId::new(id)),
        Some(("f", id)) => Hit::LinkEnd(LinkId::new(id), false),
        Some(("e", id)) => Hit::LinkEnd(LinkId::new(id), true),
        _ => Hit::Background,
    }
}

/// What the pointer went down on.
fn hit_of(ev: &web_sys::PointerEvent) -> Hit {
    hit_from(ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()))
}

/// What lies under a page point: the pointer may be captured by the canvas, so
/// the event's own target cannot tell.
fn hit_at(x: f64, y: f64) -> Hit {
    hit_from(document().element_from_point(x as f32, y as f32))
}

/// Below this zoom a component's text would be under 5 px high: the canvas
/// draws boxes and lines only (each box's name still shows on hover).
const FAR_ZOOM: f64 = 0.35;
/// The most boxes a drag redraws where they land (see `Node`).
const REDRAWN_AT_DROP: usize = 200;
/// How long after a drop the canvas puts back what the drag lifted, if no
/// other gesture is going on by then (see `Lift`).
const PUT_DOWN_AFTER: std::time::Duration = std::time::Duration::from_millis(300);
/// How near a link a press must be to select it, in screen pixels.
const LINK_TOLERANCE: f64 = 6.0;

/// The canvas: containers, links and components of the current design.
#[component]
pub fn Canvas() -> impl IntoView {
    let editor = use_editor();
    let resilience = crate::resilience::use_resilience();
    let canvas_ref = NodeRef::<leptos::html::Div>::new();
    let gesture = StoredValue::new(Gesture::Idle);
    // Session state drawn over the design: the selection box and a link being drawn.
    let marquee = RwSignal::new(None::<cloudwright_core::Rect>);
    let preview = RwSignal::new(None::<(cloudwright_core::Point, cloudwright_core::Point)>);
    let guides = RwSignal::new(Vec::<(cloudwright_core::Point, cloudwright_core::Point)>::new());
    // The canvas's page offset, kept as the page's layout changes (see below).
    let origin = StoredValue::new((0.0f64, 0.0f64));
    // Space held: any drag pans, as in most design tools.
    let space = RwSignal::new(false);
    // While the view pans, the layers keep the view the pan started from and
    // the stack of them is shifted by CSS: the compositor moves it as a whole.
    // A new view at each step made the browser re-layer every shape (45 ms a
    // step at 5,000 components). The release draws the final view.
    let panning = RwSignal::new(false);
    let pan_from = RwSignal::new(Viewport::default());
    // What a drag lifts: the links it moves and the boxes it redraws (see `Lift`).
    let lift = Lift::new();
    // A drag of many items moves a picture of them instead (see group.rs).
    let group = StoredValue::new_local(None::<group::Group>);

    // The canvas's size; its page offset is kept in `origin` on the way.
    let measure = move || -> Option<(f64, f64)> {
        let canvas = canvas_ref.get_untracked()?;
        let r = canvas.get_bounding_client_rect();
        origin.set_value((r.left(), r.top()));
        Some((r.width(), r.height()))
    };

    // Fit the design into the canvas once it is on the page. The design is
    // drawn after that: measuring lays the page out, and with the design
    // already in it that layout (thousands of shapes) would be done twice.
    let measured = RwSignal::new(false);
    // Which boxes are near the view, and so drawn in full (see `mark_near`).
    let near = Flags(StoredValue::new(HashMap::new()));
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(_) = canvas_ref.get() else { return false };
        let Some(size) = measure() else { return false };
        editor.canvas_size.set(size);
        editor.fit();
        // Before the boxes are first drawn, so they are drawn once, as the fit shows them.
        mark_near(editor, near, editor.viewport.get_untracked());
        measured.set(true);
        true
    });
    // Measuring lays the page out first if anything changed: at a press, with
    // thousands of shapes on the canvas, that took longer than a frame. So the
    // canvas is measured when its box changes instead: a ResizeObserver calls
    // back after the browser's own layout, when measuring costs nothing. (The
    // canvas fills what the panels leave: whatever moves it also resizes it;
    // and the page itself never scrolls, see style.css.)
    Effect::new(move |_| {
        let Some(div) = canvas_ref.get() else { return };
        let changed = Closure::<dyn FnMut()>::new(move || {
            if let Some(size) = measure() {
                if editor.canvas_size.get_untracked() != size {
                    editor.canvas_size.set(size);
                }
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref()) else { return };
        observer.observe(&div);
        // The canvas lasts as long as the page: so do the observer and its callback.
        changed.forget();
        std::mem::forget(observer);
    });

    let run = move |input: Input| {
        // A picture drag's move reaches the design before the drop is worked
        // out: the drop puts components into the containers they land in.
        if matches!(input, Input::Up { .. }) {
            if let Some(command) = group.try_update_value(|g| g.as_mut().and_then(group::Group::take_pending)).flatten()
            {
                let _ = editor.apply(command, "Move");
            }
        }
        let state = gesture.get_value();
        let selection = editor.selection.get_untracked();
        let view = editor.viewport.get_untracked();
        let (next, effects) = editor.design.with_untracked(|d| step(&state, input, d, &selection, view));
        let pans = matches!(next, Gesture::Panning { .. });
        if panning.get_untracked() != pans {
            if pans {
                pan_from.set(editor.viewport.get_untracked());
            }
            panning.set(pans);
        }
        let was_moving = matches!(state, Gesture::DraggingItems { moved: true, .. });
        match &next {
            Gesture::DraggingItems { items, moved: true, .. } if !was_moving => {
                if group::wanted(items) {
                    // What an earlier drag lifted is drawn where it is first, so the picture shows it there.
                    lift.put_down();
                    let picture = canvas_ref
                        .get_untracked()
                        .and_then(|canvas| editor.design.with_untracked(|d| group::Group::lift(&canvas, d, items)));
                    group.set_value(picture);
                }
                if group.with_value(Option::is_none) {
                    editor.design.with_untracked(|d| lift.take_up(d, items));
                }
            }
            Gesture::DraggingItems { moved: true, .. } => {}
            _ if was_moving => lift.put_down_later(gesture),
            _ => {}
        }
        let dragging = matches!(next, Gesture::DraggingItems { .. });
        gesture.set_value(next);
        for effect in effects {
            match effect {
                // A selection box re-selects on every move: notify only when it changed.
                Reaction::Select(items) => editor.selection.maybe_update(|s| {
                    let changed = *s != items;
                    if changed {
                        *s = items;
                    }
                    changed
                }),
                Reaction::Toggle(item) => editor.selection.update(|s| {
                    if let Some(i) = s.iter().position(|x| *x == item) {
                        s.remove(i);
                    } else {
                        s.push(item);
                    }
                }),
                Reaction::Begin(label) => editor.begin(label),
                Reaction::Apply(command) => {
                    // A picture drag shifts the picture; the design takes the last move at the drop.
                    let zoom = editor.viewport.get_untracked().zoom;
                    let rest = group
                        .try_update_value(|g| match g.as_mut() {
                            Some(g) if matches!(command, Command::Move { .. }) => {
                                g.step(command, zoom);
                                None
                            }
                            _ => Some(command),
                        })
                        .flatten();
                    if let Some(command) = rest {
                        let _ = editor.apply(command, "Move");
                    }
                }
                Reaction::Commit => editor.commit(),
                Reaction::Cancel => editor.cancel(),
                Reaction::SetViewport(v) => editor.viewport.set(v),
                Reaction::SetMarquee(r) => marquee.set(r),
                Reaction::SetPreview(p) => preview.set(p),
                Reaction::Connect(from, to) => editor.connect(&from, &to),
                Reaction::SetGuides(lines) => guides.maybe_update(|g| {
                    let changed = *g != lines;
                    if changed {
                        *g = lines;
                    }
                    changed
                }),
                Reaction::Edit(command, label) => {
                    let _ = editor.apply(command, label);
                }
            }
        }
        if !dragging {
            if let Some(picture) = group.try_update_value(Option::take).flatten() {
                picture.put_down();
            }
        }
    };
    let local = move |ev: &web_sys::PointerEvent| {
        let (left, top) = origin.get_value();
        (f64::from(ev.client_x()) - left, f64::from(ev.client_y()) - top)
    };

    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 && ev.button() != 1 {
            return;
        }
        ev.prevent_default();
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = canvas.set_pointer_capture(ev.pointer_id());
        }
        // The middle button, or any drag with Space held, pans.
        let pan = ev.button() == 1 || space.get_untracked();
        let mut hit = if pan { Hit::Background } else { hit_of(&ev) };
        if hit == Hit::Background && !pan && !ev.shift_key() {
            // Near a link counts as on it: lines are thin.
            let (x, y) = local(&ev);
            let view = editor.viewport.get_untracked();
            let at = view.to_design(x, y);
            if let Some(id) = editor.design.with_untracked(|d| gesture::link_near(d, at, LINK_TOLERANCE / view.zoom)) {
                hit = Hit::Link(id);
            }
        }
        // In the resilience panel's what-if mode, a press fails what it lands on.
        if !pan && resilience.press(editor, hit.item()) {
            return;
        }
        let additive = !pan && (ev.shift_key() || ev.ctrl_key() || ev.meta_key());
        run(Input::Down { hit, screen: local(&ev), additive });
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if gesture.with_value(|g| *g != Gesture::Idle) {
            run(Input::Move { screen: local(&ev) });
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let hit = if gesture.with_value(Gesture::drops_on_target) {
            hit_at(f64::from(ev.client_x()), f64::from(ev.client_y()))
        } else {
            Hit::Background
        };
        run(Input::Up { hit });
    };
    let on_cancel = move |_: web_sys::PointerEvent| run(Input::Cancel);
    // The browser fires this after every pointer-up; without one before it
    // (the window lost focus mid-drag), the gesture is abandoned, not left open.
    let on_lost = move |_: web_sys::PointerEvent| {
        if gesture.with_value(|g| *g != Gesture::Idle) {
            run(Input::Cancel);
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let (left, top) = origin.get_value();
        // Lines and pages arrive as small numbers; scale them to pixels.
        let scale = match ev.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let factor = (-ev.delta_y() * scale * 0.0015).exp();
        let (sx, sy) = (f64::from(ev.client_x()) - left, f64::from(ev.client_y()) - top);
        editor.viewport.update(|v| *v = v.zoomed_at(sx, sy, factor));
        // A zoom in the middle of a picture drag: the picture's shift is in screen pixels.
        let zoom = editor.viewport.get_untracked().zoom;
        group.with_value(|g| g.as_ref().map(|g| g.shift(zoom)));
        // A zoom in the middle of a pan: draw it, and shift from there.
        if panning.get_untracked() {
            pan_from.set(editor.viewport.get_untracked());
        }
    };
    // Kinds dragged from the palette land where they are dropped.
    let on_dragover = move |ev: web_sys::DragEvent| {
        let ours = ev.data_transfer().is_some_and(|dt| dt.types().includes(&crate::palette::DRAG_TYPE.into(), 0));
        if ours {
            ev.prevent_default();
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let Some(kind) =
            ev.data_transfer().and_then(|dt| dt.get_data(crate::palette::DRAG_TYPE).ok()).filter(|k| !k.is_empty())
        else {
            return;
        };
        ev.prevent_default();
        let (left, top) = origin.get_value();
        let at =
            editor.viewport.get_untracked().to_design(f64::from(ev.client_x()) - left, f64::from(ev.client_y()) - top);
        editor.add_component(&kind, at);
    };
    let escape = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            run(Input::Cancel);
        }
        // Space belongs to text boxes and buttons when they have focus.
        if ev.key() == " " && !ev.repeat() && crate::shortcuts::plain_key_is_ours(&ev) {
            ev.prevent_default();
            space.set(true);
        }
    });
    let space_up = window_event_listener(ev::keyup, move |ev| {
        if ev.key() == " " {
            space.set(false);
        }
    });
    let space_lost = window_event_listener(ev::blur, move |_| space.set(false));
    on_cleanup(move || {
        escape.remove();
        space_up.remove();
        space_lost.remove();
    });

    // Four stacked SVG layers with one viewport transform. The browser
    // repaints a layer as a whole whenever anything in it changes other than a
    // transform: moving a component is a transform (no repaint), but the links
    // it drags along, the guides and the marks are not. Apart, a drag repaints
    // the layer of the links it moves and the small overlay, not thousands of
    // boxes and links.
    // Shifting stands in for the view only while the zoom is the pan's own
    // (a zoom from the keyboard mid-pan is drawn as it is).
    let shifting = move || panning.get() && editor.viewport.with(|v| v.zoom == pan_from.with(|f| f.zoom));
    let transform = Memo::new(move |_| {
        if shifting() {
            pan_from.with(Viewport::transform)
        } else {
            editor.viewport.with(Viewport::transform)
        }
    });
    // A new view drawn (a pan, a zoom), a resize or an edit marks the boxes near the
    // view again (not each step of a pan or a drag: the release does).
    Effect::new(move |_| {
        editor.track_edits();
        editor.canvas_size.track();
        transform.track();
        let view = if untrack(shifting) { pan_from.get_untracked() } else { editor.viewport.get_untracked() };
        mark_near(editor, near, view);
    });
    let shift = move || {
        if !shifting() {
            return None;
        }
        let from = pan_from.get();
        Some(editor.viewport.with(|v| format!("translate({:.1}px, {:.1}px)", v.x - from.x, v.y - from.y)))
    };
    view! {
        <div
            class="canvas"
            class:space-pan=move || space.get()
            class:panning=move || panning.get()
            // What-if mode: a click fails what it lands on.
            class:failing=move || resilience.armed.get()
            // Zoomed far out, text is too small to read and costs the most to draw: leave it out.
            class:far=move || editor.viewport.with(|v| v.zoom < FAR_ZOOM)
            data-testid="canvas"
            node_ref=canvas_ref
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_cancel
            on:lostpointercapture=on_lost
            on:wheel=on_wheel
            on:dragover=on_dragover
            on:drop=on_drop
            on:contextmenu=|ev| ev.prevent_default()
        >
            <div class="canvas-pan" style:transform=shift>
                <svg class="canvas-layer canvas-back">
                    <defs>
                        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                        </marker>
                        <pattern id="grid" width="20" height="20" patternUnits="userSpaceOnUse">
                            <path d="M20,0 L0,0 L0,20" class="grid-line" />
                        </pattern>
                    </defs>
                    <g data-testid="design-layer" transform=transform>
                        <rect class="grid" x="-100000" y="-100000" width="200000" height="200000" fill="url(#grid)" />
                        <g class="frames">
                            <For each=move || if measured.get() { editor.container_ids.get() } else { Vec::new() } key=|id| id.clone() let:id>
                                <Frame id />
                            </For>
                        </g>
                        <g class="links">
                            <For each=move || if measured.get() { editor.link_ids.get() } else { Vec::new() } key=|id| id.clone() let:id>
                                <LinkView lifted=lift.flags.flag(ItemRef::Link(id.clone())) id />
                            </For>
                        </g>
                    </g>
                </svg>
                <svg class="canvas-layer canvas-lifted">
                    <g transform=transform>
                        // Drawn anew when a drag lifts links and when they are put back, not at each step.
                        {move || {
                            lift.changed.track();
                            lift.links.get_value().into_iter().map(|id| view! { <LinkView id /> }).collect_view()
                        }}
                    </g>
                </svg>
                // A drag of many items: the links with one end among them (see group.rs).
                <svg class="canvas-layer canvas-group-links">
                    <g transform=transform></g>
                </svg>
                <svg class="canvas-layer canvas-nodes">
                    <g transform=transform>
                        <g class="nodes">
                            <For each=move || if measured.get() { editor.component_keys.get() } else { Vec::new() } key=|k| k.clone() let((id, kind))>
                                <Node
                                    full=near.flag(ItemRef::Component(id.clone()))
                                    moving=lift.flags.flag(ItemRef::Component(id.clone()))
                                    id
                                    kind
                                />
                            </For>
                        </g>
                    </g>
                </svg>
                // A drag of many items: a picture of them, shifted at each step (see group.rs).
                <svg class="canvas-layer canvas-group">
                    <g transform=transform></g>
                </svg>
                <svg class="canvas-layer canvas-over">
                    <g transform=transform>
                        <SelectionOutline />
                        <SelectedLinkEnds />
                        <crate::resilience::ResilienceOverlay />
                        // The guides (at most one vertical and one horizontal) are one path
                        // that stays, empty while there is none: a shape added or removed
                        // makes the browser redraw the whole layer, a path that changes
                        // only where it was and is.
                        <path
                            class="guide"
                            data-testid=move || guides.with(|g| (!g.is_empty()).then_some("guide"))
                            d=move || guides.with(|g| g.iter().map(|(a, b)| format!("M{} {} L{} {}", a.x, a.y, b.x, b.y)).collect::<String>())
                        />
                        {move || preview.get().map(|(a, b)| view! {
                            <line class="connect-preview" data-testid="connect-preview" x1=a.x y1=a.y x2=b.x y2=b.y marker-end="url(#arrow)" />
                        })}
                        {move || marquee.get().map(|r| view! {
                            <rect class="marquee" data-testid="marquee" x=r.x y=r.y width=r.w height=r.h />
                        })}
                    </g>
                </svg>
            </div>
        </div>
    }
}

/// What drags have lifted. While a drag moves components, the links with an
/// end among them are drawn on a layer of their own, so each step redraws
/// those few lines, not the layer holding every link; each of them is hidden
/// in that layer by its own flag (the list of links stays as it is: taking
/// some out and putting them back would make the list move every link after
/// them). The boxes it moves are flagged too, so that their shapes stay drawn
/// where they were and a transform carries them (see `Node`).
///
/// Putting them back redraws the layer of links and the layer of boxes, about
/// 35 ms at 5,000 components, so it is not done in the drop's frame but once
/// the canvas has been still for a moment; a drag in the meantime adds to
/// what is lifted.
#[derive(Clone, Copy, Debug)]
struct Lift {
    links: StoredValue<Vec<LinkId>>,
    boxes: StoredValue<Vec<ItemRef>>,
    /// Notified when `links` changes: the lifted layer is drawn anew then, not at each step.
    changed: Trigger,
    flags: Flags,
    /// Counts the drops, so that only the last one's timer puts things back.
    drops: StoredValue<u64>,
}

impl Lift {
    fn new() -> Self {
        Lift {
            links: StoredValue::new(Vec::new()),
            boxes: StoredValue::new(Vec::new()),
            changed: Trigger::new(),
            flags: Flags(StoredValue::new(HashMap::new())),
            drops: StoredValue::new(0),
        }
    }

    /// Lifts the links and boxes a drag of `items` moves, as it starts to move them.
    fn take_up(self, design: &cloudwright_core::Design, items: &[(ItemRef, cloudwright_core::Point)]) {
        let links = links_moved_by(design, items);
        let held: HashSet<LinkId> = self.links.with_value(|l| l.iter().cloned().collect());
        let links: Vec<LinkId> = links.into_iter().filter(|l| !held.contains(l)).collect();
        if !links.is_empty() {
            self.flags.set(links.iter().cloned().map(ItemRef::Link), true);
            self.links.update_value(|l| l.extend(links));
            self.changed.notify();
        }
        // Up to a few hundred boxes are redrawn where they land, a frame's
        // work; a larger drag leaves them moved by their transforms, as other
        // edits do.
        let boxes: Vec<ItemRef> = items
            .iter()
            .filter(|(item, _)| matches!(item, ItemRef::Component(_)))
            .map(|(item, _)| item.clone())
            .take(REDRAWN_AT_DROP + 1)
            .collect();
        if boxes.len() <= REDRAWN_AT_DROP {
            let held: HashSet<ItemRef> = self.boxes.with_value(|b| b.iter().cloned().collect());
            let boxes: Vec<ItemRef> = boxes.into_iter().filter(|b| !held.contains(b)).collect();
            self.flags.set(boxes.iter().cloned(), true);
            self.boxes.update_value(|b| b.extend(boxes));
        }
    }

    /// After a drop: puts everything back once `PUT_DOWN_AFTER` has passed
    /// with no later drop and no gesture going on (else it waits again).
    fn put_down_later(self, gesture: StoredValue<Gesture>) {
        let Some(drop) = self.drops.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        crate::later::when_still(
            PUT_DOWN_AFTER,
            move || self.drops.try_get_value().map(|n| n == drop), // else a later drop puts things back
            move || gesture.try_with_value(|g| *g != Gesture::Idle).unwrap_or(false),
            move || self.put_down(),
        );
    }

    /// Draws every lifted link in the layer of all links again, and every flagged box where it is.
    fn put_down(self) {
        let links = self.links.try_update_value(std::mem::take).unwrap_or_default();
        if !links.is_empty() {
            self.flags.set(links.into_iter().map(ItemRef::Link), false);
            self.changed.notify();
        }
        let boxes = self.boxes.try_update_value(std::mem::take).unwrap_or_default();
        self.flags.set(boxes, false);
    }
}

/// One flag per item, made when first asked for: whether a drag has lifted a
/// link to the layer above or moves a box, whether a box is near the view.
#[derive(Clone, Copy, Debug)]
struct Flags(StoredValue<HashMap<ItemRef, ArcRwSignal<bool>>>);

impl Flags {
    /// The flag of `item`, made (false) when first asked for.
    fn flag(self, item: ItemRef) -> ArcRwSignal<bool> {
        self.0
            .try_update_value(|flags| flags.entry(item).or_insert_with(|| ArcRwSignal::new(false)).clone())
            .unwrap_or_else(|| ArcRwSignal::new(false))
    }

    /// Sets the flags of `items` to `on`.
    fn set(self, items: impl IntoIterator<Item = ItemRef>, on: bool) {
        for item in items {
            self.flag(item).set(on);
        }
    }
}

/// Marks the components within half a canvas of the view to be drawn in full,
/// and the others (every one, zoomed out below FAR_ZOOM) as shapes only: a
/// box's text and icon cost the most to lay out and paint, and a zoom lays out
/// all of them again. Only flags that change are set, so only those boxes
/// redraw: no box reads the viewport itself (with a subscriber per box, each
/// step of a pan checked all of them, 9 ms at 5,000 components). One pass over
/// the design (a flag not made yet is false: nothing to set).
fn mark_near(editor: Editor, near: Flags, view: Viewport) {
    let far = view.zoom < FAR_ZOOM;
    let (w, h) = editor.canvas_size.get_untracked();
    let (a, b) = (view.to_design(-w / 2.0, -h / 2.0), view.to_design(w * 1.5, h * 1.5));
    editor.design.with_untracked(|d| {
        near.0.update_value(|flags| {
            for c in &d.components {
                let r = c.rect();
                let on = !far && r.x < b.x && r.x + r.w > a.x && r.y < b.y && r.y + r.h > a.y;
                let item = ItemRef::Component(c.id.clone());
                match flags.get(&item) {
                    Some(flag) if flag.get_untracked() != on => flag.set(on),
                    None if on => {
                        flags.insert(item, ArcRwSignal::new(true));
                    }
                    _ => {}
                }
            }
        });
    });
}

/// The links with an end among the components a drag moves.
fn links_moved_by(design: &cloudwright_core::Design, items: &[(ItemRef, cloudwright_core::Point)]) -> Vec<LinkId> {
    let moving: HashSet<&ComponentId> = items
        .iter()
        .filter_map(|(item, _)| match item {
            ItemRef::Component(id) => Some(id),
            _ => None,
        })
        .collect();
    design.links.iter().filter(|l| moving.contains(&l.from) || moving.contains(&l.to)).map(|l| l.id.clone()).collect()
}
