#!/usr/bin/env bash
# The scale-out topology on one Linux machine, without Docker: Debian's PostgreSQL (a cluster of its
# own), Debian's nginx running deploy/nginx/cnnlab-nodes.conf, two app JVMs and one worker JVM, all on
# loopback. The same jar for every node (./mvnw -Pproduction -DskipTests package first).
#
#   deploy/topology.sh start            everything; prints the address
#   deploy/topology.sh stop             everything, cleanly (SIGTERM, then the database)
#   deploy/topology.sh status           what runs
#   deploy/topology.sh kill NODE        SIGKILL one node (app1, app2, worker1, worker2): fault tests
#   deploy/topology.sh stop-node NODE   stop one node cleanly (SIGTERM: a worker hands its job back first)
#   deploy/topology.sh start-node NODE  start one node again (or a second worker, worker2)
#   deploy/topology.sh restart-db       restart PostgreSQL (fault tests; also stop-db, start-db)
#
# Settings (environment): CNNLAB_TOPOLOGY_DIR (state, logs, the nodes' shared data directory;
# default /tmp/cnnlab-topology), CNNLAB_PROXY_PORT (8000), CNNLAB_APP_PORTS ("8081 8082"),
# CNNLAB_PG_PORT (5433), CNNLAB_PG_DB (cnnlab), CNNLAB_TOPOLOGY_FRESH=1 (start from an empty database
# and data directory: the tests), CNNLAB_JAR (target/cnnlab.jar), CNNLAB_INSTRUCTOR_PASSWORD (else generated
# and printed), JAVA_HOME (default the Temurin 25 JDK). Run as root: it makes and runs the
# PostgreSQL cluster "cnnlab" through Debian's pg_createcluster/pg_ctlcluster.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${CNNLAB_TOPOLOGY_DIR:-/tmp/cnnlab-topology}
PROXY_PORT=${CNNLAB_PROXY_PORT:-8000}
read -r APP1_PORT APP2_PORT <<<"${CNNLAB_APP_PORTS:-8081 8082}"
PG_PORT=${CNNLAB_PG_PORT:-5433}
PG_DB=${CNNLAB_PG_DB:-cnnlab}
JAR=${CNNLAB_JAR:-target/cnnlab.jar}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
mkdir -p "$DIR"/logs "$DIR"/pids "$DIR"/data "$DIR"/nginx

secret() { # a value made once and kept in the state directory
  [ -s "$DIR/$1" ] || (head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DIR/$1")
  cat "$DIR/$1"
}

start_db() {
  pg_lsclusters -h | awk '{print $2}' | grep -qx cnnlab || pg_createcluster "$PG_VERSION" cnnlab -p "$PG_PORT" >/dev/null
  pg_ctlcluster "$PG_VERSION" cnnlab start 2>/dev/null || true
  for _ in $(seq 1 30); do su postgres -c "psql -p $PG_PORT -tAc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
  local pw; pw=$(secret db-password)
  su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cnnlab') THEN CREATE ROLE cnnlab LOGIN; END IF;
  ALTER ROLE cnnlab PASSWORD '$pw';
END \$\$;
SQL
  if [ "${CNNLAB_TOPOLOGY_FRESH:-0}" = 1 ]; then
    su postgres -c "dropdb -p $PG_PORT --if-exists $PG_DB"
    rm -rf "$DIR/data" && mkdir -p "$DIR/data"
  fi
  su postgres -c "psql -p $PG_PORT -tAc \"select 1 from pg_database where datname = '$PG_DB'\"" | grep -q 1 \
    || su postgres -c "createdb -p $PG_PORT -O cnnlab $PG_DB"
}

start_proxy() {
  sed -e "s/listen 443 ssl http2;/listen 127.0.0.1:$PROXY_PORT;/" -e '/ssl_/d' \
      -e "s|listen 80;|listen unix:$DIR/nginx/redirect.sock;|" \
      -e "s/127.0.0.1:8081/127.0.0.1:$APP1_PORT/g" -e "s/127.0.0.1:8082/127.0.0.1:$APP2_PORT/g" \
      deploy/nginx/cnnlab-nodes.conf >"$DIR/nginx/site.conf"
  cat >"$DIR/nginx/nginx.conf" <<CONF
pid $DIR/nginx/nginx.pid;
error_log $DIR/logs/nginx.log;
events {}
http {
    access_log off;
    client_body_temp_path $DIR/nginx/body;
    proxy_temp_path $DIR/nginx/proxy;
    fastcgi_temp_path $DIR/nginx/fastcgi;
    uwsgi_temp_path $DIR/nginx/uwsgi;
    scgi_temp_path $DIR/nginx/scgi;
    include $DIR/nginx/site.conf;
}
CONF
  [ -f "$DIR/nginx/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx/nginx.pid")" 2>/dev/null && return
  rm -f "$DIR/nginx/redirect.sock"
  nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" >>"$DIR/logs/nginx.log" 2>&1 \
    || { echo "nginx did not start; see $DIR/logs/nginx.log" >&2; tail -3 "$DIR/logs/nginx.log" >&2; exit 1; }
}

port_of() {
  case "$1" in app1) echo "$APP1_PORT" ;; app2) echo "$APP2_PORT" ;; *) echo "" ;; esac
}

start_node() {
  local node=$1 profile=app port
  case "$node" in app1|app2) ;; worker*) profile=worker ;; *) echo "unknown node $node" >&2; exit 2 ;; esac
  port=$(port_of "$node")
  if [ -f "$DIR/pids/$node.pid" ] && kill -0 "$(cat "$DIR/pids/$node.pid")" 2>/dev/null; then return; fi
  [ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -Pproduction -DskipTests package first" >&2; exit 2; }
  CNNLAB_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" CNNLAB_DB_USER=cnnlab CNNLAB_DB_PASSWORD=$(secret db-password) \
  CNNLAB_DATA_DIR="$DIR/data" CNNLAB_NODE_NAME=$node CNNLAB_INSTRUCTOR_PASSWORD=${CNNLAB_INSTRUCTOR_PASSWORD:-$(secret instructor-password)} \
  PORT=${port:-0} setsid "$JAVA" -Xmx${CNNLAB_NODE_HEAP:-1g} -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
    -jar "$JAR" --spring.profiles.active="$profile" >"$DIR/logs/$node.log" 2>&1 </dev/null &
  echo $! >"$DIR/pids/$node.pid"
}

wait_node() {
  local node=$1 port; port=$(port_of "$node")
  for _ in $(seq 1 180); do
    if ! kill -0 "$(cat "$DIR/pids/$node.pid")" 2>/dev/null; then echo "$node died; see $DIR/logs/$node.log" >&2; tail -20 "$DIR/logs/$node.log" >&2; exit 1; fi
    if [ -n "$port" ]; then curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && return; else grep -q 'Started CnnLabApplication' "$DIR/logs/$node.log" && return; fi
    sleep 1
  done
  echo "$node did not start in 180 s; see $DIR/logs/$node.log" >&2; exit 1
}

stop_node() {
  local node=$1 signal=${2:-TERM} pid
  [ -f "$DIR/pids/$node.pid" ] || return 0
  pid=$(cat "$DIR/pids/$node.pid")
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$DIR/pids/$node.pid"
}

case "${1:-}" in
  start)
    start_db
    start_node app1 && wait_node app1          # the first node migrates the schema and makes the instructor
    start_node app2; start_node worker1
    wait_node app2; wait_node worker1
    start_proxy
    echo "CNN Lab on http://127.0.0.1:$PROXY_PORT/ (app1 :$APP1_PORT, app2 :$APP2_PORT, worker1; PostgreSQL :$PG_PORT)"
    [ -n "${CNNLAB_INSTRUCTOR_PASSWORD:-}" ] || echo "instructor password: $(secret instructor-password)"
    ;;
  stop)
    for pidfile in "$DIR"/pids/*.pid; do [ -e "$pidfile" ] && stop_node "$(basename "$pidfile" .pid)"; done
    [ -f "$DIR/nginx/nginx.pid" ] && nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s quit 2>/dev/null || true
    pg_ctlcluster "$PG_VERSION" cnnlab stop 2>/dev/null || true
    echo "stopped"
    ;;
  status)
    for pidfile in "$DIR"/pids/*.pid; do
      [ -e "$pidfile" ] || continue
      kill -0 "$(cat "$pidfile")" 2>/dev/null && echo "$(basename "$pidfile" .pid) running" || echo "$(basename "$pidfile" .pid) dead"
    done
    pg_lsclusters | grep cnnlab || true
    ;;
  kill) stop_node "$2" KILL ;;
  stop-node) stop_node "$2" ;;
  start-node) start_node "$2"; wait_node "$2" ;;
  restart-db) pg_ctlcluster "$PG_VERSION" cnnlab restart ;;
  stop-db) pg_ctlcluster "$PG_VERSION" cnnlab stop ;;
  start-db) pg_ctlcluster "$PG_VERSION" cnnlab start ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
