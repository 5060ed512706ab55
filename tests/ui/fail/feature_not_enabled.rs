// An operation behind a disabled feature: `swas` is a dependency with its default feature only
// (`workflow`), and StartInstances is in group `instances`. The facade re-exports every operation
// by name behind its group's documented feature, so rustc names the feature to enable.
use swas::StartInstances;

fn main() {
    let _ = StartInstances::builder();
}
