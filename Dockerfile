# techlead-bot: build stage compiles TypeScript; the runtime stage has production dependencies only.
# The build steps live in scripts/container-build.sh, which CI also runs (scripts/container-verify.sh).

FROM node:20-bookworm-slim AS build
# To compile better-sqlite3 (the embedded record store) where its prebuilt binary cannot be
# downloaded; the runtime stage copies the compiled module, not these.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scripts/container-build.sh scripts/
COPY src src
RUN sh scripts/container-build.sh /app

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    MANUAL_DIR=/app/manual
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# The shipped manual, and the default synonyms for any manual. To serve another, mount it
# elsewhere and set MANUAL_DIR (mounted over /app/manual, it would hide the shipped synonyms).
COPY manual manual
# Example questions for the whole GOV.UK manual: used when MANUAL_DIR is an upstream checkout of it,
# which has none of its own (see docs/example-questions.md).
COPY examples examples
# The embedded record store (DATA_DIR, default ./data): a folder the node user can write. Mount a
# volume here to keep feedback and the gaps report across containers; with replicas, set
# DATABASE_URL instead.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
# The official node images have an unprivileged `node` user (uid 1000).
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/healthcheck.js"]
# node itself is PID 1 (not npm), so SIGTERM reaches the app's handler and it stops gracefully.
CMD ["node", "dist/main.js"]
