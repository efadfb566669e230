#!/bin/sh
# Renders infra/nginx/poker.conf (or the template given) into an nginx site file:
#   sh infra/nginx/render.sh [template] output
# Reads the POKER_NGINX_* variables listed at the top of poker.conf; POKER_NGINX_GATEWAYS and POKER_NGINX_BOTS are
# lists of host:port (spaces or commas) that become the upstreams' server lines. Only ${POKER_NGINX_*} placeholders
# are substituted: nginx's own $variables are left alone. Exits non-zero, writing nothing, when a required variable is
# missing, an endpoint is not host:port, or a placeholder is left over.
# POSIX sh and envsubst (gettext-base) only: it runs in the nginx container (compose) and on plain hosts alike.
set -eu

case $# in
  1) template="$(dirname "$0")/poker.conf"; output=$1 ;;
  2) template=$1; output=$2 ;;
  *) echo "usage: $0 [template] output" >&2; exit 2 ;;
esac

: "${POKER_NGINX_HTTPS_LISTEN:=443}"
: "${POKER_NGINX_HTTP_LISTEN:=80}"
: "${POKER_NGINX_ACME_ROOT:=/var/www/certbot}"
export POKER_NGINX_HTTPS_LISTEN POKER_NGINX_HTTP_LISTEN POKER_NGINX_ACME_ROOT

missing=""
for name in POKER_NGINX_SERVER_NAME POKER_NGINX_TLS_CERT POKER_NGINX_TLS_KEY POKER_NGINX_WEB_ROOT POKER_NGINX_GATEWAYS POKER_NGINX_BOTS; do
  eval "value=\${$name:-}"
  [ -n "$value" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "render: not set:$missing" >&2
  exit 1
fi

# "a:1 b:2" -> "server a:1 max_fails=3 fail_timeout=10s; server b:2 ...;"
servers() {
  list=$(printf '%s' "$2" | tr ',' ' ')
  lines=""
  for endpoint in $list; do
    case "$endpoint" in
      *:*[!0-9]* | *: | :* | *[!A-Za-z0-9.:_-]*) echo "render: $1: '$endpoint' is not host:port" >&2; return 1 ;;
      *:*) lines="${lines}server $endpoint max_fails=3 fail_timeout=10s; " ;;
      *) echo "render: $1: '$endpoint' is not host:port" >&2; return 1 ;;
    esac
  done
  printf '%s' "$lines"
}
POKER_NGINX_GATEWAY_SERVERS=$(servers POKER_NGINX_GATEWAYS "$POKER_NGINX_GATEWAYS")
POKER_NGINX_BOT_SERVERS=$(servers POKER_NGINX_BOTS "$POKER_NGINX_BOTS")
export POKER_NGINX_GATEWAY_SERVERS POKER_NGINX_BOT_SERVERS

variables='${POKER_NGINX_SERVER_NAME} ${POKER_NGINX_HTTPS_LISTEN} ${POKER_NGINX_HTTP_LISTEN} ${POKER_NGINX_TLS_CERT} ${POKER_NGINX_TLS_KEY} ${POKER_NGINX_WEB_ROOT} ${POKER_NGINX_ACME_ROOT} ${POKER_NGINX_GATEWAY_SERVERS} ${POKER_NGINX_BOT_SERVERS}'
rendered=$(envsubst "$variables" <"$template")
if printf '%s\n' "$rendered" | grep -nE '\$\{POKER_[A-Z_]+\}' >&2; then
  echo "render: placeholders left in $template (above)" >&2
  exit 1
fi
printf '%s\n' "$rendered" >"$output.tmp"
mv "$output.tmp" "$output"
