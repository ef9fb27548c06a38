"""The reader's settings file: a user keymap for now.

``config.toml`` in the per-user config directory (``$READER_CONFIG`` names
another file; :attr:`reader.locations.Locations.config_file`)::

    [keymap]
    glossary = "L"          # binding id = key(s), comma-separated
    next = "down,j,ctrl+n"

The ids are the ``id`` of the reader's bindings (``reader read`` lists them
in docs/commands/read.md; ``?`` in the reader shows the keys in force). A
key given here replaces the binding's default keys, as in posting's
keymap; Textual applies it (``App.set_keymap``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from textual.binding import Binding

from reader.errors import ReaderError


class ConfigError(ReaderError):
    """The settings file cannot be read or says something the reader does not know."""


@dataclass(frozen=True, slots=True)
class ReaderConfig:
    keymap: Mapping[str, str] = field(default_factory=dict)
    """Binding id → keys (Textual's comma-separated key names)."""


def load_config(path: Path, binding_ids: Iterable[str]) -> ReaderConfig:
    """The settings in ``path`` (none there: the defaults); ``binding_ids``:
    the ids a keymap may name. Raises :class:`ConfigError`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ReaderConfig()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the settings: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    unknown = sorted(set(data) - {"keymap"})
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: keymap)")
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        raise ConfigError(f'{path}: [keymap] must be a table of binding id = "keys"')
    known = set(binding_ids)
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            raise ConfigError(
                f"{path}: [keymap] {binding_id!r} is not a binding id "
                f"(known: {', '.join(sorted(known))})"
            )
        if not isinstance(keys, str) or not keys.strip():
            raise ConfigError(f"{path}: [keymap] {binding_id} must be keys in a string")
    return ReaderConfig(keymap=dict(keymap))


def ids_of(bindings: Iterable[object]) -> set[str]:
    """The ids of those ``bindings`` that have one."""
    return {binding.id for binding in bindings if isinstance(binding, Binding) and binding.id}
