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
from reader.translate import Engine
from reader.translate.document import ProgressCallback, translate_document


class TranslationInterrupted(ReaderError):
    """The user pressed Ctrl-C while sentences were being translated."""

    exit_code = 130  # the shell's convention for "ended by SIGINT"

    def __init__(self, done: int, total: int) -> None:
        super().__init__(
            f"interrupted after {done} of {total} sentences, nothing written; "
            "run the same command again to resume (finished sentences are cached)"
        )
        self.done = done
        self.total = total


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
    :class:`TranslationInterrupted` on Ctrl-C."""
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
            verbatim += item.sentence.kind == "code"
    except KeyboardInterrupt:
        raise TranslationInterrupted(done, total) from None
    return BatchTranslation(translations, from_cache, verbatim)
