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
  /** Fetches the page's code ahead of rendering it (the same module `component` loads). */
  preload: () => Promise<unknown>;
  /**
   * The page itself once its code is here. Rendering it rather than `component`
   * never suspends: no fallback is shown, so React does not hold the page back
   * (it reveals content that replaces a fallback no sooner than 300 ms after it).
   */
  loaded: () => ComponentType | undefined;
}

/** A page whose code loads when it is first shown, or earlier through `preload`. */
function onDemand(
  load: () => Promise<{ default: ComponentType }>,
): Pick<PageEntry, 'component' | 'preload' | 'loaded'> {
  let page: ComponentType | undefined;
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = (): Promise<{ default: ComponentType }> => {
    loading ??= load().then(
      (module) => {
        page = module.default;
        return module;
      },
      (error: unknown) => {
        loading = undefined; // a failed fetch may be tried again
        throw error;
      },
    );
    return loading;
  };
  return { component: lazy(preload), preload, loaded: () => page };
}

const ALL_ROLES: readonly Role[] = ['agency', 'steward', 'integrator', 'auditor', 'citizen'];

export const PAGES: PageEntry[] = [
  // Each role's main page comes first among its pages: where it lands after signing in.
  {
    path: 'desk',
    title: 'desk.nav',
    roles: ['agency'],
    ...onDemand(() => import('./desk/DeskPage')),
  },
  {
    path: 'my-record',
    title: 'myRecord.nav',
    roles: ['citizen'],
    ...onDemand(() => import('./my-record/MyRecordPage')),
  },
  {
    path: 'inbox',
    title: 'adapters.nav.inbox',
    roles: ['steward'],
    ...onDemand(() => import('./adapters/InboxPage')),
  },
  {
    path: 'my-adapters',
    title: 'adapters.nav.mine',
    roles: ['integrator'],
    ...onDemand(() => import('./adapters/MyAdaptersPage')),
  },
  {
    path: 'audit',
    title: 'audit.nav.explorer',
    roles: ['auditor'],
    ...onDemand(() => import('./audit/AuditExplorerPage')),
  },
  {
    path: 'adapters',
    title: 'adapters.nav.adapters',
    roles: ['steward'],
    ...onDemand(() => import('./adapters/AdaptersPage')),
  },
  {
    path: 'clients',
    title: 'adapters.nav.clients',
    roles: ['steward', 'integrator'],
    ...onDemand(() => import('./adapters/ClientsPage')),
  },
  {
    path: 'orphans',
    title: 'adapters.nav.orphans',
    roles: ['steward'],
    ...onDemand(() => import('./adapters/OrphansPage')),
  },
  {
    path: 'health',
    title: 'adapters.nav.health',
    roles: ['steward'],
    ...onDemand(() => import('./adapters/HealthPage')),
  },
  {
    path: 'schemas',
    title: 'schemas.title',
    roles: ['steward', 'integrator', 'auditor'],
    ...onDemand(() => import('./schemas/SchemasPage')),
  },
  {
    path: 'propose',
    title: 'schemas.propose.title',
    roles: ['integrator', 'steward'],
    ...onDemand(() => import('./schemas/ProposePage')),
  },
  {
    path: 'dead-letters',
    title: 'schemas.dead.title',
    roles: ['steward', 'integrator'],
    ...onDemand(() => import('./schemas/DeadLettersPage')),
  },
  {
    path: 'lineage',
    title: 'schemas.lineage.title',
    roles: ['steward', 'integrator'],
    ...onDemand(() => import('./schemas/LineagePage')),
  },
  {
    path: 'record-tester',
    title: 'schemas.tester.title',
    // An integrator's tool (an adapter's client can dry-run its own records too,
    // through the API): the gateway refuses a steward's dry run.
    roles: ['integrator'],
    ...onDemand(() => import('./schemas/RecordTesterPage')),
  },
  {
    path: 'grants',
    title: 'audit.nav.grants',
    roles: ['steward'],
    ...onDemand(() => import('./audit/GrantsPage')),
  },
  {
    path: 'purposes',
    title: 'audit.nav.purposes',
    roles: ['steward'],
    ...onDemand(() => import('./audit/PurposesPage')),
  },
  {
    path: 'questions',
    title: 'questions.nav',
    roles: ['steward', 'auditor'],
    ...onDemand(() => import('./questions/QuestionsPage')),
  },
  {
    path: 'chain',
    title: 'audit.nav.chain',
    roles: ['auditor'],
    ...onDemand(() => import('./audit/ChainPage')),
  },
  {
    path: 'access-logs',
    title: 'audit.nav.accessLogs',
    roles: ['auditor'],
    ...onDemand(() => import('./audit/AccessLogsPage')),
  },
  {
    path: 'verification-locks',
    title: 'audit.nav.locks',
    roles: ['steward', 'auditor'],
    ...onDemand(() => import('./audit/VerificationLocksPage')),
  },
  {
    path: 'activity',
    title: 'activity.title',
    roles: ALL_ROLES,
    ...onDemand(() => import('./activity/ActivityPage')),
  },
];

export function pagesOf(role: Role): PageEntry[] {
  return PAGES.filter((page) => page.roles.includes(role));
}

/** Starts fetching the code of the page at this address, if there is one. */
/** Fetches a page's code; settles when it is here (or could not be fetched). */
export function preloadPage(path: string): Promise<void> {
  const page = PAGES.find((entry) => entry.path === path);
  return page
    ? page.preload().then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}

/** Where a role lands after signing in: its first page. */
export function homeOf(role: Role): string {
  return pagesOf(role)[0]?.path ?? 'activity';
}
