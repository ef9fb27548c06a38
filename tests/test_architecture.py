"""The house: the import graph follows the pipeline, and paths have one home.

``importers → segment → translate → glossary → views``: a stage may import
the stages before it, never one after it. The dictionary stands beside the
pipeline (only the views and the command line use it). The neutral modules
(the document model, errors, signals, reading a source, the German lexicon,
the locations) import no stage. The command line sits on top. No module
borrows another module's private ``_name``, and only ``reader/locations.py``
reads the environment or asks ``platformdirs`` for a directory.

Every import counts, also those inside functions and under ``TYPE_CHECKING``:
a deferred import is still a dependency.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PIPELINE = ("importers", "segment", "translate", "glossary", "views")
NEUTRAL = ("document", "errors", "errorlog", "signals", "source", "lexicon", "locations")
BESIDE = ("dictionary",)
"""Beside the pipeline: may be used by the views, imports no stage."""


@dataclass(frozen=True)
class Import:
    module: str
    """The importing module, ``reader.translate.alignment``."""
    target: str
    """The module imported, ``reader.glossary.consistency``."""
    names: tuple[str, ...]
    """The names taken from it (``from … import``); empty for ``import …``."""
    line: int


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def reader_imports(root: Path) -> Iterator[Import]:
    """Every import of a ``reader`` module in the package under ``root``."""
    for path in sorted((root / "reader").rglob("*.py")):
        module = module_name(path, root)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "reader":
                        yield Import(module, alias.name, (), node.lineno)
            elif isinstance(node, ast.ImportFrom):
                target = node.module or ""
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, *([target] if target else [])])
                if target.split(".")[0] == "reader":
                    names = tuple(alias.name for alias in node.names)
                    yield Import(module, target, names, node.lineno)


def place(module: str) -> str:
    """``cli``, a pipeline stage, ``dictionary``, ``neutral`` or ``top`` (``reader``,
    ``reader.__main__``)."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return "top"
    if parts[1] in NEUTRAL:
        return "neutral"
    return parts[1]


def allowed(importer: str, imported: str) -> bool:
    if importer in ("top", "cli"):
        return imported != "top"
    if importer == imported:
        return True
    if imported == "neutral":
        return True
    if importer in PIPELINE and imported in PIPELINE:
        return PIPELINE.index(imported) < PIPELINE.index(importer)
    if imported in BESIDE:
        return importer == "views"
    return False


def against_the_pipeline(root: Path) -> list[str]:
    """The imports that run against the pipeline, ``file:line: a → b``."""
    return [
        f"{found.module}:{found.line}: imports {found.target}"
        for found in reader_imports(root)
        if not allowed(place(found.module), place(found.target))
    ]


def borrowed_private_names(root: Path) -> list[str]:
    """``from reader.x import _name`` anywhere but in ``reader.x`` itself."""
    return [
        f"{found.module}:{found.line}: takes {name} from {found.target}"
        for found in reader_imports(root)
        for name in found.names
        if name.startswith("_") and not name.startswith("__") and found.target != found.module
    ]


def environment_lookups(root: Path) -> list[str]:
    """Reads of the environment or ``platformdirs`` outside ``reader/locations.py``.

    Handing the environment on to a child process (``os.environ | {…}``) is no lookup.
    """
    found = []
    for path in sorted((root / "reader").rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative == "reader/locations.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        handed_on = {
            id(side)
            for node in ast.walk(tree)
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr)
            for side in (node.left, node.right)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [alias.name for alias in node.names]
                if "platformdirs" in names:
                    found.append(f"{relative}:{node.lineno}: imports platformdirs")
            elif (
                isinstance(node, ast.Attribute)
                and node.attr in ("environ", "getenv")
                and id(node) not in handed_on
            ):
                found.append(f"{relative}:{node.lineno}: reads os.{node.attr}")
    return found


def test_no_stage_imports_a_later_one() -> None:
    assert against_the_pipeline(ROOT) == []


def test_no_module_borrows_another_modules_private_names() -> None:
    assert borrowed_private_names(ROOT) == []


def test_only_locations_reads_the_environment() -> None:
    assert environment_lookups(ROOT) == []


def test_the_rules_see_every_kind_of_import(tmp_path: Path) -> None:
    """The checks themselves: a deferred, a TYPE_CHECKING and a relative import
    against the pipeline, a private name, an environment read."""
    package = tmp_path / "reader"
    (package / "translate").mkdir(parents=True)
    (package / "views").mkdir()
    (package / "translate" / "__init__.py").write_text("")
    (package / "translate" / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from reader.glossary.consistency import Edit\n"
        "def f():\n"
        "    import reader.views.tui\n"
        "    from ..dictionary import lookup\n"
        "    from reader.segment.abbreviations import _PUNKT\n"
        "    import os\n"
        "    return os.environ.get('X'), os.environ | {}\n"
    )
    assert against_the_pipeline(tmp_path) == [
        "reader.translate.a:3: imports reader.glossary.consistency",
        "reader.translate.a:5: imports reader.views.tui",
        "reader.translate.a:6: imports reader.dictionary",
    ]
    assert borrowed_private_names(tmp_path) == [
        "reader.translate.a:7: takes _PUNKT from reader.segment.abbreviations"
    ]
    assert environment_lookups(tmp_path) == ["reader/translate/a.py:9: reads os.environ"]
