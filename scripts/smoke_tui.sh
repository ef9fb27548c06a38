#!/usr/bin/env bash
# Smoke test of `reader read` as a person uses it: the real app in a real
# terminal (tmux, 160x45) on the seed document with the tiny random model.
# Sends keys, captures the pane and checks what is on screen: the German text
# at once, translations filling the English side, a glossary popup, search,
# and a clean exit. Prints each check; exits non-zero on the first failure.
#
#   scripts/smoke_tui.sh            (needs tmux; PYTHON defaults to .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SEED=seeds/002_cafa3597cbf732ed.txt

command -v tmux >/dev/null || { echo "smoke_tui: tmux is not installed" >&2; exit 2; }
# shellcheck source=scripts/tmux_screen.sh
source scripts/tmux_screen.sh

work=$(mktemp -d)
session="reader-smoke-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

"$PY" scripts/build_random_model.py --size tiny --to "$work/tiny" >/dev/null 2>&1
sentences=$("$PY" -m reader segment "$SEED" | grep -c .)

tmux new-session -d -s "$session" -x 160 -y 45 \
    "env READER_STATE_DIR=$work/state READER_CACHE_DIR=$work/cache HF_HUB_OFFLINE=1 \
     $PY -m reader read $SEED --model $work/tiny --fast; echo READER-EXITED-\$?; sleep 60"

wait_for "Melden Sie sich an, um E-Mails vom Asien-Programm" 30   # German, side by side
wait_for "│"
wait_for "translated $sentences/$sentences" 120                   # English filled in
gone "… translating"

tmux send-keys -t "$session" t                                     # glossary popup
wait_for "Esc closes"
wait_for "Carnegie Endowment for International Peace"
tmux send-keys -t "$session" Escape
gone "Esc closes"

tmux send-keys -t "$session" j j j                                 # navigation
wait_for "sentence 4/$sentences"

tmux send-keys -t "$session" g /                                   # search from the top
wait_for "Search German and English"
tmux send-keys -t "$session" Japan Enter
wait_for "“Japan” 1/"
tmux send-keys -t "$session" n
wait_for "“Japan” 2/"

tmux send-keys -t "$session" l                                     # whole glossary
wait_for "Glossary of this document"
tmux send-keys -t "$session" Escape
gone "Glossary of this document"

tmux send-keys -t "$session" q
wait_for "READER-EXITED-0" 30
echo "smoke_tui: all checks passed"
