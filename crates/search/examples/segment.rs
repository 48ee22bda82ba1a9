//! Prints how the index analyzes text, one line per argument: a tool for checking what the
//! Khmer word segmenter does with a sentence (`cargo run -p accord-search --example segment -- TEXT`).

fn main() {
    for text in std::env::args().skip(1) {
        println!("{}", accord_search::analyze_words(&text).join(" | "));
    }
}
