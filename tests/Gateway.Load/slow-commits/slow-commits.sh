#!/usr/bin/env bash
# Makes the local PostgreSQL (started by infra/services.sh) commit as slowly as a slow disk does, for the load tool's
# latency figures, and back. Development machines only: it restarts the cluster.
#
#   slow-commits.sh on [P50_US [P99_US]]   each WAL flush waits a log-normal time: median P50_US, p99 P99_US
#                                          (default 500 and 9000 µs: `pgbench -c 1 -R 50` p99 about 10 ms here)
#   slow-commits.sh off                    flushes as the disk does
#
# It builds slowsync.c (gcc) into POKER_STATE_DIR and names it in the cluster's environment file (LD_PRELOAD) between
# two marker lines; `off` removes them. Check it with `pgbench` as docs/performance-log.md does.
set -euo pipefail

STATE_DIR="${POKER_STATE_DIR:-/var/lib/orleans-poker}"
PG_CLUSTER=main
BEGIN="# slow-commits: begin"
END="# slow-commits: end"

die() { echo "slow-commits: error: $*" >&2; exit 1; }
usage() { echo "usage: $0 on [P50_US [P99_US]] | off" >&2; exit 2; }

[[ "$(id -u)" == 0 ]] || die "run as root (it edits the cluster's environment and restarts it)"
PG_VERSION="$(ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -n 1)"
ENV_FILE="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/environment"
[[ -n "$PG_VERSION" && -f "$ENV_FILE" ]] || die "no PostgreSQL cluster $PG_CLUSTER: run infra/services.sh first"

# The file without this script's lines.
sed -i "/^$BEGIN\$/,/^$END\$/d" "$ENV_FILE"

case "${1:-}" in
  on)
    P50="${2:-500}"; P99="${3:-9000}"
    [[ "$P50" =~ ^[0-9]+$ && "$P99" =~ ^[0-9]+$ && "$P99" -gt "$P50" ]] || die "P50_US and P99_US are whole microseconds, P99_US above P50_US"
    command -v gcc >/dev/null || die "gcc is needed (apt-get install gcc)"
    mkdir -p "$STATE_DIR"
    gcc -O2 -shared -fPIC -o "$STATE_DIR/slowsync.so" "$(dirname "$0")/slowsync.c" -ldl -lm
    chmod 755 "$STATE_DIR/slowsync.so"
    printf '%s\n' "$BEGIN" "LD_PRELOAD = '$STATE_DIR/slowsync.so'" "SLOWSYNC_P50_US = $P50" "SLOWSYNC_P99_US = $P99" "$END" >>"$ENV_FILE"
    ;;
  off) ;;
  *) usage ;;
esac

pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart >&2
echo "slow-commits: ${1}" >&2
