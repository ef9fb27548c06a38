"""Finding the translation model on disk, offline-first, and downloading it once.

Resolution order (the first that names or holds a model wins; the
directories are those of :class:`~reader.locations.Locations`):

1. ``--model PATH_OR_ID`` (:attr:`EngineOptions.model`),
2. the ``READER_MODEL`` environment variable (:attr:`Locations.model`),
3. ``./models/opus-mt-de-en`` — the project's models directory,
4. ``<user data dir>/models/opus-mt-de-en`` (``READER_MODELS_DIR`` overrides the
   directory), where ``reader model download`` puts it,
5. the Hugging Face cache, looked up with ``local_files_only``.

Nothing here touches the network except :func:`download_model`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ReaderError
from reader.locations import MODEL_ENV, Locations

# hashlib, socket and urllib are imported where they are used:
# every command loads this module for its help texts (DEFAULT_MODEL_NAME).

DEFAULT_MODEL_ID = "Helsinki-NLP/opus-mt-de-en"
DEFAULT_MODEL_NAME = DEFAULT_MODEL_ID.rsplit("/", 1)[1]

# What a Marian model directory needs; weights in either format.
REQUIRED_FILES = ("config.json", "source.spm", "target.spm", "vocab.json")
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
# What `reader model download` fetches (the repository also holds TF/Rust weights).
DOWNLOAD_FILES = (
    *REQUIRED_FILES,
    "generation_config.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
)


class ModelNotFoundError(ReaderError):
    """No usable model where the options and the defaults point."""


class ModelDownloadError(ReaderError):
    """``reader model download`` could not fetch or store the model."""


@dataclass(frozen=True)
class ResolvedModel:
    """A model directory and how it was found."""

    path: Path
    source: str
    """Where it came from: ``--model``, ``READER_MODEL``, ``models dir``,
    ``user models dir`` or ``HF cache``."""
    name: str
    """A short human name (``opus-mt-de-en``) for status lines and headers."""


def resolve_model(model: str | None, locations: Locations) -> ResolvedModel:
    """Find the model to use (see the module docstring for the order).

    Raises :class:`ModelNotFoundError` when nothing usable is found; its
    message names ``reader model download`` and ``--model``.
    """
    if model:
        return _explicit(model, "--model", locations.hf_cache_dir)
    if locations.model:
        return _explicit(locations.model, MODEL_ENV, locations.hf_cache_dir)
    for directory, source in (
        (locations.project_models_dir, "models dir"),
        (locations.models_dir, "user models dir"),
    ):
        candidate = directory / DEFAULT_MODEL_NAME
        if is_model_dir(candidate):
            return ResolvedModel(candidate, source, DEFAULT_MODEL_NAME)
    cached = _from_hf_cache(DEFAULT_MODEL_ID, locations.hf_cache_dir)
    if cached is not None:
        return ResolvedModel(cached, "HF cache", DEFAULT_MODEL_NAME)
    raise ModelNotFoundError(
        f"no translation model found (looked in ./models/{DEFAULT_MODEL_NAME}, "
        f"{locations.models_dir / DEFAULT_MODEL_NAME} and the Hugging Face cache); "
        "run `reader model download` once, or pass --model PATH"
    )


def is_model_dir(path: Path) -> bool:
    """Whether ``path`` holds the files a Marian model needs."""
    return (
        path.is_dir()
        and all((path / name).is_file() for name in REQUIRED_FILES)
        and any((path / name).is_file() for name in WEIGHT_FILES)
    )


def model_identity(path: Path) -> str:
    """A short fingerprint of the model's content, for cache keys.

    Hashes the configuration and vocabulary, and the weights' size and first
    and last MiB: cheap on a 300 MB file, yet any rebuilt or re-trained model
    gets a new identity, wherever it is stored.
    """
    import hashlib

    digest = hashlib.sha256()
    for name in ("config.json", "vocab.json", "source.spm", "target.spm"):
        digest.update((path / name).read_bytes())
    weights = next(path / name for name in WEIGHT_FILES if (path / name).is_file())
    size = weights.stat().st_size
    digest.update(str(size).encode())
    with weights.open("rb") as handle:
        digest.update(handle.read(1 << 20))
        handle.seek(max(0, size - (1 << 20)))
        digest.update(handle.read(1 << 20))
    return digest.hexdigest()[:16]


def download_model(
    target: Path, model_id: str = DEFAULT_MODEL_ID, proxy: str | None = None
) -> Path:
    """Fetch ``model_id`` from the Hugging Face Hub into ``target`` and return
    the model directory (``proxy``: the one the environment names, see
    :attr:`~reader.locations.Locations.proxy`).

    Files land in ``<target>.partial`` first (an interrupted download resumes
    there) and the directory is renamed into place only once complete, so
    resolution never finds half a model. ``huggingface_hub`` draws the
    progress bars.
    """
    from huggingface_hub import HfApi, constants, snapshot_download
    from huggingface_hub.errors import OfflineModeIsEnabled

    partial = target.with_name(target.name + ".partial")
    try:
        # Behind a proxy only the proxy knows the way: no direct check.
        if not constants.HF_HUB_OFFLINE and proxy is None:
            _check_reachable(constants.ENDPOINT, model_id)
        files = set(HfApi().list_repo_files(model_id))
        weights = next((name for name in WEIGHT_FILES if name in files), None)
        if weights is None:
            raise ModelDownloadError(f"{model_id} has no PyTorch or safetensors weights")
        snapshot_download(
            model_id,
            local_dir=partial,
            allow_patterns=[name for name in (*DOWNLOAD_FILES, weights) if name in files],
        )
    except OfflineModeIsEnabled:
        raise ModelDownloadError(
            "cannot download: HF_HUB_OFFLINE is set; unset it, or copy a model "
            "directory here and pass --model PATH"
        ) from None
    except ModelDownloadError:
        raise
    except Exception as error:
        # The network stack under huggingface_hub (requests or httpx, by
        # version; ssl; DNS) raises a zoo of types: any failure here is "could
        # not download", reported in one line.
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ModelDownloadError(
            f"cannot download {model_id} ({reason}); check the network, or copy a "
            "model directory here and pass --model PATH"
        ) from None
    if not is_model_dir(partial):
        raise ModelDownloadError(f"the download of {model_id} is incomplete; run it again")
    shutil.rmtree(partial / ".cache", ignore_errors=True)
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return target


def _check_reachable(endpoint: str, model_id: str, timeout: float = 10) -> None:
    """Fail at once, in one line, when the hub's host cannot be reached at all.

    huggingface_hub retries a failed request five times with backoff — about
    25 s of "Retrying in 8s" lines — even when the host name does not resolve;
    one direct connection tells the same in milliseconds.
    """
    import socket
    from urllib.parse import urlsplit

    url = urlsplit(endpoint)
    host = url.hostname or endpoint
    port = url.port or (80 if url.scheme == "http" else 443)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise ModelDownloadError(
            f"cannot download {model_id}: cannot reach {host} ({reason}); check the "
            "network, or copy a model directory here and pass --model PATH"
        ) from None


def _explicit(value: str, source: str, hf_cache_dir: Path) -> ResolvedModel:
    """``--model``/``READER_MODEL``: a directory, or a Hub id already cached."""
    path = Path(value).expanduser()
    if is_model_dir(path):
        return ResolvedModel(path.resolve(), source, path.resolve().name)
    if path.exists():
        raise ModelNotFoundError(
            f"{source} {value}: not a MarianMT model directory (needs "
            f"{', '.join(REQUIRED_FILES)} and weights); run `reader model download` "
            "or pass --model with a model directory"
        )
    if _looks_like_hub_id(value):
        cached = _from_hf_cache(value, hf_cache_dir)
        if cached is not None:
            return ResolvedModel(cached, source, value.rsplit("/", 1)[1])
    raise ModelNotFoundError(
        f"{source} {value}: no such model directory, and not in the Hugging Face cache; "
        "run `reader model download` or pass --model with a model directory"
    )


def _looks_like_hub_id(value: str) -> bool:
    parts = value.split("/")
    return len(parts) == 2 and all(parts) and not value.startswith((".", "~"))


def _from_hf_cache(model_id: str, hf_cache_dir: Path) -> Path | None:
    """The cached snapshot of ``model_id``, without any network access."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError

    try:
        path = Path(snapshot_download(model_id, cache_dir=hf_cache_dir, local_files_only=True))
    except (LocalEntryNotFoundError, HFValidationError, OSError):
        return None
    return path if is_model_dir(path) else None
