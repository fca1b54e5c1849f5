/** Shared components: states, tables, dialogs, file picker, settings footer, roles, key status. */
export default {
  cancel: 'Cancel',
  saveSettings: 'Save settings',
  loading: 'Loading',
  somethingWentWrong: 'Something went wrong',
  actionFailed: 'That didn’t work',
  apiError: {
    network: 'Could not reach the server. Check your connection and try again.',
    status: 'Request failed with status {{status}}.',
    invalidResponse: 'The server sent an unexpected response.',
    emptyStream: 'The server sent an empty stream.',
  },
  sessionEnded: {
    title: 'Your session has ended',
    description: 'Sign in again to continue.',
    action: 'Sign in',
  },
  noAccess: {
    title: "You don't have access",
    description: "Your role in this store doesn't allow this. Ask a store owner or admin if you need access.",
  },
  routeError: {
    description: 'An unexpected error occurred while showing this page.',
    reload: 'Reload',
  },
  table: {
    pages: '{{label}} pages',
    page: 'Page {{page}}',
    first: 'First page',
    previous: 'Previous page',
    next: 'Next page',
    last: 'Last page',
  },
  fileDrop: {
    dropHere: 'Drop the file to choose it',
    dragOrChoose: 'Drag a file here, or choose one',
    placeholder: 'Choose a file',
    dropHereMany: 'Drop the files to choose them',
    dragOrChooseMany: 'Drag files here, or choose them',
    placeholderMany: 'Choose files',
  },
  role: {
    owner: 'Owner',
    admin: 'Admin',
    editor: 'Editor',
    viewer: 'Viewer',
  },
  keyStatus: {
    active: 'active',
    revoked: 'revoked',
    revokedAt: 'Revoked {{time}}',
  },
  bytes: {
    bytes: '{{value}} bytes',
    KB: '{{value}} KB',
    MB: '{{value}} MB',
    GB: '{{value}} GB',
  },
};
