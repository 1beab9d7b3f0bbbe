#!/usr/bin/env bash
# Starts (`up`) or stops (`down`) a second, disposable RabbitMQ node for disruption tests,
# beside the main node that services-up.sh starts (which it never touches):
#   node chaos@localhost, AMQP on 127.0.0.1:5673, Erlang distribution on 127.0.0.1:25673,
#   data and logs under /var/lib/rabbitmq/chaos, no plugins, user relance / vhost relance.
# Tests stop and start its application (rabbitmqctl -n chaos@localhost stop_app|start_app)
# to cut every client connection; they find it through RELANCE_CHAOS_AMQP_URL
# (default amqp://relance:relance@127.0.0.1:5673/relance). `up` is safe to run twice and
# returns once the node serves AMQP. Run as root; RabbitMQ must be installed (install.sh).
set -euo pipefail

NODE="${RELANCE_CHAOS_NODE:-chaos@localhost}"
AMQP_PORT="${RELANCE_CHAOS_AMQP_PORT:-5673}"
DIST_PORT="${RELANCE_CHAOS_DIST_PORT:-25673}"
BASE="${RELANCE_CHAOS_DIR:-/var/lib/rabbitmq/chaos}"
PASSWORD="${RELANCE_AMQP_PASSWORD:-relance}"

# Loopback only, for epmd too (an epmd already running keeps its own binding).
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODENAME="$NODE"

ctl() { rabbitmqctl -n "$NODE" "$@"; }

write_config() {
  mkdir -p "$BASE/mnesia" "$BASE/log"
  # An env file of its own, so that the main node's /etc/rabbitmq/rabbitmq-env.conf
  # (node name, port) does not apply to this one.
  cat > "$BASE/rabbitmq-env.conf" <<CONF
# Written by deploy/chaos-broker.sh
NODENAME=$NODE
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=$AMQP_PORT
DIST_PORT=$DIST_PORT
MNESIA_BASE=$BASE/mnesia
LOG_BASE=$BASE/log
PID_FILE=$BASE/chaos.pid
CONFIG_FILE=$BASE/rabbitmq.conf
ENABLED_PLUGINS_FILE=$BASE/enabled_plugins
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"
CONF
  cat > "$BASE/rabbitmq.conf" <<CONF
# Written by deploy/chaos-broker.sh
listeners.tcp.1 = 127.0.0.1:$AMQP_PORT
loopback_users = none
CONF
  echo "[]." > "$BASE/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$BASE"
}

node_env() {
  # Both the env file and the variables, so the scripts and the Erlang side agree.
  env RABBITMQ_CONF_ENV_FILE="$BASE/rabbitmq-env.conf" \
      RABBITMQ_NODENAME="$NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$AMQP_PORT" \
      RABBITMQ_DIST_PORT="$DIST_PORT" RABBITMQ_MNESIA_BASE="$BASE/mnesia" RABBITMQ_LOG_BASE="$BASE/log" \
      RABBITMQ_PID_FILE="$BASE/chaos.pid" RABBITMQ_CONFIG_FILE="$BASE/rabbitmq.conf" \
      RABBITMQ_ENABLED_PLUGINS_FILE="$BASE/enabled_plugins" \
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none" \
      ERL_EPMD_ADDRESS=127.0.0.1 "$@"
}

amqp_answers() {
  # The broker sends its protocol header back on a bad greeting: any answer means it serves.
  timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$AMQP_PORT && printf 'HELLO\r\n\r\n' >&3 && head -c 4 <&3" 2>/dev/null | grep -q AMQP
}

up() {
  command -v rabbitmq-server >/dev/null || { echo "chaos-broker: rabbitmq-server is not installed" >&2; exit 1; }
  write_config
  if ! ctl -q ping >/dev/null 2>&1; then
    node_env rabbitmq-server -detached
  fi
  for _ in $(seq 1 120); do
    ctl -q ping >/dev/null 2>&1 && break
    sleep 1
  done
  ctl -q await_startup --timeout 120
  # A test may have left the application stopped: start it.
  ctl -q start_app >/dev/null 2>&1 || true

  if ! ctl -q list_users | awk '{print $1}' | grep -qx relance; then
    ctl -q add_user relance "$PASSWORD"
  fi
  if ! ctl -q list_vhosts | grep -qx relance; then
    ctl -q add_vhost relance
  fi
  ctl -q set_permissions -p relance relance ".*" ".*" ".*"
  ctl -q enable_feature_flag stream_queue >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    amqp_answers && break
    sleep 0.5
  done
  amqp_answers || { echo "chaos-broker: $NODE does not answer on 127.0.0.1:$AMQP_PORT" >&2; exit 1; }
  echo "chaos-broker: $NODE serving AMQP on 127.0.0.1:$AMQP_PORT (vhost relance)"
}

down() {
  if ctl -q ping >/dev/null 2>&1; then
    ctl -q stop >/dev/null && echo "chaos-broker: $NODE stopped"
  else
    echo "chaos-broker: $NODE is not running"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
