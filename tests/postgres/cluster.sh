#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for ctest (the "postgres" fixture in tests/CMakeLists.txt).
#
#   cluster.sh start STATE_DIR   initdb + start a fresh cluster, write STATE_DIR/uri
#   cluster.sh stop  STATE_DIR   stop it and remove its data; succeeds when nothing runs
#   cluster.sh pause STATE_DIR   stop the server, keeping its data (an outage, for tests)
#   cluster.sh resume STATE_DIR  start the paused server again on the same port
#
# Several ctest runs in one build folder at once (developers side by side) share one cluster:
# each run is a user (the caller's process id, ctest's own, in STATE_DIR/users). A start while
# another live run uses a healthy cluster joins it instead of replacing it under that run's
# tests; a stop leaves it running for the others, and the last one out stops it. Users that
# died without a stop (a killed ctest) do not count, so after a crash a start begins afresh.
#
# STATE_DIR/uri       postgresql://dvdash_admin@127.0.0.1:PORT/postgres (one line)
# STATE_DIR/datadir   the data area: pgdata/ (the cluster) and socket/ (its unix socket)
# STATE_DIR/pid       the postmaster's process id, to stop it even if its data area vanished
# STATE_DIR/users     the process ids of the runs using the cluster
# STATE_DIR/postgres.log  the server's log
#
# Tests create their databases from the template "dvdash_template", which already has PostGIS,
# so each test gets an empty database of its own in a fraction of a second.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop|pause|resume STATE_DIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
action=$1
state_dir=$2
[[ $action == start || $action == stop || $action == pause || $action == resume ]] || usage

admin=dvdash_admin
mkdir -p "$state_dir"
state_dir=$(cd "$state_dir" && pwd)

# The newest server installed (/usr/lib/postgresql/15/bin on Debian 12).
bin_dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z $bin_dir || ! -x $bin_dir/initdb ]]; then
    echo "cluster.sh: no PostgreSQL server found in /usr/lib/postgresql/*/bin" \
        "(install postgresql-15 and postgresql-15-postgis-3, see scripts/setup.sh)" >&2
    exit 1
fi

# The server refuses to run as root: as root it runs as the "postgres" system user the package
# created; otherwise as whoever runs the tests.
if [[ $(id -u) -eq 0 ]]; then
    if ! id -u postgres >/dev/null 2>&1; then
        echo "cluster.sh: running as root but there is no 'postgres' user to run the server as" >&2
        exit 1
    fi
    as_server() { runuser -u postgres -- "$@"; }
else
    as_server() { "$@"; }
fi

# True while process $1 is a running server (not a zombie, not a reused id of another program).
is_postmaster() {
    [[ -r /proc/$1/stat ]] || return 1
    local stat
    stat=$(<"/proc/$1/stat") || return 1
    [[ $stat == "$1 (postgres) "[^Z]* ]]
}

# Stops the server recorded in STATE_DIR (if any) and removes its data area. Used by stop, and
# by start so that a second start, or a start after a crash, never leaves two servers.
stop_cluster() {
    local area="" pid=""
    [[ -f $state_dir/datadir ]] && area=$(<"$state_dir/datadir")
    [[ -f $state_dir/pid ]] && pid=$(<"$state_dir/pid")
    if [[ -n $area && -f $area/pgdata/postmaster.pid ]]; then
        # Run from / : the server's user may not be allowed into the caller's directory.
        (cd / && as_server "$bin_dir/pg_ctl" -D "$area/pgdata" -m immediate -w stop \
            >/dev/null 2>&1) || true
        echo "cluster.sh: stopped the server in $area/pgdata"
    fi
    # The data area may be gone (a cleaned /tmp) while the postmaster lives on.
    if [[ -n $pid ]] && is_postmaster "$pid"; then
        kill -QUIT "$pid" 2>/dev/null || true
        for _ in $(seq 50); do
            is_postmaster "$pid" || break
            sleep 0.1
        done
        if is_postmaster "$pid"; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
        echo "cluster.sh: stopped postmaster $pid"
    fi
    if [[ -n $area && -d $area ]]; then
        rm -rf "$area"
        echo "cluster.sh: removed $area"
    fi
    rm -f "$state_dir/uri" "$state_dir/datadir" "$state_dir/pid"
}

# The run this call is for: ctest itself (or the shell that called by hand).
run=$PPID

# The live users other than this run, one a line.
other_users() {
    [[ -f $state_dir/users ]] || return 0
    local user
    while read -r user; do
        if [[ -n $user && $user != "$run" && -e /proc/$user ]]; then
            echo "$user"
        fi
    done <"$state_dir/users"
}

# Whether the recorded cluster answers.
cluster_healthy() {
    [[ -f $state_dir/uri && -f $state_dir/pid ]] || return 1
    is_postmaster "$(<"$state_dir/pid")" || return 1
    "$bin_dir/pg_isready" -q -d "$(<"$state_dir/uri")" -t 5
}

# An outage and the server's return, for tests of what clients do meanwhile: the data stays.
if [[ $action == pause || $action == resume ]]; then
    [[ -f $state_dir/datadir && -f $state_dir/uri ]] || {
        echo "cluster.sh: no cluster in $state_dir to $action" >&2
        exit 1
    }
    area=$(<"$state_dir/datadir")
    if [[ $action == pause ]]; then
        (cd / && as_server "$bin_dir/pg_ctl" -D "$area/pgdata" -m fast -w stop >/dev/null 2>&1)
        echo "cluster.sh: paused the server in $area/pgdata"
    else
        port=$(sed -E 's/.*:([0-9]+)\/.*/\1/' "$state_dir/uri")
        (cd / && as_server "$bin_dir/pg_ctl" -D "$area/pgdata" -o "-p $port" -w -t 60 \
            start </dev/null >>"$state_dir/postgres.log" 2>&1 9>&-)
        head -n 1 "$area/pgdata/postmaster.pid" >"$state_dir/pid"
        echo "cluster.sh: resumed the server on port $port"
    fi
    exit 0
fi

# One start or stop at a time per STATE_DIR (not inherited by the server: see 9>&- below).
exec 9>"$state_dir/lock"
flock 9

others=$(other_users | tr '\n' ' ')
if [[ $action == stop ]]; then
    if [[ -n $others ]]; then
        echo "$others" | tr ' ' '\n' | sed '/^$/d' >"$state_dir/users"
        echo "cluster.sh: left running for the other runs using it (process ${others% })"
    else
        stop_cluster
        rm -f "$state_dir/users"
    fi
    exit 0
fi

if [[ -n $others ]] && cluster_healthy; then
    { echo "$others" | tr ' ' '\n' | sed '/^$/d'; echo "$run"; } >"$state_dir/users"
    echo "cluster.sh: joined the cluster already running for process ${others% }:" \
        "$(<"$state_dir/uri") in $state_dir/uri"
    exit 0
fi

started=$(date +%s%N)
stop_cluster
echo "$run" >"$state_dir/users"

# The data area. The unix socket's path must stay under ~100 bytes, and as root the server's
# user must be able to reach it (a build folder under /root is not), so then it is a new folder
# in /tmp; otherwise STATE_DIR/data.
area=$state_dir/data
if [[ $(id -u) -eq 0 || ${#area} -gt 80 ]]; then
    area=$(mktemp -d /tmp/dvdash-pgtest.XXXXXX)
else
    rm -rf "$area"
    mkdir -p "$area"
fi
echo "$area" >"$state_dir/datadir"
mkdir -p "$area/socket"
chmod 700 "$area"
if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres: "$area"
    chown postgres: "$state_dir"
fi
log=$state_dir/postgres.log
: >"$log"

(cd / && as_server "$bin_dir/initdb" -D "$area/pgdata" -U "$admin" --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >>"$log" 2>&1) || {
    echo "cluster.sh: initdb failed; its output:" >&2
    tail -n 30 "$log" >&2
    exit 1
}

# Durability is pointless for a cluster thrown away after the run; speed is not.
cat >>"$area/pgdata/postgresql.conf" <<EOF

# dvdash test cluster (tests/postgres/cluster.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$area/socket'
fsync = off
full_page_writes = off
synchronous_commit = off
shared_buffers = 128MB
max_connections = 200
EOF

# Trust, and on the loopback address only: tests connect as whichever role they created, with no
# password, because what row-level security decides depends on the role a session is, not on how
# it proved it. Nothing outside this machine can reach the server, and it lives for one run.
cat >"$area/pgdata/pg_hba.conf" <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

port=""
for attempt in $(seq 10); do
    candidate=$((20000 + RANDOM % 40001))
    port_in_use "$candidate" && continue
    # The server inherits pg_ctl's output: the log file (opened here, so the server's user
    # need not reach STATE_DIR), never ctest's pipes, which would keep ctest waiting.
    if (cd / && as_server "$bin_dir/pg_ctl" -D "$area/pgdata" -o "-p $candidate" -w -t 60 \
        start </dev/null >>"$log" 2>&1 9>&-); then
        port=$candidate
        break
    fi
    echo "cluster.sh: the server did not start on port $candidate (attempt $attempt)" >&2
    # A start that timed out may have left a postmaster behind; the next attempt needs the data.
    (cd / && as_server "$bin_dir/pg_ctl" -D "$area/pgdata" -m immediate -w stop \
        >/dev/null 2>&1) || true
done
if [[ -z $port ]]; then
    echo "cluster.sh: the server did not start after 10 attempts; the log's end:" >&2
    tail -n 30 "$log" >&2
    exit 1
fi
head -n 1 "$area/pgdata/postmaster.pid" >"$state_dir/pid"

psql_admin() {
    "$bin_dir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$admin" "$@"
}
psql_admin -d postgres -c "CREATE DATABASE dvdash_template"
psql_admin -d dvdash_template -c "CREATE EXTENSION postgis"
psql_admin -d postgres -c "ALTER DATABASE dvdash_template IS_TEMPLATE true"

uri="postgresql://$admin@127.0.0.1:$port/postgres"
echo "$uri" >"$state_dir/uri"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
echo "cluster.sh: PostgreSQL $("$bin_dir/postgres" --version | awk '{print $3}')" \
    "on 127.0.0.1:$port, data in $area/pgdata, log $log"
echo "cluster.sh: template dvdash_template with PostGIS ready; $uri in $state_dir/uri" \
    "(${elapsed_ms} ms)"
