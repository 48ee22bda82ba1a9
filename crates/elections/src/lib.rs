#![doc = include_str!("../README.md")]

// Reading order: the file formats, the methods, whole elections, then what is built on them.
pub mod election;
pub mod party_map;
pub mod problem;

pub mod method;
pub mod seats;

pub mod allocation;
pub mod indices;

pub mod apportionment;
pub mod scenario;
mod scenario_refusal;
pub mod simulate;

pub use allocation::{AllocateError, Allocation, TieReport, allocate};
pub use apportionment::{Apportionment, ApportionmentResult};
pub use election::{
    Constituency, CsvOptions, Election, InputError, JsonProblem, Recorded, RecordedDissolution,
    RecordedUnit, ThresholdRule,
};
pub use indices::Indices;
pub use method::{Fraction, Method};
pub use party_map::PartyMap;
pub use problem::{CsvFile, Got, Key, NameKind, Problem};
pub use scenario::{
    Basis, DissolveRule, Place, Scenario, ScenarioError, ScenarioNote, Scope, Step, StepKind,
    dissolve,
};
pub use seats::{
    SeatError, SettledTie, TieBreaker, TiePolicy, TieRule, allocate_seats, allocate_with_minimum,
};
pub use simulate::{SeatRuns, Simulation, SimulationError, SimulationOptions, simulate};
