from typing import Any

from rest_framework.pagination import PageNumberPagination as DrfPageNumberPagination


class PageNumberPagination(DrfPageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        # Every page carries both links (null at either end): the schema says so, so the admin
        # site's types need not treat them as optional.
        paginated = super().get_paginated_response_schema(schema)
        return {**paginated, "required": ["count", "next", "previous", "results"]}
