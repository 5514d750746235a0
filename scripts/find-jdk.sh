#!/usr/bin/env bash
# Prints a JAVA_HOME whose java is version 21 or newer: $JAVA_HOME if it qualifies, then the
# java on PATH, then any JDK under /usr/lib/jvm (newest first). Exits 1 with advice otherwise.
set -euo pipefail

java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

qualifies() {
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 1
  local major
  major="$(java_major "$1")"
  [[ -n "$major" && "$major" -ge 21 ]]
}

candidates=()
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
if command -v javac >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi
if [[ -d /usr/lib/jvm ]]; then
  while IFS= read -r dir; do candidates+=("$dir"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
fi

for home in "${candidates[@]}"; do
  if qualifies "$home"; then
    echo "$home"
    exit 0
  fi
done
echo "vsphere-temporal needs a JDK 21 or newer and found none (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
echo "Install one, e.g. on Debian/Ubuntu: sudo apt-get install -y openjdk-21-jdk-headless (or Temurin 21+ from adoptium.net), then set JAVA_HOME." >&2
exit 1
