/** Django-rendered pages outside the SPA. */
export const LOGIN_URL = '/accounts/login/';
export const LOGOUT_URL = '/accounts/logout/';
