import { csrfHeaders } from '../../api/client';
import { goTo } from '../../shared/navigation';
import { LOGIN_URL, LOGOUT_URL } from '../../shared/urls';

/** Ends the Django session, then goes to the login page. Rejects if the server refused. */
export async function logout(): Promise<void> {
  const response = await fetch(LOGOUT_URL, {
    method: 'POST',
    headers: csrfHeaders('POST'),
    credentials: 'same-origin',
    // Django answers with a redirect we don't need to follow.
    redirect: 'manual',
  });
  if (!response.ok && response.type !== 'opaqueredirect') {
    throw new Error(`Logout failed with status ${response.status}.`);
  }
  goTo(LOGIN_URL);
}
