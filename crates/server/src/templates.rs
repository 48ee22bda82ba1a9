//! Page templates, compiled into the binary (a single file to deploy) and rendered with strict
//! undefined-variable checking so that a typo in a template fails a test instead of printing "".

use minijinja::{Environment, UndefinedBehavior, Value};

#[derive(Debug)]
pub(crate) struct Templates {
    env: Environment<'static>,
}

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("cases.html", include_str!("../templates/cases.html")),
    (
        "dashboard.html",
        include_str!("../templates/dashboard.html"),
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
