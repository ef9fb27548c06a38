"""German morphology for lookups: lemmas and compound splitting.

* Lemmas come from simplemma (MIT licence; a lookup table per language, no
  model), loaded on first use — only words the dictionary does not list as a
  form need it, since Ding lists plurals and verb forms itself.
* Compounds without an entry are split into parts that have one
  (``Nullsummenlandschaft`` → ``Nullsumme`` + ``Landschaft``). The head is
  the last part; a modifier may end in a linking element (*Fugenelement*:
  ``-s``, ``-es``, ``-n``, ``-en``, ``-er``, ``-e``) or have lost a final
  ``-e`` (``Schulbuch`` → ``Schule``). Among the splits whose parts all have
  entries, the one with the fewest parts wins, then the one whose shortest
  part is longest (``Landschaft`` rather than ``Land`` + ``Schaft``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

MIN_PART = 3
"""Shortest compound part: shorter "words" (``Ab``, ``er``) split anything."""
MAX_PARTS = 4
_LINKS = ("", "s", "es", "n", "en", "er", "e", "ns")


def lemma(word: str) -> str:
    """The dictionary form of ``word`` (``Investitionen`` → ``Investition``)."""
    return _lemmatize(word)


@lru_cache(maxsize=4096)
def _lemmatize(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="de")


def split_compound(word: str, known: Callable[[str], bool]) -> list[str] | None:
    """The best split of ``word`` into parts for which ``known(part)`` holds
    (see the module docstring), or ``None``. The head keeps its own spelling;
    modifiers are given as the headword found (``Nullsummen`` → ``Nullsumme``)."""
    memo: dict[tuple[str, bool], list[list[str]]] = {}

    def splits(rest: str, is_head: bool, depth: int) -> list[list[str]]:
        """All splits of ``rest``: a head (last part) or a modifier."""
        if (rest, is_head) in memo:
            return memo[(rest, is_head)]
        found: list[list[str]] = []
        for form in _candidates(rest, is_head):
            if known(form):
                found.append([form])
        if depth < MAX_PARTS:
            for cut in range(MIN_PART, len(rest) - MIN_PART + 1):
                head_options = splits(rest[cut:], is_head, depth + 1)
                if not head_options:
                    continue
                for modifier in _candidates(rest[:cut], False):
                    if len(modifier) >= MIN_PART and known(modifier):
                        found.extend([[modifier, *tail] for tail in head_options])
        memo[(rest, is_head)] = found
        return found

    options = [parts for parts in splits(word, True, 1) if len(parts) > 1]
    if not options:
        return None
    best = min(options, key=lambda parts: (len(parts), -min(len(p) for p in parts)))
    return [_capitalised_like(part, word) if i == 0 else part for i, part in enumerate(best)]


def _candidates(text: str, is_head: bool) -> list[str]:
    """Headword spellings ``text`` may stand for: a head as it is (and its
    lemma, for inflected heads); a modifier also without a linking element."""
    if len(text) < MIN_PART:
        return []
    if is_head:
        return list(dict.fromkeys([text, lemma(text)]))
    forms = [text[: len(text) - len(link)] for link in _LINKS if text.endswith(link)]
    forms.append(text + "e")
    return [form for form in dict.fromkeys(forms) if len(form) >= MIN_PART]


def _capitalised_like(part: str, word: str) -> str:
    return part[:1].upper() + part[1:] if word[:1].isupper() else part
