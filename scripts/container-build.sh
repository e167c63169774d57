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
# prebuilt binary where one can be downloaded, else compiled (python3, make and g++).
npm rebuild better-sqlite3 --no-audit --no-fund
npm run build
npm prune --omit=dev --ignore-scripts --no-audit --no-fund
npm cache clean --force >/dev/null 2>&1 || true
