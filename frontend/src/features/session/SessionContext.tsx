import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from './useMeQuery';

/** /me/ for the admin site's session: `user` is always the signed-in person (null only for API-key calls). */
export type Session = Me & { user: NonNullable<Me['user']> };

const SessionContext = createContext<Session | null>(null);

function isPersonSession(me: Me): me is Session {
  return me.user !== null;
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  if (!isPersonSession(me)) throw new Error('The admin site needs a signed-in user, not an API key.');
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user, the current store and their role in it. */
export function useSession(): Session {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession must be used inside <SessionProvider>.');
  return me;
}
