//! Type-state support for generated builders: a required parameter's slot in the builder's
//! type is either its `missing::Name` marker or [`Set`]. Generated `build()` requires, of each
//! slot, that parameter's own `missing::NameProvided` trait (implemented only for [`Set`]), whose
//! message names the parameter and its setter. [`Provided`] is the generic form, for hand-written
//! builders.

/// A required parameter that has been set.
#[derive(Clone, Copy, Debug)]
pub enum Set {}

/// Implemented only by [`Set`]: `build()` requires it of every required parameter's slot.
#[diagnostic::on_unimplemented(
    message = "required parameter not set: `{Self}`",
    label = "`build()` needs every required parameter",
    note = "`{Self}` names a required parameter that was never given: call the builder method named after it in snake_case (`PlanId` → `.plan_id(...)`) before `.build()`"
)]
pub trait Provided {}

impl Provided for Set {}
