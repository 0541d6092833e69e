# bench/lib.sh: helpers shared by bench/run.sh and bench/experiments.sh (sourced, not run).
# Expects $T (a scratch folder with a subfolder m/) to be set by the caller.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { echo "bench: $*" >&2; exit 2; }

# need_tools: GNU time (installed with apt-get when missing and running as root) and the rest.
need_tools() {
    if [[ ! -x /usr/bin/time ]]; then
        if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
            log "installing GNU time (Debian package time)"
            apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
        fi
        [[ -x /usr/bin/time ]] || die "needs GNU time at /usr/bin/time (apt-get install time)"
    fi
    local tool
    for tool in java javac python3 find xargs awk "$@"; do
        command -v "$tool" >/dev/null || die "needs $tool on the PATH"
    done
}

# need_jar JAR: builds it with Maven (offline first) when missing; prints its absolute path.
need_jar() {
    local jar=$1
    if [[ ! -f $jar ]]; then
        log "building $jar (mvn -q -o package -DskipTests)"
        mvn -q -o package -DskipTests >&2 || mvn -q package -DskipTests >&2 || die "cannot build $jar"
    fi
    echo "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
}

# measure NAME CMD...: runs CMD once under /usr/bin/time -v and appends
# "wall_s rss_kb user_s sys_s exit" to $T/m/NAME. Output goes to $T/last.out and $T/last.err.
# The wall time is bash's $EPOCHREALTIME around it (µs resolution; time -v has 10 ms).
measure() {
    local name=$1 s e rc=0
    shift
    s=$EPOCHREALTIME
    /usr/bin/time -v -o "$T/time.txt" "$@" >"$T/last.out" 2>"$T/last.err" || rc=$?
    e=$EPOCHREALTIME
    awk -v s="$s" -v e="$e" -v rc="$rc" '
        /Maximum resident set size/ { rss = $NF }
        /User time/ { user = $NF }
        /System time/ { sys = $NF }
        END { printf "%.4f %d %.2f %.2f %d\n", e - s, rss, user, sys, rc }' "$T/time.txt" >>"$T/m/$name"
    return 0
}

# med NAME COLUMN / lo NAME COLUMN / hi NAME COLUMN: median / minimum / maximum of a column
# (1 wall, 2 rss, 3 user, 4 sys) over NAME's runs.
med() {
    [[ -s $T/m/$1 ]] || { echo nan; return; }
    awk -v c="$2" '{ print $c }' "$T/m/$1" | sort -g | awk '
        { v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
lo() { awk -v c="$2" '{ print $c }' "$T/m/$1" | sort -g | head -n 1; }
hi() { awk -v c="$2" '{ print $c }' "$T/m/$1" | sort -g | tail -n 1; }

# expect_exit NAME CODES...: every run of NAME ended with one of CODES, else stop.
expect_exit() {
    local name=$1 code
    shift
    while read -r _ _ _ _ code; do
        [[ " $* " == *" $code "* ]] || { cat "$T/last.err" >&2; die "$name exited with $code (expected $*)"; }
    done <"$T/m/$name"
}

fmt() { awk "BEGIN { printf \"$1\", $2 }"; } # fmt FORMAT EXPRESSION
commas() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }

# cpu_probe: how many CPUs' worth of work the machine gives right now: nproc copies of a
# CPU-bound awk loop at once against one alone (2.0 on an idle 2-core machine; 1.0 when the
# two "cores" share one physical core or the host is busy).
cpu_probe() {
    local n s m e i
    n=$(nproc)
    s=$EPOCHREALTIME
    awk 'BEGIN { for (i = 0; i < 5e6; i++) s += i }'
    m=$EPOCHREALTIME
    for ((i = 0; i < n; i++)); do awk 'BEGIN { for (i = 0; i < 5e6; i++) s += i }' & done
    wait
    e=$EPOCHREALTIME
    fmt %.1f "$n * ($m - $s) / ($e - $m)"
}

machine_line() {
    local cpu_model mem_total
    cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem_total=$(free -h | awk '/^Mem:/ { print $2 }')
    echo "$(nproc) cores ($cpu_model), $mem_total RAM; $(java -version 2>&1 | head -n 1)"
}
