//! The file format: versioned JSON, the one boundary where designs are
//! serialised. Export writes DTOs (`format/dto.rs`); import is
//! parse → migrate → restore item by item (repairing and reporting) → build.

mod dto;
mod restore;

use std::fmt;

use serde_json::Value;

use crate::catalog::Catalog;
use crate::design::Design;
use crate::diagnostic::Diagnostic;
use crate::limits::MAX_FILE_BYTES;

/// The `format` field of every Cloudwright design file.
pub const FORMAT: &str = "cloudwright";
/// The version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 1;

pub use restore::REPAIRED;

/// A design read from a file, with every repair made on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub design: Design,
    /// What was wrong in the file and what was done about it (code [`REPAIRED`]),
    /// and notes on what was kept as it is (e.g. `unknown-kind`); empty for a clean file.
    pub repairs: Vec<Diagnostic>,
}

impl Imported {
    /// Whether importing changed anything: saving the design again would not
    /// give back the file's content.
    pub fn changed(&self) -> bool {
        self.repairs.iter().any(|d| d.code == REPAIRED)
    }
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: usize, limit: usize },
    NotJson { line: usize, column: usize, reason: String },
    NotCloudwright(String),
    NewerVersion { found: u64, supported: u64 },
    TooManyItems { what: &'static str, count: usize, limit: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB; Cloudwright opens designs up to {:.0} MB",
                *bytes as f64 / 1_048_576.0,
                *limit as f64 / 1_048_576.0
            ),
            ImportError::NotJson { line, column, reason } => {
                write!(f, "the file is not valid JSON (line {line}, column {column}: {reason})")
            }
            ImportError::NotCloudwright(why) => write!(f, "this is not a Cloudwright design: {why}"),
            ImportError::NewerVersion { found, supported } => write!(
                f,
                "this design was saved by a newer Cloudwright (file version {found}); this one reads up to version {supported}. Update Cloudwright to open it"
            ),
            ImportError::TooManyItems { what, count, limit } => {
                write!(f, "the design has {count} {what}; Cloudwright opens designs with up to {limit}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Writes `design` in canonical form: pretty JSON, fixed field order.
pub fn export(design: &Design) -> String {
    let mut out = dto::to_json(design, b"  ");
    out.push('\n');
    out
}

/// Writes `design` as [`export`] does but without indentation, for browser storage:
/// about a third smaller and quicker to write. A 20,000-component design is 3.6 MB
/// instead of 5.1 MB, where a browser allows about 5 M characters per site. [`import`]
/// reads both; a file a user downloads is always [`export`]'s.
pub fn export_for_storage(design: &Design) -> String {
    dto::to_json(design, b"")
}

/// Reads a design file. Anything repairable is repaired and reported; only a
/// file that is not a Cloudwright design at all (or too big, or too new) fails.
pub fn import(text: &str, catalog: &Catalog) -> Result<Imported, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len(), limit: MAX_FILE_BYTES });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: json_reason(&e),
    })?;
    let Value::Object(mut root) = value else {
        return Err(ImportError::NotCloudwright("the file holds a JSON value, not an object".to_owned()));
    };
    match root.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(other)) => {
            return Err(ImportError::NotCloudwright(format!("its \"format\" is \"{}\"", truncate(other, 40))))
        }
        _ if root.get("type").and_then(Value::as_str) == Some("excalidraw") => {
            return Err(ImportError::NotCloudwright("it is an Excalidraw drawing".to_owned()))
        }
        _ => return Err(ImportError::NotCloudwright("it has no \"format\": \"cloudwright\" field".to_owned())),
    }
    let version = match root.get("version") {
        Some(v) => v.as_u64().filter(|&v| v >= 1).ok_or_else(|| {
            ImportError::NotCloudwright("its \"version\" is not a whole number of 1 or more".to_owned())
        })?,
        None => return Err(ImportError::NotCloudwright("it has no \"version\" field".to_owned())),
    };
    if version > CURRENT_VERSION {
        return Err(ImportError::NewerVersion { found: version, supported: CURRENT_VERSION });
    }
    migrate(&mut root, version);
    restore::restore(&root, catalog)
}

/// Brings a file of an older version up to [`CURRENT_VERSION`], one step at a time.
/// Step `i` turns version `i + 1` into version `i + 2`.
fn migrate(root: &mut serde_json::Map<String, Value>, from: u64) {
    const STEPS: [fn(&mut serde_json::Map<String, Value>); (CURRENT_VERSION - 1) as usize] = [];
    for step in STEPS.iter().skip(from.saturating_sub(1) as usize) {
        step(root);
    }
    root.insert("version".to_owned(), Value::from(CURRENT_VERSION));
}

fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    // serde_json appends " at line L column C"; we report those separately.
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
    if msg.contains("recursion limit") {
        "nested more than 128 levels deep".to_owned()
    } else if e.is_eof() {
        format!("{msg}; the file looks cut short")
    } else {
        msg
    }
}

pub(crate) fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
