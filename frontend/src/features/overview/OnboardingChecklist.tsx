import { Anchor, Badge, Card, Group, List, Progress, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../shared/QueryState';
import { useOnboarding, type OnboardingStep, type OnboardingStepKey } from './hooks';

/** Where the merchant takes each step; its title, description and action are in the catalog. */
const STEP_LINKS: Record<OnboardingStepKey, string> = {
  knowledge: '/knowledge',
  catalog: '/catalog/imports/new',
  assistant: '/assistant',
  widget: '/widget',
  install: '/widget',
  live: '/inbox',
};

function Step({ step }: { step: OnboardingStep }) {
  const { t } = useTranslation('overview');
  const title = t(`step.${step.key}.title`);
  return (
    <List.Item
      icon={
        <ThemeIcon size={22} radius="xl" color={step.done ? 'green' : 'gray'} variant={step.done ? 'filled' : 'light'} aria-hidden>
          {step.done ? '✓' : ''}
        </ThemeIcon>
      }
      aria-label={t('stepState', { title, context: step.done ? 'done' : 'toDo' })}
    >
      <Group gap="xs">
        <Text fw={500}>{title}</Text>
        <Badge size="sm" variant="light" color={step.done ? 'green' : 'gray'}>
          {step.done ? t('done') : t('toDo')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t(`step.${step.key}.description`)}
      </Text>
      <Text size="sm">{step.detail}</Text>
      {!step.done && (
        <Anchor component={Link} to={STEP_LINKS[step.key]} size="sm">
          {t(`step.${step.key}.action`)}
        </Anchor>
      )}
    </List.Item>
  );
}

/** The getting-started steps and their state, as the server computes it from the store's data. */
export function OnboardingChecklist() {
  const { t } = useTranslation('overview');
  const onboarding = useOnboarding();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="getting-started">
      <Title order={3} size="h4" mb="xs" id="getting-started">
        {t('gettingStarted')}
      </Title>
      <QueryState query={onboarding}>
        {({ steps }) => {
          const done = steps.filter((step) => step.done).length;
          return (
            <>
              <Text size="sm" c="dimmed" mb={4}>
                {t('stepsDone', { count: done, total: steps.length })}
              </Text>
              <Progress value={(done / steps.length) * 100} mb="md" aria-label={t('progress')} />
              <List spacing="md" center={false} aria-label={t('steps')}>
                {steps.map((step) => (
                  <Step key={step.key} step={step} />
                ))}
              </List>
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
