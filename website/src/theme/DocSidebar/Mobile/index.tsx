/**
 * The doc sidebar that the phone's navigation drawer shows, handed to the drawer only once the
 * drawer is wanted (lib/mobileSidebar.ts), as the drawer itself is built. Docusaurus hands it over at
 * every load at phone width: a second render of the navbar, and a hand-over that sorts its props with
 * localeCompare, whose first call sets up the locale's collator.
 */
import React, { type ReactNode } from 'react';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/DocSidebar/Mobile';
import DocSidebarMobile from '@theme-original/DocSidebar/Mobile';
import { useMobileSidebarWanted } from '@site/src/lib/mobileSidebar';

export default function DocSidebarMobileWhenWanted(props: Props): ReactNode {
  const wanted = useMobileSidebarWanted();
  const { shown } = useNavbarMobileSidebar();
  return wanted || shown ? <DocSidebarMobile {...props} /> : null;
}
