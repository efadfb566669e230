#!/bin/sh
# Entry point of the .NET images: runs the given command after one adjustment. A silo must advertise an address the
# other silos and the clients reach; unless POKER__Cluster__AdvertisedAddress is set (Kubernetes sets it to the pod
# IP), it is the container's own IPv4 address, since replicas of one compose service share one environment.
set -eu
if [ -z "${POKER__Cluster__AdvertisedAddress:-}" ]; then
  address=$(hostname -i 2>/dev/null | tr ' ' '\n' | grep -m 1 -E '^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$' || true)
  if [ -n "$address" ]; then
    POKER__Cluster__AdvertisedAddress=$address
    export POKER__Cluster__AdvertisedAddress
  fi
fi
exec "$@"
