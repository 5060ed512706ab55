//! The request's region and the client's: an operation with a top-level region parameter
//! ([`Operation::REGION_PARAMETER`]) that leaves it empty gets the client's region, and a request
//! for another region than the one the client's endpoint was resolved for is refused before
//! anything is signed (it would reach the wrong regional host).

use std::borrow::Cow;

use super::Client;
use crate::endpoint::{Network, ProductEndpoints};
use crate::operation::{Operation, Params};
use crate::validate::{Rule, Violation};
use crate::wire::{INVALID_PARAMETER, MISSING_PARAMETER};

/// How the client's endpoint was found, kept to judge a request's region: only an endpoint
/// resolved from `.region(..)` through the product's table is bound to a region (an explicit
/// `.endpoint(..)` is whatever the caller says it is).
#[derive(Clone, Copy, Debug)]
pub(crate) struct RegionBinding {
    pub(crate) endpoints: ProductEndpoints,
    pub(crate) network: Network,
}

impl Client {
    /// Fills the region parameter of `O` in `query` from the client's region when the request
    /// left it empty; returns the violation when it is missing on both sides (and `required`),
    /// or when it names a region whose endpoint is not the client's.
    pub(super) fn settle_region<O: Operation>(&self, query: &mut Params) -> Option<Violation> {
        let parameter = O::REGION_PARAMETER?;
        let name = parameter.name;
        let inner = &*self.inner;
        let given = query.get(name).filter(|v| !v.is_empty());
        let Some(given) = given else {
            return match (&inner.region, parameter.required) {
                (Some(region), _) => {
                    query.set(name, region);
                    None
                }
                (None, true) => Some(Violation {
                    parameter: Cow::Borrowed(name),
                    rule: Rule::RegionRequired,
                    value: None,
                    code: MISSING_PARAMETER,
                }),
                (None, false) => None,
            };
        };
        let (Some(binding), Some(client_region)) = (inner.region_binding, &inner.region) else {
            return None;
        };
        if given == client_region {
            return None;
        }
        // A central endpoint serves several regions: only another host is a mismatch.
        if binding
            .endpoints
            .resolve(given, binding.network)
            .is_ok_and(|e| e == inner.endpoint)
        {
            return None;
        }
        Some(Violation {
            parameter: Cow::Borrowed(name),
            rule: Rule::RegionMismatch {
                client_region: client_region.clone(),
                endpoint: inner.endpoint.host().to_owned(),
            },
            value: Some(given.to_owned()),
            code: INVALID_PARAMETER,
        })
    }
}
