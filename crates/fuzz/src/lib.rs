#![doc = include_str!("../README.md")]

pub mod frame;
pub mod gen_text;
pub mod mutate;
pub mod rng;
pub mod seeds;
pub mod targets;

use rng::Rng;

/// One fuzz target: how inputs are generated and what is run on each.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub name: &'static str,
    /// What the target feeds, for `--list` and the README.
    pub about: &'static str,
    /// Generates one input (bytes, saved as they are when the input finds a problem).
    pub generate: fn(&mut Rng) -> Vec<u8>,
    /// Runs the parsers on one input. `Err` is a broken property (a round trip that does not
    /// hold, say); a panic is caught by the driver.
    pub run: fn(&[u8]) -> Result<(), String>,
}

/// Every target, in the order `scripts/fuzz` runs them.
pub const TARGETS: &[Target] = &[
    targets::citation::TARGET,
    targets::date::TARGET,
    targets::letters::TARGET,
    targets::bundle::TARGET,
    targets::election_json::TARGET,
    targets::election_csv::TARGET,
    targets::search::TARGET,
    targets::forms::TARGET,
];

/// The target named `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// Input `index` of `target` under run seed `seed`: the same on every run and every machine.
pub fn input(target: &Target, seed: u64, index: u64) -> Vec<u8> {
    let mut rng = Rng::for_input(seed, target.name, index);
    (target.generate)(&mut rng)
}
