#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 for the storage contract tests and prints the JDBC URL to
# export as NOROSHI_TEST_PG_URL. Run as root on Debian 12 after `apt-get install -y postgresql`.
# Idempotent: re-running reuses the cluster, re-applies the settings and only prints the URL.
#
#   export NOROSHI_TEST_PG_URL=$(sudo scripts/test-postgres.sh)
#
# Only the URL goes to stdout; progress goes to stderr so the line above captures just the URL.
# The password is for a loopback-only test cluster; override with NOROSHI_TEST_PG_PASSWORD.
set -euo pipefail

version=${NOROSHI_TEST_PG_VERSION:-15}
port=5432
password=${NOROSHI_TEST_PG_PASSWORD:-noroshi-test}
bindir=/usr/lib/postgresql/$version/bin
wait_seconds=30

say() { echo "test-postgres: $*" >&2; }
die() { say "error: $*"; exit 1; }

[[ $(id -u) -eq 0 ]] || die "run as root (it starts the cluster as the postgres user)"
[[ -x $bindir/postgres ]] || die "PostgreSQL $version server not found in $bindir; apt-get install -y postgresql"
id postgres >/dev/null 2>&1 || die "no postgres user; the Debian postgresql package creates it"
[[ $password != *"'"* ]] || die "NOROSHI_TEST_PG_PASSWORD must not contain a single quote"

as_postgres() { runuser -u postgres -- "$@"; }

if command -v pg_lsclusters >/dev/null 2>&1; then
    # Debian layout: configuration in /etc/postgresql/<v>/main, data in /var/lib/postgresql.
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
        say "creating cluster $version/main"
        pg_createcluster "$version" main --port "$port" >&2
    fi
    confd=/etc/postgresql/$version/main/conf.d
    mkdir -p "$confd"
    # Loopback only: a test cluster with a known password must never face the network.
    printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$port" > "$confd/noroshi-test.conf"
    if pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
        pg_ctlcluster "$version" main restart >&2
    else
        pg_ctlcluster "$version" main start >&2
    fi
    socketdir=/var/run/postgresql
else
    # No Debian wrappers: a private cluster in a fixed temp dir, owned by postgres.
    datadir=/tmp/noroshi-test-pg/data
    socketdir=/tmp/noroshi-test-pg
    mkdir -p "$socketdir" && chown postgres "$socketdir"
    if [[ ! -s $datadir/PG_VERSION ]]; then
        say "initdb in $datadir"
        as_postgres "$bindir/initdb" -D "$datadir" -U postgres --auth-local=peer --auth-host=scram-sha-256 >&2
    fi
    if ! as_postgres "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
        as_postgres "$bindir/pg_ctl" -D "$datadir" -l "$socketdir/server.log" \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$socketdir" start >&2
    fi
fi

say "waiting up to ${wait_seconds}s for 127.0.0.1:$port"
ready=no
for _ in $(seq "$wait_seconds"); do
    if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then ready=yes; break; fi
    sleep 1
done
[[ $ready == yes ]] || die "PostgreSQL did not answer on 127.0.0.1:$port within ${wait_seconds}s"

# Over the local socket with peer auth, so this works whatever the password was before.
as_postgres "$bindir/psql" -h "$socketdir" -p "$port" -X -q -v ON_ERROR_STOP=1 \
    -c "ALTER USER postgres PASSWORD '$password'" >&2

echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres&password=$password"
