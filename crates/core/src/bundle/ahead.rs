//! Parsing a bundle's record files on a second thread, a file or two ahead of the conversion.
//!
//! On a bundle of a million records, parsing the TOML of its shards is most of the reading, and
//! turning the parsed files into records (with the locations of every record for messages) the
//! rest; both run at once here, on two cores. The thread does no I/O: the reader still asks its
//! [`BundleSource`] for every text, in order, on its own thread, and hands the text over. The
//! result is exactly the sequential one: the files are converted in the same order, the text of
//! each comes back with its parse, and a file the thread did not parse (a kind it does not know,
//! or no thread could be started) is parsed where it is converted, as before.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::files::{
    ActorsFile, FindingsFile, IncidentsFile, MechanismsFile, ObservationsFile, SourcesFile,
};
use super::{BundleSource, Kind, classify};

/// Files read and handed to the parser beyond the one being converted: two shards of at most
/// 16 MiB each, so memory holds a few shards, not the bundle.
const AHEAD: usize = 2;

/// A file for the parser: its index, its path and its text.
type Job = (usize, String, String);
/// A parsed file: its index, its text back, and `Result<T, toml::de::Error>` for the type `T`
/// its kind is read as (`None` when it was left to the converter).
type Done = (usize, String, Option<Box<dyn Any + Send>>);

/// The parser thread and the files handed to it, in the order they will be converted.
pub(super) struct Ahead {
    thread: Option<(SyncSender<Job>, Receiver<Done>)>,
    /// Positions (in `order`) read so far.
    read: usize,
    /// Position (in `order`) of the next file to be asked for.
    next: usize,
    order: Vec<usize>,
    /// Texts the source could not give, by file (reported when the file's turn comes).
    failed: HashMap<usize, String>,
    /// Files read but handed to no thread (none could be started).
    local: VecDeque<(usize, String)>,
    /// The parse of the file being converted, for [`Ahead::take`].
    parsed: Option<(usize, Box<dyn Any + Send>)>,
}

impl std::fmt::Debug for Ahead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ahead")
            .field("threaded", &self.thread.is_some())
            .field("read", &self.read)
            .finish_non_exhaustive()
    }
}

impl Default for Ahead {
    /// No files: every text is read and parsed where it is converted.
    fn default() -> Ahead {
        Ahead {
            thread: None,
            read: 0,
            next: 0,
            order: Vec::new(),
            failed: HashMap::new(),
            local: VecDeque::new(),
            parsed: None,
        }
    }
}

impl Ahead {
    /// Start the parser for the text files `order` (file indexes, in the order they will be asked
    /// for); if no thread can be started, files are read and parsed one at a time as before.
    pub(super) fn start(order: Vec<usize>) -> Ahead {
        let (jobs_tx, jobs_rx) = sync_channel::<Job>(AHEAD + 1);
        let (done_tx, done_rx) = sync_channel::<Done>(AHEAD + 1);
        let thread = std::thread::Builder::new()
            .name("bundle-parser".into())
            .spawn(move || {
                for (i, path, text) in jobs_rx {
                    let parsed = parse(&path, &text);
                    if done_tx.send((i, text, parsed)).is_err() {
                        break;
                    }
                }
            })
            .ok()
            .map(|_| (jobs_tx, done_rx));
        Ahead {
            thread,
            order,
            ..Ahead::default()
        }
    }

    /// The text of file `i`, the next in the order given to [`Ahead::start`]: read from `source`
    /// now or earlier, with its parse kept for [`Ahead::take`].
    pub(super) fn text(
        &mut self,
        source: &mut dyn BundleSource,
        paths: &[String],
        i: usize,
    ) -> Result<String, String> {
        self.parsed = None;
        if self.order.get(self.next) != Some(&i) {
            return source.text(i);
        }
        let at = self.next;
        self.next += 1;
        // Keep the parser busy: the files up to AHEAD past this one are read and handed over.
        while self.read < self.order.len() && self.read <= at + AHEAD {
            let f = self.order[self.read];
            self.read += 1;
            match source.text(f) {
                Ok(text) => self.hand_over(f, paths[f].clone(), text),
                Err(e) => {
                    self.failed.insert(f, e);
                }
            }
        }
        if let Some(e) = self.failed.remove(&i) {
            return Err(e);
        }
        if let Some((f, text)) = self.local.pop_front() {
            return if f == i {
                Ok(text)
            } else {
                Err("the bundle reader lost its place (a bug)".into())
            };
        }
        match self.thread.as_ref().map(|(_, rx)| rx.recv()) {
            Some(Ok((f, text, parsed))) if f == i => {
                self.parsed = parsed.map(|p| (f, p));
                Ok(text)
            }
            _ => Err("the bundle's parser stopped before this file".into()),
        }
    }

    fn hand_over(&mut self, i: usize, path: String, text: String) {
        if let Some((tx, _)) = &self.thread {
            match tx.send((i, path, text)) {
                Ok(()) => return,
                Err(std::sync::mpsc::SendError((_, _, text))) => {
                    // The thread is gone: what it held is reported when its turn comes.
                    self.local.push_back((i, text));
                    return;
                }
            }
        }
        self.local.push_back((i, text));
    }

    /// The parse of file `i` as `T`, if the thread made it (`None`: parse it here).
    pub(super) fn take<T: 'static>(&mut self, i: usize) -> Option<Result<T, toml::de::Error>> {
        let (f, parsed) = self.parsed.take()?;
        if f != i {
            return None;
        }
        parsed
            .downcast::<Result<T, toml::de::Error>>()
            .ok()
            .map(|b| *b)
    }
}

/// Parse a file of records as its kind is read; other files are left to the converter.
fn parse(path: &str, text: &str) -> Option<Box<dyn Any + Send>> {
    fn boxed<T: serde::de::DeserializeOwned + Send + 'static>(
        text: &str,
    ) -> Option<Box<dyn Any + Send>> {
        Some(Box::new(toml::from_str::<T>(text)))
    }
    match classify(path) {
        Kind::Actors => boxed::<ActorsFile>(text),
        Kind::Sources => boxed::<SourcesFile>(text),
        Kind::Incidents => boxed::<IncidentsFile>(text),
        Kind::Findings => boxed::<FindingsFile>(text),
        Kind::Mechanisms => boxed::<MechanismsFile>(text),
        Kind::Observations => boxed::<ObservationsFile>(text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use super::*;
    use crate::bundle::{BundleFile, InMemory};

    fn file(path: &str, contents: &str) -> BundleFile {
        BundleFile {
            path: path.into(),
            contents: contents.into(),
        }
    }

    /// Record files come back parsed by the thread, with their text, in the order asked; a
    /// syntax error comes back as the parser's error; other files are left to the converter.
    #[test]
    fn record_files_are_parsed_ahead_in_order() {
        let files = [
            file("case.toml", "id = \"c\"\ntitle = \"C\"\n"),
            file(
                "incidents/000001.toml",
                "[[incidents]]\nid = \"a\"\ndate = \"2017-06-04\"\ntitle = \"A\"\nkind = \"other\"\n",
            ),
            file("incidents/000002.toml", "[[incidents]\nid = \"b\"\n"),
            file("sources.toml", "[[sources]]\nid = \"s\"\ntitle = \"S\"\n"),
        ];
        let mut source = InMemory(&files);
        let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
        let mut ahead = Ahead::start(vec![0, 1, 2, 3]);
        assert!(ahead.thread.is_some());

        assert_eq!(
            ahead.text(&mut source, &paths, 0).unwrap(),
            files[0].contents
        );
        assert!(ahead.take::<super::super::files::CaseFile>(0).is_none());

        assert_eq!(
            ahead.text(&mut source, &paths, 1).unwrap(),
            files[1].contents
        );
        // Asked as another type, or for another file, it is not there.
        assert!(ahead.take::<SourcesFile>(1).is_none());
        ahead.parsed = None;
        let _ = ahead.text(&mut source, &paths, 2);
        assert!(ahead.take::<IncidentsFile>(1).is_none());

        // Start again to see each parse once.
        let mut ahead = Ahead::start(vec![0, 1, 2, 3]);
        let _ = ahead.text(&mut source, &paths, 0);
        let _ = ahead.text(&mut source, &paths, 1);
        let parsed = ahead.take::<IncidentsFile>(1).unwrap().unwrap();
        assert_eq!(parsed.incidents.len(), 1);
        let _ = ahead.text(&mut source, &paths, 2);
        let err = ahead.take::<IncidentsFile>(2).unwrap().unwrap_err();
        let at = err.span().unwrap().start;
        assert_eq!(super::super::line_of(&files[2].contents, at), 1, "{err}");
        assert_eq!(
            ahead.text(&mut source, &paths, 3).unwrap(),
            files[3].contents
        );
        assert!(ahead.take::<SourcesFile>(3).unwrap().is_ok());
        // A file out of the order is read from the source directly.
        assert_eq!(
            ahead.text(&mut source, &paths, 0).unwrap(),
            files[0].contents
        );
        assert!(ahead.take::<super::super::files::CaseFile>(0).is_none());
    }

    /// Without a thread (none could be started) every file is still given, in order.
    #[test]
    fn without_a_thread_files_are_given_in_order() {
        let files = [
            file("incidents/000001.toml", "[[incidents]]\nid = \"a\"\n"),
            file("incidents/000002.toml", "[[incidents]]\nid = \"b\"\n"),
        ];
        let mut source = InMemory(&files);
        let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
        let mut ahead = Ahead {
            order: vec![0, 1],
            ..Ahead::default()
        };
        for (i, f) in files.iter().enumerate() {
            assert_eq!(ahead.text(&mut source, &paths, i).unwrap(), f.contents);
            assert!(ahead.take::<IncidentsFile>(i).is_none());
        }
    }
}
