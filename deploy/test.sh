#!/usr/bin/env bash
# The test command: installs and starts what the tests need (PostgreSQL, RabbitMQ, a second
# "chaos" RabbitMQ node for broker-restart tests, a three-node RabbitMQ cluster for fail-over
# tests, the SMTP sink the email tests send to; the dashboard test needs chromium from
# deploy/install.sh), builds, and runs every test.
# Run as root on Debian 12; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash deploy/services-up.sh
if [ -x deploy/chaos-broker.sh ]; then
  bash deploy/chaos-broker.sh up
  export RELANCE_REQUIRE_CHAOS=1
fi
bash deploy/smtp-sink.sh up
export RELANCE_REQUIRE_SMTP=1
# The dashboard's browser test runs in Debian's chromium (deploy/install.sh); without it, fail.
export RELANCE_REQUIRE_BROWSER=1
# The cluster starts while the build runs: neither needs the other.
cluster_log="$(mktemp)"
bash deploy/cluster.sh up >"$cluster_log" 2>&1 &
cluster_pid=$!

start=$(date +%s)
swift build --build-tests
echo "test.sh: build took $(( $(date +%s) - start )) s"
if ! wait "$cluster_pid"; then
  cat "$cluster_log" >&2
  echo "test.sh: the RabbitMQ cluster did not start (deploy/cluster.sh up)" >&2
  exit 1
fi
cat "$cluster_log"
rm -f "$cluster_log"
export RELANCE_REQUIRE_CLUSTER=1
start=$(date +%s)
# Two runs: the suites that each give a test a RabbitMQ virtual host of its own with two dozen
# quorum queues, and start relance processes (the pipeline's and the executable's), first; the
# rest after. All at once, quorum-queue creation on a 2-core machine's broker made handshakes
# and confirms miss their deadlines.
status=0
swift test --skip-build --filter 'RelancePipelineTests|RelanceCLITests' || status=$?
echo "test.sh: pipeline and executable tests took $(( $(date +%s) - start )) s"
swift test --skip-build --skip 'RelancePipelineTests|RelanceCLITests' || status=$?
echo "test.sh: tests took $(( $(date +%s) - start )) s"
exit "$status"
