"""The translation stream every writer reads: sentences in document order,
as the reader shows them.

The engine stores each finished batch in its cache before handing it out, so
an interrupted run loses at most the batch in flight: the next run gets the
rest back as cache hits and only translates what is missing.

:func:`deliver` is the one place where the cache's raw model output becomes
what a user reads: the glossary's preferred English terms applied, and the
word alignment's English spans moved to match (the TUI's translation worker
does the same for each sentence it shows).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.errors import ReaderError
from reader.glossary import Glossary
from reader.segment import Paragraph, Sentence
from reader.signals import exit_status, stopped_by
from reader.translate import Engine
from reader.translate.alignment import Alignment
from reader.translate.document import (
    UNTRANSLATED_KINDS,
    ProgressCallback,
    TranslatedSentence,
    translate_document,
)


class TranslationInterrupted(ReaderError):
    """Ctrl-C (or SIGTERM) while sentences were being translated."""

    def __init__(self, done: int, total: int, exit_code: int = 130) -> None:
        super().__init__(
            f"{stopped_by(exit_code)} after {done} of {total} sentences, nothing written; "
            "run the same command again to resume (finished sentences are cached)"
        )
        self.done = done
        self.total = total
        self.exit_code = exit_code  # the shell's 128 + signal number: 130 SIGINT, 143 SIGTERM


@dataclass(frozen=True, slots=True)
class Delivered:
    """One sentence as every view shows it."""

    sentence: Sentence
    translation: str
    """The translation, preferred glossary terms applied when asked for."""
    alignment: Alignment = ()
    """Word pairs of ``sentence.text`` and ``translation`` (empty: none known)."""
    cached: bool = False


def deliver(item: TranslatedSentence, glossary: Glossary | None) -> Delivered:
    """``item`` with the preferred English terms of ``glossary`` applied
    (``None``: the model's wording) and its alignment remapped to match."""
    translation, alignment = item.translation, item.alignment or ()
    if glossary is not None:
        translation, alignment = glossary.with_preferred_terms(
            item.sentence.text, translation, alignment
        )
    return Delivered(item.sentence, translation, alignment or (), item.cached)


def translation_stream(
    paragraphs: Sequence[Paragraph],
    engine: Engine,
    glossary: Glossary | None,
    on_progress: ProgressCallback | None = None,
) -> Iterator[Delivered]:
    """Every sentence of ``paragraphs``, delivered, in document order, as soon
    as it is ready; raises :class:`TranslationInterrupted` on Ctrl-C or SIGTERM."""
    total = sum(len(paragraph.sentences) for paragraph in paragraphs)
    done = 0

    def progress(finished: int, total: int) -> None:
        nonlocal done
        done = finished
        if on_progress is not None:
            on_progress(finished, total)

    try:
        for item in translate_document(paragraphs, engine, progress):
            yield deliver(item, glossary)
    except KeyboardInterrupt as interrupt:
        raise TranslationInterrupted(done, total, exit_status(interrupt)) from None


@dataclass(frozen=True, slots=True)
class BatchTranslation:
    """A whole document's stream, collected (what the document writers need)."""

    sentences: list[Delivered]
    """One per sentence, in document order (``Sentence.index``)."""

    @property
    def translations(self) -> list[str]:
        return [item.translation for item in self.sentences]

    @property
    def from_cache(self) -> int:
        """How many came from the translation cache rather than the model."""
        return sum(item.cached for item in self.sentences)

    @property
    def verbatim(self) -> int:
        """Code and front/back matter, shown as they are and never given to the model."""
        return sum(item.sentence.kind in UNTRANSLATED_KINDS for item in self.sentences)

    @property
    def translated(self) -> int:
        """How many the model translated in this run."""
        return len(self.sentences) - self.from_cache - self.verbatim


def translate_paragraphs(
    paragraphs: Sequence[Paragraph],
    engine: Engine,
    glossary: Glossary | None = None,
    on_progress: ProgressCallback | None = None,
) -> BatchTranslation:
    """The whole stream of ``paragraphs`` (see :func:`translation_stream`)."""
    return BatchTranslation(list(translation_stream(paragraphs, engine, glossary, on_progress)))
