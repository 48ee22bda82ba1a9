#![doc = include_str!("../README.md")]

pub mod method;
pub mod seats;

pub use method::{Fraction, Method};
pub use seats::{
    SeatError, SettledTie, TieBreaker, TiePolicy, allocate_seats, allocate_with_minimum,
};
pub mod election;
pub mod party_map;

pub use election::{
    Constituency, CsvOptions, Election, InputError, Recorded, RecordedDissolution, RecordedUnit,
};
pub use party_map::PartyMap;
pub mod allocation;
pub mod indices;

pub use allocation::{AllocateError, Allocation, allocate};
pub use indices::Indices;
pub mod scenario;

pub use scenario::{Basis, DissolveRule, Scenario, Scope, dissolve};
pub mod simulate;

pub use simulate::{Simulation, SimulationError, SimulationOptions, simulate};
pub mod apportionment;

pub use apportionment::{Apportionment, ApportionmentResult};
