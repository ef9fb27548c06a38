"""Sentence segmentation of German documents, including badly scraped ones."""

from reader.segment.blocks import segment_document
from reader.segment.segmenter import segment
from reader.segment.sentence import Paragraph, Sentence, SentenceKind, all_sentences

__all__ = ["Paragraph", "Sentence", "SentenceKind", "all_sentences", "segment", "segment_document"]
