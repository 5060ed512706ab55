//! The cause chain of a transport failure, kept so that `std::error::Error::source()` walks
//! from [`Error::Transport`](crate::Error::Transport) down to what the network stack said
//! (`reqwest` → `hyper` → `std::io::Error`), with every link's text redacted.
//!
//! Why a copy and not the original errors: a caller walking the chain (`anyhow`'s `{:#}`, a
//! logger) prints each link, and a link's text can quote a URL (with its signature or security
//! token) or what a peer sent. Each link here holds its text after the one redaction step
//! ([`redact`](crate::redact)) and, where the link was an I/O error, its
//! [`io::ErrorKind`](std::io::ErrorKind), so code can still tell a refused connection from a
//! reset one. The head link keeps the original error (for `reqwest`, without its URL) for
//! [`downcast_ref`](TransportCause::downcast_ref); it is never displayed.

use std::fmt;
use std::sync::Arc;

/// The most links kept; a deeper chain is cut (a cause chain is a handful of links in practice).
pub const MAX_CAUSE_LINKS: usize = 16;

type Original = Arc<dyn std::error::Error + Send + Sync + 'static>;

/// One link of a transport failure's cause chain (see the [module docs](self)).
#[derive(Clone)]
pub struct TransportCause {
    text: String,
    io_kind: Option<std::io::ErrorKind>,
    original: Option<Original>,
    source: Option<Box<TransportCause>>,
}

impl TransportCause {
    /// The chain of `error` and its sources, each text redacted; `error` is kept as the
    /// original of the head link.
    pub fn new(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        let link = |e: &(dyn std::error::Error + 'static)| {
            (
                crate::redact::redacted(&e.to_string()),
                e.downcast_ref::<std::io::Error>().map(std::io::Error::kind),
            )
        };
        let (text, io_kind) = link(&error);
        let mut below = Vec::new();
        let mut next = error.source();
        while let Some(cause) = next {
            if below.len() + 1 == MAX_CAUSE_LINKS {
                break;
            }
            below.push(link(cause));
            next = cause.source();
        }
        let mut source = None;
        for (text, io_kind) in below.into_iter().rev() {
            source = Some(Box::new(TransportCause {
                text,
                io_kind,
                original: None,
                source,
            }));
        }
        TransportCause {
            text,
            io_kind,
            original: Some(Arc::new(error)),
            source,
        }
    }

    /// The chain of a `reqwest` error, its URL removed first (it may carry a signature).
    pub(crate) fn from_reqwest(error: reqwest::Error) -> Self {
        Self::new(error.without_url())
    }

    /// The link's text, redacted.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The kind of the I/O error this link was, if it was one.
    pub fn io_error_kind(&self) -> Option<std::io::ErrorKind> {
        self.io_kind
    }

    /// The first I/O error kind along the chain from this link down.
    pub fn find_io_error_kind(&self) -> Option<std::io::ErrorKind> {
        self.links().find_map(TransportCause::io_error_kind)
    }

    /// The original error of the head link, when it is a `T` (`reqwest::Error` for the default
    /// transport). Its text is not redacted: do not print it.
    pub fn downcast_ref<T: std::error::Error + 'static>(&self) -> Option<&T> {
        self.original.as_deref()?.downcast_ref::<T>()
    }

    /// This link and every link below it, in order.
    pub fn links(&self) -> impl Iterator<Item = &TransportCause> {
        std::iter::successors(Some(self), |link| link.source.as_deref())
    }
}

impl PartialEq for TransportCause {
    /// Links are equal when their texts and I/O kinds are (originals are not comparable).
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.io_kind == other.io_kind && self.source == other.source
    }
}

impl Eq for TransportCause {}

impl fmt::Debug for TransportCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts: Vec<&str> = self.links().map(TransportCause::text).collect();
        f.debug_struct("TransportCause")
            .field("chain", &texts)
            .field("io_kind", &self.find_io_error_kind())
            .finish()
    }
}

impl fmt::Display for TransportCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for TransportCause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Outer(std::io::Error);
    impl fmt::Display for Outer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("error sending request: http://u:hunter2@host/?Signature=abc&x=1")
        }
    }
    impl std::error::Error for Outer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn the_chain_is_kept_redacted_with_io_kinds() {
        let cause = TransportCause::new(Outer(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "peer said SecurityToken=CAIS-secret",
        )));
        let texts: Vec<&str> = cause.links().map(TransportCause::text).collect();
        assert_eq!(
            texts,
            [
                "error sending request: http://<redacted>@host/?Signature=<redacted>&x=1",
                "peer said SecurityToken=<redacted>",
            ]
        );
        assert_eq!(cause.io_error_kind(), None);
        assert_eq!(
            cause.find_io_error_kind(),
            Some(std::io::ErrorKind::ConnectionReset)
        );
        let second = std::error::Error::source(&cause).expect("a second link");
        assert_eq!(second.to_string(), "peer said SecurityToken=<redacted>");
        assert!(second.source().is_none());
        assert!(cause.downcast_ref::<Outer>().is_some());
        let debug = format!("{cause:?}");
        assert!(
            !debug.contains("hunter2") && !debug.contains("CAIS-secret"),
            "{debug}"
        );
    }

    #[derive(Debug)]
    struct Loop(usize);
    impl fmt::Display for Loop {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "link {}", self.0)
        }
    }
    impl std::error::Error for Loop {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            // A chain that never ends: every link names itself as its source.
            Some(self)
        }
    }

    #[test]
    fn an_endless_chain_is_cut() {
        let cause = TransportCause::new(Loop(7));
        assert_eq!(cause.links().count(), MAX_CAUSE_LINKS);
    }
}
