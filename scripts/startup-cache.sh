# Sourced by ./noroshi and bench/read-path after scripts/jdk.sh: the JVM's startup cache of the hub.
#
# Half of a cold start used to be the JVM loading, verifying and linking ~8,000 classes and running
# them cold. JDK 25's AOT cache (JEP 483/514/515) keeps those classes loaded and linked, plus method
# profiles, in one file recorded from a training run: `serve --startup-training` starts the demo on a
# throwaway directory and a free loopback port, reads its public files and stops (a few seconds, once
# per build). On JDK 21-24 a dynamic AppCDS archive does a smaller part of that: the JVM writes it at
# the first exit and checks it on every start by itself.
#
# The cache is passed only when it matches: recorded after the jar, by the same JDK, with the same JVM
# options. Anything else, or a failed training run, starts the hub without it: slower, never broken.

# noroshi_startup_cache ROOT [record] -> sets NOROSHI_STARTUP_CACHE_OPTS (empty when there is no usable cache).
# With "record", a missing or stale cache is recorded first (prints one line to stderr).
noroshi_startup_cache() {
  local root=$1 mode=${2:-} jar="$1/target/noroshi.jar" cache="$1/target/noroshi.aot" major stamp
  NOROSHI_STARTUP_CACHE_OPTS=""
  major=$(noroshi_java_major "$JAVA_HOME")
  if [ "${major:-0}" -lt 25 ] 2>/dev/null; then
    NOROSHI_STARTUP_CACHE_OPTS="-XX:SharedArchiveFile=$root/target/noroshi.jsa -XX:+AutoCreateSharedArchive"
    return 0
  fi
  stamp="$JAVA_HOME $(cksum <"$JAVA_HOME/release" 2>/dev/null) ${NOROSHI_JAVA_OPTS:-$NOROSHI_DEFAULT_JAVA_OPTS}"
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ] || [ "$(cat "$cache.stamp" 2>/dev/null)" != "$stamp" ]; then
    [ "$mode" = record ] || return 0
    noroshi_record_startup_cache "$jar" "$cache" || return 0
    printf '%s\n' "$stamp" >"$cache.stamp"
  fi
  NOROSHI_STARTUP_CACHE_OPTS="-XX:AOTCache=$cache"
}

noroshi_record_startup_cache() { # jar cache
  local jar=$1 cache=$2 partial="$2.$$.partial" log="$2.log"
  echo "noroshi: recording the JVM startup cache (once per build, a few seconds)..." >&2
  # shellcheck disable=SC2086 # the options are a word list
  if "$JAVA_HOME/bin/java" ${NOROSHI_JAVA_OPTS:-$NOROSHI_DEFAULT_JAVA_OPTS} -XX:AOTCacheOutput="$partial" \
      -jar "$jar" serve --startup-training >"$log" 2>&1 && [ -s "$partial" ]; then
    # Rename, so a concurrent start sees the old cache or the new one, never half of one.
    mv -f "$partial" "$cache"
    return 0
  fi
  rm -f "$partial"
  echo "noroshi: could not record the startup cache (see $log); starting without it" >&2
  return 1
}
