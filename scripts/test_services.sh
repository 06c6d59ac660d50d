#!/usr/bin/env bash
# Install what the test suite needs beyond Python packages (idempotent; Debian packages):
# a PostgreSQL server for the store tests, Chromium + ChromeDriver for the browser tests.
# The tests start their own throwaway PostgreSQL cluster and headless browser.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/ci_postgres.sh"
bash "$here/ci_browser.sh"
