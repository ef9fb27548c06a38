"""The offline MarianMT translation engine (German → English).

See :func:`load_engine` and :class:`Engine`; models are found by
:func:`resolve_model`, translations kept in a :class:`TranslationCache`.

The names below are imported on first use: ``reader.translate.models`` (the
CLI's help texts) must not pay for the engine's imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.translate.cache import TranslationCache
    from reader.translate.engine import (
        Engine,
        EngineOptions,
        TranslationJob,
        TranslationResult,
        load_engine,
    )
    from reader.translate.models import ModelNotFoundError, ResolvedModel, resolve_model

_MODULE_OF = {
    "Engine": "engine",
    "EngineOptions": "engine",
    "ModelNotFoundError": "models",
    "ResolvedModel": "models",
    "TranslationCache": "cache",
    "TranslationJob": "engine",
    "TranslationResult": "engine",
    "load_engine": "engine",
    "resolve_model": "models",
}

__all__ = [
    "Engine",
    "EngineOptions",
    "ModelNotFoundError",
    "ResolvedModel",
    "TranslationCache",
    "TranslationJob",
    "TranslationResult",
    "load_engine",
    "resolve_model",
]


def __getattr__(name: str) -> object:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
