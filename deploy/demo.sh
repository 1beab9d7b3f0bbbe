#!/usr/bin/env bash
# The demo command: installs and starts PostgreSQL, RabbitMQ and the SMTP sink on 127.0.0.1
# (services-up.sh), builds `relance`, applies the migrations and runs `relance demo`
# (60 simulated days on the real services; it exits with status 1 if an invariant fails).
# Run as root on Debian 12 with the Swift toolchain on the PATH; safe to run again (each run
# stores a new demo tenant).
#
# The demo keeps to a database and a virtual host of its own (relance_demo, created by
# services-up.sh), so that `relance run` on the installation's own never dispatches the steps a
# demo tenant still has planned. RELANCE_DEMO_DATABASE_URL and RELANCE_DEMO_AMQP_URL override.
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
# The demo's emails go through a real SMTP exchange, to the local sink (which stores each
# message under /var/lib/relance-smtp-sink/<recipient>/); its letters, formal notices and
# dossiers are written under RELANCE_ARTEFACTS_DIR.
bash deploy/smtp-sink.sh up
export RELANCE_ARTEFACTS_DIR="${RELANCE_ARTEFACTS_DIR:-/var/lib/relance/demo-artefacts}"

start=$(date +%s)
swift build -c "$configuration" --product relance
echo "demo.sh: $configuration build took $(( $(date +%s) - start )) s"
relance="$(swift build -c "$configuration" --show-bin-path)/relance"

database_url="${RELANCE_DEMO_DATABASE_URL:-postgres://relance:relance@127.0.0.1:5432/relance_demo}"
amqp_url="${RELANCE_DEMO_AMQP_URL:-amqp://relance:relance@127.0.0.1:5672/relance_demo}"
"$relance" migrate --database-url "$database_url"
"$relance" demo --database-url "$database_url" --amqp-url "$amqp_url" "$@"
