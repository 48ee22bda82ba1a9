//! Composed and rendered letters, kept per case version.
//!
//! A published letter is read far more often than it changes, and every write to its case bumps
//! the case's version (which access control reads anyway). So a letter is composed once per
//! version of its case, from what composing needs (`Store::load_case_for_letters`, never the
//! case's incidents at large), and each of its renderings — the page's HTML, the sign page's
//! HTML, Markdown, standalone HTML, PDF — is made the first time it is asked for and kept until
//! the version changes. Requests that arrive together for something not made yet wait for the
//! first one's work instead of each doing it (single flight): the PDF is rendered once per version
//! however many download it at once.
//!
//! Downloads are also kept gzip-compressed, made once like the rest: compressing a PDF of a few
//! hundred kilobytes on every request (as the server's compression layer would) costs more than
//! serving it.
//!
//! Only what is the same for every reader is kept: the letter, never a page around it (pages
//! carry the viewer and a CSRF token) and never a signatory's own data (the sign page adds the
//! link's name and token to the cached letter per request).
//!
//! Memory is bounded: at most [`MAX_LETTERS`] letter versions and about [`MAX_BYTES`] of
//! renderings; past either, the least recently used letters are dropped, to be made again when
//! asked for.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use accord_core::ValidCase;
use accord_letters::{
    BodyProblem, ComposeError, Composed, render_html, render_html_fragment, render_markdown,
    render_pdf,
};
use accord_store::CaseHead;
use axum::body::Bytes;
use tokio::sync::OnceCell;

use crate::{AppError, AppState};

/// The most letter versions kept.
pub const MAX_LETTERS: usize = 256;

/// About the most bytes of composed and rendered letters kept (PDFs are most of it).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// The most cases whose list of letters is kept (then the lists are dropped and fill again).
const MAX_LISTS: usize = 256;

/// How much work the cache has saved and done, since the server started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterWork {
    /// Letters composed (each at one case version).
    pub compositions: u64,
    /// PDFs rendered.
    pub pdf_renders: u64,
}

/// One letter at one version of its case.
#[derive(Debug)]
pub struct CachedLetter {
    /// The letter's fields as the list of letters shows them.
    pub summary: LetterSummary,
    /// The letter composed, or why its body does not compose (the coordinator's to fix).
    pub outcome: Result<Ready, ComposeError>,
}

/// A letter's line in the list of letters.
#[derive(Debug, Clone)]
pub struct LetterSummary {
    pub id: String,
    pub title: String,
    pub date: String,
    /// The language of this rendering (the original's, or a version's).
    pub language: String,
    /// Every signatory, whatever the state of their signature.
    pub signatories: usize,
    /// Every language the letter is written in, the original first.
    pub languages: Vec<LanguageSummary>,
}

/// One language of a letter, as the letter's pages list them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageSummary {
    pub lang: String,
    pub original: bool,
    /// The original's wording changed since this version was translated.
    pub out_of_date: bool,
    pub translated_by: Option<String>,
    pub translated_at: Option<String>,
}

/// A composed letter and its renderings, each made on first use.
#[derive(Debug)]
pub struct Ready {
    pub composed: Composed,
    page_fragment: OnceLock<String>,
    sign_fragment: OnceLock<String>,
    markdown: OnceLock<Bytes>,
    html: OnceLock<Bytes>,
    pdf: OnceCell<Bytes>,
    /// The downloads gzip-compressed, in [`Download`] order.
    gzipped: [OnceLock<Bytes>; 3],
    /// What the letter and the renderings made so far hold, shared with the cache's slot.
    bytes: Arc<AtomicUsize>,
}

impl CachedLetter {
    /// The composed letter; a body that does not compose is a 422 naming the line.
    pub fn ready(&self) -> Result<&Ready, AppError> {
        self.outcome.as_ref().map_err(compose_error)
    }
}

impl Ready {
    fn new(composed: Composed, bytes: Arc<AtomicUsize>) -> Ready {
        // The document, the text signed and the statuses: a few times the text's size.
        bytes.fetch_add(composed.signed_text.text.len() * 3, Ordering::Relaxed);
        Ready {
            composed,
            page_fragment: OnceLock::new(),
            sign_fragment: OnceLock::new(),
            markdown: OnceLock::new(),
            html: OnceLock::new(),
            pdf: OnceCell::new(),
            gzipped: Default::default(),
            bytes,
        }
    }

    /// The published letter as one `<article>`, for the letter's page.
    pub fn page_fragment(&self) -> &str {
        self.made(&self.page_fragment, || {
            render_html_fragment(&self.composed.document)
        })
        .as_str()
    }

    /// The letter as it reads for signing: without the list of those who signed already.
    pub fn sign_fragment(&self) -> &str {
        self.made(&self.sign_fragment, || {
            let mut doc = self.composed.document.clone();
            doc.signatories.clear();
            render_html_fragment(&doc)
        })
        .as_str()
    }

    pub fn markdown(&self) -> Bytes {
        self.made(&self.markdown, || {
            Bytes::from(render_markdown(&self.composed.document))
        })
        .clone()
    }

    pub fn html(&self) -> Bytes {
        self.made(&self.html, || {
            Bytes::from(render_html(&self.composed.document))
        })
        .clone()
    }

    /// The PDF, rendered once (off the async workers); whoever asks while it renders waits for it.
    pub async fn pdf(&self, state: &AppState) -> Result<Bytes, AppError> {
        self.pdf
            .get_or_try_init(|| async {
                let fonts = state.fonts().await?;
                let doc = self.composed.document.clone();
                let letter = self.composed.letter_id.clone();
                let pdf = tokio::task::spawn_blocking(move || render_pdf(&doc, &fonts))
                    .await
                    .map_err(|e| AppError::Internal(format!("PDF rendering stopped: {e}")))?
                    .map_err(|e| match e {
                        // A missing font is the administrator's to fix: say which.
                        accord_pdf::PdfError::KhmerFontMissing { .. } => {
                            AppError::Unavailable(e.to_string())
                        }
                        e => AppError::Internal(format!(
                            "cannot render letter {letter:?} to PDF: {e}"
                        )),
                    })?;
                state.letters.pdf_renders.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(pdf.len(), Ordering::Relaxed);
                state.letters.trim();
                Ok(Bytes::from(pdf))
            })
            .await
            .cloned()
    }

    /// A download, gzip-compressed when `gzip` (the client accepts it).
    pub async fn download(
        &self,
        state: &AppState,
        format: Download,
        gzip: bool,
    ) -> Result<Bytes, AppError> {
        let plain = match format {
            Download::Markdown => self.markdown(),
            Download::Html => self.html(),
            Download::Pdf => self.pdf(state).await?,
        };
        if !gzip {
            return Ok(plain);
        }
        let cell = &self.gzipped[format as usize];
        if let Some(gz) = cell.get() {
            return Ok(gz.clone());
        }
        let gz = gzip_bytes(&plain)
            .map_err(|e| AppError::Internal(format!("cannot compress a letter: {e}")))?;
        if cell.set(gz.clone()).is_ok() {
            self.bytes.fetch_add(gz.len(), Ordering::Relaxed);
        }
        Ok(gz)
    }

    fn made<'a, T: AsRef<[u8]>>(&self, cell: &'a OnceLock<T>, make: impl FnOnce() -> T) -> &'a T {
        cell.get_or_init(|| {
            let made = make();
            self.bytes.fetch_add(made.as_ref().len(), Ordering::Relaxed);
            made
        })
    }
}

/// A letter's downloadable renderings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    Markdown = 0,
    Html = 1,
    Pdf = 2,
}

/// `data` gzip-compressed (default level: made once per version, so size matters more than time).
fn gzip_bytes(data: &[u8]) -> std::io::Result<Bytes> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data)?;
    encoder.finish().map(Bytes::from)
}

/// A letter of a case at one version.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    case: String,
    letter: String,
    /// The language asked for (`?lang=`); empty for the original.
    lang: String,
    version: i64,
}

/// A letter's place in the cache: filled once, by the first request that needs it.
#[derive(Debug)]
struct Slot {
    cell: Arc<OnceCell<Arc<CachedLetter>>>,
    /// What the letter in it holds, in bytes (counted by its [`Ready`]).
    bytes: Arc<AtomicUsize>,
    /// When it was last asked for (a counter, for least-recently-used eviction).
    used: u64,
}

#[derive(Debug, Default)]
struct Inner {
    letters: HashMap<Key, Slot>,
    /// Per case: the version and its letters' ids in the case's order.
    lists: HashMap<String, (i64, Arc<Vec<String>>)>,
    clock: u64,
}

/// The cache itself, one per server (in [`AppState`]).
#[derive(Debug, Default)]
pub struct LetterCache {
    inner: Mutex<Inner>,
    compositions: AtomicU64,
    pdf_renders: AtomicU64,
}

impl LetterCache {
    pub fn work(&self) -> LetterWork {
        LetterWork {
            compositions: self.compositions.load(Ordering::Relaxed),
            pdf_renders: self.pdf_renders.load(Ordering::Relaxed),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // The map holds no invariant a panic could break halfway: keep using it.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The slot of a letter version, made empty if absent. A newer version of the same letter
    /// drops the older ones (nobody will ask for them again).
    fn slot(&self, key: &Key) -> (Arc<OnceCell<Arc<CachedLetter>>>, Arc<AtomicUsize>) {
        let mut inner = self.lock();
        inner.clock += 1;
        let now = inner.clock;
        if let Some(slot) = inner.letters.get_mut(key) {
            slot.used = now;
            return (slot.cell.clone(), slot.bytes.clone());
        }
        inner.letters.retain(|k, _| {
            !(k.case == key.case
                && k.letter == key.letter
                && k.lang == key.lang
                && k.version < key.version)
        });
        let cell = Arc::new(OnceCell::new());
        let bytes = Arc::new(AtomicUsize::new(0));
        inner.letters.insert(
            key.clone(),
            Slot {
                cell: cell.clone(),
                bytes: bytes.clone(),
                used: now,
            },
        );
        drop(inner);
        self.trim();
        (cell, bytes)
    }

    /// Drop a slot that will never be filled (no such letter).
    fn forget(&self, key: &Key) {
        let mut inner = self.lock();
        if inner
            .letters
            .get(key)
            .is_some_and(|s| s.cell.get().is_none())
        {
            inner.letters.remove(key);
        }
    }

    /// Drop the least recently used letters until the cache is within its bounds.
    fn trim(&self) {
        let mut inner = self.lock();
        loop {
            let bytes: usize = inner
                .letters
                .values()
                .map(|s| s.bytes.load(Ordering::Relaxed))
                .sum();
            if inner.letters.len() <= MAX_LETTERS && bytes <= MAX_BYTES {
                return;
            }
            // Keep the letter asked for last, even alone over the byte bound: it is in use.
            if inner.letters.len() <= 1 {
                return;
            }
            let Some(oldest) = inner
                .letters
                .iter()
                .min_by_key(|(_, s)| s.used)
                .map(|(k, _)| k.clone())
            else {
                return;
            };
            inner.letters.remove(&oldest);
        }
    }

    fn list(&self, case: &str, version: i64) -> Option<Arc<Vec<String>>> {
        let inner = self.lock();
        inner
            .lists
            .get(case)
            .filter(|(v, _)| *v == version)
            .map(|(_, ids)| ids.clone())
    }

    fn put_list(&self, case: &str, version: i64, ids: Arc<Vec<String>>) {
        let mut inner = self.lock();
        if inner.lists.get(case).is_some_and(|(v, _)| *v > version) {
            return;
        }
        if inner.lists.len() >= MAX_LISTS && !inner.lists.contains_key(case) {
            inner.lists.clear();
        }
        inner.lists.insert(case.to_owned(), (version, ids));
    }
}

/// A letter of a case at the case's current version (`head`, read by the caller), composed once
/// per version. An unknown letter is a 404.
pub(crate) async fn letter(
    state: &AppState,
    head: &CaseHead,
    letter_id: &str,
) -> Result<Arc<CachedLetter>, AppError> {
    letter_in(state, head, letter_id, None).await
}

/// A letter as written in `lang` (its original when `None`), composed once per version of its
/// case and language. A letter without that language, or a `lang` that is not a language tag,
/// is a 404.
pub(crate) async fn letter_in(
    state: &AppState,
    head: &CaseHead,
    letter_id: &str,
    lang: Option<&str>,
) -> Result<Arc<CachedLetter>, AppError> {
    if lang.is_some_and(|l| !accord_core::translation::is_language_tag(l)) {
        return Err(AppError::NotFound);
    }
    let view = OnceCell::new();
    letter_from(state, head, letter_id, lang, &view, Some(letter_id)).await
}

/// Every letter of a case at its current version, in the case's order.
pub(crate) async fn letters(
    state: &AppState,
    head: &CaseHead,
) -> Result<Vec<Arc<CachedLetter>>, AppError> {
    // One read of the case for all the letters that are not cached yet.
    let view = OnceCell::new();
    let ids = match state.letters.list(&head.id, head.version) {
        Some(ids) => ids,
        None => {
            let case = load_view(state, &head.id, None, &view).await?;
            let ids = Arc::new(case.letters.iter().map(|l| l.id.clone()).collect());
            state
                .letters
                .put_list(&head.id, head.version, Arc::clone(&ids));
            ids
        }
    };
    let mut out = Vec::with_capacity(ids.len());
    for id in ids.iter() {
        out.push(letter_from(state, head, id, None, &view, None).await?);
    }
    Ok(out)
}

async fn letter_from(
    state: &AppState,
    head: &CaseHead,
    letter_id: &str,
    lang: Option<&str>,
    view: &OnceCell<Arc<ValidCase>>,
    only: Option<&str>,
) -> Result<Arc<CachedLetter>, AppError> {
    let key = Key {
        case: head.id.clone(),
        letter: letter_id.to_owned(),
        lang: lang.unwrap_or_default().to_owned(),
        version: head.version,
    };
    let (cell, bytes) = state.letters.slot(&key);
    let made = cell
        .get_or_try_init(|| async {
            let case = load_view(state, &head.id, only, view).await?;
            compose(state, case, letter_id, lang, bytes)
                .await
                .map(Arc::new)
        })
        .await
        .cloned();
    if made.is_err() {
        state.letters.forget(&key);
    }
    made
}

/// The case as composing its letters (or the letter `only`) needs it, read once per request.
async fn load_view<'a>(
    state: &AppState,
    case_id: &str,
    only: Option<&str>,
    view: &'a OnceCell<Arc<ValidCase>>,
) -> Result<&'a Arc<ValidCase>, AppError> {
    view.get_or_try_init(|| async {
        state
            .store
            .load_case_for_letters(case_id, only)
            .await?
            .map(Arc::new)
            .ok_or(AppError::NotFound)
    })
    .await
}

/// Compose a letter from the view. A body that cites a source the view does not hold (one whose
/// id is not written out in the body) is composed again from the whole case, so the page says
/// what the compose page says.
async fn compose(
    state: &AppState,
    case: &ValidCase,
    letter_id: &str,
    lang: Option<&str>,
    bytes: Arc<AtomicUsize>,
) -> Result<CachedLetter, AppError> {
    let original = case.letter(letter_id).ok_or(AppError::NotFound)?;
    let letter = match lang {
        Some(lang) => original.in_language(lang).ok_or(AppError::NotFound)?,
        None => original.clone(),
    };
    let summary = LetterSummary {
        id: letter.id.clone(),
        title: letter.title.clone(),
        date: letter.date.to_string(),
        language: letter.language.clone(),
        signatories: letter.signatories.len(),
        languages: languages(original),
    };
    let compose_it = |case: &ValidCase| accord_letters::compose_letter(case, &letter);
    let mut outcome = compose_it(case);
    if let Err(ComposeError::Body {
        problem: BodyProblem::UnknownSource { .. },
        ..
    }) = outcome
    {
        let whole = state
            .store
            .load_case(&case.id)
            .await?
            .ok_or(AppError::NotFound)?;
        outcome = compose_it(&whole);
    }
    if let Err(ComposeError::NoLetter { .. }) = outcome {
        return Err(AppError::NotFound);
    }
    state.letters.compositions.fetch_add(1, Ordering::Relaxed);
    Ok(CachedLetter {
        summary,
        outcome: outcome.map(|c| Ready::new(c, bytes)),
    })
}

/// A letter's languages: the original, then each version with its translation's state.
fn languages(letter: &accord_core::Letter) -> Vec<LanguageSummary> {
    std::iter::once(LanguageSummary {
        lang: letter.language.clone(),
        original: true,
        out_of_date: false,
        translated_by: None,
        translated_at: None,
    })
    .chain(letter.versions.iter().map(|v| LanguageSummary {
        lang: v.lang.clone(),
        original: false,
        out_of_date: v.is_out_of_date(letter),
        translated_by: v.translated_by.clone(),
        translated_at: v.translated_at.map(|d| d.to_string()),
    }))
    .collect()
}

/// A stored letter whose body no longer composes is a 422 naming the line, for the coordinator
/// to fix on the compose page.
fn compose_error(e: &ComposeError) -> AppError {
    match e {
        ComposeError::NoLetter { .. } | ComposeError::NoLanguage { .. } => AppError::NotFound,
        ComposeError::Body { .. } => AppError::invalid("body", e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    fn key(letter: &str, version: i64) -> Key {
        Key {
            case: "c".to_owned(),
            letter: letter.to_owned(),
            lang: String::new(),
            version,
        }
    }

    /// A cached letter whose body did not compose: enough to fill a slot without a case.
    fn broken(letter: &str) -> Arc<CachedLetter> {
        Arc::new(CachedLetter {
            summary: LetterSummary {
                id: letter.to_owned(),
                title: String::new(),
                date: String::new(),
                language: "en".to_owned(),
                signatories: 0,
                languages: Vec::new(),
            },
            outcome: Err(ComposeError::Body {
                letter: letter.to_owned(),
                line: None,
                problem: BodyProblem::UnknownSource { id: "x".to_owned() },
            }),
        })
    }

    #[test]
    fn a_newer_version_replaces_the_older_one() {
        let c = LetterCache::default();
        let (old, _) = c.slot(&key("a", 1));
        c.slot(&key("b", 1));
        assert!(Arc::ptr_eq(&old, &c.slot(&key("a", 1)).0), "the same slot");
        c.slot(&key("a", 2));
        let inner = c.lock();
        assert!(!inner.letters.contains_key(&key("a", 1)));
        assert!(inner.letters.contains_key(&key("a", 2)));
        assert!(
            inner.letters.contains_key(&key("b", 1)),
            "another letter stays"
        );
    }

    #[test]
    fn the_least_recently_used_go_first() {
        let c = LetterCache::default();
        for i in 0..MAX_LETTERS {
            c.slot(&key(&format!("l{i}"), 1));
        }
        c.slot(&key("l0", 1)); // used again: now the most recent
        c.slot(&key("new", 1));
        let inner = c.lock();
        assert_eq!(inner.letters.len(), MAX_LETTERS);
        assert!(inner.letters.contains_key(&key("l0", 1)));
        assert!(
            !inner.letters.contains_key(&key("l1", 1)),
            "the least recently used was dropped"
        );
    }

    #[test]
    fn renderings_are_bounded_in_bytes() {
        let c = LetterCache::default();
        for i in 0..4 {
            let (_, bytes) = c.slot(&key(&format!("l{i}"), 1));
            bytes.store(MAX_BYTES / 3, Ordering::Relaxed);
        }
        c.trim();
        let inner = c.lock();
        assert_eq!(inner.letters.len(), 3, "a fourth third is over the bound");
        assert!(!inner.letters.contains_key(&key("l0", 1)));
    }

    #[test]
    fn only_an_unfilled_slot_is_forgotten() {
        let c = LetterCache::default();
        c.slot(&key("a", 1));
        c.forget(&key("a", 1));
        assert!(c.lock().letters.is_empty());
        let (cell, _) = c.slot(&key("b", 1));
        cell.set(broken("b")).unwrap();
        c.forget(&key("b", 1));
        assert!(c.lock().letters.contains_key(&key("b", 1)));
    }

    #[test]
    fn a_list_serves_its_version_only() {
        let c = LetterCache::default();
        c.put_list("c", 2, Arc::new(vec!["a".to_owned()]));
        assert!(c.list("c", 2).is_some());
        assert!(c.list("c", 3).is_none());
        c.put_list("c", 1, Arc::new(Vec::new()));
        assert_eq!(c.list("c", 2).unwrap().len(), 1, "an older list came late");
    }
}
