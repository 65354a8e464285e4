# Sourced by ./noroshi and ./run-tests: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: an existing JAVA_HOME that is new enough, then the newest JDK under /usr/lib/jvm.

noroshi_java_major() {
  local version=""
  # The JDK's release file answers without starting a JVM (each start costs the launcher ~0.1 s).
  [ -r "$1/release" ] && version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  [ -n "$version" ] || version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  version=${version#1.}  # 1.8.0_x -> 8
  echo "${version%%.*}"
}

noroshi_find_jdk() {
  noroshi_pick_jdk || return 1
  # glibc keeps the C heap that the JIT compilers' arenas free at startup (~20 MB) unless asked to give it
  # back; the JVM trims it every few seconds from JDK 22 on (a late JDK 21 update has the flag too, an early one refuses it).
  if [ "$(noroshi_java_major "$JAVA_HOME")" -ge 22 ] 2>/dev/null; then
    case "$NOROSHI_DEFAULT_JAVA_OPTS" in
      *TrimNativeHeapInterval*) ;;
      *) NOROSHI_DEFAULT_JAVA_OPTS="$NOROSHI_DEFAULT_JAVA_OPTS -XX:TrimNativeHeapInterval=5000" ;;
    esac
  fi
}

noroshi_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(noroshi_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(noroshi_java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$dir
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "noroshi: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    return 1
  fi
  export JAVA_HOME=$best
}

# JVM options of the hub, shared by ./noroshi and the benchmarks. SerialGC and a bounded heap keep
# the resident size small on a 2-core box: under load SerialGC touches the whole heap before its first
# full collection, so -Xmx is most of the RSS. The demo's live set is ~15 MB after a full GC; raise -Xmx
# via NOROSHI_JAVA_OPTS for large monitor sets.
# No -Xshare here: it is the default, and any -Xshare option makes JDK 25 refuse -XX:AOTCache (scripts/startup-cache.sh).
# Native access for sqlite-jdbc is granted by the jar's manifest (Enable-Native-Access), for every `java -jar` run.
# ExitOnOutOfMemoryError: a JVM that ran out of heap may live on with dead threads, alive but deaf; exiting
# lets the supervisor (systemd's Restart=always, see deploy/noroshi.service) start a fresh hub in seconds.
# MaxDirectMemorySize bounds the socket buffers outside the heap (Jetty's pool keeps at most 4 MB of them
# at the default heap); without it the JVM allows as much direct memory as heap.
NOROSHI_DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m -XX:+ExitOnOutOfMemoryError"
