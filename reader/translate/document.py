"""Translating a segmented document: sentences in, translations out in document order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from reader.segment import Paragraph, Sentence, all_sentences
from reader.translate.alignment import Alignment
from reader.translate.engine import Engine

ProgressCallback = Callable[[int, int], None]
"""Called with (sentences translated, total) as translations arrive."""


def is_verbatim(sentence: Sentence) -> bool:
    """Whether ``sentence`` is shown as written on both sides and never sent to
    the model: code (see :data:`reader.document.BlockKind`)."""
    return sentence.kind == "code"


@dataclass(frozen=True, slots=True)
class TranslatedSentence:
    sentence: Sentence
    translation: str
    cached: bool
    alignment: Alignment | None = None
    """Word alignment of the sentence and ``translation`` (see :mod:`.alignment`)."""


def translate_document(
    paragraphs: Iterable[Paragraph],
    engine: Engine,
    on_progress: ProgressCallback | None = None,
) -> Iterator[TranslatedSentence]:
    """Translate every sentence of ``paragraphs`` and yield them in document order.

    Yields as soon as the next sentence in order is ready, so output can be
    written while later sentences are still being translated. A verbatim
    sentence (:func:`is_verbatim`) is its own "translation".
    """
    sentences = list(all_sentences(paragraphs))
    ready: dict[int, TranslatedSentence] = {
        number: TranslatedSentence(sentence, sentence.text, cached=False)
        for number, sentence in enumerate(sentences)
        if is_verbatim(sentence)
    }
    prose = [number for number, sentence in enumerate(sentences) if not is_verbatim(sentence)]
    job = engine.start([sentences[number].text for number in prose])
    next_index = 0
    if on_progress:
        on_progress(0, job.total)
    for result in job:
        number = prose[result.index]
        ready[number] = TranslatedSentence(
            sentences[number], result.translation, result.cached, result.alignment
        )
        if on_progress:
            on_progress(job.done, job.total)
        while next_index in ready:
            yield ready.pop(next_index)
            next_index += 1
