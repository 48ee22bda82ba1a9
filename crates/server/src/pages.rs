//! HTML pages, grouped by resource.

pub(crate) mod cases;
