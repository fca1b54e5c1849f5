import { NumberInput, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm, type FormValidateInput } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { safeHttpUrl } from '../../shared/ExternalLink';
import { ModalForm } from '../../shared/ModalForm';
import {
  useCreateSource,
  type NewSourceInput,
  type CreatableSourceKind,
  type Schedule,
  type SourceConfig,
  type TextFormat,
} from './hooks';
import { isRemote, ScheduleSelect, sourcePage, TextFormatInput } from './labels';

const MAX_PAGES_LIMIT = 2000;

/**
 * Flat form values, so a server error's `field` ("name", "url", "max_pages", "text")
 * names a form field. Only the fields of the kind being created are present.
 */
interface SourceFormValues {
  name: string;
  schedule?: Schedule;
  url?: string;
  max_pages?: number | string;
  use_sitemap?: boolean;
  text?: string;
  format?: TextFormat;
}

const INITIAL_VALUES: Record<CreatableSourceKind, SourceFormValues> = {
  url: { name: '', url: '', schedule: 'off' },
  website: { name: '', url: '', max_pages: 200, use_sitemap: true, schedule: 'off' },
  text: { name: '', text: '', format: 'markdown' },
  faq: { name: '' },
};

function validation(kind: CreatableSourceKind, t: TFunction<'knowledge', 'create'>): FormValidateInput<SourceFormValues> {
  return {
    // Pages and sites are named after their address unless given a name.
    name: (value) => (!isRemote(kind) && !value.trim() ? t('nameRequired') : null),
    url: (value) =>
      value === undefined || safeHttpUrl(value.trim()) ? null : t('urlInvalid'),
    max_pages: (value) => {
      const pages = Number(value);
      return value === undefined || (Number.isInteger(pages) && pages >= 1 && pages <= MAX_PAGES_LIMIT)
        ? null
        : t('pagesInvalid', { max: MAX_PAGES_LIMIT });
    },
    text: (value) => (value === undefined || value.trim() ? null : t('textRequired')),
  };
}

function toNewSource(kind: CreatableSourceKind, values: SourceFormValues): NewSourceInput {
  const url = values.url?.trim() ?? '';
  const configs: Record<CreatableSourceKind, () => SourceConfig> = {
    url: () => ({ url }),
    website: () => ({ url, max_pages: Number(values.max_pages), use_sitemap: values.use_sitemap ?? true }),
    text: () => ({ text: values.text ?? '', format: values.format ?? 'markdown' }),
    faq: () => ({}),
  };
  return {
    kind,
    name: values.name.trim() || url,
    schedule: values.schedule ?? 'off',
    config: configs[kind](),
  };
}

interface CreateSourceModalProps {
  kind: CreatableSourceKind;
  opened: boolean;
  onClose: () => void;
}

/** Adds a web page, website crawl, text note or FAQ list. */
export function CreateSourceModal({ kind, opened, onClose }: CreateSourceModalProps) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'create' });
  const createSource = useCreateSource();
  const navigate = useNavigate();
  const form = useForm<SourceFormValues>({ initialValues: INITIAL_VALUES[kind], validate: validation(kind, t) });

  const submit = async (values: SourceFormValues) => {
    const source = await createSource.mutateAsync(toNewSource(kind, values));
    // An FAQ list starts empty: go where its questions are added.
    if (kind === 'faq') await navigate(sourcePage(source.id));
  };

  return (
    <ModalForm
      title={t(`title.${kind}`)}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={kind === 'faq' ? t('submitFaq') : t('submit')}
      onSubmit={submit}
    >
      {isRemote(kind) && (
        <TextInput
          label={kind === 'website' ? t('startUrl') : t('url')}
          description={
            kind === 'website' ? t('startUrlDescription') : t('urlDescription')
          }
          placeholder={t('urlPlaceholder')}
          type="url"
          required
          data-autofocus
          {...form.getInputProps('url')}
        />
      )}
      <TextInput
        label={t('name')}
        description={isRemote(kind) ? t('nameOptional') : undefined}
        required={!isRemote(kind)}
        data-autofocus={!isRemote(kind) || undefined}
        {...form.getInputProps('name')}
      />
      {kind === 'website' && (
        <>
          <NumberInput
            label={t('maxPages')}
            description={t('maxPagesDescription', { max: MAX_PAGES_LIMIT })}
            min={1}
            max={MAX_PAGES_LIMIT}
            allowDecimal={false}
            {...form.getInputProps('max_pages')}
          />
          <Switch
            label={t('useSitemap')}
            description={t('useSitemapDescription')}
            {...form.getInputProps('use_sitemap', { type: 'checkbox' })}
          />
        </>
      )}
      {kind === 'text' && (
        <>
          <Textarea label={t('text')} required autosize minRows={8} maxRows={20} {...form.getInputProps('text')} />
          <TextFormatInput {...form.getInputProps('format')} />
        </>
      )}
      {isRemote(kind) && <ScheduleSelect {...form.getInputProps('schedule')} />}
    </ModalForm>
  );
}
