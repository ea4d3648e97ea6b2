import type { ButtonHTMLAttributes } from 'react';
import { useReadOnly } from '../state/store';

/**
 * A button that changes the case. While the open case is a received one
 * (read-only) it is greyed out, and its title says why and what to do; the
 * core would refuse the change too.
 */
export function CaseEditButton({ disabled, title, ...rest }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const readOnly = useReadOnly();
  return (
    <button
      {...rest}
      disabled={readOnly || disabled}
      title={readOnly ? 'A received case is read-only: Save as my case to work on it.' : title}
    />
  );
}
