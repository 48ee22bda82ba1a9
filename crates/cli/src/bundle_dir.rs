//! Reading a bundle directory into memory and writing one out; the format itself is the core's.

use std::path::{Path, PathBuf};

use accord_core::bundle::BundleFile;
use anyhow::{Context, bail};

/// Every file under `root`, with paths relative to it (using `/`), hidden entries skipped.
pub(crate) fn read(root: &Path) -> anyhow::Result<Vec<BundleFile>> {
    if !root.is_dir() {
        bail!(
            "{}: not a directory (a case bundle is a directory)",
            root.display()
        );
    }
    let mut out = Vec::new();
    walk(root, root, &mut out)?;
    Ok(out)
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<BundleFile>) -> anyhow::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot read {}", dir.display()))?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let path = e.path();
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, root, out)?;
            continue;
        }
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let contents = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{}: not UTF-8 text (byte {})",
                path.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        out.push(BundleFile {
            path: relative(&path, root),
            contents,
        });
    }
    Ok(())
}

fn relative(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Write files under `dest`. A new directory is written next to it first and renamed into place,
/// so an interrupted export never leaves half a bundle under the requested name.
pub(crate) fn write(dest: &Path, files: &[BundleFile], force: bool) -> anyhow::Result<()> {
    let exists_with_content = dest.is_dir()
        && std::fs::read_dir(dest)
            .with_context(|| format!("cannot read {}", dest.display()))?
            .next()
            .is_some();
    if dest.exists() && !dest.is_dir() {
        bail!("{}: exists and is not a directory", dest.display());
    }
    if exists_with_content && !force {
        bail!(
            "{}: the directory is not empty (use --force to write into it)",
            dest.display()
        );
    }
    if exists_with_content {
        return write_files(dest, files);
    }
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staging: PathBuf = parent.join(format!(".{name}.accord-export-{}", std::process::id()));
    let result = write_files(&staging, files).and_then(|()| {
        if dest.exists() {
            std::fs::remove_dir(dest)
                .with_context(|| format!("cannot replace {}", dest.display()))?;
        }
        std::fs::rename(&staging, dest)
            .with_context(|| format!("cannot move the export into {}", dest.display()))
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_files(root: &Path, files: &[BundleFile]) -> anyhow::Result<()> {
    for f in files {
        let path = root.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(&path, &f.contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
