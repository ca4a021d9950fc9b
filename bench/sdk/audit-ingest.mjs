// Pages an organization's audit log with the official Cloudflare SDK and
// prints one JSON line: entries received, requests made, seconds taken.
// Usage: node audit-ingest.mjs --base-url URL --org ID --since D --before D [--limit N]
import Cloudflare from 'cloudflare';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, v, i, all) => (i % 2 === 0 ? [...pairs, [v.replace(/^--/, ''), all[i + 1]]] : pairs), []));

// Count every fetch the SDK makes, its own retries included.
let requests = 0;
const countingFetch = (...a) => {
  requests += 1;
  return fetch(...a);
};

const client = new Cloudflare({
  apiToken: args.token ?? 'orgscope-demo-token',
  baseURL: args['base-url'],
  fetch: countingFetch,
  maxRetries: 2,
});

const params = { since: args.since, before: args.before };
if (args.limit) params.limit = Number(args.limit);

const start = process.hrtime.bigint();
let entries = 0;
for await (const entry of client.organizations.logs.audit.list(args.org, params)) {
  if (entry.id) entries += 1;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ entries, requests, seconds }));
