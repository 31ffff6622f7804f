# Shared by the daemon's process benchmarks (bench-lateness.sh, bench-footprint.sh): runs one
# benchmark class of runner-daemon's e2e package through failsafe, keeps Maven's whole output in
# runner-daemon/target/<name>.log, prints the figure lines from it, and shows the log's end (exit
# 1) when the final figure line is missing.
#
#   run_daemon_benchmark CLASS NAME FIGURES_REGEX FINAL_PREFIX [maven args…]

run_daemon_benchmark() {
  local class=$1 name=$2 figures=$3 final=$4
  shift 4
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local log=runner-daemon/target/$name.log
  mkdir -p runner-daemon/target
  local status=0
  ./mvnw -q -B -pl runner-daemon -am verify \
    -Dspotless.check.skip=true -Denforcer.skip=true \
    -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$class" -Dfailsafe.failIfNoSpecifiedTests=false \
    -DtrimStackTrace=false "$@" > "$log" 2>&1 || status=$?
  grep -E "$figures" "$log" || true
  if [[ $status -ne 0 ]] || ! grep -q "^$final" "$log"; then
    echo "no figures (mvn exit $status); the end of $log:" >&2
    tail -40 "$log" >&2
    return 1
  fi
}
