//! Rows into a table with `COPY … FROM STDIN`: the bulk path's one round trip per few megabytes,
//! inside the writing transaction (a failed import still leaves nothing).
//!
//! Rows are written in COPY's text format: fields separated by tabs, rows by newlines, `\N` for
//! NULL, and a backslash before a backslash, tab, newline or carriage return in a value. Bytes
//! are `\\x` and their hex (the bytea text form, its backslash escaped).

use sqlx::PgConnection;

use crate::StoreError;

/// How much text is gathered before it is sent.
const SEND_BYTES: usize = 4 << 20;

/// One `COPY` in progress: fields are appended to the current row, rows to a buffer that is sent
/// whenever it is large.
pub(crate) struct CopyIn<'c> {
    copy: sqlx::postgres::PgCopyIn<&'c mut PgConnection>,
    buf: Vec<u8>,
    /// Whether the current row has a field yet (the next one is preceded by a tab).
    started: bool,
}

impl std::fmt::Debug for CopyIn<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CopyIn")
            .field("buffered", &self.buf.len())
            .finish_non_exhaustive()
    }
}

impl<'c> CopyIn<'c> {
    /// Start copying into `table (columns)`.
    pub(crate) async fn begin(
        tx: &'c mut PgConnection,
        table: &str,
        columns: &str,
    ) -> Result<CopyIn<'c>, StoreError> {
        let copy = tx
            .copy_in_raw(&format!("COPY {table} ({columns}) FROM STDIN"))
            .await?;
        Ok(CopyIn {
            copy,
            buf: Vec::with_capacity(SEND_BYTES + 64 * 1024),
            started: false,
        })
    }

    fn sep(&mut self) {
        if self.started {
            self.buf.push(b'\t');
        }
        self.started = true;
    }

    /// A text field.
    pub(crate) fn text(&mut self, value: &str) -> &mut Self {
        self.sep();
        for b in value.bytes() {
            match b {
                b'\\' => self.buf.extend_from_slice(b"\\\\"),
                b'\t' => self.buf.extend_from_slice(b"\\t"),
                b'\n' => self.buf.extend_from_slice(b"\\n"),
                b'\r' => self.buf.extend_from_slice(b"\\r"),
                _ => self.buf.push(b),
            }
        }
        self
    }

    /// A text field that may be NULL.
    pub(crate) fn opt_text(&mut self, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => self.text(v),
            None => self.null(),
        }
    }

    /// An integer field.
    pub(crate) fn int(&mut self, value: i64) -> &mut Self {
        self.sep();
        self.buf.extend_from_slice(value.to_string().as_bytes());
        self
    }

    /// An integer field that may be NULL.
    pub(crate) fn opt_int(&mut self, value: Option<i64>) -> &mut Self {
        match value {
            Some(v) => self.int(v),
            None => self.null(),
        }
    }

    /// A bytea field.
    pub(crate) fn bytes(&mut self, value: &[u8]) -> &mut Self {
        self.sep();
        self.buf.extend_from_slice(b"\\\\x");
        self.buf.extend_from_slice(hex::encode(value).as_bytes());
        self
    }

    /// A NULL field.
    pub(crate) fn null(&mut self) -> &mut Self {
        self.sep();
        self.buf.extend_from_slice(b"\\N");
        self
    }

    /// End the row; send what is gathered once it is large.
    pub(crate) async fn end_row(&mut self) -> Result<(), StoreError> {
        self.buf.push(b'\n');
        self.started = false;
        if self.buf.len() >= SEND_BYTES {
            let full = std::mem::replace(&mut self.buf, Vec::with_capacity(SEND_BYTES + 64 * 1024));
            self.copy.send(full).await?;
        }
        Ok(())
    }

    /// Send the rest and end the `COPY`; returns how many rows it stored.
    pub(crate) async fn finish(mut self) -> Result<u64, StoreError> {
        if !self.buf.is_empty() {
            let rest = std::mem::take(&mut self.buf);
            self.copy.send(rest).await?;
        }
        Ok(self.copy.finish().await?)
    }
}
