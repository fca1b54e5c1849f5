/** How often lists and pages poll while the server works on something (syncs, imports). */
export const POLL_MS = 2000;
