#!/usr/bin/env bash
# bench/serve-load.sh: the load benchmark of `nngrade serve` (issue 16): checks per second and
# p50 / p99 latency at 1, 16 and 64 concurrent clients on loopback, beside the same server's
# GET /healthz as the floor, with SQLite (every attempt fsynced, the default) and PostgreSQL.
# Prints a Markdown table on stdout (docs/benchmarks.md quotes it); progress on stderr.
#
#   bench/serve-load.sh                 SQLite, PostgreSQL, then no store (~8 minutes)
#   bench/serve-load.sh sqlite          some stores only: sqlite, postgresql, memory
#   bench/serve-load.sh --keep          keep the scratch folder (the server's logs, the bodies)
#
# The load: a roster of STUDENTS students, each with a token from `nngrade links`; every
# request is a real check, spread evenly over two problems (problems/notes-softmax-step.json
# and problems/variant-softmax-step.json, a variant per student) and over right and wrong
# answers: the notes' submissions-sample/perfect.json and notes.json, and for the variant the
# student's own key from `nngrade solve --student` and that key with the sign of dz1 and dW1
# flipped and b1_next left out (follow-through credit is worked out for it). The list is
# shuffled with a fixed seed. wrk (Debian package wrk, installed with apt-get when missing and
# running as root) runs closed-loop connections, one per client: each sends its next request
# when the answer to the last has arrived. bench/serve-load.lua builds the requests and prints
# the percentiles.
#
# Each store gets a fresh server on a fresh --data folder (PostgreSQL: a throwaway cluster
# started with initdb and pg_ctl, as .ci/run does, on PG_PORT), without --max-checks; then a
# warm-up of WARMUP at 16 clients (not reported), then for each client count GET /healthz for
# DURATION and the checks for DURATION. The server's CPU time over each point is read from
# /proc/PID/stat. At the end the attempts the store holds (the teacher's attempts.csv) are
# counted: at least every check answered 200, at most that plus the ones in flight when a run
# ended. Client, server (and PostgreSQL) share the machine's cores; the table gives the CPU
# time each used and the whole machine's (from /proc/stat), so what else ran shows.
#
# "memory" is not one of serve's stores: bench/ServeNoStore.java runs serve's own Server and
# Api with a store that only numbers the checks in memory, to tell the store's share of a check
# from the rest (HTTP, token, check, report). It runs with the launcher's JVM flags when SERVE
# is bin/nngrade. On PostgreSQL the table also says how many database connections the server
# opened and how many transactions were rolled back (pg_stat_database's sessions and
# xact_rollback; the store retries an attempt whose number another took meanwhile).
#
# Environment: STUDENTS (200), CLIENTS ("1 16 64"), DURATION (15s), WARMUP (15s), PG_PORT
# (55440, the next four tried when taken), SERVE (the command that starts nngrade; default
# bin/nngrade, the launcher; "java -jar target/nngrade.jar" for the default JVM), BENCH_TMP.
set -euo pipefail
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
. "$here/lib.sh"

stores=() keep=0
for arg in "$@"; do
    case $arg in
        sqlite|postgresql|memory) stores+=("$arg") ;;
        --keep) keep=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $arg (try --help)" ;;
    esac
done
((${#stores[@]})) || stores=(sqlite postgresql memory)
STUDENTS=${STUDENTS:-200}
CLIENTS=${CLIENTS:-1 16 64}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-15s}
PG_PORT=${PG_PORT:-55440}
SERVE=${SERVE:-$root/bin/nngrade}
read -r -a serve_cmd <<<"$SERVE"
nostore_java=(java)
[[ $SERVE == */bin/nngrade ]] && nostore_java=(java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn64m)

# --- tools ------------------------------------------------------------------
if ! command -v wrk >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing wrk (Debian package wrk)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
fi
need_tools wrk curl
need_jar target/nngrade.jar >/dev/null
nngrade() { "${serve_cmd[@]}" "$@"; }

# --- scratch folder, servers and PostgreSQL stopped on exit --------------------
T=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/nngrade-serve-load.XXXXXX")
mkdir -p "$T/m"
server_pid="" pg_dir="" pg_as=() pg_bin=""
stop_server() {
    if [[ -n $server_pid ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
stop_postgres() {
    if [[ -n $pg_dir ]]; then
        "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
        pg_dir="" pg_port=""
    fi
}
cleanup() {
    stop_server
    stop_postgres
    if ((keep)); then log "kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the class and its requests -----------------------------------------------
log "serve: ${serve_cmd[*]}; scratch: $T"
python3 - "$T/roster.csv" "$STUDENTS" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id,name,group\n")
    for i in range(1, int(sys.argv[2]) + 1):
        f.write(f"s{i:04d},Student {i:04d},G{i % 8}\n")
EOF
(umask 077 && head -c 32 /dev/urandom | base64 >"$T/secret.txt")
nngrade links --roster "$T/roster.csv" --base-url http://127.0.0.1 --secret-file "$T/secret.txt" >"$T/links.csv"
log "solving $STUDENTS variants of problems/variant-softmax-step.json (two at a time)"
mkdir -p "$T/keys"
n=0
for id in $(tail -n +2 "$T/roster.csv" | cut -d, -f1); do
    nngrade solve problems/variant-softmax-step.json --student "$id" --format json --ask-only \
        --secret-file "$T/secret.txt" >"$T/keys/$id.json" &
    ((++n % 2)) || wait
done
wait
python3 - "$T" "$root" <<'EOF'
import csv, json, os, random, sys
t, root = sys.argv[1], sys.argv[2]
lines = []
with open(os.path.join(t, "links.csv"), newline="") as f:
    for row in csv.DictReader(f):
        sid, token = row["id"], row["url"].rsplit("/", 1)[1]
        key = os.path.join(t, "keys", sid + ".json")
        with open(key) as k:
            doc = json.load(k)
        a = doc["answers"]
        # the classic slip (y - ŷ for ŷ - y) and the step not taken
        a["dz1"] = [-v for v in a["dz1"]]
        a["dW1"] = [[-v for v in r] for r in a["dW1"]]
        del a["b1_next"]
        wrong = os.path.join(t, "keys", sid + "-wrong.json")
        with open(wrong, "w") as w:
            json.dump(doc, w, indent=2)
        notes = "/api/v1/problems/notes-softmax-step/check"
        variant = "/api/v1/problems/variant-softmax-step/check"
        lines += [f"{notes} {token} {root}/submissions-sample/perfect.json",
                  f"{notes} {token} {root}/submissions-sample/notes.json",
                  f"{variant} {token} {key}",
                  f"{variant} {token} {wrong}"]
random.Random(16).shuffle(lines)
with open(os.path.join(t, "manifest.txt"), "w") as m:
    m.write("\n".join(lines) + "\n")
EOF
sed -n 1p "$T/manifest.txt" >"$T/first.txt"

# --- PostgreSQL, a throwaway cluster ------------------------------------------
start_postgres() {
    local port
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [[ -z $pg_bin && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        log "installing postgresql"
        { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 || return 1
        pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    [[ -n $pg_bin ]] || return 1
    pg_dir=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/nngrade-serve-load-pg.XXXXXX")
    pg_as=()
    if [[ $(id -u) == 0 ]]; then # initdb refuses to run as root
        chown postgres "$pg_dir"
        pg_as=(runuser -u postgres --)
    fi
    "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 || return 1
    for ((port = PG_PORT; port < PG_PORT + 5; port++)); do
        if "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
                -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null 2>&1; then
            "${pg_as[@]}" "$pg_bin/psql" -h "$pg_dir" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 \
                -c "CREATE USER nngrade PASSWORD 'nngrade'" -c "CREATE DATABASE nngrade_bench OWNER nngrade" >&2 \
                || return 1
            pg_port=$port
            pg_url="jdbc:postgresql://127.0.0.1:$port/nngrade_bench?user=nngrade&password=nngrade"
            pg_version=$("${pg_as[@]}" "$pg_bin/postgres" --version)
            log "PostgreSQL on 127.0.0.1:$port ($pg_version, its defaults: fsync on, synchronous_commit on)"
            return 0
        fi
    done
    return 1
}

# --- one store -----------------------------------------------------------------
# start_server STORE: a fresh data folder; sets $port, $server_pid
start_server() {
    local store=$1 db=() i
    [[ $store == postgresql ]] && db=(--db "$pg_url")
    mkdir -p "$T/data-$store"
    if [[ $store == memory ]]; then
        "${nostore_java[@]}" -cp "$root/target/nngrade.jar" "$here/ServeNoStore.java" "$T/roster.csv" "$T/secret.txt" \
            "$T/data-$store" problems/notes-softmax-step.json problems/variant-softmax-step.json \
            >"$T/serve-$store.out" 2>"$T/serve-$store.err" &
    else
        "${serve_cmd[@]}" serve problems/notes-softmax-step.json problems/variant-softmax-step.json \
            --roster "$T/roster.csv" --secret-file "$T/secret.txt" --data "$T/data-$store" "${db[@]}" \
            --port 0 --lang en >"$T/serve-$store.out" 2>"$T/serve-$store.err" &
    fi
    server_pid=$!
    for ((i = 0; i < 300; i++)); do
        port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/serve-$store.out")
        [[ -n $port ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || { cat "$T/serve-$store.err" >&2; die "nngrade serve ($store) did not start"; }
        sleep 0.1
    done
    die "nngrade serve ($store) did not listen within 30 s"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# every CPU's busy ticks: user, nice, system, irq, softirq, steal
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
pg_sessions() {
    [[ -n ${pg_port:-} ]] || { echo "0 0"; return; }
    "${pg_as[@]}" "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U postgres -At -F ' ' \
        -c "SELECT sessions, xact_rollback FROM pg_stat_database WHERE datname = 'nngrade_bench'"
}

# load NAME CLIENTS DURATION [MANIFEST]: one wrk run; appends its RESULT line plus the server's
# CPU seconds and wrk's own to $T/m/NAME
load() {
    local name=$1 c=$2 d=$3 threads=2 before after m_before m_after s_before s_after url=http://127.0.0.1:$port
    shift 3
    ((c < threads)) && threads=$c
    [[ $# == 0 ]] && url=$url/healthz
    before=$(cpu_ticks "$server_pid") m_before=$(machine_ticks) s_before=$(pg_sessions)
    /usr/bin/time -f "client_cpu_s=%U+%S" -o "$T/wrk-time.txt" \
        wrk -t "$threads" -c "$c" -d "$d" --timeout 10s -s "$here/serve-load.lua" "$url" ${1:+-- "$1"} >"$T/wrk.out"
    after=$(cpu_ticks "$server_pid") m_after=$(machine_ticks) s_after=$(pg_sessions)
    grep -q '^RESULT ' "$T/wrk.out" || { cat "$T/wrk.out" >&2; die "wrk printed no result for $name"; }
    echo "$(grep '^RESULT ' "$T/wrk.out") server_cpu_s=$(fmt %.2f "($after - $before) / $(getconf CLK_TCK)")" \
        "machine_cpu_s=$(fmt %.2f "($m_after - $m_before) / $(getconf CLK_TCK)") sessions=$((${s_after% *} - ${s_before% *})) rollbacks=$((${s_after#* } - ${s_before#* }))" \
        "$(awk -F= '{ split($2, p, "+"); printf "client_cpu_s=%.2f", p[1] + p[2] }' "$T/wrk-time.txt")" >>"$T/m/$name"
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$T/m/$1" | tail -n 1; } # field NAME KEY

# sanity, before anything is timed: one student's four requests, answered as checks; the right
# answers score full marks and the wrong ones less
sanity() {
    local path token file out first
    first=$(cut -d' ' -f2 "$T/first.txt")
    sanity_checks=0
    while read -r path token file; do
        [[ $token == "$first" ]] || continue
        out=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            --data-binary "@$file" "http://127.0.0.1:$port$path") || die "a check of $file failed"
        python3 -c '
import json, sys
r, right = json.loads(sys.argv[1]), not sys.argv[2].endswith(("-wrong.json", "/notes.json"))
assert "attempt" in r and (r["score"] == r["maxScore"]) == right, (sys.argv[2], r["score"], r["maxScore"])
 ' "$out" "$file" || die "the answer to $file is not the check report expected"
        sanity_checks=$((sanity_checks + 1))
    done <"$T/manifest.txt"
}

stored_attempts() {
    local teacher=$1 n=0 p
    for p in notes-softmax-step variant-softmax-step; do
        n=$((n + $(curl -sf -H "Authorization: Bearer $teacher" \
            "http://127.0.0.1:$port/api/v1/teacher/attempts.csv?problem=$p" | tail -n +2 | wc -l)))
    done
    echo "$n"
}

run_store() {
    local store=$1 c teacher acked
    start_server "$store"
    log "$store: nngrade serve on port $port (pid $server_pid)"
    sanity
    log "$store: warm-up, $WARMUP at 16 clients"
    load "warmup-$store" 16 "$WARMUP" "$T/manifest.txt"
    for c in $CLIENTS; do
        log "$store: $c clients, /healthz then checks, $DURATION each"
        load "healthz-$store-$c" "$c" "$DURATION"
        load "check-$store-$c" "$c" "$DURATION" "$T/manifest.txt"
    done
    if [[ $store == postgresql ]]; then
        disk[$store]=$("${pg_as[@]}" "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U postgres -At \
            -c "SELECT pg_size_pretty(pg_database_size('nngrade_bench'))")
    else
        disk[$store]=$(du -sh "$T/data-$store" | cut -f1)
    fi
    [[ $store == memory ]] && { stop_server; return; }
    teacher=$(cat "$T/data-$store/teacher-token")
    acked=$sanity_checks
    for f in "$T/m/warmup-$store" "$T/m"/check-"$store"-*; do
        acked=$((acked + $(sed -n 's/.* ok=\([0-9]*\).*/\1/p' "$f")))
    done
    stored[$store]=$(stored_attempts "$teacher")
    acked_of[$store]=$acked
    stop_server
}

declare -A stored acked_of disk
probe_start=$(cpu_probe)
for store in "${stores[@]}"; do
    if [[ $store == postgresql ]]; then
        start_postgres || { log "no PostgreSQL (and could not start one): skipped"; continue; }
    fi
    run_store "$store"
    [[ $store == postgresql ]] && stop_postgres
done
probe_end=$(cpu_probe)

# --- the table ------------------------------------------------------------------
echo "- machine: $(machine_line)"
echo "- CPUs' worth of parallel work the machine gave (bench/lib.sh cpu_probe, 2 = all cores free): $probe_start at the start, $probe_end at the end"
echo "- nngrade: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), started as \`${serve_cmd[*]} serve\`; load: $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), closed loop, one connection per client, $STUDENTS students, $DURATION per point after a $WARMUP warm-up"
[[ -n ${pg_version:-} ]] && echo "- PostgreSQL: $pg_version, a fresh cluster with its defaults"
echo
echo "| store | clients | what | requests/s | p50 ms | p90 ms | p99 ms | max ms | not 200 | server CPU ms per request | CPU s: server, wrk, all (of $(fmt %.0f "$(nproc) * ${DURATION%s}")) | DB connections opened, transactions rolled back |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"
for store in "${stores[@]}"; do
    [[ -s $T/m/warmup-$store ]] || continue
    for c in $CLIENTS; do
        for what in healthz check; do
            n="$what-$store-$c"
            label=$([[ $what == healthz ]] && echo "GET /healthz (the floor)" || echo "POST …/check")
            req=$(field "$n" requests) ok=$(field "$n" ok) sec=$(field "$n" seconds)
            echo "| $store | $c | $label | $(fmt %.0f "$ok / $sec") | $(field "$n" p50_ms) | $(field "$n" p90_ms) |" \
                "$(field "$n" p99_ms) | $(field "$n" max_ms) | $(fmt %d "$req - $ok + $(field "$n" errors)") |" \
                "$(fmt %.2f "1000 * $(field "$n" server_cpu_s) / ($req > 0 ? $req : 1)") |" \
                "$(field "$n" server_cpu_s), $(field "$n" client_cpu_s), $(field "$n" machine_cpu_s) |" \
                "$([[ $store == postgresql ]] && echo "$(field "$n" sessions), $(field "$n" rollbacks)" || echo "–") |"
        done
    done
done
echo
for store in "${stores[@]}"; do
    [[ -n ${stored[$store]:-} ]] || continue
    echo "- $store: ${acked_of[$store]} checks answered 200 (sanity check, warm-up and points), ${stored[$store]} attempts stored, database ${disk[$store]}"
done
