#!/usr/bin/env bash
# A fuzzing campaign: each target given on the command line runs until 10 million executions or
# an hour (whichever comes first), one after the other, without a sanitizer (the workspace forbids
# unsafe code, so AddressSanitizer has nothing of ours to watch; overflow checks and debug
# assertions stay on, cargo-fuzz's default), at the lowest priority so that other work keeps the
# machine. What a run finds goes to $NEW/<target>/ (the committed corpus is only read); merge it
# afterwards with -merge=1 (README.md). Logs with libFuzzer's final statistics: $LOGS/<target>.log.
#
#   fuzz/campaign.sh ledger policy run        # one lane; start a second lane for two cores
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${RUNS:-10000000}
SECONDS_EACH=${SECONDS_EACH:-3600}
NEW=${NEW:-/tmp/arrears-fuzz-new}
LOGS=${LOGS:-/tmp/arrears-fuzz-logs}
TARGET_DIR=${TARGET_DIR:-/tmp/arrears-fuzz-target}
mkdir -p "$LOGS"
for t in "$@"; do
    mkdir -p "$NEW/$t"
    echo "$(date -Is) $t start" >>"$LOGS/campaign.log"
    RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run -s none --features libfuzzer \
        --target-dir "$TARGET_DIR" "$t" "$NEW/$t" "corpus/$t" -- \
        -runs="$RUNS" -max_total_time="$SECONDS_EACH" -rss_limit_mb=4096 -timeout=30 \
        -print_final_stats=1 >"$LOGS/$t.log" 2>&1 || echo "$(date -Is) $t FAILED ($?)" >>"$LOGS/campaign.log"
    echo "$(date -Is) $t end" >>"$LOGS/campaign.log"
done
