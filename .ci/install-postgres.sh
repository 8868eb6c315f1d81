#!/bin/sh
# Installs Debian's PostgreSQL server when no initdb exists, so the store tests and the ingest
# benchmark can start a real server (test/support/postgres.ts, src/bench/postgres-server.ts).
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL already installed: $(ls -d /usr/lib/postgresql/*/bin | tail -n 1)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends postgresql
# The tests start servers of their own on temporary data dirs and free ports; the package's own cluster is not used.
ls /usr/lib/postgresql/*/bin/initdb
