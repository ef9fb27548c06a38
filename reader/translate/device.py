"""Choosing where the model runs: ``auto`` (CUDA when present), ``cpu`` or ``cuda``."""

from __future__ import annotations

import os

from reader.errors import ReaderError

DEVICES = ("auto", "cpu", "cuda")


class DeviceError(ReaderError):
    """The requested device does not exist or is not usable here."""


def resolve_device(requested: str = "auto") -> str:
    """``"cpu"`` or ``"cuda"`` for a ``--device`` value."""
    if requested not in DEVICES:
        raise DeviceError(f"unknown device {requested!r}; choose one of {', '.join(DEVICES)}")
    if requested == "cpu":
        return "cpu"
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if requested == "cuda":
        raise DeviceError("--device cuda: no CUDA GPU is available here; use --device cpu")
    return "cpu"


def cpu_threads() -> int:
    """Threads for CPU inference: every core this process may run on.

    Inference is one compute-bound stream of matrix products; more threads
    than cores only adds contention.
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
