//! Explicit size limits. Files and designs beyond them are refused with a
//! clear message rather than slowing the editor to a halt.

/// Largest design file accepted, in bytes (10 MB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_COMPONENTS: usize = 20_000;
pub const MAX_CONTAINERS: usize = 5_000;
pub const MAX_LINKS: usize = 100_000;
/// Labels of components, containers and links, in characters.
pub const MAX_LABEL_CHARS: usize = 200;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 100_000;
pub const MAX_PROPS_PER_COMPONENT: usize = 200;
