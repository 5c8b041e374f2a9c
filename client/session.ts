/**
 * The token this browser tab is signed in with. It lives in sessionStorage only: never in the URL (links are shared),
 * never in localStorage (it would outlive the tab), never logged. The sign-in view writes it; the API client reads it.
 */
const KEY = 'proxygraph.token';

/** The part of the Web Storage API used here (typed locally: the client's modules also run under node in tests). */
interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function storage(): TokenStorage | null {
  return (globalThis as { sessionStorage?: TokenStorage }).sessionStorage ?? null;
}

export function currentToken(): string | null {
  return storage()?.getItem(KEY) || null;
}

export function saveToken(token: string): void {
  storage()?.setItem(KEY, token);
}

export function clearToken(): void {
  storage()?.removeItem(KEY);
}
