"""Time `reader model download` against the stand-in hub on 127.0.0.1.

Prints, over N rounds (medians and ranges): the latency from SIGINT to the
process's exit while the weights are stalled mid-file, the wall time of the
resume that follows, and of a whole download. The model served is the tiny
random model (scripts/build_random_model.py), so the figures are the client's
overhead (Python start-up, huggingface_hub, the requests), not bandwidth.

    python scripts/bench_download.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "scripts")]

import build_random_model  # noqa: E402
import hub_server  # noqa: E402

MODEL_ID = "Helsinki-NLP/opus-mt-de-en"
STALL_AFTER = 20_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-download-"))
    model = build_random_model.ensure_random_model(
        work / "model" / build_random_model.builder_fingerprint(), size="tiny"
    )
    hub = hub_server.serve_model_dir(model, MODEL_ID)
    server, _ = hub_server.start(hub)
    env = os.environ | {"HF_ENDPOINT": hub.url, "HF_HOME": str(work / "hf")}
    env.pop("HF_HUB_OFFLINE", None)
    command = [sys.executable, "-m", "reader", "model", "download", "--to"]
    latencies, resumes, wholes = [], [], []
    for round_ in range(args.rounds):
        target = work / f"round-{round_}"
        hub.stall_after, hub.released = STALL_AFTER, type(hub.released)()
        process = subprocess.Popen([*command, str(target)], env=env, stderr=subprocess.DEVNULL)
        state = target.with_name(target.name + ".partial") / ".download"
        while not any(p.stat().st_size >= STALL_AFTER for p in state.glob("model.*.incomplete")):
            time.sleep(0.005)
        sent = time.perf_counter()
        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=60)
        latencies.append(time.perf_counter() - sent)
        assert status == 130, status
        hub.released.set()
        hub.stall_after = None
        started = time.perf_counter()
        subprocess.run([*command, str(target)], env=env, check=True, capture_output=True)
        resumes.append(time.perf_counter() - started)
        started = time.perf_counter()
        whole = work / f"whole-{round_}"
        subprocess.run([*command, str(whole)], env=env, check=True, capture_output=True)
        wholes.append(time.perf_counter() - started)
    server.shutdown()
    for label, values in (
        ("SIGINT → exit (stalled mid-file)", latencies),
        ("resume after the interrupt (wall)", resumes),
        ("whole download (wall)", wholes),
    ):
        print(
            f"{label:36} median {statistics.median(values) * 1000:7.1f} ms  "
            f"min {min(values) * 1000:7.1f}  max {max(values) * 1000:7.1f}  (n={len(values)})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
