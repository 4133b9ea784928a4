export interface NavItem {
  href: string;
  label: string;
  /** A count shown beside the label (the approvals waiting for the viewer). */
  count?: number;
}

/** Links under one heading: a menu in the top bar, a labelled list in the small-screen menu. */
export interface NavGroup {
  label: string;
  items: NavItem[];
}

export type NavEntry = NavItem | NavGroup;
export const isGroup = (e: NavEntry): e is NavGroup => "items" in e;
