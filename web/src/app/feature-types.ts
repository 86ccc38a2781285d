import type { ComponentType, ReactNode } from 'react';

/** A page of the app. `permission` hides it (and its nav entry) from users who lack it; the server still enforces. */
export interface FeatureRoute {
  path: string;
  element: ReactNode;
  permission?: string;
}

export interface NavEntry {
  to: string;
  label: { zh: string; en: string };
  permission?: string;
  /** An icon name from components/ui/icons.tsx (users, contact, settings, log, chart, phone, box, bill, ticket, megaphone…). */
  icon?: string;
  /** Where the entry sits in the left nav; lower first. */
  order?: number;
}

export interface Feature {
  id: string;
  routes: FeatureRoute[];
  nav: NavEntry[];
}

/** A tab on the customer 360° page, added by a feature through `customer-tabs.tsx`. */
export interface CustomerTab {
  key: string;
  label: { zh: string; en: string };
  permission?: string;
  component: ComponentType<{ customerId: string }>;
}
