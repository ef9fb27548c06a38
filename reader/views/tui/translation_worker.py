"""Translating the document in a background thread while the reader reads.

The model load takes seconds and a batch of beam search as long again, so all
of it runs in a background thread (see :meth:`TranslationFeed.start`).
Translations already in the cache are read first, without the model
(milliseconds), so a document read before shows its English at once while the
model loads. Results reach the UI in batches: the thread queues them and posts
one :class:`TranslationFeed.Arrived` whenever the queue was empty, so a burst
of 10,000 cache hits costs a handful of UI updates, not 10,000 relayouts.
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
from reader.translate.alignment import Alignment, remap_target
from reader.translate.edits import apply_edits
from reader.translate.engine import plan_engine, read_cached

EngineLoader = Callable[[EngineOptions], Engine]

FIRST_BATCH = 2
"""Sentences in the first batch (one per CTranslate2 worker): the first English
appears after one short batch instead of a full one; later batches double up
to the engine's limit (measured by scripts/bench_startup.py)."""


class TranslationFeed:
    """Loads the engine, translates ``texts`` and hands results to ``target``."""

    class EngineReady(Message):
        """The model is loaded; translation starts."""

        def __init__(self, description: str) -> None:
            self.description = description
            super().__init__()

    class _Said(Message):
        def __init__(self, message: str) -> None:
            self.message = message
            super().__init__()

    class ModelMissing(_Said):
        """There is no model to load: the reader stays German-only."""

    class Failed(_Said):
        """Loading or running the model failed."""

    class Preparing(_Said):
        """The model is being converted for fast CPU use (once per model, seconds)."""

    class Warned(_Said):
        """Something went wrong that does not stop translation (e.g. a damaged cache)."""

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
        self._engine: Engine | None = None
        self._priority: list[int] = []
        self._cancelled = False
        self._delivered: set[int] = set()
        self._alignments: dict[int, Alignment] = {}
        self._thread: threading.Thread | None = None
        self.from_cache = 0
        """How many translations came from the cache (read by the UI thread)."""

    def start(self) -> None:
        """Run :meth:`run` in a daemon thread.

        Not a Textual thread worker: those run in asyncio's default executor,
        which is joined when the app's event loop closes, so quitting would
        wait for the model load (~8 s the first time, when the model is
        converted) or for the batch in flight (up to ~5 s at 4 beams on 2
        cores). The thread is never joined: :meth:`stop` makes it safe to end
        the process under it (see :mod:`reader.views.tui.run`).
        """
        self._thread = threading.Thread(target=self._run, name="reader-translation", daemon=True)
        self._thread.start()

    @property
    def finished(self) -> bool:
        """Whether the thread has stopped: all translated, cancelled or failed."""
        return self._thread is not None and not self._thread.is_alive()

    def _run(self) -> None:
        try:
            self.run()
        except Exception as error:
            # A bug or a backend failure the engine did not anticipate: the
            # reader says so and stays open, German-only.
            self._target.post_message(self.Failed(f"{type(error).__name__}: {error}"))

    def run(self) -> None:
        """Load and translate until done or cancelled (blocks: see :meth:`start`)."""
        try:
            cached = read_cached(self._options, self._texts)
            self._warn(cached.warnings)
            self._deliver(
                (index, text, cached.translations[text], True, cached.alignments.get(text))
                for index, text in enumerate(self._texts)
                if text in cached.translations
            )
            notice = plan_engine(self._options).conversion_notice
            if notice:
                self._target.post_message(self.Preparing(notice))
            engine = self._load(self._options)
        except ModelNotFoundError as error:
            self._target.post_message(self.ModelMissing(str(error)))
            return
        except ReaderError as error:
            self._target.post_message(self.Failed(str(error)))
            return
        with self._lock:
            self._engine = engine
            if self._cancelled:
                engine.close()
                return
        self._target.post_message(self.EngineReady(engine.description))
        self._warn(engine.warnings)
        with self._lock:
            if self._cancelled:
                return
            job = self._job = engine.start(
                self._texts, priority=self._priority, first_batch=FIRST_BATCH
            )
        try:
            self._deliver(
                (result.index, result.source, result.translation, result.cached, result.alignment)
                for result in job
                # Again when a cached translation gains its alignment.
                if result.index not in self._delivered or result.index not in self._alignments
            )
        except ReaderError as error:
            self._target.post_message(self.Failed(str(error)))

    def _deliver(self, results: Iterable[tuple[int, str, str, bool, Alignment | None]]) -> None:
        """Queue ``(index, source, raw translation, from the cache, alignment)``
        for the UI, waking it when the queue was empty."""
        for index, source, translation, cached, alignment in results:
            self.from_cache += cached and index not in self._delivered
            self._delivered.add(index)
            if self._glossary is not None:
                # The cache keeps raw model output; preferred terms go on top,
                # and the alignment's English spans move with them.
                edits = self._glossary.preferred_term_edits(source, translation)
                translation = apply_edits(translation, edits)
                alignment = remap_target(alignment, edits) if alignment is not None else None
            with self._lock:
                if alignment is not None:
                    self._alignments[index] = alignment
                was_empty = not self._pending
                self._pending.append((index, translation))
            if was_empty:
                self._target.post_message(self.Arrived())

    def _warn(self, warnings: Iterable[str]) -> None:
        for warning in dict.fromkeys(warnings):
            self._target.post_message(self.Warned(warning))

    def alignment(self, index: int) -> Alignment | None:
        """The word alignment of sentence ``index`` as displayed (``None``: none yet)."""
        with self._lock:
            return self._alignments.get(index)

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

    def stop(self) -> None:
        """Cancel, and close the translation cache once the write in progress
        (if any) has committed: after this the process may end at once, even
        with the model mid-batch, and every finished batch is in the cache."""
        self.cancel()
        with self._lock:
            engine = self._engine
        if engine is not None:
            engine.close()
