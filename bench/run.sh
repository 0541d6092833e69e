#!/usr/bin/env bash
# bench/run.sh: "speed you can measure". One run measures, side by side,
#
#   1. grade of N JSON submissions of problems/notes-softmax-step.json (N = 10,000
#      and 100,000) and of problems/two-layer-tanh-softmax.json (N = 10,000) into a
#      gradebook + summary, with no report per student (--format ,) and with an HTML
#      report per student (--format html), against `cat` reading the same files
#      (find DIR -name '*.json' -print0 | xargs -0 cat > /dev/null): the floor; and, for
#      the HTML reports, `cp -r` of the reports folder grade wrote: the floor for writing
#      that many files on this file system;
#   2. check of one submission, cold (a new JVM each time), against a hello-world
#      Java program started the same way (java -cp DIR Hello);
#   3. solve of a generated 784-128-10 network with 64 samples, start-up included;
#
# and prints Markdown to stdout (progress goes to stderr): the machine, a table of
# results (wall time median and range, peak RSS, CPU time) and the ratios against
# the targets of the issue. docs/benchmarks.md has a run and explains the misses;
# bench/experiments.sh measures the explanations (JVM flags, AppCDS, heap settings).
#
# Usage (from anywhere; it works from the repository root):
#
#   bench/run.sh             the full run (5 to 10 minutes; needs ~4 GB free in /tmp:
#                            100,000 submissions and three runs' HTML reports of them)
#   bench/run.sh --quick     1,000 and 10,000 files, 1 repetition: a smoke test
#   bench/run.sh --keep      keep the generated data (the folder is printed)
#   bench/run.sh > result.md 2> progress.log
#
# Environment (all optional):
#   NNGRADE_JAR     the jar to measure (default target/nngrade.jar; built with
#                   `mvn -q -o package -DskipTests` if missing)
#   JAVA_OPTS       extra JVM flags for every nngrade run (not for hello-world),
#                   e.g. "-XX:TieredStopAtLevel=1" or "-XX:SharedArchiveFile=app.jsa"
#   SIZES           notes-softmax-step sizes (default "10000 100000")
#   TWO_LAYER_SIZES two-layer-tanh-softmax sizes (default "10000")
#   REPEAT          runs of each grade/cat measurement, median reported (default 3)
#   CHECK_RUNS      cold runs of check and of hello-world (default 10)
#   SOLVE_RUNS      runs of each solve (default 5)
#   MLP             the generated network: "INPUTS HIDDEN OUTPUTS SAMPLES ACTIVATION"
#                   (default "784 128 10 64 sigmoid")
#   BENCH_TMP       where the temporary folder goes (default $TMPDIR or /tmp)
#
# Inputs are deterministic: bench/gen.py writes them from fixed seeds, so every
# run grades byte-identical files. Before timing a set of files it is read once
# (so `cat` and `grade` both read from the page cache) and `sync` runs between
# measurements so write-back of one does not land in the next. Wall time is taken
# with bash's $EPOCHREALTIME around `/usr/bin/time -v`, which gives the peak RSS
# (of the largest process in the tree) and the CPU time. On a shared (virtual)
# machine wall times wander: the header reports how many CPUs' worth of parallel
# work the machine gave at the start and at the end (lib.sh cpu_probe), and the
# table gives each measurement's min–max beside its median.
# Files: bench/gen.py (inputs), bench/lib.sh (helpers shared with experiments.sh).
# Needs: bash ≥ 5, java + javac 17, python3, GNU time (/usr/bin/time; installed
# with apt-get when missing and running as root), find, xargs.
set -euo pipefail
export LC_ALL=C # decimal points in $EPOCHREALTIME, awk and sort; nngrade speaks English

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

quick=0 keep=0
for arg in "$@"; do
    case $arg in
        --quick) quick=1 ;;
        --keep) keep=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
    esac
done
if ((quick)); then
    SIZES=${SIZES:-1000 10000} TWO_LAYER_SIZES=${TWO_LAYER_SIZES:-1000} REPEAT=${REPEAT:-1}
    CHECK_RUNS=${CHECK_RUNS:-5} SOLVE_RUNS=${SOLVE_RUNS:-2}
fi
SIZES=${SIZES:-10000 100000}
TWO_LAYER_SIZES=${TWO_LAYER_SIZES:-10000}
REPEAT=${REPEAT:-3}
CHECK_RUNS=${CHECK_RUNS:-10}
SOLVE_RUNS=${SOLVE_RUNS:-5}
MLP=${MLP:-784 128 10 64 sigmoid}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=${NNGRADE_JAR:-target/nngrade.jar}

. "$here/lib.sh"

# --- tools ------------------------------------------------------------------
need_tools
JAR=$(need_jar "$JAR")
read -r -a jopts <<<"$JAVA_OPTS"
nngrade() { java "${jopts[@]}" -jar "$JAR" "$@"; }
# bin/nngrade, the launcher (class-data-sharing archive target/nngrade.jsa, C1 only, serial
# collector), is measured beside `java -jar` when it runs the jar being measured.
launcher=""
if [[ -x bin/nngrade && $JAR == "$root/target/nngrade.jar" && -z $JAVA_OPTS ]]; then
    launcher=$root/bin/nngrade
fi

runners=(jar)
[[ -n $launcher ]] && runners+=(launcher)

# --- scratch folder, removed on exit ------------------------------------------
T=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/nngrade-bench.XXXXXX")
cleanup() {
    if ((keep)); then log "kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$T/m"

# --- inputs -------------------------------------------------------------------
log "jar: $JAR${JAVA_OPTS:+ (JAVA_OPTS=$JAVA_OPTS)}; scratch: $T"
read -r mlp_in mlp_hidden mlp_out mlp_m mlp_act <<<"$MLP"
python3 "$here/gen.py" mlp "$T/mlp.json" 1 "$mlp_in" "$mlp_hidden" "$mlp_out" "$mlp_m" "$mlp_act"
mkdir -p "$T/hello"
printf 'public class Hello {\n    public static void main(String[] args) {\n        System.out.println("Hello, world");\n    }\n}\n' >"$T/hello/Hello.java"
javac -d "$T/hello" "$T/hello/Hello.java"

declare -A problem_of=([softmax]=problems/notes-softmax-step.json [twolayer]=problems/two-layer-tanh-softmax.json)
sets=()
for n in $SIZES; do sets+=("softmax:$n"); done
for n in $TWO_LAYER_SIZES; do sets+=("twolayer:$n"); done
for kind in softmax twolayer; do
    nngrade solve "${problem_of[$kind]}" --format json --ask-only >"$T/key-$kind.json"
done
for set in "${sets[@]}"; do
    kind=${set%%:*} n=${set#*:}
    log "writing $n submissions of ${problem_of[$kind]}"
    python3 "$here/gen.py" submissions "$T/key-$kind.json" "$T/$kind-$n" "$n" 1
done
sync

# "No report per student": --format with an empty list (",") if this nngrade accepts it.
mkdir -p "$T/probe"
cp "$T/softmax-${SIZES%% *}/p000/s000000.json" "$T/probe/"
none_format=, none_note="--format , (no per-student report)"
if ! nngrade grade problems/notes-softmax-step.json "$T/probe" --out "$T/probe-out" --format , --quiet 2>/dev/null \
        || [[ -n $(ls -A "$T/probe-out/reports" 2>/dev/null) ]]; then
    none_format=json none_note="--format json (this nngrade cannot leave out per-student reports)"
fi
rm -rf "$T/probe" "$T/probe-out"

# --- 1. grade against cat -----------------------------------------------------
probe_start=$(cpu_probe)
log "cpu probe: $probe_start CPUs' worth of parallel work (of $(nproc))"
for set in "${sets[@]}"; do
    kind=${set%%:*} n=${set#*:} dir=$T/$kind-$n
    find "$dir" -name '*.json' -print0 | xargs -0 cat >/dev/null # warm the page cache
    for ((r = 1; r <= REPEAT; r++)); do
        log "$kind $n: run $r/$REPEAT (cat, then grade and grade --format html with ${runners[*]})"
        measure "cat-$set" bash -c 'find "$1" -name "*.json" -print0 | xargs -0 cat > /dev/null' _ "$dir"
        for f in none html; do
            # A fresh folder per run, all deleted at the very end: deleting many files just
            # before creating many makes ext4 without a journal (as on the machine of
            # docs/benchmarks.md) skip every recently deleted inode, one by one.
            out=$T/out/$f-${set/:/-}-$r
            sync
            fmt=$none_format
            [[ $f == html ]] && fmt=html
            for runner in "${runners[@]}"; do
                if [[ $runner == jar ]]; then
                    measure "grade-$f-$set" java "${jopts[@]}" -jar "$JAR" grade "${problem_of[$kind]}" "$dir" \
                        --out "$out-jar" --format "$fmt" --quiet
                else
                    sync
                    measure "lgrade-$f-$set" "$launcher" grade "${problem_of[$kind]}" "$dir" \
                        --out "$out-launcher" --format "$fmt" --quiet
                fi
                rows=$(($(wc -l <"$out-$runner/gradebook.csv") - 1))
                ((rows == n)) || die "grade of $dir wrote $rows gradebook rows, not $n"
                if [[ $f == html ]]; then
                    reports=$(find "$out-$runner/reports" -name '*.html' | wc -l)
                    ((reports == n)) || die "grade of $dir wrote $reports HTML reports, not $n"
                fi
            done
            expect_exit "grade-$f-$set" 0
            [[ -n $launcher ]] && expect_exit "lgrade-$f-$set" 0
            if [[ $f == html ]]; then
                # the floor for writing the reports: the same files, copied by cp
                sync
                measure "cp-$set" cp -r "$out-jar/reports" "$out-cp"
            fi
        done
    done
done
sync

# --- 2. check cold against hello-world ----------------------------------------
one=$T/softmax-${SIZES%% *}/p000/s000003.json # a student with wrong cells: check exits 1
log "check cold: $CHECK_RUNS runs each of hello-world, nngrade --version, nngrade check"
for ((r = 1; r <= CHECK_RUNS; r++)); do
    measure hello java -cp "$T/hello" Hello
    measure version java "${jopts[@]}" -jar "$JAR" --version
    measure check java "${jopts[@]}" -jar "$JAR" check problems/notes-softmax-step.json "$one"
    if [[ -n $launcher ]]; then
        measure version-launcher "$launcher" --version
        measure check-launcher "$launcher" check problems/notes-softmax-step.json "$one"
    fi
done
expect_exit hello 0
expect_exit version 0
expect_exit check 0 1
if [[ -n $launcher ]]; then
    expect_exit version-launcher 0
    expect_exit check-launcher 0 1
fi

# --- 3. solve of a big network ------------------------------------------------
log "solve ${mlp_in}-${mlp_hidden}-${mlp_out}, $mlp_m samples: $SOLVE_RUNS runs each of text and json"
for ((r = 1; r <= SOLVE_RUNS; r++)); do
    measure solve-text java "${jopts[@]}" -jar "$JAR" solve "$T/mlp.json"
    measure solve-json java "${jopts[@]}" -jar "$JAR" solve "$T/mlp.json" --format json
    [[ -n $launcher ]] && measure solve-text-launcher "$launcher" solve "$T/mlp.json"
done
expect_exit solve-text 0
expect_exit solve-json 0
[[ -n $launcher ]] && expect_exit solve-text-launcher 0

# --- report -------------------------------------------------------------------
probe_end=$(cpu_probe)
mb() { fmt %.0f "$1 / 1024"; }
cpu() { fmt %.2f "$(med "$1" 3) + $(med "$1" 4)"; }
verdict() { # verdict VALUE OP LIMIT
    if awk "BEGIN { exit !($1 $2 $3) }"; then echo "met"; else echo "**missed**"; fi
}
label() {
    local kind=${1%%:*} n=${1#*:}
    printf '%s, %s files' "$(basename "${problem_of[$kind]}" .json)" "$(commas "$n")"
}
row() { # row DESCRIPTION NAME DECIMALS
    local d=$3
    echo "| $1 | $(fmt "%.${d}f" "$(med "$2" 1)") | $(fmt "%.${d}f" "$(lo "$2" 1)")–$(fmt "%.${d}f" "$(hi "$2" 1)") | $(mb "$(med "$2" 2)") | $(cpu "$2") |"
}
desc_of() { if [[ $1 == html ]]; then echo "HTML reports"; else echo "no reports"; fi; }

echo "## nngrade benchmark: $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- machine: $(machine_line)"
echo "- CPUs' worth of parallel work the machine gave (bench/lib.sh cpu_probe, $(nproc) = all cores free): $probe_start at the start, $probe_end at the end"
echo "- nngrade: $JAR ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout')$(git -C "$root" diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ', with uncommitted changes'))${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
echo "- command: \`bench/run.sh$( ((quick)) && echo ' --quick')\`; medians of $REPEAT runs (grade, cat), $CHECK_RUNS (check, hello-world), $SOLVE_RUNS (solve)"
echo "- \"no reports\" = $none_note; grade runs with the default --jobs (all cores) and --quiet"
echo
echo "| what | wall s (median) | wall s (min–max) | peak RSS MB | CPU s (user+sys) |"
echo "|---|---:|---:|---:|---:|"
for set in "${sets[@]}"; do
    row "$(label "$set"): cat (the floor)" "cat-$set" 2
    row "$(label "$set"): cp -r of the HTML reports grade wrote (the floor for writing them)" "cp-$set" 2
    row "$(label "$set"): grade, no reports" "grade-none-$set" 2
    row "$(label "$set"): grade, HTML reports" "grade-html-$set" 2
    if [[ -n $launcher ]]; then
        row "$(label "$set"): bin/nngrade grade, no reports" "lgrade-none-$set" 2
        row "$(label "$set"): bin/nngrade grade, HTML reports" "lgrade-html-$set" 2
    fi
done
row "hello-world (java -cp DIR Hello)" hello 3
row "nngrade --version" version 3
row "check, one submission, cold" check 3
if [[ -n $launcher ]]; then
    row "bin/nngrade --version (AppCDS archive: $([[ -f target/nngrade.jsa ]] && echo yes || echo no), C1)" version-launcher 3
    row "bin/nngrade check, one submission, cold" check-launcher 3
fi
row "solve ${mlp_in}-${mlp_hidden}-${mlp_out} ($mlp_act), $mlp_m samples (text, the default)" solve-text 3
row "solve ${mlp_in}-${mlp_hidden}-${mlp_out} ($mlp_act), $mlp_m samples, --format json" solve-json 3
[[ -n $launcher ]] && row "bin/nngrade solve ${mlp_in}-${mlp_hidden}-${mlp_out} ($mlp_act), $mlp_m samples (text)" solve-text-launcher 3
echo
echo "| ratio (of medians) | value | from the minimums | target | |"
echo "|---|---:|---:|---:|---|"
# grade (java -jar) and, when measured, lgrade (bin/nngrade)
prefixes=(grade)
[[ -n $launcher ]] && prefixes+=(lgrade)
who() { if [[ $1 == lgrade ]]; then echo "bin/nngrade grade"; else echo "grade"; fi; }
for set in "${sets[@]}"; do
    c=$(med "cat-$set" 1)
    for g in "${prefixes[@]}"; do
        for f in none html; do
            ratio=$(fmt %.1f "$(med "$g-$f-$set" 1) / $c")
            best=$(fmt %.1f "$(lo "$g-$f-$set" 1) / $(lo "cat-$set" 1)")
            limit=1.5
            [[ $f == html ]] && limit=3
            echo "| $(who "$g") / cat, $(label "$set"), $(desc_of $f) | ${ratio}× | ${best}× | ≤ ${limit}× | $(verdict "$ratio" "<=" "$limit") |"
        done
        ratio=$(fmt %.1f "$(med "$g-html-$set" 1) / ($c + $(med "cp-$set" 1))")
        echo "| $(who "$g") with HTML reports / (cat + cp -r of the reports), $(label "$set") | ${ratio}× | $(fmt %.1f "$(lo "$g-html-$set" 1) / ($(lo "cat-$set" 1) + $(lo "cp-$set" 1))")× | (information) | |"
    done
done
small=${SIZES%% *} big=${SIZES##* }
if [[ $small != "$big" ]]; then
    for g in "${prefixes[@]}"; do
        for f in none html; do
            a=$(med "$g-$f-softmax:$small" 2) b=$(med "$g-$f-softmax:$big" 2)
            growth=$(fmt %.2f "$b / $a")
            ok="**missed**"
            [[ $(verdict "$growth" "<=" 1.25) == met && $(verdict "$b" "<=" $((300 * 1024))) == met ]] && ok=met
            echo "| peak RSS of $(who "$g"), notes-softmax-step, $(commas "$small") → $(commas "$big") files, $(desc_of $f) | $(mb "$a") → $(mb "$b") MB (${growth}×) | $(mb "$(lo "$g-$f-softmax:$small" 2)") → $(mb "$(lo "$g-$f-softmax:$big" 2)") MB | ≈ 1× (≤ 1.25×), ≤ 300 MB | $ok |"
        done
    done
    for g in "${prefixes[@]}"; do
        for f in none html; do
            a=$(med "$g-$f-softmax:$small" 1) b=$(med "$g-$f-softmax:$big" 1)
            per=$(fmt %.0f "($b - $a) / ($big - $small) * 1e6")
            fixed=$(fmt %.2f "$a - ($b - $a) / ($big - $small) * $small")
            a=$(lo "$g-$f-softmax:$small" 1) b=$(lo "$g-$f-softmax:$big" 1)
            per_best=$(fmt %.0f "($b - $a) / ($big - $small) * 1e6")
            fixed_best=$(fmt %.2f "$a - ($b - $a) / ($big - $small) * $small")
            echo "| $(who "$g"), $(desc_of $f): time per extra file; fixed part (line through $(commas "$small") and $(commas "$big")) | $per µs; $fixed s | $per_best µs; $fixed_best s | (information) | |"
        done
    done
    a=$(med "cat-softmax:$small" 1) b=$(med "cat-softmax:$big" 1)
    echo "| cat: time per extra file | $(fmt %.0f "($b - $a) / ($big - $small) * 1e6") µs | $(fmt %.0f "($(lo "cat-softmax:$big" 1) - $(lo "cat-softmax:$small" 1)) / ($big - $small) * 1e6") µs | (information) | |"
fi
ratio=$(fmt %.1f "$(med check 1) / $(med hello 1)")
echo "| check cold / hello-world | ${ratio}× | $(fmt %.1f "$(lo check 1) / $(lo hello 1)")× | ≤ 3× | $(verdict "$ratio" "<=" 3) |"
if [[ -n $launcher ]]; then
    ratio=$(fmt %.1f "$(med check-launcher 1) / $(med hello 1)")
    echo "| bin/nngrade check cold / hello-world | ${ratio}× | $(fmt %.1f "$(lo check-launcher 1) / $(lo hello 1)")× | ≤ 3× | $(verdict "$ratio" "<=" 3) |"
fi
t=$(med solve-text 1)
echo "| solve ${mlp_in}-${mlp_hidden}-${mlp_out}, $mlp_m samples (text, the default) | $(fmt %.2f "$t") s | $(fmt %.2f "$(lo solve-text 1)") s | < 1 s | $(verdict "$t" "<" 1) |"
t=$(med solve-json 1)
echo "| solve ${mlp_in}-${mlp_hidden}-${mlp_out}, $mlp_m samples, --format json | $(fmt %.2f "$t") s | $(fmt %.2f "$(lo solve-json 1)") s | < 1 s | $(verdict "$t" "<" 1) |"
if [[ -n $launcher ]]; then
    t=$(med solve-text-launcher 1)
    echo "| bin/nngrade solve ${mlp_in}-${mlp_hidden}-${mlp_out}, $mlp_m samples (text) | $(fmt %.2f "$t") s | $(fmt %.2f "$(lo solve-text-launcher 1)") s | < 1 s | $(verdict "$t" "<" 1) |"
fi
