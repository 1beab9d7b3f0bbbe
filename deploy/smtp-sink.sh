#!/usr/bin/env bash
# Starts (`up`), stops (`down`) or checks (`status`) the local SMTP sink the email tests and
# the demo send to: deploy/smtp_sink.py on Debian's python3-aiosmtpd, listening on
# 127.0.0.1:2525 (RELANCE_SMTP_SINK_PORT), storing each message it receives as a file
#   /var/lib/relance-smtp-sink/<recipient>/<arrival ns>-<queue id>.eml   (RELANCE_SMTP_SINK_DIR)
# and refusing recipients whose local part starts with `refuse` (550 5.1.1 mailbox
# unavailable) or `busy` (451 4.3.0 try again later). Daemonised, with a pid file and a log
# beside the messages. `up` is safe to run twice and returns once the sink answers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

HOST=127.0.0.1
PORT="${RELANCE_SMTP_SINK_PORT:-2525}"
DIR="${RELANCE_SMTP_SINK_DIR:-/var/lib/relance-smtp-sink}"
RUN_DIR="${RELANCE_SMTP_SINK_RUN_DIR:-/run/relance-smtp-sink}"
PID_FILE="$RUN_DIR/smtp-sink-$PORT.pid"
LOG_FILE="$RUN_DIR/smtp-sink-$PORT.log"
# Debian's interpreter, which has python3-aiosmtpd (another python3 may come first in PATH).
PYTHON="${RELANCE_SMTP_SINK_PYTHON:-/usr/bin/python3}"

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q smtp_sink.py "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

answers() {
  # An SMTP server greets first: any 220 means it serves.
  timeout 3 bash -c "exec 3<>/dev/tcp/$HOST/$PORT && head -c 3 <&3" 2>/dev/null | grep -q 220
}

up() {
  if ! "$PYTHON" -c 'import aiosmtpd' 2>/dev/null; then
    echo "smtp-sink: $PYTHON cannot import aiosmtpd (install python3-aiosmtpd: deploy/install.sh)" >&2
    exit 1
  fi
  mkdir -p "$DIR" "$RUN_DIR"
  if pid="$(running_pid)"; then
    if answers; then
      echo "smtp-sink: already running (pid $pid) on $HOST:$PORT, storing in $DIR"
      return 0
    fi
  else
    rm -f "$PID_FILE"
    if answers; then
      echo "smtp-sink: something else answers on $HOST:$PORT" >&2
      exit 1
    fi
    setsid "$PYTHON" "$here/smtp_sink.py" --host "$HOST" --port "$PORT" --dir "$DIR" --pid-file "$PID_FILE" \
      >>"$LOG_FILE" 2>&1 </dev/null &
  fi
  for _ in $(seq 1 50); do
    answers && break
    sleep 0.2
  done
  if ! answers; then
    echo "smtp-sink: it does not answer on $HOST:$PORT; log: $LOG_FILE" >&2
    tail -n 20 "$LOG_FILE" >&2 || true
    exit 1
  fi
  echo "smtp-sink: serving SMTP on $HOST:$PORT (pid $(cat "$PID_FILE")), storing in $DIR"
}

down() {
  if pid="$(running_pid)"; then
    kill "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
    echo "smtp-sink: stopped"
  else
    rm -f "$PID_FILE"
    echo "smtp-sink: not running"
  fi
}

status() {
  if pid="$(running_pid)" && answers; then
    echo "smtp-sink: running (pid $pid) on $HOST:$PORT, storing in $DIR"
  else
    echo "smtp-sink: not running on $HOST:$PORT"
    exit 3
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
