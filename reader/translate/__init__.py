"""The offline MarianMT translation engine (German → English).

See :func:`load_engine` and :class:`Engine`; models are found by
:func:`resolve_model`, translations kept in a :class:`TranslationCache`.
"""

from reader.translate.cache import TranslationCache
from reader.translate.engine import (
    Engine,
    EngineOptions,
    TranslationJob,
    TranslationResult,
    load_engine,
)
from reader.translate.models import ModelNotFoundError, ResolvedModel, resolve_model

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
