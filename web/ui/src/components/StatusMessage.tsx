import type { ReactNode } from 'react';

/** A loading, empty or error message; errors are announced to screen readers (role=alert). */
export function StatusMessage({
  title,
  role = 'status',
  children,
}: {
  readonly title?: string;
  readonly role?: 'status' | 'alert';
  readonly children: ReactNode;
}) {
  return (
    <div className={role === 'alert' ? 'message message-error' : 'message'} role={role}>
      {title !== undefined && <strong>{title}: </strong>}
      {children}
    </div>
  );
}
