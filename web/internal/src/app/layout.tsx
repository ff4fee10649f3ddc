import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { AdminGate } from '../components/AdminGate';
import { AppProviders } from '../components/AppProviders';
import { SignInButton } from '../components/SignInButton';
import './globals.css';

export const metadata: Metadata = {
  title: 'The Stack — internal',
  description: 'Review moderation, products and analytics for admins.',
  robots: { index: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { readonly children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AppProviders>
          <header className="site-header">
            <Link href="/" className="brand">
              The Stack · internal
            </Link>
            <nav aria-label="Main">
              <Link href="/">Moderation</Link>
              <Link href="/products/new/">New product</Link>
              <Link href="/analytics/">Analytics</Link>
            </nav>
            <SignInButton />
          </header>
          <main id="main">
            <AdminGate>{children}</AdminGate>
          </main>
        </AppProviders>
      </body>
    </html>
  );
}
