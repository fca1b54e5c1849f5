import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
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
  const create = useCreateFaq(source);
  const update = useUpdateFaq();
  const form = useForm<FaqInput>({
    initialValues: { question: faq?.question ?? '', answer: faq?.answer ?? '' },
    validate: { question: isNotEmpty('Write the question.'), answer: isNotEmpty('Write the answer.') },
  });

  return (
    <ModalForm
      title={faq ? 'Edit question' : 'Add a question'}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={faq ? 'Save' : 'Add'}
      onSubmit={(input) => (faq ? update.mutateAsync({ faq, input }) : create.mutateAsync(input))}
    >
      <TextInput label="Question" required data-autofocus {...form.getInputProps('question')} />
      <Textarea label="Answer" required autosize minRows={4} maxRows={14} {...form.getInputProps('answer')} />
    </ModalForm>
  );
}

/** The questions and answers of an FAQ source. */
export function FaqTab({ source }: { source: KnowledgeSource }) {
  const { role } = useSession();
  const edit = canEditContent(role);
  const faqs = useFaqs(source);
  const remove = useDeleteFaq();
  // null: closed; 'new': adding; a Faq: editing it.
  const [editing, setEditing] = useState<Faq | 'new' | null>(null);

  const confirmDelete = (faq: Faq) =>
    confirmDestructive({
      title: 'Delete question',
      message: `Delete “${faq.question}”? The assistant will no longer use this answer.`,
      confirmLabel: 'Delete',
      onConfirm: () => remove.mutate(faq),
    });

  const columns: Column<Faq>[] = [
    { header: 'Question', cell: (faq) => <Text size="sm" fw={500}>{faq.question}</Text> },
    {
      header: 'Answer',
      cell: (faq) => (
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {faq.answer}
        </Text>
      ),
    },
    { header: 'Updated', cell: (faq) => <RelativeTime iso={faq.updated_at} /> },
  ];
  if (edit) {
    columns.push({
      header: 'Actions',
      cell: (faq) => (
        <Group gap={4} wrap="nowrap">
          <Button variant="subtle" size="xs" aria-label={`Edit “${faq.question}”`} onClick={() => setEditing(faq)}>
            Edit
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={`Delete “${faq.question}”`}
            loading={remove.isPending && remove.variables.id === faq.id}
            onClick={() => confirmDelete(faq)}
          >
            Delete
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
          <Button onClick={() => setEditing('new')}>Add question</Button>
        </Group>
      )}
      <PaginatedTable label="FAQ entries" list={faqs} columns={columns} emptyMessage="No questions yet." />
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
