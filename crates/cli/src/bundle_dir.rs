//! Reading a bundle directory and writing one out; the format itself is the core's.
//!
//! Text files are listed here (each capped, and their total) and read one at a time when the
//! core's reader asks for them ([`BundleDir`] is its [`BundleSource`]): a case of a million
//! incidents comes in shards, and only one shard's text is in memory at a time. Evidence files
//! under `evidence/` can be gigabytes, so they are only streamed through SHA-256 here and their
//! bytes are read again when they are put into the blob store. A bundle holds plain files and
//! directories only: a symbolic link could make an import read, or an export write, outside the
//! directory the user named, so one is refused, by name.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

use accord_core::bundle::{self, BundleBlob, BundleFile, BundleSource};
use accord_store::BlobStore;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::failure::{Said, SayContext, cannot_check};

/// The largest text file a bundle may hold: a hand-written TOML file or a letter is far smaller,
/// and `accord export` splits large kinds into shards of at most 16 MiB.
pub(crate) const TEXT_FILE_LIMIT: u64 = 64 << 20;
/// The most text a bundle may hold in all: a guard against a runaway directory. The texts are not
/// held together (one file at a time), but the case's records are, and a bundle of a million
/// generated incidents is about 800 MB.
pub(crate) const TEXT_TOTAL_LIMIT: u64 = 8 << 30;
/// How much of a file its media type is sniffed from.
const SNIFF_BYTES: usize = 8192;

/// A bundle as listed from a directory.
#[derive(Debug, Default)]
pub(crate) struct BundleDir {
    /// The text files, read when the core asks.
    pub(crate) texts: TextFiles,
    /// The evidence files, measured.
    pub(crate) blobs: Vec<BundleBlob>,
    /// Where each of `blobs` is on disk, in the same order.
    pub(crate) blob_paths: Vec<PathBuf>,
}

/// Every file under `root`, with paths relative to it (using `/`), hidden entries skipped.
/// Evidence files larger than `blob_limit` are refused, as an upload would be.
pub(crate) fn read(root: &Path, blob_limit: u64) -> anyhow::Result<BundleDir> {
    if !root.is_dir() {
        return Err(
            crate::failure::Said::new("cli-err-not-bundle", &[("path", &root.display())]).into(),
        );
    }
    let mut reader = Reader {
        root,
        blob_limit,
        out: BundleDir::default(),
        text_total: 0,
        refused: Vec::new(),
    };
    reader.walk(root)?;
    if !reader.refused.is_empty() {
        let n = reader.refused.len();
        return Err(
            Said::new("cli-err-bundle-refused", &[("root", &root.display())])
                .lines("entries", reader.refused)
                .digits("shown", n)
                .count("n", n)
                .into(),
        );
    }
    Ok(reader.out)
}

struct Reader<'r> {
    root: &'r Path,
    blob_limit: u64,
    out: BundleDir,
    text_total: u64,
    /// Entries that make the bundle unacceptable whatever its contents; all are listed.
    refused: Vec<Said>,
}

impl Reader<'_> {
    fn walk(&mut self, dir: &Path) -> anyhow::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .said(|| crate::failure::cannot_read(dir))?
            .collect::<Result<_, _>>()
            .said(|| crate::failure::cannot_read(dir))?;
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for e in entries {
            let path = e.path();
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // The entry's own type: a symbolic link is not followed.
            let kind = e.file_type().said(|| crate::failure::cannot_read(&path))?;
            if kind.is_symlink() {
                self.refused.push(Said::new(
                    "cli-bundle-symlink",
                    &[("path", &path.display())],
                ));
            } else if kind.is_dir() {
                self.walk(&path)?;
            } else if !kind.is_file() {
                self.refused.push(Said::new(
                    "cli-bundle-not-plain",
                    &[("path", &path.display())],
                ));
            } else {
                let rel = relative(&path, self.root);
                if bundle::is_evidence_path(&rel) {
                    self.blob(&path, rel)?;
                } else {
                    self.text(&path, rel)?;
                }
            }
        }
        Ok(())
    }

    fn text(&mut self, path: &Path, rel: String) -> anyhow::Result<()> {
        let len = std::fs::metadata(path)
            .said(|| crate::failure::cannot_read(path))?
            .len();
        if len > TEXT_FILE_LIMIT {
            self.refused.push(
                Said::new("cli-bundle-text-too-large", &[("path", &path.display())])
                    .digits("mib", TEXT_FILE_LIMIT >> 20),
            );
            return Ok(());
        }
        self.text_total += len;
        if self.text_total > TEXT_TOTAL_LIMIT {
            return Err(Said::new(
                "cli-err-bundle-too-large",
                &[("path", &self.root.display())],
            )
            .digits("mib", TEXT_TOTAL_LIMIT >> 20)
            .into());
        }
        self.out.texts.0.push((rel, path.to_path_buf()));
        Ok(())
    }

    fn blob(&mut self, path: &Path, rel: String) -> anyhow::Result<()> {
        let mut file = std::fs::File::open(path).said(|| crate::failure::cannot_read(path))?;
        let mut hasher = Sha256::new();
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        let mut size = 0u64;
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = file
                .read(&mut buf)
                .said(|| crate::failure::cannot_read(path))?;
            if n == 0 {
                break;
            }
            size += n as u64;
            if size > self.blob_limit {
                self.refused.push(
                    Said::new(
                        "cli-bundle-evidence-too-large",
                        &[("path", &path.display())],
                    )
                    .digits("limit", self.blob_limit),
                );
                return Ok(());
            }
            if head.len() < SNIFF_BYTES {
                let take = (SNIFF_BYTES - head.len()).min(n);
                head.extend_from_slice(&buf[..take]);
            }
            hasher.update(&buf[..n]);
        }
        self.out.blobs.push(BundleBlob {
            path: rel,
            sha256: hex::encode(hasher.finalize()),
            size,
            media_type: accord_store::blob::sniff(&head),
        });
        self.out.blob_paths.push(path.to_path_buf());
        Ok(())
    }
}

fn too_large_message() -> String {
    format!(
        "larger than {} MiB, the most a text file of a bundle may hold (split records into \
         shards, as accord export does: see docs/case-format.md; evidence files belong under \
         evidence/)",
        TEXT_FILE_LIMIT >> 20
    )
}

/// The text files of a bundle directory: their paths in the bundle and on disk.
#[derive(Debug, Default)]
pub(crate) struct TextFiles(pub(crate) Vec<(String, PathBuf)>);

impl BundleSource for TextFiles {
    fn paths(&self) -> Vec<String> {
        self.0.iter().map(|(rel, _)| rel.clone()).collect()
    }

    /// One text file, capped and checked as UTF-8 (the core reports a failure against the file).
    fn text(&mut self, index: usize) -> Result<String, String> {
        let Some((_, path)) = self.0.get(index) else {
            return Err("no such file".into());
        };
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
        let mut bytes = Vec::new();
        // Read one byte past the cap, so a file that grew since it was listed is caught too.
        file.take(TEXT_FILE_LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read: {e}"))?;
        if bytes.len() as u64 > TEXT_FILE_LIMIT {
            return Err(too_large_message());
        }
        String::from_utf8(bytes)
            .map_err(|e| format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))
    }
}

/// `PATH: exists and is not a directory`.
fn not_a_directory(path: &Path) -> Said {
    Said::new("cli-err-exists-not-directory", &[("path", &path.display())])
}

fn relative(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// An evidence file to write into a bundle: its path there (`evidence/...`) and the stored bytes
/// it must be.
#[derive(Debug, Clone)]
pub(crate) struct ExportBlob {
    pub(crate) path: String,
    pub(crate) sha256: String,
    pub(crate) size: u64,
}

/// A bundle's text files, made one at a time: called once, it hands each file to the function it
/// is given as soon as the file is made (`accord_core::bundle::write_each`), so only one shard's
/// text is in memory while an export writes.
pub(crate) type Texts<'a> = &'a mut dyn FnMut(
    &mut dyn FnMut(BundleFile) -> Result<(), bundle::WriteError>,
) -> Result<(), bundle::WriteError>;

/// Write a bundle under `dest`: its text files as `texts` makes them, then the evidence files;
/// returns how many text files were written. A new directory is written next to `dest` first and
/// renamed into place, so an interrupted export never leaves half a bundle under the requested
/// name. Evidence bytes are copied from the blob store and checked against their hash on the way.
/// Nothing is ever written through a symbolic link.
pub(crate) async fn write(
    dest: &Path,
    texts: Texts<'_>,
    blobs: &[ExportBlob],
    store: &dyn BlobStore,
    force: bool,
) -> anyhow::Result<usize> {
    let meta = match std::fs::symlink_metadata(dest) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).said(|| cannot_check(dest)),
    };
    if meta.as_ref().is_some_and(std::fs::Metadata::is_symlink) {
        return Err(Said::new("cli-err-export-symlink", &[("path", &dest.display())]).into());
    }
    if meta.as_ref().is_some_and(|m| !m.is_dir()) {
        return Err(not_a_directory(dest).into());
    }
    let exists_with_content = meta.is_some()
        && std::fs::read_dir(dest)
            .said(|| crate::failure::cannot_read(dest))?
            .next()
            .is_some();
    if exists_with_content && !force {
        return Err(Said::new("cli-err-export-not-empty", &[("path", &dest.display())]).into());
    }
    if exists_with_content {
        return write_files(dest, texts, blobs, store).await;
    }
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).said(|| crate::failure::cannot_create(parent))?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staging: PathBuf = parent.join(format!(".{name}.accord-export-{}", std::process::id()));
    let result = async {
        std::fs::create_dir(&staging).said(|| crate::failure::cannot_create(&staging))?;
        let written = write_files(&staging, texts, blobs, store).await?;
        if dest.exists() {
            std::fs::remove_dir(dest)
                .said(|| Said::new("cli-err-cannot-replace", &[("path", &dest.display())]))?;
        }
        std::fs::rename(&staging, dest)
            .said(|| Said::new("cli-err-export-move", &[("path", &dest.display())]))?;
        Ok(written)
    }
    .await;
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

async fn write_files(
    root: &Path,
    texts: Texts<'_>,
    blobs: &[ExportBlob],
    store: &dyn BlobStore,
) -> anyhow::Result<usize> {
    // The texts are made and written on this thread, one at a time (plain file writes; the
    // runtime is told so that its other tasks move elsewhere meanwhile).
    let mut written = 0;
    let mut failed: Option<anyhow::Error> = None;
    let made = tokio::task::block_in_place(|| {
        texts(&mut |f: BundleFile| match write_text(root, &f) {
            Ok(()) => {
                written += 1;
                Ok(())
            }
            Err(e) => {
                let stop = bundle::WriteError {
                    path: f.path.clone(),
                    message: e.to_string(),
                };
                failed = Some(e);
                Err(stop)
            }
        })
    });
    if let Some(e) = failed {
        return Err(e);
    }
    made?;
    for b in blobs {
        let (path, tmp) = prepare(root, &b.path)?;
        let result = async {
            let mut stored = store
                .open(&b.sha256)
                .await
                .said(|| Said::new("cli-err-export-read-stored", &[("path", &b.path)]))?;
            copy_verified(&mut *stored.reader, &tmp, &b.sha256, b.size)
                .await
                .said(|| Said::new("cli-err-not-exported", &[("path", &b.path)]))
        }
        .await;
        finish(result, &tmp, &path)?;
    }
    Ok(written)
}

/// One text file of a bundle, written under a temporary name, synced, then renamed into place.
fn write_text(root: &Path, f: &BundleFile) -> anyhow::Result<()> {
    use std::io::Write as _;
    let (path, tmp) = prepare(root, &f.path)?;
    let result = crate::evidence::new_private_file_sync(&tmp)
        .and_then(|mut out| {
            out.write_all(f.contents.as_bytes())?;
            out.sync_all()
        })
        .said(|| crate::failure::cannot_write(&tmp));
    finish(result, &tmp, &path)
}

/// The file `rel` under `root`, its directories created, and a temporary name next to it.
/// Refuses a path that would leave `root` and any symbolic link on the way.
fn prepare(root: &Path, rel: &str) -> anyhow::Result<(PathBuf, PathBuf)> {
    let rel_path = Path::new(rel);
    if rel.is_empty()
        || rel_path
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(Said::new("cli-err-export-path", &[("path", &format!("{rel:?}"))]).into());
    }
    let mut at = root.to_path_buf();
    let parts: Vec<_> = rel_path.components().collect();
    for (k, part) in parts.iter().enumerate() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.is_symlink() => {
                return Err(
                    Said::new("cli-err-export-link-inside", &[("path", &at.display())]).into(),
                );
            }
            Ok(m) if k + 1 < parts.len() && !m.is_dir() => {
                return Err(not_a_directory(&at).into());
            }
            Ok(m) if k + 1 == parts.len() && m.is_dir() => {
                return Err(
                    Said::new("cli-err-exists-directory", &[("path", &at.display())]).into(),
                );
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if k + 1 < parts.len() {
                    std::fs::create_dir(&at).said(|| crate::failure::cannot_create(&at))?;
                }
            }
            Err(e) => return Err(e).said(|| cannot_check(&at)),
        }
    }
    let name = at
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = at.with_file_name(format!(".{name}.accord-{}.part", std::process::id()));
    Ok((at, tmp))
}

/// Move a completely written temporary file into place (a rename replaces a link rather than
/// following it), or remove it.
fn finish(result: anyhow::Result<()>, tmp: &Path, path: &Path) -> anyhow::Result<()> {
    let result = result
        .and_then(|()| std::fs::rename(tmp, path).said(|| crate::failure::cannot_write(path)));
    if result.is_err() {
        let _ = std::fs::remove_file(tmp);
    }
    result
}

/// Copy stored bytes to a new private file, hashing them on the way: what is handed out is checked
/// against the record, so a damaged store never passes a changed file off as the original.
pub(crate) async fn copy_verified(
    reader: &mut (dyn tokio::io::AsyncRead + Unpin + Send),
    to: &Path,
    sha256: &str,
    size: u64,
) -> anyhow::Result<()> {
    let mut file = crate::evidence::new_private_file(to)
        .await
        .said(|| crate::failure::cannot_create(to))?;
    let mut hasher = Sha256::new();
    let mut copied = 0u64;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = reader
            .read(&mut buf)
            .await
            .said(|| Said::new("cli-err-read-stored", &[]))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        copied += n as u64;
        file.write_all(&buf[..n])
            .await
            .said(|| crate::failure::cannot_write(to))?;
    }
    file.sync_all()
        .await
        .said(|| crate::failure::cannot_write(to))?;
    let got = hex::encode(hasher.finalize());
    if got != sha256 || copied != size {
        return Err(Said::new(
            "cli-err-stored-bytes-differ",
            &[("got", &got), ("sha256", &sha256)],
        )
        .digits("copied", copied)
        .digits("size", size)
        .into());
    }
    Ok(())
}
