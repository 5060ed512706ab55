//! The STS specs the runtime expands (`runtime/specs/sts-2015-04-01/`, inside the crate so that it
//! packages and builds alone) are exactly the import's (`specs/sts-2015-04-01/`); when they
//! differ, `scripts/regenerate.sh` copies them again.

use std::path::Path;

#[test]
fn the_runtime_expands_exactly_the_imported_sts_specs() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copies = manifest.join("specs/sts-2015-04-01");
    let imported = manifest.join("../specs/sts-2015-04-01");
    let mut compared = 0;
    for entry in std::fs::read_dir(&copies).unwrap() {
        let copy = entry.unwrap().path();
        let name = copy.file_name().unwrap();
        let source = imported.join(name);
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            std::fs::read(&source).unwrap(),
            "{} differs from {}: run scripts/regenerate.sh",
            copy.display(),
            source.display()
        );
        compared += 1;
    }
    // The shared shapes, AssumeRole, AssumeRoleWithOIDC, GetCallerIdentity: what sts.rs expands.
    let sts = std::fs::read_to_string(manifest.join("src/credentials/sts.rs")).unwrap();
    assert_eq!(
        compared,
        sts.matches("spec = \"specs/sts-2015-04-01/").count()
    );
}
