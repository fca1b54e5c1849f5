import { Button, Combobox, Menu, Text } from '@mantine/core';
import type { CreatableSourceKind } from './hooks';
import { CreateSourceModal } from './CreateSourceModal';
import { UploadSourceModal } from './UploadSourceModal';

export type NewSourceKind = 'upload' | CreatableSourceKind;

const MENU: { kind: NewSourceKind; label: string; description: string }[] = [
  { kind: 'upload', label: 'Upload file', description: 'PDF, Word, HTML, Markdown, text, CSV or Excel' },
  { kind: 'url', label: 'Web page', description: 'One page, by its URL' },
  { kind: 'website', label: 'Website crawl', description: 'Pages linked from a start URL' },
  { kind: 'text', label: 'Text note', description: 'Write or paste text' },
  { kind: 'faq', label: 'FAQ list', description: 'Questions and answers' },
];

const CREATABLE: CreatableSourceKind[] = ['url', 'website', 'text', 'faq'];

/** The "Add source" button and its menu of source kinds. */
export function AddSourceMenu({ onSelect }: { onSelect: (kind: NewSourceKind) => void }) {
  return (
    <Menu position="bottom-end" width={280}>
      <Menu.Target>
        <Button rightSection={<Combobox.Chevron />}>Add source</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {MENU.map((item) => (
          <Menu.Item key={item.kind} onClick={() => onSelect(item.kind)}>
            <Text size="sm">{item.label}</Text>
            <Text size="xs" c="dimmed">
              {item.description}
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
