#!/bin/sh
# PostgreSQL backups of the room: pg_dump in custom format (restore with pg_restore), one file per run named by UTC
# time, older than POKER_BACKUP_KEEP_DAYS removed, "latest.dump" pointing at the newest.
#   sh infra/backup/backup.sh            one backup now
#   sh infra/backup/backup.sh --loop     one every POKER_BACKUP_INTERVAL_SECONDS (the compose backup job)
# Environment: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (libpq's own variables), POKER_BACKUP_DIR (/backups),
# POKER_BACKUP_KEEP_DAYS (14), POKER_BACKUP_INTERVAL_SECONDS (86400). A failed dump leaves no file behind and exits 1
# (in --loop mode it is logged and retried at the next interval). With POKER_BACKUP_METRICS_DIR (node_exporter's
# textfile directory) a good dump records poker_backup_last_success_timestamp_seconds there, which the
# PokerBackupTooOld alert (infra/monitoring/alerts.yml) watches.
set -eu

dir="${POKER_BACKUP_DIR:-/backups}"
keep="${POKER_BACKUP_KEEP_DAYS:-14}"
interval="${POKER_BACKUP_INTERVAL_SECONDS:-86400}"

backup_once() {
  mkdir -p "$dir"
  name="poker-$(date -u +%Y%m%dT%H%M%SZ).dump"
  if pg_dump --format=custom --no-owner --file="$dir/$name.partial"; then
    mv "$dir/$name.partial" "$dir/$name"
    ln -sfn "$name" "$dir/latest.dump"
    find "$dir" -maxdepth 1 -name 'poker-*.dump' -mtime "+$keep" -delete
    echo "backup: $dir/$name ($(wc -c <"$dir/$name") bytes)"
    if [ -n "${POKER_BACKUP_METRICS_DIR:-}" ]; then
      # Written aside and renamed, so the collector never reads half a file.
      printf '# HELP poker_backup_last_success_timestamp_seconds Unix time of the last good pg_dump of the room.\n# TYPE poker_backup_last_success_timestamp_seconds gauge\npoker_backup_last_success_timestamp_seconds %s\n' "$(date -u +%s)" \
        >"$POKER_BACKUP_METRICS_DIR/poker_backup.prom.$$" && mv "$POKER_BACKUP_METRICS_DIR/poker_backup.prom.$$" "$POKER_BACKUP_METRICS_DIR/poker_backup.prom"
    fi
  else
    rm -f "$dir/$name.partial"
    echo "backup: pg_dump of ${PGDATABASE:-?} on ${PGHOST:-?} failed" >&2
    return 1
  fi
}

case "${1:-}" in
  "") backup_once ;;
  --loop)
    trap 'exit 0' TERM INT
    while :; do
      backup_once || true
      sleep "$interval" &
      wait $!
    done
    ;;
  *) echo "usage: $0 [--loop]" >&2; exit 2 ;;
esac
