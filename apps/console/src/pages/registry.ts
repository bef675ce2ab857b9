// Every page of the console, with the roles that may open it. A role never
// sees another's pages in its navigation; opening one by its address shows a
// refusal (and the API would refuse its queries anyway). Pages load on demand,
// so the first load carries the shell only.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../api/session';

export interface PageEntry {
  /** The address under /console/. */
  path: string;
  /** The message id of its name in the navigation. */
  title: string;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
}

const ALL_ROLES: readonly Role[] = ['agency', 'steward', 'integrator', 'auditor', 'citizen'];

export const PAGES: PageEntry[] = [
  // Each part of the console adds its pages here, the role's main page first.
  {
    path: 'desk',
    title: 'desk.nav',
    roles: ['agency'],
    component: lazy(() => import('./desk/DeskPage')),
  },
  {
    path: 'my-record',
    title: 'myRecord.nav',
    roles: ['citizen'],
    component: lazy(() => import('./my-record/MyRecordPage')),
  },
  {
    path: 'questions',
    title: 'questions.nav',
    roles: ['steward', 'auditor'],
    component: lazy(() => import('./questions/QuestionsPage')),
  },
  {
    path: 'activity',
    title: 'activity.title',
    roles: ALL_ROLES,
    component: lazy(() => import('./activity/ActivityPage')),
  },
];

export function pagesOf(role: Role): PageEntry[] {
  return PAGES.filter((page) => page.roles.includes(role));
}

/** Where a role lands after signing in: its first page. */
export function homeOf(role: Role): string {
  return pagesOf(role)[0]?.path ?? 'activity';
}
