export default {
  title: 'Settings',
  description: 'Your store’s name and currency.',
  store: 'Store',
  readOnly: 'Only owners and admins can change the store’s settings.',
  form: 'Store settings',
  name: 'Store name',
  nameDescription: 'Shoppers see it in the chat widget.',
  address: 'Store address',
  addressDescription: 'Your admin site’s web address; it can’t be changed.',
  currency: 'Currency',
  currencyDescription: 'Prices in imported files that don’t name their currency are in this one.',
  currencyOption: '{{code}} — {{name}}',
};
