"""Product search: hybrid ranking, structured filters, query understanding, matching variant."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.catalog.models import Product, Variant
from apps.catalog.search import SKU_WEIGHT, ProductFilters, product_search
from apps.catalog.services.products import product_terms_refresh, products_upsert
from apps.core.search.hybrid import RRF_K
from apps.core.tenancy import tenant_context
from tests.catalog.conftest import product, variant
from tests.conftest import client_for

CATALOG = [
    product(
        "switchback",
        "Switchback Trail Shoe",
        [
            variant("SW-9-RED", "129.00", size="9", color="Ember Red"),
            variant("SW-10-RED", "129.00", available=False, size="10", color="Ember Red"),
            variant("SW-10-BLK", "129.00", size="10", color="Black"),
        ],
        product_type="Trail shoes",
        description="Light running shoe for rocky trails.",
        collections=("Hiking",),
    ),
    product(
        "tempo",
        "Tempo Road Runner",
        [
            variant("TE-10-RED", "89.00", size="10", color="Red"),
        ],
        product_type="Running shoes",
        description="Cushioned running shoe for the road.",
        collections=("Sale",),
    ),
    product(
        "cascade-3l",
        "Cascade 3L Shell",
        [
            variant("CA-M-BLU", "289.00", size="M", color="Slate Blue"),
            variant("CA-L-BLU", "289.00", size="L", color="Slate Blue"),
        ],
        product_type="Jacket",
        description="Waterproof breathable rain jacket, 20,000 mm.",
    ),
    product(
        "lupine-2",
        "Lupine 2 Tent",
        [variant("LU-2", "349.00")],
        product_type="Tent",
        description="Ultralight two person backpacking tent.",
    ),
]


def _seed(source) -> None:
    results = products_upsert(source=source, records=CATALOG)
    assert {r.outcome for r in results} == {"created"}


def test_vague_description_finds_the_right_product(source) -> None:
    _seed(source)
    cards = product_search(query="something to keep me dry in the rain").cards
    assert cards[0].handle == "cascade-3l"
    assert cards[0].min_price == Decimal("289.00") and cards[0].image.endswith("cascade-3l.jpg")


def test_red_running_shoes_under_100(source) -> None:
    _seed(source)
    result = product_search(query="red running shoes under 100")
    assert result.understood.max_price == Decimal("100") and result.understood.colours == ["red"]
    assert [card.handle for card in result.cards] == ["tempo"]  # Switchback costs 129
    assert result.cards[0].variant.sku == "TE-10-RED"


def test_matching_variant_prefers_the_asked_size_and_stock(source) -> None:
    _seed(source)
    card = next(
        c
        for c in product_search(query="trail shoe black size 10").cards
        if c.handle == "switchback"
    )
    assert card.variant.sku == "SW-10-BLK"


def test_in_stock_and_option_filters(source) -> None:
    _seed(source)
    in_stock_red_10 = product_search(
        query="shoe",
        filters=ProductFilters(in_stock=True, options={"size": ["10"], "color": ["Ember Red"]}),
    ).cards
    assert in_stock_red_10 == []  # the only red size 10 Switchback is sold out
    by_collection = product_search(query="shoe", filters=ProductFilters(collection="sale")).cards
    assert [card.handle for card in by_collection] == ["tempo"]


def test_exact_names_and_archived_products(source) -> None:
    _seed(source)
    assert product_search(query="Lupine 2").cards[0].handle == "lupine-2"
    Product.objects.filter(handle="lupine-2").update(status="archived")
    assert all(card.handle != "lupine-2" for card in product_search(query="Lupine 2 tent").cards)


def test_a_sku_or_part_of_one_puts_its_product_first(source) -> None:
    _seed(source)
    assert product_search(query="ca-l-blu").cards[0].handle == "cascade-3l"
    assert product_search(query="do you have SW-10 in stock").cards[0].handle == "switchback"


def test_misspelt_product_names_still_find_the_product(source) -> None:
    _seed(source)
    assert product_search(query="lupin tnet", mode="keyword").cards[0].handle == "lupine-2"
    assert product_search(query="swichback", mode="keyword").cards[0].handle == "switchback"


def test_sku_wildcards_in_the_query_are_literal(source) -> None:
    _seed(source)
    # Unescaped, "_" would match the "-" of SW-10-RED and give it a SKU match's score
    cards = product_search(query="w_10", mode="keyword").cards
    assert all(card.score < SKU_WEIGHT / (RRF_K + 1) for card in cards)
    assert product_search(query="w-10", mode="keyword").cards[0].score >= SKU_WEIGHT / (RRF_K + 1)


def test_reimport_recognises_unchanged_products_and_updates_changed_ones(source) -> None:
    _seed(source)
    changed = product(
        "tempo",
        "Tempo Road Runner",
        [variant("TE-10-RED", "79.00", size="10", color="Red")],
        product_type="Running shoes",
        description="Cushioned running shoe.",
        collections=("Sale",),
    )
    outcomes = {
        r.key: r.outcome for r in products_upsert(source=source, records=[*CATALOG[:1], changed])
    }
    assert outcomes == {"switchback": "unchanged", "tempo": "updated"}
    assert Variant.objects.get(sku="TE-10-RED").price == Decimal("79.00")


def test_a_sku_owned_by_another_product_fails_that_product_only(source) -> None:
    _seed(source)
    thief = product("copycat", "Copycat", [variant("SW-9-RED", "10.00")])
    [result] = products_upsert(source=source, records=[thief])
    assert result.outcome == "failed" and result.errors[0].code == "duplicate_sku"
    assert not Product.objects.filter(external_id="copycat").exists()


def test_another_stores_catalog_is_invisible(tenant_a, tenant_b) -> None:
    from apps.catalog.models import ProductSource

    with tenant_context(tenant_b):
        source_b = ProductSource.objects.create(kind="file", name="B")
        products_upsert(
            source=source_b,
            records=[product("secret", "Zeta Secret Pack", [variant("ZETA-1", "10.00")])],
        )
        assert product_search(query="Zeta Secret Pack").cards
    with tenant_context(tenant_a):
        assert all(
            c.title != "Zeta Secret Pack" for c in product_search(query="Zeta Secret Pack").cards
        )


def test_a_failing_batch_falls_back_to_one_product_at_a_time(source, monkeypatch) -> None:
    from apps.catalog.services import products as products_service

    real_create = products_service._create

    def fail_batches(context, writes):
        if len(writes) > 1:
            raise RuntimeError("one row in the batch is bad")
        if writes[0].record.external_id == "lupine-2":
            raise RuntimeError("this product is bad")
        return real_create(context, writes)

    monkeypatch.setattr(products_service, "_create", fail_batches)
    outcomes = {r.key: r.outcome for r in products_upsert(source=source, records=CATALOG)}
    # every good product was written whole; the bad one not at all, with a reason
    assert outcomes == {
        "switchback": "created",
        "tempo": "created",
        "cascade-3l": "created",
        "lupine-2": "failed",
    }
    assert not Product.objects.filter(external_id="lupine-2").exists()
    assert Variant.objects.filter(product__external_id="switchback").count() == 3


def test_collections_whose_names_slugify_alike_stay_apart(source) -> None:
    from apps.catalog.models import Collection

    records = [
        product("a", "Shell A", [variant("A-1", "10.00")], collections=("Men's",)),
        product("b", "Shell B", [variant("B-1", "10.00")], collections=("Mens",)),
    ]
    assert {r.outcome for r in products_upsert(source=source, records=records)} == {"created"}
    assert sorted(Collection.objects.values_list("title", flat=True)) == ["Men's", "Mens"]
    assert len(set(Collection.objects.values_list("handle", flat=True))) == 2


def test_a_search_costs_a_fixed_number_of_queries_and_loads_only_card_fields(source) -> None:
    # given: a seeded catalog (the search is on the chat hot path)
    _seed(source)
    product_search(query="trail shoe")  # settings row and query embedding cached
    # when: a misspelt query (fuzzy arm) and a matching one
    for query in ("switchbak trail shoe", "trail shoe"):
        with CaptureQueriesContext(connection) as captured:
            cards = product_search(query=query).cards
        # then
        assert cards
        sqls = [q["sql"] for q in captured.captured_queries]
        statements = [sql for sql in sqls if not sql.startswith("SET search_path")]
        # the settings row; savepoint, the session settings, the ranking, release; cards, variants
        assert len(statements) == 7, statements
        products_sql, variants_sql = statements[-2:]
        assert '"catalog_product"."embedding"' not in products_sql
        assert "description_html" not in products_sql and "search_vector" not in products_sql
        assert '"catalog_variant"."barcode"' not in variants_sql


def test_cards_carry_their_cosine_similarity_to_the_query_as_written(source) -> None:
    import numpy as np

    from apps.core.search import embeddings

    _seed(source)
    query = "red running shoes under 100"  # understood as "running shoes" + filters
    cards = product_search(query=query).cards
    vector = embeddings.embed_query(query, model_name=Product.objects.first().embedding_model)
    for card in cards:
        expected = float(np.dot(vector, np.array(Product.objects.get(pk=card.id).embedding)))
        assert card.similarity is not None and abs(card.similarity - expected) < 1e-4
    assert all(c.similarity is None for c in product_search(query=query, mode="keyword").cards)


def test_the_option_summary_follows_the_variants_on_every_write(source) -> None:
    # given: products written through the upsert service, one without variants
    _seed(source)
    products_upsert(source=source, records=[product("gift-card", "Gift Card", [])])
    # then: the summary holds each pair, colour words and sizes
    tokens = Product.objects.get(handle="switchback").option_tokens
    assert {"color:ember red", "colour~ember", "colour~red", "colour~black", "size~9"} <= set(
        tokens
    )
    assert Product.objects.get(handle="gift-card").option_tokens == []
    # when: a re-import changes the variants
    recoloured = product(
        "tempo", "Tempo Road Runner", [variant("TE-10-RED", "89.00", size="11", color="Teal")]
    )
    products_upsert(source=source, records=[recoloured])
    # then: the summary changes with them
    assert Product.objects.get(handle="tempo").option_tokens == [
        "color:teal",
        "colour~teal",
        "size:11",
        "size~11",
    ]


def test_colour_and_size_must_meet_on_one_variant(source) -> None:
    # given: Switchback in red size 9 and black size 10
    _seed(source)

    # when: searched with colour and size filters
    def handles(**filters) -> list[str]:
        cards = product_search(query="trail shoe", filters=ProductFilters(**filters)).cards
        return [card.handle for card in cards]

    # then: the summary lets both through, the variant check keeps only the real pair
    assert "switchback" in handles(colours=["red"], sizes=["9"])
    assert "switchback" not in handles(colours=["black"], sizes=["9"])
    assert handles(colours=["slate blue"]) == ["cascade-3l"]  # several words: variants decide
    assert handles(colours=["purple"]) == []


def test_products_without_variants_are_found_unless_a_variant_filter_applies(source) -> None:
    # given: a product with no variants
    products_upsert(
        source=source, records=[product("gift-card", "Gift Card", [], description="A gift.")]
    )
    # when / then: found by words, left out when the shopper asks for a price or a size
    assert [c.handle for c in product_search(query="gift card").cards] == ["gift-card"]
    assert product_search(query="gift card under 50").cards == []
    assert product_search(query="gift card", filters=ProductFilters(sizes=["m"])).cards == []


def test_the_migration_backfills_the_summary_of_existing_products(source) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("apps.catalog.migrations.0006_product_option_tokens")
    # given: products stored before the summary existed
    _seed(source)
    Product.objects.update(option_tokens=[])
    # when
    migration.backfill(apps, None)
    # then
    assert "colour~blue" in Product.objects.get(handle="cascade-3l").option_tokens
    assert Product.objects.get(handle="lupine-2").option_tokens == []
    assert product_search(query="shell", filters=ProductFilters(sizes=["l"])).cards


def test_another_stores_products_stay_out_of_option_filters(tenant_a, tenant_b) -> None:
    from apps.catalog.models import ProductSource

    # given: a red product in store B only
    with tenant_context(tenant_b):
        source_b = ProductSource.objects.create(kind="file", name="B")
        products_upsert(
            source=source_b,
            records=[product("zeta", "Zeta Pack", [variant("ZETA-R", "10.00", color="Red")])],
        )
    # when: store A searches with the same colour filter
    with tenant_context(tenant_a):
        cards = product_search(query="Zeta Pack", filters=ProductFilters(colours=["red"])).cards
    # then
    assert cards == []


def test_search_api_returns_each_products_cosine_similarity(source, tenant_a, owner_a) -> None:
    # given
    _seed(source)
    client = client_for(tenant_a, owner_a.user)
    # when
    results = client.post(
        "/api/v1/catalog/search/",
        {"query": "waterproof rain jacket", "k": 4},
        content_type="application/json",
    ).json()["results"]
    keyword = client.post(
        "/api/v1/catalog/search/",
        {"query": "jacket", "mode": "keyword"},
        content_type="application/json",
    ).json()["results"]
    # then: the jacket is the closest, and keyword mode has no similarity to report
    similarity = {card["handle"]: card["similarity"] for card in results}
    assert max(similarity, key=similarity.__getitem__) == "cascade-3l"
    assert all(-1.0 <= value <= 1.0 for value in similarity.values())
    assert keyword and keyword[0]["similarity"] is None


def test_keyword_ranking_weighs_rare_words_over_common_ones(source) -> None:
    # given: "shoe" is in most titles, "lupine" in one; the statistics are rebuilt (as after
    # a run)
    _seed(source)
    product_terms_refresh()
    # when
    ranked = [c.handle for c in product_search(query="shoe lupine", mode="keyword").cards]
    # then: the product with the rare word comes first, although two others match "shoe"
    assert ranked[0] == "lupine-2" and set(ranked) >= {"switchback", "tempo"}
