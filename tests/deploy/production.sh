#!/usr/bin/env bash
# The README's production block, run as printed (issue #10): the block is taken out of README.md between its markers,
# only its four "修改这四行" values are replaced, and it runs in a copy of the checkout that holds what a server gets —
# the tracked code, the built dist/, and the production dependencies alone (devDependencies pruned: no Vite, no
# TypeScript, no test tools). Then, as an operator would: the first administrator signs in and finds the reference
# data and the setup checklist; a backup is restored into a new database and the system answers from it; SIGTERM
# stops the server cleanly through `npm start`, and a killed server makes `npm start` exit non-zero.
#
# Needs: a built dist/ (npm run build), PostgreSQL (PGHOST/PGUSER, default 127.0.0.1/postgres), curl, openssl.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
port="${DEPLOY_PORT:-3291}"
say() { printf '\n--- %s\n' "$*"; }
fail() { printf '\n✗ %s\n' "$*" >&2; exit 1; }

[ -f "$repo/dist/index.html" ] || fail "dist/ is missing: run npm run build first"

# Beside the repo on the same filesystem, so node_modules can be hard-linked (fast, no second install).
work="$repo/test-results/deploy"
rm -rf "$work"
mkdir -p "$work"
app="$work/qianqi"
npm_pid=""
# The server's processes: `node bin/start.mjs` running in the copy (found by their working directory).
server_pids() {
  for p in $(pgrep -f 'bin/start.mjs' || true); do
    [ "$(readlink "/proc/$p/cwd" 2>/dev/null)" = "$app" ] && echo "$p"
  done
  return 0
}
cleanup() {
  if [ -n "$npm_pid" ] && kill -0 "$npm_pid" 2>/dev/null; then kill -KILL "$npm_pid" 2>/dev/null || true; fi
  for p in $(server_pids); do kill -KILL "$p" 2>/dev/null || true; done
  psql -d postgres -qc 'drop database if exists qianqi with (force)' -c 'drop database if exists qianqi_restored with (force)' >/dev/null 2>&1 || true
}
trap cleanup EXIT

say "a server's copy: code, dist/, production dependencies only"
mkdir -p "$app"
tar -C "$repo" --exclude=./node_modules --exclude=./.git --exclude=./test-results --exclude=./data \
  --exclude=./artifacts --exclude=./playwright-report -cf - . | tar -C "$app" -xf -
cp -al "$repo/node_modules" "$app/node_modules"
# npm rewrites its hidden lockfile: give the copy its own file instead of a link to the checkout's.
cp --remove-destination "$repo/node_modules/.package-lock.json" "$app/node_modules/.package-lock.json"
(cd "$app" && npm prune --omit=dev --no-audit --no-fund --offline --loglevel=error)
for dev in vite typescript vitest @playwright/test @biomejs/biome; do
  [ ! -e "$app/node_modules/$dev" ] || fail "devDependency $dev is still installed in the production copy"
done
[ ! -e "$app/../shared" ] || fail "something named shared sits beside the copy"

say "the README's production block"
block="$(awk '/<!-- production-block:begin -->/{on=1; next} /<!-- production-block:end -->/{on=0} on' "$repo/README.md" |
  sed -e '/^```/d')"
[ -n "$block" ] || fail "README.md has no production block"
printf '%s\n' "$block" | grep -q '^npm start$' || fail "the block no longer ends by starting the server"
block="$(printf '%s\n' "$block" |
  sed -e "s#^ENV_FILE=.*#ENV_FILE=$work/etc/qianqi.env#" \
    -e "s#^DB_URL=.*#DB_URL='postgres://$PGUSER@$PGHOST:5432/qianqi'#" \
    -e "s#^DATA_DIR=.*#DATA_DIR=$work/var#" \
    -e "s#^PUBLIC_URL=.*#PUBLIC_URL=http://127.0.0.1:$port#")"
psql -d postgres -qc 'drop database if exists qianqi with (force)' >/dev/null
# Two commands cannot run as printed here: `npm ci --omit=dev` (the copy above is that install, made by pruning the
# checkout's node_modules instead of compiling better-sqlite3 again) and `npm start` in the foreground (it runs in
# the background so that this script can go on). Everything else runs exactly as the README prints it.
cat > "$work/block.sh" <<SCRIPT
set -euo pipefail
cd "$app"
npm() {
  case "\$1 \${2:-}" in
    "ci --omit=dev") echo "(npm ci --omit=dev: production dependencies already in place)" ;;
    "start ") { command npm start > "$work/server.log" 2>&1; echo \$? > "$work/npm.exit"; } &
              echo \$! > "$work/npm.watcher" ;;
    *) command npm "\$@" ;;
  esac
}
$block
SCRIPT
PORT="$port" bash "$work/block.sh" > "$work/block.log" 2>&1 || { cat "$work/block.log"; fail "the production block failed"; }
cat "$work/block.log"
# npm start runs under a small watcher shell that records its exit status.
for _ in $(seq 1 20); do npm_pid="$(pgrep -P "$(cat "$work/npm.watcher")" -f 'npm start' || true)"; [ -n "$npm_pid" ] && break; sleep 0.25; done
[ -n "$npm_pid" ] || fail "npm start is not running"
temp_password="$(sed -n 's/^临时密码：\([^（]*\)（.*/\1/p' "$work/block.log")"
[ -n "$temp_password" ] || fail "create-admin printed no temporary password"
grep -q '下一步：用该账户登录网页' "$work/block.log" || fail "create-admin did not say what comes next"
grep -q '^PII_KEY=' "$work/etc/qianqi.env" || fail "the env file has no PII_KEY"
grep -q '^AUDIT_KEY=' "$work/etc/qianqi.env" || fail "the env file has no AUDIT_KEY"
[ "$(stat -c %a "$work/etc/qianqi.env")" = 600 ] || fail "the env file is readable by others"

base="http://127.0.0.1:$port"
wait_health() {
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/health")" = 200 ] && return 0
    sleep 0.5
  done
  cat "$work/server.log"
  fail "the server did not become healthy"
}
wait_health
curl -sf "$base/api/health" | grep -q '"database":"postgres"' || fail "health does not report PostgreSQL"
curl -sf "$base/" | grep -q 'id="root"' || fail "the web app is not served from dist/"

say "the first administrator signs in"
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);console.log(eval('v'+process.argv[1]))})" "$1"; }
sign_in() { # user password → cookie header (the cookie is Secure: sent by hand, as a TLS proxy would carry it)
  curl -s -D - -o /dev/null -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$base/api/v1/sessions" |
    sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\);.*/\1/p' | head -n1
}
cookie="$(sign_in root "$temp_password")"
[ -n "$cookie" ] || fail "root could not sign in with the temporary password"
new_password='Prod-Lantern#2026'
code="$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "cookie: $cookie" -H 'content-type: application/json' \
  -d "{\"currentPassword\":\"$temp_password\",\"newPassword\":\"$new_password\"}" "$base/api/v1/me/password")"
[ "$code" = 200 ] || fail "changing the temporary password answered $code"
cookie="$(sign_in root "$new_password")"
checklist="$(curl -sf -H "cookie: $cookie" "$base/api/v1/setup/checklist")" || fail "no setup checklist for root"
echo "$checklist" | head -c 600; echo
[ "$(echo "$checklist" | json '.steps.length')" -ge 4 ] || fail "the checklist has fewer than four steps"
[ "$(echo "$checklist" | json '.steps.filter(s=>s.done).length')" = 0 ] || fail "an empty instance has a step done"
orgs="$(psql -d qianqi -Atc "select count(*) filter (where kind = 'center') || ' ' || count(*) filter (where kind = 'district_association') || ' ' || count(*) filter (where kind = 'host') from organizations")"
[ "$orgs" = "1 17 0" ] || fail "reference data: expected the Center, 17 district associations and no host, got $orgs"
[ "$(psql -d qianqi -Atc 'select count(*) from program_years where year = 2025')" = 1 ] || fail "no 2025 policy"
[ "$(psql -d qianqi -Atc 'select count(*) from stations')" = 0 ] || fail "demo stations in production"

say "backup, then restore into a new database, as the README prints it"
set -a; . "$work/etc/qianqi.env"; set +a
(cd "$app" && bin/qianqi backup "$work/backup.tar.gz")
tar -tzf "$work/backup.tar.gz" | grep -qx 'manifest.json' || fail "the backup has no manifest"
psql -d postgres -qc 'drop database if exists qianqi_restored with (force)' -c 'create database qianqi_restored' >/dev/null
restored_url="postgres://$PGUSER@$PGHOST:5432/qianqi_restored"
(cd "$app" && DATABASE_URL="$restored_url" STORAGE_DIR="$work/restored-storage" bin/qianqi restore "$work/backup.tar.gz")

say "SIGTERM through npm start: a clean stop, no process left"
kill -TERM "$npm_pid"
for _ in $(seq 1 60); do [ -f "$work/npm.exit" ] && break; sleep 0.25; done
[ -f "$work/npm.exit" ] || fail "npm start is still running 15 s after SIGTERM"
grep -q '收到 SIGTERM' "$work/server.log" || fail "the server did not see SIGTERM"
[ -z "$(server_pids)" ] || fail "a server process outlived npm start"
[ "$(cat "$work/npm.exit")" = 0 ] || fail "npm start exited $(cat "$work/npm.exit") after SIGTERM (expected 0)"
echo "npm start exited 0 after SIGTERM"

say "the restored database serves the same instance"
(cd "$app" && DATABASE_URL="$restored_url" STORAGE_DIR="$work/restored-storage" PORT="$port" npm start > "$work/server2.log" 2>&1) &
npm_pid=$!
wait_health
cookie="$(sign_in root "$new_password")"
[ -n "$cookie" ] || fail "root cannot sign in on the restored database"

say "a killed server makes npm start exit non-zero"
server_pid="$(server_pids | head -n1)"
[ -n "$server_pid" ] || fail "no server process found"
kill -KILL "$server_pid"
set +e
wait "$npm_pid"
status=$?
set -e
[ "$status" -ne 0 ] || fail "npm start exited 0 although its server was killed"
echo "npm start exited $status after the server was killed"
npm_pid=""

printf '\n✓ the README production block works as printed\n'
