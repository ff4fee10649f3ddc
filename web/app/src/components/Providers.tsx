'use client';
import { AppProviders } from '@stack/web-ui';
import type { ReactNode } from 'react';
import persistedDocuments from '../gql/persisted-documents.json';

/** The shared providers with this app's persisted documents, bundled once on the client. */
export function Providers({ children }: { readonly children: ReactNode }) {
  return <AppProviders persistedDocuments={persistedDocuments}>{children}</AppProviders>;
}
