//! Findings about a design or a file: what is wrong, how bad, and where.

use std::fmt;

use serde::Serialize;

use crate::id::ItemRef;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding. `code` is a stable kebab-case key for tools and tests.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    /// The item the finding is about, when it is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemRef>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>, item: Option<ItemRef>) -> Self {
        Self { severity, code, message: message.into(), item }
    }
    pub fn error(code: &'static str, message: impl Into<String>, item: Option<ItemRef>) -> Self {
        Self::new(Severity::Error, code, message, item)
    }
    pub fn warning(code: &'static str, message: impl Into<String>, item: Option<ItemRef>) -> Self {
        Self::new(Severity::Warning, code, message, item)
    }
    pub fn info(code: &'static str, message: impl Into<String>, item: Option<ItemRef>) -> Self {
        Self::new(Severity::Info, code, message, item)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]: {}", self.severity, self.code, self.message)
    }
}
