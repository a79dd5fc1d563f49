//! Light and dark themes: follow the system (the default), or the user's
//! choice, remembered in browser storage. The choice is a `data-theme`
//! attribute on `<html>`, which the stylesheet keys its colours on. `app/theme.js`
//! sets it from storage before the first paint, so it reads the same key and values.

use leptos::prelude::*;

use crate::persistence::storage;

const THEME_KEY: &str = "cloudwright.theme.v1";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    fn from_key(key: &str) -> Self {
        match key {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
    /// The next one in the toolbar's cycle.
    fn next(self) -> Self {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
    fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
}

fn apply(theme: Theme) {
    let Some(root) = document().document_element() else { return };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        t => root.set_attribute("data-theme", t.key()),
    };
}

/// A toolbar button that cycles system → light → dark.
#[component]
pub fn ThemeButton() -> impl IntoView {
    let saved = storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    let theme = RwSignal::new(saved.as_deref().map_or(Theme::System, Theme::from_key));
    Effect::new(move |_| apply(theme.get()));
    let cycle = move |_| {
        let next = theme.get_untracked().next();
        theme.set(next);
        if let Some(s) = storage() {
            let _ = match next {
                Theme::System => s.remove_item(THEME_KEY),
                t => s.set_item(THEME_KEY, t.key()),
            };
        }
    };
    view! {
        <button data-testid="theme" title="Light, dark, or follow the system" on:click=cycle>{move || theme.get().label()}</button>
    }
}
