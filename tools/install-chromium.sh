#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests of `bridge live`, when it is
# missing. apt-get update first, no recommends, one retry.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: Chromium is missing and this is not a root Debian shell; install the 'chromium' package yourself" >&2
  exit 1
fi
install() {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
}
install || { echo "install-chromium: first attempt failed, retrying once" >&2; sleep 5; install; }
command -v chromium
