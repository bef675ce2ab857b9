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
  // Each role's main page comes first among its pages: where it lands after signing in.
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
    path: 'inbox',
    title: 'adapters.nav.inbox',
    roles: ['steward'],
    component: lazy(() => import('./adapters/InboxPage')),
  },
  {
    path: 'my-adapters',
    title: 'adapters.nav.mine',
    roles: ['integrator'],
    component: lazy(() => import('./adapters/MyAdaptersPage')),
  },
  {
    path: 'audit',
    title: 'audit.nav.explorer',
    roles: ['auditor'],
    component: lazy(() => import('./audit/AuditExplorerPage')),
  },
  {
    path: 'adapters',
    title: 'adapters.nav.adapters',
    roles: ['steward'],
    component: lazy(() => import('./adapters/AdaptersPage')),
  },
  {
    path: 'clients',
    title: 'adapters.nav.clients',
    roles: ['steward', 'integrator'],
    component: lazy(() => import('./adapters/ClientsPage')),
  },
  {
    path: 'orphans',
    title: 'adapters.nav.orphans',
    roles: ['steward'],
    component: lazy(() => import('./adapters/OrphansPage')),
  },
  {
    path: 'health',
    title: 'adapters.nav.health',
    roles: ['steward'],
    component: lazy(() => import('./adapters/HealthPage')),
  },
  {
    path: 'schemas',
    title: 'schemas.title',
    roles: ['steward', 'integrator', 'auditor'],
    component: lazy(() => import('./schemas/SchemasPage')),
  },
  {
    path: 'propose',
    title: 'schemas.propose.title',
    roles: ['integrator', 'steward'],
    component: lazy(() => import('./schemas/ProposePage')),
  },
  {
    path: 'dead-letters',
    title: 'schemas.dead.title',
    roles: ['steward', 'integrator'],
    component: lazy(() => import('./schemas/DeadLettersPage')),
  },
  {
    path: 'lineage',
    title: 'schemas.lineage.title',
    roles: ['steward', 'integrator'],
    component: lazy(() => import('./schemas/LineagePage')),
  },
  {
    path: 'record-tester',
    title: 'schemas.tester.title',
    roles: ['integrator', 'steward'],
    component: lazy(() => import('./schemas/RecordTesterPage')),
  },
  {
    path: 'grants',
    title: 'audit.nav.grants',
    roles: ['steward'],
    component: lazy(() => import('./audit/GrantsPage')),
  },
  {
    path: 'purposes',
    title: 'audit.nav.purposes',
    roles: ['steward'],
    component: lazy(() => import('./audit/PurposesPage')),
  },
  {
    path: 'questions',
    title: 'questions.nav',
    roles: ['steward', 'auditor'],
    component: lazy(() => import('./questions/QuestionsPage')),
  },
  {
    path: 'chain',
    title: 'audit.nav.chain',
    roles: ['auditor'],
    component: lazy(() => import('./audit/ChainPage')),
  },
  {
    path: 'access-logs',
    title: 'audit.nav.accessLogs',
    roles: ['auditor'],
    component: lazy(() => import('./audit/AccessLogsPage')),
  },
  {
    path: 'verification-locks',
    title: 'audit.nav.locks',
    roles: ['steward', 'auditor'],
    component: lazy(() => import('./audit/VerificationLocksPage')),
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
