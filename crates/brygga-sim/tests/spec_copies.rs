//! The spec files bundled in `spec/` are the shared originals, byte for byte.
//!
//! Conformance checks are only as good as the file they read; a hand edit to a copy (to make a
//! failing body pass) would silently weaken them. `shared/specs/` beside the repository holds the
//! files as downloaded from Starweb's and Ongoing's published sources.

use std::fs;
use std::path::{Path, PathBuf};

fn shared_specs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/specs")
}

fn bundled_specs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("spec")
}

#[test]
fn every_bundled_spec_equals_its_shared_original() {
    let shared = shared_specs();
    assert!(
        shared.is_dir(),
        "{} is missing: the spec copies can only be checked in a checkout that has shared/ \
         beside the repository (it holds the originals of the OpenAPI files)",
        shared.display()
    );
    let bundled: Vec<PathBuf> = fs::read_dir(bundled_specs())
        .expect("spec/ is part of the crate")
        .map(|entry| entry.expect("spec/ is readable").path())
        .collect();
    assert_eq!(
        bundled.len(),
        3,
        "the Ongoing file and the two Starweb versions: {bundled:?}"
    );
    for copy in bundled {
        let name = copy.file_name().expect("a file in spec/");
        let original = shared.join(name);
        let original_bytes = fs::read(&original).unwrap_or_else(|error| {
            panic!(
                "{} has no original at {}: {error}",
                copy.display(),
                original.display()
            )
        });
        let copy_bytes = fs::read(&copy).expect("a bundled spec is readable");
        assert!(
            copy_bytes == original_bytes,
            "{} differs from {}: the copies must stay unchanged so the checks judge by the \
             published contract; copy the original over it",
            copy.display(),
            original.display()
        );
    }
}
