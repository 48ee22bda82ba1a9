//! What happened after a letter: record its delivery to an addressee, an addressee's response,
//! a deadline it set, or a later letter that follows it up.
//!
//! The checks are the core's (`accord_core::follow_through`), run against the case as stored and
//! today's date: a response from someone the letter was not addressed to, a date before the letter
//! or after today, a follow-up citing a letter of another case are refused naming the field, and
//! nothing is written. Each record is a version in the tamper-evident log, like any other record.

use accord_core::FollowThrough;
use accord_core::follow_through::record_problems;

use crate::observations::today;
use crate::{ActionError, Actions, invalid};

impl Actions {
    /// Record one follow-through record; an empty id is given a readable one
    /// (`response-<letter>-<date>`). A refusal names the field (`from`, `date`, `cites`, ...).
    pub async fn add_follow_through(
        &self,
        case: &str,
        mut record: FollowThrough,
        by: &str,
    ) -> Result<FollowThrough, ActionError> {
        let cited: Vec<String> = match &record.what {
            accord_core::follow_through::Record::Response {
                source: Some(source),
                ..
            } => vec![source.clone()],
            _ => Vec::new(),
        };
        let stored = self.case_citing(case, &cited).await?;
        if record.id.trim().is_empty() {
            record.id = accord_core::follow_through::new_id(&stored, &record.what, &record.letter);
        }
        let today = self.today.unwrap_or_else(today);
        if let Some(p) = record_problems(&stored, &record, today).into_iter().next() {
            if p.field == "id" && p.message.ends_with("already exists") {
                return Err(ActionError::Exists {
                    what: "follow-through record",
                    id: record.id,
                });
            }
            // An unknown letter is the resource missing, not a malformed field.
            if p.field == "letter" {
                return Err(ActionError::NotFound {
                    what: "letter",
                    id: record.letter,
                });
            }
            return Err(invalid(&p.field, p.message));
        }
        self.store.add_follow_through(case, &record, by).await?;
        Ok(record)
    }
}
