import importlib
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.core.management.commands import bench as bench_command
from bench.common import percentile


def test_percentile_interpolates_between_timings() -> None:
    # given twenty-one evenly spaced timings
    timings = [float(ms) for ms in range(0, 210, 10)]
    # when / then
    assert percentile(timings, pct=50) == 100.0
    assert percentile(timings, pct=95) == 190.0


def test_percentile_of_one_or_no_timings() -> None:
    assert percentile([12.34], pct=95) == 12.3
    assert percentile([], pct=95) is None


def test_every_module_of_bench_is_a_suite_with_a_keyword_only_run() -> None:
    # when
    suites = bench_command.bench_suites()
    # then
    assert suites == [
        "admin",
        "bodies",
        "catalog",
        "chat",
        "chat_quality",
        "retrieval",
        "revocation",
        "tenants",
        "widget",
    ]
    for suite in suites:
        parameters = inspect.signature(importlib.import_module(f"bench.{suite}").run).parameters
        extra = ["split"] if suite == "chat_quality" else []  # its labelled questions' splits
        assert list(parameters) == ["size", "quick", "log", *extra], suite
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values()), suite


def test_bench_without_the_bench_package_says_benchmarks_are_not_installed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # given an installation without bench/, like the production image
    monkeypatch.setattr(bench_command, "BENCH_DIR", tmp_path / "bench")
    # when / then
    with pytest.raises(CommandError, match="Benchmarks are not part of this installation"):
        call_command("bench", "tenants", "--quick")


def test_bench_refuses_a_split_for_a_suite_without_labelled_questions() -> None:
    with pytest.raises(CommandError, match="Suite 'tenants' has no question splits"):
        call_command("bench", "tenants", "--quick", "--split", "holdout")


def test_bench_refuses_an_unknown_suite() -> None:
    with pytest.raises(CommandError, match=r"Unknown suite 'nope'.*tenants"):
        call_command("bench", "nope")


def test_loading_the_bench_command_imports_no_suite_and_no_dev_dependency() -> None:
    # given a fresh interpreter (this one has imported the suites above)
    script = (
        "import sys, django; django.setup();"
        "from django.core.management import load_command_class;"
        "load_command_class('apps.core', 'bench').create_parser('manage.py', 'bench');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'bench', 'websockets'}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    # when
    loaded = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # then
    assert loaded == "[]"


def test_chat_quality_counts_a_forbidden_fact_as_a_wrong_claim_and_a_miss_per_split() -> None:
    from bench.chat_quality import quality_figures

    # given a held-out product question answered once right and once with another
    # variant's price next to the right one, and a dev policy question answered right
    variant = {
        "kind": "product",
        "expected": ["$408.99"],
        "forbidden": ["$528.99"],
        "source": "lumo-10-tablet",
    }
    questions = [
        {**variant, "id": "p1", "question": "256gb rose gold?", "split": "holdout"},
        {**variant, "id": "p2", "question": "256 GB rose gold?", "split": "holdout"},
        {
            "id": "s1",
            "kind": "policy",
            "question": "standard shipping?",
            "expected": ["$5.99"],
            "source": "Handbook",
            "split": "dev",
        },
    ]
    card = [{"kind": "product", "handle": "lumo-10-tablet", "title": "Lumo 10 Tablet"}]
    page = [{"kind": "knowledge", "source_name": "Handbook", "title": "Shipping"}]
    answers = [
        ("The 256 GB Rose Gold one is $408.99. [1]", card, 20.0),
        ("The Lumo 10 Tablet costs $408.99 to $528.99. [1]", card, 40.0),
        ("Standard shipping costs $5.99. [1]", page, 10.0),
    ]
    # when
    figures = quality_figures(questions=questions, answers=answers, log=lambda _: None)
    # then the wrong claim is counted and is no pass, figures keyed by split and kind
    assert figures["holdout"]["answer_accuracy"] == 0.5
    assert figures["holdout"]["wrong_claims"] == 1
    assert figures["holdout"]["kinds"]["product"] == {
        "questions": 2,
        "accuracy": 0.5,
        "wrong_claims": 1,
    }
    assert figures["dev"]["kinds"]["policy"]["accuracy"] == 1.0
    assert figures["dev"]["first_delta_p95_ms_sequential"] == 10.0
    assert figures["questions"] == 3


def test_every_chat_quality_question_is_labelled_and_names_its_stores_facts() -> None:
    from apps.catalog.demo.generate import demo_products
    from apps.catalog.demo.second_store import second_store_orders, second_store_products
    from bench.chat_quality import STORES, questions_load

    handles = {
        "demo": {p["handle"] for p in demo_products()},
        "brightwell": {p["handle"] for p in second_store_products()},
    }
    numbers = {o["number"].lower() for o in second_store_orders()}
    for store in STORES:
        questions = questions_load(store=store)
        assert len({q["id"] for q in questions}) == len(questions), store.key
        for question in questions:
            assert question["split"] in ("dev", "holdout") and question["expected"], question
            assert question["kind"] in {"product", "policy", "order", "unknown", "injection"}
            sources = question["source"]
            if question["kind"] == "product":
                named = {sources} if isinstance(sources, str) else set(sources)
                assert named <= handles[store.key], question["id"]
        holdout = questions_load(store=store, split="holdout")
        assert holdout and all(q["split"] == "holdout" for q in holdout)
    # the second store: 100+ questions, every kind split about half and half
    brightwell = questions_load(store=STORES[1])
    assert len(brightwell) >= 100
    for kind in {q["kind"] for q in brightwell}:
        splits = [q["split"] for q in brightwell if q["kind"] == kind]
        assert abs(splits.count("dev") - splits.count("holdout")) <= 1, kind
    for question in brightwell:
        if question["kind"] == "order" and question["source"] == "order":
            assert any(n in question["question"].lower().replace(" ", "") for n in numbers)
    # the demo store's original questions were tuned on: all dev
    demo = questions_load(store=STORES[0])
    assert all(q["split"] == "dev" for q in demo if q["id"].startswith("c"))
