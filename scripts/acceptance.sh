#!/usr/bin/env bash
# Issue #2's acceptance, run exactly as written on a clean data dir, plus the second-user check.
# Usage: scripts/acceptance.sh [path/to/sitectl]   (exit 0 = pass)
set -uo pipefail
BIN=${1:-.build/debug/sitectl}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
sitectl() { "$BIN" "$@"; }
WORK=$(mktemp -d /tmp/sitectl-accept.XXXXXX)
D="$WORK/data"
export XDG_RUNTIME_DIR="$WORK/run" SITECTL_CONFIG_DIR="$WORK/config"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
PORT=${ACCEPT_PORT:-18080}
fail() { echo "ACCEPTANCE FAILED: $*" >&2; sitectl daemon stop >/dev/null 2>&1; exit 1; }
trap 'sitectl daemon stop >/dev/null 2>&1 || true' EXIT

sitectl daemon start --data-dir "$D" --serve 127.0.0.1:$PORT --wait || fail "daemon start"
printf 'correct horse battery\n' | sitectl register --email ann@example.test --password-stdin || fail register
printf 'correct horse battery\n' | sitectl login --email ann@example.test --password-stdin || fail login
sitectl sites create blog --theme starter || fail "sites create"
home=$(curl -fsS -H 'Host: blog.localhost' http://127.0.0.1:$PORT/) || fail "starter home page not served"
grep -q '<html' <<<"$home" || fail "home page is not HTML"
out=$(sitectl chat blog 'set the site title to Acme Design Co.' --wait) || fail "chat --wait exit $?"
echo "$out"
grep -q 'blog@2' <<<"$out" || fail "chat output does not name the new version: $out"
sitectl versions deploy blog@latest --yes || fail deploy
curl -fsS -H 'Host: blog.localhost' http://127.0.0.1:$PORT/ | grep -q 'Acme Design Co.' || fail "title not live after deploy"
q=$(sitectl chat blog 'make it pop' --no-input); rc=$?
echo "$q"
[ "$rc" -eq 3 ] || fail "'make it pop' exit $rc, want 3"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["state"] == "needs_input" and d["question"]["text"] and d["question"]["options"], d' "$q" || fail "question is not the request as JSON, with options"
sitectl versions rollback blog --yes || fail rollback
curl -fsS -H 'Host: blog.localhost' http://127.0.0.1:$PORT/ | grep -q 'Acme Design Co.' && fail "title still live after rollback"
json=$(sitectl versions list blog -o json) || fail "versions list"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert len(d)==2, len(d)' "$json" || fail "versions list is not JSON with 2 versions"

# A second user can neither see nor change blog.
export SITECTL_CONFIG_DIR="$WORK/config-bob"
printf 'another long password\n' | sitectl register --email bob@example.test --password-stdin >/dev/null || fail "register bob"
printf 'another long password\n' | sitectl login --email bob@example.test --password-stdin || fail "login bob"
python3 -c 'import json,sys; assert json.loads(sys.argv[1]) == []' "$(sitectl sites list -o json)" || fail "bob sees sites"
sitectl sites show blog 2>/dev/null && fail "bob can show blog"
sitectl versions deploy blog@1 --yes 2>/dev/null && fail "bob can deploy blog"
sitectl chat blog 'set the site title to Hacked' 2>/dev/null && fail "bob can chat blog"
sitectl sites delete blog --yes 2>/dev/null && fail "bob can delete blog"
export SITECTL_CONFIG_DIR="$WORK/config"

sitectl daemon stop || fail "daemon stop"
[ -S "$XDG_RUNTIME_DIR/sitectl/sitectl.sock" ] && fail "socket left behind"
python3 - "$D/sitectl.db" <<'PY' || fail "jobs left running or locks held"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("select count(*) from jobs where state='running'").fetchone()[0] == 0
assert db.execute("select count(*) from site_locks where holder is not null").fetchone()[0] == 0
PY
trap - EXIT
rm -rf "$WORK"
echo "ACCEPTANCE PASSED"
