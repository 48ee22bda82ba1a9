//! Form fields: the server decodes forms with `form_urlencoded` (its `Fields` type is private to
//! the server crate), then builds one record from the fields and checks it with the core's
//! one-record validators. This target does the same on generated form bodies: incidents
//! (`incident_problems`), findings (`finding_problems`, with `Citation::parse`), sources
//! (`source_problems`), evidence (`evidence_problems`, `safe_file_name`), the search form's
//! dates, and the pager's re-encoding (`Serializer` then `parse` gives the same pairs).

use accord_core::evidence::{
    CustodyAction, CustodyEvent, Derivation, evidence_problems, safe_file_name,
};
use accord_core::validate::{finding_problems, incident_problems, is_web_url, source_problems};
use accord_core::{
    ActorRole, Capture, Citation, DateSpec, Day, Evidence, Finding, FindingStatus, Incident,
    IncidentKind, Named, Role, Source, Verdict,
};

use crate::Target;
use crate::gen_text::{date, id, words};
use crate::mutate::{mutate_seed, number, special};
use crate::rng::Rng;

pub const TARGET: Target = Target {
    name: "forms",
    about: "form_urlencoded::parse of form bodies, records built as the server's forms build them, then incident_problems, finding_problems, source_problems, evidence_problems, safe_file_name, Day::parse; Serializer → parse round trip",
    generate,
    run,
};

const SEEDS: &[&str] = &[
    "title=Party+dissolved&date=2030-02-14&kind=dissolution&summary=The+party&place=City&themes=association%2C+Political+Parties&sources=gazette-2030-02&actor=interior&role=perpetrator&actor=opposition&role=target",
    "provision=FPA+Art.+3%281%29&verdict=violation&status=draft&incidents=party-dissolved&incidents=harassment&rationale=Because",
    "new_source_title=Report&new_source_authors=A%2C+B&new_source_publisher=P&new_source_date=2030-03&new_source_url=https%3A%2F%2Fexample.org",
    "id=ev-1&file=notice.txt&sha256=2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae&media_type=text%2Fplain&captured_at=2030-02-14T10%3A00%3A00Z&captured_by=Team&source_url=https%3A%2F%2Fa.b&custody_at=2030-02-14T10%3A00%3A00Z&custody_by=Team&custody_action=received",
    "q=%E1%9E%80%E1%9F%92%E1%9E%9A%E1%9E%BB%E1%9E%98&kind=arrest&from=2017-01-01&to=2017-12-31&page=2",
    "next=%2F%09%2Fevil.example&csrf=abc",
];

const NAMES: &[&str] = &[
    "title",
    "date",
    "kind",
    "summary",
    "place",
    "themes",
    "sources",
    "actor",
    "role",
    "new_source_title",
    "new_source_authors",
    "new_source_publisher",
    "new_source_date",
    "new_source_url",
    "provision",
    "verdict",
    "status",
    "incidents",
    "rationale",
    "id",
    "file",
    "sha256",
    "media_type",
    "captured_at",
    "captured_by",
    "source_url",
    "method",
    "tool",
    "custody_at",
    "custody_by",
    "custody_action",
    "original",
    "what",
    "q",
    "from",
    "to",
    "page",
    "next",
    "csrf",
];

fn encode_byte(b: u8) -> String {
    format!("%{b:02X}")
}

fn value(rng: &mut Rng, name: &str) -> String {
    match rng.below(6) {
        0 => special(rng),
        1 => words(rng, 6),
        2 => number(rng),
        _ => match name {
            "date" | "new_source_date" | "from" | "to" => date(rng),
            "kind" => {
                (rng.pick(&["arrest", "closure", "tax_action", "Arrest", "other"])).to_owned()
            }
            "role" => (rng.pick(&["perpetrator", "target", "victim", "x"])).to_owned(),
            "provision" => (rng.pick(&[
                "FPA Art. 3(1)",
                "FPA Art. 3(2)(a)",
                "FPA Art 3 (2",
                "FPA",
                "(1)",
            ]))
            .to_owned(),
            "verdict" => (rng.pick(&["violation", "concern", "x"])).to_owned(),
            "status" => (rng.pick(&["draft", "confirmed", "retracted", "x"])).to_owned(),
            "sha256" => "ab".repeat(rng.range(0, 40)),
            "captured_at" | "custody_at" => (rng.pick(&[
                "2030-02-14T10:00:00Z",
                "2030-02-30T25:61:61Z",
                "2030-02-14T10:00:00.123Z",
                "2030-02-14 10:00:00",
                "",
            ]))
            .to_owned(),
            "custody_action" => {
                (rng.pick(&["received", "viewed", "copied", "exported", "x"])).to_owned()
            }
            "source_url" | "new_source_url" => (rng.pick(&[
                "https://a.b",
                "javascript:alert(1)",
                "HTTPS://A.B",
                "data:x",
                "http://",
                "https://\u{0}",
            ]))
            .to_owned(),
            "file" => (rng.pick(&[
                "a.txt",
                "../x",
                "a/b",
                ".x",
                "CON",
                "a\u{0}b",
                "\u{202e}txt.exe",
            ]))
            .to_owned(),
            _ => id(rng, &["party-dissolved", "interior", "gazette-2030-02"]),
        },
    }
}

fn encode(rng: &mut Rng, s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match rng.below(10) {
            0 => out.push_str(&encode_byte(b)),
            _ if b == b' ' => out.push('+'),
            _ if b.is_ascii_alphanumeric() || b"-._~".contains(&b) => out.push(char::from(b)),
            _ if rng.one_in(8) => out.push_str(&String::from_utf8_lossy(&[b])),
            _ => out.push_str(&encode_byte(b)),
        }
    }
    out
}

fn generate(rng: &mut Rng) -> Vec<u8> {
    if rng.one_in(4) {
        let s = mutate_seed(rng, SEEDS, &["%", "&", "=", "%25"], 64 * 1024);
        return s.into_bytes();
    }
    let mut body = Vec::new();
    for i in 0..rng.small(30) {
        if i > 0 {
            body.push(b'&');
        }
        let name = if rng.one_in(10) {
            special(rng)
        } else {
            (rng.pick(NAMES)).to_owned()
        };
        body.extend_from_slice(encode(rng, &name).as_bytes());
        if !rng.one_in(15) {
            body.push(b'=');
        }
        let v = value(rng, &name);
        body.extend_from_slice(encode(rng, &v).as_bytes());
        if rng.one_in(20) {
            // Raw bytes: invalid UTF-8 and percent-escapes that decode to it.
            for _ in 0..rng.range(1, 8) {
                let b = rng.below(256) as u8;
                if rng.one_in(2) {
                    body.push(b);
                } else {
                    body.extend_from_slice(encode_byte(b).as_bytes());
                }
            }
        }
    }
    body
}

fn run(input: &[u8]) -> Result<(), String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(input)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    };
    let all = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    };

    // Incident form.
    let actors: Vec<ActorRole> = all("actor")
        .into_iter()
        .zip(all("role"))
        .filter_map(|(actor, role)| {
            Role::from_name(&role)
                .ok()
                .map(|role| ActorRole { actor, role })
        })
        .collect();
    if let (Ok(date), Ok(kind)) = (
        get("date").parse::<DateSpec>(),
        IncidentKind::from_name(get("kind")),
    ) {
        let incident = Incident {
            id: get("id").to_owned(),
            date,
            title: get("title").to_owned(),
            kind,
            summary: Some(get("summary").to_owned()).filter(|s| !s.is_empty()),
            place: Some(get("place").to_owned()).filter(|s| !s.is_empty()),
            themes: get("themes")
                .split(',')
                .map(|t| t.trim().to_lowercase().replace(' ', "_"))
                .filter(|t| !t.is_empty())
                .collect(),
            sources: all("sources"),
            actors,
            evidence: Vec::new(),
            sensitivity: accord_core::Sensitivity::Case,
            restricted_to: Vec::new(),
        };
        let _ = incident_problems(&incident, &|a| a == "interior", &|s| s == "gazette-2030-02");
    }

    // Source form.
    let source = Source {
        id: get("id").to_owned(),
        authors: get("new_source_authors")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        title: get("new_source_title").to_owned(),
        publisher: Some(get("new_source_publisher").to_owned()).filter(|s| !s.is_empty()),
        date: get("new_source_date").parse::<DateSpec>().ok(),
        url: Some(get("new_source_url").to_owned()).filter(|s| !s.is_empty()),
        accessed: Day::parse(get("to")).ok(),
        note: None,
        sensitivity: accord_core::Sensitivity::Case,
        restricted_to: Vec::new(),
    };
    let _ = source_problems(&source);
    let _ = source.citation_text();
    let _ = is_web_url(get("source_url"));

    // Finding form.
    if let (Ok(provision), Ok(verdict), Ok(status)) = (
        Citation::parse(get("provision")),
        Verdict::from_name(get("verdict")),
        FindingStatus::from_name(get("status")),
    ) {
        let finding = Finding {
            id: get("id").to_owned(),
            incidents: all("incidents"),
            provision,
            verdict,
            status,
            rationale: get("rationale").to_owned(),
            author: None,
            reviewed_by: None,
        };
        let _ = finding_problems(&finding, &|i| i == "party-dissolved", &|c| {
            c.instrument() == "FPA"
        });
    }

    // Evidence form.
    let custody = all("custody_at")
        .into_iter()
        .zip(all("custody_by"))
        .zip(all("custody_action"))
        .filter_map(|((at, by), action)| {
            CustodyAction::from_name(&action)
                .ok()
                .map(|action| CustodyEvent {
                    at,
                    by,
                    action,
                    note: None,
                })
        })
        .collect();
    let evidence = Evidence {
        id: get("id").to_owned(),
        sha256: get("sha256").to_owned(),
        size: get("page").parse().unwrap_or(0),
        media_type: get("media_type").to_owned(),
        file: safe_file_name(get("file")),
        incident: Some(get("incidents").to_owned()).filter(|s| !s.is_empty()),
        source: Some(get("sources").to_owned()).filter(|s| !s.is_empty()),
        note: None,
        capture: Capture {
            captured_at: Some(get("captured_at").to_owned()).filter(|s| !s.is_empty()),
            captured_by: Some(get("captured_by").to_owned()).filter(|s| !s.is_empty()),
            source_url: Some(get("source_url").to_owned()).filter(|s| !s.is_empty()),
            method: Some(get("method").to_owned()).filter(|s| !s.is_empty()),
            tool: Some(get("tool").to_owned()).filter(|s| !s.is_empty()),
            place: None,
        },
        derived_from: Some(get("original").to_owned())
            .filter(|s| !s.is_empty())
            .map(|original| Derivation {
                original,
                what: get("what").to_owned(),
            }),
        custody,
        sensitivity: accord_core::Sensitivity::Case,
        restricted_to: Vec::new(),
    };
    let _ = evidence_problems(&evidence);
    let named = safe_file_name(get("file"));
    if !accord_core::evidence::is_bundle_file_name(&named) {
        return Err(format!(
            "safe_file_name({:?}) = {named:?}, which is not a bundle file name",
            get("file")
        ));
    }

    // Search form and pager.
    let _ = Day::parse(get("from"));
    let _ = get("page").parse::<usize>();
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        serializer.append_pair(k, v);
    }
    let encoded = serializer.finish();
    let back: Vec<(String, String)> = form_urlencoded::parse(encoded.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if back != pairs {
        return Err(format!("pairs do not survive re-encoding: {encoded:?}"));
    }
    Ok(())
}
