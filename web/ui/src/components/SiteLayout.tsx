import Link from 'next/link';
import type { ComponentType, ReactNode } from 'react';
import { SignInButton } from './SignInButton';

/**
 * The page frame of both apps: skip link, header (brand, navigation, sign-in) and main. The app
 * passes its own providers component, which wraps AppProviders with its persisted documents, and
 * its navigation links as plain JSX (a mapped list would add a key per link to every page).
 */
export function SiteLayout({
  brand,
  nav,
  Providers,
  children,
}: {
  readonly brand: string;
  readonly nav: ReactNode;
  readonly Providers: ComponentType<{ readonly children: ReactNode }>;
  readonly children: ReactNode;
}) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers>
          <header className="site-header">
            <Link href="/" className="brand">
              {brand}
            </Link>
            <nav aria-label="Main">{nav}</nav>
            <SignInButton />
          </header>
          <main id="main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
