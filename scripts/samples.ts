/**
 * What Hindsight ships as samples, so `npm run samples:remove` can take exactly that away and
 * nothing of a team's own.
 */

/** The sample postmortems, by file name: the two seed incidents and the fictional Fernhill ones. */
export const SAMPLE_FILES = [
  '2023-02-09-caldav-expired-tls-certificate.mdx',
  '2023-06-17-credential-stuffing-login.mdx',
  '2023-08-28-docs-connection-pool-exhaustion.mdx',
  '2023-11-05-recurring-events-dst-offset.mdx',
  '2024-02-22-mail-server-storage-disk.mdx',
  '2024-03-19-dns-resolver-anycast-route.mdx',
  '2024-05-09-mail-storage-array-disk.mdx',
  '2024-10-08-api-gateway-rate-limit-config-push.mdx',
  '2025-01-22-calendar-migration-table-lock.mdx',
  '2025-04-13-webhook-retry-backoff-overflow.mdx',
  '2025-06-10-orphan-blob-sweeper-deleted-attachments.mdx',
  '2025-09-03-mail-relay-queue-backlog-unexplained.mdx',
  '2025-10-14-payment-provider-outage-renewals.mdx',
  '2026-03-04-sso-signing-certificate-expired.mdx',
];

/** The sample settings in `astro.config.mjs`: the lines between these two comments, inclusive. */
export const SAMPLE_SETTINGS =
  /^[ \t]*\/\/ Sample settings:.*\n[\s\S]*?^[ \t]*\/\/ End of sample settings\.?[ \t]*\n/m;
