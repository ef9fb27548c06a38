"""The two ways of running the model: transformers/torch and CTranslate2.

Both take and return token ids of the same Marian vocabulary — tokenizing and
decoding stay in the engine, with the model's own SentencePiece tokenizer —
so every backend produces the same kind of translation.

* :class:`TorchBackend` runs ``MarianMTModel.generate``: fp32 on CPU (the
  reference output), fp16 on CUDA.
* :class:`CTranslate2Backend` runs an int8 CTranslate2 conversion of the same
  model on CPU, several times faster than torch (see the README's
  measurements). The conversion is made once and cached.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reader.errors import ReaderError


class ModelLoadError(ReaderError):
    """The model directory exists but cannot be loaded or converted."""


class DamagedConversionError(ModelLoadError):
    """The int8 CTranslate2 copy of the model cannot be loaded (truncated, incomplete)."""


@dataclass(frozen=True, slots=True)
class Generated:
    """One translation as the backend made it."""

    ids: list[int]
    """Output ids (special tokens may be included; the engine skips them)."""
    attention: list[list[float]] | None = None
    """With ``attention=True``: one row per id of :attr:`ids`, the cross-attention
    of the step that produced it over the source ids (the alignment layer,
    averaged over heads: see :mod:`.alignment`)."""


class Backend(Protocol):
    def generate(
        self,
        batch: Sequence[Sequence[int]],
        beams: int,
        max_new_tokens: int,
        min_new_tokens: int = 0,
        attention: bool = False,
    ) -> list[Generated]:
        """The translation of each source (``</s>``-terminated ids) in ``batch``."""
        ...


def alignment_layer(decoder_layers: int) -> int:
    """The decoder layer read for alignments: the penultimate one (see
    :mod:`.alignment`), or the only one."""
    return max(decoder_layers - 2, 0)


class TorchBackend:
    """``MarianMTModel.generate`` with the model's own generation settings."""

    def __init__(self, model_dir: Path, device: str, precision: str, pad_id: int) -> None:
        import torch
        from transformers import MarianMTModel

        self._torch = torch
        self._device = device
        self._pad_id = pad_id
        dtype = {"fp16": torch.float16, "fp32": torch.float32}[precision]
        try:
            self._model = MarianMTModel.from_pretrained(model_dir, dtype=dtype).to(device).eval()
        except Exception as error:
            # A damaged or foreign weights file fails in safetensors, pickle or
            # torch, each with its own exception types: all mean "cannot load".
            raise ModelLoadError(f"cannot load the model in {model_dir}: {error}") from None
        self._attention_kernel = self._model.config._attn_implementation

    def generate(
        self,
        batch: Sequence[Sequence[int]],
        beams: int,
        max_new_tokens: int,
        min_new_tokens: int = 0,
        attention: bool = False,
    ) -> list[Generated]:
        torch = self._torch
        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), self._pad_id, dtype=torch.long)
        attention_mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(ids)
            attention_mask[row, : len(ids)] = 1
        with torch.inference_mode():
            output = self._model.generate(
                input_ids=input_ids.to(self._device),
                attention_mask=attention_mask.to(self._device),
                num_beams=beams,
                do_sample=False,
                max_length=None,
                max_new_tokens=max_new_tokens,
                min_new_tokens=min_new_tokens,
            )
            if not attention:
                return [Generated(ids) for ids in output.cpu().tolist()]
            rows = self._attention(input_ids, attention_mask, output)
        return [
            Generated(ids[1:], weights[: len(ids) - 1, : len(source)].tolist())
            for ids, weights, source in zip(output.cpu().tolist(), rows, batch, strict=True)
        ]

    def _attention(self, input_ids, attention_mask, output):
        """Cross-attention of the alignment layer, averaged over heads, for the
        output forced through the model once more (one cheap teacher-forced
        pass instead of tracking beams through ``generate``): row ``t`` is the
        step that produced ``output[t + 1]``."""
        # The fast attention kernels (sdpa) return no weights: eager for this pass.
        self._model.set_attn_implementation("eager")
        try:
            forward = self._model(
                input_ids=input_ids.to(self._device),
                attention_mask=attention_mask.to(self._device),
                decoder_input_ids=output,
                output_attentions=True,
            )
        finally:
            self._model.set_attn_implementation(self._attention_kernel)
        layer = alignment_layer(len(forward.cross_attentions))
        return forward.cross_attentions[layer].float().mean(dim=1).cpu()


class CTranslate2Backend:
    """An int8 CTranslate2 translator converted from the Marian model directory.

    It runs two workers, each on its own share of the cores, and gives each
    half of every batch. One decoding step is a chain of small matrix products
    (a few dozen rows by 512) that one thread cannot hand to a second core
    efficiently; two independent halves keep both busy. On 2 cores, two
    single-threaded workers translate 1.5-1.8x faster greedy and 1.3-1.4x
    with 4 beams than one worker with two threads (scripts/bench_translate.py).
    """

    def __init__(self, converted_dir: Path, tokenizer, threads: int) -> None:
        import ctranslate2

        self._tokenizer = tokenizer
        self._workers, threads_per_worker = ctranslate2_workers(threads)
        try:
            self._translator = ctranslate2.Translator(
                str(converted_dir),
                device="cpu",
                compute_type="int8",
                intra_threads=threads_per_worker,
                inter_threads=self._workers,
            )
        except (RuntimeError, ValueError) as error:
            raise DamagedConversionError(
                f"cannot load the CTranslate2 model in {converted_dir}: {error}; "
                "use --quantize none to run the model with torch"
            ) from None

    def generate(
        self,
        batch: Sequence[Sequence[int]],
        beams: int,
        max_new_tokens: int,
        min_new_tokens: int = 0,
        attention: bool = False,
    ) -> list[Generated]:
        tokens = [self._tokenizer.convert_ids_to_tokens(list(ids)) for ids in batch]
        results = self._translator.translate_batch(
            tokens,
            beam_size=beams,
            max_decoding_length=max_new_tokens,
            min_decoding_length=min_new_tokens,
            max_input_length=0,  # the engine already keeps input within the model's positions
            # Each worker takes an equal share of the batch, in parallel.
            max_batch_size=-(-len(tokens) // self._workers),
            return_attention=attention,
        )
        return [
            Generated(
                self._tokenizer.convert_tokens_to_ids(result.hypotheses[0]),
                result.attention[0] if attention else None,
            )
            for result in results
        ]


def ctranslate2_workers(threads: int) -> tuple[int, int]:
    """How :class:`CTranslate2Backend` uses ``threads`` cores: ``(workers,
    threads per worker)`` — two workers, each with half the cores."""
    workers = min(2, threads)
    return workers, max(1, threads // workers)


def ctranslate2_available() -> bool:
    try:
        import ctranslate2
    except ImportError:
        return False
    return "int8" in ctranslate2.get_supported_compute_types("cpu")


def load_ctranslate2(
    model_dir: Path, target: Path, tokenizer, threads: int
) -> tuple[CTranslate2Backend, list[str]]:
    """The int8 backend for the model in ``model_dir``, converted at ``target``
    (see :func:`convert_to_ctranslate2`), and any warnings.

    The copy is derived data, like the translation cache: a damaged one — a
    truncated ``model.bin`` (a full disk), a missing file — is deleted and
    made again, with a warning, instead of stopping the reader. Only a copy
    that is still unloadable when fresh is an error.
    """
    warnings: list[str] = []
    if target.exists() and not (target / "model.bin").is_file():
        warnings.append(_remove_damaged(target, "model.bin is missing"))
    convert_to_ctranslate2(model_dir, target)
    try:
        return CTranslate2Backend(target, tokenizer, threads), warnings
    except DamagedConversionError as error:
        warnings.append(_remove_damaged(target, str(error).split("; ")[0]))
    convert_to_ctranslate2(model_dir, target)
    return CTranslate2Backend(target, tokenizer, threads), warnings


def _remove_damaged(target: Path, reason: str) -> str:
    shutil.rmtree(target, ignore_errors=True)
    return f"the int8 copy of the model in {target} was damaged ({reason}); converted it again"


def convert_to_ctranslate2(model_dir: Path, target: Path) -> Path:
    """Convert the Marian model in ``model_dir`` to int8 CTranslate2 at ``target``.

    Done once per model (``target`` is keyed by the model's identity), in a
    child process: the converter loads the whole fp32 model into torch
    (~800 MB peak for opus-mt), and memory a Python process has freed is not
    always returned to the system — the reader would keep it for the session.
    The child writes to a temporary directory and renames it into place
    itself, so two processes converting at once both end up with a complete
    copy, and a reader that quits during the conversion still leaves a
    finished one for next time.
    """
    if (target / "model.bin").is_file():
        return target
    _remove_abandoned_conversions(target)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        # Errors go to a file, not a pipe: a child outliving the reader must
        # not die of a broken pipe.
        with tempfile.TemporaryFile() as errors:
            child = subprocess.run(
                [sys.executable, "-c", _CONVERT, str(model_dir), str(work), str(target)],
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)},
                check=False,
                # Its own session: a reader that quit mid-conversion leaves it
                # to finish, and closing the terminal later (SIGHUP) must not
                # kill it. (Ctrl-C in the parent still stops it: run() kills
                # the child when interrupted.)
                start_new_session=True,
            )
            errors.seek(0)
            lines = errors.read().decode(errors="replace").strip().splitlines()
        if child.returncode or not (target / "model.bin").is_file():
            reason = lines[-1] if lines else f"exit status {child.returncode}"
            raise ModelLoadError(
                f"cannot convert {model_dir} for CTranslate2: {reason}; "
                "use --quantize none to run it with torch"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def conversion_seconds(model_dir: Path) -> int:
    """About how long :func:`convert_to_ctranslate2` takes for ``model_dir``:
    loading and quantizing scale with the weights (opus-mt's 298 MB: ~8 s on
    2 cores, see scripts/bench_startup.py), plus ~2 s of imports."""
    from reader.translate.models import WEIGHT_FILES

    size = sum(
        (model_dir / name).stat().st_size for name in WEIGHT_FILES if (model_dir / name).is_file()
    )
    return round(2 + size / 50e6)


ABANDONED_AFTER = 600
"""Seconds after which a conversion's temporary directory counts as abandoned
(its process killed): the real conversion takes ~10 s."""


def _remove_abandoned_conversions(target: Path) -> None:
    """Delete temporary directories left by conversions whose process was killed."""
    cutoff = time.time() - ABANDONED_AFTER
    for leftover in target.parent.glob(f".{target.name}.*"):
        with contextlib.suppress(OSError):
            if leftover.is_dir() and leftover.stat().st_mtime < cutoff:
                shutil.rmtree(leftover)


CONVERSION_VERSION = 2
"""Part of the converted directory's name; bump when :data:`_CONVERT` changes
what it writes (2: the alignment layer and heads), so older copies are not used."""

_CONVERT = """
import os, shutil, sys
import numpy as np
from ctranslate2.converters import TransformersConverter


class AligningConverter(TransformersConverter):
    # translate_batch(return_attention=True) returns the attention of
    # spec.decoder.alignment_layer averaged over alignment_heads heads (0: all);
    # the default is the first head of the last layer.
    def _load(self):
        spec = super()._load()
        layers = len(spec.decoder.layer)
        spec.decoder.alignment_layer = np.int16(max(layers - 2, 0))
        spec.decoder.alignment_heads = np.int16(0)
        return spec


model_dir, work, target = sys.argv[1:]
AligningConverter(model_dir, low_cpu_mem_usage=True).convert(
    work, quantization="int8", force=True
)
try:
    os.rename(work, target)
except OSError:
    # Another process put its copy there first.
    if not os.path.isfile(os.path.join(target, "model.bin")):
        raise
"""
