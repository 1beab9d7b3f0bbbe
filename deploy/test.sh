#!/usr/bin/env bash
# The test command: installs and starts what the tests need (PostgreSQL, RabbitMQ, a second
# "chaos" RabbitMQ node for broker-restart tests), builds, and runs every test.
# Run as root on Debian 12; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash deploy/services-up.sh
if [ -x deploy/chaos-broker.sh ]; then
  bash deploy/chaos-broker.sh up
  export RELANCE_REQUIRE_CHAOS=1
fi

start=$(date +%s)
swift build --build-tests
echo "test.sh: build took $(( $(date +%s) - start )) s"
start=$(date +%s)
swift test --skip-build
echo "test.sh: tests took $(( $(date +%s) - start )) s"
