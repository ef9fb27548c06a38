"""Make held-out test text: scrape damage applied to clean German sentences.

Reads a gold file (one sentence per line, a blank line between paragraphs) and
writes the text a bad scraper would produce from it — sentences run together,
footnote numbers glued after full stops and quotes, full stops lost at
lower→upper seams, a footnote moved into the middle of a sentence — together
with the gold segmentation of that damaged text. Deterministic for a given
seed, so the held-out figures are reproducible.

    python scripts/runtogether.py tests/gold/heldout_clean.txt OUT.txt OUT.gold.txt
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

_TRAILING_LOWERCASE_WORDS = re.compile(r"(?<=[a-zäöüß]) ([a-zäöüß]+ [a-zäöüß]+)\.$")
_ADDED = re.compile(r"\{\+([^{}]*)\}")


@dataclass(frozen=True)
class Damaged:
    text: str
    """The run-together document, one paragraph per line."""
    gold: list[list[str]]
    """Its sentences, by paragraph."""


def read_gold(path: Path) -> list[list[str]]:
    """Paragraphs of gold lines (with any ``{+…}`` marks) from a gold file."""
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    return [[line.strip() for line in block.splitlines() if line.strip()] for block in blocks]


def expected(line: str) -> str:
    """The sentence the segmenter should show for a gold line: the
    document's text, without the ``{+…}`` marks."""
    return source(line)


def model_input(line: str) -> str:
    """What the translation model should be given for a gold line: the
    ``{+…}`` marks (quotation marks that balance a piece of a long quotation)
    added, see :attr:`reader.segment.Sentence.model_text`."""
    return _ADDED.sub(r"\1", line)


def source(line: str) -> str:
    """The text of a gold line as it stands in the document."""
    return _ADDED.sub("", line)


def expected_sentences(paragraphs: list[list[str]]) -> list[list[str]]:
    return [[expected(line) for line in lines] for lines in paragraphs]


def run_together(paragraphs: list[list[str]], seed: int = 0) -> Damaged:
    """Join each paragraph's sentences the way broken scrapes do."""
    rng = random.Random(seed)
    footnote = 0
    lines, gold = [], []
    for sentences in paragraphs:
        line = ""
        wanted = []
        for number, marked in enumerate(sentences):
            last = number == len(sentences) - 1
            damage = rng.choice(["glued", "glued", "space", "note", "note-space", "seam", "moved"])
            sentence = source(marked)
            if sentence != marked:
                # Marks the model input adds: only damage that leaves the words alone.
                damage = {"seam": "glued", "moved": "glued"}.get(damage, damage)
            displaced = _TRAILING_LOWERCASE_WORDS.search(sentence)
            if damage == "moved" and displaced and not last:
                # `um Teil von Google zu werden.44` scraped as `Google.44 zu werden`.
                footnote += 1
                tail = displaced.group(1)
                line += f"{sentence[: displaced.start()]}.{footnote} {tail}"
                wanted.append(sentence)
                continue
            next_capital = not last and re.match(
                r"[A-ZÄÖÜ][a-zäöüß]", source(sentences[number + 1])
            )
            if damage == "seam" and next_capital and re.search(r"[a-zäöüß]\.$", sentence):
                line += sentence[:-1]  # the full stop and space are lost
                wanted.append(sentence[:-1])
                continue
            line += sentence
            wanted.append(expected(marked))
            if damage in ("note", "note-space") and sentence[-1] in ".!?“":
                footnote += 1
                line += str(footnote)
            if damage in ("space", "note-space") and not last:
                line += " "
        lines.append(line)
        gold.append(wanted)
    return Damaged("\n".join(lines) + "\n", gold)


def format_gold(paragraphs: list[list[str]]) -> str:
    """The clean document of gold ``paragraphs`` (``{+…}`` marks dropped)."""
    return "\n\n".join("\n".join(map(source, sentences)) for sentences in paragraphs) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    gold_path, text_out, gold_out = (Path(arg) for arg in argv)
    damaged = run_together(read_gold(gold_path))
    text_out.write_text(damaged.text, encoding="utf-8")
    gold_out.write_text(
        "\n\n".join("\n".join(sentences) for sentences in damaged.gold) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
