"""Sentence segmentation of German documents, including badly scraped ones."""

from reader.segment.sentence import Paragraph, Sentence, SentenceKind, all_sentences

__all__ = ["Paragraph", "Sentence", "SentenceKind", "all_sentences", "segment", "segment_document"]


def __getattr__(name: str):
    # The segmenter loads NLTK's German Punkt statistics (~0.1 s): only when
    # `segment` is used, not for the data classes above (the CLI's help and
    # the export's types need those without segmenting anything).
    if name == "segment":
        from reader.segment.segmenter import segment

        return segment
    if name == "segment_document":
        from reader.segment.blocks import segment_document

        return segment_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
