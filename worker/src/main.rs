//! The analysis module: answers the app's questions (`cloudwright_core::protocol`).
//! The page fetches it only when a panel first needs it, and runs it twice:
//! in a Web Worker, where it listens for messages, and on the page itself,
//! where the app calls [`answer`] directly for a small design's resilience
//! figures so they land in the edit's own frame. On native targets it does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    if web_sys::window().is_none() {
        listen();
    }
}

/// Answers one question (an `Envelope` as JSON) with a `Reply` as JSON.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn answer(question: &str) -> String {
    cloudwright_core::protocol::answer_text(question)
}

#[cfg(target_arch = "wasm32")]
fn listen() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let question = ev.data().as_string().unwrap_or_default();
        let answer = cloudwright_core::protocol::answer_text(&question);
        // Posting a string to our own page cannot fail short of the page closing.
        let _ = reply_to.post_message(&JsValue::from_str(&answer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages that came before the module was running were dropped: the
    // page holds its questions until this.
    let _ = scope.post_message(&JsValue::from_str(cloudwright_core::protocol::READY));
}
