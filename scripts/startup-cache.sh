# Sourced by ./noroshi and bench/read-path after scripts/jdk.sh: what a hub start can have ready from
# the build instead of redoing every time.
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

# noroshi_startup_cache ROOT [record|background] -> sets the array NOROSHI_STARTUP_OPTS (JVM options; may be empty).
# With "record", a missing or stale cache is recorded first (prints one line to stderr). With "background", it is
# recorded by a detached low-priority process while this run goes on without it (one recording at a time).
noroshi_startup_cache() {
  local root=$1 mode=${2:-} jar="$1/target/noroshi.jar" cache="$1/target/noroshi.aot" major stamp
  NOROSHI_STARTUP_OPTS=()
  noroshi_sqlite_native "$root" "$mode"
  major=$(noroshi_java_major "$JAVA_HOME")
  if [ "${major:-0}" -lt 25 ] 2>/dev/null; then
    NOROSHI_STARTUP_OPTS+=("-XX:SharedArchiveFile=$root/target/noroshi.jsa" -XX:+AutoCreateSharedArchive)
    return 0
  fi
  stamp="$JAVA_HOME $(cksum <"$JAVA_HOME/release" 2>/dev/null) ${NOROSHI_JAVA_OPTS:-$NOROSHI_DEFAULT_JAVA_OPTS} ${NOROSHI_STARTUP_OPTS[*]+${NOROSHI_STARTUP_OPTS[*]}}"
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ] || [ "$(cat "$cache.stamp" 2>/dev/null)" != "$stamp" ]; then
    case "$mode" in
      record)
        noroshi_record_startup_cache "$jar" "$cache" || return 0
        printf '%s\n' "$stamp" >"$cache.stamp" ;;
      background) noroshi_record_in_background "$jar" "$cache" "$stamp" ;;
    esac
    [ "$mode" = record ] || return 0
  fi
  NOROSHI_STARTUP_OPTS+=("-XX:AOTCache=$cache")
}

noroshi_record_startup_cache() { # jar cache [quiet]
  local jar=$1 cache=$2 partial="$2.${BASHPID:-$$}.partial" log="$2.log" left pid
  # A recording killed midway (the machine stopped, a kill -9) leaves its partial file: removed here when
  # the process that wrote it is gone (a recording still running keeps its own).
  for left in "$cache".*.partial; do
    [ -e "$left" ] || continue
    pid=${left%.partial}; pid=${pid##*.}
    kill -0 "$pid" 2>/dev/null || rm -f "$left"
  done
  [ -n "${3:-}" ] || echo "noroshi: recording the JVM startup cache (once per build, 10-30 seconds)..." >&2
  # shellcheck disable=SC2086 # the options are a word list
  if "$JAVA_HOME/bin/java" ${NOROSHI_JAVA_OPTS:-$NOROSHI_DEFAULT_JAVA_OPTS} ${NOROSHI_STARTUP_OPTS[@]+"${NOROSHI_STARTUP_OPTS[@]}"} \
      "-XX:AOTCacheOutput=$partial" -jar "$jar" serve --startup-training >"$log" 2>&1 && [ -s "$partial" ]; then
    # Rename, so a concurrent start sees the old cache or the new one, never half of one.
    mv -f "$partial" "$cache"
    return 0
  fi
  rm -f "$partial"
  [ -n "${3:-}" ] || echo "noroshi: could not record the startup cache (see $log); starting without it" >&2
  return 1
}

# Records the cache in a detached process (it outlives this launcher's exec) at the lowest CPU priority;
# a lock keeps concurrent starts from recording twice. Its output goes to the cache's log.
noroshi_record_in_background() { # jar cache stamp
  local jar=$1 cache=$2 stamp=$3
  command -v flock >/dev/null || return 0
  (
    exec 9>"$cache.lock"
    flock -n 9 || exit 0
    echo "noroshi: starting now; the JVM startup cache is recorded in the background (10-30 s, once per build) for faster later starts" >&2
    (
      exec </dev/null >/dev/null 2>&1
      renice -n 19 -p "${BASHPID:-$$}" || true
      if noroshi_record_startup_cache "$jar" "$cache" quiet; then printf '%s\n' "$stamp" >"$cache.stamp"; fi
    ) &
  ) || true
}

# sqlite-jdbc copies its native library out of its jar into the temporary directory and compares the
# copy byte by byte on every start: ~0.15 s of CPU in cold code. A copy taken once per build, under
# target/, is loaded directly (org.sqlite.lib.path); should it not load, sqlite-jdbc falls back to its
# own copy. Only Linux on x86_64 and aarch64, the platforms this is tried on.
noroshi_sqlite_native() { # root mode -> appends to NOROSHI_STARTUP_OPTS
  local root=$1 mode=$2 folder sqlite_jar dir lib
  case "$(uname -s)/$(uname -m)" in
    Linux/x86_64 | Linux/aarch64) folder="Linux/$(uname -m)" ;;
    *) return 0 ;;
  esac
  if compgen -G '/lib/ld-musl-*' >/dev/null; then folder="Linux-Musl/$(uname -m)"; fi
  sqlite_jar=$(compgen -G "$root/target/lib/sqlite-jdbc-*.jar" | head -n 1) || return 0
  [ -n "$sqlite_jar" ] || return 0
  dir="$root/target/sqlite-native"
  lib="$dir/org/sqlite/native/$folder/libsqlitejdbc.so"
  if [ ! -f "$lib" ] || [ "$sqlite_jar" -nt "$lib" ]; then
    [ "$mode" = record ] || return 0
    rm -rf "$dir.$$" && mkdir -p "$dir.$$"
    if (cd "$dir.$$" && "$JAVA_HOME/bin/jar" xf "$sqlite_jar" "org/sqlite/native/$folder/libsqlitejdbc.so") 2>/dev/null \
        && [ -s "$dir.$$/org/sqlite/native/$folder/libsqlitejdbc.so" ]; then
      rm -rf "$dir" && mv "$dir.$$" "$dir" && touch "$lib"  # jar keeps the entry's 1980 date
    else
      rm -rf "$dir.$$"
      return 0
    fi
  fi
  NOROSHI_STARTUP_OPTS+=("-Dorg.sqlite.lib.path=${lib%/*}" -Dorg.sqlite.lib.name=libsqlitejdbc.so)
}
