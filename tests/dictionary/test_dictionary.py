"""The offline dictionary: Ding parsing, the SQLite index, morphology, lookups."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from reader.dictionary import Dictionary, DictionaryNotFoundError, find_dictionary
from reader.dictionary.ding import grammar, parse_line, plain, word_forms
from reader.dictionary.morphology import split_compound
from reader.locations import Locations

FIXTURE = Path(__file__).parent / "de-en-mini.txt"
SYSTEM = Path("/usr/share/trans/de-en")


@pytest.fixture
def dictionary(tmp_path):
    opened = Dictionary.open(FIXTURE, tmp_path)
    yield opened
    opened.close()


def test_a_ding_line_has_corresponding_sub_entries():
    line = parse_line("Staat {m} | Staaten {pl} :: state | states")
    assert line.german == ("Staat {m}", "Staaten {pl}")
    assert line.english == ("state", "states")
    assert parse_line("# comment :: not an entry") is None
    assert parse_line("no separator") is None


def test_word_forms_are_single_words_and_pronoun_verb_forms():
    assert word_forms("Landschaften {pl}") == ["Landschaften"]
    assert word_forms("er/sie wächst") == ["wächst"]
    assert word_forms("eine hügelige Landschaft") == []
    assert word_forms("sich etablieren {vr}; etw. verabschieden {vt}") == [
        "etablieren",
        "verabschieden",
    ]
    assert plain("Gegend {f}; Landschaft {f} (als Eindruck)") == "Gegend ; Landschaft"
    assert grammar("Landschaft {f} [geogr.]") == ("f",)


def test_the_form_as_written_and_forms_the_dictionary_lists(dictionary):
    result = dictionary.lookup("Landschaft")
    assert result.method == "form"
    first = result.found[0].entries[0]
    assert (first.headword, first.grammar, first.english) == ("Landschaft", ("f",), "landscape")
    plural = dictionary.lookup("Landschaften").found[0].entries[0]
    assert plural.headword == "Landschaft"
    assert (plural.form, plural.form_english) == ("Landschaften {pl}", "landscapes")
    assert dictionary.lookup("wächst").found[0].entries[0].headword == "wachsen"
    assert dictionary.lookup("verabschiedet").found[0].entries[0].english == "to adopt sth."


def test_the_case_as_written_comes_first(dictionary):
    assert dictionary.lookup("Arm").found[0].entries[0].english == "arm"
    assert dictionary.lookup("arm").found[0].entries[0].english == "poor"


def test_inflected_forms_the_dictionary_does_not_list_go_through_the_lemma(dictionary):
    result = dictionary.lookup("Investitionen")
    assert (result.method, result.lemma) == ("lemma", "Investition")
    assert result.found[0].entries[0].english == "investment"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Nullsummenlandschaft", ("Nullsumme", "Landschaft")),  # Fugen-n
        ("Staatsvertrag", ("Staat", "Vertrag")),  # Fugen-s
        ("Frühlingslüftchen", ("Frühling", "Lüftchen")),
        ("Staatsverträge", ("Staat", "Verträge")),  # inflected head
        ("W&T-Zusammenarbeit", ("W&T", "Zusammenarbeit")),  # hyphenated
    ],
)
def test_compounds_are_split_into_parts_with_entries(dictionary, word, parts):
    result = dictionary.lookup(word)
    assert result.method == "compound"
    assert result.parts == parts
    assert result.found[-1].entries


def test_split_prefers_fewer_and_longer_parts():
    known = {"land", "schaft", "landschaft", "nullsumme"}.__contains__
    assert split_compound("Nullsummenlandschaft", lambda w: known(w.casefold())) == [
        "Nullsumme",
        "landschaft",
    ]
    assert split_compound("Xyzabc", lambda w: False) is None


def test_unknown_words_get_suggestions(dictionary):
    result = dictionary.lookup("Landschaftt")
    assert not result.is_found
    assert "Landschaft" in result.suggestions


def test_the_index_is_reused_and_rebuilt_when_the_file_changes(tmp_path):
    source = tmp_path / "mini.txt"
    source.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    calls = []
    Dictionary.open(source, tmp_path / "cache", lambda done, total: calls.append(done)).close()
    assert calls and calls[-1] == source.stat().st_size
    calls.clear()
    Dictionary.open(source, tmp_path / "cache", lambda done, total: calls.append(done)).close()
    assert calls == []  # reused
    with source.open("a", encoding="utf-8") as out:
        out.write("Quantensprung {m} :: quantum leap\n")
    os.utime(source, ns=(1, 1))
    rebuilt = Dictionary.open(source, tmp_path / "cache", lambda d, t: calls.append(d))
    assert calls
    assert rebuilt.lookup("Quantensprung").found[0].entries[0].english == "quantum leap"
    rebuilt.close()
    assert not [p for p in (tmp_path / "cache" / "dictionaries").iterdir() if p.name[0] == "."]


def test_find_dictionary_order_and_errors(tmp_path):
    nothing = replace(Locations.from_environment({}), system_dictionaries=())
    assert find_dictionary(FIXTURE, nothing) == FIXTURE
    named = Locations.from_environment({"READER_DICTIONARY": str(FIXTURE)})
    assert find_dictionary(None, named) == FIXTURE
    assert find_dictionary(None, replace(nothing, system_dictionaries=(FIXTURE,))) == FIXTURE
    with pytest.raises(DictionaryNotFoundError, match="apt install trans-de-en"):
        find_dictionary(tmp_path / "missing.txt", named)
    with pytest.raises(DictionaryNotFoundError, match=r"^no dictionary found; install"):
        find_dictionary(None, nothing)


@pytest.mark.skipif(not SYSTEM.is_file(), reason="trans-de-en is not installed")
def test_the_system_ding_dictionary_finds_plain_inflected_and_compound_words(tmp_path):
    with_system = Dictionary.open(SYSTEM, tmp_path)
    try:
        assert with_system.lookup("Landschaft").found[0].entries[0].headword == "Landschaft"
        assert with_system.lookup("Investitionen").is_found
        assert with_system.lookup("verabschiedet").is_found
        compound = with_system.lookup("Nullsummenlandschaft")
        assert compound.parts == ("Nullsumme", "Landschaft")
    finally:
        with_system.close()
