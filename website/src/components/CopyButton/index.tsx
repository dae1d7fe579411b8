/** Copies a text to the clipboard and says so (politely, for screen readers too). */
import React, { useEffect, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export interface CopyButtonProps {
  readonly text: string;
  /** What is copied, for the accessible name: "Copy BibTeX". */
  readonly what: string;
  readonly className?: string;
}

/** navigator.clipboard needs a secure context (https or localhost); elsewhere a hidden textarea does. */
export async function copyText(text: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

export default function CopyButton({ text, what, className }: CopyButtonProps): ReactNode {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const t = window.setTimeout(() => setStatus('idle'), 2000);
    return () => window.clearTimeout(t);
  }, [status]);
  return (
    <button
      type="button"
      className={clsx('button button--sm button--secondary', styles.button, className)}
      onClick={() =>
        copyText(text).then(
          () => setStatus('copied'),
          () => setStatus('failed'),
        )
      }
      aria-label={`Copy ${what}`}
    >
      <span aria-live="polite">{status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed: select the text' : 'Copy'}</span>
    </button>
  );
}
