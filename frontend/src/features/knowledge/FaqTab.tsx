import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { confirmDestructive } from '../../shared/confirm';
import { ModalForm } from '../../shared/ModalForm';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RelativeTime } from '../../shared/RelativeTime';
import { canEditContent } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import {
  useCreateFaq,
  useDeleteFaq,
  useFaqs,
  useUpdateFaq,
  type FaqInput,
  type Faq,
  type KnowledgeSource,
} from './hooks';

interface FaqModalProps {
  source: KnowledgeSource;
  /** The entry to edit, or null to add one. */
  faq: Faq | null;
  opened: boolean;
  onClose: () => void;
}

function FaqModal({ source, faq, opened, onClose }: FaqModalProps) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'faq.modal' });
  const create = useCreateFaq(source);
  const update = useUpdateFaq();
  const form = useForm<FaqInput>({
    initialValues: { question: faq?.question ?? '', answer: faq?.answer ?? '' },
    validate: { question: isNotEmpty(t('questionRequired')), answer: isNotEmpty(t('answerRequired')) },
  });

  return (
    <ModalForm
      title={faq ? t('editTitle') : t('addTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={faq ? t('save') : t('add')}
      onSubmit={(input) => (faq ? update.mutateAsync({ faq, input }) : create.mutateAsync(input))}
    >
      <TextInput label={t('question')} required data-autofocus {...form.getInputProps('question')} />
      <Textarea label={t('answer')} required autosize minRows={4} maxRows={14} {...form.getInputProps('answer')} />
    </ModalForm>
  );
}

/** The questions and answers of an FAQ source. */
export function FaqTab({ source }: { source: KnowledgeSource }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'faq' });
  const { role } = useSession();
  const edit = canEditContent(role);
  const faqs = useFaqs(source);
  const remove = useDeleteFaq();
  // null: closed; 'new': adding; a Faq: editing it.
  const [editing, setEditing] = useState<Faq | 'new' | null>(null);

  const confirmDelete = (faq: Faq) =>
    confirmDestructive({
      title: t('confirmDelete.title'),
      message: t('confirmDelete.message', { question: faq.question }),
      confirmLabel: t('delete'),
      onConfirm: () => remove.mutate(faq),
    });

  const columns: Column<Faq>[] = [
    { header: t('column.question'), cell: (faq) => <Text size="sm" fw={500}>{faq.question}</Text> },
    {
      header: t('column.answer'),
      cell: (faq) => (
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {faq.answer}
        </Text>
      ),
    },
    { header: t('column.updated'), cell: (faq) => <RelativeTime iso={faq.updated_at} /> },
  ];
  if (edit) {
    columns.push({
      header: t('column.actions'),
      cell: (faq) => (
        <Group gap={4} wrap="nowrap">
          <Button variant="subtle" size="xs" aria-label={t('editQuestion', { question: faq.question })} onClick={() => setEditing(faq)}>
            {t('edit')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t('deleteQuestion', { question: faq.question })}
            loading={remove.isPending && remove.variables.id === faq.id}
            onClick={() => confirmDelete(faq)}
          >
            {t('delete')}
          </Button>
        </Group>
      ),
    });
  }

  const current = editing === 'new' ? null : editing;
  return (
    <Stack gap="sm">
      {edit && (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>{t('add')}</Button>
        </Group>
      )}
      <PaginatedTable label={t('table')} list={faqs} columns={columns} emptyMessage={t('empty')} />
      {edit && (
        <FaqModal
          // A fresh form for each entry edited.
          key={current?.id ?? 'new'}
          source={source}
          faq={current}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
