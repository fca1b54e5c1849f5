// English is the reference catalog: its keys define the types every other locale must fill.

export const launcher = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unread: '{n} unread',
  dismiss: 'Dismiss',
};

export const panel = {
  dialogLabel: 'Chat with {name}',
  assistant: 'Assistant',
  closeChat: 'Close chat',
  messageLabel: 'Message',
  placeholder: 'Ask about products, orders, shipping…',
  send: 'Send',
  stop: 'Stop generating',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  unavailable: 'Chat is unavailable right now.',
  you: 'You',
  agent: 'Team member',
  sources: 'Sources',
  source: 'Source {n}: {title}',
  products: 'Products',
  typing: 'Typing…',
  working: 'Looking that up…',
  error: 'Sorry, something went wrong.',
  rateLimited: 'You are sending messages too quickly. Please wait a moment.',
  tooLarge: 'That message is too long.',
  stopped: 'Stopped.',
  inStock: 'In stock',
  outOfStock: 'Out of stock',
  priceFrom: 'from {price}',
  suggestions: 'Suggested questions',
  orderLookup: 'Track an order',
  orderNumber: 'Order number',
  email: 'Email',
  lookUp: 'Look up',
  cancel: 'Cancel',
  orderText: 'Order #{number}',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  talkToPerson: 'Talk to a person',
  handedOff: 'A member of our team will reply here.',
  resolved: 'This conversation has been resolved.',
};

export type LauncherStrings = typeof launcher;
export type PanelStrings = typeof panel;
