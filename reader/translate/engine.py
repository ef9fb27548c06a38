"""The translator everything else uses: :func:`load_engine`, :class:`Engine`,
:class:`TranslationJob`.

A job translates a list of sentences and yields :class:`TranslationResult`\\ s
as they are ready: cached ones at once, then the prioritised sentences (the
ones on screen), then the rest in document order. Empty input is answered
without the model, too-long input is split (:mod:`.long_input`), and the
model sees length-bucketed, token-budgeted batches (:mod:`.batching`).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.errors import ReaderError
from reader.locations import Locations
from reader.translate.alignment import (
    Alignment,
    PieceAttention,
    align_words,
    offset_alignment,
)
from reader.translate.backends import (
    CONVERSION_VERSION,
    Backend,
    Generated,
    TorchBackend,
    conversion_seconds,
    ctranslate2_available,
    load_ctranslate2,
)
from reader.translate.batching import (
    MAX_SOURCE_TOKENS,
    BatchLimits,
    Unit,
    WorkQueue,
    output_cap,
)
from reader.translate.cache import CachedTranslation, TranslationCache
from reader.translate.device import cpu_threads, resolve_device
from reader.translate.long_input import split_to_fit
from reader.translate.models import ResolvedModel, model_identity, resolve_model
from reader.translate.tokenizer import load_tokenizer

PRESETS = ("quality", "fast")
QUANTIZE_CHOICES = (None, "int8", "none")
# Bump when a change alters what the engine outputs for the same model and
# settings (e.g. the output cap), so cached translations are not reused.
_OUTPUT_VERSION = 1


class EngineOptionError(ReaderError):
    """An engine option has an impossible value or combination."""


@dataclass(frozen=True)
class EngineOptions:
    """How to build an :class:`Engine` (the CLI's ``translate``/``read`` options)."""

    model: str | None = None
    """``--model PATH_OR_ID``; ``None`` resolves as in :mod:`.models`."""
    device: str = "auto"
    """``auto`` (CUDA when present), ``cpu`` or ``cuda``."""
    preset: str = "quality"
    """``quality``: the model's own beam search (4 beams); ``fast``: greedy."""
    quantize: str | None = None
    """``None``: int8 CTranslate2 on CPU when installed (fastest), fp16 on CUDA;
    ``"int8"``: require int8; ``"none"``: full precision with torch."""
    use_cache: bool = True
    locations: Locations = field(default_factory=Locations.from_environment)
    """Where models are looked for and the translation cache is kept; the
    CLI passes the one it resolved."""
    alignments: bool = True
    """Compute word alignments with each translation (see :mod:`.alignment`)."""


@dataclass(frozen=True, slots=True)
class TranslationResult:
    index: int
    """Position of the source in the list given to :meth:`Engine.start`."""
    source: str
    translation: str
    cached: bool
    """Whether it came from the cache (or needed no model at all) rather than the model."""
    alignment: Alignment | None = None
    """Word alignment of ``source`` and ``translation`` (``None``: not computed,
    e.g. a translation cached before alignments existed)."""


@dataclass(frozen=True)
class EnginePlan:
    """What :func:`load_engine` will load, decided without loading anything."""

    model: ResolvedModel
    identity: str
    """Fingerprint of the model's content (see :func:`.models.model_identity`)."""
    device: str
    precision: str
    """``int8`` (CTranslate2), ``fp32`` or ``fp16`` (torch)."""
    beams: int
    cache_root: Path
    use_cache: bool
    alignments: bool = True

    @property
    def converted_dir(self) -> Path | None:
        """Where the int8 CTranslate2 copy of the model is (or will be) kept."""
        if self.precision != "int8":
            return None
        name = f"{self.identity}-int8-v{CONVERSION_VERSION}"
        return self.cache_root / "ctranslate2" / name

    @property
    def conversion_notice(self) -> str | None:
        """What to tell the user before the first load converts the model to
        int8 (seconds, once per model); ``None`` when the copy is there."""
        converted = self.converted_dir
        if converted is None or (converted / "model.bin").is_file():
            return None
        seconds = conversion_seconds(self.model.path)
        return f"preparing the model for fast CPU use, once: ~{seconds} s"

    @property
    def cache_settings(self) -> str:
        """The generation settings part of the translation cache key."""
        return f"{self.precision}|beams={self.beams}|split={MAX_SOURCE_TOKENS}|v{_OUTPUT_VERSION}"

    def open_cache(self) -> TranslationCache | None:
        """The translation cache for this model and these settings (``None``: ``--no-cache``)."""
        if not self.use_cache:
            return None
        model_key = f"{self.model.name}@{self.identity}"
        return TranslationCache(self.cache_root, model_key, self.cache_settings)


def plan_engine(options: EngineOptions = EngineOptions()) -> EnginePlan:
    """Resolve the model and settings for ``options`` (fast: loads no model).

    Raises :class:`~reader.errors.ReaderError` subclasses with a one-line
    message: no model, unknown or impossible options.
    """
    if options.preset not in PRESETS:
        raise EngineOptionError(f"unknown preset {options.preset!r}; choose quality or fast")
    if options.quantize not in QUANTIZE_CHOICES:
        raise EngineOptionError(f"unknown --quantize {options.quantize!r}; choose int8 or none")
    resolved = resolve_model(options.model, options.locations)
    device = resolve_device(options.device)
    if device == "cuda":
        if options.quantize == "int8":
            raise EngineOptionError("--quantize int8 is for CPUs; on CUDA the model runs in fp16")
        # fp16 halves memory and uses the tensor cores.
        precision = "fp16"
    elif options.quantize != "none" and ctranslate2_available():
        precision = "int8"
    elif options.quantize == "int8":
        raise EngineOptionError(
            "--quantize int8 needs the ctranslate2 package: pip install ctranslate2"
        )
    else:
        precision = "fp32"
    return EnginePlan(
        model=resolved,
        identity=model_identity(resolved.path),
        device=device,
        precision=precision,
        beams=_model_beams(resolved.path) if options.preset == "quality" else 1,
        cache_root=options.locations.cache_dir,
        use_cache=options.use_cache,
        alignments=options.alignments,
    )


def load_engine(
    options: EngineOptions = EngineOptions(), *, fixed_output_tokens: int | None = None
) -> Engine:
    """Resolve, load (and if needed convert) the model. Takes seconds: call it
    off the UI thread. Raises :class:`~reader.errors.ReaderError` subclasses
    with a one-line message (no model, bad option, unloadable model).

    ``fixed_output_tokens`` is for benchmarks: every translation is exactly
    that many tokens, so random-weight models do the same work in every
    variant measured.
    """
    plan = plan_engine(options)
    path = plan.model.path
    # The int8 path needs no transformers: SentencePiece alone tokenizes.
    tokenizer = load_tokenizer(path, reference=plan.precision != "int8")

    backend: Backend
    warnings: list[str] = []
    if plan.converted_dir is not None:
        converted_dir = plan.converted_dir
        try:
            converted_dir.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            # The cache directory is unusable: convert into a temporary one.
            converted_dir = options.locations.temp_dir / "reader-ctranslate2" / converted_dir.name
            converted_dir.parent.mkdir(parents=True, exist_ok=True)
            warnings.append(
                f"cannot keep the int8 model in {plan.converted_dir.parent} ({error}); "
                f"using {converted_dir}"
            )
        backend, healed = load_ctranslate2(path, converted_dir, tokenizer, cpu_threads())
        warnings.extend(healed)
    else:
        backend = TorchBackend(path, plan.device, plan.precision, tokenizer.pad_token_id)
    return Engine(plan, tokenizer, backend, plan.open_cache(), warnings, fixed_output_tokens)


@dataclass(frozen=True)
class CachedTranslations:
    """What the translation cache already holds for a text, read without the model."""

    translations: dict[str, str]
    """Source sentence → raw model output."""
    alignments: dict[str, Alignment]
    """Source sentence → word alignment, for those cached with one."""
    warnings: list[str]
    """Non-fatal cache problems met on the way (e.g. a damaged file replaced)."""


def read_cached(options: EngineOptions, texts: Iterable[str]) -> CachedTranslations:
    """The cached translations of ``texts`` under ``options``, without loading
    the model: milliseconds, against seconds for :func:`load_engine` — so a
    reader re-opening a document shows its translations at once.

    Raises what :func:`plan_engine` raises (no model, bad option).
    """
    cache = plan_engine(options).open_cache()
    if cache is None:
        return CachedTranslations({}, {}, [])
    try:
        found = cache.get_entries(texts)
        return CachedTranslations(
            {source: entry.translation for source, entry in found.items()},
            {s: e.alignment for s, e in found.items() if e.alignment is not None},
            list(cache.warnings),
        )
    finally:
        cache.close()


class Engine:
    """A loaded model with its tokenizer, settings and cache. Thread-safe."""

    def __init__(
        self,
        plan: EnginePlan,
        tokenizer,
        backend: Backend,
        cache: TranslationCache | None,
        warnings: Sequence[str] = (),
        fixed_output_tokens: int | None = None,
    ) -> None:
        self.plan = plan
        self._warnings = list(warnings)
        self._fixed_output_tokens = fixed_output_tokens
        self.model = plan.model
        self.device = plan.device
        self.beams = plan.beams
        self.limits = BatchLimits.for_beams(plan.beams)
        self.cache = cache
        self._tokenizer = tokenizer
        self._backend = backend
        # One batch at a time: the backends already use every core.
        self._lock = threading.Lock()
        search = f"{self.beams} beams" if self.beams > 1 else "greedy"
        self.description = f"{self.model.name} · {self.device} · {plan.precision} · {search}"

    @property
    def warnings(self) -> list[str]:
        """Non-fatal problems so far (e.g. the cache was damaged and replaced)."""
        return self._warnings + (self.cache.warnings if self.cache else [])

    def start(
        self, texts: Sequence[str], priority: Iterable[int] = (), first_batch: int | None = None
    ) -> TranslationJob:
        """A job translating ``texts``; iterate it (in any one thread) for results.

        ``first_batch``: translate at most that many sentences in the first
        batch, then twice as many in each next one up to the usual limit —
        the first results come sooner (a reader's first screen), at a small
        cost in throughput. ``None``: full batches from the start.
        """
        return TranslationJob(self, texts, priority, first_batch)

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translations of ``texts``, in input order."""
        translations = [""] * len(texts)
        for result in self.start(texts):
            translations[result.index] = result.translation
        return translations

    def encode(self, text: str) -> tuple[int, ...]:
        """The model's input ids for ``text`` (ending in ``</s>``)."""
        return tuple(self._tokenizer(text)["input_ids"])

    def generate_aligned(
        self, batch: Sequence[tuple[str, Sequence[int]]]
    ) -> list[tuple[str, Alignment | None]]:
        """Translate ``(source text, its ids)`` pairs of one length bucket, with
        word alignments when the engine computes them."""
        outputs = self._generate([ids for _, ids in batch], attention=self.plan.alignments)
        results = []
        for (text, ids), output in zip(batch, outputs, strict=True):
            translation = self._decode(output)
            alignment = None
            if output.attention is not None:
                found = PieceAttention(
                    tuple(self._tokenizer.convert_ids_to_tokens(list(ids))),
                    tuple(self._tokenizer.convert_ids_to_tokens(list(output.ids))),
                    tuple(tuple(row) for row in output.attention),
                )
                alignment = align_words(text, translation, found)
            results.append((translation, alignment))
        return results

    def _generate(self, batch: Sequence[Sequence[int]], attention: bool) -> list[Generated]:
        cap = output_cap(max(len(ids) for ids in batch))
        least = 0
        if self._fixed_output_tokens:
            cap = least = self._fixed_output_tokens
        with self._lock:
            return self._backend.generate(batch, self.beams, cap, least, attention)

    def _decode(self, output: Generated) -> str:
        return self._tokenizer.decode(output.ids, skip_special_tokens=True).strip()

    def parts(self, text: str) -> list[tuple[int, str, tuple[int, ...]]]:
        """``(offset in text, part, its ids)`` — the whole text, or its pieces
        if it exceeds the model's limit."""
        ids = self.encode(text)
        if len(ids) <= MAX_SOURCE_TOKENS:
            return [(0, text, ids)]
        parts = []
        offset = 0
        for part in split_to_fit(text, lambda part: len(self.encode(part)), MAX_SOURCE_TOKENS):
            offset = text.index(part, offset)
            parts.append((offset, part, self.encode(part)))
            offset += len(part)
        return parts

    def close(self) -> None:
        if self.cache:
            self.cache.close()


class TranslationJob:
    """Translations of a list of sources, delivered incrementally.

    Iterate it once, in one thread; :meth:`prioritize` and :meth:`cancel` may
    be called from any other thread meanwhile.
    """

    def __init__(
        self,
        engine: Engine,
        texts: Sequence[str],
        priority: Iterable[int],
        first_batch: int | None = None,
    ) -> None:
        self.total = len(texts)
        self._batch_size = first_batch
        self.done = 0
        self._engine = engine
        self._texts = list(texts)
        self._lock = threading.Lock()
        self._cancelled = False
        self._started = False
        self._priority_calls: list[list[int]] = []
        self._queue: WorkQueue | None = None
        self._units_of: dict[str, list[int]] = {}  # source → its unit keys
        self._parts: dict[int, tuple[int, str]] = {}  # unit key → (offset, part text)
        self.prioritize(priority)

    def prioritize(self, indices: Iterable[int]) -> None:
        """Translate these sources next, in this order (thread-safe)."""
        indices = [i for i in indices if 0 <= i < self.total]
        with self._lock:
            if self._queue is None:
                self._priority_calls.append(indices)
            else:
                self._queue.prioritize(self._keys(indices))

    def cancel(self) -> None:
        """Stop after the batch in flight (thread-safe)."""
        with self._lock:
            self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def __iter__(self) -> Iterator[TranslationResult]:
        if self._started:
            raise RuntimeError("a TranslationJob can be iterated only once")
        self._started = True
        return self._run()

    def _run(self) -> Iterator[TranslationResult]:
        engine = self._engine
        indices_of: dict[str, list[int]] = {}
        for index, text in enumerate(self._texts):
            if text.strip():
                indices_of.setdefault(text, []).append(index)
            else:
                yield self._result(index, "", cached=True, alignment=())

        cached = engine.cache.get_entries(indices_of) if engine.cache else {}
        if engine.plan.alignments:
            # Cached before alignments existed: translate again to get one.
            cached = {text: e for text, e in cached.items() if e.alignment is not None}
        for index, text in enumerate(self._texts):
            if text in cached:
                entry = cached[text]
                yield self._result(index, entry.translation, True, entry.alignment)
        todo = [text for text in indices_of if text not in cached]

        units: list[Unit] = []
        for text in todo:
            for offset, part, ids in engine.parts(text):
                self._units_of.setdefault(text, []).append(len(units))
                self._parts[len(units)] = (offset, part)
                units.append(Unit(key=len(units), order=indices_of[text][0], ids=ids))
        source_of = {key: text for text, keys in self._units_of.items() for key in keys}
        with self._lock:
            self._queue = WorkQueue(units, engine.limits)
            for call in self._priority_calls:
                self._queue.prioritize(self._keys(call))

        translated: dict[int, tuple[str, Alignment | None]] = {}
        while True:
            with self._lock:
                batch = [] if self._cancelled else self._queue.next_batch(self._batch_size)
            if not batch:
                return
            if self._batch_size is not None:
                self._batch_size = min(2 * self._batch_size, engine.limits.max_sentences)
            outputs = engine.generate_aligned([(self._parts[u.key][1], u.ids) for u in batch])
            for unit, output in zip(batch, outputs, strict=True):
                translated[unit.key] = output
            finished: dict[str, CachedTranslation] = {}
            for unit in batch:
                text = source_of[unit.key]
                keys = self._units_of[text]
                if text not in finished and all(key in translated for key in keys):
                    finished[text] = self._join([(key, translated.pop(key)) for key in keys])
            if engine.cache:
                engine.cache.put_entries(finished)
            for text, entry in finished.items():
                for index in indices_of[text]:
                    yield self._result(index, entry.translation, False, entry.alignment)

    def _join(self, outputs: list[tuple[int, tuple[str, Alignment | None]]]) -> CachedTranslation:
        """The translations of a source's parts joined with spaces, their
        alignments moved to where each part sits in the source and the result."""
        texts: list[str] = []
        pairs: list = []
        aligned = True
        position = 0
        for key, (translation, alignment) in outputs:
            if texts:
                position += 1  # the joining space
            aligned = aligned and alignment is not None
            if alignment is not None:
                pairs.extend(offset_alignment(alignment, self._parts[key][0], position))
            texts.append(translation)
            position += len(translation)
        return CachedTranslation(" ".join(texts), tuple(pairs) if aligned else None)

    def _keys(self, indices: Iterable[int]) -> list[int]:
        """The unit keys of the sources at ``indices``, in that order."""
        keys = []
        for index in indices:
            keys.extend(self._units_of.get(self._texts[index], ()))
        return keys

    def _result(
        self, index: int, translation: str, cached: bool, alignment: Alignment | None = None
    ) -> TranslationResult:
        self.done += 1
        return TranslationResult(index, self._texts[index], translation, cached, alignment)


def _model_beams(model_dir: Path) -> int:
    """The model's own beam count (4 for opus-mt), from its generation config."""
    path = model_dir / "generation_config.json"
    if path.is_file():
        try:
            return int(json.loads(path.read_text()).get("num_beams") or 1)
        except (ValueError, TypeError):
            return 1
    return 1
