#!/usr/bin/env bash
# Browser tests drive Debian's Chromium. Install it when it is missing and we are root;
# elsewhere fall back to Playwright's own download where a network allows it.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No /usr/bin/chromium and not root: trying 'playwright install chromium'."
.venv/bin/playwright install chromium
