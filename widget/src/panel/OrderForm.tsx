import { useState } from 'preact/hooks';
import type { PanelStrings } from '../i18n';
import type { OrderQuery } from '../protocol';

interface Props {
  strings: PanelStrings;
  email: string;
  onSubmit: (order: OrderQuery) => void;
  onCancel: () => void;
}

/** Order number + email; the server answers only when both match an order. */
export function OrderForm({ strings, email: initialEmail, onSubmit, onCancel }: Props) {
  const [number, setNumber] = useState('');
  const [email, setEmail] = useState(initialEmail);
  return (
    <form
      class="order"
      aria-label={strings.orderLookup}
      onSubmit={(e) => {
        e.preventDefault();
        // `required` lets whitespace through; the server would only answer "not found".
        const order = { number: number.trim(), email: email.trim() };
        if (order.number && order.email) onSubmit(order);
      }}
    >
      <label>
        {strings.orderNumber}
        <input
          name="order-number"
          required
          autoComplete="off"
          value={number}
          onInput={(e) => setNumber(e.currentTarget.value)}
        />
      </label>
      <label>
        {strings.email}
        <input
          name="email"
          type="email"
          required
          autoComplete="email"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </label>
      <div class="row">
        <button type="button" class="ghost" onClick={onCancel}>
          {strings.cancel}
        </button>
        <button type="submit" class="primary">
          {strings.lookUp}
        </button>
      </div>
    </form>
  );
}
