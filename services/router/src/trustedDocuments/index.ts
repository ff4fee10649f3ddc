export type { TrustedDocumentsOptions } from './TrustedDocumentsOptions.js';
export {
  resolveTrustedDocument,
  OPERATION_NOT_TRUSTED_MESSAGE,
  type GraphQLHttpInput,
  type TrustedDocumentOutcome,
} from './resolveTrustedDocument.js';
export { sha256Hex } from './sha256Hex.js';
