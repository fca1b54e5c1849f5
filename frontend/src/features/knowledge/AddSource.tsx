import { Button, Combobox, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatableSourceKind } from './hooks';
import { CreateSourceModal } from './CreateSourceModal';
import { UploadSourceModal } from './UploadSourceModal';

export type NewSourceKind = 'upload' | CreatableSourceKind;

/** The menu's entries, in order; each one's label and description are in the catalog. */
const MENU: NewSourceKind[] = ['upload', 'url', 'website', 'text', 'faq'];

const CREATABLE: CreatableSourceKind[] = ['url', 'website', 'text', 'faq'];

/** The "Add source" button and its menu of source kinds. */
export function AddSourceMenu({ onSelect }: { onSelect: (kind: NewSourceKind) => void }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'add' });
  return (
    <Menu position="bottom-end" width={280}>
      <Menu.Target>
        <Button rightSection={<Combobox.Chevron />}>{t('button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {MENU.map((kind) => (
          <Menu.Item key={kind} onClick={() => onSelect(kind)}>
            <Text size="sm">{t(`${kind}.label`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`${kind}.description`)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** One modal per kind; `adding` says which one is open. */
export function AddSourceModals({ adding, onClose }: { adding: NewSourceKind | null; onClose: () => void }) {
  return (
    <>
      <UploadSourceModal opened={adding === 'upload'} onClose={onClose} />
      {CREATABLE.map((kind) => (
        <CreateSourceModal key={kind} kind={kind} opened={adding === kind} onClose={onClose} />
      ))}
    </>
  );
}
