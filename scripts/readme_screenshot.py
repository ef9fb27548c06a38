"""The README's picture: an SVG screenshot of the real reader, made by Textual.

The reader runs headless (Textual's pilot) on a seed document with a real
model directory and waits until every sentence on the screen is translated,
then saves the screen as SVG. Offline, the only trained model is the copy
model (``tests/models/copy-de``: its "English" is the German, copied), so
the right-hand column repeats the German — the README's caption says so.
With ``--model`` pointing at opus-mt-de-en the same script shows real English.

    python scripts/readme_screenshot.py [--model DIR] [--out docs/images/reader.svg]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DOCUMENT = ROOT / "seeds" / "000_1785a506fced86e1.txt"
SIZE = (120, 30)
WAIT_SECONDS = 300.0


async def screenshot(document: Path, model: Path, out: Path) -> None:
    from reader.dictionary.service import DictionaryService
    from reader.glossary import load_glossary
    from reader.importers import load_document
    from reader.locations import Locations
    from reader.translate import EngineOptions
    from reader.views.tui.app import build_reader_app
    from reader.views.tui.positions import PositionStore

    locations = Locations.from_environment()
    app = build_reader_app(
        load_document(str(document), None),
        options=EngineOptions(model=str(model), device="cpu", locations=locations),
        glossary=load_glossary(),
        positions=PositionStore(locations.state_dir),
        dictionary=DictionaryService.find(None, locations),
    )
    async with app.run_test(size=SIZE) as pilot:
        waited = 0.0
        while "translating" in _screen(app) or "loading model" in _screen(app):
            if waited > WAIT_SECONDS:
                raise SystemExit(f"readme_screenshot: not translated after {WAIT_SECONDS} s")
            await pilot.pause(0.2)
            waited += 0.2
        await pilot.pause(0.5)
        out.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=out.name, path=str(out.parent))
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


def _screen(app: object) -> str:
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return "\n".join(strip.text for strip in strips)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "tests" / "models" / "copy-de")
    parser.add_argument("--document", type=Path, default=DOCUMENT)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images" / "reader.svg")
    args = parser.parse_args(argv)
    # Private cache and state: no user's translations, positions or int8 copies.
    with tempfile.TemporaryDirectory(prefix="readme-screenshot-") as scratch:
        os.environ["READER_CACHE_DIR"] = str(Path(scratch) / "cache")
        os.environ["READER_STATE_DIR"] = str(Path(scratch) / "state")
        asyncio.run(screenshot(args.document, args.model, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
