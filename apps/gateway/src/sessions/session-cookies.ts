// The two cookies of persons' sign-in. The session cookie is HttpOnly (no
// script reads it), SameSite=Strict (no other site's page sends it) and
// Secure unless the gateway is plain HTTP on loopback. The sign-in cookie
// lives only between the redirect to the provider and its callback, which is
// a cross-site navigation: SameSite=Lax, so it is sent with that navigation.
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'spean_session';
export const SIGN_IN_COOKIE = 'spean_sign_in';
export const CSRF_HEADER = 'x-csrf-token';

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      // Ours are base64url; anything else is not one of ours.
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function sessionCookie(value: string, secure: boolean): string {
  return cookie(SESSION_COOKIE, value, { secure, sameSite: 'Strict', path: '/' });
}

export function signInCookie(value: string, secure: boolean): string {
  return cookie(SIGN_IN_COOKIE, value, {
    secure,
    sameSite: 'Lax',
    path: '/auth/callback',
    maxAge: 600,
  });
}

/** Tells the browser to forget a cookie. */
export function clearedCookie(name: string, secure: boolean): string {
  return cookie(name, '', {
    secure,
    sameSite: name === SESSION_COOKIE ? 'Strict' : 'Lax',
    path: name === SESSION_COOKIE ? '/' : '/auth/callback',
    maxAge: 0,
  });
}

function cookie(
  name: string,
  value: string,
  options: { secure: boolean; sameSite: 'Strict' | 'Lax'; path: string; maxAge?: number },
): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    'HttpOnly',
    `SameSite=${options.sameSite}`,
    ...(options.secure ? ['Secure'] : []),
    ...(options.maxAge === undefined ? [] : [`Max-Age=${options.maxAge}`]),
  ].join('; ');
}
