//! Resolving a region: the product's table, then its rule, over the public or the VPC network.

use super::{Endpoint, EndpointError};

/// A product's regional endpoint table: `(region_id, host)` rows.
pub type RegionTable = &'static [(&'static str, &'static str)];

/// Resolves `region` through `table` alone to `https://<host>`.
///
/// An unknown region is an [`EndpointError::UnknownRegion`] listing the known ones; an explicit
/// endpoint is the way to reach a region the table does not have.
pub fn resolve_region(region: &str, table: &[(&str, &str)]) -> Result<Endpoint, EndpointError> {
    match table.iter().find(|(id, _)| *id == region) {
        Some((_, host)) => Endpoint::https(host),
        None => Err(unknown_region(region, table)),
    }
}

fn unknown_region(region: &str, table: &[(&str, &str)]) -> EndpointError {
    EndpointError::UnknownRegion {
        region: region.to_owned(),
        known: table.iter().map(|(id, _)| (*id).to_owned()).collect(),
    }
}

/// Which network a client reaches the product over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Network {
    /// The public endpoints (the published table, then the rule).
    #[default]
    Public,
    /// The VPC endpoints, reachable only from inside an Alibaba Cloud VPC:
    /// `<prefix>-vpc.<region>.aliyuncs.com`, or `<prefix>-vpc.aliyuncs.com` for a central product.
    /// The published tables list public hosts, so they are not consulted.
    Vpc,
}

/// How a product forms the host of a region its table does not list (the official SDKs'
/// `_endpoint_rule`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EndpointRule {
    /// `<prefix>.<region>.aliyuncs.com`.
    Regional,
    /// `<prefix>.aliyuncs.com`, whatever the region.
    Central,
}

/// Everything a product publishes about its endpoints; product crates export theirs as
/// `ENDPOINT_RULES` and their `client()` passes it to
/// [`ClientBuilder::product_endpoints`](crate::client::ClientBuilder::product_endpoints).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProductEndpoints {
    /// The first label of the product's hosts (`ecs`, `mongodb`, `metrics`, `fcv3`); empty when
    /// unknown (a bare table).
    pub host_prefix: &'static str,
    /// The rule for regions the table does not list; `None`: those regions are errors.
    pub rule: Option<EndpointRule>,
    /// `(region_id, host)` rows, searched first.
    pub table: RegionTable,
}

/// The domain every rule-formed host ends in.
const DOMAIN: &str = "aliyuncs.com";

impl ProductEndpoints {
    /// A table with no prefix and no rule: unknown regions and VPC endpoints are errors.
    pub const fn table_only(table: RegionTable) -> Self {
        Self {
            host_prefix: "",
            rule: None,
            table,
        }
    }

    /// The host `region` resolves to on `network`: over [`Network::Public`] the table's host,
    /// else the rule's; over [`Network::Vpc`] the rule's VPC form (for a product without a rule,
    /// only for regions its table lists).
    pub fn host(&self, region: &str, network: Network) -> Result<String, EndpointError> {
        let listed = self.table.iter().find(|(id, _)| *id == region);
        if network == Network::Public {
            if let Some((_, host)) = listed {
                return Ok((*host).to_owned());
            }
        }
        let rule = match (self.rule, listed) {
            (Some(rule), _) => rule,
            // A product without a rule has regional hosts: the table lists them.
            (None, Some(_)) if network == Network::Vpc => EndpointRule::Regional,
            (None, _) => return Err(unknown_region(region, self.table)),
        };
        if self.host_prefix.is_empty() {
            return Err(match network {
                Network::Vpc => EndpointError::NoHostPrefix {
                    region: region.to_owned(),
                },
                Network::Public => unknown_region(region, self.table),
            });
        }
        let suffix = match network {
            Network::Public => "",
            Network::Vpc => "-vpc",
        };
        // Even a central host is only for well-formed region ids: garbage is not sent on.
        check_region_id(region)?;
        let prefix = self.host_prefix;
        Ok(match rule {
            EndpointRule::Regional => format!("{prefix}{suffix}.{region}.{DOMAIN}"),
            EndpointRule::Central => format!("{prefix}{suffix}.{DOMAIN}"),
        })
    }

    /// `https://<host>` for [`host`](Self::host).
    pub fn resolve(&self, region: &str, network: Network) -> Result<Endpoint, EndpointError> {
        Endpoint::https(&self.host(region, network)?)
    }
}

/// A region id becomes a host label: lower-case letters, digits and inner `-`, at most 63.
fn check_region_id(region: &str) -> Result<(), EndpointError> {
    let reason = if region.is_empty() {
        Some("it is empty")
    } else if region.len() > 63 {
        Some("it is longer than 63 characters")
    } else if !region
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        Some("only lower-case letters, digits and '-' are allowed")
    } else if region.starts_with('-') || region.ends_with('-') {
        Some("it starts or ends with '-'")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(EndpointError::InvalidRegion {
            region: region.to_owned(),
            reason,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_regions_over_https() {
        const TABLE: &[(&str, &str)] = &[
            ("cn-hangzhou", "swas.cn-hangzhou.aliyuncs.com"),
            ("ap-southeast-1", "swas.ap-southeast-1.aliyuncs.com"),
        ];
        assert_eq!(
            resolve_region("cn-hangzhou", TABLE).map(|e| e.to_string()),
            Ok("https://swas.cn-hangzhou.aliyuncs.com".to_owned())
        );
        let err = resolve_region("mars-1", TABLE).map_err(|e| e.to_string());
        assert_eq!(
            err,
            Err(
                "unknown region \"mars-1\": no endpoint is known for it (known regions: \
                 cn-hangzhou, ap-southeast-1); set an explicit endpoint to use it anyway"
                    .to_owned()
            )
        );
        assert!(matches!(
            resolve_region("x", &[("x", "http://evil")]),
            Err(EndpointError::InvalidHost { .. })
        ));
    }

    const ECS_LIKE: ProductEndpoints = ProductEndpoints {
        host_prefix: "ecs",
        rule: Some(EndpointRule::Regional),
        table: &[
            ("cn-hangzhou", "ecs-cn-hangzhou.aliyuncs.com"),
            ("cn-qingdao", "ecs.cn-qingdao.aliyuncs.com"),
        ],
    };

    #[test]
    fn table_first_then_rule_then_vpc_form() {
        let host = |region, network| ECS_LIKE.host(region, network);
        assert_eq!(
            host("cn-hangzhou", Network::Public),
            Ok("ecs-cn-hangzhou.aliyuncs.com".to_owned())
        );
        assert_eq!(
            host("eu-west-1", Network::Public),
            Ok("ecs.eu-west-1.aliyuncs.com".to_owned())
        );
        // The table lists public hosts: a VPC endpoint is always the rule's VPC form.
        assert_eq!(
            host("cn-hangzhou", Network::Vpc),
            Ok("ecs-vpc.cn-hangzhou.aliyuncs.com".to_owned())
        );
        let central = ProductEndpoints {
            rule: Some(EndpointRule::Central),
            ..ECS_LIKE
        };
        assert_eq!(
            central.host("eu-west-1", Network::Public),
            Ok("ecs.aliyuncs.com".to_owned())
        );
        assert_eq!(
            central.host("eu-west-1", Network::Vpc),
            Ok("ecs-vpc.aliyuncs.com".to_owned())
        );
        assert_eq!(
            ECS_LIKE
                .resolve("eu-west-1", Network::Public)
                .map(|e| e.to_string()),
            Ok("https://ecs.eu-west-1.aliyuncs.com".to_owned())
        );
    }

    #[test]
    fn no_rule_lists_known_regions_and_bad_region_ids_are_refused() {
        let no_rule = ProductEndpoints {
            rule: None,
            ..ECS_LIKE
        };
        let unknown = Err(EndpointError::UnknownRegion {
            region: "eu-west-1".to_owned(),
            known: vec!["cn-hangzhou".to_owned(), "cn-qingdao".to_owned()],
        });
        assert_eq!(no_rule.host("eu-west-1", Network::Public), unknown);
        assert_eq!(no_rule.host("eu-west-1", Network::Vpc), unknown);
        assert_eq!(
            no_rule.host("cn-qingdao", Network::Vpc),
            Ok("ecs-vpc.cn-qingdao.aliyuncs.com".to_owned())
        );
        let bare = ProductEndpoints::table_only(ECS_LIKE.table);
        assert_eq!(
            bare.host("cn-qingdao", Network::Vpc),
            Err(EndpointError::NoHostPrefix {
                region: "cn-qingdao".to_owned()
            })
        );
        for (region, reason) in [
            (
                "evil.com/x",
                "only lower-case letters, digits and '-' are allowed",
            ),
            (
                "CN-HANGZHOU",
                "only lower-case letters, digits and '-' are allowed",
            ),
            ("", "it is empty"),
            ("-cn", "it starts or ends with '-'"),
        ] {
            assert_eq!(
                ECS_LIKE.host(region, Network::Public),
                Err(EndpointError::InvalidRegion {
                    region: region.to_owned(),
                    reason
                })
            );
        }
        assert!(matches!(
            ECS_LIKE.host(&"a".repeat(64), Network::Vpc),
            Err(EndpointError::InvalidRegion {
                reason: "it is longer than 63 characters",
                ..
            })
        ));
    }
}
