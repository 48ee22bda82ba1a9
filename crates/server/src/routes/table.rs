//! The one place a route is registered: [`Routes::route`] adds it to the axum router and to a
//! list of `(method, path)` in the same call, so the list is what the router serves, not a
//! second copy that could drift from it.
//!
//! axum's `Router` cannot say which routes it holds, and its `MethodRouter` cannot say which
//! methods it answers. So the route modules build their handlers with this module's [`get`],
//! [`post`] and [`any`] (which mirror `axum::routing`'s, and remember the method) and register
//! them with [`Routes::route`] (which mirrors `Router::route`, and remembers the path). The
//! JSON API's documented routes come with their OpenAPI document, which `utoipa_axum::routes!`
//! builds from the same macro call as the router: [`Routes::documented`] lists them from it.
//!
//! The list is what the route × role test (`tests/server/matrix.rs`) walks: a route served
//! without a row in its table fails that test. The workspace's `clippy.toml` disallows the axum
//! and `utoipa_axum` methods that would add a route around this module (`Router::route`,
//! `merge`, `nest`, `OpenApiRouter::route`, ...), so a route cannot be served unlisted.

use std::convert::Infallible;

use axum::Router;
use axum::extract::Request;
use axum::handler::Handler;
use axum::http::Method;
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, Route};
use tower::{Layer, Service};

use crate::AppState;

/// The methods [`any`] is listed under: those a client sends to read or change something
/// (`HEAD` is answered like `GET` everywhere; nothing else is served).
const ANY: [Method; 5] = [
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::PATCH,
    Method::DELETE,
];

/// A router and the `(method, path)` of every route in it.
#[derive(Debug, Default)]
pub(crate) struct Routes {
    router: Router<AppState>,
    listed: Vec<(Method, String)>,
}

impl Routes {
    pub(crate) fn new() -> Routes {
        Routes::default()
    }

    /// Serve `handlers` at `path` (an axum path pattern such as `/cases/{id}`).
    #[expect(
        clippy::disallowed_methods,
        reason = "the one place a route is added to the router, and listed"
    )]
    pub(crate) fn route(mut self, path: &str, handlers: Handlers) -> Routes {
        self.listed.extend(
            handlers
                .methods
                .into_iter()
                .map(|method| (method, path.to_owned())),
        );
        self.router = self.router.route(path, handlers.router);
        self
    }

    #[expect(
        clippy::disallowed_methods,
        reason = "both routers' routes are listed, and the lists are merged too"
    )]
    pub(crate) fn merge(mut self, other: Routes) -> Routes {
        self.listed.extend(other.listed);
        self.router = self.router.merge(other.router);
        self
    }

    /// The routes of a `utoipa_axum` router, listed from the OpenAPI document that was built
    /// with them (`routes!` adds a handler to both in one step).
    pub(crate) fn documented(router: Router<AppState>, doc: &utoipa::openapi::OpenApi) -> Routes {
        let mut listed = Vec::new();
        for (path, item) in &doc.paths.paths {
            let operations = [
                (Method::GET, &item.get),
                (Method::POST, &item.post),
                (Method::PUT, &item.put),
                (Method::PATCH, &item.patch),
                (Method::DELETE, &item.delete),
                (Method::HEAD, &item.head),
                (Method::OPTIONS, &item.options),
                (Method::TRACE, &item.trace),
            ];
            listed.extend(
                operations
                    .into_iter()
                    .filter(|(_, operation)| operation.is_some())
                    .map(|(method, _)| (method, path.clone())),
            );
        }
        Routes { router, listed }
    }

    /// The router, and the list of its routes sorted by path, then method.
    pub(crate) fn into_parts(self) -> (Router<AppState>, Vec<(Method, String)>) {
        let mut listed = self.listed;
        listed.sort_by(|(m1, p1), (m2, p2)| (p1, m1.as_str()).cmp(&(p2, m2.as_str())));
        (self.router, listed)
    }
}

/// The handlers of one path by method: axum's `MethodRouter`, and the methods it answers.
#[derive(Debug)]
pub(crate) struct Handlers {
    router: MethodRouter<AppState>,
    methods: Vec<Method>,
}

/// `GET` (and so `HEAD`) to `handler`.
pub(crate) fn get<H, T>(handler: H) -> Handlers
where
    H: Handler<T, AppState>,
    T: 'static,
{
    Handlers {
        router: axum::routing::get(handler),
        methods: vec![Method::GET],
    }
}

/// `POST` to `handler`.
pub(crate) fn post<H, T>(handler: H) -> Handlers
where
    H: Handler<T, AppState>,
    T: 'static,
{
    Handlers {
        router: axum::routing::post(handler),
        methods: vec![Method::POST],
    }
}

/// Every method to `handler` (listed as [`ANY`]).
pub(crate) fn any<H, T>(handler: H) -> Handlers
where
    H: Handler<T, AppState>,
    T: 'static,
{
    Handlers {
        router: axum::routing::any(handler),
        methods: ANY.to_vec(),
    }
}

impl Handlers {
    /// Also `POST` to `handler`.
    pub(crate) fn post<H, T>(mut self, handler: H) -> Handlers
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.router = self.router.post(handler);
        self.methods.push(Method::POST);
        self
    }

    /// Wrap these handlers in `layer` (a body limit, say); the methods stay the same.
    pub(crate) fn layer<L>(mut self, layer: L) -> Handlers
    where
        L: Layer<Route> + Clone + Send + Sync + 'static,
        L::Service: Service<Request, Error = Infallible> + Clone + Send + Sync + 'static,
        <L::Service as Service<Request>>::Response: IntoResponse + 'static,
        <L::Service as Service<Request>>::Future: Send + 'static,
    {
        self.router = self.router.layer(layer);
        self
    }
}
