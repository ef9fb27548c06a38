"""A stand-in for the Hugging Face Hub on 127.0.0.1, for real download tests.

It answers the requests the real ``huggingface_hub`` client makes for
``reader model download``: the model info API (``/api/models/{id}`` and
``/api/models/{id}/revision/{rev}``) and ``/{id}/resolve/{rev}/{file}`` (HEAD with
``ETag``/``X-Repo-Commit``/``Content-Length``; GET with ``Range`` for a resume).
``stall_after`` makes the weights stop flowing after that many bytes — a stalled
connection, so a test can interrupt mid-file.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMMIT = "0123456789abcdef0123456789abcdef01234567"
WEIGHTS = "model.safetensors"


@dataclass
class Request:
    method: str
    path: str
    range: str | None


@dataclass
class Hub:
    """The repository served (``model_id`` → files) and what was asked of it."""

    model_id: str
    files: dict[str, bytes]
    stall_after: int | None = None
    requests: list[Request] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def etag(self, name: str) -> str:
        digest = hashlib.sha256(self.files[name]).hexdigest()
        # The Hub gives LFS files (weights) their SHA-256, other files a git hash.
        return digest if name == WEIGHTS else digest[:40]


def serve_model_dir(model_dir: Path, model_id: str) -> Hub:
    """A :class:`Hub` serving every file of a model directory."""
    files = {path.name: path.read_bytes() for path in model_dir.iterdir() if path.is_file()}
    return Hub(model_id, files)


class _Handler(BaseHTTPRequestHandler):
    hub: Hub
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reports what matters."""

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        hub = self.hub
        hub.requests.append(Request(self.command, self.path, self.headers.get("Range")))
        path = self.path.split("?", 1)[0]
        api = re.fullmatch(rf"/api/models/{re.escape(hub.model_id)}(/revision/[^/]+)?", path)
        if api:
            siblings = [{"rfilename": name} for name in sorted(hub.files)]
            data = json.dumps({"id": hub.model_id, "sha": COMMIT, "siblings": siblings})
            self._send(200, data.encode(), {"Content-Type": "application/json"}, body)
            return
        resolve = re.fullmatch(rf"/{re.escape(hub.model_id)}/resolve/[^/]+/(.+)", path)
        if not resolve or resolve[1] not in hub.files:
            self._send(404, b"not found", {"X-Error-Code": "EntryNotFound"}, body)
            return
        name = resolve[1]
        content = hub.files[name]
        headers = {"ETag": f'"{hub.etag(name)}"', "X-Repo-Commit": COMMIT, "Accept-Ranges": "bytes"}
        start = 0
        ranged = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range") or "")
        if ranged and body:
            start = int(ranged[1])
            headers["Content-Range"] = f"bytes {start}-{len(content) - 1}/{len(content)}"
        status = 206 if start else 200
        if not body:
            headers["Content-Length"] = str(len(content))
            self._send(status, b"", headers, body=False)
            return
        stall = hub.stall_after if name == WEIGHTS else None
        self._send(status, content[start:], headers, body=True, stall_after=stall)

    def _send(
        self,
        status: int,
        content: bytes,
        headers: dict[str, str],
        body: bool,
        stall_after: int | None = None,
    ) -> None:
        self.send_response(status)
        headers.setdefault("Content-Length", str(len(content)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not body:
            return
        try:
            if stall_after is None:
                self.wfile.write(content)
                return
            self.wfile.write(content[:stall_after])
            self.wfile.flush()
            # Stalled until the test releases it (or gives up): the client sits
            # in a blocking read, as on a dead connection.
            deadline = time.monotonic() + 60
            while not self.hub.released.wait(0.05) and time.monotonic() < deadline:
                pass
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def start(hub: Hub) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Serve ``hub`` on a free port of 127.0.0.1 (its URL in ``hub.url``)."""
    handler = type("Handler", (_Handler,), {"hub": hub})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    hub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
