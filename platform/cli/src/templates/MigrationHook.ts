/** What a migration hook is given: the service and the text of its service.yaml. */
export interface MigrationContext {
  /** The service's name. */
  readonly service: string;
  /** Absolute path of `services/<name>/`; a hook may also rewrite code there. */
  readonly serviceDir: string;
}

/**
 * The module `service-templates/<name>/v<N>/migrations/from-v<N-1>.ts` exports: `migrate` gets
 * the service.yaml text written for v<N-1> and returns it for v<N> (renamed or removed inputs).
 * The `template:` line is rewritten by `stack upgrade` after the last hook.
 */
export interface MigrationHook {
  migrate(specText: string, context: MigrationContext): string | Promise<string>;
}
