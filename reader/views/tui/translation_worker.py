"""Translating the document in a background thread while the reader reads.

The model load takes seconds and a batch of beam search as long again, so all
of it runs in a Textual thread worker. Results reach the UI in batches: the
thread queues them and posts one :class:`TranslationFeed.Arrived` whenever the
queue was empty, so a burst of 10,000 cache hits costs a handful of UI updates,
not 10,000 relayouts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence

from textual.message import Message
from textual.message_pump import MessagePump

from reader.errors import ReaderError
from reader.glossary import Glossary
from reader.translate import (
    Engine,
    EngineOptions,
    ModelNotFoundError,
    TranslationJob,
    load_engine,
)

EngineLoader = Callable[[EngineOptions], Engine]


class TranslationFeed:
    """Loads the engine, translates ``texts`` and hands results to ``target``."""

    class EngineReady(Message):
        """The model is loaded; translation starts."""

        def __init__(self, description: str) -> None:
            self.description = description
            super().__init__()

    class ModelMissing(Message):
        """There is no model to load: the reader stays German-only."""

        def __init__(self, message: str) -> None:
            self.message = message
            super().__init__()

    class Failed(Message):
        """Loading or running the model failed."""

        def __init__(self, message: str) -> None:
            self.message = message
            super().__init__()

    class Arrived(Message):
        """Translations are waiting: call :meth:`TranslationFeed.drain`."""

    def __init__(
        self,
        target: MessagePump,
        options: EngineOptions,
        texts: Sequence[str],
        glossary: Glossary | None = None,
        load: EngineLoader = load_engine,
    ) -> None:
        self._target = target
        self._load = load
        self._options = options
        self._texts = texts
        self._glossary = glossary
        self._lock = threading.Lock()
        self._pending: list[tuple[int, str]] = []
        self._job: TranslationJob | None = None
        self._priority: list[int] = []
        self._cancelled = False
        self.from_cache = 0
        """How many translations came from the cache (read by the UI thread)."""

    def run(self) -> None:
        """Load and translate; runs in a worker thread until done or cancelled."""
        try:
            engine = self._load(self._options)
        except ModelNotFoundError as error:
            self._target.post_message(self.ModelMissing(str(error)))
            return
        except ReaderError as error:
            self._target.post_message(self.Failed(str(error)))
            return
        self._target.post_message(self.EngineReady(engine.description))
        with self._lock:
            if self._cancelled:
                return
            job = self._job = engine.start(self._texts, priority=self._priority)
        try:
            for result in job:
                self.from_cache += result.cached
                translation = result.translation
                if self._glossary is not None:
                    # The cache keeps raw model output; preferred terms go on top.
                    translation = self._glossary.apply_preferred_terms(result.source, translation)
                with self._lock:
                    was_empty = not self._pending
                    self._pending.append((result.index, translation))
                if was_empty:
                    self._target.post_message(self.Arrived())
        except ReaderError as error:
            self._target.post_message(self.Failed(str(error)))

    def drain(self) -> list[tuple[int, str]]:
        """The ``(index, translation)`` pairs that arrived since the last drain."""
        with self._lock:
            pending, self._pending = self._pending, []
        return pending

    def prioritize(self, indices: Iterable[int]) -> None:
        """Translate these sentences next (they are on screen)."""
        indices = list(indices)
        with self._lock:
            self._priority = indices
            job = self._job
        if job is not None:
            job.prioritize(indices)

    def cancel(self) -> None:
        """Stop after the batch in flight (the reader is closing)."""
        with self._lock:
            self._cancelled = True
            job = self._job
        if job is not None:
            job.cancel()
