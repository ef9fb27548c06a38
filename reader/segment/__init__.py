"""Sentence segmentation of German documents, including badly scraped ones."""

from reader.segment.segmenter import segment
from reader.segment.sentence import Paragraph, Sentence, all_sentences

__all__ = ["Paragraph", "Sentence", "all_sentences", "segment"]
