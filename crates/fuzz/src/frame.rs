//! Inputs made of several parts (a bundle's files, a CSV pair and its options, a query and its
//! filters) are saved as one byte string: each part is its length (4 bytes, little-endian)
//! followed by its bytes.

/// Joins parts into one input.
pub fn encode<S: AsRef<[u8]>>(parts: &[S]) -> Vec<u8> {
    let mut out = Vec::new();
    for p in parts {
        let p = p.as_ref();
        out.extend_from_slice(&u32::try_from(p.len()).unwrap_or(u32::MAX).to_le_bytes());
        out.extend_from_slice(p);
    }
    out
}

/// Splits an input into its parts; a truncated last part is kept as far as it goes.
pub fn decode(bytes: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = bytes;
    while rest.len() >= 4 {
        let (len, tail) = rest.split_at(4);
        let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let len = len.min(tail.len());
        let (part, tail) = tail.split_at(len);
        parts.push(part);
        rest = tail;
    }
    parts
}

/// The parts as text (invalid UTF-8 replaced, as a lossy reader would), `n` of them at least.
pub fn decode_text(bytes: &[u8], n: usize) -> Vec<String> {
    let mut parts: Vec<String> = decode(bytes)
        .into_iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    while parts.len() < n {
        parts.push(String::new());
    }
    parts
}
