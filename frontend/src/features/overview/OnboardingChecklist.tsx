import { Anchor, Badge, Card, Group, List, Progress, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../shared/QueryState';
import { useOnboarding, type OnboardingStep, type OnboardingStepKey } from './hooks';

interface StepCopy {
  title: string;
  description: string;
  /** Where the merchant takes this step. */
  to: string;
  action: string;
}

const STEPS: Record<OnboardingStepKey, StepCopy> = {
  knowledge: {
    title: 'Add knowledge',
    description: 'Give the assistant your policies, FAQs and help pages.',
    to: '/knowledge',
    action: 'Add knowledge',
  },
  catalog: {
    title: 'Import your catalog',
    description: 'So the assistant can recommend products.',
    to: '/catalog/imports/new',
    action: 'Import products',
  },
  assistant: {
    title: 'Shape the assistant',
    description: 'Its name, tone, languages and what it should not talk about.',
    to: '/assistant',
    action: 'Open assistant settings',
  },
  widget: {
    title: 'Customise the widget',
    description: 'Colours, position, greeting and suggested questions.',
    to: '/widget',
    action: 'Open widget settings',
  },
  install: {
    title: 'Install the snippet',
    description: 'Allow your storefront’s domain and paste the script tag.',
    to: '/widget',
    action: 'Get the snippet',
  },
  live: {
    title: 'Go live',
    description: 'Your first shopper conversation through the widget.',
    to: '/inbox',
    action: 'Open the inbox',
  },
};

function Step({ step }: { step: OnboardingStep }) {
  const copy = STEPS[step.key];
  return (
    <List.Item
      icon={
        <ThemeIcon size={22} radius="xl" color={step.done ? 'green' : 'gray'} variant={step.done ? 'filled' : 'light'} aria-hidden>
          {step.done ? '✓' : ''}
        </ThemeIcon>
      }
      aria-label={`${copy.title}: ${step.done ? 'done' : 'to do'}`}
    >
      <Group gap="xs">
        <Text fw={500}>{copy.title}</Text>
        <Badge size="sm" variant="light" color={step.done ? 'green' : 'gray'}>
          {step.done ? 'Done' : 'To do'}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {copy.description}
      </Text>
      <Text size="sm">{step.detail}</Text>
      {!step.done && (
        <Anchor component={Link} to={copy.to} size="sm">
          {copy.action}
        </Anchor>
      )}
    </List.Item>
  );
}

/** The getting-started steps and their state, as the server computes it from the store's data. */
export function OnboardingChecklist() {
  const onboarding = useOnboarding();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="getting-started">
      <Title order={3} size="h4" mb="xs" id="getting-started">
        Getting started
      </Title>
      <QueryState query={onboarding}>
        {({ steps }) => {
          const done = steps.filter((step) => step.done).length;
          return (
            <>
              <Text size="sm" c="dimmed" mb={4}>
                {done} of {steps.length} steps done
              </Text>
              <Progress value={(done / steps.length) * 100} mb="md" aria-label="Getting started progress" />
              <List spacing="md" center={false} aria-label="Getting started steps">
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
