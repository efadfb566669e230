#!/bin/sh
# Run by the nginx image's entry point: reloads nginx every 12 hours in the background, so that certificates renewed
# by certbot (on the shared letsencrypt volume) are served without a restart. A reload keeps open connections.
( while sleep 43200; do nginx -s reload; done ) &
