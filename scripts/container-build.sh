#!/bin/sh
# The steps that build the app for its container image. The Dockerfile runs them, and CI runs the
# same script (scripts/container-verify.sh) so a broken step fails CI even though no Docker engine
# runs there.
#   usage: container-build.sh DIR    (DIR holds package.json, package-lock.json, tsconfig*.json, src/)
# Leaves DIR with dist/ and production dependencies only.
set -eu
cd "$1"
# --ignore-scripts: `prepare` would build before the sources are all there; we build explicitly.
npm ci --ignore-scripts --no-audit --no-fund
# better-sqlite3's native module (the embedded record store), skipped by --ignore-scripts: a
# prebuilt binary where one can be downloaded, else compiled (python3, make and g++). Compiling
# needs this Node's headers, which node-gyp downloads from nodejs.org; where that is out of reach
# too (an offline build), they come from the npm registry, whose node-<platform>-<arch> package of
# the same version holds them.
if ! npm rebuild better-sqlite3 --no-audit --no-fund; then
  headers=$(mktemp -d)
  (cd "$headers" && npm pack "node-$(node -p process.platform)-$(node -p process.arch)@$(node -p process.versions.node)" --silent >/dev/null && tar xzf node-*.tgz)
  npm_config_nodedir="$headers/package" npm rebuild better-sqlite3 --no-audit --no-fund
  rm -rf "$headers"
fi
npm run build
npm prune --omit=dev --ignore-scripts --no-audit --no-fund
npm cache clean --force >/dev/null 2>&1 || true
