/**
 * A claim's evidence as small labelled marks, in the browser (the comparison table). The function
 * pages get the same marks as markdown from scripts/generate-docs.ts; both take label, text and
 * target from website/src/lib/evidence.ts, and share the `evidence-mark` styles in custom.css.
 */
import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { evidenceMark, type EvidenceContext, type EvidenceTarget } from '@site/src/lib/evidence';
import { BIBLIOGRAPHY_PATH, EXPERIMENTS_PATH, functionPath } from '@site/src/lib/paths';
import type { Claim } from '@site/src/lib/module';

function href(target: EvidenceTarget, fn: string): string {
  switch (target.page) {
    case 'bibliography':
      return `${BIBLIOGRAPHY_PATH}#${target.anchor}`;
    case 'experiments':
      return `${EXPERIMENTS_PATH}#${target.anchor}`;
    case 'function':
      return `${functionPath(fn)}#${target.anchor}`;
  }
}

export interface ClaimWithEvidenceProps {
  readonly claim: Claim;
  /** The function the claim is about (property marks link to its Properties section). */
  readonly fn: string;
  readonly context: EvidenceContext;
}

/** The claim's text, then its marks. */
export default function ClaimWithEvidence({ claim, fn, context }: ClaimWithEvidenceProps): ReactNode {
  return (
    <>
      {claim.text}
      {claim.evidence.map((e, i) => {
        const mark = evidenceMark(e, context);
        return (
          <React.Fragment key={i}>
            {' '}
            <span className="evidence-mark" data-evidence={mark.kind}>
              <span className="evidence-mark__label">{mark.label}</span>
              {mark.target && mark.text ? (
                <>
                  {' '}
                  <Link to={href(mark.target, fn)} title={mark.title}>
                    {mark.text}
                  </Link>
                </>
              ) : null}
            </span>
          </React.Fragment>
        );
      })}
    </>
  );
}
