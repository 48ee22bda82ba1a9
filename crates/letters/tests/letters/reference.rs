//! The reference letter of 23 October 2017.

use accord_letters::{compose, render_markdown};

use crate::{REFERENCE_LETTER, reference_case};

#[test]
fn print_it() {
    let c = compose(reference_case(), REFERENCE_LETTER).expect("composes");
    println!("{}", render_markdown(&c.document));
}
