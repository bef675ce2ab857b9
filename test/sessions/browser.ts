// A browser as far as signing in needs one: a cookie jar and redirects
// followed one by one (fetch with redirect: 'manual'), so each hop's cookies
// are kept. Cookies are kept per host:port and name; paths and expiry are
// honoured only as far as sending every cookie of the host (enough here).
export interface Page {
  url: string;
  status: number;
  body: string;
  headers: Headers;
}

export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name);
  }

  async request(url: string, init: RequestInit = {}): Promise<Page> {
    const host = new URL(url).host;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookies) headers.set('cookie', cookies);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const store = this.jar.get(host) ?? new Map<string, string>();
      this.jar.set(host, store);
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) store.delete(name);
      else store.set(name, value);
    }
    return { url, status: response.status, body: await response.text(), headers: response.headers };
  }

  /** Follows redirects from url until a page that is not one (at most 12 hops). */
  async follow(url: string, init: RequestInit = {}): Promise<Page> {
    let page = await this.request(url, init);
    for (let hop = 0; hop < 12 && page.status >= 300 && page.status < 400; hop += 1)
      page = await this.request(new URL(page.headers.get('location')!, page.url).href);
    return page;
  }

  /** Submits the page's login form as a person would. */
  async submitLogin(page: Page, username: string, password: string): Promise<Page> {
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
    if (!action) throw new Error(`no login form at ${page.url} (status ${page.status})`);
    return this.follow(new URL(action, page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    });
  }
}
