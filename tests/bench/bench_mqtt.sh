#!/usr/bin/env bash
# End-to-end ingest through a real mosquitto on loopback at QoS 1: publishes MESSAGES messages of
# 6 readings each from PUBLISHERS parallel mosquitto_pub clients (each its own device), and times
# from the first publish until every reading is in the store. Usage: bench_mqtt.sh [MESSAGES] [PUBLISHERS]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=build/bin/dvdash
MESSAGES=${1:-20000}
PUBLISHERS=${2:-4}
PORT=$((20000 + RANDOM % 20000))
WORK=$(mktemp -d)
trap 'kill $LISTEN $BROKER 2>/dev/null || true; rm -rf "$WORK"' EXIT

printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\nuser root\n' "$PORT" > "$WORK/m.conf"
/usr/sbin/mosquitto -c "$WORK/m.conf" > "$WORK/broker.log" 2>&1 & BROKER=$!
sleep 0.5
$BIN listen --lang en --broker "tcp://127.0.0.1:$PORT" --store "sqlite:$WORK/s.sqlite" --accept-new-devices \
    --client-id bench > "$WORK/listen.out" 2> "$WORK/listen.err" & LISTEN=$!
until grep -q "Listening on" "$WORK/listen.out" 2>/dev/null; do sleep 0.1; done

per=$((MESSAGES / PUBLISHERS))
now=$(($(date +%s%3N) - per * 1000 - 60000))
for p in $(seq 1 "$PUBLISHERS"); do
    awk -v n="$per" -v t0="$now" 'BEGIN { for (i = 0; i < n; i++) printf "{\"ts\": %.0f, \"readings\": {\"air_temperature\": %.1f, \"relative_humidity\": %.1f, \"soil_moisture\": %.1f, \"soil_temperature\": %.1f, \"soil_ph\": %.2f}, \"battery\": 90}\n", t0 + i * 1000, 15 + i % 10, 80 + i % 5, 30 + i % 7, 12 + i % 3, 5.0 + (i % 4) / 10 }' > "$WORK/p$p.txt"
done
start=$(date +%s%N)
pubs=()
for p in $(seq 1 "$PUBLISHERS"); do
    mosquitto_pub -h 127.0.0.1 -p "$PORT" -q 1 -t "dvdash/v1/520328/T000$p/station" -l < "$WORK/p$p.txt" &
    pubs+=($!)
done
wait "${pubs[@]}"
published=$(date +%s%N)
expected=$((per * PUBLISHERS * 6))
# Until every battery reading (one per message) is in the store, as another reader sees it.
count() {
    local total=0 p n
    for p in $(seq 1 "$PUBLISHERS"); do
        n=$($BIN history --store "sqlite:$WORK/s.sqlite" --device "520328/T000$p/station" --metric battery \
            --from 2000-01-01 --to 2100-01-01 --buckets 1 2>/dev/null | tail -n +2 | cut -d, -f5)
        total=$((total + ${n:-0}))
    done
    echo "$total"
}
until [ "$(count)" -ge $((per * PUBLISHERS)) ]; do sleep 0.05; done
end=$(date +%s%N)
kill -TERM $LISTEN; wait $LISTEN || true
stored=$(grep -o 'stored [0-9,]*' "$WORK/listen.out" | tr -dc 0-9)
echo "published $((per * PUBLISHERS)) messages ($expected readings) in $(( (published - start) / 1000000 )) ms"
echo "stored $stored readings; all in store after $(( (end - start) / 1000000 )) ms"
echo "end-to-end: $(( expected * 1000000000 / (end - start) )) readings/s"
[ "$stored" = "$expected" ] || { echo "MISMATCH: expected $expected"; cat "$WORK/listen.err" | head; exit 1; }
