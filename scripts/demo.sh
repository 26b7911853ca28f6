#!/usr/bin/env bash
# The newcomer's tour: a daemon on a temporary data dir, an account, a site, a chat request, a deploy, the URL.
set -euo pipefail
BIN=${1:-.build/debug/sitectl}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
DEMO=$(mktemp -d /tmp/sitectl-demo.XXXXXX)
export XDG_RUNTIME_DIR="$DEMO/run" SITECTL_CONFIG_DIR="$DEMO/config"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
PORT=${SITECTL_DEMO_PORT:-18080}
say() { printf '\n\033[1m$ %s\033[0m\n' "$*" >&2; }
run() { say "$*"; "$@"; }

run "$BIN" daemon start --data-dir "$DEMO/data" --serve "127.0.0.1:$PORT" --wait
say "printf '…' | sitectl register --email demo@example.test --password-stdin"
printf 'correct horse battery\n' | "$BIN" register --email demo@example.test --password-stdin
printf 'correct horse battery\n' | "$BIN" login --email demo@example.test --password-stdin
run "$BIN" sites create blog --theme starter
run "$BIN" chat blog 'set the site title to Acme Design Co.' --wait
run "$BIN" versions deploy blog@latest --yes
run "$BIN" versions list blog
say "curl -s -H 'Host: blog.localhost' http://127.0.0.1:$PORT/ | grep -o '<title>[^<]*</title>'"
curl -fsS -H 'Host: blog.localhost' "http://127.0.0.1:$PORT/" | grep -o '<title>[^<]*</title>' | head -1
cat >&2 <<MSG

The changed site is live at:  http://blog.localhost:$PORT/
The daemon keeps running. Try, with the same environment:
  export XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR SITECTL_CONFIG_DIR=$SITECTL_CONFIG_DIR
  $BIN chat blog 'make the header dark blue' --wait
  $BIN tui
Stop it with:  XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR $BIN daemon stop
MSG
echo "http://blog.localhost:$PORT/"
