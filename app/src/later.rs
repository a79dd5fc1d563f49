//! Work put off until the page is still.

use std::time::Duration;

use leptos::prelude::set_timeout;

/// Runs `act` once `after` has passed, if `current()` still says so (no later
/// call has taken its place) and nothing is `busy()`; while something is, it
/// waits `after` again. `current` answering `None` (what it reads is gone)
/// drops `act`. The autosave waits this way for a gesture's end, and the
/// canvas for a still moment to put back what a drag lifted.
pub(crate) fn when_still(
    after: Duration,
    current: impl Fn() -> Option<bool> + Copy + 'static,
    busy: impl Fn() -> bool + Copy + 'static,
    act: impl FnOnce() + 'static,
) {
    set_timeout(
        move || match current() {
            Some(true) if busy() => when_still(after, current, busy, act),
            Some(true) => act(),
            _ => {}
        },
        after,
    );
}
