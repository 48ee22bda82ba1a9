//! `accord bench-data`: a large synthetic case, generated deterministically from a seed and stored
//! in one transaction, so the web pages and the search can be measured at 100,000 or 1,000,000
//! incidents.
//!
//! The data is invented (instruments, actors, outlets and events alike) but shaped like a real
//! monitoring case: English and Khmer incidents written as sentences (Khmer without spaces between
//! words, so search has to segment it), the incident kinds, themes and roles of the reference case,
//! dates clustered around elections, and far fewer findings than incidents. The vocabulary below was
//! written for this generator; it is not taken from a source text. A small PRNG (SplitMix64) lives
//! here rather than a crate, so a seed gives the same case with every future dependency version.
//!
//! Its messages and refusals stay in English whatever the user's language: it is a developer's
//! tool for benchmarks (`bench/`), not a command a documentalist runs, and its output is read by
//! the benchmark scripts.

use std::process::ExitCode;
use std::time::Instant;

use accord_core::date::Point;
use accord_core::{
    Actor, ActorKind, ActorRole, Addressee, Case, Citation, DateSpec, Day, EvidenceRef, Finding,
    FindingStatus, Incident, IncidentKind, Instrument, InstrumentKind, Letter, Mechanism, Named,
    Provision, Role, Signatory, SignatoryOrder, SignatureState, Source, TextStatus, Verdict,
};
use accord_store::{Create, ImportMode};
use anyhow::{Context, bail};
use clap::Args;

use crate::config::Config;

/// The most incidents one run generates (about 1 GB of memory before it is written).
const MAX_INCIDENTS: u32 = 5_000_000;

#[derive(Debug, Args)]
pub(crate) struct BenchDataArgs {
    /// How many incidents to generate (1 to 5,000,000)
    #[arg(long)]
    incidents: u32,
    /// The id of the generated case
    #[arg(long, default_value = "bench")]
    case: String,
    /// The same seed gives the same case, byte for byte
    #[arg(long, default_value_t = 2017)]
    seed: u64,
    /// How many findings [default: one per 100 incidents, at least 3]
    #[arg(long)]
    findings: Option<u32>,
    /// Replace the case if it exists (otherwise an existing case is refused)
    #[arg(long)]
    replace: bool,
    /// Publish the case read-only, so its pages load without signing in
    #[arg(long)]
    publish: bool,
}

pub(crate) async fn run(config: &Config, args: BenchDataArgs) -> anyhow::Result<ExitCode> {
    if args.incidents == 0 || args.incidents > MAX_INCIDENTS {
        bail!(
            "--incidents must be between 1 and {MAX_INCIDENTS}, not {}",
            args.incidents
        );
    }
    if !accord_core::validate::is_id(&args.case) {
        bail!(
            "--case {:?} is not an id (ASCII letters, digits, '.', '_' or '-', starting with a letter or digit)",
            args.case
        );
    }
    let findings = args.findings.unwrap_or((args.incidents / 100).max(3));
    if findings > args.incidents.saturating_mul(2) {
        bail!(
            "--findings {findings} is more than twice --incidents {}",
            args.incidents
        );
    }
    let started = Instant::now();
    let case = generate(&Spec {
        case_id: args.case.clone(),
        incidents: args.incidents,
        findings,
        seed: args.seed,
    });
    let counts = (
        case.incidents.len(),
        case.findings.len(),
        case.sources.len(),
        case.actors.len(),
    );
    let case = accord_core::validate(case).map_err(|p| {
        anyhow::anyhow!("the generated case is not valid (a bug in the generator):\n{p}")
    })?;
    let generated = started.elapsed();

    let store = accord_store::open(&config.db, Create::IfMissing).await?;
    let mode = if args.replace {
        ImportMode::Replace
    } else {
        ImportMode::New
    };
    let stored_at = Instant::now();
    let report = store
        .import_case(&case, mode, "bench-data")
        .await
        .with_context(|| format!("cannot store the generated case in {}", config.db))?;
    let stored = stored_at.elapsed();
    if args.publish {
        store
            .set_published(&case.id, true, "bench-data")
            .await
            .context("cannot publish the generated case")?;
    }
    println!(
        "{} case {}: {} incidents, {} findings, {} sources, {} actors (seed {}); generated in {:.1} s, \
         stored in {:.1} s (one transaction, {} records) into {}{}",
        if report.replaced {
            "replaced"
        } else {
            "generated"
        },
        report.case_id,
        counts.0,
        counts.1,
        counts.2,
        counts.3,
        args.seed,
        generated.as_secs_f64(),
        stored.as_secs_f64(),
        report.records,
        config.db,
        if args.publish {
            "; published read-only"
        } else {
            ""
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// What to generate.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    pub(crate) case_id: String,
    pub(crate) incidents: u32,
    pub(crate) findings: u32,
    pub(crate) seed: u64,
}

/// The whole synthetic case. Pure: the same spec gives the same case.
pub(crate) fn generate(spec: &Spec) -> Case {
    let people = people(spec);
    let mut actors: Vec<Actor> = ACTORS
        .iter()
        .map(|a| Actor {
            id: a.id.to_owned(),
            kind: a.kind,
            name: a.en.to_owned(),
            aliases: if a.km.is_empty() {
                Vec::new()
            } else {
                vec![a.km.to_owned()]
            },
            country: a.country.map(str::to_owned),
            members: a.members.iter().map(|m| (*m).to_owned()).collect(),
            sensitivity: accord_core::Sensitivity::Public,
            restricted_to: Vec::new(),
        })
        .collect();
    actors.extend(people.iter().map(|p| Actor {
        id: p.id.clone(),
        kind: ActorKind::Person,
        name: p.en.clone(),
        aliases: vec![p.km.clone()],
        country: Some("KH".to_owned()),
        members: Vec::new(),
        sensitivity: accord_core::Sensitivity::Public,
        restricted_to: Vec::new(),
    }));

    let n = usize::try_from(spec.incidents).unwrap_or(usize::MAX);
    let source_count = n.div_ceil(3);
    let sources: Vec<Source> = (0..source_count)
        .map(|i| source(spec.seed, i, source_count))
        .collect();
    let incidents: Vec<Incident> = (0..n)
        .map(|i| incident(spec.seed, i, source_count, &people))
        .collect();
    let provisions = provisions();
    let findings: Vec<Finding> = (0..usize::try_from(spec.findings).unwrap_or(0))
        .map(|j| finding(spec.seed, j, &incidents, &provisions))
        .collect();

    Case {
        id: spec.case_id.clone(),
        title: format!(
            "Synthetic benchmark case: {} invented incidents (seed {})",
            spec.incidents, spec.seed
        ),
        country: Some("KH".to_owned()),
        period: Some(DateSpec::Range(
            Point::Month {
                year: FIRST_YEAR,
                month: 1,
            },
            Point::Month {
                year: LAST_YEAR,
                month: 12,
            },
        )),
        summary: Some(
            "Generated by `accord bench-data` for benchmarks. Every instrument, actor, source and \
             incident in it is invented; none describes a real event."
                .to_owned(),
        ),
        instruments: instruments(&provisions),
        mechanisms: mechanisms(&provisions),
        actors,
        sources,
        incidents,
        findings,
        letters: vec![letter(spec.incidents)],
        elections: Vec::new(),
        evidence: Vec::new(),
        observations: Vec::new(),
        follow_through: Vec::new(),
        language: None,
        translations: Vec::new(),
    }
}

// --- Randomness ---------------------------------------------------------------------------------

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and statistically fine for test data.
struct Rng(u64);

impl Rng {
    /// A generator for one record: records are independent, so each can be made on its own.
    fn for_record(seed: u64, stream: u64, index: usize) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.0 ^= (index as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB);
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by Lemire's multiply-shift.
    fn below(&mut self, n: usize) -> usize {
        let wide = u128::from(self.next()) * (n as u128);
        usize::try_from(wide >> 64).unwrap_or(0)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, usize)]) -> T {
        let total: usize = items.iter().map(|(_, w)| w).sum();
        let mut x = self.below(total);
        for (item, w) in items {
            if x < *w {
                return *item;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }
}

/// Streams: one per kind of record, so adding a field to one kind does not reshuffle the others.
const S_INCIDENT: u64 = 1;
const S_SOURCE: u64 = 2;
const S_FINDING: u64 = 3;
const S_PERSON: u64 = 4;

// --- Vocabulary ---------------------------------------------------------------------------------

/// A phrase in English and in Khmer.
#[derive(Debug, Clone, Copy)]
struct Term {
    en: &'static str,
    km: &'static str,
}

const fn t(en: &'static str, km: &'static str) -> Term {
    Term { en, km }
}

/// The named actors: perpetrators, targets, and the mechanisms' parties.
struct ActorDef {
    id: &'static str,
    kind: ActorKind,
    en: &'static str,
    km: &'static str,
    country: Option<&'static str>,
    members: &'static [&'static str],
}

const fn actor(id: &'static str, kind: ActorKind, en: &'static str, km: &'static str) -> ActorDef {
    ActorDef {
        id,
        kind,
        en,
        km,
        country: Some("KH"),
        members: &[],
    }
}

const ACTORS: &[ActorDef] = &[
    actor(
        "state",
        ActorKind::State,
        "The Kingdom (invented)",
        "ព្រះរាជាណាចក្រ",
    ),
    actor(
        "police",
        ActorKind::GovernmentBody,
        "National Police",
        "ប៉ូលិសជាតិ",
    ),
    actor(
        "gendarmerie",
        ActorKind::GovernmentBody,
        "Military Police",
        "កងរាជអាវុធហត្ថ",
    ),
    actor(
        "interior",
        ActorKind::GovernmentBody,
        "Ministry of Interior",
        "ក្រសួងមហាផ្ទៃ",
    ),
    actor(
        "information",
        ActorKind::GovernmentBody,
        "Ministry of Information",
        "ក្រសួងព័ត៌មាន",
    ),
    actor(
        "taxation",
        ActorKind::GovernmentBody,
        "General Department of Taxation",
        "អគ្គនាយកដ្ឋានពន្ធដារ",
    ),
    actor(
        "municipal-court",
        ActorKind::GovernmentBody,
        "Municipal Court",
        "សាលាដំបូងរាជធានី",
    ),
    actor(
        "supreme-court",
        ActorKind::GovernmentBody,
        "Supreme Court",
        "តុលាការកំពូល",
    ),
    actor(
        "assembly",
        ActorKind::GovernmentBody,
        "National Assembly",
        "រដ្ឋសភា",
    ),
    actor(
        "provincial",
        ActorKind::GovernmentBody,
        "Provincial authorities",
        "អាជ្ញាធរខេត្ត",
    ),
    actor(
        "prime-minister",
        ActorKind::Official,
        "The Prime Minister",
        "នាយករដ្ឋមន្ត្រី",
    ),
    actor(
        "spokesman",
        ActorKind::Official,
        "The government spokesman",
        "អ្នកនាំពាក្យរដ្ឋាភិបាល",
    ),
    actor(
        "lotus-party",
        ActorKind::Party,
        "the Lotus Party",
        "គណបក្សឈូក",
    ),
    actor(
        "unity-movement",
        ActorKind::Party,
        "the National Unity Movement",
        "ចលនាឯកភាពជាតិ",
    ),
    actor(
        "rice-field-party",
        ActorKind::Party,
        "the Rice Field Party",
        "គណបក្សស្រែ",
    ),
    actor(
        "radio-free-voice",
        ActorKind::Media,
        "Radio Free Voice",
        "វិទ្យុសំឡេងសេរី",
    ),
    actor(
        "daily-lantern",
        ActorKind::Media,
        "The Daily Lantern",
        "កាសែតចង្កៀង",
    ),
    actor(
        "mekong-herald",
        ActorKind::Media,
        "the Mekong Herald",
        "កាសែតមេគង្គ",
    ),
    actor(
        "village-voice",
        ActorKind::Media,
        "Voice of the Villages radio",
        "វិទ្យុសំឡេងភូមិ",
    ),
    actor(
        "morning-star-tv",
        ActorKind::Media,
        "Morning Star TV",
        "ទូរទស្សន៍ផ្កាយព្រឹក",
    ),
    actor(
        "land-network",
        ActorKind::Organisation,
        "the Land Rights Network",
        "បណ្តាញសិទ្ធិដីធ្លី",
    ),
    actor(
        "election-watch",
        ActorKind::Organisation,
        "the Election Watch Committee",
        "គណៈកម្មាធិការឃ្លាំមើលការបោះឆ្នោត",
    ),
    actor(
        "rights-centre",
        ActorKind::Organisation,
        "the Human Rights Centre",
        "មជ្ឈមណ្ឌលសិទ្ធិមនុស្ស",
    ),
    actor(
        "garment-union",
        ActorKind::Organisation,
        "the Garment Workers' Union",
        "សហជីពកម្មករកាត់ដេរ",
    ),
    actor(
        "youth-council",
        ActorKind::Organisation,
        "the Youth Council",
        "ក្រុមប្រឹក្សាយុវជន",
    ),
    actor(
        "forest-defenders",
        ActorKind::Organisation,
        "the Forest Defenders",
        "ក្រុមការពារព្រៃឈើ",
    ),
    ActorDef {
        id: "union-sg",
        kind: ActorKind::InternationalBody,
        en: "Secretary-General of the Example Union",
        km: "អគ្គលេខាធិការសហភាពឧទាហរណ៍",
        country: None,
        members: &[],
    },
    ActorDef {
        id: "aster",
        kind: ActorKind::State,
        en: "Republic of Aster (invented)",
        km: "",
        country: None,
        members: &[],
    },
    ActorDef {
        id: "birch",
        kind: ActorKind::State,
        en: "Republic of Birch (invented)",
        km: "",
        country: None,
        members: &[],
    },
    ActorDef {
        id: "signatories",
        kind: ActorKind::Group,
        en: "Signatories of the Peace Agreement",
        km: "",
        country: None,
        members: &["state", "aster", "birch"],
    },
    ActorDef {
        id: "covenant-committee",
        kind: ActorKind::InternationalBody,
        en: "Covenant Committee",
        km: "",
        country: None,
        members: &[],
    },
];

const PARTIES: &[&str] = &["lotus-party", "unity-movement", "rice-field-party"];
const MEDIA: &[&str] = &[
    "radio-free-voice",
    "daily-lantern",
    "mekong-herald",
    "village-voice",
    "morning-star-tv",
];
const NGOS: &[&str] = &[
    "land-network",
    "election-watch",
    "rights-centre",
    "garment-union",
    "youth-council",
    "forest-defenders",
];

fn named(id: &str) -> Term {
    ACTORS
        .iter()
        .find(|a| a.id == id)
        .map_or(t("", ""), |a| t(a.en, a.km))
}

/// Family and given names (Latin and Khmer script); people are combinations of the two.
const FAMILY: &[Term] = &[
    t("Sok", "សុខ"),
    t("Chan", "ចាន់"),
    t("Keo", "កែវ"),
    t("Meas", "មាស"),
    t("Heng", "ហេង"),
    t("Chea", "ជា"),
    t("Seng", "សេង"),
    t("Tep", "ទេព"),
    t("Vann", "វណ្ណ"),
    t("Prak", "ប្រាក់"),
    t("Kim", "គឹម"),
    t("Ly", "លី"),
];
const GIVEN: &[Term] = &[
    t("Dara", "ដារ៉ា"),
    t("Sophea", "សុភា"),
    t("Vuthy", "វុទ្ធី"),
    t("Pisey", "ពិសី"),
    t("Rithy", "រិទ្ធី"),
    t("Bopha", "បុប្ផា"),
    t("Sokha", "សុខា"),
    t("Veasna", "វាសនា"),
    t("Kosal", "កុសល"),
    t("Mony", "មុន្នី"),
    t("Chanthy", "ចន្ធី"),
    t("Sreymom", "ស្រីមុំ"),
];
/// What the people named in incidents do.
const OCCUPATIONS: &[Term] = &[
    t("journalist", "អ្នកសារព័ត៌មាន"),
    t("activist", "សកម្មជន"),
    t("opposition lawmaker", "តំណាងរាស្ត្រគណបក្សប្រឆាំង"),
    t("union leader", "មេដឹកនាំសហជីព"),
    t("lawyer", "មេធាវី"),
    t("commune chief", "មេឃុំ"),
    t("researcher", "អ្នកស្រាវជ្រាវ"),
    t("student leader", "មេដឹកនាំនិស្សិត"),
];
/// Groups of people named in incidents (English plural).
const GROUPS: &[Term] = &[
    t("land rights activists", "សកម្មជនសិទ្ធិដីធ្លី"),
    t("opposition supporters", "អ្នកគាំទ្រគណបក្សប្រឆាំង"),
    t("garment workers", "កម្មករកាត់ដេរ"),
    t("students", "និស្សិត"),
    t("monks", "ព្រះសង្ឃ"),
    t("villagers", "អ្នកភូមិ"),
    t("journalists", "អ្នកសារព័ត៌មាន"),
    t("environmental activists", "សកម្មជនបរិស្ថាន"),
    t("human rights defenders", "អ្នកការពារសិទ្ធិមនុស្ស"),
    t("NGO staff", "បុគ្គលិកអង្គការ"),
];
const PLACES: &[Term] = &[
    t("Phnom Penh", "ភ្នំពេញ"),
    t("Siem Reap", "សៀមរាប"),
    t("Battambang", "បាត់ដំបង"),
    t("Kampong Cham", "កំពង់ចាម"),
    t("Kandal", "កណ្តាល"),
    t("Takeo", "តាកែវ"),
    t("Kampot", "កំពត"),
    t("Prey Veng", "ព្រៃវែង"),
    t("Svay Rieng", "ស្វាយរៀង"),
    t("Kratie", "ក្រចេះ"),
    t("Ratanakiri", "រតនគិរី"),
    t("Mondulkiri", "មណ្ឌលគិរី"),
    t("Koh Kong", "កោះកុង"),
    t("Pursat", "ពោធិ៍សាត់"),
    t("Kampong Speu", "កំពង់ស្ពឺ"),
    t("Preah Sihanouk", "ព្រះសីហនុ"),
    t("Banteay Meanchey", "បន្ទាយមានជ័យ"),
    t("Kampong Thom", "កំពង់ធំ"),
];
const LAWS: &[Term] = &[
    t(
        "Law on Associations and NGOs",
        "ច្បាប់ស្តីពីសមាគម និងអង្គការមិនមែនរដ្ឋាភិបាល",
    ),
    t("Law on Political Parties", "ច្បាប់ស្តីពីគណបក្សនយោបាយ"),
    t("Press Law", "ច្បាប់ស្តីពីរបបសារព័ត៌មាន"),
    t("Criminal Code", "ក្រមព្រហ្មទណ្ឌ"),
    t("Law on Peaceful Assembly", "ច្បាប់ស្តីពីបាតុកម្មដោយសន្តិវិធី"),
    t("Telecommunications Law", "ច្បាប់ស្តីពីទូរគមនាគមន៍"),
    t("Election Law", "ច្បាប់ស្តីពីការបោះឆ្នោត"),
];
/// Organisations that report incidents (the `{S}` of summaries).
const REPORTERS: &[Term] = &[
    t("the Human Rights Centre", "មជ្ឈមណ្ឌលសិទ្ធិមនុស្ស"),
    t("the Land Rights Network", "បណ្តាញសិទ្ធិដីធ្លី"),
    t("the Election Watch Committee", "គណៈកម្មាធិការឃ្លាំមើលការបោះឆ្នោត"),
    t(
        "the UN human rights office",
        "ការិយាល័យឧត្តមស្នងការសិទ្ធិមនុស្សនៃអង្គការសហប្រជាជាតិ",
    ),
    t("local monitors", "អ្នកសង្កេតការណ៍ក្នុងស្រុក"),
];
/// Khmer sentences quoted inside English summaries (officials' words, as reported).
const KHMER_QUOTES: &[&str] = &[
    "យើងនឹងមិនអនុញ្ញាតឱ្យមានបាតុកម្មទេ",
    "នេះជាការអនុវត្តច្បាប់ មិនមែនជារឿងនយោបាយទេ",
    "អង្គការនេះបានបំពានច្បាប់ស្តីពីសមាគម",
    "អ្នកណាប្រឆាំងនឹងរដ្ឋាភិបាល នឹងត្រូវទទួលខុសត្រូវចំពោះមុខច្បាប់",
];

/// Placeholders: `{P}` perpetrator, `{W}` a person or group, `{O}` an organisation, `{L}` a
/// place, `{A}` a law. Khmer runs words together; spaces only separate phrases.
struct Template {
    en: &'static str,
    km: &'static str,
}

const fn tpl(en: &'static str, km: &'static str) -> Template {
    Template { en, km }
}

/// How each kind of incident happens: its share, who does it, to whom, in which words, and which
/// rights it touches.
struct KindDef {
    kind: IncidentKind,
    weight: usize,
    perpetrators: &'static [&'static str],
    /// Organisations it is done to (empty: it is done to people).
    targets: &'static [&'static str],
    themes: &'static [&'static str],
    titles: &'static [Template],
}

/// Every organisation: the parties, the media and the NGOs, in that order.
const ALL_ORGS: &[&str] =
    &concat_names::<{ PARTIES.len() + MEDIA.len() + NGOS.len() }>([PARTIES, MEDIA, NGOS]);

/// The lists one after another, as one array of `N` names (`N` must be their total length).
const fn concat_names<const N: usize>(lists: [&[&'static str]; 3]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut k, mut l) = (0, 0);
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            out[k] = lists[l][i];
            k += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(k == N, "N is not the total length of the lists");
    out
}

const KINDS: &[KindDef] = &[
    KindDef {
        kind: IncidentKind::Arrest,
        weight: 14,
        perpetrators: &["police", "gendarmerie", "provincial"],
        targets: &[],
        themes: &["expression", "assembly", "association", "liberty"],
        titles: &[
            tpl("{P} arrests {W} in {L}", "{P}បានចាប់ខ្លួន{W}នៅ{L}"),
            tpl(
                "{W} arrested after a protest in {L}",
                "{W}ត្រូវបានចាប់ខ្លួនក្រោយបាតុកម្មនៅ{L}",
            ),
        ],
    },
    KindDef {
        kind: IncidentKind::Detention,
        weight: 8,
        perpetrators: &["municipal-court", "police"],
        targets: &[],
        themes: &["liberty", "judiciary"],
        titles: &[
            tpl("{W} held in pre-trial detention", "{W}ត្រូវបានឃុំខ្លួនបណ្តោះអាសន្ន"),
            tpl("Court refuses bail for {W}", "តុលាការបដិសេធមិនឱ្យ{W}នៅក្រៅឃុំ"),
        ],
    },
    KindDef {
        kind: IncidentKind::Closure,
        weight: 6,
        perpetrators: &["information", "interior", "provincial"],
        targets: MEDIA,
        themes: &["expression"],
        titles: &[
            tpl("{P} closes {O}", "{P}បានបិទ{O}"),
            tpl("{O} forced to close in {L}", "{O}ត្រូវបង្ខំឱ្យបិទនៅ{L}"),
        ],
    },
    KindDef {
        kind: IncidentKind::Ban,
        weight: 8,
        perpetrators: &["provincial", "police", "interior"],
        targets: &[],
        themes: &["assembly", "expression"],
        titles: &[
            tpl(
                "{P} bans a gathering of {W} in {L}",
                "{P}បានហាមឃាត់ការប្រមូលផ្តុំរបស់{W}នៅ{L}",
            ),
            tpl(
                "March by {W} banned in {L}",
                "ការដើរដង្ហែរបស់{W}ត្រូវបានហាមឃាត់នៅ{L}",
            ),
        ],
    },
    KindDef {
        kind: IncidentKind::Dissolution,
        weight: 2,
        perpetrators: &["supreme-court", "interior"],
        targets: PARTIES,
        themes: &["association", "political_parties", "participation"],
        titles: &[
            tpl("{P} dissolves {O}", "{P}បានរំលាយ{O}"),
            tpl(
                "{O} dissolved at the request of the Ministry of Interior",
                "{O}ត្រូវបានរំលាយតាមសំណើរបស់ក្រសួងមហាផ្ទៃ",
            ),
        ],
    },
    KindDef {
        kind: IncidentKind::Deregistration,
        weight: 3,
        perpetrators: &["interior"],
        targets: NGOS,
        themes: &["association", "civil_society"],
        titles: &[tpl(
            "{O} struck off the register under the {A}",
            "{O}ត្រូវបានលុបឈ្មោះចេញពីបញ្ជីក្រោម{A}",
        )],
    },
    KindDef {
        kind: IncidentKind::Legislation,
        weight: 3,
        perpetrators: &["assembly"],
        targets: &[],
        themes: &["association", "expression", "elections"],
        titles: &[
            tpl(
                "National Assembly adopts amendments to the {A}",
                "រដ្ឋសភាបានអនុម័តវិសោធនកម្ម{A}",
            ),
            tpl(
                "Government sends a draft {A} to the National Assembly",
                "រដ្ឋាភិបាលបានបញ្ជូនសេចក្តីព្រាង{A}ទៅរដ្ឋសភា",
            ),
        ],
    },
    KindDef {
        kind: IncidentKind::Suspension,
        weight: 4,
        perpetrators: &["information", "provincial"],
        targets: MEDIA,
        themes: &["expression"],
        titles: &[tpl(
            "{P} suspends the licence of {O}",
            "{P}បានផ្អាកអាជ្ញាប័ណ្ណរបស់{O}",
        )],
    },
    KindDef {
        kind: IncidentKind::Expulsion,
        weight: 2,
        perpetrators: &["interior"],
        targets: &[],
        themes: &["movement", "civil_society"],
        titles: &[tpl(
            "{W} expelled from the country",
            "{W}ត្រូវបានបណ្តេញចេញពីប្រទេស",
        )],
    },
    KindDef {
        kind: IncidentKind::TaxAction,
        weight: 3,
        perpetrators: &["taxation"],
        targets: &[
            "radio-free-voice",
            "daily-lantern",
            "mekong-herald",
            "rights-centre",
            "land-network",
        ],
        themes: &["expression", "civil_society"],
        titles: &[tpl("{P} demands back taxes from {O}", "{P}បានទាមទារពន្ធពី{O}")],
    },
    KindDef {
        kind: IncidentKind::Threat,
        weight: 14,
        perpetrators: &["prime-minister", "spokesman", "interior", "provincial"],
        targets: &[],
        themes: &["expression", "association", "political_parties"],
        titles: &[
            tpl("{P} threatens {W} with legal action", "{P}បានគំរាមប្តឹង{W}"),
            tpl(
                "{P} warns {W} against criticising the government",
                "{P}បានព្រមាន{W}កុំឱ្យរិះគន់រដ្ឋាភិបាល",
            ),
        ],
    },
    KindDef {
        kind: IncidentKind::Statement,
        weight: 10,
        perpetrators: &["prime-minister", "spokesman", "interior"],
        targets: ALL_ORGS,
        themes: &["political_parties", "expression", "civil_society"],
        titles: &[
            tpl(
                "{P} accuses {O} of plotting a revolution",
                "{P}បានចោទ{O}ថាឃុបឃិតធ្វើបដិវត្តន៍",
            ),
            tpl("{P} says {O} will be dissolved", "{P}បាននិយាយថា{O}នឹងត្រូវរំលាយ"),
        ],
    },
    KindDef {
        kind: IncidentKind::Surveillance,
        weight: 7,
        perpetrators: &["police", "gendarmerie"],
        targets: &[],
        themes: &["privacy", "expression"],
        titles: &[tpl(
            "Plain-clothes police follow {W} in {L}",
            "ប៉ូលិសស៊ីវិលតាមដាន{W}នៅ{L}",
        )],
    },
    KindDef {
        kind: IncidentKind::Harassment,
        weight: 10,
        perpetrators: &["police", "municipal-court", "provincial"],
        targets: &[],
        themes: &["expression", "civil_society", "association"],
        titles: &[tpl(
            "{W} summoned for questioning in {L}",
            "{W}ត្រូវបានកោះហៅទៅសួរចម្លើយនៅ{L}",
        )],
    },
    KindDef {
        kind: IncidentKind::Exile,
        weight: 3,
        perpetrators: &["interior"],
        targets: &[],
        themes: &["movement", "political_parties"],
        titles: &[tpl("{W} flees the country", "{W}បានភៀសខ្លួនទៅក្រៅប្រទេស")],
    },
    KindDef {
        kind: IncidentKind::Other,
        weight: 3,
        perpetrators: &["provincial"],
        targets: &[],
        themes: &["assembly", "participation"],
        titles: &[tpl(
            "{P} cancels a public forum in {L}",
            "{P}បានលុបចោលវេទិកាសាធារណៈនៅ{L}",
        )],
    },
];

/// Sentences of a summary, with the title's placeholders and `{S}` (who reported it), `{N}` (a
/// number).
const SENTENCES: &[Template] = &[
    tpl(
        "According to {S}, it happened in {L}.",
        "យោងតាម{S} ហេតុការណ៍នេះបានកើតឡើងនៅ{L}។",
    ),
    tpl(
        "The authorities said they acted under the {A}.",
        "អាជ្ញាធរបាននិយាយថា ពួកគេបានអនុវត្តតាម{A}។",
    ),
    tpl(
        "Lawyers said no warrant had been shown.",
        "មេធាវីបាននិយាយថា មិនមានដីកាណាមួយត្រូវបានបង្ហាញទេ។",
    ),
    tpl(
        "{S} called for the decision to be reversed.",
        "{S}បានអំពាវនាវឱ្យលុបចោលសេចក្តីសម្រេចនេះ។",
    ),
    tpl(
        "Observers described it as part of a wider pattern of pressure on civil society.",
        "អ្នកសង្កេតការណ៍បានចាត់ទុកថា នេះជាផ្នែកមួយនៃការគាបសង្កត់លើសង្គមស៊ីវិល។",
    ),
    tpl(
        "No charges had been filed at the time of reporting.",
        "មិនទាន់មានការចោទប្រកាន់នៅឡើយទេ។",
    ),
    tpl(
        "Relatives said they had not been told where {W} were taken.",
        "ក្រុមគ្រួសារបាននិយាយថា ពួកគេមិនបានដឹងថា{W}ត្រូវបាននាំទៅណាទេ។",
    ),
    tpl(
        "The government spokesman said the matter was for the courts.",
        "អ្នកនាំពាក្យរដ្ឋាភិបាលបាននិយាយថា រឿងនេះជាកិច្ចការរបស់តុលាការ។",
    ),
    tpl(
        "{S} recorded {N} similar cases in {L} this year.",
        "{S}បានកត់ត្រាករណីស្រដៀងគ្នា {N} ករណីនៅ{L}ក្នុងឆ្នាំនេះ។",
    ),
    tpl(
        "It came weeks before the commune elections.",
        "ហេតុការណ៍នេះបានកើតឡើងប៉ុន្មានសប្តាហ៍មុនការបោះឆ្នោតឃុំសង្កាត់។",
    ),
];

const FIRST_YEAR: i32 = 2013;
const LAST_YEAR: i32 = 2025;
/// Election days: incidents cluster around them, as they do in real monitoring data.
const ELECTIONS: &[(i32, u32, u32)] = &[
    (2013, 7, 28),
    (2017, 6, 4),
    (2018, 7, 29),
    (2022, 6, 5),
    (2023, 7, 23),
];

// --- People -------------------------------------------------------------------------------------

struct Person {
    id: String,
    en: String,
    km: String,
    occupation: Term,
}

fn people(spec: &Spec) -> Vec<Person> {
    // More incidents name more people, but a coalition's case names hundreds, not millions.
    let n = (300 + spec.incidents / 500).min(2_000);
    (0..usize::try_from(n).unwrap_or(0))
        .map(|i| {
            let mut r = Rng::for_record(spec.seed, S_PERSON, i);
            let (f, g) = (*r.pick(FAMILY), *r.pick(GIVEN));
            Person {
                id: format!("person-{:04}", i + 1),
                en: format!("{} {}", f.en, g.en),
                km: format!("{} {}", f.km, g.km),
                occupation: *r.pick(OCCUPATIONS),
            }
        })
        .collect()
}

// --- Incidents ----------------------------------------------------------------------------------

/// Khmer digits for numbers written in Khmer text.
fn khmer_number(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| {
            c.to_digit(10)
                .and_then(|d| char::from_u32(0x17E0 + d))
                .unwrap_or(c)
        })
        .collect()
}

/// The words that fill one incident's placeholders.
struct Fill {
    perpetrator: Term,
    who: (String, String),
    org: Term,
    place: Term,
    law: Term,
    reporter: Term,
    number: usize,
}

impl Fill {
    fn apply(&self, template: &Template, khmer: bool) -> String {
        let s = if khmer { template.km } else { template.en };
        let pick = |term: Term| if khmer { term.km } else { term.en };
        let number = if khmer {
            khmer_number(self.number)
        } else {
            self.number.to_string()
        };
        let out = s
            .replace("{P}", pick(self.perpetrator))
            .replace("{W}", if khmer { &self.who.1 } else { &self.who.0 })
            .replace("{O}", pick(self.org))
            .replace("{L}", pick(self.place))
            .replace("{A}", pick(self.law))
            .replace("{S}", pick(self.reporter))
            .replace("{N}", &number);
        capitalise(out)
    }
}

fn capitalise(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s,
    }
}

fn day(days: i64) -> Day {
    Day::from_days_since_epoch(days).unwrap_or(Day::EPOCH)
}

fn epoch_days(y: i32, m: u32, d: u32) -> i64 {
    Day::new(y, m, d).unwrap_or(Day::EPOCH).days_since_epoch()
}

/// A date in the case's period: three in ten near an election, with the precision researchers
/// actually have (mostly the day, sometimes only the month, a span or "ongoing").
fn incident_date(r: &mut Rng) -> DateSpec {
    let first = epoch_days(FIRST_YEAR, 1, 1);
    let last = epoch_days(LAST_YEAR, 12, 31);
    let span = usize::try_from(last - first).unwrap_or(1);
    let days = if r.chance(30) {
        let &(y, m, d) = r.pick(ELECTIONS);
        // A triangular spread of about three months either side.
        let offset = i64::try_from(r.below(90) + r.below(90)).unwrap_or(0) - 90;
        (epoch_days(y, m, d) + offset).clamp(first, last)
    } else {
        first + i64::try_from(r.below(span + 1)).unwrap_or(0)
    };
    let d = day(days);
    let month = Point::Month {
        year: d.year(),
        month: u8::try_from(d.month()).unwrap_or(1),
    };
    match r.below(100) {
        0..=81 => DateSpec::At(Point::Day(d)),
        82..=91 => DateSpec::At(month),
        92..=96 => {
            let end = day((days + 1 + i64::try_from(r.below(45)).unwrap_or(0)).min(last));
            DateSpec::Range(Point::Day(d), Point::Day(end))
        }
        _ => DateSpec::Since(month),
    }
}

fn incident(seed: u64, i: usize, source_count: usize, people: &[Person]) -> Incident {
    let mut r = Rng::for_record(seed, S_INCIDENT, i);
    let kinds: Vec<(usize, usize)> = KINDS
        .iter()
        .enumerate()
        .map(|(k, d)| (k, d.weight))
        .collect();
    let def = &KINDS[r.weighted(&kinds)];
    let khmer = r.chance(45);
    let perpetrator_id = *r.pick(def.perpetrators);
    let mut actors = vec![ActorRole {
        actor: perpetrator_id.to_owned(),
        role: Role::Perpetrator,
    }];

    // To whom: an organisation for the kinds that are done to one, otherwise a named person or a
    // group (and sometimes, behind the group, the organisation it belongs to).
    let org_id = if def.targets.is_empty() {
        *r.pick(ALL_ORGS)
    } else {
        *r.pick(def.targets)
    };
    let number = 2 + r.below(30);
    let who = if r.chance(55) {
        let p = r.pick(people);
        actors.push(ActorRole {
            actor: p.id.clone(),
            role: if r.chance(80) {
                Role::Target
            } else {
                Role::Victim
            },
        });
        (
            format!("{} {}", p.occupation.en, p.en),
            format!("{} {}", p.occupation.km, p.km),
        )
    } else {
        let g = r.pick(GROUPS);
        if r.chance(50) {
            (
                format!("{number} {}", g.en),
                format!("{} {} នាក់", g.km, khmer_number(number)),
            )
        } else {
            (g.en.to_owned(), g.km.to_owned())
        }
    };
    if !def.targets.is_empty() || r.chance(30) {
        actors.push(ActorRole {
            actor: org_id.to_owned(),
            role: Role::Target,
        });
    }
    if r.chance(10) {
        let witness = *r.pick(NGOS);
        if !actors.iter().any(|a| a.actor == witness) {
            actors.push(ActorRole {
                actor: witness.to_owned(),
                role: Role::Witness,
            });
        }
    }
    let fill = Fill {
        perpetrator: named(perpetrator_id),
        who,
        org: named(org_id),
        place: *r.pick(PLACES),
        law: *r.pick(LAWS),
        reporter: *r.pick(REPORTERS),
        number,
    };
    let title = fill.apply(r.pick(def.titles), khmer);

    // One to three sentences; Khmer sentences are separated by a space, as Khmer writers do.
    let sentences = 1 + r.below(3);
    let mut summary: Vec<String> = (0..sentences)
        .map(|_| fill.apply(r.pick(SENTENCES), khmer))
        .collect();
    if !khmer && r.chance(10) {
        summary.push(format!(
            "An official was quoted as saying: “{}”.",
            r.pick(KHMER_QUOTES)
        ));
    }

    let mut themes = vec![(*r.pick(def.themes)).to_owned()];
    if r.chance(40) {
        let second = (*r.pick(def.themes)).to_owned();
        if !themes.contains(&second) {
            themes.push(second);
        }
    }
    // Most incidents cite the report that covers their neighbours; some a second one.
    let mut sources = vec![source_id(i / 3)];
    if r.chance(15) {
        let other = source_id(r.below(source_count));
        if !sources.contains(&other) {
            sources.push(other);
        }
    }
    let evidence = if r.chance(2) {
        vec![EvidenceRef {
            sha256: (0..4).map(|_| format!("{:016x}", r.next())).collect(),
            name: format!("photo-{}.jpg", i + 1),
            media_type: Some("image/jpeg".to_owned()),
        }]
    } else {
        Vec::new()
    };
    Incident {
        id: incident_id(i),
        date: incident_date(&mut r),
        title,
        kind: def.kind,
        summary: Some(summary.join(" ")),
        place: Some(if khmer { fill.place.km } else { fill.place.en }.to_owned()),
        themes,
        sources,
        actors,
        evidence,
        sensitivity: accord_core::Sensitivity::Public,
        restricted_to: Vec::new(),
    }
}

fn incident_id(i: usize) -> String {
    format!("inc-{:07}", i + 1)
}

fn source_id(i: usize) -> String {
    format!("src-{:07}", i + 1)
}

// --- Sources ------------------------------------------------------------------------------------

const REPORT_TITLES: &[&str] = &[
    "Monthly monitoring report",
    "Civic space update",
    "Briefing on arrests and detentions",
    "Press freedom bulletin",
    "Election period monitoring",
    "Land and environment defenders: quarterly report",
];
const AUTHORS: &[&str] = &[
    "Dara Sok",
    "Sophea Chan",
    "Vuthy Keo",
    "Pisey Meas",
    "A. Monitor",
    "B. Researcher",
];

fn source(seed: u64, i: usize, count: usize) -> Source {
    let mut r = Rng::for_record(seed, S_SOURCE, i);
    let publisher_id = if r.chance(50) {
        *r.pick(NGOS)
    } else {
        *r.pick(MEDIA)
    };
    let publisher = named(publisher_id).en.trim_start_matches("the ").to_owned();
    // Sources are numbered in time order, roughly: the i-th covers the i-th stretch of the period.
    let first = epoch_days(FIRST_YEAR, 1, 1);
    let span = epoch_days(LAST_YEAR, 12, 31) - first;
    let at = first + span * i64::try_from(i).unwrap_or(0) / i64::try_from(count).unwrap_or(1);
    let d = day(at);
    let authors: Vec<String> =
        (0..r.below(3))
            .map(|_| (*r.pick(AUTHORS)).to_owned())
            .fold(Vec::new(), |mut v, a| {
                if !v.contains(&a) {
                    v.push(a);
                }
                v
            });
    Source {
        id: source_id(i),
        authors,
        title: format!("{} no. {}", r.pick(REPORT_TITLES), i + 1),
        publisher: Some(publisher),
        date: Some(DateSpec::At(Point::Day(d))),
        url: Some(format!(
            "https://example.org/{publisher_id}/{:04}/{:02}/{}",
            d.year(),
            d.month(),
            source_id(i)
        )),
        accessed: None,
        note: None,
        sensitivity: accord_core::Sensitivity::Public,
        restricted_to: Vec::new(),
    }
}

// --- Instruments, mechanisms and findings -------------------------------------------------------

struct ProvisionDef {
    cite: &'static str,
    heading: &'static str,
    themes: &'static [&'static str],
    text: &'static str,
}

const fn prov(
    cite: &'static str,
    heading: &'static str,
    themes: &'static [&'static str],
    text: &'static str,
) -> ProvisionDef {
    ProvisionDef {
        cite,
        heading,
        themes,
        text,
    }
}

/// Invented instruments, modelled on a peace agreement, a covenant and a constitution.
const INSTRUMENTS: &[(&str, InstrumentKind, &str, &[ProvisionDef])] = &[
    (
        "BPA",
        InstrumentKind::Agreement,
        "Bench Peace Agreement (invented)",
        &[
            prov(
                "BPA Art. 3(1)",
                "Fundamental freedoms",
                &["expression", "assembly", "association"],
                "The Parties shall respect the freedoms of expression, assembly and association.",
            ),
            prov(
                "BPA Art. 3(2)",
                "Political pluralism",
                &["political_parties", "participation", "elections"],
                "The State shall be a liberal democracy with political pluralism and periodic elections.",
            ),
            prov(
                "BPA Art. 15",
                "Liberty and fair trial",
                &["liberty", "judiciary"],
                "No one shall be arbitrarily arrested or detained, and everyone shall have a fair trial.",
            ),
            prov(
                "BPA Art. 16",
                "Civil society",
                &["civil_society", "association"],
                "Organisations of civil society shall work freely, without interference.",
            ),
            prov(
                "BPA Art. 29",
                "Guarantees",
                &["guarantee_mechanism"],
                "In the event of a violation of this Agreement, the Co-Chairs, at the request of the Secretary-General, shall consult the signatories.",
            ),
        ],
    ),
    (
        "BCOV",
        InstrumentKind::Covenant,
        "Bench Covenant on Civil and Political Rights (invented)",
        &[
            prov(
                "BCOV Art. 9",
                "Liberty and security of person",
                &["liberty"],
                "Everyone has the right to liberty and security of person.",
            ),
            prov(
                "BCOV Art. 12",
                "Freedom of movement",
                &["movement"],
                "Everyone shall be free to leave any country, including his own.",
            ),
            prov(
                "BCOV Art. 14",
                "Fair trial",
                &["judiciary"],
                "All persons shall be equal before the courts and tribunals.",
            ),
            prov(
                "BCOV Art. 17",
                "Privacy",
                &["privacy"],
                "No one shall be subjected to arbitrary interference with his privacy.",
            ),
            prov(
                "BCOV Art. 19",
                "Freedom of expression",
                &["expression"],
                "Everyone shall have the right to freedom of expression.",
            ),
            prov(
                "BCOV Art. 21",
                "Peaceful assembly",
                &["assembly"],
                "The right of peaceful assembly shall be recognised.",
            ),
            prov(
                "BCOV Art. 22",
                "Freedom of association",
                &["association", "civil_society"],
                "Everyone shall have the right to freedom of association with others.",
            ),
            prov(
                "BCOV Art. 25",
                "Participation",
                &["participation", "elections", "political_parties"],
                "Every citizen shall have the right to vote and to be elected at genuine periodic elections.",
            ),
            prov(
                "BCOV Art. 41",
                "State complaints",
                &["guarantee_mechanism"],
                "A State Party may claim before the Committee that another State Party is not fulfilling its obligations.",
            ),
        ],
    ),
    (
        "BCONST",
        InstrumentKind::Constitution,
        "Constitution of the Kingdom (invented)",
        &[
            prov(
                "BCONST Art. 41",
                "Expression and assembly",
                &["expression", "assembly"],
                "ប្រជាពលរដ្ឋមានសេរីភាពខាងការបញ្ចេញមតិ សារព័ត៌មាន និងការប្រជុំ។",
            ),
            prov(
                "BCONST Art. 42",
                "Association",
                &["association", "political_parties"],
                "ប្រជាពលរដ្ឋមានសិទ្ធិបង្កើតសមាគម និងគណបក្សនយោបាយ។",
            ),
        ],
    ),
];

fn provisions() -> Vec<(Citation, &'static ProvisionDef)> {
    INSTRUMENTS
        .iter()
        .flat_map(|(_, _, _, ps)| ps.iter())
        .filter_map(|p| Citation::parse(p.cite).ok().map(|c| (c, p)))
        .collect()
}

fn instruments(provisions: &[(Citation, &'static ProvisionDef)]) -> Vec<Instrument> {
    INSTRUMENTS
        .iter()
        .map(|(id, kind, title, _)| Instrument {
            id: (*id).to_owned(),
            kind: *kind,
            title: (*title).to_owned(),
            date: None,
            place: None,
            parties: if *id == "BPA" {
                vec!["state".into(), "aster".into(), "birch".into()]
            } else {
                Vec::new()
            },
            parent: None,
            url: None,
            notes: Some("Invented for the benchmark data; not a real text.".to_owned()),
            provisions: provisions
                .iter()
                .filter(|(c, _)| c.instrument() == *id)
                .map(|(c, p)| Provision {
                    citation: c.clone(),
                    heading: Some(p.heading.to_owned()),
                    themes: p.themes.iter().map(|t| (*t).to_owned()).collect(),
                    text: Some(p.text.to_owned()),
                    status: TextStatus::Quoted,
                    text_source: Some("Invented for the benchmark data".to_owned()),
                    translations: Vec::new(),
                })
                .collect(),
        })
        .collect()
}

/// The two mechanisms (a peace agreement's consultations, a covenant's complaints), built from
/// the parsed provisions so that a citation cannot be misspelt here.
fn mechanisms(provisions: &[(Citation, &'static ProvisionDef)]) -> Vec<Mechanism> {
    let cite = |s: &str| {
        provisions
            .iter()
            .find(|(_, p)| p.cite == s)
            .map(|(c, _)| c.clone())
    };
    let ids = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let mut out = Vec::new();
    if let Some(provision) = cite("BPA Art. 29") {
        out.push(Mechanism {
            id: "bpa-art-29".into(),
            name: "Co-Chairs consult the signatories".into(),
            provision,
            counts: vec![Verdict::Violation, Verdict::ThreatOfViolation],
            scope_instruments: ids(&["BPA", "BCOV"]),
            scope_provisions: Vec::new(),
            requested_by: ids(&["union-sg"]),
            responsible: ids(&["aster", "birch"]),
            consult: ids(&["signatories"]),
            action: "Consult the signatories on the measures to take.".into(),
        });
    }
    if let Some(provision) = cite("BCOV Art. 41") {
        out.push(Mechanism {
            id: "bcov-art-41".into(),
            name: "Committee considers a State complaint".into(),
            provision,
            counts: vec![Verdict::Violation],
            scope_instruments: ids(&["BCOV"]),
            scope_provisions: Vec::new(),
            requested_by: ids(&["aster"]),
            responsible: ids(&["covenant-committee"]),
            consult: ids(&["state"]),
            action: "Consider the complaint and offer good offices.".into(),
        });
    }
    out
}

/// A finding on one incident (sometimes on a few neighbouring ones, as a pattern), against a
/// provision that protects a right the incident touches.
fn finding(
    seed: u64,
    j: usize,
    incidents: &[Incident],
    provisions: &[(Citation, &'static ProvisionDef)],
) -> Finding {
    let mut r = Rng::for_record(seed, S_FINDING, j);
    let first = r.below(incidents.len());
    let mut ids = vec![incidents[first].id.clone()];
    if r.chance(20) {
        for _ in 0..1 + r.below(2) {
            let k = (first + 1 + r.below(50)).min(incidents.len() - 1);
            if !ids.contains(&incidents[k].id) {
                ids.push(incidents[k].id.clone());
            }
        }
    }
    let inc = &incidents[first];
    let fitting: Vec<&(Citation, &ProvisionDef)> = provisions
        .iter()
        .filter(|(_, p)| p.themes.iter().any(|t| inc.themes.iter().any(|i| i == t)))
        .collect();
    let (citation, p) = if fitting.is_empty() {
        let (c, p) = r.pick(provisions);
        (c, *p)
    } else {
        let (c, p) = *r.pick(&fitting);
        (c, *p)
    };
    let verdict = r.weighted(&[
        (Verdict::Violation, 50),
        (Verdict::ThreatOfViolation, 25),
        (Verdict::Concern, 25),
    ]);
    let status = r.weighted(&[
        (FindingStatus::Confirmed, 60),
        (FindingStatus::Draft, 30),
        (FindingStatus::Retracted, 10),
    ]);
    let what = match verdict {
        Verdict::Violation => "violates",
        Verdict::ThreatOfViolation => "threatens",
        Verdict::Concern => "raises concerns under",
    };
    Finding {
        id: format!("f-{:06}", j + 1),
        incidents: ids,
        provision: citation.clone(),
        verdict,
        status,
        rationale: format!(
            "The {} of {} {what} {citation} ({}): no law, legitimate aim or necessity was shown.",
            inc.kind.as_str().replace('_', " "),
            inc.date.to_human(),
            p.heading.to_lowercase()
        ),
        author: Some("Research team".to_owned()),
        reviewed_by: (status != FindingStatus::Draft).then(|| "Legal reviewer".to_owned()),
    }
}

// --- The joint letter ---------------------------------------------------------------------------

/// The id of the generated letter.
pub(crate) const LETTER_ID: &str = "bench-appeal";

/// Organisations that sign the letter (invented); the last has signed and awaits verification.
const SIGNERS: &[&str] = &[
    "Asian Forum for Civic Space",
    "Coalition for Free Elections",
    "Defenders Without Borders",
    "Example Press Freedom Network",
    "Forum of Rights Lawyers",
    "Global Union of Journalists",
    "International Land Coalition (invented)",
    "Network of Election Observers",
    "Regional Human Rights Alliance",
    "The Civic Space Monitor",
    "Voices for Democracy",
    "Women's Rights Watch (invented)",
];

/// One joint letter, as coordinators write them: it quotes the guarantee and the rights at stake,
/// cites the first and the last report, and lists the incidents behind the covenant's complaint
/// mechanism (its confirmed violations: about one incident in 230 of the case, with the default
/// number of findings).
fn letter(incidents: u32) -> Letter {
    let last_source = source_id(usize::try_from(incidents).unwrap_or(1).div_ceil(3) - 1);
    let body = format!(
        "We, the undersigned organisations, write to you about the closing of civic space in the \
         Kingdom, documented month after month since {FIRST_YEAR} by monitors on the \
         ground{{{{ cite(\"{first}\") }}}}, most recently in {LAST_YEAR}{{{{ cite(\"{last_source}\") }}}}.\n\n\
         The Peace Agreement provides:\n\n\
         {{{{ quote(\"BPA Art. 29\") }}}}\n\n\
         The rights it guarantees are being violated. The Covenant provides:\n\n\
         {{{{ quote(\"BCOV Art. 19\") }}}}\n\n\
         {{{{ quote(\"BCOV Art. 22\") }}}}\n\n\
         {{{{ quote(\"BCOV Art. 25\") }}}}\n\n\
         The confirmed violations of the Covenant{{{{ footnote(\"Findings confirmed by the \
         monitors' legal reviewers; each incident cites the report that documents it.\") }}}}:\n\n\
         {{{{ incidents_of(\"bcov-art-41\") }}}}\n\n\
         We respectfully ask you to consult the signatories of the Agreement without delay, as \
         its Article 29 requires, and to call on the authorities to release those detained for \
         exercising their rights.\n",
        first = source_id(0),
    );
    let mut signatories: Vec<Signatory> = SIGNERS
        .iter()
        .map(|name| Signatory {
            organisation: (*name).to_owned(),
            country: None,
            representative: None,
            url: None,
            state: SignatureState::Verified,
            order: None,
            signed_text_sha256: None,
        })
        .collect();
    if let Some(last) = signatories.last_mut() {
        last.state = SignatureState::Signed;
    }
    Letter {
        id: LETTER_ID.to_owned(),
        title: "Joint letter on the closing of civic space (invented)".to_owned(),
        date: day(epoch_days(LAST_YEAR, 12, 1)),
        place: Some("Geneva".to_owned()),
        language: "en".to_owned(),
        coordinator: Some("rights-centre".to_owned()),
        body,
        closing: Some("Yours sincerely,".to_owned()),
        signatory_order: SignatoryOrder::Alphabetical,
        addressees: vec![Addressee {
            name: "Secretary-General of the Example Union".to_owned(),
            title: Some("Secretary-General".to_owned()),
            organisation: Some("Example Union".to_owned()),
            role: Some("requests consultations".to_owned()),
            actor: Some("union-sg".to_owned()),
        }],
        cc: vec!["The Co-Chairs of the Peace Conference".to_owned()],
        signatories,
        versions: Vec::new(),
    }
}
