//! Router tests of the security review's fixes: sign-in limits under parallel guesses, the
//! address a request comes from behind a proxy, redirects after signing in, and page numbers
//! that would overflow. The whole application is called without a socket (STYLE.md rule 13);
//! the peer address a socket would give is set on each request.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod support;

mod paging;
mod redirect;
mod search_in_step;
mod sign_in;
