#!/usr/bin/env bash
# Runs the product on the embedded default: builds the web client (once its dependencies are installed, a build takes
# seconds), then starts the silo with the gateway and the web client co-hosted on http://127.0.0.1:8080.
# No external services: localhost clustering, in-memory storage. Extra arguments go to the silo.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ ! -d WebClient/node_modules ]; then
  (cd WebClient && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd WebClient && npm run build)

export POKER__Gateway__WebRoot="${POKER__Gateway__WebRoot:-$root/Gateway/wwwroot}"
exec dotnet run --project Silo -- "$@"
