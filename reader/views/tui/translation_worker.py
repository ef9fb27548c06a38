"""Translating the document in a background thread while the reader reads.

The model load takes seconds and a batch of beam search as long again, so all
of it runs in a background thread (see :meth:`TranslationFeed.start`).
Translations already in the cache are read first, without the model
(milliseconds), so a document read before shows its English at once while the
model loads. The document itself arrives in parts (it is segmented while the
reader reads, :mod:`reader.views.tui.reading`): the feed reads the cache for
each part as it comes and starts translating once the whole document is there.

Results reach the UI in batches: the thread queues them and posts
:class:`TranslationFeed.Arrived`, which replaces any still waiting
(``can_replace``), so a burst of 10,000 cache hits costs a handful of UI
updates, not 10,000 relayouts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.message import Message
from textual.message_pump import MessagePump

from reader.errorlog import unexpected_error_line
from reader.errors import ReaderError
from reader.glossary import Glossary
from reader.translate import (
    Engine,
    EngineOptions,
    ModelNotFoundError,
    TranslationJob,
    load_engine,
)
from reader.translate.alignment import Alignment
from reader.translate.engine import plan_engine, read_cached

EngineLoader = Callable[[EngineOptions], Engine]

FIRST_BATCH = 2
"""Sentences in the first batch (one per CTranslate2 worker): the first English
appears after one short batch instead of a full one; later batches double up
to the engine's limit (measured by scripts/bench_startup.py)."""

_POLL = 0.05
"""Seconds between looks at a cancel while waiting for the rest of the document."""


class TranslationFeed:
    """Loads the engine, translates the texts it is given and hands results to a target."""

    @dataclass
    class EngineReady(Message):
        """The model is loaded; translation starts."""

        description: str

    @dataclass
    class _Said(Message):
        message: str

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

        def can_replace(self, message: Message) -> bool:
            # One drain takes everything queued: a waiting Arrived is redundant.
            return isinstance(message, TranslationFeed.Arrived)

    def __init__(
        self,
        options: EngineOptions,
        glossary: Glossary | None = None,
        load: EngineLoader = load_engine,
    ) -> None:
        self._target: MessagePump | None = None
        self._load = load
        self._options = options
        self._glossary = glossary
        self._lock = threading.Lock()
        self._texts: list[str] = []
        self._cache_read = 0
        """How many of the texts the cache was asked about."""
        self._complete = threading.Event()
        self._pending: list[tuple[int, str]] = []
        self._job: TranslationJob | None = None
        self._engine: Engine | None = None
        self._priority: list[int] = []
        self._cancelled = False
        self._delivered: set[int] = set()
        self._alignments: dict[int, Alignment] = {}
        self._warned: set[str] = set()
        self._thread: threading.Thread | None = None
        self.from_cache = 0
        """How many translations came from the cache (read by the UI thread)."""

    def extend(self, texts: Iterable[str], *, last: bool = False) -> None:
        """More texts to translate, numbered on from the ones before; ``last``:
        the document is complete (translation starts once it is)."""
        with self._lock:
            self._texts.extend(texts)
        if last:
            self._complete.set()

    def start(self, target: MessagePump) -> None:
        """Run :meth:`run` in a daemon thread, posting its messages to ``target``.

        Not a Textual thread worker: those run in asyncio's default executor,
        which is joined when the app's event loop closes, so quitting would
        wait for the model load (~8 s the first time, when the model is
        converted) or for the batch in flight (up to ~5 s at 4 beams on 2
        cores). The thread is never joined: :meth:`stop` makes it safe to end
        the process under it (see :mod:`reader.views.tui.run`).
        """
        self._target = target
        self._thread = threading.Thread(target=self._run, name="reader-translation", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.run()
        except Exception as error:
            # A bug or a backend failure the engine did not anticipate: the
            # reader says so (the traceback in the log) and stays open, German-only.
            line = unexpected_error_line(error).removeprefix("reader: error: ")
            self._post(self.Failed(line))

    def _post(self, message: Message) -> None:
        assert self._target is not None, "post only from the thread start() runs"
        self._target.post_message(message)

    def run(self) -> None:
        """Load and translate until done or cancelled (blocks: see :meth:`start`)."""
        try:
            self._read_cache()
            notice = plan_engine(self._options).conversion_notice
            if notice:
                self._post(self.Preparing(notice))
            engine = self._load(self._options)
        except ModelNotFoundError as error:
            self._post(self.ModelMissing(str(error)))
            return
        except ReaderError as error:
            self._post(self.Failed(str(error)))
            return
        with self._lock:
            self._engine = engine
            if self._cancelled:
                engine.close()
                return
        self._post(self.EngineReady(engine.description))
        self._warn(engine.warnings)
        try:
            # One job for the whole document: until the rest of it has been
            # segmented, its cached translations are shown as its parts come.
            while not self._complete.wait(_POLL):
                if self._cancelled:
                    return
                self._read_cache()
            self._read_cache()
            with self._lock:
                if self._cancelled:
                    return
                job = self._job = engine.start(
                    list(self._texts), priority=self._priority, first_batch=FIRST_BATCH
                )
            for result in job:
                # Again when a cached translation gains its alignment.
                if result.index not in self._delivered or result.index not in self._alignments:
                    self._deliver(
                        [
                            (
                                result.index,
                                result.source,
                                result.translation,
                                result.cached,
                                result.alignment,
                            )
                        ]
                    )
        except ReaderError as error:
            self._post(self.Failed(str(error)))

    def _read_cache(self) -> None:
        """Deliver the cached translations of the texts the cache was not asked about yet."""
        with self._lock:
            first, texts = self._cache_read, self._texts[self._cache_read :]
            self._cache_read = len(self._texts)
        if not texts:
            return
        cached = read_cached(self._options, texts)
        self._warn(cached.warnings)
        self._deliver(
            (index, text, cached.translations[text], True, cached.alignments.get(text))
            for index, text in enumerate(texts, first)
            if text in cached.translations
        )

    def _deliver(self, results: Iterable[tuple[int, str, str, bool, Alignment | None]]) -> None:
        """Queue ``(index, source, raw translation, from the cache, alignment)``
        for the UI, and wake it."""
        queued = False
        for index, source, translation, cached, alignment in results:
            self.from_cache += cached and index not in self._delivered
            self._delivered.add(index)
            if self._glossary is not None:
                translation, alignment = self._glossary.with_preferred_terms(
                    source, translation, alignment
                )
            with self._lock:
                if alignment is not None:
                    self._alignments[index] = alignment
                self._pending.append((index, translation))
            queued = True
        if queued:
            self._post(self.Arrived())

    def _warn(self, warnings: Iterable[str]) -> None:
        for warning in dict.fromkeys(warnings):
            if warning not in self._warned:
                self._warned.add(warning)
                self._post(self.Warned(warning))

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
