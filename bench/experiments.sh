#!/usr/bin/env bash
# bench/experiments.sh: the "why" behind bench/run.sh's misses, measured without changing
# nngrade's code: JVM flags, a class-data-sharing archive, picocli recompiled for Java 17,
# heap and GC settings. Prints Markdown tables; docs/benchmarks.md quotes them.
#
#   bench/experiments.sh            all experiments (~5 minutes)
#   bench/experiments.sh startup    check cold start only
#   bench/experiments.sh memory     grade's peak RSS and time under heap/GC settings only
#   bench/experiments.sh --keep     keep the scratch folder
#
# Environment: NNGRADE_JAR (default target/nngrade.jar, built if missing), RUNS (cold
# starts per configuration, default 15), MEM_SIZES (default "10000 100000"), MEM_RUNS
# (default 2), BENCH_TMP. Configurations are interleaved run by run, so a slow spell of a
# shared machine hits them all alike; the tables give the median and the minimum.
#
# The picocli experiment compiles picocli's CommandLine.java (the sources jar from ~/.m2;
# fetched once with `mvn dependency:get` when missing, skipped when that fails) with
# --release 17 and swaps the classes into a copy of the jar: picocli's own jar is
# compiled for Java 5 (class file version 49), which class-data sharing refuses.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
. "$here/lib.sh"

what=all keep=0
for arg in "$@"; do
    case $arg in
        startup|memory) what=$arg ;;
        --keep) keep=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $arg (try --help)" ;;
    esac
done
RUNS=${RUNS:-15}
MEM_SIZES=${MEM_SIZES:-10000 100000}
MEM_RUNS=${MEM_RUNS:-2}

need_tools jar
JAR=$(need_jar "${NNGRADE_JAR:-target/nngrade.jar}")
T=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/nngrade-exp.XXXXXX")
trap 'if ((keep)); then log "kept $T"; else rm -rf "$T"; fi' EXIT
trap 'exit 130' INT TERM
mkdir -p "$T/m" "$T/hello"
P=problems/notes-softmax-step.json

echo "## nngrade experiments: $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- machine: $(machine_line)"
echo "- CPUs' worth of parallel work at the start (of $(nproc)): $(cpu_probe)"
echo "- nngrade: $JAR ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"

java -jar "$JAR" solve "$P" --format json --ask-only >"$T/key.json"

# --- check cold start ---------------------------------------------------------
startup() {
    printf 'public class Hello {\n    public static void main(String[] args) {\n        System.out.println("Hello, world");\n    }\n}\n' >"$T/hello/Hello.java"
    javac -d "$T/hello" "$T/hello/Hello.java"
    python3 "$here/gen.py" submissions "$T/key.json" "$T/one" 4 1
    local sub=$T/one/p000/s000003.json

    # Where the classes come from.
    classes() { # classes LABEL JAVA-ARGS...
        local label=$1
        shift
        java -Xlog:class+load:file="$T/cl.txt" "$@" >/dev/null 2>&1 || true
        echo "| $label | $(wc -l <"$T/cl.txt") | $(grep -c 'shared objects file' "$T/cl.txt" || true) | $(grep -c '] picocli\.' "$T/cl.txt" || true) | $(grep -c '] com\.fasterxml\.jackson\.' "$T/cl.txt" || true) | $(grep -c '] nngrade\.' "$T/cl.txt" || true) | $(grep -c '] java\.lang\.invoke\.\|\$\$Lambda' "$T/cl.txt" || true) |"
    }

    # AppCDS: a dynamic archive written at the exit of one training run of check.
    java -XX:ArchiveClassesAtExit="$T/app.jsa" -jar "$JAR" check "$P" "$sub" >"$T/dump.log" 2>&1 || true
    local picocli_classes_refused
    picocli_classes_refused=$(grep -c 'Pre JDK 6 class not supported by CDS: 49.0 picocli' "$T/dump.log" || true)

    # picocli recompiled for Java 17, swapped into a copy of the jar.
    local pv src jar17=""
    pv=$(awk '/<artifactId>picocli<\/artifactId>/ { getline; if (match($0, /<version>[^<]*</)) print substr($0, RSTART + 9, RLENGTH - 10) }' pom.xml || true)
    src=$HOME/.m2/repository/info/picocli/picocli/$pv/picocli-$pv-sources.jar
    if [[ -n $pv && ! -f $src ]]; then
        log "fetching picocli $pv sources (mvn dependency:get)"
        mvn -q dependency:get -Dartifact="info.picocli:picocli:$pv:jar:sources" -Dtransitive=false >&2 2>/dev/null || true
    fi
    if [[ -f $src ]]; then
        mkdir -p "$T/pico/src" "$T/pico/classes" "$T/pico/jar"
        (cd "$T/pico/src" && unzip -q "$src")
        javac --release 17 -nowarn -d "$T/pico/classes" $(find "$T/pico/src" -name '*.java') 2>/dev/null
        (cd "$T/pico/jar" && unzip -q "$JAR" && rm -rf picocli && cp -r "$T/pico/classes/picocli" . \
            && jar cfm "$T/nngrade-picocli17.jar" META-INF/MANIFEST.MF .)
        jar17=$T/nngrade-picocli17.jar
        java -XX:ArchiveClassesAtExit="$T/app17.jsa" -jar "$jar17" check "$P" "$sub" >/dev/null 2>&1 || true
    else
        log "no picocli sources: the picocli-for-Java-17 rows are left out"
    fi

    echo
    echo "### Classes loaded"
    echo
    echo "| run | classes | from the CDS archive | picocli | Jackson | nngrade | java.lang.invoke + lambdas |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    classes "hello-world" -cp "$T/hello" Hello
    classes "nngrade --version" -jar "$JAR" --version
    classes "nngrade check" -jar "$JAR" check "$P" "$sub"
    classes "nngrade check, AppCDS archive" -XX:SharedArchiveFile="$T/app.jsa" -jar "$JAR" check "$P" "$sub"
    [[ -n $jar17 ]] && classes "nngrade check, picocli for Java 17 + AppCDS" -XX:SharedArchiveFile="$T/app17.jsa" -jar "$jar17" check "$P" "$sub"
    echo
    echo "Classes of picocli the archive refused (\"Pre JDK 6 class not supported by CDS: 49.0\"): $picocli_classes_refused."

    local -a labels=() cmds=()
    add() { labels+=("$1"); cmds+=("$2"); }
    add "hello-world" "java -cp $T/hello Hello"
    add "hello-world, -Xshare:off" "java -Xshare:off -cp $T/hello Hello"
    add "nngrade --version" "java -jar $JAR --version"
    add "grade of 1 file, no reports" "java -jar $JAR grade $P $sub --out $T/grade1 --format , --quiet"
    add "check (as shipped)" "java -jar $JAR check $P $sub"
    add "check, -Xshare:off (no CDS at all)" "java -Xshare:off -jar $JAR check $P $sub"
    add "check, -XX:TieredStopAtLevel=1" "java -XX:TieredStopAtLevel=1 -jar $JAR check $P $sub"
    add "check, -XX:+UseSerialGC" "java -XX:+UseSerialGC -jar $JAR check $P $sub"
    add "check, AppCDS (-XX:SharedArchiveFile)" "java -XX:SharedArchiveFile=$T/app.jsa -jar $JAR check $P $sub"
    add "check, AppCDS + TieredStopAtLevel=1" "java -XX:SharedArchiveFile=$T/app.jsa -XX:TieredStopAtLevel=1 -jar $JAR check $P $sub"
    if [[ -n $jar17 ]]; then
        add "check, picocli for Java 17" "java -jar $jar17 check $P $sub"
        add "check, picocli for Java 17 + AppCDS" "java -XX:SharedArchiveFile=$T/app17.jsa -jar $jar17 check $P $sub"
        add "check, picocli for Java 17 + AppCDS + TieredStopAtLevel=1" "java -XX:SharedArchiveFile=$T/app17.jsa -XX:TieredStopAtLevel=1 -jar $jar17 check $P $sub"
        add "check, picocli for Java 17 + AppCDS + TieredStopAtLevel=1 + SerialGC" "java -XX:SharedArchiveFile=$T/app17.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar17 check $P $sub"
    fi
    log "startup: $RUNS interleaved runs of ${#cmds[@]} configurations"
    local r i
    for ((r = 1; r <= RUNS; r++)); do
        for i in "${!cmds[@]}"; do
            # shellcheck disable=SC2086 # the commands are word lists on purpose
            measure "start-$i" ${cmds[$i]}
        done
    done
    expect_exit start-0 0
    local hello_med
    hello_med=$(med start-0 1)
    echo
    echo "### Cold start, $RUNS runs each (interleaved)"
    echo
    echo "| run | median ms | min ms | × hello-world (median) | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|"
    for i in "${!cmds[@]}"; do
        echo "| ${labels[$i]} | $(fmt %.0f "$(med "start-$i" 1) * 1000") | $(fmt %.0f "$(lo "start-$i" 1) * 1000") | $(fmt %.1f "$(med "start-$i" 1) / $hello_med") | $(fmt %.0f "$(med "start-$i" 2) / 1024") |"
    done
}

# --- grade: peak RSS and time under heap / GC settings -------------------------
memory() {
    local n
    for n in $MEM_SIZES; do
        log "writing $n submissions"
        python3 "$here/gen.py" submissions "$T/key.json" "$T/s$n" "$n" 1
    done
    sync
    local -a labels=("as shipped (G1, heap up to 1/4 of RAM)" "-Xmx256m" "-Xms32m -Xmx256m" "-XX:+UseSerialGC" "-XX:+UseSerialGC -Xmx128m" "-XX:+UseParallelGC -Xmx256m" "--jobs 1")
    local -a flags=("" "-Xmx256m" "-Xms32m -Xmx256m" "-XX:+UseSerialGC" "-XX:+UseSerialGC -Xmx128m" "-XX:+UseParallelGC -Xmx256m" "")
    local -a extra=("" "" "" "" "" "" "--jobs 1")
    local r i
    for n in $MEM_SIZES; do
        find "$T/s$n" -name '*.json' -print0 | xargs -0 cat >/dev/null
        for ((r = 1; r <= MEM_RUNS; r++)); do
            log "memory: $n files, run $r/$MEM_RUNS of ${#labels[@]} configurations"
            for i in "${!labels[@]}"; do
                rm -rf "$T/out"
                # shellcheck disable=SC2086
                measure "mem-$n-$i" java ${flags[$i]} -jar "$JAR" grade "$P" "$T/s$n" --out "$T/out" --format , --quiet ${extra[$i]}
                expect_exit "mem-$n-$i" 0
            done
        done
        # What the heap holds: G1's log, heap before → after each collection.
        rm -rf "$T/out"
        java -Xlog:gc:file="$T/gc-$n.txt" -jar "$JAR" grade "$P" "$T/s$n" --out "$T/out" --format , --quiet
        rm -rf "$T/out"
    done
    echo
    echo "### grade, no reports: heap and GC settings ($MEM_RUNS runs each, interleaved; medians)"
    echo
    printf '| setting |'
    for n in $MEM_SIZES; do printf ' %s files: wall s | peak RSS MB |' "$(commas "$n")"; done
    echo
    printf '|---|'
    for n in $MEM_SIZES; do printf -- '---:|---:|'; done
    echo
    for i in "${!labels[@]}"; do
        printf '| %s |' "${labels[$i]}"
        for n in $MEM_SIZES; do
            printf ' %s | %s |' "$(fmt %.2f "$(med "mem-$n-$i" 1)")" "$(fmt %.0f "$(med "mem-$n-$i" 2) / 1024")"
        done
        echo
    done
    echo
    echo "G1 as shipped (-Xlog:gc): collections, the last one, and the largest heap after a collection:"
    echo
    for n in $MEM_SIZES; do
        echo "- $(commas "$n") files: $(grep -c 'Pause' "$T/gc-$n.txt") collections; last: \`$(grep 'Pause' "$T/gc-$n.txt" | tail -n 1 | sed 's/^\[[^]]*\]\[[^]]*\]\[[^]]*\] //')\`; largest after: $(grep -o -- '->[0-9]*M' "$T/gc-$n.txt" | tr -d '>M-' | sort -n | tail -n 1) MB"
    done
    echo "- heap limits on this machine: $(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ InitialHeapSize | MaxHeapSize / { printf "%s = %d MB; ", $2, $4 / 1048576 }')"
}

case $what in
    startup) startup ;;
    memory) memory ;;
    all) startup; memory ;;
esac
echo
echo "- CPUs' worth of parallel work at the end: $(cpu_probe)"
