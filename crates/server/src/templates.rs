//! Page templates, compiled into the binary (one file to deploy) and rendered with strict
//! undefined-variable checking, so that a typo in a template fails a test instead of printing "".
//! Auto-escaping is on for `.html`: data never becomes markup.

use minijinja::{Environment, UndefinedBehavior, Value};

#[derive(Debug)]
pub(crate) struct Templates {
    env: Environment<'static>,
}

/// Every template, by name. A route module that brings templates adds its lines here.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("case_nav.html", include_str!("../templates/case_nav.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("account.html", include_str!("../templates/account.html")),
    ("cases.html", include_str!("../templates/cases.html")),
    (
        "dashboard.html",
        include_str!("../templates/dashboard.html"),
    ),
    ("timeline.html", include_str!("../templates/timeline.html")),
    (
        "letters/list.html",
        include_str!("../templates/letters/list.html"),
    ),
    (
        "letters/show.html",
        include_str!("../templates/letters/show.html"),
    ),
    (
        "letters/compose.html",
        include_str!("../templates/letters/compose.html"),
    ),
    (
        "letters/signatories.html",
        include_str!("../templates/letters/signatories.html"),
    ),
    (
        "letters/link.html",
        include_str!("../templates/letters/link.html"),
    ),
    (
        "letters/sign.html",
        include_str!("../templates/letters/sign.html"),
    ),
    (
        "letters/sign_status.html",
        include_str!("../templates/letters/sign_status.html"),
    ),
    (
        "letters/withdraw.html",
        include_str!("../templates/letters/withdraw.html"),
    ),
    (
        "elections_simulation.html",
        include_str!("../templates/elections_simulation.html"),
    ),
    (
        "letters/follow_through.html",
        include_str!("../templates/letters/follow_through.html"),
    ),
    (
        "letters/awaiting.html",
        include_str!("../templates/letters/awaiting.html"),
    ),
    ("incident.html", include_str!("../templates/incident.html")),
    ("evidence.html", include_str!("../templates/evidence.html")),
    ("history.html", include_str!("../templates/history.html")),
    (
        "incident_form.html",
        include_str!("../templates/incident_form.html"),
    ),
    (
        "finding_form.html",
        include_str!("../templates/finding_form.html"),
    ),
    (
        "suggestions.html",
        include_str!("../templates/suggestions.html"),
    ),
    (
        "provisions.html",
        include_str!("../templates/provisions.html"),
    ),
    (
        "provision.html",
        include_str!("../templates/provision.html"),
    ),
    ("actor.html", include_str!("../templates/actor.html")),
    (
        "mechanism.html",
        include_str!("../templates/mechanism.html"),
    ),
    ("members.html", include_str!("../templates/members.html")),
    (
        "elections.html",
        include_str!("../templates/elections.html"),
    ),
    (
        "elections_show.html",
        include_str!("../templates/elections_show.html"),
    ),
];

impl Templates {
    pub(crate) fn load() -> Result<Templates, minijinja::Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)?;
        }
        Ok(Templates { env })
    }

    pub(crate) fn render(&self, name: &str, ctx: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(name)?.render(ctx)
    }
}
