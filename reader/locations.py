"""Where reader finds and keeps things: every directory and environment variable.

The command line resolves one :class:`Locations` per command
(:meth:`Locations.from_environment`) and passes it, or the paths in it, down;
no other module reads the environment or asks :mod:`platformdirs`. Every
variable and path is listed in ``docs/environment.md``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

CACHE_DIR_ENV = "READER_CACHE_DIR"
MODELS_DIR_ENV = "READER_MODELS_DIR"
MODEL_ENV = "READER_MODEL"
STATE_DIR_ENV = "READER_STATE_DIR"
CONFIG_ENV = "READER_CONFIG"
LOG_DIR_ENV = "READER_LOG_DIR"
DICTIONARY_ENV = "READER_DICTIONARY"

APP_NAME = "reader"
USER_GLOSSARY_NAME = "glossary.toml"
CONFIG_FILE_NAME = "config.toml"
SYSTEM_DICTIONARIES = (Path("/usr/share/trans/de-en"),)
"""Where system packages put a dictionary (Debian/Ubuntu ``trans-de-en``)."""
PROXY_VARIABLES = (
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
)
"""The variables that send downloads through a proxy, in the order looked at."""


@dataclass(frozen=True)
class Locations:
    """The directories and files reader uses, resolved once."""

    cache_dir: Path
    """Translation cache, int8 model copies, dictionary indexes, imported
    documents: ``READER_CACHE_DIR``, else the per-user cache directory."""
    models_dir: Path
    """Where ``reader model download`` stores models: ``READER_MODELS_DIR``,
    else ``<user data dir>/models``."""
    project_models_dir: Path
    """``./models``: models that belong to the project being worked in."""
    hf_cache_dir: Path
    """The Hugging Face hub cache, by the variables ``huggingface_hub`` reads."""
    config_dir: Path
    """The user's configuration (``glossary.toml``, ``config.toml``)."""
    config_file: Path
    """The reader's settings (its keymap): ``READER_CONFIG``, else
    ``config.toml`` in :attr:`config_dir`."""
    state_dir: Path
    """Per-user state (the last position in each document): ``READER_STATE_DIR``,
    else the per-user state directory."""
    log_dir: Path
    """Where an unexpected error's traceback is kept: ``READER_LOG_DIR``, else
    the per-user log directory."""
    temp_dir: Path
    """The system's temporary directory (``TMPDIR``): the int8 model copy goes
    there when the cache directory is unusable."""
    model: str | None = None
    """``READER_MODEL``: a model directory or Hugging Face id, before the defaults."""
    dictionary: Path | None = None
    """``READER_DICTIONARY``: the dictionary file, before the system's."""
    system_dictionaries: tuple[Path, ...] = SYSTEM_DICTIONARIES
    proxy: str | None = None
    """The proxy the environment names for downloads (the first of
    :data:`PROXY_VARIABLES` set); ``huggingface_hub`` itself goes through it."""

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, cwd: Path | None = None
    ) -> Locations:
        """The locations ``environ`` (default: the process environment) names,
        the per-OS user directories for the rest."""
        # Imported here: `reader --help` needs no directory at all.
        import platformdirs

        environ = os.environ if environ is None else environ

        def given(name: str) -> Path | None:
            value = environ.get(name)
            return Path(value).expanduser() if value else None

        config_dir = platformdirs.user_config_path(APP_NAME)
        return cls(
            cache_dir=given(CACHE_DIR_ENV) or platformdirs.user_cache_path(APP_NAME),
            models_dir=given(MODELS_DIR_ENV) or platformdirs.user_data_path(APP_NAME) / "models",
            project_models_dir=(cwd or _working_directory()) / "models",
            hf_cache_dir=_hf_cache_dir(environ),
            config_dir=config_dir,
            config_file=given(CONFIG_ENV) or config_dir / CONFIG_FILE_NAME,
            state_dir=given(STATE_DIR_ENV) or platformdirs.user_state_path(APP_NAME),
            log_dir=given(LOG_DIR_ENV) or platformdirs.user_log_path(APP_NAME),
            temp_dir=Path(tempfile.gettempdir()),
            model=environ.get(MODEL_ENV) or None,
            dictionary=given(DICTIONARY_ENV),
            proxy=next((environ[name] for name in PROXY_VARIABLES if environ.get(name)), None),
        )

    @property
    def user_glossary(self) -> Path:
        """The user's own glossary, e.g. ``~/.config/reader/glossary.toml``."""
        return self.config_dir / USER_GLOSSARY_NAME

    @property
    def document_cache_dir(self) -> Path:
        """Imported documents, kept so that a long PDF opens at once the second time."""
        return self.cache_dir / "documents"


def _working_directory() -> Path:
    # A working directory deleted under the shell: no project models, and
    # the command still runs (its error, if any, is its own).
    try:
        return Path.cwd()
    except OSError:
        return Path(".")


def _hf_cache_dir(environ: Mapping[str, str]) -> Path:
    """The Hugging Face hub cache, by the same variables ``huggingface_hub`` reads
    (here at call time: ``huggingface_hub`` reads them once, at import)."""
    if environ.get("HF_HUB_CACHE"):
        return Path(environ["HF_HUB_CACHE"]).expanduser()
    if environ.get("HF_HOME"):
        return Path(environ["HF_HOME"]).expanduser() / "hub"
    xdg = environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(xdg).expanduser() / "huggingface" / "hub"
