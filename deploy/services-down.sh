#!/usr/bin/env bash
# Stops the local RabbitMQ and PostgreSQL started by services-up.sh. Safe to run twice.
set -uo pipefail
export ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_NODENAME=rabbit@localhost
if command -v rabbitmqctl >/dev/null && rabbitmqctl -q status >/dev/null 2>&1; then
  rabbitmqctl -q stop && echo "services-down: RabbitMQ stopped"
fi
PG_VERSION="${PG_VERSION:-15}"; PG_CLUSTER="${PG_CLUSTER:-main}"
if command -v pg_ctlcluster >/dev/null && pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop && echo "services-down: PostgreSQL stopped"
fi
exit 0
