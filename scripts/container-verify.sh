#!/usr/bin/env bash
# CI's stand-in for `docker build`: copies what the Dockerfile copies into a scratch folder, runs
# the same build script, and checks the result as the image would run it: the manual loads, the
# bot starts and answers /healthz, and no dev dependency is left.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$root"
cp -r package.json package-lock.json tsconfig.json tsconfig.build.json src manual examples scripts "$work/"
sh scripts/container-build.sh "$work" >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; echo "container build steps failed"; exit 1; }
cd "$work"
for dev in typescript jest ts-jest; do
  if [ -e "node_modules/$dev" ]; then echo "dev dependency $dev left in the image"; exit 1; fi
done
NODE_ENV=production node dist/cli/main.js check
# The whole GOV.UK manual's example questions are in the image, and used with an upstream checkout.
ls examples/govuk-manual/*.yml >/dev/null || { echo "no example questions for the whole manual in the image"; exit 1; }
whole="$root/../shared/govuk-manual"
if [ -d "$whole" ]; then
  NODE_ENV=production MANUAL_DIR="$whole" node dist/cli/main.js check | grep -E ' [1-9][0-9,]* example questions' \
    || { echo "the whole manual is served without its example questions"; exit 1; }
fi
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
NODE_ENV=production SLACK_BOT_TOKEN=xoxb-ci-check SLACK_SIGNING_SECRET=ci-check-secret PORT=$port HOST=127.0.0.1 \
  SLACK_API_URL=http://127.0.0.1:9/api/ node dist/main.js >"$work/run.log" 2>&1 &
pid=$!
for _ in $(seq 50); do
  if PORT=$port node dist/healthcheck.js; then break; fi
  sleep 0.2
done
PORT=$port node dist/healthcheck.js || { cat "$work/run.log"; echo "healthcheck failed"; exit 1; }
# The embedded record store works in the built image: created on first start, and healthy.
[ -f data/techlead.sqlite ] || { cat "$work/run.log"; echo "the record store was not created in DATA_DIR"; exit 1; }
PORT=$port node -e 'fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => r.json()).then((h) => { if (h.store?.backend !== "sqlite" || h.store?.status !== "ok") { console.log(JSON.stringify(h)); process.exit(1); } })' \
  || { echo "the record store is not healthy"; exit 1; }
kill -TERM "$pid"; wait "$pid" || { echo "did not stop cleanly on SIGTERM"; exit 1; }
if grep -q 'ci-check-secret\|xoxb-ci-check' "$work/run.log"; then echo "a secret reached the logs"; exit 1; fi
echo "container build steps: ok"
