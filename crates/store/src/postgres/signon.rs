//! Letters and sign-on on PostgreSQL: the queries of `sqlite/signon.rs` for this engine, the rules
//! shared through [`crate::signon_rules`] (link states and refusals, names, audit wording).
//!
//! SQLite has one writer at a time; here several servers write at once, so every step begins by
//! taking its case's write lock (`version::lock_case`, the lock every write to a case takes first)
//! and only then reads what it checks: the next position and order of a new signatory, whether a
//! name is taken, a signatory's state. Steps on one case take turns; steps on different cases do
//! not wait for each other. The case's lock is always taken before a link's row, and both before
//! the log's lock, so two writers never wait for each other in a circle.
//!
//! A link is used by a conditional `UPDATE ... WHERE used_unix IS NULL`: of two requests on one
//! link, the second waits for the first's commit, finds the link used and changes nothing.
//!
//! Which sign link of a signatory is the latest (SQLite: the highest rowid) is told by its
//! `created_at`, which this store writes to the microsecond from the server's clock (the same
//! RFC 3339 form; nothing reads it back as a time); a tie, from links copied from SQLite with
//! seconds only, goes to the unused link, then to one that was not replaced (a replaced link always
//! has a newer one).

pub(crate) mod versions;

use accord_core::{Letter, Named, Signatory, SignatureState};
use sqlx::postgres::PgRow;
use sqlx::{PgConnection, Row};

use super::case_io::signatory_from;
use super::version::{lock_case, touch};
use super::{PgStore, audit};
use crate::codec::{addressees, corrupt, list};
use crate::signon_rules as rules;
use crate::{
    InvitationRecord, LinkOutcome, LinkPurpose, LinkStatus, LinkUse, NewInvitation, NewLink,
    NewSignature, SaveOutcome, SignOnEntry, SignOnLink, StoreError, clock,
};

/// Stores a letter's fields; its signatories are kept if it exists, written if it is new.
pub(crate) async fn save_letter(
    store: &PgStore,
    case_id: &str,
    letter: &Letter,
    pin_sha256: Option<&str>,
    actor: &str,
) -> Result<SaveOutcome, StoreError> {
    let mut tx = store.pool.begin().await?;
    lock_case(&mut tx, case_id).await?;
    touch(&mut tx, case_id).await?;
    if let Some(pin) = pin_sha256 {
        sqlx::query(
            "UPDATE signatories SET signed_text_sha256 = $1
             WHERE case_id = $2 AND letter_id = $3 AND signed_text_sha256 IS NULL
               AND state IN ('signed', 'verified')",
        )
        .bind(pin)
        .bind(case_id)
        .bind(&letter.id)
        .execute(&mut *tx)
        .await?;
    }
    let updated = sqlx::query(
        "UPDATE letters SET title = $1, date = $2, place = $3, language = $4, coordinator = $5,
                body = $6, closing = $7, signatory_order = $8, addressees = $9, cc = $10
         WHERE case_id = $11 AND id = $12",
    )
    .bind(&letter.title)
    .bind(letter.date.to_string())
    .bind(&letter.place)
    .bind(&letter.language)
    .bind(&letter.coordinator)
    .bind(&letter.body)
    .bind(&letter.closing)
    .bind(letter.signatory_order.as_str())
    .bind(addressees(letter))
    .bind(list(&letter.cc))
    .bind(case_id)
    .bind(&letter.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let outcome = if updated > 0 {
        versions::write(&mut tx, case_id, letter).await?;
        SaveOutcome::Updated
    } else {
        let next: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM letters WHERE case_id = $1",
        )
        .bind(case_id)
        .fetch_one(&mut *tx)
        .await?;
        let position = usize::try_from(next).map_err(|e| corrupt(case_id, e.to_string()))?;
        super::rows::insert_letter(&mut tx, case_id, position, letter).await?;
        SaveOutcome::Created
    };
    let action = match outcome {
        SaveOutcome::Created => "letter.create",
        SaveOutcome::Updated => "letter.update",
    };
    super::audit_records(
        &mut tx,
        actor,
        Some(case_id),
        action,
        &letter.id,
        &[crate::record::letter(letter)],
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// A new signatory in state `invited`, next in order, with its invitation and sign link.
pub(crate) async fn invite_signatory(
    store: &PgStore,
    case_id: &str,
    letter_id: &str,
    invitation: &NewInvitation,
    actor: &str,
) -> Result<u32, StoreError> {
    let mut tx = store.pool.begin().await?;
    lock_case(&mut tx, case_id).await?;
    touch(&mut tx, case_id).await?;
    letter_exists(&mut tx, case_id, letter_id).await?;
    let name = invitation.organisation.trim();
    if name_taken(&mut tx, case_id, letter_id, name, None).await? {
        return Err(StoreError::Exists {
            what: "signatory",
            id: name.to_owned(),
        });
    }
    let row = sqlx::query(
        "SELECT COALESCE(MAX(position) + 1, 0) AS position, COALESCE(MAX(ord) + 1, 1) AS ord
         FROM signatories WHERE case_id = $1 AND letter_id = $2",
    )
    .bind(case_id)
    .bind(letter_id)
    .fetch_one(&mut *tx)
    .await?;
    let (position, order): (i64, i64) = (row.get("position"), row.get("ord"));
    // A manual order needs every signatory numbered; the next number after the highest keeps
    // orders unique (the core refuses two signatories with one order).
    sqlx::query(
        "INSERT INTO signatories (case_id, letter_id, position, organisation, country, representative, url, state, ord, signed_text_sha256)
         VALUES ($1, $2, $3, $4, $5, NULL, NULL, $6, $7, NULL)",
    )
    .bind(case_id)
    .bind(letter_id)
    .bind(position)
    .bind(name)
    .bind(&invitation.country)
    .bind(SignatureState::Invited.as_str())
    .bind(order)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO signon_invitations (case_id, letter_id, position, invited_name, contact, invited_by, invited_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(case_id)
    .bind(letter_id)
    .bind(position)
    .bind(name)
    .bind(&invitation.contact)
    .bind(actor)
    .bind(clock::now())
    .execute(&mut *tx)
    .await?;
    insert_link(
        &mut tx,
        case_id,
        letter_id,
        position,
        LinkPurpose::Sign,
        &invitation.link.token_sha256,
        Some(invitation.link.expires_unix),
    )
    .await?;
    audit(
        &mut tx,
        actor,
        Some(case_id),
        "signon.invite",
        &rules::signatory_entry(letter_id, position, name),
    )
    .await?;
    tx.commit().await?;
    u32::try_from(position).map_err(|e| corrupt(case_id, e.to_string()))
}

/// A new sign link for an existing signatory; its unused sign links are replaced.
pub(crate) async fn renew_sign_link(
    store: &PgStore,
    case_id: &str,
    letter_id: &str,
    position: u32,
    link: &NewLink,
    actor: &str,
) -> Result<(), StoreError> {
    let position = i64::from(position);
    let mut tx = store.pool.begin().await?;
    lock_case(&mut tx, case_id).await?;
    touch(&mut tx, case_id).await?;
    let signatory = signatory(&mut tx, case_id, letter_id, position).await?;
    sqlx::query(
        "UPDATE signon_links SET used_unix = $1, outcome = 'replaced'
         WHERE case_id = $2 AND letter_id = $3 AND position = $4 AND purpose = 'sign'
           AND used_unix IS NULL",
    )
    .bind(clock::unix_now())
    .bind(case_id)
    .bind(letter_id)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    insert_link(
        &mut tx,
        case_id,
        letter_id,
        position,
        LinkPurpose::Sign,
        &link.token_sha256,
        Some(link.expires_unix),
    )
    .await?;
    audit(
        &mut tx,
        actor,
        Some(case_id),
        "signon.link",
        &rules::signatory_entry(letter_id, position, &signatory.organisation),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What a link opens.
pub(crate) async fn signon_link(
    store: &PgStore,
    token_sha256: &str,
    now_unix: i64,
) -> Result<Option<SignOnLink>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    let Some(row) = sqlx::query(
        "SELECT case_id, letter_id, position, purpose, expires_unix, used_unix, outcome
         FROM signon_links WHERE token_sha256 = $1",
    )
    .bind(token_sha256)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let case_id: String = row.get("case_id");
    let letter_id: String = row.get("letter_id");
    let position: i64 = row.get("position");
    let status = link_status(&case_id, &row, now_unix)?;
    let signatory = signatory(&mut conn, &case_id, &letter_id, position).await?;
    Ok(Some(SignOnLink {
        position: u32::try_from(position).map_err(|e| corrupt(&case_id, e.to_string()))?,
        purpose: rules::stored_purpose(&case_id, row.get("purpose"))?,
        case_id,
        letter_id,
        status,
        signatory,
    }))
}

/// What using a link did, or why it did nothing.
enum Claim {
    /// The link was unused, valid and of the right purpose; it is now marked used.
    Claimed {
        case_id: String,
        letter_id: String,
        position: i64,
    },
    Refused(LinkOutcome),
}

/// Marks the link used for `outcome` if it is unused, unexpired and meant for `purpose`; else
/// says why not. The link's case is locked first (see the module comment).
async fn claim(
    tx: &mut PgConnection,
    token_sha256: &str,
    purpose: LinkPurpose,
    outcome: LinkUse,
    now_unix: i64,
) -> Result<Claim, StoreError> {
    let case_id: Option<String> =
        sqlx::query_scalar("SELECT case_id FROM signon_links WHERE token_sha256 = $1")
            .bind(token_sha256)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(case_id) = case_id else {
        return Ok(Claim::Refused(LinkOutcome::NotFound));
    };
    lock_case(tx, &case_id).await?;
    let claimed = sqlx::query(
        "UPDATE signon_links SET used_unix = $1, outcome = $2
         WHERE token_sha256 = $3 AND purpose = $4 AND used_unix IS NULL
           AND (expires_unix IS NULL OR expires_unix > $1)
         RETURNING case_id, letter_id, position",
    )
    .bind(now_unix)
    .bind(outcome.as_str())
    .bind(token_sha256)
    .bind(purpose.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(row) = claimed {
        return Ok(Claim::Claimed {
            case_id: row.get("case_id"),
            letter_id: row.get("letter_id"),
            position: row.get("position"),
        });
    }
    let Some(row) = sqlx::query(
        "SELECT case_id, purpose, expires_unix, used_unix, outcome FROM signon_links
         WHERE token_sha256 = $1",
    )
    .bind(token_sha256)
    .fetch_optional(&mut *tx)
    .await?
    else {
        // Deleted with its case between the two reads.
        return Ok(Claim::Refused(LinkOutcome::NotFound));
    };
    let actual = rules::stored_purpose(&case_id, row.get("purpose"))?;
    let status = link_status(&case_id, &row, now_unix)?;
    Ok(Claim::Refused(rules::refusal(
        status, actual, purpose, now_unix,
    )))
}

pub(crate) async fn sign_letter(
    store: &PgStore,
    token_sha256: &str,
    signature: &NewSignature,
    now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    sign_in(store, token_sha256, None, signature, now_unix).await
}

/// Sign the letter's version in `lang` through a sign link (see `sqlite/signon.rs`).
pub(crate) async fn sign_letter_version(
    store: &PgStore,
    token_sha256: &str,
    lang: &str,
    signature: &NewSignature,
    now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    sign_in(store, token_sha256, Some(lang), signature, now_unix).await
}

async fn sign_in(
    store: &PgStore,
    token_sha256: &str,
    lang: Option<&str>,
    signature: &NewSignature,
    now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    let mut tx = store.pool.begin().await?;
    let (case_id, letter_id, position) = match claim(
        &mut tx,
        token_sha256,
        LinkPurpose::Sign,
        LinkUse::Signed,
        now_unix,
    )
    .await?
    {
        Claim::Refused(outcome) => {
            tx.commit().await?;
            return Ok(outcome);
        }
        Claim::Claimed {
            case_id,
            letter_id,
            position,
        } => (case_id, letter_id, position),
    };
    let name = signature.organisation.trim();
    if name_taken(&mut tx, &case_id, &letter_id, name, Some(position)).await? {
        // Returning the error drops the transaction: the link stays unused, and the
        // organisation can sign under a name that is not already on the letter.
        return Err(StoreError::Exists {
            what: "signatory",
            id: name.to_owned(),
        });
    }
    if let Some(lang) = lang {
        // Returning the error drops the transaction: the link stays unused.
        versions::sign(
            &mut tx,
            &case_id,
            &letter_id,
            lang,
            position,
            &signature.text_sha256,
        )
        .await?;
    }
    touch(&mut tx, &case_id).await?;
    sqlx::query(
        "UPDATE signatories SET organisation = $1, representative = $2, url = $3, state = $4,
                signed_text_sha256 = COALESCE($5, signed_text_sha256)
         WHERE case_id = $6 AND letter_id = $7 AND position = $8",
    )
    .bind(name)
    .bind(&signature.representative)
    .bind(&signature.url)
    .bind(SignatureState::Signed.as_str())
    // A version's signature leaves the signature on the original as it was.
    .bind(lang.is_none().then_some(&signature.text_sha256))
    .bind(&case_id)
    .bind(&letter_id)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE signon_invitations SET signed_at = $1, verified_at = NULL, verified_by = NULL
         WHERE case_id = $2 AND letter_id = $3 AND position = $4",
    )
    .bind(clock::now())
    .bind(&case_id)
    .bind(&letter_id)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    insert_link(
        &mut tx,
        &case_id,
        &letter_id,
        position,
        LinkPurpose::Withdraw,
        &signature.withdraw_token_sha256,
        None,
    )
    .await?;
    let (who, detail) = rules::signed(
        &letter_id,
        position,
        &signature.representative,
        name,
        &signature.text_sha256,
    );
    let detail = match lang {
        Some(lang) => format!("{detail} (the version in {lang})"),
        None => detail,
    };
    audit(&mut tx, &who, Some(&case_id), "signon.sign", &detail).await?;
    let done = signatory(&mut tx, &case_id, &letter_id, position).await?;
    tx.commit().await?;
    Ok(LinkOutcome::Done(done))
}

pub(crate) async fn decline_letter(
    store: &PgStore,
    token_sha256: &str,
    now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    decline_or_withdraw(store, token_sha256, LinkPurpose::Sign, now_unix).await
}

pub(crate) async fn withdraw_signature(
    store: &PgStore,
    token_sha256: &str,
    now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    decline_or_withdraw(store, token_sha256, LinkPurpose::Withdraw, now_unix).await
}

/// Declining (through a sign link) or withdrawing (through a withdraw link): the signatory's
/// state changes, nothing else.
async fn decline_or_withdraw(
    store: &PgStore,
    token_sha256: &str,
    purpose: LinkPurpose,
    now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    let (used, state, action) = rules::closing(purpose);
    let mut tx = store.pool.begin().await?;
    let (case_id, letter_id, position) =
        match claim(&mut tx, token_sha256, purpose, used, now_unix).await? {
            Claim::Refused(outcome) => {
                tx.commit().await?;
                return Ok(outcome);
            }
            Claim::Claimed {
                case_id,
                letter_id,
                position,
            } => (case_id, letter_id, position),
        };
    touch(&mut tx, &case_id).await?;
    sqlx::query(
        "UPDATE signatories SET state = $1 WHERE case_id = $2 AND letter_id = $3 AND position = $4",
    )
    .bind(state.as_str())
    .bind(&case_id)
    .bind(&letter_id)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    let signatory = signatory(&mut tx, &case_id, &letter_id, position).await?;
    audit(
        &mut tx,
        &rules::signatory_actor(&signatory.organisation),
        Some(&case_id),
        action,
        &rules::signatory_entry(&letter_id, position, &signatory.organisation),
    )
    .await?;
    tx.commit().await?;
    Ok(LinkOutcome::Done(signatory))
}

/// `signed` → `verified`; false (and nothing written) from any other state.
pub(crate) async fn verify_signatory(
    store: &PgStore,
    case_id: &str,
    letter_id: &str,
    position: u32,
    actor: &str,
) -> Result<bool, StoreError> {
    let position = i64::from(position);
    let mut tx = store.pool.begin().await?;
    // Locked before the state is read: two coordinators verifying at once verify once.
    lock_case(&mut tx, case_id).await?;
    let before = signatory(&mut tx, case_id, letter_id, position).await?;
    if before.state != SignatureState::Signed {
        return Ok(false);
    }
    touch(&mut tx, case_id).await?;
    sqlx::query(
        "UPDATE signatories SET state = $1 WHERE case_id = $2 AND letter_id = $3 AND position = $4",
    )
    .bind(SignatureState::Verified.as_str())
    .bind(case_id)
    .bind(letter_id)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE signon_invitations SET verified_at = $1, verified_by = $2
         WHERE case_id = $3 AND letter_id = $4 AND position = $5",
    )
    .bind(clock::now())
    .bind(actor)
    .bind(case_id)
    .bind(letter_id)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        actor,
        Some(case_id),
        "signon.verify",
        &rules::signatory_entry(letter_id, position, &before.organisation),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Every signatory of a letter with its invitation and latest sign link, by position.
pub(crate) async fn signon_entries(
    store: &PgStore,
    case_id: &str,
    letter_id: &str,
    now_unix: i64,
) -> Result<Vec<SignOnEntry>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    letter_exists(&mut conn, case_id, letter_id).await?;
    let rows = sqlx::query(
        "SELECT s.position, s.organisation, s.country, s.representative, s.url, s.state, s.ord,
                s.signed_text_sha256,
                i.invited_name, i.contact, i.invited_by, i.invited_at, i.signed_at, i.verified_at,
                i.verified_by,
                l.purpose, l.expires_unix, l.used_unix, l.outcome
         FROM signatories s
         LEFT JOIN signon_invitations i
           ON i.case_id = s.case_id AND i.letter_id = s.letter_id AND i.position = s.position
         LEFT JOIN LATERAL (
                SELECT x.purpose, x.expires_unix, x.used_unix, x.outcome FROM signon_links x
                WHERE x.case_id = s.case_id AND x.letter_id = s.letter_id
                  AND x.position = s.position AND x.purpose = 'sign'
                ORDER BY x.created_at DESC, (x.used_unix IS NULL) DESC,
                         (x.outcome = 'replaced') ASC
                LIMIT 1) l ON TRUE
         WHERE s.case_id = $1 AND s.letter_id = $2
         ORDER BY s.position",
    )
    .bind(case_id)
    .bind(letter_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            let invitation = r
                .get::<Option<String>, _>("invited_name")
                .map(|invited_name| InvitationRecord {
                    invited_name,
                    contact: r.get("contact"),
                    invited_by: r.get("invited_by"),
                    invited_at: r.get("invited_at"),
                    signed_at: r.get("signed_at"),
                    verified_at: r.get("verified_at"),
                    verified_by: r.get("verified_by"),
                });
            let sign_link = match r.get::<Option<String>, _>("purpose") {
                Some(_) => Some(link_status(case_id, r, now_unix)?),
                None => None,
            };
            Ok(SignOnEntry {
                position: u32::try_from(r.get::<i64, _>("position"))
                    .map_err(|e| corrupt(case_id, e.to_string()))?,
                signatory: signatory_from(case_id, r)?,
                invitation,
                sign_link,
            })
        })
        .collect()
}

async fn insert_link(
    tx: &mut PgConnection,
    case_id: &str,
    letter_id: &str,
    position: i64,
    purpose: LinkPurpose,
    token_sha256: &str,
    expires_unix: Option<i64>,
) -> Result<(), StoreError> {
    // `created_at` to the microsecond: it orders a signatory's sign links (module comment).
    let inserted = sqlx::query(
        "INSERT INTO signon_links (token_sha256, case_id, letter_id, position, purpose, expires_unix, created_at)
         VALUES ($1, $2, $3, $4, $5, $6,
                 to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'))
         ON CONFLICT (token_sha256) DO NOTHING",
    )
    .bind(token_sha256)
    .bind(case_id)
    .bind(letter_id)
    .bind(position)
    .bind(purpose.as_str())
    .bind(expires_unix)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        // 256 random bits never collide; a repeated hash is a caller reusing a token.
        return Err(StoreError::Exists {
            what: "sign-on link",
            id: token_sha256.to_owned(),
        });
    }
    Ok(())
}

async fn letter_exists(
    conn: &mut PgConnection,
    case_id: &str,
    letter_id: &str,
) -> Result<(), StoreError> {
    let found: Option<i32> =
        sqlx::query_scalar("SELECT 1 FROM letters WHERE case_id = $1 AND id = $2")
            .bind(case_id)
            .bind(letter_id)
            .fetch_optional(&mut *conn)
            .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::NotFound {
            what: "letter",
            id: format!("{case_id}/{letter_id}"),
        }),
    }
}

/// Whether another signatory of the letter already prints this name: the names are read here
/// (under the case's lock), compared by the backend-independent rule ([`rules::name_taken`]).
async fn name_taken(
    conn: &mut PgConnection,
    case_id: &str,
    letter_id: &str,
    name: &str,
    except_position: Option<i64>,
) -> Result<bool, StoreError> {
    let names: Vec<(i64, String)> = sqlx::query_as(
        "SELECT position, organisation FROM signatories WHERE case_id = $1 AND letter_id = $2",
    )
    .bind(case_id)
    .bind(letter_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rules::name_taken(&names, name, except_position))
}

async fn signatory(
    conn: &mut PgConnection,
    case_id: &str,
    letter_id: &str,
    position: i64,
) -> Result<Signatory, StoreError> {
    let row = sqlx::query(
        "SELECT organisation, country, representative, url, state, ord, signed_text_sha256
         FROM signatories WHERE case_id = $1 AND letter_id = $2 AND position = $3",
    )
    .bind(case_id)
    .bind(letter_id)
    .bind(position)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::NotFound {
        what: "signatory",
        id: format!("{case_id}/{letter_id}#{position}"),
    })?;
    signatory_from(case_id, &row)
}

/// A link's state now, from its stored columns (decoded and judged by the shared rules).
fn link_status(case_id: &str, row: &PgRow, now_unix: i64) -> Result<LinkStatus, StoreError> {
    rules::stored_status(
        case_id,
        row.get("expires_unix"),
        row.get("used_unix"),
        row.get::<Option<String>, _>("outcome").as_deref(),
        now_unix,
    )
}
