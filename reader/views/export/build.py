"""Assemble an :class:`ExportDocument` — the model every writer renders — from
the delivered sentences (:mod:`.stream`) and the glossary.

The appendix lists the glossary entries that occur in the source and the
abbreviations the document defines itself (``Wissenschaft und Technologie
(W&T)``). Every spelling of such a term — German variants, the preferred
English rendering, the English expansion — counts as a use, so the first use
can be linked in the German column as well as in the English-only layout.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from reader.glossary import Glossary, GlossaryEntry, document_terms
from reader.glossary.matcher import spelling_key, spelling_pattern
from reader.segment import Paragraph, all_sentences
from reader.segment.notes import link_notes
from reader.views.export.document import (
    ExportDocument,
    GlossaryNote,
    TermSpan,
    TranslatedParagraph,
    TranslatedSentence,
)
from reader.views.export.stream import Delivered

ANCHOR_PREFIX = "glossary-"
_GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The header of an export: what was translated, how and when."""

    title: str
    source_name: str
    model: str
    created: datetime
    settings: tuple[tuple[str, str], ...] = ()
    source_format: str = "txt"
    """The importer that read the source (``epub``: its images can be carried over)."""


def build_document(
    info: DocumentInfo,
    text: str,
    paragraphs: Sequence[Paragraph],
    delivered: Sequence[Delivered],
    glossary: Glossary,
) -> ExportDocument:
    """Pair each sentence of ``paragraphs`` with its delivered translation (by
    sentence index) and collect the glossary appendix from ``text``, the source."""
    notes = glossary_notes(glossary, paragraphs, text)
    spans = _SpanFinder(notes)
    links = link_notes(paragraphs)
    labels = _note_labels(paragraphs, set(links.values()))
    translated = []
    for paragraph in paragraphs:
        sentences = []
        for sentence in paragraph.sentences:
            item = delivered[sentence.index]
            translation = item.translation
            sentences.append(
                TranslatedSentence(
                    sentence=sentence,
                    translation=translation,
                    source_terms=spans.find(sentence.text),
                    translation_terms=spans.find(translation),
                    alignment=item.alignment,
                    note_labels=tuple(
                        labels.get(links.get((sentence.index, marker), -1))
                        for marker in sentence.footnotes
                    ),
                )
            )
        translated.append(
            TranslatedParagraph(
                paragraph.index,
                tuple(sentences),
                paragraph.kind,
                paragraph.level,
                labels.get(paragraph.index),
            )
        )
    return ExportDocument(
        title=info.title,
        source_name=info.source_name,
        model=info.model,
        created=info.created,
        settings=info.settings,
        source_format=info.source_format,
        paragraphs=tuple(translated),
        glossary=notes,
    )


def _note_labels(paragraphs: Sequence[Paragraph], referenced: set[int]) -> dict[int, str]:
    """A unique Markdown footnote label for each referenced note paragraph."""
    labels: dict[int, str] = {}
    used: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.index not in referenced:
            continue
        base = re.sub(r"[^0-9A-Za-z_-]+", "-", paragraph.marker or "").strip("-") or "note"
        label, number = base, 2
        while label in used:
            label, number = f"{base}-{number}", number + 1
        used.add(label)
        labels[paragraph.index] = label
    return labels


def glossary_notes(
    glossary: Glossary, paragraphs: Sequence[Paragraph], text: str
) -> tuple[GlossaryNote, ...]:
    """Appendix entries for the terms used in ``paragraphs`` and the
    abbreviations ``text`` defines, sorted by term."""
    sentences = [sentence.text for sentence in all_sentences(paragraphs)]
    notes = []
    for item in document_terms(glossary, text, sentences):
        defined_as = item.definition.long_form if item.definition else None
        if item.entry is not None:
            notes.append(_entry_note(item.entry, defined_as))
        else:
            notes.append(
                GlossaryNote(
                    anchor="",
                    term=item.term,
                    expansion=None,
                    explanation=None,
                    defined_as=defined_as,
                    spellings=(item.term,),
                )
            )
    notes.sort(key=lambda note: note.term.casefold())
    return tuple(_with_unique_anchors(notes))


def _entry_note(entry: GlossaryEntry, defined_as: str | None) -> GlossaryNote:
    # "Global Times — Global Times (Global Times)" says nothing: keep only
    # expansions that differ from the term and from each other.
    names = [name for name in dict.fromkeys((entry.german, entry.english)) if name]
    names = [name for name in names if name.casefold() != entry.term.casefold()]
    expansion = f"{names[0]} ({names[1]})" if len(names) == 2 else (names[0] if names else None)
    spellings = [*entry.forms, entry.preferred, entry.english]
    return GlossaryNote(
        anchor="",
        term=entry.term,
        expansion=expansion,
        explanation=entry.explanation or None,
        # Worth showing only when the document says something the entry does not.
        defined_as=None if defined_as in (entry.german, entry.english) else defined_as,
        spellings=tuple(dict.fromkeys(spelling for spelling in spellings if spelling)),
    )


def _with_unique_anchors(notes: list[GlossaryNote]) -> list[GlossaryNote]:
    """Give each note an HTML id made of its term (``W&T`` → ``glossary-w-t``)."""
    used: set[str] = set()
    result = []
    for note in notes:
        slug = _slug(note.term)
        anchor, number = ANCHOR_PREFIX + slug, 2
        while anchor in used:
            anchor, number = f"{ANCHOR_PREFIX}{slug}-{number}", number + 1
        used.add(anchor)
        result.append(replace(note, anchor=anchor))
    return result


def _slug(term: str) -> str:
    """An ASCII id: renderers percent-encode other characters in link targets,
    and not every one decodes them again when looking for the id."""
    folded = term.casefold().translate(_GERMAN_LETTERS)
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]+", "-", ascii_only).strip("-") or "term"


class _SpanFinder:
    """Finds the spellings of the appendix terms in any text, German or English.

    Uses the glossary's own word-boundary rules (``KI-Systeme`` contains
    ``KI``; ``Kiel`` does not).
    """

    def __init__(self, notes: Sequence[GlossaryNote]) -> None:
        self._anchors: dict[str, str] = {}
        for note in notes:
            for spelling in note.spellings:
                self._anchors.setdefault(_fold(spelling), note.anchor)
        spellings = [spelling for note in notes for spelling in note.spellings]
        self._pattern = re.compile(spelling_pattern(spellings)) if spellings else None

    def find(self, text: str) -> tuple[TermSpan, ...]:
        if self._pattern is None:
            return ()
        return tuple(
            TermSpan(found.start(), found.end(), self._anchors[_fold(found.group())])
            for found in self._pattern.finditer(text)
        )


def _fold(spelling: str) -> str:
    # The pattern lets a lower-case first letter match in upper case (at the
    # start of a sentence); fold it so a match finds its spelling.
    key = spelling_key(spelling)
    return key[:1].lower() + key[1:]
