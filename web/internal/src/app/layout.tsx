import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteLayout } from '@stack/web-ui';
import Link from 'next/link';
import { AdminGate } from '../components/AdminGate';
import { Providers } from '../components/Providers';
import '@stack/web-ui/globals.css';

export const metadata: Metadata = {
  title: 'The Stack — internal',
  description: 'Review moderation, products and analytics for admins.',
  robots: { index: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { readonly children: ReactNode }) {
  return (
    <SiteLayout
      brand="The Stack · internal"
      nav={
        <>
          <Link href="/">Moderation</Link>
          <Link href="/products/new/">New product</Link>
          <Link href="/analytics/">Analytics</Link>
        </>
      }
      Providers={Providers}
    >
      <AdminGate>{children}</AdminGate>
    </SiteLayout>
  );
}
