"""User glossaries: the config file, --glossary files, overrides, malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.glossary import GlossaryFileError, load_glossary
from reader.glossary.loader import builtin_entries, parse_glossary

ENTRY = """\
[[entry]]
term = "{term}"
variants = ["{term}-Variante"]
german = "Deutsch"
english = "English"
preferred = "{preferred}"
category = "concept"
explanation = "{explanation}"
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def entry(term: str, explanation: str = "An explanation.", preferred: str = "") -> str:
    return ENTRY.format(term=term, explanation=explanation, preferred=preferred)


def test_user_files_add_entries(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.toml", entry("QKD", "Quantum key distribution."))
    glossary = load_glossary([mine])
    found = glossary.lookup("qkd")
    assert found is not None
    assert found.explanation == "Quantum key distribution."
    assert found.origin == str(mine)
    assert [match.text for match in glossary.match("Die QKD-Variante und QKD-Netze")] == [
        "QKD-Variante",
        "QKD",
    ]
    assert glossary.lookup("CFIUS") is not None  # built-in entries stay


def test_user_entries_override_builtin_ones(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.toml", entry("KI", "Mine.", preferred="A.I."))
    glossary = load_glossary([mine])
    ki = glossary.lookup("KI")
    assert ki is not None and ki.explanation == "Mine." and ki.preferred == "A.I."
    assert glossary.apply_preferred_terms("KI-Systeme", "KI systems") == "A.I. systems"
    # The override replaces the whole entry: the built-in variants are gone.
    assert [match.text for match in glossary.match("künstliche Intelligenz")] == []
    assert len(glossary) == len(builtin_entries())


def test_an_empty_preferred_switches_the_replacement_off(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.toml", entry("W&T"))
    glossary = load_glossary([mine])
    assert glossary.apply_preferred_terms("W&T", "W&T cooperation") == "W&T cooperation"


def test_the_config_glossary_is_read_and_files_override_it(tmp_path: Path) -> None:
    config = write(tmp_path / "glossary.toml", entry("QKD", "From the config."))
    assert load_glossary(user_glossary=config).lookup("QKD").explanation == "From the config."
    later = write(tmp_path / "later.toml", entry("QKD", "From the file."))
    found = load_glossary([later], user_glossary=config).lookup("QKD")
    assert found.explanation == "From the file."


def test_a_missing_config_glossary_is_no_error(tmp_path: Path) -> None:
    glossary = load_glossary(user_glossary=tmp_path / "glossary.toml")
    assert len(glossary) == len(builtin_entries())


def test_later_files_win(tmp_path: Path) -> None:
    first = write(tmp_path / "a.toml", entry("QKD", "First."))
    second = write(tmp_path / "b.toml", entry("qkd", "Second."))
    assert load_glossary([first, second]).lookup("QKD").explanation == "Second."


def test_an_empty_file_is_an_empty_glossary(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.toml", "# nothing yet\n")
    assert len(load_glossary([empty])) == len(builtin_entries())


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[[entry]]\nterm = "X"\nexplanation = \n', 3, "invalid TOML"),
        ('[[entry]]\nterm = "X\n', 2, "invalid TOML"),
        ('[[entry]]\nterm = "X"\ncategory = "concept"\n', 1, "entry has no 'explanation'"),
        (
            entry("A") + entry("B").replace('"concept"', '"konzept"'),
            15,
            "unknown category 'konzept'",
        ),
        (entry("A") + entry("B").replace("variants", "variant"), 11, "unknown field 'variant'"),
        (entry("A").replace('["A-Variante"]', '"A-Variante"'), 3, "'variants' must be a list"),
        (entry("A").replace('"An explanation."', '""'), 8, "'explanation' must not be empty"),
        (entry("A").replace('term = "A"', "term = 5"), 2, "'term' must be a string"),
        (entry("A") + "\n" + entry("a"), 11, "duplicate term 'a'"),
        ('title = "mine"\n' + entry("A"), 1, "unknown top-level key 'title'"),
        ('entry = "A"\n', 1, "'entry' must be [[entry]] tables"),
    ],
)
def test_malformed_files_name_the_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    bad = write(tmp_path / "bad.toml", text)
    with pytest.raises(GlossaryFileError) as raised:
        load_glossary([bad])
    assert str(raised.value).startswith(f"{bad}:{line}: ")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert isinstance(raised.value, ReaderError) and raised.value.exit_code == 2


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryFileError, match=r"g\.toml: no such file$"):
        load_glossary([tmp_path / "g.toml"])


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(GlossaryFileError, match="is a directory"):
        load_glossary([tmp_path])


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    latin1 = tmp_path / "g.toml"
    latin1.write_bytes('explanation = "Größe"\n'.encode("latin-1"))
    with pytest.raises(
        GlossaryFileError, match=r"g\.toml: not UTF-8 text; save the glossary as UTF-8$"
    ):
        load_glossary([latin1])


def test_a_malformed_config_glossary_is_reported_too(tmp_path: Path) -> None:
    config = write(tmp_path / "glossary.toml", "[[entry]\n")
    with pytest.raises(GlossaryFileError, match=r"glossary\.toml:1: invalid TOML"):
        load_glossary(user_glossary=config)


def test_unterminated_string_at_the_end_reports_the_last_line() -> None:
    with pytest.raises(GlossaryFileError, match=r"^x\.toml:3: invalid TOML"):
        parse_glossary('[[entry]]\nterm = "A"\nexplanation = "open', "x.toml")
