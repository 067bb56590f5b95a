#!/usr/bin/env bash
# Builds gameday's libFuzzer targets and runs them.
#
#   Tests/Fuzz/run.sh                      # every target, 1,000,000 executions each
#   Tests/Fuzz/run.sh -runs=20000          # every target, a short fixed run (what CI does)
#   Tests/Fuzz/run.sh FuzzScenario -max_total_time=600
#
# Targets: FuzzScenario (scenario files), FuzzTheme (theme files), FuzzRecording
# (the recording reader), FuzzCommandLine (commands, injects, console words, times
# and completion), FuzzProtocol (the network messages of a facilitated game). Arguments after the optional target name go to libFuzzer.
# Each target starts from a corpus seeded with the shipped files (themes/*.yaml,
# demo/*.jsonl) and what only the code holds (the built-in scenario texts, short
# recordings, the commands a bot gave), kept in .build-fuzz/corpus/TARGET between
# runs. A crash leaves its input in .build-fuzz/crashes/TARGET and fails the script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="$root/.build-fuzz"
targets=(FuzzScenario FuzzTheme FuzzRecording FuzzCommandLine FuzzProtocol)

if (($#)) && [[ " ${targets[*]} " == *" $1 "* ]]; then
    targets=("$1")
    shift
fi
options=("$@")
((${#options[@]})) || options=(-runs=1000000)

# SwiftPM gives every executable a main of its own, so each target calls
# LLVMFuzzerRunDriver from it. gold fails on these links: lld is used.
echo "building ${targets[*]} (release, -sanitize=fuzzer,address)"
(cd "$here" && swift build -c release --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v '^\[' | grep -v "Cannot export local symbol '__asan_extra_spill_area'" || true)

status=0
for target in "${targets[@]}"; do
    binary="$scratch/release/$target"
    [[ -x "$binary" ]] || { echo "$target was not built" >&2; exit 2; }
    corpus="$scratch/corpus/$target"
    crashes="$scratch/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    GAMEDAY_FUZZ_SEEDS="$corpus" "$binary" >/dev/null
    case "$target" in
        FuzzTheme) cp "$root"/themes/*.yaml "$corpus/" ;;
        FuzzRecording) cp "$root"/demo/*.jsonl "$corpus/" ;;
    esac
    echo "== $target: ${options[*]}"
    log="$scratch/$target.log"
    if ASAN_OPTIONS=detect_leaks=0 "$binary" "${options[@]}" -artifact_prefix="$crashes/" -print_final_stats=1 \
        "$corpus" >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done' "$log" || true
    else
        status=1
        echo "$target FAILED; the input is in $crashes, the log in $log" >&2
        tail -40 "$log" >&2
    fi
done
exit $status
