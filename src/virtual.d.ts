declare module 'virtual:hindsight/config' {
  /** The site configuration: `hindsight()`'s options with defaults and environment overrides applied. */
  const config: import('./schemas/config').HindsightConfig;
  export default config;
}
