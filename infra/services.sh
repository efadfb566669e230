#!/usr/bin/env bash
# Starts the local PostgreSQL and Redis that Orleans.Poker uses in development and tests.
#
# Runs as root on Debian 12 without systemd or a Docker engine. Idempotent: it installs only
# what is missing, starts only what is not running, creates the role and databases only when
# absent, and can be run again at any time.
#
# Environment (all optional):
#   POKER_DB_PASSWORD   password of the `poker` role            (default: poker-dev, development only)
#   POKER_PG_PORT       port of a cluster this script creates   (default: 5432; an existing cluster keeps its own)
#   POKER_REDIS_PORT    Redis port                              (default: 6379)
#   POKER_STATE_DIR     Redis data, pid and log files           (default: /var/lib/orleans-poker)
#
# Prints the settings as the environment variables the apps and tests read, one KEY=value a line
# (.env format); with --export as shell commands instead: eval "$(bash infra/services.sh --export)".
set -euo pipefail

EXPORT=0
case "${1:-}" in
  --export) EXPORT=1 ;;
  "") ;;
  *) echo "usage: $0 [--export]" >&2; exit 2 ;;
esac

DB_PASSWORD="${POKER_DB_PASSWORD:-poker-dev}"
PG_PORT_WANTED="${POKER_PG_PORT:-5432}"
REDIS_PORT="${POKER_REDIS_PORT:-6379}"
STATE_DIR="${POKER_STATE_DIR:-/var/lib/orleans-poker}"
DB_ROLE=poker
DB_APP=poker
DB_TEST=poker_test
PG_CLUSTER=main

log() { echo "services: $*" >&2; }
die() { echo "services: error: $*" >&2; exit 1; }

[[ "$(id -u)" == 0 ]] || die "run as root (it installs packages and starts the servers)"
[[ "$DB_PASSWORD" != *"'"* && "$DB_PASSWORD" != *";"* ]] || die "POKER_DB_PASSWORD must not contain ' or ;"

APT_UPDATED=0
apt_install() {
  if [[ $APT_UPDATED == 0 ]]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# wait_for <seconds> <description> <command...>: polls until the command succeeds.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "$what did not answer within ${seconds}s"
    sleep 0.2
  done
}

mkdir -p "$STATE_DIR"

# --- packages --------------------------------------------------------------------------------
pg_major() { ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -n 1; }

missing=()
if [[ -z "$(pg_major)" ]] || ! command -v pg_ctlcluster >/dev/null || ! command -v psql >/dev/null; then
  missing+=(postgresql)
fi
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
  missing+=(redis-server)
fi
if ((${#missing[@]})); then
  apt_install "${missing[@]}"
fi

PG_VERSION="$(pg_major)"
[[ -n "$PG_VERSION" ]] || die "no PostgreSQL server found under /usr/lib/postgresql"

# --- PostgreSQL ------------------------------------------------------------------------------
if [[ ! -d "/etc/postgresql/$PG_VERSION/$PG_CLUSTER" ]]; then
  log "creating cluster $PG_VERSION/$PG_CLUSTER"
  pg_createcluster --port "$PG_PORT_WANTED" "$PG_VERSION" "$PG_CLUSTER" >&2
fi

# Loopback only. The value must be quoted: unquoted, the server refuses to start. Full-page images compressed, as
# docs/operations.md asks of production (the journal's sweep writes about half the WAL with it). Connections for four
# test silos at once (two pools of 20 each, docs/operations.md) beside the tests' own: Debian's default of 100 is not.
CONF_DIR="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d"
DROP_IN="$CONF_DIR/10-loopback.conf"
WANTED_CONF="listen_addresses = '127.0.0.1'
wal_compression = lz4
max_connections = 300"
if [[ ! -f "$DROP_IN" ]] || [[ "$(cat "$DROP_IN")" != "$WANTED_CONF" ]]; then
  mkdir -p "$CONF_DIR"
  printf '%s\n' "$WANTED_CONF" >"$DROP_IN"
  chown postgres:postgres "$DROP_IN"
  if pg_lsclusters -h "$PG_VERSION" "$PG_CLUSTER" | awk '{print $4}' | grep -qx online; then
    log "restarting PostgreSQL $PG_VERSION/$PG_CLUSTER for $DROP_IN"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart >&2
  fi
fi

PG_PORT="$(pg_lsclusters -h "$PG_VERSION" "$PG_CLUSTER" | awk '{print $3}')"
if ! pg_lsclusters -h "$PG_VERSION" "$PG_CLUSTER" | awk '{print $4}' | grep -qx online; then
  log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PG_PORT"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
  # services-stop.sh stops only what this script started.
  echo "$PG_VERSION $PG_CLUSTER" >"$STATE_DIR/postgresql.started"
fi
wait_for 30 "PostgreSQL on 127.0.0.1:$PG_PORT" pg_isready -q -h 127.0.0.1 -p "$PG_PORT"

# Role and databases: created when absent. CREATEDB: tests create throwaway databases; CREATEROLE: the deploy tests
# rotate the password of a throwaway role of their own.
psql_admin() {
  (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
    -v role="$DB_ROLE" -v pw="$DB_PASSWORD" -v app="$DB_APP" -v test="$DB_TEST") >&2
}
psql_admin <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB CREATEROLE PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB CREATEROLE', :'role')
  FROM pg_roles WHERE rolname = :'role' AND NOT (rolcanlogin AND rolcreatedb AND rolcreaterole) \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'app', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'app') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'test', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'test') \gexec
-- CHECKPOINT (PostgreSQL 15+): the grains benchmark checkpoints before it measures the WAL of the journal's sweep.
SELECT format('GRANT pg_checkpoint TO %I', :'role')
 WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = 'pg_checkpoint') AND NOT pg_has_role(:'role', 'pg_checkpoint', 'MEMBER') \gexec
SQL

pg_login() { PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$DB_ROLE" -d "$1" -c 'SELECT 1'; }
if ! pg_login "$DB_APP" >/dev/null 2>&1; then
  # A role from an earlier run with another POKER_DB_PASSWORD: take the configured one.
  log "setting the password of role $DB_ROLE"
  psql_admin <<'SQL'
SELECT format('ALTER ROLE %I PASSWORD %L', :'role', :'pw') \gexec
SQL
fi
wait_for 30 "database $DB_APP as $DB_ROLE" pg_login "$DB_APP"
wait_for 30 "database $DB_TEST as $DB_ROLE" pg_login "$DB_TEST"

# --- Redis -----------------------------------------------------------------------------------
redis_ping() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }
if ! redis_ping; then
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$STATE_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --dir "$STATE_DIR/redis" --pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log" >&2
fi
wait_for 30 "Redis on 127.0.0.1:$REDIS_PORT" redis_ping

# --- settings --------------------------------------------------------------------------------
log "PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT are up"
settings=(
  "POKER__Storage__Postgres=Host=127.0.0.1;Port=$PG_PORT;Database=$DB_APP;Username=$DB_ROLE;Password=$DB_PASSWORD"
  "POKER__Cluster__Redis=127.0.0.1:$REDIS_PORT"
  "POKER_TEST_POSTGRES=Host=127.0.0.1;Port=$PG_PORT;Database=$DB_TEST;Username=$DB_ROLE;Password=$DB_PASSWORD"
  "POKER_TEST_REDIS=127.0.0.1:$REDIS_PORT"
)
for setting in "${settings[@]}"; do
  if [[ $EXPORT == 1 ]]; then
    printf 'export %s=%q\n' "${setting%%=*}" "${setting#*=}"
  else
    printf '%s\n' "$setting"
  fi
done
