/**
 * An anchor inside running text or a list item (a cited passage on the bibliography page), where a
 * heading would be too much. It registers its id with Docusaurus's broken-anchor check, as headings
 * do, so a link to it fails the build when the anchor disappears (onBrokenAnchors: 'throw').
 */
import React, { type ReactNode } from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';

export interface AnchorProps {
  readonly id: string;
}

export default function Anchor({ id }: AnchorProps): ReactNode {
  useBrokenLinks().collectAnchor(id);
  return <span id={id} className="text-anchor" />;
}
