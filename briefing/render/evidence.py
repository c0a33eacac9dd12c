"""The evidence bundle embedded in the PDF: what a report's reader needs to check it later.

A PDF that travels on (into a report, to a desk) loses its context.  So it carries,
as PDF file attachments:

* ``briefing.json``: the briefing itself, the public contract;
* ``quelle-N.txt``: per numbered source, its publisher, title, date and link and
  every excerpt the briefing took from it (summary lines, positions, figures,
  quotes, outlook), in briefing order, each with its section and story;
* ``belege.json``: the manifest: for every attached file its SHA-256 and size, and
  for every source its number, id and the SHA-256 of its excerpt file.

All of it is built from the briefing alone (no file is read), deterministically:
the same briefing gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from briefing.models import Briefing, Source
from briefing.render.formatting import clean_text

MANIFEST = "belege.json"
BRIEFING_FILE = "briefing.json"


@dataclass(frozen=True)
class EvidenceFile:
    """One attachment: file name, bytes, and the description a PDF viewer shows."""

    name: str
    data: bytes
    description: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def excerpt_name(number: int) -> str:
    """File name of source ``number``'s excerpts (``quelle-3.txt``)."""
    return f"quelle-{number}.txt"


def _excerpts(briefing: Briefing) -> dict[str, list[str]]:
    """Source id -> "Section (Story n): text" lines, in briefing order."""
    found: dict[str, list[str]] = {s.id: [] for s in briefing.sources}

    def add(section: str, story: int, text: str | None, sources: tuple[str, ...]) -> None:
        line = clean_text(text)
        if not line:
            return
        for sid in dict.fromkeys(sources):
            if sid in found:
                found[sid].append(f"{section} (Meldung {story}): {line}")

    for n, story in enumerate(briefing.stories, start=1):
        for item in story.summary:
            add("Das Wichtigste in Kürze", n, item.text, item.sources)
        for p in story.positions:
            add("Position", n, p.text, p.sources)
        for f in story.figures:
            add("Zahl", n, f.context or f.text, f.sources)
            for v in f.variants:
                add("Abweichende Zahl", n, v.context or v.text, v.sources)
        for q in story.quotes:
            add("Zitat" if q.kind == "direct" else "Indirektes Zitat", n, q.text, q.sources)
            for qv in q.variants:
                add("Abweichender Wortlaut", n, qv.text, qv.sources)
        for item in story.outlook:
            add("Ausblick", n, item.text, item.sources)
    return found


def _source_text(number: int, source: Source, lines: list[str]) -> bytes:
    head = [
        f"Quelle [{number}]",
        f"Herausgeber: {clean_text(source.publisher) or 'unbekannt'}",
        f"Titel: {clean_text(source.title) or 'unbekannt'}",
        f"Datum: {clean_text(source.date) or clean_text(source.date_label) or 'unbekannt'}",
        f"Link: {clean_text(source.url) or 'keiner'}",
        "",
        f"Auszüge, die das Briefing aus dieser Quelle verwendet ({len(lines)}):",
    ]
    return ("\n".join([*head, *(f"- {line}" for line in lines)]) + "\n").encode("utf-8")


def evidence_files(briefing: Briefing) -> list[EvidenceFile]:
    """The attachments of the PDF of ``briefing``: the JSON, one excerpt file per source, the manifest last."""
    files = [EvidenceFile(BRIEFING_FILE, briefing.to_json().encode("utf-8"), "Das Briefing als JSON")]
    excerpts = _excerpts(briefing)
    sources = []
    for number, source in enumerate(briefing.sources, start=1):
        f = EvidenceFile(
            excerpt_name(number),
            _source_text(number, source, excerpts[source.id]),
            f"Auszüge aus Quelle [{number}] ({clean_text(source.publisher) or 'unbekannt'})",
        )
        files.append(f)
        sources.append({
            "number": number, "id": source.id, "publisher": clean_text(source.publisher),
            "title": clean_text(source.title), "date": source.date, "url": clean_text(source.url) or None,
            "excerpts": len(excerpts[source.id]), "file": f.name, "sha256": f.sha256,
        })
    manifest = {
        "date": briefing.date,
        "title": clean_text(briefing.title),
        "generator": clean_text(briefing.generator),
        "files": [{"name": f.name, "sha256": f.sha256, "bytes": len(f.data)} for f in files],
        "sources": sources,
    }
    data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files.append(EvidenceFile(MANIFEST, data, "Belege: SHA-256 jeder angehängten Datei und jeder Quelle"))
    return files
