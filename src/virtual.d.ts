declare module 'virtual:hindsight/config' {
  /** The site configuration: `hindsight()`'s options with defaults and environment overrides applied. */
  const config: import('./schemas/config').HindsightConfig;
  export default config;
}

declare module 'virtual:hindsight/body-cache' {
  /** The folder of rendered postmortem bodies, by digest (see `src/lib/body-cache.ts`). */
  const dir: string;
  export default dir;
}

declare module 'virtual:hindsight/similarity-cache' {
  /** The file the last build's similar-incident pairs are kept in (see `src/lib/similarity/pairs-cache.ts`). */
  const file: string;
  export default file;
}
