"""Translate every sentence of a document, with progress and a clean Ctrl-C.

The engine stores each finished batch in its cache before handing it out, so
an interrupted run loses at most the batch in flight: the next run gets the
rest back as cache hits and only translates what is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.errors import ReaderError
from reader.segment import Paragraph
from reader.signals import exit_status, stopped_by
from reader.translate import Engine
from reader.translate.document import ProgressCallback, is_verbatim, translate_document


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
class BatchTranslation:
    translations: list[str]
    """One translation per sentence, in document order (``Sentence.index``)."""
    from_cache: int
    """How many came from the translation cache rather than the model."""
    verbatim: int = 0
    """Code, shown as it is and never given to the model."""

    @property
    def translated(self) -> int:
        """How many the model translated in this run."""
        return len(self.translations) - self.from_cache - self.verbatim


def translate_paragraphs(
    paragraphs: Sequence[Paragraph],
    engine: Engine,
    on_progress: ProgressCallback | None = None,
) -> BatchTranslation:
    """Translate all sentences of ``paragraphs``; raise
    :class:`TranslationInterrupted` on Ctrl-C or SIGTERM."""
    total = sum(len(paragraph.sentences) for paragraph in paragraphs)
    done = 0

    def progress(finished: int, total: int) -> None:
        nonlocal done
        done = finished
        if on_progress is not None:
            on_progress(finished, total)

    translations: list[str] = []
    from_cache = verbatim = 0
    try:
        for item in translate_document(paragraphs, engine, progress):
            translations.append(item.translation)
            from_cache += item.cached
            verbatim += is_verbatim(item.sentence)
    except KeyboardInterrupt as interrupt:
        raise TranslationInterrupted(done, total, exit_status(interrupt)) from None
    return BatchTranslation(translations, from_cache, verbatim)
