/**
 * The container's HEALTHCHECK: GET /healthz on this machine. In Socket Mode there is no HTTP
 * server to ask, so it reports healthy while the process runs (the orchestrator sees it exit).
 */
const port = Number(process.env.PORT ?? 3000);
if (process.env.SLACK_APP_TOKEN) process.exit(0);
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
