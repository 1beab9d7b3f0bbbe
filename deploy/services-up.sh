#!/usr/bin/env bash
# Starts PostgreSQL and RabbitMQ on 127.0.0.1 only (no systemd needed), creates the
# `relance` role, the `relance` and `relance_test` databases and the `relance` broker user
# and vhost, and waits until both answer. Safe to run twice. Run as root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

"$here/install.sh"

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_PORT="${PG_PORT:-5432}"
RELANCE_DB_PASSWORD="${RELANCE_DB_PASSWORD:-relance}"
RELANCE_APP_DB_PASSWORD="${RELANCE_APP_DB_PASSWORD:-relance_app}"
RELANCE_AMQP_PASSWORD="${RELANCE_AMQP_PASSWORD:-relance}"

# ---------- PostgreSQL ----------
if [ ! -d "/etc/postgresql/$PG_VERSION/$PG_CLUSTER" ]; then
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT"
fi
conf="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d/relance.conf"
cat > "$conf" <<CONF
# Written by deploy/services-up.sh
listen_addresses = '127.0.0.1'
max_connections = 200
shared_buffers = 512MB
# The disk here flushes slowly; Relance commits in groups, and this lets PostgreSQL group
# concurrent commits too. Durability is unchanged (fsync stays on).
commit_delay = 0
wal_writer_delay = 10ms
# The pipeline writes every reminder several times: with the default 1 GB of WAL between
# checkpoints, a large run forces checkpoints back to back, and each page's first change after
# one is logged whole.
max_wal_size = 4GB
checkpoint_timeout = 15min
# Shared buffers on 2 MB pages when the kernel has them reserved (below): every index descent
# touches several buffers spread over half a gigabyte, and with 4 kB pages many of those
# touches miss the TLB. Falls back to normal pages when none are reserved.
huge_pages = try
CONF
# Reserve the huge pages (about 600 MB: shared_buffers plus PostgreSQL's other shared memory),
# never lowering what is already reserved. Where the kernel settings are read-only (some
# containers), PostgreSQL runs on normal pages and nothing else changes.
HUGE_PAGES="${HUGE_PAGES:-300}"
if [ "$(cat /proc/sys/vm/nr_hugepages 2>/dev/null || echo 0)" -lt "$HUGE_PAGES" ]; then
  if ! { echo "$HUGE_PAGES" > /proc/sys/vm/nr_hugepages; } 2>/dev/null; then
    echo "services-up: huge pages cannot be reserved here; PostgreSQL uses normal pages" >&2
  fi
fi
if ! pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
else
  # Already running: apply the settings above that a reload can change.
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" reload
fi
for _ in $(seq 1 60); do
  pg_isready -h 127.0.0.1 -p "$PG_PORT" -q && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PG_PORT" -q || { echo "services-up: PostgreSQL did not answer" >&2; exit 1; }

psql_admin() { su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qAt $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'relance'\"")" != "1" ]; then
  psql_admin "-c \"CREATE ROLE relance LOGIN PASSWORD '$RELANCE_DB_PASSWORD' CREATEDB\""
fi
# relance_app: the HTTP API's role. It owns no table and cannot bypass row-level security, so
# it sees only the rows of the tenant each transaction names (schemas/migrations/0010).
# `relance migrate`, run as the owner, grants it its rights on the tables.
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'relance_app'\"")" != "1" ]; then
  psql_admin "-c \"CREATE ROLE relance_app LOGIN PASSWORD '$RELANCE_APP_DB_PASSWORD' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE\""
fi
# DROP DATABASE … WITH (FORCE) (tests, benchmark) must be able to end an autovacuum worker
# busy in the database it drops; without this it fails now and then.
psql_admin "-c \"SET client_min_messages = warning\" -c \"GRANT pg_signal_backend TO relance\""
# relance: the installation's own data; relance_demo: the demo's (so that a later `relance run`
# never dispatches what the demo left planned); relance_test: the server tests create theirs on.
for db in relance relance_demo relance_test; do
  if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$db'\"")" != "1" ]; then
    psql_admin "-c \"CREATE DATABASE $db OWNER relance\""
  fi
done
echo "services-up: PostgreSQL on 127.0.0.1:$PG_PORT (databases relance, relance_demo, relance_test)"

# ---------- RabbitMQ ----------
# Loopback only: AMQP listener, Erlang distribution and epmd. The env file is read by both
# the server and rabbitmqctl, so they agree on the node name.
mkdir -p /etc/rabbitmq
cat > /etc/rabbitmq/rabbitmq-env.conf <<CONF
# Written by deploy/services-up.sh
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=5672
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"
CONF
cat > /etc/rabbitmq/rabbitmq.conf <<CONF
# Written by deploy/services-up.sh
listeners.tcp.1 = 127.0.0.1:5672
loopback_users = none
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
CONF
echo "[rabbitmq_management]." > /etc/rabbitmq/enabled_plugins
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODENAME=rabbit@localhost

if ! rabbitmqctl -q status >/dev/null 2>&1; then
  rabbitmq-server -detached
fi
# await_startup needs the Erlang node to exist first: wait for it to answer a ping.
for _ in $(seq 1 120); do
  rabbitmqctl -q ping >/dev/null 2>&1 && break
  sleep 1
done
rabbitmqctl -q await_startup --timeout 120
# A node stopped with `stop_app` answers status but does not serve AMQP: start the app.
rabbitmqctl -q start_app >/dev/null 2>&1 || true

if ! rabbitmqctl -q list_users | awk '{print $1}' | grep -qx relance; then
  rabbitmqctl -q add_user relance "$RELANCE_AMQP_PASSWORD"
fi
rabbitmqctl -q set_user_tags relance administrator
for vhost in relance relance_demo; do
  if ! rabbitmqctl -q list_vhosts | grep -qx "$vhost"; then
    rabbitmqctl -q add_vhost "$vhost"
  fi
  rabbitmqctl -q set_permissions -p "$vhost" relance ".*" ".*" ".*"
done
rabbitmqctl -q set_permissions -p / relance ".*" ".*" ".*"
# At-least-once dead-lettering from quorum queues needs this flag (on by default on 3.10).
rabbitmqctl -q enable_feature_flag stream_queue >/dev/null 2>&1 || true
echo "services-up: RabbitMQ on 127.0.0.1:5672 (vhosts relance, relance_demo), management on 127.0.0.1:15672"
