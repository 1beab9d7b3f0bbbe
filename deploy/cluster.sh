#!/usr/bin/env bash
# Starts (`up`), stops (`down`) or shows (`status`) a three-node RabbitMQ cluster on this
# machine, for fail-over tests, beside the main node (services-up.sh) and the chaos node
# (chaos-broker.sh), which it never touches:
#   nodes relance-1@localhost, relance-2@localhost, relance-3@localhost,
#   AMQP on 127.0.0.1:5674, 5675, 5676, Erlang distribution on 127.0.0.1:25674, 25675, 25676,
#   data and logs under /var/lib/rabbitmq/cluster/1, 2, 3, no plugins,
#   joined into one cluster, user relance / vhost relance.
# Quorum queues declared on it get a member on each of the three nodes: RabbitMQ 3.10's
# initial group size (rabbit's quorum_cluster_size) is 3 by default; the tests check it. Tests stop and start a node's application
# (rabbitmqctl -n relance-2@localhost stop_app|start_app) and find the cluster through
# RELANCE_CLUSTER_AMQP_URLS (default: the three URLs, comma-separated).
# `up` is safe to run twice and after a node was stopped or killed: it starts what does not
# run, joins what is not joined, and returns once every node serves AMQP and the cluster
# reports three running nodes. Run as root; RabbitMQ must be installed (install.sh).
set -euo pipefail

PREFIX="${RELANCE_CLUSTER_NODE_PREFIX:-relance}"
AMQP_PORT="${RELANCE_CLUSTER_AMQP_PORT:-5674}"   # first node; the others follow
DIST_PORT="${RELANCE_CLUSTER_DIST_PORT:-25674}"  # first node; the others follow
BASE="${RELANCE_CLUSTER_DIR:-/var/lib/rabbitmq/cluster}"
PASSWORD="${RELANCE_AMQP_PASSWORD:-relance}"
SIZE=3

# Loopback only, for epmd too (an epmd already running keeps its own binding).
export ERL_EPMD_ADDRESS=127.0.0.1
# Erlang distribution on loopback; idle schedulers sleep instead of spinning (three more nodes
# on a small machine would otherwise take CPU from the build and the tests).
ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"

node_name() { echo "$PREFIX-$1@localhost"; }
amqp_port() { echo $((AMQP_PORT + $1 - 1)); }
dist_port() { echo $((DIST_PORT + $1 - 1)); }
ctl() { local n="$1"; shift; rabbitmqctl -n "$(node_name "$n")" "$@"; }
log() { echo "cluster: $*"; }

write_config() {
  local n="$1" dir="$BASE/$1"
  mkdir -p "$dir/mnesia" "$dir/log"
  # An env file of its own, so that the main node's /etc/rabbitmq/rabbitmq-env.conf
  # (node name, port) does not apply to this one.
  cat > "$dir/rabbitmq-env.conf" <<CONF
# Written by deploy/cluster.sh
NODENAME=$(node_name "$n")
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=$(amqp_port "$n")
DIST_PORT=$(dist_port "$n")
MNESIA_BASE=$dir/mnesia
LOG_BASE=$dir/log
PID_FILE=$dir/node.pid
CONFIG_FILE=$dir/rabbitmq.conf
ENABLED_PLUGINS_FILE=$dir/enabled_plugins
SERVER_ADDITIONAL_ERL_ARGS="$ERL_ARGS"
CONF
  cat > "$dir/rabbitmq.conf" <<CONF
# Written by deploy/cluster.sh
listeners.tcp.1 = 127.0.0.1:$(amqp_port "$n")
loopback_users = none
cluster_name = $PREFIX-cluster
# Created on a fresh node's first boot (a node joining the cluster takes the cluster's own).
default_user = relance
default_pass = $PASSWORD
default_vhost = relance
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
CONF
  echo "[]." > "$dir/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$dir"
}

start_node() {
  local n="$1" dir="$BASE/$1"
  # Both the env file and the variables, so the scripts and the Erlang side agree.
  env RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
      RABBITMQ_NODENAME="$(node_name "$n")" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
      RABBITMQ_NODE_PORT="$(amqp_port "$n")" RABBITMQ_DIST_PORT="$(dist_port "$n")" \
      RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/node.pid" \
      RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="$ERL_ARGS" \
      rabbitmq-server -detached
}

amqp_answers() {
  # The broker sends its protocol header back on a bad greeting: any answer means it serves.
  timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'HELLO\r\n\r\n' >&3 && head -c 4 <&3" 2>/dev/null | grep -q AMQP
}

# Waits for node $1's Erlang VM, then for its application (which, on a node that was part of
# the cluster, waits for the others: hence all nodes are started before any is awaited).
await_node() {
  local n="$1"
  for _ in $(seq 1 120); do
    ctl "$n" -q ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  ctl "$n" -q await_startup --timeout 300
}

# The nodes that node $1 lists under $2 (disk_nodes: the members, running_nodes), one a line.
cluster_nodes() {
  ctl "$1" -q cluster_status --formatter json 2>/dev/null \
    | grep -o "\"$2\":\\[[^]]*\\]" | grep -o '"[^"]*@[^"]*"' | tr -d '"' || true
}

up() {
  command -v rabbitmq-server >/dev/null || { echo "cluster: rabbitmq-server is not installed" >&2; exit 1; }
  # The nodes authenticate each other with the rabbitmq user's Erlang cookie: create it once
  # here, so that nodes started at the same moment do not each write their own.
  local cookie=/var/lib/rabbitmq/.erlang.cookie
  if [ ! -s "$cookie" ]; then
    head -c 512 /dev/urandom | tr -dc 'A-Z' | head -c 20 > "$cookie"
    chown rabbitmq:rabbitmq "$cookie"
    chmod 400 "$cookie"
  fi

  local n started=() names=()
  for n in $(seq 1 $SIZE); do
    write_config "$n"
    if ctl "$n" -q ping >/dev/null 2>&1; then
      started[n]=0
    else
      start_node "$n"
      started[n]=1
      names+=("$(node_name "$n")")
    fi
  done
  [ ${#names[@]} -eq 0 ] || log "starting ${names[*]}"
  # In parallel: a node that was in the cluster waits for its peers before it starts. A node
  # that was running may have its application stopped by a test: start it (a no-op on a
  # running one; await_startup would wait for it in vain).
  local pids=()
  for n in $(seq 1 $SIZE); do
    if [ "${started[n]}" -eq 1 ]; then
      ( await_node "$n" >/dev/null 2>&1 || true ) &
    else
      ( ctl "$n" -q start_app >/dev/null 2>&1 || true ) &
    fi
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done

  # Join the other nodes to node 1 (at once) unless they are members already.
  local seed
  seed="$(node_name 1)"
  pids=()
  for n in $(seq 2 $SIZE); do
    if ! cluster_nodes "$n" disk_nodes | grep -qx "$seed"; then
      log "joining $(node_name "$n") to $seed"
      ( ctl "$n" -q stop_app >/dev/null && ctl "$n" -q join_cluster "$seed" >/dev/null && ctl "$n" -q start_app >/dev/null ) &
      pids+=($!)
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid"; done

  # Users, vhosts and permissions are cluster-wide. The config creates them on a fresh
  # cluster; repair them if they were removed since.
  if ! ctl 1 -q list_permissions -p relance 2>/dev/null | grep -qE '^relance\s+\.\*\s+\.\*\s+\.\*$'; then
    ctl 1 -q list_users | awk '{print $1}' | grep -qx relance || ctl 1 -q add_user relance "$PASSWORD" >/dev/null
    ctl 1 -q list_vhosts | grep -qx relance || ctl 1 -q add_vhost relance >/dev/null
    ctl 1 -q set_permissions -p relance relance ".*" ".*" ".*"
  fi

  local count=0
  for _ in $(seq 1 120); do
    count="$(cluster_nodes 1 running_nodes | wc -l)"
    [ "$count" -eq $SIZE ] && break
    sleep 0.5
  done
  [ "$count" -eq $SIZE ] || { echo "cluster: $count of $SIZE nodes running" >&2; exit 1; }
  for n in $(seq 1 $SIZE); do
    for _ in $(seq 1 60); do
      amqp_answers "$(amqp_port "$n")" && break
      sleep 0.5
    done
    amqp_answers "$(amqp_port "$n")" || { echo "cluster: $(node_name "$n") does not answer on 127.0.0.1:$(amqp_port "$n")" >&2; exit 1; }
  done
  log "$SIZE nodes running, AMQP on 127.0.0.1:$(amqp_port 1), $(amqp_port 2), $(amqp_port 3) (vhost relance)"
}

down() {
  local n
  for n in $(seq 1 $SIZE); do
    if ctl "$n" -q ping >/dev/null 2>&1; then
      ctl "$n" -q stop >/dev/null && log "$(node_name "$n") stopped"
    else
      log "$(node_name "$n") is not running"
    fi
  done
}

status() {
  local n state
  for n in $(seq 1 $SIZE); do
    if ! ctl "$n" -q ping >/dev/null 2>&1; then
      state="not running"
    elif amqp_answers "$(amqp_port "$n")"; then
      state="serving AMQP on 127.0.0.1:$(amqp_port "$n")"
    else
      state="running, application stopped (no AMQP on 127.0.0.1:$(amqp_port "$n"))"
    fi
    echo "$(node_name "$n"): $state"
  done
  for n in $(seq 1 $SIZE); do
    if ctl "$n" -q ping >/dev/null 2>&1; then
      echo "members (as $(node_name "$n") sees them): $(cluster_nodes "$n" disk_nodes | xargs)"
      echo "running: $(cluster_nodes "$n" running_nodes | xargs)"
      return 0
    fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
