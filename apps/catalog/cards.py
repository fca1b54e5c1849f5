"""The product card's shape, as `product_search` builds it: one definition for every output that
shows a card (the catalog search API, and the cards an answer showed in chat and the inbox)."""

from __future__ import annotations

from rest_framework import serializers


class VariantCardOutput(serializers.Serializer):
    id = serializers.IntegerField()
    sku = serializers.CharField()
    options = serializers.DictField(child=serializers.CharField())
    price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    compare_at_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    available = serializers.BooleanField()


class ProductCardFields(serializers.Serializer):
    """The card's fields; subclasses name the output (and the search adds its score)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    handle = serializers.CharField()
    url = serializers.CharField()
    image = serializers.CharField(allow_null=True)
    min_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    max_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    available = serializers.BooleanField()
    variant = VariantCardOutput(allow_null=True)
