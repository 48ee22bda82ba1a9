//! Sign-on writes (issue 10 §1): inviting an organisation, a new sign link, signing, declining,
//! withdrawing and verifying, each one action that the HTML routes, the API and the CLI call.
//!
//! The form checks of `accord-letters` (required names, a two-letter country, an http(s) URL, the
//! text the signer saw being the text as it stands) run here rather than in a route, so every
//! caller gets them; the store then does what needs the transaction (claiming the link, refusing
//! a name already on the letter) and says why a link did nothing.

use accord_letters::signon::{InvitationForm, SignOnError, SignatureForm};
use accord_store::{LinkOutcome, LinkPurpose, LinkStatus, NewInvitation, NewLink, NewSignature};

use crate::{ActionError, Actions, invalid};

impl Actions {
    /// Invite an organisation to sign a letter; returns its position. The invitation is checked
    /// (and trimmed) as the coordinator's form is; a name already on the letter is `Exists`.
    pub async fn invite_signatory(
        &self,
        case: &str,
        letter: &str,
        invitation: &NewInvitation,
        by: &str,
    ) -> Result<u32, ActionError> {
        let checked = InvitationForm {
            organisation: invitation.organisation.clone(),
            country: invitation.country.clone().unwrap_or_default(),
            contact: invitation.contact.clone(),
        }
        .validate()
        .map_err(form_error)?;
        let invitation = NewInvitation {
            organisation: checked.organisation,
            country: checked.country,
            contact: checked.contact,
            link: invitation.link.clone(),
        };
        Ok(self
            .store
            .invite_signatory(case, letter, &invitation, by)
            .await?)
    }

    /// A new sign link for a signatory; its unused sign links stop working.
    pub async fn renew_sign_link(
        &self,
        case: &str,
        letter: &str,
        position: u32,
        link: &NewLink,
        by: &str,
    ) -> Result<(), ActionError> {
        Ok(self
            .store
            .renew_sign_link(case, letter, position, link, by)
            .await?)
    }

    /// Sign through a sign link. While the link can still sign, the signature is checked as the
    /// sign page's form is, against the letter's text as it stands now: a signature of a text
    /// that has changed since the page showed it is refused (`Invalid`, field `text`), so nobody
    /// signs a text they did not see. A link that can no longer sign is left to the store, which
    /// changes nothing and says why.
    pub async fn sign_letter(
        &self,
        token_sha256: &str,
        signature: &NewSignature,
        now_unix: i64,
    ) -> Result<LinkOutcome, ActionError> {
        self.sign_in(token_sha256, None, signature, now_unix).await
    }

    /// Sign the letter's version in `lang` through a sign link (issue 16 §3): as
    /// [`Actions::sign_letter`], checked against that version's text as it stands now, and
    /// recorded as the signature on that version only (a signature on one language never counts
    /// for another). A letter without that version is `NotFound`, the link unused.
    pub async fn sign_letter_version(
        &self,
        token_sha256: &str,
        lang: &str,
        signature: &NewSignature,
        now_unix: i64,
    ) -> Result<LinkOutcome, ActionError> {
        self.sign_in(token_sha256, Some(lang), signature, now_unix)
            .await
    }

    async fn sign_in(
        &self,
        token_sha256: &str,
        lang: Option<&str>,
        signature: &NewSignature,
        now_unix: i64,
    ) -> Result<LinkOutcome, ActionError> {
        let Some(link) = self.store.signon_link(token_sha256, now_unix).await? else {
            return Ok(LinkOutcome::NotFound);
        };
        if link.purpose != LinkPurpose::Sign || !matches!(link.status, LinkStatus::Open { .. }) {
            return Ok(self
                .store
                .sign_letter(token_sha256, signature, now_unix)
                .await?);
        }
        let compose = |case: &accord_core::ValidCase| match lang {
            Some(lang) => accord_letters::compose_in(case, &link.letter_id, lang),
            None => accord_letters::compose(case, &link.letter_id),
        };
        let no_case = || ActionError::NotFound {
            what: "case",
            id: link.case_id.clone(),
        };
        // What composing the letter reads, not the whole case (a published case may hold a
        // hundred thousand incidents); a body that builds a source id from pieces is composed
        // from the whole case, as the sign page composes it.
        let case = self
            .store
            .load_case_for_letters(&link.case_id, Some(&link.letter_id))
            .await?
            .ok_or_else(no_case)?;
        let mut composed = compose(&case);
        if let Err(accord_letters::ComposeError::Body {
            problem: accord_letters::BodyProblem::UnknownSource { .. },
            ..
        }) = composed
        {
            let whole = self
                .store
                .load_case(&link.case_id)
                .await?
                .ok_or_else(no_case)?;
            composed = compose(&whole);
        }
        let composed = composed.map_err(|e| match e {
            accord_letters::ComposeError::NoLetter { .. }
            | accord_letters::ComposeError::NoLanguage { .. } => ActionError::NotFound {
                what: "letter",
                id: format!("{}/{}", link.case_id, link.letter_id),
            },
            accord_letters::ComposeError::Body { .. } => invalid("body", e.to_string()),
        })?;
        let checked = SignatureForm {
            representative: signature.representative.clone(),
            organisation: signature.organisation.clone(),
            url: signature.url.clone().unwrap_or_default(),
            text_sha256: signature.text_sha256.clone(),
        }
        .validate(&composed.signed_text.sha256)
        .map_err(form_error)?;
        let signature = NewSignature {
            representative: checked.representative,
            organisation: checked.organisation,
            url: checked.url,
            text_sha256: checked.text_sha256,
            withdraw_token_sha256: signature.withdraw_token_sha256.clone(),
        };
        Ok(match lang {
            Some(lang) => {
                self.store
                    .sign_letter_version(token_sha256, lang, &signature, now_unix)
                    .await?
            }
            None => {
                self.store
                    .sign_letter(token_sha256, &signature, now_unix)
                    .await?
            }
        })
    }

    /// Decline through a sign link (the link is used up).
    pub async fn decline_letter(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<LinkOutcome, ActionError> {
        Ok(self.store.decline_letter(token_sha256, now_unix).await?)
    }

    /// Withdraw a signature through its withdraw link (the link is used up).
    pub async fn withdraw_signature(
        &self,
        token_sha256: &str,
        now_unix: i64,
    ) -> Result<LinkOutcome, ActionError> {
        Ok(self
            .store
            .withdraw_signature(token_sha256, now_unix)
            .await?)
    }

    /// The coordinator checked a signature: `signed` becomes `verified`. False, and nothing
    /// changed, for a signatory in any other state.
    pub async fn verify_signatory(
        &self,
        case: &str,
        letter: &str,
        position: u32,
        by: &str,
    ) -> Result<bool, ActionError> {
        Ok(self
            .store
            .verify_signatory(case, letter, position, by)
            .await?)
    }
}

/// A refused sign-on form as the action layer's refusal, naming the field. A changed text is the
/// field `text` (the page shows the new text to read and sign again).
fn form_error(e: SignOnError) -> ActionError {
    match e {
        SignOnError::Invalid { field, message } => invalid(field, message),
        e @ SignOnError::TextChanged { .. } => invalid("text", e.to_string()),
        // Neither comes from checking a form; kept as refusals rather than panics.
        e @ (SignOnError::Random { .. } | SignOnError::MalformedLink) => {
            invalid("link", e.to_string())
        }
    }
}
