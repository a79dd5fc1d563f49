//! Fuzzes the file importer: any bytes must give a design or an error, never a
//! panic, and an imported design must survive export → import unchanged.
#![no_main]

use cloudwright_core::{export, import, validate, Catalog};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = Catalog::builtin();
    if let Ok(imported) = import(text, catalog) {
        let _ = validate(&imported.design, catalog);
        let again = import(&export(&imported.design), catalog).expect("an exported design imports");
        assert_eq!(again.design, imported.design, "export → import changed the design");
        assert!(!again.changed(), "an exported design needed repairs: {:?}", again.repairs);
    }
});
