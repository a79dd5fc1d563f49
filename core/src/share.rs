//! Share links: the whole design, compressed, in the URL fragment. Nothing is
//! sent to a server; the fragment never leaves the browser.
//!
//! The page packs and unpacks links through the analysis worker
//! (`protocol::Request::Share` and `Unshare`): the compressor and its tables
//! were 18 kB gzip of the first load, for a button and an address few loads use.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::catalog::Catalog;
use crate::design::Design;
use crate::format::{export, import, Imported};
use crate::limits::MAX_FILE_BYTES;

/// The prefix of a share link's fragment: `#d=…`.
pub const FRAGMENT_PREFIX: &str = "d=";

/// The design as URL-safe text (deflate, then base64url).
pub fn encode(design: &Design) -> String {
    pack(&export(design))
}

/// A design file's text as URL-safe text (deflate, then base64url).
pub fn pack(file: &str) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(file.as_bytes(), 9))
}

/// Reads a share link's text back, refusing anything that inflates past the file limit.
pub fn decode(text: &str) -> Result<Imported, String> {
    let json = unpack(text)?;
    import(&json, Catalog::builtin()).map_err(|e| opening_failed(&e))
}

/// Why a link's design, unpacked, cannot be opened (`e`: the import's error).
pub fn opening_failed(e: &dyn std::fmt::Display) -> String {
    format!("the shared design cannot be opened: {e}")
}

/// A share link's text (with or without `#d=`) back to the design file's
/// text, not yet read; refuses anything that inflates past the file limit.
pub fn unpack(text: &str) -> Result<String, String> {
    let text = text.trim().trim_start_matches('#').trim_start_matches(FRAGMENT_PREFIX);
    let packed = URL_SAFE_NO_PAD
        .decode(text.as_bytes())
        .map_err(|_| "the link is damaged: it is not valid share-link text".to_owned())?;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_FILE_BYTES).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                "the shared design is larger than Cloudwright opens (10 MB)".to_owned()
            }
            _ => "the link is damaged: its design cannot be unpacked".to_owned(),
        })?;
    String::from_utf8(bytes).map_err(|_| "the link is damaged: its design is not text".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::default_design;

    #[test]
    fn a_design_survives_the_round_trip_and_the_link_is_short() {
        let d = default_design();
        let text = encode(&d);
        assert!(text.len() < export(&d).len() / 2, "{} characters", text.len());
        assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(decode(&format!("#d={text}")).unwrap().design, d);
    }

    #[test]
    fn damaged_and_hostile_links_are_refused_clearly() {
        assert_eq!(decode("%%%").unwrap_err(), "the link is damaged: it is not valid share-link text");
        assert_eq!(decode("AAAA").unwrap_err(), "the link is damaged: its design cannot be unpacked");
        // A compression bomb: 11 MB of zeros in a few kilobytes.
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&vec![b'0'; 11 * 1024 * 1024], 9));
        assert!(bomb.len() < 50_000);
        assert_eq!(decode(&bomb).unwrap_err(), "the shared design is larger than Cloudwright opens (10 MB)");
        let not_design = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{\"format\":\"other\"}", 9));
        assert!(decode(&not_design)
            .unwrap_err()
            .starts_with("the shared design cannot be opened: this is not a Cloudwright design"));
    }
}
