"""Choosing where the model runs: ``auto`` (CUDA when present), ``cpu`` or ``cuda``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader.errors import ReaderError

DEVICES = ("auto", "cpu", "cuda")


class DeviceError(ReaderError):
    """The requested device does not exist or is not usable here."""


def resolve_device(requested: str = "auto") -> str:
    """``"cpu"`` or ``"cuda"`` for a ``--device`` value."""
    if requested not in DEVICES:
        raise DeviceError(f"unknown device {requested!r}; choose one of {', '.join(DEVICES)}")
    if requested == "cpu" or (requested == "auto" and not gpu_driver_present()):
        return "cpu"
    # Importing torch takes ~1.5 s: only where a GPU may be there to find.
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if requested == "cuda":
        raise DeviceError("--device cuda: no CUDA GPU is available here; use --device cpu")
    return "cpu"


# A CUDA (NVIDIA) or ROCm (AMD) driver on Linux shows itself in these files.
_GPU_DRIVER_FILES = ("/proc/driver/nvidia/version", "/dev/nvidiactl", "/dev/kfd")


def gpu_driver_present() -> bool:
    """Whether torch could find a GPU here; ``False`` only where it surely cannot.

    Without a GPU driver torch sees no GPU, and this check costs microseconds
    against torch's import. Outside Linux (other than macOS, which has no
    CUDA) only torch can tell.
    """
    if sys.platform == "darwin":
        return False
    if sys.platform.startswith("linux"):
        return any(Path(name).exists() for name in _GPU_DRIVER_FILES)
    return True


def cpu_threads() -> int:
    """Threads for CPU inference: every core this process may run on.

    Inference is one compute-bound stream of matrix products; more threads
    than cores only adds contention.
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
