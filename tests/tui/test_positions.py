"""The last position in a document is remembered between sessions."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import screen_text, wait_until, without_model

from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.positions import PositionStore, document_key

LONG = "\n\n".join(f"Satz Nummer {number} eines langen Textes." for number in range(300))


async def test_reopening_a_document_restores_the_position(make_app) -> None:
    app = make_app(LONG, model=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        for _ in range(5):
            await pilot.press("pagedown")
        await pilot.press("j")
        position = app.query_one(BilingualView).cursor
        assert position > 50
    again = make_app(LONG, model=False, name="renamed.txt")
    async with again.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await pilot.pause()
        assert again.query_one(BilingualView).cursor == position
        assert f"Satz Nummer {position} " in screen_text(again)
        assert f"sentence {position + 1}/300" in screen_text(again)


async def test_another_document_starts_at_the_top(make_app) -> None:
    app = make_app(LONG, model=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("G")
    other = make_app(LONG + "\n\nNoch ein Satz.", model=False)
    async with other.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        assert other.query_one(BilingualView).cursor == 0


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", "\udcff"], ids=["json", "list", "bytes"])
def test_store_sets_a_damaged_file_aside_with_one_warning(tmp_path: Path, damage: str) -> None:
    store = PositionStore(tmp_path)
    store.path.write_text(damage, encoding="utf-8", errors="surrogateescape")
    assert store.load("abc") is None
    (warning,) = store.warnings
    assert warning.startswith(f"saved positions {store.path} are damaged (")
    (aside,) = tmp_path.glob("positions.json.corrupt-*")
    assert warning.endswith(f"moved it to {aside.name}")
    assert aside.read_text(encoding="utf-8", errors="surrogateescape") == damage
    store.save("abc", 7)
    assert PositionStore(tmp_path).load("abc") == 7
    assert len(store.warnings) == 1


async def test_the_reader_says_when_it_set_a_damaged_position_file_aside(
    make_app, _state_dir: Path
) -> None:
    _state_dir.mkdir(parents=True)
    (_state_dir / "positions.json").write_text("{truncated", encoding="utf-8")
    app = make_app(LONG, model=False)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await without_model(pilot)
        await wait_until(pilot, lambda: "damaged" in screen_text(app))
        assert app.query_one(BilingualView).cursor == 0


def test_store_keeps_other_documents(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    store.save(document_key("eins"), 1)
    store.save(document_key("zwei"), 2)
    assert store.load(document_key("eins")) == 1
    assert store.load(document_key("zwei")) == 2


def test_unwritable_state_dir_does_not_stop_reading_and_says_so_once(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    store = PositionStore(blocker / "state")  # a directory under a file
    warning = f"cannot save the position in {store.path} (Not a directory)"
    assert store.save("abc", 3) == warning
    assert store.save("abc", 4) is None  # said once
    assert store.warnings == [warning]
    assert store.load("abc") is None


_UNREADABLE = """
import json, sys
from pathlib import Path
from reader.views.tui.positions import PositionStore
store = PositionStore(Path(sys.argv[1]))
print(json.dumps([store.load("abc"), store.save("abc", 9), store.save("abc", 10), store.warnings]))
"""


def test_an_unreadable_position_file_is_reported_and_left_alone(unprivileged) -> None:
    # Not damage: it is not moved aside, nor overwritten (the other documents'
    # positions are in it). As nobody when the tests run as root, who reads anything.
    import json
    import sys

    state = unprivileged.directory / "state"
    state.mkdir()
    saved = state / "positions.json"
    saved.write_text('{"abc": 5, "other": 7}', encoding="utf-8")
    unprivileged.own()
    saved.chmod(0)
    result = unprivileged.run(sys.executable, "-c", _UNREADABLE, state)
    assert result.returncode == 0, result.stderr
    cannot_read = f"cannot read saved positions {saved} (Permission denied); left as is"
    not_saving = f"not saving the position: {saved} cannot be read"
    assert json.loads(result.stdout) == [None, not_saving, None, [cannot_read, not_saving]]
    assert sorted(path.name for path in state.iterdir()) == ["positions.json"]
    saved.chmod(0o600)
    assert saved.read_text(encoding="utf-8") == '{"abc": 5, "other": 7}'


def test_a_reader_ended_before_it_started_keeps_the_saved_position(make_app) -> None:
    # SIGTERM can arrive before the app is mounted; the exit path still saves.
    app = make_app(LONG, model=False)
    app.positions.save(app.key, 42)
    app.save_position()
    assert PositionStore().load(app.key) == 42
