//! Endpoints: where a product's requests go for a region, and explicit overrides.
//!
//! A product crate supplies its [`ProductEndpoints`]: the published table (`&[(region_id, host)]`:
//! the vendor metadata's hosts, then the official SDK's for regions the metadata lacks), the
//! product's host prefix (`ecs`; `mongodb` for `dds`, `metrics` for `cms`: taken from the table,
//! not the product code) and its rule for other regions (regional `<prefix>.<region>.aliyuncs.com`,
//! central `<prefix>.aliyuncs.com`, or none). A region resolves to `https://<host>`: the table's
//! host first, then the rule's; a region neither covers is an error listing the known ones. With
//! [`Network::Vpc`] the host is the rule's VPC form (`<prefix>-vpc.<region>.aliyuncs.com`), as the
//! official SDKs form it. Plain HTTP is only possible through an explicitly given endpoint such
//! as `http://127.0.0.1:8080` (a local stand-in service), which always wins.

use std::fmt;
use std::str::FromStr;

/// URL scheme of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `http` (explicit endpoints only).
    Http,
    /// `https`.
    Https,
}

impl Scheme {
    /// `http` or `https`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }

    /// 80 or 443.
    pub fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }
}

/// Where requests go: scheme, host and port.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Endpoint {
    scheme: Scheme,
    host: String,
    port: u16,
}

/// No usable endpoint. Each variant says exactly what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EndpointError {
    /// The URL has no `scheme://`.
    #[error(
        "endpoint {input:?} has no scheme: write it as http://host[:port] or https://host[:port]"
    )]
    MissingScheme {
        /// The URL given.
        input: String,
    },
    /// The scheme is neither `http` nor `https`.
    #[error("endpoint {input:?} has scheme {scheme:?}; only http and https are supported")]
    UnsupportedScheme {
        /// The URL given.
        input: String,
        /// Its scheme.
        scheme: String,
    },
    /// The host is empty or not a valid host name or IP address.
    #[error("endpoint {input:?} has an invalid host: {reason}")]
    InvalidHost {
        /// The URL (or host) given.
        input: String,
        /// What is wrong with the host.
        reason: String,
    },
    /// The port is not a number from 1 to 65535.
    #[error("endpoint {input:?} has an invalid port {port:?}: expected a number from 1 to 65535")]
    InvalidPort {
        /// The URL given.
        input: String,
        /// The port text.
        port: String,
    },
    /// The URL carries a path, query, fragment or user info; an endpoint is only scheme, host
    /// and port.
    #[error("endpoint {input:?} has {part}; give only scheme, host and optional port")]
    UnexpectedPart {
        /// The URL given.
        input: String,
        /// `a path`, `a query`, `a fragment` or `user info`.
        part: &'static str,
    },
    /// The region is not in the product's endpoint table.
    #[error(
        "unknown region {region:?}: no endpoint is known for it (known regions: {}); \
         set an explicit endpoint to use it anyway",
        if .known.is_empty() { "none".to_owned() } else { .known.join(", ") }
    )]
    UnknownRegion {
        /// The region asked for.
        region: String,
        /// The regions the table has.
        known: Vec<String>,
    },
    /// The region id cannot be part of a host name (a rule would form the host from it).
    #[error("region {region:?} is not a region id: {reason}")]
    InvalidRegion {
        /// The region asked for.
        region: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A VPC endpoint was asked for but the product's table came without a host prefix to form
    /// it from (a bare [`ClientBuilder::regional_endpoints`](crate::client::ClientBuilder::regional_endpoints) table).
    #[error("no VPC endpoint for region {region:?}: the endpoint table was given without the product's host prefix; use the product's client() or an explicit endpoint")]
    NoHostPrefix {
        /// The region asked for.
        region: String,
    },
    /// A region was set but the product supplied no endpoint table to resolve it with.
    #[error("region {region:?} was set but no regional endpoint table was given; set the product's table or an explicit endpoint")]
    NoRegionTable {
        /// The region asked for.
        region: String,
    },
    /// Neither a region nor an endpoint was configured.
    #[error(
        "no endpoint: set a region (with the product's endpoint table) or an explicit endpoint"
    )]
    NotConfigured,
    /// Something else, described.
    #[error("{0}")]
    Other(String),
}

/// `input` with the user-info part of a URL (`user:password@`) replaced by `<redacted>@` (the
/// redaction lives in [`crate::redact`], with the rest of the runtime's redaction).
pub use crate::redact::redact_userinfo;

impl EndpointError {
    /// The same error with user info removed from the URL it echoes.
    fn redacted(self) -> Self {
        match self {
            EndpointError::MissingScheme { input } => EndpointError::MissingScheme {
                input: redact_userinfo(&input),
            },
            EndpointError::UnsupportedScheme { input, scheme } => {
                EndpointError::UnsupportedScheme {
                    input: redact_userinfo(&input),
                    scheme,
                }
            }
            EndpointError::UnexpectedPart { input, part } => EndpointError::UnexpectedPart {
                input: redact_userinfo(&input),
                part,
            },
            EndpointError::InvalidPort { input, port } => EndpointError::InvalidPort {
                input: redact_userinfo(&input),
                port,
            },
            EndpointError::InvalidHost { input, reason } => EndpointError::InvalidHost {
                input: redact_userinfo(&input),
                reason,
            },
            other => other,
        }
    }
}

impl Endpoint {
    /// Parses `http://host[:port]` or `https://host[:port]` (a trailing `/` is allowed). Hosts
    /// are DNS names, IPv4 addresses, or IPv6 addresses in brackets.
    ///
    /// Errors echo the input with any `user:password@` part replaced by `<redacted>@`.
    pub fn parse(input: &str) -> Result<Self, EndpointError> {
        Self::parse_inner(input).map_err(EndpointError::redacted)
    }

    fn parse_inner(input: &str) -> Result<Self, EndpointError> {
        let (scheme, rest) =
            input
                .split_once("://")
                .ok_or_else(|| EndpointError::MissingScheme {
                    input: input.to_owned(),
                })?;
        let scheme = if scheme.eq_ignore_ascii_case("https") {
            Scheme::Https
        } else if scheme.eq_ignore_ascii_case("http") {
            Scheme::Http
        } else {
            return Err(EndpointError::UnsupportedScheme {
                input: input.to_owned(),
                scheme: scheme.to_owned(),
            });
        };
        let unexpected = |part| EndpointError::UnexpectedPart {
            input: input.to_owned(),
            part,
        };
        let authority = match rest.find(['/', '?', '#']) {
            Some(i) => {
                let tail = &rest[i..];
                if tail.starts_with('?') {
                    return Err(unexpected("a query"));
                }
                if tail.starts_with('#') {
                    return Err(unexpected("a fragment"));
                }
                if tail != "/" {
                    return Err(unexpected(if tail.contains('?') {
                        "a query"
                    } else if tail.contains('#') {
                        "a fragment"
                    } else {
                        "a path"
                    }));
                }
                &rest[..i]
            }
            None => rest,
        };
        if authority.contains('@') {
            return Err(unexpected("user info"));
        }
        let (host, port) = split_host_port(authority);
        let port = match port {
            None => scheme.default_port(),
            Some(text) => match text.parse::<u16>() {
                Ok(port) if port > 0 && text.bytes().all(|b| b.is_ascii_digit()) => port,
                _ => {
                    return Err(EndpointError::InvalidPort {
                        input: input.to_owned(),
                        port: text.to_owned(),
                    })
                }
            },
        };
        let host = validate_host(host).map_err(|reason| EndpointError::InvalidHost {
            input: input.to_owned(),
            reason,
        })?;
        Ok(Self { scheme, host, port })
    }

    /// `https://<host>` on port 443, for a host name from a regional table.
    pub fn https(host: &str) -> Result<Self, EndpointError> {
        let host = validate_host(host).map_err(|reason| EndpointError::InvalidHost {
            input: host.to_owned(),
            reason,
        })?;
        Ok(Self {
            scheme: Scheme::Https,
            host,
            port: 443,
        })
    }

    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host name or address (IPv6 in brackets), lower-cased.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The `host` header value: the host, plus `:port` when it is not the scheme's default.
    pub fn host_header(&self) -> String {
        if self.port == self.scheme.default_port() {
            self.host.clone()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// `scheme://host[:port]/`.
    pub fn base_url(&self) -> String {
        format!("{}://{}/", self.scheme.as_str(), self.host_header())
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}", self.scheme.as_str(), self.host_header())
    }
}

impl FromStr for Endpoint {
    type Err = EndpointError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Splits `host[:port]`, honouring `[v6]:port`.
fn split_host_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        if let Some(end) = authority.find(']') {
            let (host, rest) = authority.split_at(end + 1);
            return match rest.strip_prefix(':') {
                Some(port) => (host, Some(port)),
                None if rest.is_empty() => (host, None),
                // Garbage after the bracket: let host validation reject the whole thing.
                None => (authority, None),
            };
        }
        return (authority, None);
    }
    match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    }
}

/// Checks a host and returns it lower-cased.
fn validate_host(host: &str) -> Result<String, String> {
    if host.is_empty() {
        return Err("it is empty".to_owned());
    }
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner
            .strip_suffix(']')
            .ok_or_else(|| "an IPv6 address must be written as [address]".to_owned())?;
        return inner
            .parse::<std::net::Ipv6Addr>()
            .map(|_| host.to_ascii_lowercase())
            .map_err(|_| format!("{inner:?} is not an IPv6 address"));
    }
    if host.len() > 253 {
        return Err("it is longer than 253 characters".to_owned());
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err(
                "it has an empty label (two dots in a row, or a leading or trailing dot)"
                    .to_owned(),
            );
        }
        if label.len() > 63 {
            return Err("a label is longer than 63 characters".to_owned());
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Err(format!(
                "it contains {c:?}; only letters, digits, '-', '_' and '.' are allowed"
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("a label starts or ends with '-'".to_owned());
        }
    }
    Ok(host.to_ascii_lowercase())
}

mod region;
pub use region::{resolve_region, EndpointRule, Network, ProductEndpoints, RegionTable};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_explicit_endpoints() {
        let e = Endpoint::parse("http://127.0.0.1:8080").map_err(|e| e.to_string());
        let e = e
            .as_ref()
            .map(|e| (e.scheme(), e.host(), e.port(), e.host_header()));
        assert_eq!(
            e,
            Ok((Scheme::Http, "127.0.0.1", 8080, "127.0.0.1:8080".to_owned()))
        );
        let e = Endpoint::parse("HTTPS://Swas.CN-Hangzhou.aliyuncs.com/");
        assert_eq!(
            e.map(|e| (e.base_url(), e.port())),
            Ok(("https://swas.cn-hangzhou.aliyuncs.com/".to_owned(), 443))
        );
        let e = Endpoint::parse("http://[::1]:9000");
        assert_eq!(e.map(|e| e.base_url()), Ok("http://[::1]:9000/".to_owned()));
        assert_eq!(
            Endpoint::parse("https://h:443").map(|e| e.host_header()),
            Ok("h".to_owned())
        );
    }

    #[test]
    fn rejects_bad_endpoints_specifically() {
        let reason = |s: &str| Endpoint::parse(s).map_err(|e| e.to_string()).err();
        assert_eq!(
            reason("127.0.0.1:8080"),
            Some("endpoint \"127.0.0.1:8080\" has no scheme: write it as http://host[:port] or https://host[:port]".to_owned())
        );
        assert!(matches!(
            Endpoint::parse("ftp://h"),
            Err(EndpointError::UnsupportedScheme { scheme, .. }) if scheme == "ftp"
        ));
        assert!(matches!(
            Endpoint::parse("http://h:0"),
            Err(EndpointError::InvalidPort { port, .. }) if port == "0"
        ));
        assert!(matches!(
            Endpoint::parse("http://h:99999"),
            Err(EndpointError::InvalidPort { port, .. }) if port == "99999"
        ));
        assert!(matches!(
            Endpoint::parse("http://h:+80"),
            Err(EndpointError::InvalidPort { port, .. }) if port == "+80"
        ));
        assert!(matches!(
            Endpoint::parse("http://h:"),
            Err(EndpointError::InvalidPort { port, .. }) if port.is_empty()
        ));
        assert!(matches!(
            Endpoint::parse("http:///"),
            Err(EndpointError::InvalidHost { .. })
        ));
        assert!(matches!(
            Endpoint::parse("http://a..b"),
            Err(EndpointError::InvalidHost { .. })
        ));
        assert!(matches!(
            Endpoint::parse("http://a b"),
            Err(EndpointError::InvalidHost { .. })
        ));
        assert!(matches!(
            Endpoint::parse("http://[::1"),
            Err(EndpointError::InvalidHost { .. })
        ));
        assert_eq!(
            Endpoint::parse("http://h/path").err(),
            Some(EndpointError::UnexpectedPart {
                input: "http://h/path".into(),
                part: "a path"
            })
        );
        assert_eq!(
            Endpoint::parse("http://h?x=1").err(),
            Some(EndpointError::UnexpectedPart {
                input: "http://h?x=1".into(),
                part: "a query"
            })
        );
        assert_eq!(
            Endpoint::parse("http://h/?x=1").err(),
            Some(EndpointError::UnexpectedPart {
                input: "http://h/?x=1".into(),
                part: "a query"
            })
        );
        assert_eq!(
            Endpoint::parse("http://u:p@h").err(),
            Some(EndpointError::UnexpectedPart {
                input: "http://<redacted>@h".into(),
                part: "user info"
            })
        );
    }
}
