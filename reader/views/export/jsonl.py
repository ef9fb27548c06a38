"""``--format jsonl``: the translation stream as one JSON object per sentence.

Unlike the document writers it writes each sentence as soon as the stream
delivers it (a pipeline can start on the first lines of a long book).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from reader.translate.alignment import alignment_to_json
from reader.views.export.stream import Delivered


def write_jsonl(sentences: Iterable[Delivered], out: TextIO, alignments: bool = False) -> None:
    """One object per sentence: paragraph, source, translation (as delivered:
    preferred terms applied when the stream applies them), footnotes, kind,
    section and, with ``alignments``, the word pairs as character spans."""
    for item in sentences:
        record: dict[str, object] = {
            "paragraph": item.sentence.paragraph,
            "source": item.sentence.text,
            "translation": item.translation,
            "footnotes": list(item.sentence.footnotes),
            "kind": item.sentence.kind,
            "section": item.sentence.section,
        }
        if alignments:
            record["alignment"] = alignment_to_json(item.alignment)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
