//! Designs that ship with Cloudwright, stored as ordinary design files.

use crate::catalog::Catalog;
use crate::design::Design;
use crate::format;

/// An example design: a stable key, a title, and its file text.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    pub key: &'static str,
    pub title: &'static str,
    pub file: &'static str,
}

/// Every built-in example, the default first.
pub const EXAMPLES: &[Example] = &[
    Example { key: "three-tier", title: "Three-tier web app", file: include_str!("../data/examples/three-tier.json") },
    Example { key: "hosting", title: "Cloudwright's own hosting", file: include_str!("../data/examples/hosting.json") },
];

/// The example with `key`.
pub fn example(key: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.key == key)
}

impl Example {
    /// The example as a design. The files are checked by the tests, so a
    /// failure here is a build defect; it still yields an empty design, not a panic.
    pub fn design(&self) -> Design {
        format::import(self.file, Catalog::builtin()).map(|i| i.design).unwrap_or_default()
    }
}

/// The design a new user sees first.
pub fn default_design() -> Design {
    EXAMPLES[0].design()
}
