import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteLayout } from '@stack/web-ui';
import Link from 'next/link';
import { Providers } from '../components/Providers';
import '@stack/web-ui/globals.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'The Stack — products and reviews',
  description: 'Products and their reviews.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { readonly children: ReactNode }) {
  return (
    <SiteLayout
      brand="The Stack"
      nav={
        <>
          <Link href="/">Products</Link>
          <Link href="/account/">Account</Link>
        </>
      }
      Providers={Providers}
    >
      {children}
    </SiteLayout>
  );
}
