export default {
  title: 'Audit log',
  description: 'Who changed what in this store.',
  table: 'Audit events',
  empty: 'Nothing has been recorded yet.',
  column: {
    when: 'When',
    action: 'Action',
    actor: 'Actor',
    target: 'Target',
    details: 'Details',
  },
};
