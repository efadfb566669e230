#!/usr/bin/env bash
# Installs Debian's Chromium for the web client's end-to-end tests when it is missing (idempotent; never downloads
# a browser through npm/playwright).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  apt-get install -y --no-install-recommends chromium >/dev/null
fi
/usr/bin/chromium --version
