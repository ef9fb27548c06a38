"""The tests' isolation: a developer's own glossary and settings never leak in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.glossary import load_glossary
from reader.locations import Locations

ROOT = Path(__file__).resolve().parents[1]
USER_ENTRY = """
[[entry]]
term = "ZZLEAK"
category = "concept"
explanation = "A term only the developer has."
"""


def glossary_has_the_users_entry() -> bool:
    """Whether the glossary the commands load (the user's from the locations
    of this environment) has the developer's entry."""
    user_glossary = Locations.from_environment().user_glossary
    return load_glossary((), user_glossary=user_glossary).lookup("ZZLEAK") is not None


def reader_glossary(term: str) -> int:
    return subprocess.run(
        [sys.executable, "-m", "reader", "glossary", term],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    ).returncode


def test_a_glossary_in_the_users_home_does_not_leak_in(tmp_path, monkeypatch, isolation):
    # The developer's home, as a test would find it without the isolation:
    # HOME set, no XDG_* variables, READER_* settings of their own.
    real_home = tmp_path / "home"
    (real_home / ".config" / "reader").mkdir(parents=True)
    (real_home / ".config" / "reader" / "glossary.toml").write_text(USER_ENTRY)
    monkeypatch.setenv("HOME", str(real_home))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("READER_DICTIONARY", str(tmp_path / "their-dictionary.txt"))
    assert glossary_has_the_users_entry()  # the leak is real without the isolation
    assert reader_glossary("ZZLEAK") == 0

    isolation(tmp_path / "isolated")
    assert not glossary_has_the_users_entry()
    assert reader_glossary("ZZLEAK") == 1
    assert "READER_DICTIONARY" not in os.environ


@pytest.mark.parametrize("name", ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"])
def test_every_test_runs_with_its_own_per_user_directories(name):
    assert not Path(os.environ[name]).is_relative_to(Path.home())
    assert not any(key.startswith("READER_") and key not in _SET_BY_ISOLATION for key in os.environ)


_SET_BY_ISOLATION = {"READER_CACHE_DIR", "READER_MODELS_DIR", "READER_LOG_DIR"}
