#![doc = include_str!("../README.md")]

pub mod bundle;
pub mod citation;
pub mod date;
pub mod evidence;
pub mod follow_through;
pub mod letter_version;
pub mod locale;
pub mod model;
pub mod names;
pub mod observation;
pub mod sensitivity;
pub mod translation;
pub mod trigger;
pub mod validate;

pub use citation::Citation;
pub use date::{DateSpec, Day};
pub use evidence::{Capture, CustodyAction, CustodyEvent, Derivation, Evidence};
pub use follow_through::FollowThrough;
pub use letter_version::{AddresseeText, LetterVersion, VersionSignature};
pub use locale::Lang;
pub use model::*;
pub use names::Named;
pub use observation::{Observation, ObservationStatus, Score};
pub use sensitivity::{Reader, Sensitive, Sensitivity};
pub use translation::{Localized, RecordLanguages, RecordTranslation, TextKind, Translations};
pub use trigger::{CaseStatus, MechanismStatus, ProvisionState, ProvisionStatus, as_of, evaluate};
pub use validate::{Problem, Problems, ValidCase, validate};
