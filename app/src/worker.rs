//! The app's side of the analysis module (`cloudwright-worker`): the heavier
//! models run there, in a wasm module the page fetches the first time a panel
//! asks something. Questions and answers are `cloudwright_core::protocol`
//! types, sent as bytes (`Envelope::to_bytes`, `Reply::from_bytes`).
//!
//! The module runs in a Web Worker, off the main thread ([`ask`]). Once the
//! resilience panel has been opened it also runs on the page ([`answer_now`]):
//! a round trip to the worker lands a frame or two after the edit, while a
//! small design's figures computed in the edit's own task are in the very
//! frame that shows the edit.

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
    held: Option<Vec<Vec<u8>>>,
}

/// The module on the page: its `answer` function once it is running.
enum OnPage {
    Absent,
    Loading,
    Running(js_sys::Function),
    /// It failed to load or broke: the worker answers everything.
    Failed,
}

thread_local! {
    static ON_PAGE: RefCell<OnPage> = const { RefCell::new(OnPage::Absent) };
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
        if turn.try_get_value() == Some(mine) {
            into.try_set(Some(settle(response, pick)));
        }
    });
}

/// Like [`ask_into`], but answered on the page within this task when the
/// module runs here (see [`answer_now`]).
pub fn answer_into<T: Send + Sync + 'static>(
    request: Request,
    turn: StoredValue<u32>,
    into: RwSignal<Answer<T>>,
    pick: impl FnOnce(Response) -> Option<T> + 'static,
) {
    match answer_now(request) {
        Ok(response) => {
            // A worker answer still on its way is older than this one.
            turn.update_value(|t| *t = t.wrapping_add(1));
            into.set(Some(settle(response, pick)));
        }
        Err(request) => ask_into(*request, turn, into, pick),
    }
}

fn settle<T>(response: Response, pick: impl FnOnce(Response) -> Option<T>) -> Result<T, String> {
    match response {
        Response::Error(e) => Err(e),
        other => pick(other).ok_or_else(|| "the analysis module gave another answer".to_owned()),
    }
}

/// Asks the worker for text (an export, a share link); `then` gets it, or why there is none.
pub fn ask_text(request: Request, then: impl FnOnce(Result<String, String>) + 'static) {
    ask(request, move |response| {
        then(settle(response, |r| match r {
            Response::Text(text) => Some(text),
            _ => None,
        }))
    });
}

/// Asks the worker; `then` gets the answer (or an error saying why there is none).
pub fn ask(request: Request, then: impl FnOnce(Response) + 'static) {
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.checked_add(1).unwrap_or(1));
        id
    });
    let question = match (Envelope { id, request }).to_bytes() {
        Ok(q) => q,
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
            held.push(question);
            true
        }
        Some(Running { worker, held: None }) => post(worker, &question),
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
            for question in held.take().unwrap_or_default() {
                post(worker, &question);
            }
        }
    });
}

/// Hands `question` to the worker (the bytes move, not copied: a large design is megabytes).
fn post(worker: &web_sys::Worker, question: &[u8]) -> bool {
    let bytes = js_sys::Uint8Array::from(question);
    worker.post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer())).is_ok()
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
        let data = ev.data();
        if data.as_string().as_deref() == Some(cloudwright_core::protocol::READY) {
            return ready();
        }
        let bytes = data.dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
        let reply = Reply::from_bytes(&bytes).unwrap_or_else(|e| Reply { id: 0, response: Response::Error(e) });
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

/// Starts the module on the page, once: a classic script the build names in
/// a `<meta name="cloudwright-analysis">` (see scripts/externalize-loader.mjs),
/// whose init function fetches the same wasm the worker runs.
/// `then` runs once it does.
pub fn start_on_page(then: impl FnOnce() + 'static) {
    let absent = ON_PAGE.with(|p| matches!(*p.borrow(), OnPage::Absent));
    if !absent {
        return;
    }
    let failed = || ON_PAGE.with(|p| *p.borrow_mut() = OnPage::Failed);
    let Some(src) = document()
        .query_selector("meta[name=cloudwright-analysis]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
    else {
        return failed();
    };
    let Ok(script) = document().create_element("script") else { return failed() };
    ON_PAGE.with(|p| *p.borrow_mut() = OnPage::Loading);
    let on_load = Closure::once_into_js(move || {
        let init = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("cloudwrightAnalysis"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(init) = init else { return failed() };
        let Some(running) = init.call0(&JsValue::UNDEFINED).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        else {
            return failed();
        };
        leptos::task::spawn_local(async move {
            let answer = match wasm_bindgen_futures::JsFuture::from(running).await {
                Ok(_) => js_sys::Reflect::get(&init, &JsValue::from_str("answer"))
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok()),
                Err(_) => None,
            };
            let running = answer.is_some();
            ON_PAGE.with(|p| *p.borrow_mut() = answer.map_or(OnPage::Failed, OnPage::Running));
            if running {
                then();
            }
        });
    });
    let on_error = Closure::once_into_js(failed);
    let _ = script.set_attribute("src", &src);
    let _ = js_sys::Reflect::set(&script, &JsValue::from_str("onload"), &on_load);
    let _ = js_sys::Reflect::set(&script, &JsValue::from_str("onerror"), &on_error);
    if document().head().and_then(|h| h.append_child(&script).ok()).is_none() {
        failed();
    }
}

/// Answers on the page, in this task, when the module runs here; otherwise
/// gives the question back (for [`ask`]). Should the module break, it is
/// dropped and the worker answers from then on.
pub fn answer_now(request: Request) -> Result<Response, Box<Request>> {
    let Some(answer) = ON_PAGE.with(|p| match &*p.borrow() {
        OnPage::Running(f) => Some(f.clone()),
        _ => None,
    }) else {
        return Err(Box::new(request));
    };
    let envelope = Envelope { id: 0, request };
    let Ok(question) = envelope.to_bytes() else { return Err(Box::new(envelope.request)) };
    let reply = answer
        .call1(&JsValue::UNDEFINED, &js_sys::Uint8Array::from(question.as_slice()))
        .ok()
        .and_then(|r| r.dyn_into::<js_sys::Uint8Array>().ok())
        .and_then(|r| Reply::from_bytes(&r.to_vec()).ok());
    match reply {
        Some(reply) => Ok(reply.response),
        None => {
            ON_PAGE.with(|p| *p.borrow_mut() = OnPage::Failed);
            Err(Box::new(envelope.request))
        }
    }
}
