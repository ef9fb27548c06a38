# Shared by the tmux smoke scripts (sourced, not run): read the pane of
# "$session" and wait for text on it. SOCKET, when set, names a tmux server
# of the script's own (tests run several scripts side by side).

tmux_() { tmux ${SOCKET:+-L "$SOCKET"} "$@"; }

pane() { tmux_ capture-pane -p -t "$session"; }

# wait_for TEXT [SECONDS]: until TEXT is on screen.
wait_for() {
    local deadline=$((SECONDS + ${2:-60}))
    until pane | grep -qF -- "$1"; do
        if ((SECONDS > deadline)); then
            echo "FAIL: never saw '$1'; the screen was:" >&2
            pane >&2
            exit 1
        fi
        sleep 0.2
    done
    echo "ok: $1"
}

# gone TEXT [SECONDS]: until TEXT is no longer on screen.
gone() {
    local deadline=$((SECONDS + ${2:-10}))
    while pane | grep -qF -- "$1"; do
        if ((SECONDS > deadline)); then
            echo "FAIL: '$1' stayed on screen:" >&2
            pane >&2
            exit 1
        fi
        sleep 0.2
    done
    echo "ok: no '$1'"
}
