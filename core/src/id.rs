//! Stable, opaque identities for the items of a design.
//!
//! An id is a short string chosen when the item is created and never reused
//! for another item of the same design. Ids appear in files, share links, undo
//! entries and the UI; graph indices never do.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest id a file may carry; longer ones are replaced on import.
pub const MAX_ID_LEN: usize = 64;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The prefix of ids this design hands out for new items of this type.
            pub const PREFIX: &'static str = $prefix;

            /// Wraps a string as an id. The caller is responsible for uniqueness.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The id `PREFIX` + `n`, e.g. `c12`.
            pub fn numbered(n: u64) -> Self {
                Self(format!("{}{}", $prefix, n))
            }

            /// The number of an id of the form `PREFIX` + digits.
            pub fn number(&self) -> Option<u64> {
                self.0.strip_prefix($prefix).and_then(|d| d.parse().ok())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// Identity of a [`crate::Component`].
    ComponentId,
    "c"
);
id_type!(
    /// Identity of a [`crate::Link`].
    LinkId,
    "l"
);
id_type!(
    /// Identity of a [`crate::Container`].
    ContainerId,
    "g"
);

/// Any addressable item of a design: what a diagnostic or a selection points at.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum ItemRef {
    Component(ComponentId),
    Link(LinkId),
    Container(ContainerId),
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemRef::Component(id) => write!(f, "component {id}"),
            ItemRef::Link(id) => write!(f, "link {id}"),
            ItemRef::Container(id) => write!(f, "container {id}"),
        }
    }
}

impl From<ComponentId> for ItemRef {
    fn from(id: ComponentId) -> Self {
        ItemRef::Component(id)
    }
}
impl From<LinkId> for ItemRef {
    fn from(id: LinkId) -> Self {
        ItemRef::Link(id)
    }
}
impl From<ContainerId> for ItemRef {
    fn from(id: ContainerId) -> Self {
        ItemRef::Container(id)
    }
}
