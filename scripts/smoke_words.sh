#!/usr/bin/env bash
# Smoke test of word mode in a real terminal (tmux on its own socket, 160x45):
# `reader read` on the seed article with the copy model (its English is its
# German, so every aligned word is visible) and the system's Ding dictionary.
# `w` then `d` on the first sentence must show the dictionary entry and the
# aligned English word; `l` and `d` again the next word's. Exits non-zero on
# the first failure.
#
#   scripts/smoke_words.sh     (needs tmux and /usr/share/trans/de-en, or READER_DICTIONARY)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SEED=seeds/002_cafa3597cbf732ed.txt
MODEL=tests/models/copy-de
DICTIONARY=${READER_DICTIONARY:-/usr/share/trans/de-en}
SOCKET=${SMOKE_SOCKET:-words}

command -v tmux >/dev/null || { echo "smoke_words: tmux is not installed" >&2; exit 2; }
[[ -f $DICTIONARY ]] || { echo "smoke_words: no dictionary at $DICTIONARY" >&2; exit 2; }
# shellcheck source=scripts/tmux_screen.sh
source scripts/tmux_screen.sh

work=$(mktemp -d)
session="reader-words-$$"
trap 'tmux_ kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

sentences=$("$PY" -m reader segment "$SEED" | grep -c .)

# Index the dictionary first, through the CLI (the index is shared): the
# popup's lookups are then milliseconds. Indexing inside the reader has its
# own pilot test.
env READER_CACHE_DIR="$work/cache" "$PY" -m reader lookup --dictionary "$DICTIONARY" Haus >/dev/null

tmux_ new-session -d -s "$session" -x 160 -y 45 \
    "env READER_STATE_DIR=$work/state READER_CACHE_DIR=$work/cache HF_HUB_OFFLINE=1 \
     $PY -m reader read $SEED --model $MODEL --dictionary $DICTIONARY; \
     echo READER-EXITED-\$?; sleep 60"

wait_for "Melden Sie sich an, um E-Mails vom Asien-Programm" 30
wait_for "translated $sentences/$sentences" 300
tmux_ send-keys -t "$session" w d                          # word mode, look up "Melden"
wait_for "In this translation: Melden" 30
wait_for "etw. melden; berichten {vt}" 120                  # Ding's entry (indexing first)
wait_for "to report" 10
tmux_ send-keys -t "$session" Escape
sleep 0.5                                                  # Escape then l would read as Alt-l
tmux_ send-keys -t "$session" Right d                      # next word: "Sie"
wait_for "In this translation: Sie" 30
tmux_ send-keys -t "$session" Escape
sleep 0.5
tmux_ send-keys -t "$session" Escape
sleep 0.5
tmux_ send-keys -t "$session" q
wait_for "READER-EXITED-0" 30
echo "smoke_words: all checks passed"
