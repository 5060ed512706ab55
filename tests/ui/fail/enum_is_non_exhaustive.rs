// A generated enum always has `Unknown` (values the spec does not list, kept as sent), so a
// match must handle it — here it does not (other crates also see `#[non_exhaustive]`).
acs_macros::generate!("../../specs/features.json");

use run_things::ChargeType;

fn main() {
    let charge = ChargeType::from("PrePaid");
    match charge {
        ChargeType::PrePaid => {}
        ChargeType::PostPaid => {}
    }
}
