#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/Targets and runs each for a bounded time.
#
#   Fuzz/run.sh [SECONDS]     # default: 60 seconds per target
#
# Each target is compiled with `swiftc -sanitize=fuzzer,address` from its harness and the library
# files it needs (listed below; not the whole TimelineCore, which needs SQLite) into .build-fuzz/.
# The seed corpus in Fuzz/Corpus/<corpus> is copied to .build-fuzz/corpus/<target>, which the run
# grows (and later runs reuse), so nothing is written into the repository. A crash, a property
# violation, a timeout (> 5 s on one input) or memory past 2 GB is written to
# .build-fuzz/crashes/<target>/, and the script exits 1 naming the reproducer once all targets ran.
# Replay one with `.build-fuzz/<target> FILE`.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: Fuzz/run.sh [SECONDS]   (seconds per target, default 60)" >&2
    exit 64
fi

out=.build-fuzz
core=Sources/TimelineCore
dates=("$core"/Dates/*.swift)

# target name, corpus folder, -max_len, then the files it is built from.
date_sources=(Fuzz/Targets/DateParserFuzz.swift "${dates[@]}")
delimited_sources=(Fuzz/Targets/DelimitedReaderFuzz.swift
    "$core"/Import/DelimitedReader.swift "$core"/Import/InputFile.swift "$core"/Formats/DescriptorWriting.swift "$core"/Import/UTF8Check.swift "$core"/Import/CodePageGuess.swift
    "$core"/Formats/DelimitedText.swift "$core"/Formats/TerminalText.swift Sources/SQLiteStorage/ByteScan.swift "$core"/TimelineError.swift)
json_sources=(Fuzz/Targets/JSONEventFuzz.swift
    "$core"/Formats/JSONParser.swift "$core"/Formats/JSONValue.swift "$core"/Formats/JSONText.swift
    Sources/SQLiteStorage/ByteScan.swift
    "$core"/Formats/EventJSON.swift "$core"/Import/EventJSONDecoder.swift "$core"/Import/JSONArrayReader.swift "$core"/Import/JSONByteScanner.swift
    "$core"/Import/InputFile.swift "$core"/Formats/DescriptorWriting.swift "$core"/Import/UTF8Check.swift "$core"/Import/CodePageGuess.swift "$core"/Model/*.swift "${dates[@]}" "$core"/Query/ExactDecimal.swift
    "$core"/Store/NameSuggestions.swift "$core"/Import/String+TrimmingSpaces.swift "$core"/Formats/UnitPlural.swift "$core"/TimelineError.swift)

swiftc_flags=(-sanitize=fuzzer,address -parse-as-library -O)
# LLD links the sanitizer runtimes without gold's warnings; use it when the toolchain has it.
if command -v ld.lld >/dev/null 2>&1 || [ -x "$(dirname "$(command -v swiftc)")/ld.lld" ]; then
    swiftc_flags+=(-use-ld=lld)
fi

mkdir -p "$out"
build() {  # NAME SOURCES...
    local name="$1"; shift
    echo "== building $name"
    swiftc "${swiftc_flags[@]}" -module-name "$name" "$@" -o "$out/$name"
}
build DateParserFuzz "${date_sources[@]}" || exit 1
build DelimitedReaderFuzz "${delimited_sources[@]}" || exit 1
build JSONEventFuzz "${json_sources[@]}" || exit 1

# Swift's own crash backtracer adds nothing to libFuzzer's report (and trips ASan).
export SWIFT_BACKTRACE=enable=no

found=()
run() {  # NAME CORPUS MAX_LEN
    local name="$1" corpus="$2" max_len="$3"
    local work="$out/corpus/$name" crashes="$out/crashes/$name"
    mkdir -p "$work" "$crashes"
    cp -p Fuzz/Corpus/"$corpus"/* "$work"/
    local before
    before=$(ls -A "$crashes" | wc -l)
    echo "== fuzzing $name for ${seconds}s (max_len $max_len)"
    "$out/$name" "$work" -max_total_time="$seconds" -max_len="$max_len" -timeout=5 -rss_limit_mb=2048 \
        -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 \
        | awk '/^###### Recommended dictionary/ { skip = 1 } !skip && !/^#[0-9]+[ \t]+(NEW|REDUCE|pulse)/ { print; fflush() }
               /^###### End of recommended dictionary/ { skip = 0 }'
    local status=${PIPESTATUS[0]}
    if [ "$status" -ne 0 ] || [ "$(ls -A "$crashes" | wc -l)" -gt "$before" ]; then
        local latest
        latest=$(ls -t "$crashes"/* 2>/dev/null | head -n 1)
        echo "!! $name found a problem (exit $status); reproducer: ${latest:-none written}"
        echo "   replay: $out/$name ${latest:-FILE}"
        found+=("$name: ${latest:-exit $status}")
    fi
}
run DateParserFuzz dates 128
run DelimitedReaderFuzz delimited 8192
run JSONEventFuzz json 16384

if [ ${#found[@]} -gt 0 ]; then
    echo "Fuzzing found ${#found[@]} problem(s):"
    printf '  %s\n' "${found[@]}"
    exit 1
fi
echo "Fuzzing found nothing in ${seconds}s per target."
