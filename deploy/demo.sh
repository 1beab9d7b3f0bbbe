#!/usr/bin/env bash
# The demo command: installs and starts PostgreSQL and RabbitMQ on 127.0.0.1
# (services-up.sh), builds `relance`, applies the migrations and runs `relance demo`
# (60 simulated days on the real services; it exits with status 1 if an invariant fails).
# Run as root on Debian 12 with the Swift toolchain on the PATH; safe to run again (each run
# stores a new demo tenant).
#
# The build is a debug build by default: it shares .build/debug with deploy/test.sh and a
# cold one is faster than a release build. RELANCE_BUILD_CONFIGURATION=release builds and
# runs the optimised binary instead. Arguments are passed to `relance demo`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration="${RELANCE_BUILD_CONFIGURATION:-debug}"
case "$configuration" in
  debug|release) ;;
  *) echo "demo.sh: RELANCE_BUILD_CONFIGURATION must be debug or release, not '$configuration'" >&2; exit 2 ;;
esac
command -v swift >/dev/null || { echo "demo.sh: the Swift toolchain (swift) is not on the PATH" >&2; exit 1; }

bash deploy/services-up.sh

start=$(date +%s)
swift build -c "$configuration" --product relance
echo "demo.sh: $configuration build took $(( $(date +%s) - start )) s"
relance="$(swift build -c "$configuration" --show-bin-path)/relance"

"$relance" migrate
"$relance" demo "$@"
