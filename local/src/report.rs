//! Messages to the operator, on stderr.
//!
//! A server keeps serving when its stderr cannot be written (a full disk, a closed pipe):
//! `eprintln!` panics then, and a panic between an order's commit and its rollback once left an
//! order in memory that was never on disk (issue 12). Every message goes through [`line()`], which
//! drops what cannot be written.

use std::io::Write as _;

/// Writes `message` and a newline to stderr; a write that fails is dropped, never a panic.
pub fn line(message: std::fmt::Arguments<'_>) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_fmt(message)
        .and_then(|()| stderr.write_all(b"\n"));
}

/// `report!("...", args)`: [`line()`] with `format!` syntax.
#[macro_export]
macro_rules! report {
    ($($arg:tt)*) => {
        $crate::report::line(::std::format_args!($($arg)*))
    };
}
