import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKey } from './hooks';

/** Shows a newly created key's secret: the only time it is ever available. */
export function OneTimeKeyModal({ apiKey, onClose }: { apiKey: CreatedApiKey | null; onClose: () => void }) {
  const { t } = useTranslation('apiKeys');
  return (
    <Modal
      opened={apiKey !== null}
      onClose={onClose}
      title={t('oneTime.title')}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="lg"
    >
      {apiKey && (
        <Stack>
          <Alert color="yellow" title={t('oneTime.warningTitle')}>
            {t('oneTime.warning')}
          </Alert>
          <Text size="sm">
            {t('oneTime.keyFor', { name: apiKey.name, role: apiKey.role })}
          </Text>
          <Code block aria-label={t('oneTime.newKey')}>
            {apiKey.key}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={apiKey.key}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('oneTime.copied') : t('oneTime.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('oneTime.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
