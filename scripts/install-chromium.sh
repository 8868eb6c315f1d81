#!/bin/sh
# Installs Debian's chromium for the browser tests (test/e2e) when it is missing. POSIX sh: `npm test` runs it with sh.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
echo "installing chromium from Debian's packages for the browser tests" >&2
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
