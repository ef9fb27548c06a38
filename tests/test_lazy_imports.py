"""Commands import only what they use: start-up time is mostly imports.

Each command runs in a fresh interpreter (a subprocess, as a user runs it);
the test reads which modules ended up in ``sys.modules``. No timing is
asserted — ``scripts/bench_startup.py`` measures the times.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.translate.device import gpu_driver_present

ROOT = Path(__file__).resolve().parents[1]

# What the commands without a model must never load (seconds of imports together).
MODEL_AND_UI = ("torch", "transformers", "ctranslate2", "textual", "sentencepiece", "numpy")
# What the CPU default (CTranslate2 int8) translation must not load.
REFERENCE_PATH = ("torch", "transformers", "sacremoses", "textual")

_RUN_AND_REPORT = """
import json, sys
from reader.cli import main
sys.argv = ["reader", *json.loads(sys.argv[1])]
status = 0
try:
    main()
except SystemExit as exit:
    status = exit.code if isinstance(exit.code, int) else (exit.code is not None)
finally:
    with open(REPORT, "w") as report:
        modules = sorted(name.split(".")[0] for name in sys.modules)
        json.dump({"status": status, "modules": modules}, report)
"""


def loaded_modules(tmp_path: Path, *args: str) -> set[str]:
    """The top-level packages in ``sys.modules`` after ``reader ARGS`` ran
    (and succeeded: a command that fails early imports little, and proves nothing)."""
    report = tmp_path / "modules.json"
    code = _RUN_AND_REPORT.replace("REPORT", repr(str(report)))
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args)],
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
        check=False,
        timeout=300,
    )
    assert report.is_file(), result.stderr
    data = json.loads(report.read_text())
    assert (data["status"], result.returncode) == (0, 0), result.stderr
    return set(data["modules"])


def test_the_harness_fails_when_the_command_fails(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="no such file"):
        loaded_modules(tmp_path, "segment", str(tmp_path / "nonexistent.txt"))


@pytest.fixture
def two_sentences(tmp_path: Path) -> Path:
    path = tmp_path / "two.txt"
    path.write_text("Das ist ein Satz. Die Kommission tagt im Juli.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["translate", "--help"],
        ["read", "--help"],
        ["segment", "{file}"],
        ["segment", "{file}", "--format", "jsonl"],
        ["glossary", "CFIUS"],
        ["glossary", "--list"],
        ["glossary", "--from-text", "{file}"],
    ],
    ids=lambda args: " ".join(args).replace("{file}", "FILE"),
)
def test_commands_without_a_model_import_no_model_or_ui(
    tmp_path: Path, two_sentences: Path, args: list[str]
) -> None:
    args = [arg.replace("{file}", str(two_sentences)) for arg in args]
    assert not loaded_modules(tmp_path, *args) & set(MODEL_AND_UI)


def test_help_does_not_load_the_segmenter_or_the_engine(tmp_path: Path) -> None:
    modules = loaded_modules(tmp_path, "--help")
    assert "punkt" not in modules
    code = (
        "import sys; from reader.cli import app; "
        "print('reader.translate.engine' in sys.modules, 'reader.segment.segmenter' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert result.stdout.split() == ["False", "False"]


def test_cpu_int8_translation_never_imports_torch_or_transformers(
    tmp_path: Path, two_sentences: Path, tiny_model_dir: Path
) -> None:
    modules = loaded_modules(
        tmp_path,
        "translate",
        str(two_sentences),
        "--model",
        str(tiny_model_dir),
        "--device",
        "cpu",
        "--fast",
        "--no-cache",
    )
    assert "ctranslate2" in modules
    assert "sentencepiece" in modules
    assert not modules & set(REFERENCE_PATH)


@pytest.mark.skipif(gpu_driver_present(), reason="a GPU driver is here: auto must ask torch")
def test_device_auto_without_a_gpu_driver_does_not_import_torch(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    modules = loaded_modules(tmp_path, "model", "info", "--model", str(tiny_model_dir))
    assert "torch" not in modules


def test_quantize_none_takes_the_reference_path(
    tmp_path: Path, two_sentences: Path, tiny_model_dir: Path
) -> None:
    modules = loaded_modules(
        tmp_path,
        "translate",
        str(two_sentences),
        "--model",
        str(tiny_model_dir),
        "--device",
        "cpu",
        "--quantize",
        "none",
        "--fast",
        "--no-cache",
    )
    assert {"torch", "transformers"} <= modules
