//! The analysis worker: answers the app's questions (`cloudwright_core::protocol`)
//! off the main thread, in its own wasm module that the page fetches only when
//! a panel first needs it. On native targets it does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    listen();
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
