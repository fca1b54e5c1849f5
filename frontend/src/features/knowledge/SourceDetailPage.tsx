import { useState } from 'react';
import { Anchor, Tabs } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { ContentTab } from './ContentTab';
import { DocumentsTab } from './DocumentsTab';
import { FaqTab } from './FaqTab';
import { useSource, type KnowledgeSource } from './hooks';
import { SourceHeader } from './SourceHeader';

type Tab = 'documents' | 'faq' | 'content';

function SourceTabs({ source }: { source: KnowledgeSource }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'source.tabs' });
  const [searchParams] = useSearchParams();
  // FAQ lists and notes open on what you edit, unless we came to see failed documents.
  const kindTab: Tab = source.kind === 'faq' ? 'faq' : source.kind === 'text' ? 'content' : 'documents';
  const [tab, setTab] = useState<Tab>(searchParams.has('status') ? 'documents' : kindTab);

  return (
    <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'documents')} keepMounted={false}>
      <Tabs.List mb="md">
        {source.kind === 'faq' && <Tabs.Tab value="faq">{t('faq')}</Tabs.Tab>}
        {source.kind === 'text' && <Tabs.Tab value="content">{t('content')}</Tabs.Tab>}
        <Tabs.Tab value="documents">{t('documents')}</Tabs.Tab>
      </Tabs.List>
      {source.kind === 'faq' && (
        <Tabs.Panel value="faq">
          <FaqTab source={source} />
        </Tabs.Panel>
      )}
      {source.kind === 'text' && (
        <Tabs.Panel value="content">
          <ContentTab source={source} />
        </Tabs.Panel>
      )}
      <Tabs.Panel value="documents">
        <DocumentsTab source={source} />
      </Tabs.Panel>
    </Tabs>
  );
}

function SourceDetail({ id }: { id: number }) {
  const { t } = useTranslation('knowledge');
  const source = useSource(id);
  return (
    <>
      <Anchor component={Link} to="/knowledge" size="sm">
        {t('back')}
      </Anchor>
      <QueryState query={source}>
        {(data) => (
          <>
            <SourceHeader source={data} />
            <SourceTabs source={data} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** /knowledge/sources/:id */
export function SourceDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  // A fresh page (tab, forms) per source.
  return <SourceDetail key={id} id={id} />;
}
