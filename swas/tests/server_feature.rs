//! The server side of each operation (`from_wire`, `FromWire`) is compiled only with the
//! `server` feature (the runtime's, which `swas/server` enables): `cargo test -p swas` checks
//! that a client build leaves it out, a build with `--features server` that it is there.

use std::marker::PhantomData;

use swas::{CreateInstances, FromWire, ListInstances};

/// `Probe::<O>::has_from_wire()` is the inherent method (true) when `O: FromWire`, and falls
/// back to the trait method (false) otherwise.
struct Probe<O>(PhantomData<O>);

// One of the two methods is unused in each configuration: that is the point.
#[allow(dead_code)]
trait Fallback {
    fn has_from_wire(&self) -> bool {
        false
    }
}

impl<O> Fallback for Probe<O> {}

impl<O: FromWire> Probe<O> {
    #[allow(dead_code)]
    fn has_from_wire(&self) -> bool {
        true
    }
}

#[test]
fn the_server_side_is_there_exactly_when_the_feature_is() {
    assert_eq!(
        Probe::<CreateInstances>(PhantomData).has_from_wire(),
        acs_runtime_server()
    );
    assert_eq!(
        Probe::<ListInstances>(PhantomData).has_from_wire(),
        acs_runtime_server()
    );
    if cfg!(feature = "server") {
        assert!(acs_runtime_server(), "swas/server enables the runtime's");
    }
}

fn acs_runtime_server() -> bool {
    acs_runtime::SERVER_SIDE
}
