#!/bin/sh
# Load experiment (not a unit test): the built-in suite at --parallel 32,
# RUNS times, with BURNERS CPU-burning processes started by this script for
# its own duration (on top of whatever else the machine runs). Prints how
# many runs passed. Usage: bench/load/underload.sh [bin/bridge] [RUNS] [BURNERS]
BRIDGE=${1:-bin/bridge}; RUNS=${2:-30}; BURNERS=${3:-6}
pids=""
for i in $(seq "$BURNERS"); do sh -c 'while :; do :; done' & pids="$pids $!"; done
trap 'kill $pids 2>/dev/null' EXIT INT TERM
pass=0; fail=0
for i in $(seq "$RUNS"); do
  if out=$("$BRIDGE" test --parallel 32 2>&1); then pass=$((pass+1)); else fail=$((fail+1)); echo "run $i failed:"; echo "$out" | grep -E 'FAIL|timeout' | head -5; fi
done
echo "underload: $pass of $RUNS runs passed at --parallel 32 with $BURNERS CPU burners; load average $(cut -d' ' -f1-3 /proc/loadavg)"
