/**
 * Docusaurus's phone navigation drawer, built only once the reader reaches for the menu button
 * (lib/mobileSidebar.ts) or it is opened, instead of at every page load at phone width.
 */
import React, { type ReactNode } from 'react';
import { useLockBodyScroll, useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import NavbarMobileSidebarLayout from '@theme/Navbar/MobileSidebar/Layout';
import NavbarMobileSidebarHeader from '@theme/Navbar/MobileSidebar/Header';
import NavbarMobileSidebarPrimaryMenu from '@theme/Navbar/MobileSidebar/PrimaryMenu';
import NavbarMobileSidebarSecondaryMenu from '@theme/Navbar/MobileSidebar/SecondaryMenu';
import { useMobileSidebarWanted } from '@site/src/lib/mobileSidebar';

export default function NavbarMobileSidebar(): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  const wanted = useMobileSidebarWanted();
  useLockBodyScroll(mobileSidebar.shown);
  if (!mobileSidebar.shouldRender || !(wanted || mobileSidebar.shown)) return null;
  return (
    <NavbarMobileSidebarLayout
      header={<NavbarMobileSidebarHeader />}
      primaryMenu={<NavbarMobileSidebarPrimaryMenu />}
      secondaryMenu={<NavbarMobileSidebarSecondaryMenu />}
    />
  );
}
