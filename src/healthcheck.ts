import { healthcheckUrl } from './config.js';

/**
 * The container's HEALTHCHECK: GET /healthz on this machine (see healthcheckUrl). In Socket Mode
 * there is no HTTP server to ask, so it reports healthy while the process runs (the orchestrator
 * sees it exit).
 */
if (process.env.SLACK_APP_TOKEN) process.exit(0);
try {
  const res = await fetch(healthcheckUrl(process.env), { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
