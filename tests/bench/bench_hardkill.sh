#!/usr/bin/env bash
# What a hard kill of the collector loses. Paho acknowledges a QoS 1 message when the callback
# returns, before the writer commits it, so a kill -9 can lose what arrived since the last commit
# (the writer commits every 100 ms). Publishes MESSAGES one-reading messages at RATE per second,
# kills `dvdash listen` with SIGKILL half-way, restarts it with the same client id (the broker
# redelivers what was never acknowledged) and counts what is missing. Exits 1 when the store
# fails its integrity check, holds a reading twice, or lost more than one commit interval of the
# stream (the promise in the README's reliability section). Usage:
# bench_hardkill.sh [MESSAGES] [RATE]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=build/bin/dvdash
MESSAGES=${1:-20000}
RATE=${2:-2000}
PORT=$((20000 + RANDOM % 20000))
WORK=$(mktemp -d)
LISTEN=
PUB=
trap 'kill $LISTEN $BROKER $PUB 2>/dev/null || true; rm -rf "$WORK"' EXIT

printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\npersistence true\npersistence_location %s/\nuser root\n' \
    "$PORT" "$WORK" > "$WORK/m.conf"
/usr/sbin/mosquitto -c "$WORK/m.conf" > "$WORK/broker.log" 2>&1 & BROKER=$!
sleep 0.5
listen() {
    $BIN listen --lang en --broker "tcp://127.0.0.1:$PORT" --store "sqlite:$WORK/s.sqlite" --accept-new-devices \
        --client-id hardkill "$@" > "$WORK/listen.out" 2> "$WORK/listen.err" &
    LISTEN=$!
    until grep -q "Listening on" "$WORK/listen.out" 2>/dev/null; do sleep 0.05; done
}
listen
t0=$(($(date +%s%3N) - MESSAGES * 10 - 60000))
# One reading per message, a distinct timestamp each, paced to RATE messages per second.
awk -v n="$MESSAGES" -v t0="$t0" 'BEGIN { for (i = 0; i < n; i++) printf "{\"ts\": %.0f, \"readings\": {\"body_temperature\": 38.5}}\n", t0 + i * 10 }' > "$WORK/all"
(
    split -l "$((RATE / 10))" "$WORK/all" "$WORK/chunk."
    for c in "$WORK"/chunk.*; do
        cat "$c"
        sleep 0.1
    done
) | mosquitto_pub -h 127.0.0.1 -p "$PORT" -q 1 -t dvdash/v1/520328/P0001/tag-0001 -l & PUB=$!
# Kill the collector half-way through the stream, without warning.
sleep "$(awk -v n="$MESSAGES" -v r="$RATE" 'BEGIN { print n / r / 2 }')"
kill -KILL $LISTEN
wait $LISTEN 2>/dev/null || true
wait $PUB
# The same client id again: the broker hands over everything not acknowledged.
listen --for 5
wait $LISTEN || true
stored=$($BIN history --store "sqlite:$WORK/s.sqlite" --device 520328/P0001/tag-0001 --metric body_temperature \
    --from 2000-01-01 --to 2100-01-01 --buckets 1 | tail -n +2 | cut -d, -f5)
lost=$((MESSAGES - stored))
lost_ms=$(awk -v l="$lost" -v r="$RATE" 'BEGIN { printf "%.0f", l * 1000 / r }')
COMMIT_INTERVAL_MS=100
echo "published $MESSAGES readings at $RATE/s; collector killed with SIGKILL half-way and restarted"
echo "stored $stored; lost $lost = $lost_ms ms of the stream (commit interval $COMMIT_INTERVAL_MS ms)"
status=0
if command -v sqlite3 > /dev/null; then
    integrity=$(sqlite3 "file:$WORK/s.sqlite?mode=ro" 'PRAGMA integrity_check')
    echo "integrity_check: $integrity"
    [ "$integrity" = ok ] || { echo "FAIL: the store is damaged" >&2; status=1; }
fi
if [ "$lost" -lt 0 ]; then
    echo "FAIL: $((-lost)) readings stored twice" >&2
    status=1
elif [ "$lost_ms" -gt "$COMMIT_INTERVAL_MS" ]; then
    echo "FAIL: lost more than one commit interval ($lost_ms ms > $COMMIT_INTERVAL_MS ms)" >&2
    status=1
fi
exit $status
