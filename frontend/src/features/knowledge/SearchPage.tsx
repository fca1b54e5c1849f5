import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { isInRange, isNotEmpty, useForm } from '@mantine/form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../shared/ExternalLink';
import { PageHeader } from '../../shared/PageHeader';
import { useServerForm } from '../../shared/useServerForm';
import {
  useAllSources,
  useSearch,
  SEARCH_MODES,
  type Citation,
  type SearchMode,
  type SearchRequest,
  type SearchResult,
} from './hooks';
import { KindBadge, sourcePage } from './labels';

const MAX_K = 50;

interface SearchFormValues {
  query: string;
  k: number | string;
  mode: SearchMode;
  source_ids: number[];
}

function toSearchRequest({ query, k, mode, source_ids }: SearchFormValues): SearchRequest {
  return { query: query.trim(), k: Number(k), mode, ...(source_ids.length > 0 && { source_ids }) };
}

/** "Returns policy · page 3 · Refunds", the title linked only if its URL is http(s). */
function CitationLine({ citation }: { citation: Citation }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'search' });
  const title = citation.title || citation.filename || citation.url || t('document', { id: citation.document_id });
  const where = [
    citation.filename && citation.filename !== title ? citation.filename : null,
    citation.page !== null ? t('page', { page: citation.page }) : null,
    citation.section,
  ].filter(Boolean);
  return (
    <Text size="sm" c="dimmed" aria-label={t('citation')}>
      <ExternalLink href={citation.url}>{title}</ExternalLink>
      {where.length > 0 && ` · ${where.join(' · ')}`}
    </Text>
  );
}

function Rank({ label, rank }: { label: string; rank: number | null }) {
  return (
    <Badge variant="outline" color={rank === null ? 'gray' : 'indigo'}>
      {label} {rank === null ? '—' : `#${rank}`}
    </Badge>
  );
}

function ResultCard({ result, rank }: { result: SearchResult; rank: number }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'search' });
  return (
    <Card withBorder component="article" aria-label={t('result', { rank })}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Badge variant="filled">#{rank}</Badge>
            <Anchor component={Link} to={sourcePage(result.source.id)} size="sm" fw={500}>
              {result.source.name}
            </Anchor>
            <KindBadge kind={result.source.kind} />
          </Group>
          <Group gap="xs">
            <Badge variant="light">{t('score', { score: result.score.toFixed(3) })}</Badge>
            {result.similarity !== null && (
              <Badge variant="light" color="teal">
                {t('similarity', { similarity: result.similarity.toFixed(2) })}
              </Badge>
            )}
            <Rank label={t('vectorRank')} rank={result.vector_rank} />
            <Rank label={t('keywordRank')} rank={result.keyword_rank} />
          </Group>
        </Group>
        {/* Documents may hold hostile markup: always plain text, never HTML. */}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {result.text}
        </Text>
        <CitationLine citation={result.citation} />
      </Stack>
    </Card>
  );
}

/** /knowledge/search: what the assistant would retrieve for a question. */
export function SearchPage() {
  const { t } = useTranslation('knowledge');
  const sources = useAllSources();
  const search = useSearch();
  const form = useForm<SearchFormValues>({
    initialValues: { query: '', k: 8, mode: 'hybrid', source_ids: [] },
    validate: {
      query: isNotEmpty(t('search.queryRequired')),
      k: isInRange({ min: 1, max: MAX_K }, t('search.kRange', { max: MAX_K })),
    },
  });
  const server = useServerForm(form, (values) => search.mutateAsync(toSearchRequest(values)));

  return (
    <>
      <Anchor component={Link} to="/knowledge" size="sm">
        {t('back')}
      </Anchor>
      <PageHeader
        title={t('search.title')}
        description={t('search.description')}
      />
      <form onSubmit={server.onSubmit} noValidate aria-label={t('search.form')}>
        <Stack>
          <TextInput
            label={t('search.query')}
            placeholder={t('search.queryPlaceholder')}
            required
            data-autofocus
            {...form.getInputProps('query')}
          />
          <Group align="flex-end">
            <NumberInput label={t('search.k')} min={1} max={MAX_K} allowDecimal={false} w={120} {...form.getInputProps('k')} />
            <Input.Wrapper label={t('search.mode')} labelElement="div">
              <SegmentedControl
                display="flex"
                aria-label={t('search.mode')}
                data={SEARCH_MODES.map((mode) => ({ value: mode, label: t(`search.modes.${mode}`) }))}
                {...form.getInputProps('mode')}
              />
            </Input.Wrapper>
            <MultiSelect<number>
              label={t('search.sources')}
              placeholder={form.values.source_ids.length ? undefined : t('search.allSources')}
              data={(sources.data ?? []).map((source) => ({ value: source.id, label: source.name }))}
              disabled={!sources.data}
              searchable
              clearable
              miw={240}
              style={{ flex: 1 }}
              {...form.getInputProps('source_ids')}
            />
            <Button type="submit" loading={search.isPending}>
              {t('search.submit')}
            </Button>
          </Group>
          {server.formError && <Alert color="red">{server.formError}</Alert>}
        </Stack>
      </form>
      {search.data && (
        <Stack mt="xl" gap="md" component="section" aria-label={t('search.results')}>
          <Text size="sm" c="dimmed" role="status">
            {search.data.results.length === 0
              ? t('search.none', { ms: search.data.took_ms })
              : t('search.found', { count: search.data.results.length, ms: search.data.took_ms })}
          </Text>
          {search.data.results.map((result, index) => (
            <ResultCard key={result.chunk_id} result={result} rank={index + 1} />
          ))}
        </Stack>
      )}
    </>
  );
}
