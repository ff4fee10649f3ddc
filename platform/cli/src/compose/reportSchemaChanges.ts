import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildApiSchema } from './buildApiSchema.js';
import type { Criticality, SchemaChangeReport } from './SchemaChange.js';

const CRITICALITY: Record<CriticalityLevel, Criticality> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'NON_BREAKING',
};

/** Diffs the API schemas of two supergraph SDLs and groups the changes by criticality. */
export async function reportSchemaChanges(
  previousSupergraphSdl: string,
  nextSupergraphSdl: string,
  origins: { previous: string; next: string } = {
    previous: 'the previous supergraph',
    next: 'the new supergraph',
  },
): Promise<SchemaChangeReport> {
  // API schemas, not raw supergraphs: moving a field between subgraphs only changes join__
  // directives, which clients never see and so must not count as a change.
  const changes = await diff(
    buildApiSchema(previousSupergraphSdl, origins.previous),
    buildApiSchema(nextSupergraphSdl, origins.next),
  );
  const report: SchemaChangeReport = { BREAKING: [], DANGEROUS: [], NON_BREAKING: [] };
  for (const change of changes) {
    const criticality = CRITICALITY[change.criticality.level];
    report[criticality].push({
      criticality,
      type: String(change.type),
      message: change.message,
      path: change.path,
    });
  }
  return report;
}
