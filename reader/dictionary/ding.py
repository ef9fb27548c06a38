"""Ding's German–English word list (Debian ``trans-de-en``: ``/usr/share/trans/de-en``).

One entry per line, ``German :: English``. Each side is a ``|``-separated
list of sub-entries that correspond one to one across the sides: the first is
the headword, the rest its inflected forms (``Landschaften {pl}``, ``er/sie
wächst``) and phrases. Within a sub-entry ``;`` separates synonyms; ``{f}``,
``{pl}``, ``{vt}`` give gender and part of speech, ``[ugs.]`` usage labels and
``(...)`` comments. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)")
_GRAMMAR = re.compile(r"\{([^}]*)\}")
_OBJECT = re.compile(r"^(?:sich|etw\.|jd[nms]?\.)(?:/(?:sich|etw\.|jd[nms]?\.))*$")
"""Placeholders Ding writes before verbs (``sich etablieren``, ``jdn./etw. melden``)."""
_PRONOUNS = re.compile(r"^(?:ich|du|er|sie|es|wir|ihr|Sie)(?:/(?:ich|du|er|sie|es|wir|ihr))*$")


@dataclass(frozen=True, slots=True)
class DingLine:
    """One dictionary line, split into its corresponding sub-entries."""

    german: tuple[str, ...]
    english: tuple[str, ...]


def parse_line(line: str) -> DingLine | None:
    """The sub-entries of a line; ``None`` for comments and malformed lines."""
    if line.startswith("#") or "::" not in line:
        return None
    german, _, english = line.rstrip("\n").partition("::")
    german_parts = tuple(part.strip() for part in german.split("|"))
    english_parts = tuple(part.strip() for part in english.split("|"))
    if not german_parts[0]:
        return None
    return DingLine(german_parts, english_parts)


def iter_lines(text_lines: Iterator[str]) -> Iterator[tuple[int, str, DingLine]]:
    """``(line number, raw line, parsed)`` for every entry line."""
    for number, raw in enumerate(text_lines, 1):
        parsed = parse_line(raw)
        if parsed is not None:
            yield number, raw.rstrip("\n"), parsed


def plain(text: str) -> str:
    """A (sub-)entry without its annotations: ``Landschaft {f} [geogr.]`` → ``Landschaft``."""
    return " ".join(_ANNOTATION.sub(" ", text).split())


def headword(synonym: str) -> str:
    """A synonym without annotations and object placeholders: ``etw. melden {vt}``
    → ``melden``."""
    tokens = plain(synonym).split()
    # ``sich {pron}`` alone is the word itself.
    return " ".join([token for token in tokens if not _OBJECT.match(token)] or tokens)


def is_reflexive(synonym: str) -> bool:
    """Whether a verb synonym is reflexive (``sich melden``)."""
    return plain(synonym).split()[:1] == ["sich"]


def grammar(text: str) -> tuple[str, ...]:
    """The ``{…}`` markers of a synonym: ``("f",)``, ``("vt",)``, ``("pl",)``."""
    return tuple(marker.strip() for marker in _GRAMMAR.findall(text))


def synonyms(sub_entry: str) -> list[str]:
    """The ``;``-separated synonyms of a sub-entry (annotations kept)."""
    return [part.strip() for part in sub_entry.split(";") if part.strip()]


def word_forms(sub_entry: str) -> list[str]:
    """The single words a sub-entry gives, as lookup keys: ``Landschaften {pl}``
    → ``Landschaften``; ``er/sie wächst`` → ``wächst``; ``sich etablieren`` →
    ``etablieren``; phrases give none."""
    forms = []
    for synonym in synonyms(sub_entry):
        tokens = headword(synonym).split()
        if len(tokens) == 1:
            forms.append(tokens[0])
        elif len(tokens) == 2 and _PRONOUNS.match(tokens[0]):
            forms.append(tokens[1])
    return forms
