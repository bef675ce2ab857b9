// The console's shell: who is signed in, the pages of their role, the
// language, sign-out and the idle timeout. Before sign-in, the sign-in page.
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { IntlProvider, FormattedMessage, useIntl } from 'react-intl';
import { loadSession, onSessionEnded, signOut, type Session } from './api/session';
import { initialLocale, type Locale } from './i18n/locale';
import { messagesFor } from './i18n/messages';
import { homeOf, PAGES, pagesOf, preloadPage } from './pages/registry';
import { currentPath, hrefOf, navigate, usePath } from './router';
import { useIdleTimeout } from './ui/useIdleTimeout';

function newQueryClient(): QueryClient {
  // Answers are kept in memory only, and not retried: a refusal is an answer.
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, gcTime: 60_000 } },
  });
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const messages = useMemo(() => messagesFor(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const changeLocale = useCallback((next: Locale) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
    setLocale(next);
  }, []);
  return (
    <IntlProvider locale={locale} messages={messages} defaultLocale="en">
      <Shell locale={locale} onLocale={changeLocale} />
    </IntlProvider>
  );
}

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out'; idleMinutes?: number }
  | { kind: 'signed-in'; session: Session };

function Shell({ locale, onLocale }: { locale: Locale; onLocale: (locale: Locale) => void }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [queryClient, setQueryClient] = useState(newQueryClient);

  useEffect(() => {
    // The asked page's code, fetched beside the session from the start, is
    // awaited too: the first page then renders at once, without a fallback.
    const asked = preloadPage(currentPath());
    void Promise.all([loadSession(), asked]).then(([session]) => {
      // Citizens read Khmer first, unless they chose otherwise.
      const chosen = new URLSearchParams(window.location.search).has('lang');
      if (session?.role === 'citizen' && !chosen) onLocale('km');
      setState(session ? { kind: 'signed-in', session } : { kind: 'signed-out' });
    });
  }, [onLocale]);

  // Apart from the reading above: a new query client after a sign-out must not
  // read the session again, whose answer would wipe the idle notice.
  useEffect(() => {
    return onSessionEnded(() => {
      // Everything shown goes: the cache of answers with it.
      queryClient.clear();
      setQueryClient(newQueryClient());
      setState((previous) => (previous.kind === 'signed-out' ? previous : { kind: 'signed-out' }));
    });
  }, [queryClient]);

  const idleMinutes = state.kind === 'signed-in' ? state.session.idleMinutes : undefined;
  const onIdle = useCallback(() => {
    void signOut().then(() => setState({ kind: 'signed-out', idleMinutes }));
  }, [idleMinutes]);
  useIdleTimeout(idleMinutes, onIdle);

  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage id="app.skip" />
      </a>
      <header className="top-bar">
        <span className="app-name">
          <FormattedMessage id="app.name" />
        </span>
        <LanguageSwitch locale={locale} onLocale={onLocale} />
        {state.kind === 'signed-in' ? <Who session={state.session} /> : null}
      </header>
      {state.kind === 'signed-in' ? (
        <QueryClientProvider client={queryClient}>
          <SignedIn session={state.session} />
        </QueryClientProvider>
      ) : (
        <main id="main" tabIndex={-1}>
          {state.kind === 'loading' ? (
            <p>
              <FormattedMessage id="app.loading" />
            </p>
          ) : (
            <SignInPage idleMinutes={state.idleMinutes} />
          )}
        </main>
      )}
    </>
  );
}

function LanguageSwitch({ locale, onLocale }: { locale: Locale; onLocale: (l: Locale) => void }) {
  const intl = useIntl();
  return (
    <nav className="language" aria-label={intl.formatMessage({ id: 'app.language' })}>
      <button type="button" lang="en" aria-pressed={locale === 'en'} onClick={() => onLocale('en')}>
        English
      </button>
      <button type="button" lang="km" aria-pressed={locale === 'km'} onClick={() => onLocale('km')}>
        ខ្មែរ
      </button>
    </nav>
  );
}

function Who({ session }: { session: Session }) {
  const intl = useIntl();
  return (
    <div className="who">
      <span>
        <FormattedMessage
          id="app.signedInAs"
          values={{
            name: session.person?.name ?? session.agencyId,
            role: intl.formatMessage({ id: `role.${session.role}` }),
          }}
        />
      </span>
      <button type="button" className="button secondary" onClick={() => void signOut()}>
        <FormattedMessage id="app.signOut" />
      </button>
    </div>
  );
}

function SignedIn({ session }: { session: Session }) {
  const path = usePath();
  const mine = pagesOf(session.role);
  useEffect(() => {
    if (path === '') navigate(homeOf(session.role));
  }, [path, session.role]);
  const page = mine.find((entry) => entry.path === path);
  const exists = PAGES.some((entry) => entry.path === path);
  const Current = page ? (page.loaded() ?? page.component) : undefined;
  const intl = useIntl();
  return (
    <div className="layout">
      <nav className="side-nav" aria-label={intl.formatMessage({ id: 'app.nav' })}>
        <ul>
          {mine.map((entry) => (
            <li key={entry.path}>
              <a
                href={hrefOf(entry.path)}
                aria-current={entry.path === path ? 'page' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  // Moves once the page's code is here, so it shows without a fallback.
                  void preloadPage(entry.path).then(() => navigate(entry.path));
                }}
              >
                <FormattedMessage id={entry.title} />
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {Current ? (
          <Suspense
            fallback={
              <p>
                <FormattedMessage id="app.loading" />
              </p>
            }
          >
            <Current key={path} />
          </Suspense>
        ) : path === '' ? null : (
          <p role="alert" className="refused">
            {exists ? (
              <FormattedMessage
                id="app.refused"
                values={{ role: intl.formatMessage({ id: `role.${session.role}` }) }}
              />
            ) : (
              <FormattedMessage id="app.notFound" />
            )}
          </p>
        )}
      </main>
    </div>
  );
}

function SignInPage({ idleMinutes }: { idleMinutes?: number }) {
  return (
    <section className="sign-in">
      <h1>
        <FormattedMessage id="signIn.title" />
      </h1>
      {idleMinutes ? (
        <p role="status" className="notice">
          <FormattedMessage id="app.idle" values={{ minutes: idleMinutes }} />
        </p>
      ) : null}
      <p>
        <FormattedMessage id="signIn.lead" />
      </p>
      <p className="sign-in-choices">
        <a className="button primary" href="/auth/login?as=officer">
          <FormattedMessage id="signIn.officer" />
        </a>
        <a className="button primary" href="/auth/login?as=citizen">
          <FormattedMessage id="signIn.citizen" />
        </a>
      </p>
    </section>
  );
}
