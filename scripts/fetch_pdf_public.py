"""Fetch the public PDFs of the PDF reporting set that may not be committed here.

    .venv/bin/python scripts/fetch_pdf_public.py DIR
    .venv/bin/python scripts/eval_pdf.py --public DIR

Each comes from a public GitHub repository at a fixed commit (no licence
there lets this project copy it); the download is checked against the
SHA-256 the gold was written for. Their gold sentences are committed in
``tests/fixtures/pdf/public`` (see NOTICE.md there); ``pdftex-uhh.pdf`` (MIT)
is committed itself.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

SOURCES: dict[str, tuple[str, str, str, str]] = {
    # name: (repository, commit, path, sha256)
    "distiller-jim": (
        "entenheim/Hausarbeit",
        "d61d29a56dd351e02c58845fa7f3b0838b24dec1",
        "Paper_JIM-Studie-2012.pdf",
        "29e4f5d282ead63625fe5b39160a88485e21af39fb9e410b1681d6c811d9192c",
    ),
    "pdftex-medien": (
        "entenheim/Hausarbeit",
        "d61d29a56dd351e02c58845fa7f3b0838b24dec1",
        "Hausarbeit.pdf",
        "b4383be4c153989276e46e44726847e8cf55a17a3c51998dad308d3ee08b78fb",
    ),
    "lo-seminar": (
        "DominikHorn/WSeminarArbeit",
        "bd93358519e5cbcd75bbda364accc88ec4dddf24",
        "Seminararbeit.pdf",
        "82b3c14eb700205efb8793a94bf1d56d33811abc88ecd7815eeb75f1cc1482c1",
    ),
    "word-bachelor": (
        "FlatEric86/Bachelorarbeit",
        "3e3dfc52e68600d791530cba6bdadab8536fdab0",
        "Bachelorarbeit.pdf",
        "041c0eb4ac12bb073380dabe0e608125bc5f011a915d060b5b78df9c1051f82f",
    ),
    "word-masterarbeit": (
        "PaulaSchumann/PaulaSchumann-Die-Rolle-der-echten-Frau-Masterarbeit-",
        "efff1ba1c499e404c999c59a3a3d6860771fd990",
        "Masterarbeit.pdf",
        "d7acc583f51fdd7e73e257884990188c6924ebc647850055d8d1f1d3fd0e64f2",
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    args = parser.parse_args()
    args.directory.mkdir(parents=True, exist_ok=True)
    failed = False
    for name, (repository, commit, path, sha256) in SOURCES.items():
        target = args.directory / f"{name}.pdf"
        url = f"https://raw.githubusercontent.com/{repository}/{commit}/{quote(path)}"
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
        if hashlib.sha256(data).hexdigest() != sha256:
            print(f"{name}: {url} is not the file the gold was written for", file=sys.stderr)
            failed = True
            continue
        target.write_bytes(data)
        print(f"{name}: {target}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
