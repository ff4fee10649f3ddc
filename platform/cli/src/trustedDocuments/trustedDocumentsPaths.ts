/** The web apps' persisted-documents manifests (codegen output), relative to the repository root. */
export const PERSISTED_DOCUMENT_FILES = [
  'web/app/src/gql/persisted-documents.json',
  'web/internal/src/gql/persisted-documents.json',
] as const;

/** The router's merged manifest, relative to the repository root. */
export const TRUSTED_DOCUMENTS_PATH = 'services/router/src/__generated__/trustedDocuments.ts';

/** The command that writes it, as the generated file and the errors name it. */
export const TRUSTED_DOCUMENTS_COMMAND = 'npm run trusted-documents';
