#!/usr/bin/env bash
# Install what the dashboard's browser tests (tests/test_web.py) need: Debian's chromium and its
# matching chromedriver. Idempotent: does nothing when both are already there. No browser
# download: only Debian packages (plus Selenium from PyPI, in the test extra).
#
#   bash scripts/ci_browser.sh        # as root, or with sudo available
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if have chromium && have chromedriver; then
  echo "ci_browser: chromium and chromedriver present ($(chromium --version 2>/dev/null | head -n 1))"
else
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    have sudo || { echo "ci_browser: need root (or sudo) to apt-get install chromium chromium-driver" >&2; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  install() { $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null; }
  install || { $SUDO apt-get update -qq && install; }  # stale or missing package lists: refresh once
  echo "ci_browser: installed $(chromium --version 2>/dev/null | head -n 1)"
fi

python_bin=${PYTHON:-python3}
if ! "$python_bin" -c "import selenium" >/dev/null 2>&1; then
  "$python_bin" -m pip install -q "selenium>=4.10"
fi
