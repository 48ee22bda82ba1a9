//! Puts the glyphs of a cluster back into one text run before the PDF is written, so that the
//! PDF maps each cluster to its text exactly once.
//!
//! typst 0.15 lays a line out as one text item per run of glyphs that share a font, a size and
//! a vertical offset (`ShapedText::build` in typst-layout groups glyphs by
//! `(font, y_offset, size)`), and each item carries as its text the whole of every cluster it
//! holds a glyph of. A Khmer cluster whose subscript consonant or vowel sign the font moves up
//! or down (GPOS mark positioning: "ខ្ញុំ", "ម្ពុ", "ក្នុ") is therefore cut into two or
//! three items, each with the whole cluster as its text. krilla, which writes the PDF, wraps a
//! cluster in `/ActualText` only when its glyphs are neighbours in one item; a glyph alone in
//! its item gets the whole cluster as its `ToUnicode` entry. A text extractor then reads the
//! cluster once from the item holding its first glyph and once more from every glyph cut off
//! from it: `pdftotext` gave "យើងខ្ញុំខ្ញុំខ្ញុំ" for "យើងខ្ញុំ" and "កម្ពុម្ពុជា" for "កម្ពុជា",
//! whatever the font. typst's own sources still group glyphs this way after 0.15.1.
//!
//! The repair works on the laid-out document, between typst's layout and its PDF export:
//! two consecutive text items of one frame are joined when they have the same font, size,
//! colour, stroke and language, the second starts where the first ends, and the first glyph of
//! the second belongs to the same cluster as the last glyph of the first — the same position
//! in the same source text (typst's per-glyph span and offset, which two different clusters
//! never share within one text) and the same characters. The glyphs taken over keep their
//! height as a per-glyph vertical offset, which krilla writes as it would a mark's offset, so
//! the page looks exactly as before (the reviewed reference pictures are unchanged); the
//! cluster's glyphs, now neighbours, are written inside one `/ActualText` span. Items that do
//! not meet every condition are left as typst made them.
//!
//! A second repair keeps a cluster's text in one word. poppler (and so `pdftotext`) measures
//! an `/ActualText` span from the position of its first glyph to the position plus the width of
//! its last glyph; it then reads a gap of more than a tenth of the font size between that end
//! and the next glyph as a space. Khmer fonts put a cluster's marks after its base glyph, and a
//! mark has no width and sits over or under the base: in Khmer OS, "ប៉ា" is the glyph "បា"
//! followed by the mark "៉" drawn 0.16 em before the cluster's end, "ឆ្នោ" ends with the
//! subscript "្ន" 0.38 em before it. `pdftotext` gave "ប៉ា រីស" for "ប៉ារីស", "ឆ្នោ ត" for
//! "ឆ្នោត", "សូ ម" for "សូម": a reader who copies a sentence gets words cut in two, and a search
//! for "ប៉ារីស" in the PDF finds nothing. [`close_clusters`] therefore ends such a cluster with
//! a glyph that draws nothing (the font's zero width space, or its space, which no font draws),
//! placed so that it ends exactly where the cluster ends: the span then measures the cluster's
//! whole width. The glyph belongs to the cluster (same text range), so it is written inside the
//! cluster's `/ActualText` span and is given no text of its own; the page looks the same.

use typst::layout::{Em, Frame, FrameItem, GroupItem, Point};
use typst::text::{Glyph, TextItem};
use typst_layout::PagedDocument;

/// How far apart (in points) the end of one item and the start of the next may be and still be
/// "the same place": typst adds item widths as it places them, and the joined item sums the
/// same advances in another order.
const ADJACENT: f64 = 0.01;

/// The document with every cluster cut across text items joined back into one item. Returns
/// the document itself when no item needed joining (most Latin letters).
pub(crate) fn rejoin(document: PagedDocument) -> PagedDocument {
    let mut changed = false;
    let pages: Vec<_> = document
        .pages()
        .iter()
        .map(|page| match rejoin_frame(&page.frame) {
            Some(frame) => {
                changed = true;
                let mut page = page.clone();
                page.frame = frame;
                page
            }
            None => page.clone(),
        })
        .collect();
    if !changed {
        return document;
    }
    let info = typst::model::Document::info(&document).clone();
    PagedDocument::new(pages.into_iter().collect(), info)
}

/// The frame with its split clusters joined, or `None` if it has none (nor have its groups).
fn rejoin_frame(frame: &Frame) -> Option<Frame> {
    let mut changed = false;
    let mut items: Vec<(Point, FrameItem)> = Vec::with_capacity(frame.items().len());
    for (pos, item) in frame.items() {
        let item = match item {
            FrameItem::Group(group) => match rejoin_frame(&group.frame) {
                Some(inner) => {
                    changed = true;
                    FrameItem::Group(GroupItem {
                        frame: inner,
                        ..group.clone()
                    })
                }
                None => item.clone(),
            },
            FrameItem::Text(next) => {
                if let Some((prev_pos, FrameItem::Text(prev))) = items.last_mut()
                    && join(prev, *prev_pos, next, *pos)
                {
                    changed = true;
                    continue;
                }
                item.clone()
            }
            _ => item.clone(),
        };
        items.push((*pos, item));
    }
    for (_, item) in &mut items {
        if let FrameItem::Text(text) = item {
            changed |= close_clusters(text);
        }
    }
    changed.then(|| {
        let mut joined = frame.clone();
        joined.clear();
        joined.push_multiple(items);
        joined
    })
}

/// Appends `next` to `prev` if `next` begins with the rest of the cluster `prev` ends with;
/// returns whether it did.
fn join(prev: &mut TextItem, prev_pos: Point, next: &TextItem, next_pos: Point) -> bool {
    if prev.font != next.font
        || prev.size != next.size
        || prev.fill != next.fill
        || prev.stroke != next.stroke
        || prev.lang != next.lang
        || prev.region != next.region
    {
        return false;
    }
    // Side by side on one line: a mark moved up or down by less than the font size.
    let rise = prev_pos.y - next_pos.y;
    if (prev_pos.x + prev.width() - next_pos.x).to_pt().abs() > ADJACENT || rise.abs() >= prev.size
    {
        return false;
    }
    let (Some(last), Some(first)) = (prev.glyphs.last(), next.glyphs.first()) else {
        return false;
    };
    // The same cluster: the same place in the same source text, the same characters, ending
    // the first item's text and starting the second's.
    if first.span.0.is_detached()
        || last.span != first.span
        || last.range().end != prev.text.len()
        || first.range().start != 0
        || prev.text.get(last.range()) != next.text.get(first.range())
    {
        return false;
    }
    let cluster = first.range().end;
    // Every other glyph of `next` is either in that cluster or after it.
    if next
        .glyphs
        .iter()
        .any(|g| g.range().start < cluster && g.range != first.range)
    {
        return false;
    }
    let (Some(rest), Some(joined_len)) = (
        next.text.get(cluster..),
        (prev.text.len() - cluster).checked_add(next.text.len()),
    ) else {
        return false;
    };
    // Glyph ranges are u16 offsets into the item's text.
    let (Ok(shift), Ok(_)) = (
        u16::try_from(prev.text.len() - cluster),
        u16::try_from(joined_len),
    ) else {
        return false;
    };
    let lift = Em::from_abs(rise, next.size);
    prev.text.push_str(rest);
    prev.glyphs.extend(next.glyphs.iter().map(|g| Glyph {
        y_offset: g.y_offset + lift,
        range: g.range.start + shift..g.range.end + shift,
        ..g.clone()
    }));
    true
}

/// How far (in em) from its cluster's end the last glyph of a cluster may stop without the
/// cluster being closed by an empty glyph: poppler starts a new word after a gap of 0.1 em.
const CLUSTER_GAP: f64 = 0.05;

/// Characters whose glyph in a font draws nothing, tried in this order for the glyph that
/// closes a cluster: zero width space, zero width joiner and non-joiner, space.
const EMPTY: [char; 4] = ['\u{200B}', '\u{200D}', '\u{200C}', ' '];

/// Ends every cluster of several glyphs whose last glyph does not end where the cluster ends
/// (short of it, or past it), or sits above or below the line, with an empty glyph on the line
/// ending exactly there (see the module's documentation); returns whether it added one. poppler
/// also takes the height of a span from its first glyph to its last, and a span ending on a
/// raised mark read as a line of its own in `pdftotext -raw` ("ប៉ារី" / "ស" for "ប៉ារីស").
fn close_clusters(item: &mut TextItem) -> bool {
    let font = &item.font;
    let width = |id: u16| font.x_advance(id).map(Em::get);
    let mut empty = None;
    let mut closed: Vec<(usize, Glyph)> = Vec::new();
    let mut pen = 0.0;
    let mut start = 0;
    while let Some(first) = item.glyphs.get(start) {
        let end = item.glyphs[start..]
            .iter()
            .position(|g| g.range != first.range)
            .map_or(item.glyphs.len(), |n| start + n);
        let cluster = &item.glyphs[start..end];
        // Where the last glyph's advance starts, and where the cluster ends.
        let mut last_pen = pen;
        for glyph in cluster {
            last_pen = pen;
            pen += glyph.x_advance.get();
        }
        if let [.., last] = cluster
            && cluster.len() > 1
            && let Some(last_width) = width(last.id)
            && ((pen - (last_pen + last.x_offset.get() + last_width)).abs() > CLUSTER_GAP
                || last.y_offset != Em::zero())
        {
            let empty = *empty.get_or_insert_with(|| empty_glyph(item));
            if let Some((id, empty_width)) = empty {
                closed.push((
                    end,
                    Glyph {
                        id,
                        x_advance: Em::zero(),
                        x_offset: Em::new(-empty_width),
                        y_advance: Em::zero(),
                        y_offset: Em::zero(),
                        range: last.range.clone(),
                        span: last.span,
                    },
                ));
            }
        }
        start = end;
    }
    for (at, glyph) in closed.iter().rev() {
        item.glyphs.insert(*at, glyph.clone());
    }
    !closed.is_empty()
}

/// A glyph of the item's font that draws nothing, with its width in em.
fn empty_glyph(item: &TextItem) -> Option<(u16, f64)> {
    let face = item.font.ttf();
    EMPTY.iter().find_map(|&c| {
        let id = face.glyph_index(c)?;
        if id.0 == 0 || face.glyph_bounding_box(id).is_some() {
            return None;
        }
        Some((id.0, item.font.x_advance(id.0)?.get()))
    })
}
