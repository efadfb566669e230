#!/bin/sh
# Run by the nginx image's entry point before nginx starts: renders the Orleans.Poker site from the POKER_NGINX_*
# environment (infra/nginx/render.sh) into conf.d. A missing setting stops the container with its name.
set -eu
sh /etc/orleans-poker/nginx/render.sh /etc/orleans-poker/nginx/poker.conf /etc/nginx/conf.d/poker.conf
echo "orleans-poker: site rendered for ${POKER_NGINX_SERVER_NAME} (gateways: ${POKER_NGINX_GATEWAYS}; bots: ${POKER_NGINX_BOTS})"
