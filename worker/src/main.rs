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

/// Answers one question (an `Envelope`, as bytes) with a `Reply`, as bytes.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn answer(question: &[u8]) -> Vec<u8> {
    cloudwright_core::protocol::answer_bytes(question)
}

#[cfg(target_arch = "wasm32")]
fn listen() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        // Anything but bytes is an unreadable question, answered as such.
        let question = ev.data().dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
        let answer = js_sys::Uint8Array::from(cloudwright_core::protocol::answer_bytes(&question).as_slice());
        // Handed over, not copied (an export of a large design is megabytes).
        // Posting to our own page cannot fail short of the page closing.
        let _ = reply_to.post_message_with_transfer(&answer, &js_sys::Array::of1(&answer.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages that came before the module was running were dropped: the
    // page holds its questions until this.
    let _ = scope.post_message(&JsValue::from_str(cloudwright_core::protocol::READY));
}
