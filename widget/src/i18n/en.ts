const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  dialogLabel: 'Chat with us',
  title: 'Chat with us',
  messageLabel: 'Message',
  placeholder: 'Ask about products, orders, shipping…',
  send: 'Send',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  unavailable: 'Chat is unavailable right now',
  empty: 'Hi! How can we help you today?',
  you: 'You',
  assistant: 'Assistant',
  sources: 'Sources',
  products: 'Products',
  working: 'Looking that up…',
  error: 'Sorry, something went wrong.',
  interrupted: 'The connection was interrupted. Please try again.',
};

export type Strings = typeof en;
export default en;
