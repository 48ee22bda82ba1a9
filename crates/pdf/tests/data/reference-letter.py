#!/usr/bin/env python3
"""Builds reference-letter.json, the 23 October 2017 open letter as an accord-pdf LetterDoc.

Source: open-letter-2017-10-23.txt, an evidence file of the reference case
(data/cases/cambodia-2017/evidence/). Tests and benches read the JSON, not the text file.
Run from the repository root:

    python3 crates/pdf/tests/data/reference-letter.py data/cases/cambodia-2017/evidence/open-letter-2017-10-23.txt

Paragraph text is copied verbatim; the letter's "*", "**" and "***" note marks become footnotes
whose text is the letter's own notes, with their URLs as links.
"""
import json
import re
import sys
from pathlib import Path

src = Path(sys.argv[1]).read_text(encoding="utf-8").split("\n")
out = Path(__file__).with_name("reference-letter.json")


def text(s):
    return {"text": s}


def para(inlines):
    return {"paragraph": inlines}


# Notes, at the end of the source, as "*** text URL".
notes = {}
for line in src:
    m = re.match(r"^(\*{1,3}) (.*)$", line)
    if m:
        notes[m.group(1)] = m.group(2)


def note_content(body):
    # Split the note into text and URL links.
    parts = []
    pos = 0
    for m in re.finditer(r"https?://\S+", body):
        if m.start() > pos:
            parts.append(text(body[pos:m.start()]))
        parts.append({"link": {"url": m.group(0), "text": []}})
        pos = m.end()
    if pos < len(body):
        parts.append(text(body[pos:]))
    return parts


def inlines(line):
    # "word***" -> text + footnote; ids name the mark so a test can see the order.
    parts = []
    pos = 0
    for m in re.finditer(r"\*{1,3}", line):
        parts.append(text(line[pos:m.start()]))
        mark = m.group(0)
        parts.append({"footnote": {"id": f"note{len(mark)}", "content": note_content(notes[mark])}})
        pos = m.end()
    parts.append(text(line[pos:]))
    return [p for p in parts if p != text("")]


body_start = src.index("Dear Secretary General Guterres, President Widodo, and President Macron,")
closing = src.index("Yours sincerely,")
blocks = []
i = body_start
while i < closing:
    line = src[i]
    if not line.strip():
        i += 1
        continue
    if line.startswith("“Without prejudice") or line.startswith("Cambodia will follow a system"):
        blocks.append({"quote": [para(inlines(line))]})
    elif line == "(a) Cambodia undertakes:":
        items = []
        j = i + 1
        while j < closing and (not src[j].strip() or src[j].lstrip().startswith("•")):
            if src[j].strip():
                items.append([para([text(src[j].strip().removeprefix("•").strip())])])
            j += 1
        blocks.append({"quote": [para([text(line)]), {"list": {"ordered": False, "items": items}}]})
        i = j
        continue
    else:
        blocks.append(para(inlines(line)))
    i += 1

signatories = []
cc = []
section = "sig"
for line in src[closing + 1:]:
    s = line.strip()
    if s == "CC:":
        section = "cc"
    elif section == "sig" and re.match(r"^\d+\. ", s):
        signatories.append(re.sub(r"^\d+\. ", "", s))
    elif section == "cc" and s.startswith("•"):
        cc.append(s.removeprefix("•").strip())

assert len(signatories) == 55, len(signatories)
assert len(cc) == 21, len(cc)

doc = {
    "lang": "en",
    "title": src[0],
    "place_date": "23 October 2017",
    "addressees": [
        ["Mr. António Guterres", "Secretary General of the United Nations"],
        ["Mr. Joko Widodo", "President of the Republic of Indonesia",
         "Co-Chair of the 1991 Paris Conference on Cambodia"],
        ["Mr. Emmanuel Macron", "President of the French Republic",
         "Co-Chair of the 1991 Paris Conference on Cambodia"],
    ],
    "blocks": blocks,
    "closing": "Yours sincerely,",
    "signatories_heading": None,
    "signatories": signatories,
    "cc_heading": "CC:",
    "cc": cc,
    "footnotes": "foot_of_page",
    "notes_heading": None,
}
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {out}: {len(blocks)} blocks, {len(signatories)} signatories, {len(cc)} cc")
