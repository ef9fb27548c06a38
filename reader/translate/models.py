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

import os
import re
import shutil
import tempfile
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


class ModelUnreadableError(ReaderError):
    """The model's files are there but cannot be read (permissions, I/O)."""


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
    try:
        for name in ("config.json", "vocab.json", "source.spm", "target.spm"):
            digest.update((path / name).read_bytes())
        weights = next(path / name for name in WEIGHT_FILES if (path / name).is_file())
        size = weights.stat().st_size
        digest.update(str(size).encode())
        with weights.open("rb") as handle:
            digest.update(handle.read(1 << 20))
            handle.seek(max(0, size - (1 << 20)))
            digest.update(handle.read(1 << 20))
    except OSError as error:
        raise ModelUnreadableError(
            f"{error.filename or path}: cannot read the model ({error.strerror or error})"
        ) from None
    return digest.hexdigest()[:16]


DOWNLOAD_MARK = ".reader-download"
"""A file in ``<target>.partial`` that says reader made that directory (and may
resume into it and remove it); a ``.partial`` without it is someone else's."""


def download_target(to: Path | None, models_dir: Path) -> Path:
    """The model directory ``reader model download [--to TO]`` fills.

    Without ``--to``: ``<models_dir>/opus-mt-de-en`` (``models_dir``: the user
    models directory). ``--to DIR`` is the model directory itself when DIR is
    named ``opus-mt-de-en``, does not exist, is empty or holds a model; any
    other directory is a parent that receives
    ``opus-mt-de-en/``. The target must hold a model (replaced), be empty or not
    exist: a directory with anything else in it is refused, never overwritten.
    """
    if to is None:
        target = models_dir / DEFAULT_MODEL_NAME
    else:
        to = to.expanduser()
        if to.exists() and not to.is_dir():
            raise ModelDownloadError(f"--to {to}: not a directory")
        replaceable = to.name == DEFAULT_MODEL_NAME or _holds_model_or_nothing(to)
        target = to if replaceable else to / DEFAULT_MODEL_NAME
    if not _holds_model_or_nothing(target):
        raise ModelDownloadError(
            f"{target} is not empty and holds no model; reader stores the model only in "
            "an empty or new directory, or replaces a model: pass another --to"
        )
    return target


def download_model(
    target: Path, model_id: str = DEFAULT_MODEL_ID, proxy: str | None = None
) -> Path:
    """Fetch ``model_id`` from the Hugging Face Hub into ``target`` (the model
    directory, see :func:`download_target`) and return it; ``proxy``: the one
    the environment names (:attr:`~reader.locations.Locations.proxy`).

    Files land in ``<target>.partial`` first, one at a time in the calling
    thread so that Ctrl-C stops the download at once; an interrupted file is kept
    there and resumed (an HTTP Range request) by the next run. Only once every
    file is complete does the directory take the target's place: an older model
    there is exchanged atomically and removed afterwards, so resolution never
    finds half a model and a failed download leaves the old one as it was.
    """
    from huggingface_hub import constants
    from huggingface_hub.errors import OfflineModeIsEnabled

    if not _holds_model_or_nothing(target):
        raise ModelDownloadError(f"{target} is not empty and holds no model; pass another --to")
    partial = _partial_dir(target)
    try:
        if constants.HF_HUB_OFFLINE:
            raise OfflineModeIsEnabled("HF_HUB_OFFLINE is set")
        # Behind a proxy only the proxy knows the way: no direct check.
        if proxy is None:
            _check_reachable(constants.ENDPOINT, model_id)
        (partial / _STATE_DIR).mkdir(parents=True, exist_ok=True)
        (partial / DOWNLOAD_MARK).touch()
        _fetch_files(model_id, partial)
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
    shutil.rmtree(partial / _STATE_DIR)
    (partial / DOWNLOAD_MARK).unlink()
    _install(partial, target)
    return target


_STATE_DIR = ".download"
"""Inside ``.partial``: files being fetched (``NAME.ETAG.incomplete``) and the
ETag of each file already complete (``NAME.etag``)."""


def _holds_model_or_nothing(path: Path) -> bool:
    if not path.exists():
        return True
    return path.is_dir() and (is_model_dir(path) or not any(path.iterdir()))


def _partial_dir(target: Path) -> Path:
    """``<target>.partial``, if it is free or reader's own (made by an earlier run)."""
    partial = target.with_name(target.name + ".partial")
    if partial.exists() and not (partial / DOWNLOAD_MARK).is_file():
        raise ModelDownloadError(
            f"{partial} exists and was not made by reader model download; move it away"
        )
    return partial


def _fetch_files(model_id: str, partial: Path) -> None:
    """Download the files a Marian model needs into ``partial``, one by one."""
    from huggingface_hub import HfApi

    info = HfApi().model_info(model_id)
    files = {sibling.rfilename for sibling in info.siblings or ()}
    weights = next((name for name in WEIGHT_FILES if name in files), None)
    if weights is None:
        raise ModelDownloadError(f"{model_id} has no PyTorch or safetensors weights")
    for name in (*DOWNLOAD_FILES, weights):
        if name in files:
            _fetch_file(model_id, info.sha or "main", name, partial)


def _fetch_file(model_id: str, revision: str, name: str, partial: Path) -> None:
    """One file: HEAD for its ETag and size, then GET, resuming what an earlier
    run left in ``NAME.ETAG.incomplete``.

    Not ``hf_hub_download``: its worker threads outlive Ctrl-C, it deletes an
    interrupted file instead of resuming it, and it writes 10 MB at a time (an
    interrupt loses up to that much). Each chunk here is on disk once received.
    """
    from huggingface_hub import constants, hf_hub_url
    from huggingface_hub.file_download import get_hf_file_metadata
    from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status, tqdm

    metadata = get_hf_file_metadata(hf_hub_url(model_id, name, revision=revision))
    etag = metadata.etag or ""
    state = partial / _STATE_DIR
    done = state / f"{name}.etag"
    final = partial / name
    if final.is_file() and done.is_file() and done.read_text() == etag:
        return
    incomplete = state / f"{name}.{etag}.incomplete"
    # identity: a compressed body would make the Range offsets meaningless.
    headers = build_hf_headers() | {"Accept-Encoding": "identity"}
    with incomplete.open("ab") as handle:
        have = handle.tell()
        if metadata.size is None or have < metadata.size:
            if have:
                headers["Range"] = f"bytes={have}-"
            with get_session().stream(
                "GET",
                metadata.location,
                headers=headers,
                timeout=constants.HF_HUB_DOWNLOAD_TIMEOUT,
                follow_redirects=True,
            ) as response:
                hf_raise_for_status(response)
                if have and response.status_code != 206:  # the server ignored the Range
                    handle.truncate(0)
                    have = 0
                with tqdm(
                    total=metadata.size, initial=have, unit="B", unit_scale=True, desc=name
                ) as bar:
                    for chunk in response.iter_bytes():
                        handle.write(chunk)
                        handle.flush()
                        bar.update(len(chunk))
    size = incomplete.stat().st_size
    if metadata.size is not None and size != metadata.size:
        raise ModelDownloadError(
            f"{name} stopped at {size} of {metadata.size} bytes; run it again to resume"
        )
    if _SHA256.fullmatch(etag) and _sha256(incomplete) != etag:
        incomplete.unlink()
        raise ModelDownloadError(f"{name} arrived damaged (its SHA-256 differs); run it again")
    incomplete.replace(final)
    done.write_text(etag)


def _sha256(path: Path) -> str:
    import hashlib

    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _install(partial: Path, target: Path) -> None:
    """Put the complete download in ``target``'s place; an older model there is
    exchanged in one atomic step (Linux ``renameat2``), then removed."""
    if target.is_dir() and any(target.iterdir()):
        if not _exchange(partial, target):
            # Two renames: the old model is moved aside (into a fresh directory
            # of reader's own) only once the new one is complete.
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            target.replace(old)
            partial.rename(target)
            partial = old
        shutil.rmtree(partial)
        return
    if target.is_dir():
        target.rmdir()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial.rename(target)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories atomically; ``False`` where the system cannot."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return (
        renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0
    )


_SHA256 = re.compile(r"[0-9a-f]{64}")


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
