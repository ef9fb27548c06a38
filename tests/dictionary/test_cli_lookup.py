"""``reader lookup``: output, JSON, exit codes 0 / 1 / 2, glossary terms."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "de-en-mini.txt"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "config"
    config.mkdir()
    return {
        "XDG_CONFIG_HOME": str(config),
        "READER_CACHE_DIR": str(tmp_path / "cache"),
        "READER_DICTIONARY": str(FIXTURE),
        "COLUMNS": "100",
        "NO_COLOR": "1",
    }


def lookup(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "lookup", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        check=False,
    )


def test_found_word_shows_entry_and_exits_0(env):
    result = lookup(env, "Nullsummenlandschaft")
    assert result.returncode == 0, result.stderr
    assert "compound: Nullsumme + Landschaft" in result.stdout
    assert "zero-sum" in result.stdout and "landscape" in result.stdout


def test_json_names_method_lemma_and_entries(env):
    result = lookup(env, "Investitionen", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["method"], data["lemma"]) == ("lemma", "Investition")
    entry = data["found"][0]["entries"][0]
    assert entry["headword"] == "Investition" and entry["grammar"] == ["f"]
    assert entry["english"] == ["investment"]
    assert data["glossary"] is None


def test_unknown_word_exits_1_with_suggestions(env):
    result = lookup(env, "Landschaftt")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().startswith("reader: error: no dictionary entry for 'Landschaftt'")
    assert "did you mean Landschaft" in result.stderr


def test_no_dictionary_exits_2_with_how_to_install(env, tmp_path):
    env = {**env, "READER_DICTIONARY": ""}
    result = lookup({**env, "READER_DICTIONARY": str(tmp_path / "none.txt")}, "Haus")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "apt install trans-de-en" in result.stderr
    missing = lookup(env, "Haus", "--dictionary", str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "not found" in missing.stderr


def test_glossary_terms_show_their_glossary_entry(env):
    result = lookup(env, "CFIUS", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["glossary"]["term"] == "CFIUS"
    assert data["found"] == []
