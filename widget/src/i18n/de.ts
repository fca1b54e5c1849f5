import type { Strings } from './en';

const de: Strings = {
  openChat: 'Chat öffnen',
  closeChat: 'Chat schließen',
  dialogLabel: 'Chatten Sie mit uns',
  title: 'Chatten Sie mit uns',
  messageLabel: 'Nachricht',
  placeholder: 'Fragen zu Produkten, Bestellungen, Versand…',
  send: 'Senden',
  connecting: 'Verbinde…',
  reconnecting: 'Verbindung unterbrochen. Verbinde erneut…',
  unavailable: 'Der Chat ist gerade nicht verfügbar',
  empty: 'Hallo! Wie können wir helfen?',
  you: 'Sie',
  assistant: 'Assistent',
  sources: 'Quellen',
  products: 'Produkte',
  working: 'Einen Moment, ich sehe nach…',
  error: 'Entschuldigung, da ist etwas schiefgelaufen.',
  interrupted: 'Die Verbindung wurde unterbrochen. Bitte versuchen Sie es erneut.',
};

export default de;
