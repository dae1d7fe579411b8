/**
 * Docusaurus's menu button, which also has the navigation drawer built at the first touch, pointer
 * or focus on it (lib/mobileSidebar.ts), before the click that opens it.
 */
import React, { type ReactNode } from 'react';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import { translate } from '@docusaurus/Translate';
import IconMenu from '@theme/Icon/Menu';
import { wantMobileSidebar } from '@site/src/lib/mobileSidebar';

export default function MobileSidebarToggle(): ReactNode {
  const { toggle, shown } = useNavbarMobileSidebar();
  return (
    <button
      onClick={toggle}
      onPointerEnter={wantMobileSidebar}
      onPointerDown={wantMobileSidebar}
      onTouchStart={wantMobileSidebar}
      onFocus={wantMobileSidebar}
      aria-label={translate({
        id: 'theme.docs.sidebar.toggleSidebarButtonAriaLabel',
        message: 'Toggle navigation bar',
        description: 'The ARIA label for hamburger menu button of mobile navigation',
      })}
      aria-expanded={shown}
      className="navbar__toggle clean-btn"
      type="button"
    >
      <IconMenu />
    </button>
  );
}
