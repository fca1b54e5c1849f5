import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { productPage, ProductImage } from './labels';

interface ProductCellProps {
  id: number;
  title: string;
  image: string | null;
  /** A dimmed second line, e.g. the handle. */
  detail?: string;
}

/** Thumbnail and title linking to the product's page: the first cell of product tables. */
export function ProductCell({ id, title, image, detail }: ProductCellProps) {
  return (
    <Group gap="sm" wrap="nowrap">
      <ProductImage src={image} alt={title} size={44} />
      <Stack gap={0} miw={0}>
        <Anchor component={Link} to={productPage(id)} fw={500} lineClamp={2}>
          {title}
        </Anchor>
        {detail && (
          <Text size="xs" c="dimmed" truncate>
            {detail}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
