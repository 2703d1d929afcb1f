#!/usr/bin/env bash
# Starts Debian's PostgreSQL (apt-get install postgresql) and gives the tests their own role and
# database: cnnlab_test, owned by the role cnnlab_test (password cnnlab_test), on localhost:5432.
# Idempotent; run as root. The PostgreSQL integration tests (classroom/*PostgresIT) expect it.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_ctlcluster "$version" main start 2>/dev/null || true
for i in $(seq 1 30); do
  su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -v ON_ERROR_STOP=1 -tA" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cnnlab_test') THEN
    CREATE ROLE cnnlab_test LOGIN PASSWORD 'cnnlab_test';
  END IF;
END $$;
SQL
su postgres -c "psql -tAc \"select 1 from pg_database where datname = 'cnnlab_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O cnnlab_test cnnlab_test"
echo "PostgreSQL $version ready: jdbc:postgresql://localhost:5432/cnnlab_test (cnnlab_test/cnnlab_test)"
