"""Translating a segmented document: sentences in, translations out in document order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from reader.segment import Paragraph, Sentence, all_sentences
from reader.translate.alignment import Alignment, offset_alignment
from reader.translate.engine import Engine

UNTRANSLATED_KINDS = frozenset({"code", "matter"})
"""Sentence kinds never sent to the model: code, and a book's front and back
matter (a Project Gutenberg licence, an imprint) — kept and shown as they are."""

ProgressCallback = Callable[[int, int], None]
"""Called with (sentences translated, total) as translations arrive."""


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
    written while later sentences are still being translated. Code and front
    and back matter (:data:`UNTRANSLATED_KINDS`) are never sent to the model:
    their "translation" is the German itself.
    """
    sentences = list(all_sentences(paragraphs))
    ready: dict[int, TranslatedSentence] = {
        number: TranslatedSentence(sentence, sentence.text, cached=False)
        for number, sentence in enumerate(sentences)
        if sentence.kind in UNTRANSLATED_KINDS
    }
    prose = [
        number
        for number, sentence in enumerate(sentences)
        if sentence.kind not in UNTRANSLATED_KINDS
    ]
    # The model gets each sentence's model input (a piece of a long quotation
    # with the marks that balance it); alignments come back onto the text.
    job = engine.start([sentences[number].model_text for number in prose])
    next_index = 0
    if on_progress:
        on_progress(0, job.total)
    for result in job:
        number = prose[result.index]
        sentence = sentences[number]
        alignment = result.alignment
        if alignment is not None and sentence.opens:
            alignment = offset_alignment(alignment, -len(sentence.opens), 0)
        ready[number] = TranslatedSentence(sentence, result.translation, result.cached, alignment)
        if on_progress:
            on_progress(job.done, job.total)
        while next_index in ready:
            yield ready.pop(next_index)
            next_index += 1
