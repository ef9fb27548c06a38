#!/usr/bin/env bash
# The package as a user gets it: build the wheel and the sdist, check that they
# carry every data file the code reads, install the wheel (no dev extras) into
# a fresh venv with the pip `python3 -m venv` brings, and run reader from
# there, outside the repository: --help, segment on a seed and on one document
# of every format, a bad PDF (one line, exit 2), translate with the tiny random
# model, and the reader itself in tmux. Any traceback, missing package or
# unexpected exit status fails the run.
#
#   scripts/smoke_install.sh     (KEEP=1 keeps the work directory; PYTHON: the dev venv's python, default .venv/bin/python,
#                                 used only to build the packages and the tiny model;
#                                 TORCH: the torch requirement, default torch==2.13.0,
#                                 from TORCH_INDEX, default PyTorch's CPU index, as
#                                 docs/install.md says; TORCH_INDEX= for PyPI's)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEV_PY=${PYTHON:-$ROOT/.venv/bin/python}
TORCH=${TORCH:-torch==2.13.0}
TORCH_INDEX=${TORCH_INDEX-https://download.pytorch.org/whl/cpu}
unset PYTHONPATH PYTHONDONTWRITEBYTECODE

work=$(mktemp -d)
session="reader-install-smoke-$$"
SOCKET="reader-install-smoke-$$"
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
step() { printf '%s  %s\n' "$(date +%T)" "$*"; }

step "building the wheel and the sdist"
mkdir "$work/src"
git archive --format=tar HEAD | tar -x -C "$work/src"
"$DEV_PY" -m build --outdir "$work/dist" "$work/src" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
wheel=$(ls "$work"/dist/*.whl)
sdist=$(ls "$work"/dist/*.tar.gz)

step "checking that both carry every data file under reader/"
"$DEV_PY" - "$wheel" "$sdist" <<'EOF'
import subprocess, sys, tarfile, zipfile
tracked = subprocess.run(["git", "ls-files", "reader"], capture_output=True, text=True, check=True)
data = sorted(p for p in tracked.stdout.split() if not p.endswith(".py"))
modules = sorted(p for p in tracked.stdout.split() if p.endswith(".py"))
wheel = set(zipfile.ZipFile(sys.argv[1]).namelist())
sdist = {name.split("/", 1)[1] for name in tarfile.open(sys.argv[2]).getnames() if "/" in name}
missing = [f"{kind}: {p}" for kind, names in (("wheel", wheel), ("sdist", sdist))
           for p in data + modules if p not in names]
if missing:
    sys.exit("missing from the packages:\n  " + "\n  ".join(missing))
print(f"  {len(data)} data files and {len(modules)} modules in both: " + ", ".join(data))
EOF

step "a fresh venv: $TORCH, then the wheel"
python3 -m venv "$work/venv"
pip=("$work/venv/bin/python" -m pip --disable-pip-version-check)
"${pip[@]}" --version
"${pip[@]}" install -q "$TORCH" ${TORCH_INDEX:+--extra-index-url "$TORCH_INDEX"}
"${pip[@]}" install -q "$wheel"
"${pip[@]}" check
"$work/venv/bin/python" -c "import torch; print(f\"  torch {torch.__version__}\")"
reader=$work/venv/bin/reader
[ -x "$reader" ] || { echo "smoke_install: no reader command in the venv" >&2; exit 1; }

# Everything below runs outside the repository, so only the installed package
# can be imported.
cd "$work"
mkdir home
export HOME=$work/home READER_CACHE_DIR=$work/cache READER_STATE_DIR=$work/state HF_HUB_OFFLINE=1
where=$("$work/venv/bin/python" -c "import reader; print(reader.__file__)")
case $where in "$work/venv/"*) ;; *) echo "smoke_install: reader imported from $where" >&2; exit 1 ;; esac

# run EXPECTED_STATUS NAME reader-args...: stdout to NAME.out, stderr to NAME.err.
run() {
    local expected=$1 name=$2 status=0
    shift 2
    "$reader" "$@" >"$name.out" 2>"$name.err" || status=$?
    if grep -q "Traceback" "$name.err" || [ "$status" != "$expected" ]; then
        echo "FAIL: reader $* exited $status (expected $expected):" >&2
        cat "$name.err" >&2
        exit 1
    fi
    echo "  ok: reader $* → exit $status, $(grep -c . "$name.out" || true) lines"
}

step "running the installed reader"
run 0 help --help
grep -q "segment" help.out
run 0 seed segment "$ROOT/seeds/000_"*.txt
n=0
for document in "$ROOT"/tests/fixtures/documents/*.{html,epub,md} "$ROOT/tests/fixtures/pdf/bericht.pdf"; do
    n=$((n + 1))
    run 0 "doc$n" segment "$document" --format jsonl
    [ -s "doc$n.out" ] || { echo "FAIL: no sentences from $document" >&2; exit 1; }
done
run 2 encrypted segment "$ROOT/tests/fixtures/pdf/verschluesselt.pdf"
[ "$(wc -l <encrypted.err)" = 1 ] && grep -q "^reader: error: " encrypted.err
run 0 glossary glossary CFIUS
run 0 modelinfo model info --model "$ROOT/tests/models/copy-de"

step "the tiny random model (built with the dev venv), then translate"
"$DEV_PY" "$ROOT/scripts/build_random_model.py" --size tiny --to "$work/tiny" >/dev/null
run 0 translate translate "$ROOT/tests/fixtures/documents/notizen.md" --model "$work/tiny" --fast -o notizen.en.md
grep -q "^| Deutsch | English |" notizen.en.md
run 0 jsonl translate "$ROOT/tests/fixtures/pdf/bericht.pdf" --model "$work/tiny" --fast --format jsonl --alignments
READER_MODEL=$work/tiny run 0 env_model translate "$ROOT/seeds/000_"*.txt --fast -o seed.en.md

if command -v tmux >/dev/null; then
    step "reader read in tmux (Textual, the translation thread)"
    # shellcheck source=scripts/tmux_screen.sh
    source "$ROOT/scripts/tmux_screen.sh"
    tmux_ new-session -d -s "$session" -x 160 -y 45 \
        "$reader read $ROOT/tests/fixtures/documents/notizen.md --model $work/tiny --fast; echo READER-EXITED-\$?; sleep 60"
    # (Textual draws on stderr: a traceback would be on the screen after the exit.)
    wait_for "Notizen zur Datenbankmigration" 60
    wait_for "translated " 120
    gone "… translating" 120
    tmux_ send-keys -t "$session" q
    wait_for "READER-EXITED-0" 30
    if pane | grep -q "Traceback"; then pane >&2; exit 1; fi
else
    echo "  (no tmux: reader read not checked)"
fi
step "smoke_install: all checks passed"
