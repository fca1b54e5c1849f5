"""Deleting or editing a source while it syncs: the delete wins at once and leaves no rows, the
last edit is always what ends up indexed, and the API says when an update is still pending."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from apps.core.tenancy import tenant_context
from apps.knowledge.models import Chunk, Document, FaqEntry, Source
from apps.knowledge.services import ingest
from apps.knowledge.services import sync as sync_module
from apps.knowledge.services.sync import source_sync
from tests.conftest import client_for
from tests.knowledge.conftest import synced, text_source

LOCK_WAIT_S = 30


def _during_first_call(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, action: Callable[[], None]
) -> None:
    """Pause the sync at its first call of `module.name` and do `action` there, as a request
    arriving at that moment would."""
    real = getattr(module, name)
    calls = {"n": 0}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            action()
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)


@pytest.fixture
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ids of the sources whose sync was sent to the workers."""
    sent: list[int] = []
    monkeypatch.setattr(sync_module.knowledge_source_sync, "send", sent.append)
    return sent


def _rows_of(source_id: int) -> dict[str, int]:
    return {
        "sources": Source.objects.filter(pk=source_id).count(),
        "documents": Document.objects.filter(source_id=source_id).count(),
        "chunks": Chunk.objects.filter(source_id=source_id).count(),
        "faq entries": FaqEntry.objects.filter(source_id=source_id).count(),
    }


def _faq(*answers: str) -> Source:
    faq = Source.objects.create(kind=Source.Kind.FAQ, name="FAQ")
    for n, answer in enumerate(answers):
        FaqEntry.objects.create(source=faq, question=f"Question {n}?", answer=answer)
    return faq


def test_deleting_a_source_mid_sync_stops_the_sync_and_leaves_no_rows(
    tenant_a, owner_a, monkeypatch
) -> None:
    # given an FAQ list of three entries whose sync is deleted over HTTP after the first one
    with tenant_context(tenant_a):
        faq = _faq("Gift wrap is $5.", "Students get 15% off.", "We ship to Canada.")
    responses = []
    _during_first_call(
        monkeypatch,
        sync_module,
        "parse_faq",
        lambda: responses.append(
            client_for(tenant_a, owner_a.user).delete(f"/api/v1/knowledge/sources/{faq.pk}/")
        ),
    )
    # when the sync runs on
    with tenant_context(tenant_a):
        source_sync(source_id=faq.pk)
        # then the delete answered 204 and the sync wrote nothing for the gone source
        assert [response.status_code for response in responses] == [204]
        assert _rows_of(faq.pk) == {"sources": 0, "documents": 0, "chunks": 0, "faq entries": 0}


def test_a_sync_of_a_source_deleted_before_it_stores_anything_ends_quietly(
    in_store_a, monkeypatch
) -> None:
    # given a note deleted while its chunks were being embedded
    from apps.knowledge.services.sources import source_delete

    note = text_source("# Care\nWash cold.")
    _during_first_call(
        monkeypatch, ingest.embeddings, "embed_texts", lambda: source_delete(source=note)
    )
    # when the sync tries to store them, then it stops without an error and without rows
    source_sync(source_id=note.pk)
    assert _rows_of(note.pk) == {"sources": 0, "documents": 0, "chunks": 0, "faq entries": 0}


@pytest.mark.django_db(transaction=True)
def test_deleting_over_http_while_a_worker_stores_chunks_is_a_204_without_orphans(
    tenant_a, owner_a, monkeypatch
) -> None:
    # given a worker thread paused inside the transaction that stores a document's chunks
    with tenant_context(tenant_a):
        faq = _faq("Gift wrap is $5.", "Students get 15% off.")
    storing, resume = threading.Event(), threading.Event()
    real_expression = ingest.search_vector_expression

    def paused_expression(language: str) -> Any:
        if not storing.is_set():
            storing.set()
            resume.wait(LOCK_WAIT_S)
        return real_expression(language)

    monkeypatch.setattr(ingest, "search_vector_expression", paused_expression)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with tenant_context(tenant_a):
                source_sync(source_id=faq.pk)
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            connection.close()

    def resume_once_the_delete_waits() -> None:
        deadline = time.monotonic() + LOCK_WAIT_S
        try:
            while time.monotonic() < deadline:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE wait_event_type = 'Lock' AND query ILIKE %s",
                        ["%knowledge_source%"],
                    )
                    if cursor.fetchone()[0]:
                        break
                time.sleep(0.05)
        finally:
            resume.set()
            connection.close()

    threads = [
        threading.Thread(target=worker),
        threading.Thread(target=resume_once_the_delete_waits),
    ]
    try:
        threads[0].start()
        assert storing.wait(LOCK_WAIT_S)
        threads[1].start()
        # when the merchant deletes the source at that moment
        response = client_for(tenant_a, owner_a.user).delete(f"/api/v1/knowledge/sources/{faq.pk}/")
        for thread in threads:
            thread.join(LOCK_WAIT_S)
        # then the delete waited for the document, removed it with the rest, and the sync stopped
        assert response.status_code == 204
        assert errors == []
        with tenant_context(tenant_a):
            assert _rows_of(faq.pk) == {
                "sources": 0,
                "documents": 0,
                "chunks": 0,
                "faq entries": 0,
            }
    finally:
        resume.set()
        with tenant_context(tenant_a):
            Source.objects.all().delete()


def test_a_text_edit_during_its_sync_is_indexed_by_a_follow_up_sync(
    tenant_a, owner_a, monkeypatch, enqueued, django_capture_on_commit_callbacks
) -> None:
    # given a note whose text is edited over HTTP while its first version is being parsed
    with tenant_context(tenant_a):
        note = text_source("# Returns\nReturns are accepted for 30 days.")
    client = client_for(tenant_a, owner_a.user)
    edits = []
    _during_first_call(
        monkeypatch,
        sync_module,
        "parse_document",
        lambda: edits.append(
            client.patch(
                f"/api/v1/knowledge/sources/{note.pk}/",
                {"config": {"text": "# Returns\nReturns are accepted for 90 days."}},
                content_type="application/json",
            ).json()
        ),
    )
    # when that sync finishes
    with tenant_context(tenant_a), django_capture_on_commit_callbacks(execute=True):
        source_sync(source_id=note.pk)
    # then the edit answered while the sync ran, and the source says an update is pending
    assert edits[0]["status"] == "syncing" and edits[0]["update_pending"] is True
    pending = client.get(f"/api/v1/knowledge/sources/{note.pk}/").json()
    assert (pending["status"], pending["update_pending"]) == ("queued", True)
    assert enqueued == [note.pk]  # by the sync's finish, not by the edit
    # when the worker runs the follow-up sync
    with tenant_context(tenant_a):
        source_sync(source_id=note.pk)
        texts = " ".join(Chunk.objects.filter(source=note).values_list("text", flat=True))
    # then only the last edit is indexed, and nothing is pending any more
    assert "90 days" in texts and "30 days" not in texts
    done = client.get(f"/api/v1/knowledge/sources/{note.pk}/").json()
    assert (done["status"], done["update_pending"]) == ("ready", False)


def test_an_faq_edit_during_its_sync_is_indexed_by_a_follow_up_sync(
    tenant_a, owner_a, monkeypatch, enqueued, django_capture_on_commit_callbacks
) -> None:
    # given an FAQ list whose entry is edited over HTTP after the sync read it
    with tenant_context(tenant_a):
        faq = _faq("Gift wrap is $5.", "Students get 15% off.")
        entry = FaqEntry.objects.get(source=faq, question="Question 0?")
    client = client_for(tenant_a, owner_a.user)
    _during_first_call(
        monkeypatch,
        sync_module,
        "parse_faq",
        lambda: client.patch(
            f"/api/v1/knowledge/faqs/{entry.pk}/",
            {"answer": "Gift wrap is $7."},
            content_type="application/json",
        ),
    )
    with tenant_context(tenant_a), django_capture_on_commit_callbacks(execute=True):
        source_sync(source_id=faq.pk)
    assert client.get(f"/api/v1/knowledge/sources/{faq.pk}/").json()["update_pending"] is True
    assert enqueued == [faq.pk]
    # when the follow-up sync runs
    with tenant_context(tenant_a):
        faq = synced(faq)
        texts = " ".join(Chunk.objects.filter(source=faq).values_list("text", flat=True))
    # then the index holds the edited answer only
    assert "$7" in texts and "$5" not in texts
    assert (faq.status, faq.update_pending) == ("ready", False)


def test_an_edit_to_an_idle_source_queues_one_sync_and_a_sync_without_edits_none_after(
    in_store_a, enqueued, django_capture_on_commit_callbacks
) -> None:
    from apps.knowledge.services.sources import source_update

    # given a synced note
    note = synced(text_source("# Care\nWash cold."))
    assert note.update_pending is False
    # when it is edited twice before its sync starts
    with django_capture_on_commit_callbacks(execute=True):
        source_update(source=note, config={"text": "# Care\nWash at 30."})
        source_update(source=note, config={"text": "# Care\nWash at 40."})
    # then one sync is queued, and running it leaves nothing pending and queues nothing more
    assert enqueued == [note.pk] and note.update_pending is True
    with django_capture_on_commit_callbacks(execute=True):
        note = synced(note)
    assert enqueued == [note.pk] and (note.status, note.update_pending) == ("ready", False)
    assert Chunk.objects.filter(source=note, text__contains="Wash at 40").exists()


def test_one_stores_delete_and_edit_during_sync_leave_another_stores_source_alone(
    tenant_a, tenant_b, owner_a, monkeypatch
) -> None:
    # given both stores have a note with the same id, B's synced
    with tenant_context(tenant_a):
        note_a = text_source("# A\nStore A note.")
    with tenant_context(tenant_b):
        note_b = synced(
            Source.objects.create(
                pk=note_a.pk,
                kind=Source.Kind.TEXT,
                name="Note",
                config={"text": "# B\nStore B only: code ZETA-991.", "format": "markdown"},
            )
        )
        chunks_b = set(Chunk.objects.filter(source=note_b).values_list("id", flat=True))
    client = client_for(tenant_a, owner_a.user)

    def edit_then_delete() -> None:
        client.patch(
            f"/api/v1/knowledge/sources/{note_a.pk}/",
            {"config": {"text": "# A\nEdited."}},
            content_type="application/json",
        )
        client.delete(f"/api/v1/knowledge/sources/{note_a.pk}/")

    _during_first_call(monkeypatch, sync_module, "parse_document", edit_then_delete)
    # when store A's note is edited and deleted while it syncs
    with tenant_context(tenant_a):
        source_sync(source_id=note_a.pk)
        assert _rows_of(note_a.pk)["sources"] == 0
    # then store B's note with the same id is untouched
    with tenant_context(tenant_b):
        note_b.refresh_from_db()
        assert (note_b.status, note_b.update_pending) == ("ready", False)
        assert set(Chunk.objects.filter(source=note_b).values_list("id", flat=True)) == chunks_b
