/**
 * The words the generated postmortems are made of: services, components, symptoms and sentences
 * of the kind incident write-ups use, with slots the generator fills. Written for the benchmark;
 * the sentences describe systems, never people, so the blameless-language lint finds nothing.
 *
 * Slots: {service}, {other} (another service), {component}, {dependency}, {metric}, {symptom},
 * {host}, {key} (a configuration key), {n} (a small number), {pct} (a percentage), {minutes},
 * {region}, {version}, {team}.
 */

/** Services, commonest first: the generator picks from the start of the list far more often. */
export const CORE_SERVICES = [
  'api',
  'checkout',
  'payments',
  'auth',
  'email',
  'search',
  'web',
  'mobile-api',
  'notifications',
  'billing',
  'storage',
  'calendar',
  'docs',
  'mail-relay',
  'webhooks',
  'sso',
  'dns',
  'cdn',
  'queue',
  'scheduler',
] as const;

/** Parts of the long tail of smaller services (`ledger-export`, `media-resizer`, …). */
export const SERVICE_STEMS = [
  'ledger',
  'media',
  'invoice',
  'catalog',
  'profile',
  'audit',
  'report',
  'feed',
  'inventory',
  'pricing',
  'fraud',
  'identity',
  'session',
  'upload',
  'geo',
  'chat',
  'ticket',
  'order',
  'shipping',
  'coupon',
  'tax',
  'metrics',
  'backup',
  'export',
];
export const SERVICE_SUFFIXES = [
  'api',
  'worker',
  'export',
  'sync',
  'resizer',
  'indexer',
  'gateway',
  'cron',
  'store',
  'proxy',
];

export const COMPONENTS = [
  'connection pool',
  'load balancer',
  'read replica',
  'primary database',
  'message queue',
  'cache cluster',
  'job scheduler',
  'object store',
  'TLS terminator',
  'service mesh sidecar',
  'DNS resolver',
  'rate limiter',
  'feature flag service',
  'config store',
  'deploy pipeline',
  'container orchestrator',
  'autoscaling group',
  'search cluster',
  'CDN edge',
  'log shipper',
  'metrics pipeline',
  'secrets manager',
  'certificate renewal job',
  'batch importer',
  'webhook dispatcher',
  'session store',
  'storage array',
  'network switch',
  'firewall rule set',
  'backup job',
];

export const DEPENDENCIES = [
  'Postgres',
  'Redis',
  'Kafka',
  'Elasticsearch',
  'Nginx',
  'Envoy',
  'Kubernetes',
  'Terraform',
  'Vault',
  'Consul',
  'Cloudflare',
  'the payment provider',
  'the SMS provider',
  'the email provider',
  'the identity provider',
  'the cloud provider',
];

export const METRICS = [
  'p99 latency',
  'error rate',
  'queue depth',
  'CPU saturation',
  'memory use',
  'disk usage',
  'connection count',
  'replication lag',
  'request rate',
  '5xx responses',
  'retry rate',
  'garbage collection pauses',
  'open file descriptors',
  'consumer lag',
];

export const SYMPTOMS = [
  'timeouts',
  'slow page loads',
  'failed logins',
  'failed payments',
  'missing emails',
  'duplicate notifications',
  'stale search results',
  'errors on save',
  'empty dashboards',
  'delayed webhooks',
  'failed uploads',
  'broken links in emails',
  'intermittent 502 responses',
  'lost sessions',
  'wrong totals on invoices',
];

export const REGIONS = [
  'eu-west-1',
  'eu-central-1',
  'us-east-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-northeast-1',
];

/** Teams that own follow-up tasks, as the slugs teams use in trackers. */
export const TEAMS = [
  'platform',
  'sre',
  'data-platform',
  'observability',
  'payments-team',
  'identity-team',
  'network',
  'storage-team',
  'release-engineering',
  'security',
  'mobile',
  'support-tooling',
];

export const AUTHORS = [
  'Amara Okafor',
  'Bruno Lindqvist',
  'Chen Wei',
  'Dana Whitfield',
  'Elif Yildiz',
  'Farah Haddad',
  'Gustavo Prieto',
  'Hana Novak',
  'Ines Carvalho',
  'Jonas Berg',
  'Kofi Mensah',
  'Lena Fischer',
  'Mateo Rossi',
  'Nadia Petrova',
  'Oskar Nilsson',
  'Priya Raman',
];

export const TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Singapore',
  'Australia/Sydney',
];

export const TAGS = [
  'postgres',
  'redis',
  'kafka',
  'tls',
  'dns',
  'deploy',
  'migration',
  'rate-limit',
  'retry',
  'timeout',
  'capacity',
  'certificate',
  'cron',
  'backup',
  'failover',
  'feature-flag',
  'kubernetes',
  'memory',
  'disk',
  'cache',
];

/** Per root-cause category: what the title says broke, and the root cause in one sentence. */
export const CAUSES: Record<string, { title: string[]; summary: string[]; trigger: string[] }> = {
  hardware: {
    title: [
      'after a disk failed on {host}',
      'when a network card on {host} degraded',
      'after a power supply failed in {region}',
    ],
    summary: [
      'A failing disk in the {component} kept answering slowly instead of failing outright, so the array never took it out of service.',
      'A degraded network card on {host} dropped a share of packets, and the {component} retried every request until it ran out of capacity.',
    ],
    trigger: ['Routine load on the {component} reached the one host with the failing part.'],
  },
  'software-bug': {
    title: [
      'after release {version} changed retry handling',
      'when a null field reached the {component}',
      'after a library upgrade in {service}',
    ],
    summary: [
      'A change in release {version} retried failed requests without a limit, so one slow {dependency} call turned into {n} calls.',
      'The {component} treated a missing field as an empty list and removed data it was meant to keep.',
    ],
    trigger: ['Release {version} of {service} reached every region within an hour.'],
  },
  'config-change': {
    title: [
      'after a configuration push set {key} to zero',
      'when a feature flag was enabled for every region',
      'after a firewall rule change',
    ],
    summary: [
      'A configuration change set {key} to a value the {component} read as unlimited, and it accepted more work than it could finish.',
      'A flag meant for one region was enabled everywhere, and the {component} started sending traffic to a backend that did not exist yet.',
    ],
    trigger: ['A configuration push to the {component} at the start of the working day.'],
  },
  deployment: {
    title: [
      'during a rollout of {service}',
      'when a migration locked a table during deploy',
      'after a rollback left two versions running',
    ],
    summary: [
      'The deploy ran a schema migration without a lock timeout, and every query on the table queued behind it.',
      'A rollout replaced instances faster than the {component} could warm its cache, so the new instances failed health checks.',
    ],
    trigger: ['A routine deploy of {service} version {version}.'],
  },
  capacity: {
    title: [
      'when the {component} ran out of connections',
      'under a traffic spike in {region}',
      'when disk filled on the {component}',
    ],
    summary: [
      'Demand grew past the size of the {component}, and nothing alerted before requests started waiting for it.',
      'The {component} filled its disk with logs that no job rotated, and writes stopped.',
    ],
    trigger: ['A marketing campaign doubled traffic to {service} within ten minutes.'],
  },
  dependency: {
    title: [
      'during an outage at {dependency}',
      'when {dependency} changed an API response',
      'while {dependency} throttled requests',
    ],
    summary: [
      '{dependency} failed for {minutes} minutes, and {service} had no fallback, so every request that needed it failed.',
      'An upstream change in {dependency} returned a field in a new format that {service} could not parse.',
    ],
    trigger: ['{dependency} started returning errors for a share of requests.'],
  },
  network: {
    title: [
      'when DNS answers went stale in {region}',
      'after a route change isolated {region}',
      'when the load balancer dropped long connections',
    ],
    summary: [
      'A route change withdrew the path between {region} and the {component}, and traffic failed over to a region that could not take it.',
      'The DNS resolver kept serving records past their expiry, so clients reached instances that had been removed.',
    ],
    trigger: ['Planned network maintenance in {region}.'],
  },
  security: {
    title: [
      'when a certificate expired on the {component}',
      'during a credential stuffing attack on {service}',
      'after a signing key was rotated',
    ],
    summary: [
      'A certificate on the {component} expired because its renewal job had failed silently for weeks.',
      'An attack sent {n} thousand login attempts a minute and the rate limiter counted them per host rather than per account.',
    ],
    trigger: ['The certificate reached its expiry date at midnight UTC.'],
  },
  data: {
    title: [
      'after a backfill wrote wrong totals',
      'when a batch import duplicated records',
      'after a migration dropped a column still in use',
    ],
    summary: [
      'A backfill job wrote totals computed in the wrong time zone, and {service} showed them to customers.',
      'A batch import ran twice after a retry and created duplicate records that broke unique lookups.',
    ],
    trigger: ['A backfill started by the nightly scheduler.'],
  },
  automation: {
    title: [
      'when a cleanup job deleted live data',
      'after an autoscaler removed every instance',
      'when a self-healing script restarted the cluster',
    ],
    summary: [
      'A cleanup job treated objects without a recent access time as orphans and deleted files that were still referenced.',
      'The autoscaler read a missing metric as zero load and scaled the {component} down to nothing.',
    ],
    trigger: ['The scheduled run of the cleanup job at 02:00 UTC.'],
  },
  time: {
    title: ['on the daylight saving change', 'on the leap day', 'when a token lifetime crossed midnight UTC'],
    summary: [
      'Recurring jobs computed their next run in local time, and the daylight saving change scheduled them an hour apart from their data.',
      'Date arithmetic in {service} assumed every year has 365 days, and the leap day shifted every scheduled item.',
    ],
    trigger: ['The clocks changed for daylight saving time.'],
  },
  process: {
    title: [
      'when an alert went to an unowned channel',
      'after a runbook step was skipped',
      'when a manual change had no review',
    ],
    summary: [
      'The alert for the {component} went to a channel no rotation watched, so the failure ran for hours before anyone noticed.',
      'The runbook for the {component} missed a step that only mattered when the primary was already degraded.',
    ],
    trigger: ['A manual change to the {component} outside the usual change process.'],
  },
  unknown: {
    title: ['with no cause found', 'that stopped on its own', 'that we could not reproduce'],
    summary: [
      'The investigation did not find a root cause; the {component}, {dependency} and the network were ruled out.',
      'No cause was found: errors stopped after {minutes} minutes without any change on our side.',
    ],
    trigger: ['Unknown.'],
  },
};

/** Title openings: what failed, as a reader would search for it. */
export const TITLE_OPENINGS = [
  '{service} returned errors',
  '{service} unavailable',
  '{service} slow for most users',
  '{symptom} in {service}',
  '{service} degraded in {region}',
  '{service} lost requests',
];

/** Sentences for the body, by section. Each section draws sentences until its share of words is met. */
export const SECTION_SENTENCES: Record<string, string[]> = {
  'What happened': [
    'At the start of the incident the {component} began to answer slowly, and {service} requests queued behind it.',
    'Within {n} minutes the {metric} of {service} had risen to several times its usual level.',
    'Users saw {symptom}, first in {region} and then everywhere.',
    'The {component} kept accepting work it could not finish, so the backlog grew faster than it drained.',
    'Requests that depended on {dependency} failed, while those served from the cache kept working.',
    'The failure was partial: about {pct}% of requests failed and the rest succeeded after long waits.',
    'Health checks on {host} passed the whole time, because they did not touch the {component}.',
    'Retries from {other} multiplied the load on {service} at exactly the moment it had least room.',
    'The change that set it off had been running without trouble in staging for a week.',
    'Traffic moved to the remaining instances, which then crossed their own limits one after another.',
  ],
  Detection: [
    'The first signal was an alert on {metric} for {service}, {n} minutes after impact began.',
    'Support received reports of {symptom} before any alert fired.',
    'The dashboard for the {component} showed the rise within a minute, but no alert was attached to that graph.',
    'The alert fired but was routed to a channel that the {team} rotation does not follow.',
    'Synthetic checks in {region} failed three times in a row and paged the {team} rotation.',
    'Error budgets for {service} burned at ten times the normal rate, which triggered the page.',
  ],
  'Why it took so long': [
    'The first theory was that release {version} was at fault, and rolling it back took {minutes} minutes and changed nothing.',
    'The errors pointed at {other}, so the investigation spent its first half hour there.',
    'Logs from the {component} were sampled, and the sampled lines did not include the failing requests.',
    'The runbook for the {component} described an older setup, and two of its steps no longer applied.',
    'Access to {host} needed a break-glass credential that took {minutes} minutes to obtain.',
    'The {metric} graph was averaged over five minutes, which hid the spikes that mattered.',
    'A second, unrelated alert on {other} drew attention away from the real cause.',
    'Nobody on the call knew that {key} had been changed that morning, because the change was not announced.',
  ],
  'What went well': [
    'Failing over to {region} worked as designed once it was started.',
    'The incident channel kept a clear record of what was tried and when, which is what this write-up is built from.',
    'Customer support had a status update to share within {n} minutes of the page.',
    'The feature flag for the new path let the {team} rotation turn it off without a deploy.',
    'Backups of the {component} were recent and restoring them was rehearsed last quarter.',
  ],
  'What we are changing': [
    'We are adding an alert on {metric} for the {component}, routed to the {team} rotation.',
    'The {component} will get a hard limit on {key}, so a single caller cannot exhaust it.',
    'Retries from {other} will use jittered backoff and a budget, so they cannot multiply load during an outage.',
    'The runbook for the {component} is being rewritten from this incident, with the commands that worked.',
    'Configuration changes to {key} will go through the same review and staged rollout as code.',
    'We will run a failover drill for {service} in {region} every quarter.',
    'Health checks for {service} will exercise the {component}, so an instance that cannot reach it leaves the pool.',
    'Dashboards for {service} will show the {metric} at one-minute resolution.',
  ],
  Lessons: [
    'A component that fails slowly does more harm than one that fails fast, because nothing routes around it.',
    'The safeguard existed but had never been tested with real traffic.',
    'The same pattern appeared in an earlier incident; linking the two made the fix easier to agree on.',
    'Limits that nobody remembers setting are limits nobody watches.',
    'Alerts should describe what users feel, not only what machines report.',
  ],
};

/** Timeline entry texts by kind. */
export const TIMELINE_TEXTS: Record<string, string[]> = {
  detection: [
    'Alert on {metric} for {service} fires and pages the {team} rotation.',
    'Support escalates reports of {symptom} in {service}.',
    'Synthetic checks for {service} fail in {region}.',
  ],
  action: [
    'Traffic to {host} is drained to test whether one instance is at fault.',
    'The {component} is restarted on two of its nodes.',
    'Logs from the {component} show requests waiting on {dependency}.',
    'The {key} setting is read back from the running configuration and found changed.',
    'Capacity of the {component} is doubled as a stopgap.',
  ],
  misleading: [
    'Release {version} is assumed to be at fault and a rollback starts.',
    'The investigation follows errors in {other}, which turn out to be a symptom.',
    'A network problem in {region} is suspected, and the provider is contacted.',
    'The cache is flushed in the belief that it holds bad entries; errors continue.',
  ],
  escalation: [
    'The incident is raised to a higher severity and the {team} on-call joins.',
    'The {team} rotation is paged for the {component}.',
    '{dependency} support is engaged through the priority channel.',
  ],
  mitigation: [
    'Traffic fails over to {region}; error rates return to normal.',
    'The change to {key} is reverted and the {component} recovers.',
    'The feature flag for the new path is turned off; {service} recovers.',
  ],
  resolution: [
    'The backlog is drained and the incident is closed.',
    'Monitoring shows normal {metric} for an hour; the incident is closed.',
  ],
  note: [
    'A status page update goes out for {service}.',
    'Support is given a message for affected customers.',
    'The incident channel is opened and a coordinator takes the lead.',
  ],
};

/** Follow-up task titles by type. */
export const TASK_TITLES: Record<string, string[]> = {
  mitigate: [
    'Add a fallback for {service} when {dependency} is unavailable',
    'Cap retries from {other} to {service} with a budget',
    'Make the {component} fail fast when it cannot reach {dependency}',
  ],
  prevent: [
    'Set a default limit for {key} in the {component}',
    'Review configuration changes to the {component} like code',
    'Replace the {component} health check with one that exercises its dependencies',
    'Add a lock timeout to every migration the deploy pipeline runs',
  ],
  detect: [
    'Alert on {metric} for the {component}',
    'Route {service} alerts to the {team} rotation',
    'Add a synthetic check for {symptom} in {region}',
  ],
  process: [
    'Rewrite the {component} runbook from this incident',
    'Announce configuration changes to {key} in the changes channel',
    'Run a failover drill for {service} every quarter',
  ],
};
