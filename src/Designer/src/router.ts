import { useEffect, useState } from 'react';

// Three pages: the list at /designer/, an editor at /designer/definitions/{id}, and moving a definition's running
// instances to another version at /designer/definitions/{id}/migrate. The host answers every /designer/ path with
// index.html, so these addresses can be reloaded and shared.
const base = import.meta.env.BASE_URL;

export type Route = { page: 'list' } | { page: 'editor'; id: string } | { page: 'migrate'; id: string };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const match = /^definitions\/([^/]+)(\/migrate)?\/?$/.exec(rest);
  if (!match) return { page: 'list' };
  const id = decodeURIComponent(match[1]);
  return match[2] ? { page: 'migrate', id } : { page: 'editor', id };
}

export const editorPath = (id: string) => `${base}definitions/${encodeURIComponent(id)}`;
export const migratePath = (id: string) => `${editorPath(id)}/migrate`;
export const listPath = () => base;

let guard: (() => boolean) | null = null;

/** Lets the editor ask before unsaved changes are left behind. */
export function setLeaveGuard(check: (() => boolean) | null) {
  guard = check;
}

export function navigate(path: string) {
  if (guard && !guard()) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
