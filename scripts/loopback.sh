# Shell functions for the scripts that start a service on this machine and talk to it (sourced, not run):
# deploy/lint-demo.sh, examples/minimal-service/check.sh, benchmarks/scripts/demo-lib.sh and the fixture captures.

# free_port: a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# await_http URL PID LOG [SECONDS]: waits until URL answers with a 2xx status. Fails, printing LOG, as soon as process
# PID has exited, or after SECONDS (default 60).
await_http() {
  local url=$1 pid=$2 log=$3 deadline=$((SECONDS + ${4:-60}))
  until curl -fsS "$url" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$log" >&2
      echo "$(basename "$0"): the process behind $url exited (its output is above)" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "$(basename "$0"): $url did not answer in ${4:-60} s; see $log" >&2
      return 1
    fi
    sleep 0.2
  done
}
