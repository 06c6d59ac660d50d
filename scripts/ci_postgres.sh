#!/usr/bin/env bash
# Make PostgreSQL server binaries available for the store tests (idempotent).
#
# The tests start their own throwaway cluster (initdb + pg_ctl in a temp dir, on a free port, as the
# 'postgres' user when run as root), so all this script does is install the Debian package when no
# server binaries are present. Usage: bash scripts/ci_postgres.sh
set -euo pipefail

have_server() {
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && return 0
    done
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

if have_server; then
    echo "ci_postgres: PostgreSQL server binaries present"
else
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "ci_postgres: need root or sudo to install postgresql" >&2; exit 1; }
        SUDO="sudo"
    fi
    echo "ci_postgres: installing postgresql (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    have_server || { echo "ci_postgres: postgresql installed but no server binaries found" >&2; exit 1; }
fi

# The test fixture runs the server as 'postgres' when the tests run as root.
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "ci_postgres: creating the 'postgres' system user"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi
ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sed 's/^/ci_postgres: server binaries in /' || true
