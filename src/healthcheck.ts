/**
 * The container's HEALTHCHECK: GET /healthz on this machine, on the interface HOST names if any. In Socket Mode there is no HTTP
 * server to ask, so it reports healthy while the process runs (the orchestrator sees it exit).
 */
const port = Number(process.env.PORT ?? 3000);
// The interface the bot listens on (HOST), or loopback when it listens on all of them.
const host = process.env.HOST?.trim();
const target = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
if (process.env.SLACK_APP_TOKEN) process.exit(0);
try {
  const res = await fetch(`http://${target}:${port}/healthz`, { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
