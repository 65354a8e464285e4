#!/usr/bin/env bash
# Regenerates the pictures in docs/screenshots/ from the demo in Chromium (DocsScreenshotsTest), at a
# fixed moment, so they change only when the pages do. Needs Debian's chromium, as the page tests do.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"
noroshi_find_jdk
mkdir -p "$root/docs/screenshots"
cd "$root"
./mvnw -B -ntp -q test -Dtest=DocsScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnoroshi.screenshots="$root/docs/screenshots"
ls -l "$root/docs/screenshots"
