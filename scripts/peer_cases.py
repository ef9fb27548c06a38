"""Extract the German test cases of three MIT-licensed peer segmenters into
``tests/gold/peers/*.json`` (reader's development set, see issue 20).

    .venv/bin/python scripts/peer_cases.py MIRROR_DIR

MIRROR_DIR holds bare clones ``nipunsadvilkar+pySBD``, ``diasks2+pragmatic_segmenter``
and ``wikimedia+sentencex`` (each with a ``repo`` git directory). Each JSON file
records the source repository, commit, file and licence; each case is the input
text and the expected sentences. Cases the peer itself skips (commented out in
sentencex, ``skip`` in the RSpec file) are kept with ``"skipped": true``.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "gold" / "peers"


def _show(repo: Path, path: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _commit(repo: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()


def pysbd_cases(source: str) -> list[dict]:
    """The module-level lists of (text, expected) pairs in pySBD's test_deutsch.py."""
    tree = ast.parse(source)
    cases = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            for text, expected in ast.literal_eval(node.value):
                # The PDF rules run pySBD's cleaner (which rewrites the text).
                cases.append({"group": name, "text": text, "expected": expected})
    return cases


_RSPEC_CASE = re.compile(
    r'it (?P<title>"[^"]*"|\'[^\']*\') do\n(?P<body>.*?)\n    end\n', re.DOTALL
)
_RSPEC_TEXT = re.compile(r"Segmenter\.new\(text: (?P<text>\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')")
_RSPEC_EXPECTED = re.compile(r"to eq\((?P<list>\[.*\])\)\s*$", re.MULTILINE)


def pragmatic_cases(source: str) -> list[dict]:
    cases = []
    for match in _RSPEC_CASE.finditer(source):
        body = match.group("body")
        text = _RSPEC_TEXT.search(body)
        expected = _RSPEC_EXPECTED.search(body)
        if not text or not expected:
            continue
        cases.append(
            {
                "group": ast.literal_eval(match.group("title")),
                "text": ast.literal_eval(text.group("text")),
                "expected": ast.literal_eval(expected.group("list")),
                "skipped": "skip " in body,
            }
        )
    return cases


def sentencex_cases(source: str) -> list[dict]:
    cases = []
    for block in source.split("\n===\n"):
        lines = block.strip("\n").split("\n")
        skipped = all(line.startswith("#") for line in lines if line.strip())
        if skipped:
            lines = [line[1:] for line in lines]
        if "---" not in lines:
            continue
        split = lines.index("---")
        text = "\n".join(lines[:split])
        expected = [line.strip() for line in lines[split + 1 :] if line.strip()]
        cases.append(
            {"group": "tests/de.txt", "text": text, "expected": expected, "skipped": skipped}
        )
    return cases


SUITES = (
    (
        "pysbd",
        "nipunsadvilkar+pySBD",
        "nipunsadvilkar/pySBD",
        "tests/lang/test_deutsch.py",
        "LICENSE",
        pysbd_cases,
    ),
    (
        "pragmatic_segmenter",
        "diasks2+pragmatic_segmenter",
        "diasks2/pragmatic_segmenter",
        "spec/pragmatic_segmenter/languages/deutsch_spec.rb",
        "LICENSE.txt",
        pragmatic_cases,
    ),
    (
        "sentencex",
        "wikimedia+sentencex",
        "wikimedia/sentencex",
        "tests/de.txt",
        "LICENSE",
        sentencex_cases,
    ),
)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    mirrors = Path(argv[0])
    OUT.mkdir(parents=True, exist_ok=True)
    for name, mirror, repository, path, licence, extract in SUITES:
        repo = mirrors / mirror / "repo"
        licence_text = _show(repo, licence)
        data = {
            "source": f"https://github.com/{repository}",
            "commit": _commit(repo),
            "file": path,
            "licence": licence_text.splitlines()[0].strip()
            + " — "
            + next(line.strip() for line in licence_text.splitlines() if "Copyright" in line),
            "licence_text": licence_text,
            "cases": extract(_show(repo, path)),
        }
        target = OUT / f"{name}.json"
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(data['cases'])} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
