//! The app's side of the analysis worker (`cloudwright-worker`): the heavier
//! models run there, off the main thread, in a wasm module the page fetches
//! the first time a panel asks something. Questions and answers are
//! `cloudwright_core::protocol` types, sent as JSON text.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use cloudwright_core::protocol::{Envelope, Reply, Request, Response};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Callback = Box<dyn FnOnce(Response)>;

/// The worker, and the questions held until it says it listens.
struct Running {
    worker: web_sys::Worker,
    held: Option<Vec<String>>,
}

thread_local! {
    static WORKER: RefCell<Option<Running>> = const { RefCell::new(None) };
    static WAITING: RefCell<HashMap<u32, Callback>> = RefCell::new(HashMap::new());
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// An answer from the worker, or why there is none.
pub type Answer<T> = Option<Result<T, String>>;

/// Asks the worker and files the answer in `into`: what `pick` takes from it,
/// or the worker's error. An answer is dropped when a newer question for the
/// same place was asked meanwhile (`turn` counts them).
pub fn ask_into<T: Send + Sync + 'static>(
    request: Request,
    turn: StoredValue<u32>,
    into: RwSignal<Answer<T>>,
    pick: impl FnOnce(Response) -> Option<T> + 'static,
) {
    let mine = turn.get_value().wrapping_add(1);
    turn.set_value(mine);
    ask(request, move |response| {
        if turn.try_get_value() != Some(mine) {
            return;
        }
        let answer = match response {
            Response::Error(e) => Err(e),
            other => pick(other).ok_or_else(|| "the analysis worker gave another answer".to_owned()),
        };
        into.try_set(Some(answer));
    });
}

/// Asks the worker; `then` gets the answer (or an error saying why there is none).
pub fn ask(request: Request, then: impl FnOnce(Response) + 'static) {
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.checked_add(1).unwrap_or(1));
        id
    });
    let text = match serde_json::to_string(&Envelope { id, request }) {
        Ok(t) => t,
        Err(e) => return then(Response::Error(format!("cannot send the question: {e}"))),
    };
    let started = WORKER.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = start().map(|worker| Running { worker, held: Some(Vec::new()) });
        }
        w.is_some()
    });
    if !started {
        return then(Response::Error("the analysis worker is not part of this build".into()));
    }
    WAITING.with(|q| q.borrow_mut().insert(id, Box::new(then)));
    let sent = WORKER.with(|w| match w.borrow_mut().as_mut() {
        Some(Running { held: Some(held), .. }) => {
            held.push(text);
            true
        }
        Some(Running { worker, held: None }) => worker.post_message(&JsValue::from_str(&text)).is_ok(),
        None => false,
    });
    if !sent {
        fail_all("the analysis worker cannot be reached");
    }
}

/// The worker listens: send what was held.
fn ready() {
    WORKER.with(|w| {
        if let Some(Running { worker, held }) = w.borrow_mut().as_mut() {
            for text in held.take().unwrap_or_default() {
                let _ = worker.post_message(&JsValue::from_str(&text));
            }
        }
    });
}

/// Answers every waiting question with `why`, and forgets the worker so the
/// next question starts a new one.
fn fail_all(why: &str) {
    WORKER.with(|w| {
        if let Some(r) = w.borrow_mut().take() {
            r.worker.terminate();
        }
    });
    let waiting: Vec<Callback> = WAITING.with(|q| q.borrow_mut().drain().map(|(_, f)| f).collect());
    for f in waiting {
        f(Response::Error(why.to_owned()));
    }
}

/// Starts the worker from the loader the page names (see scripts/externalize-loader.mjs).
fn start() -> Option<web_sys::Worker> {
    let url = document().query_selector("meta[name=cloudwright-worker]").ok()??.get_attribute("content")?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let text = ev.data().as_string().unwrap_or_default();
        if text == cloudwright_core::protocol::READY {
            return ready();
        }
        let reply = serde_json::from_str::<Reply>(&text)
            .unwrap_or_else(|e| Reply { id: 0, response: Response::Error(format!("unreadable answer: {e}")) });
        if let Some(then) = WAITING.with(|q| q.borrow_mut().remove(&reply.id)) {
            then(reply.response);
        }
    });
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|ev: web_sys::ErrorEvent| {
        ev.prevent_default();
        fail_all(&format!("the analysis stopped: {}", ev.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page.
    on_message.forget();
    on_error.forget();
    Some(worker)
}
