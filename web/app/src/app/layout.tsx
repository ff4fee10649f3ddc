import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { AppProviders } from '../components/AppProviders';
import { SignInButton } from '../components/SignInButton';
import './globals.css';

export const metadata: Metadata = {
  title: 'The Stack — products and reviews',
  description: 'Products and their reviews.',
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
              The Stack
            </Link>
            <nav aria-label="Main">
              <Link href="/">Products</Link>
              <Link href="/account/">Account</Link>
            </nav>
            <SignInButton />
          </header>
          <main id="main">{children}</main>
        </AppProviders>
      </body>
    </html>
  );
}
