#!/usr/bin/env bash
# Stops what infra/services.sh started: Redis by its pid file, PostgreSQL by pg_ctlcluster when
# services.sh was the one that started it. Servers that were already running are left alone.
set -euo pipefail

STATE_DIR="${POKER_STATE_DIR:-/var/lib/orleans-poker}"
log() { echo "services-stop: $*" >&2; }

pid_file="$STATE_DIR/redis.pid"
if [[ -f "$pid_file" ]]; then
  pid="$(cat "$pid_file")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == redis-server* ]]; then
    log "stopping Redis (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
      [[ -d "/proc/$pid" ]] || break
      sleep 0.1
    done
    [[ ! -d "/proc/$pid" ]] || log "Redis (pid $pid) is still stopping"
  fi
  rm -f "$pid_file"
fi

marker="$STATE_DIR/postgresql.started"
if [[ -f "$marker" ]]; then
  read -r version cluster <"$marker"
  if pg_lsclusters -h "$version" "$cluster" 2>/dev/null | awk '{print $4}' | grep -qx online; then
    log "stopping PostgreSQL $version/$cluster"
    pg_ctlcluster "$version" "$cluster" stop
  fi
  rm -f "$marker"
fi
