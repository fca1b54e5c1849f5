"""Syncing a source: enumerate its items, ingest what changed, drop what disappeared.

One actor message syncs one source from start to end, sequentially: a website is crawled
politely (one request at a time, with the crawl delay) and progress is visible as it goes.
Running a sync twice, or again after a worker was killed mid-way, is safe: unchanged items are
recognised by checksum / ETag and skipped, changed ones replace their chunks atomically, and
items not seen in a completed run are deleted with their chunks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from apps.core import tenancy
from apps.core.events import admin_event_send
from apps.knowledge.fetching import FetchError, FetchPolicy, SiteCrawler, fetch_url
from apps.knowledge.models import Chunk, Document, FaqEntry, Source, SourceFile
from apps.knowledge.parsing import ParseError, parse_document, parse_faq
from apps.knowledge.services.gates import passage_gates_calibrate
from apps.knowledge.services.ingest import (
    RETRY_LATER,
    Content,
    IngestBatch,
    SourceGone,
    checksum_of,
    chunk_terms_refresh,
    document_fail,
    document_unchanged,
    source_hold,
)
from apps.knowledge.services.settings import knowledge_settings_get
from apps.knowledge.tasks import knowledge_source_sync

logger = logging.getLogger(__name__)

MAX_LINKED_DOCUMENTS = 100
PROGRESS_INTERVAL_S = 0.5
# A sync that shows no progress for this long is considered dead (its worker was killed).
STALE_SYNC_AFTER = timedelta(minutes=15)
SCHEDULE_INTERVALS = {
    Source.Schedule.HOURLY: timedelta(hours=1),
    Source.Schedule.DAILY: timedelta(days=1),
    Source.Schedule.WEEKLY: timedelta(weeks=1),
}


class SourceUnavailable(Exception):
    """The source as a whole could not be read (e.g. robots.txt forbids the whole site).
    Its existing documents are kept."""


@dataclass
class Item:
    key: str
    title: str = ""
    url: str = ""
    filename: str = ""
    found_on: Document | None = None


def fetch_policy() -> FetchPolicy:
    return FetchPolicy(
        allow_private_addresses=settings.KNOWLEDGE_ALLOW_PRIVATE_URLS,
        max_bytes=settings.KNOWLEDGE_MAX_UPLOAD_BYTES,
    )


def next_sync_time(schedule: str) -> datetime | None:
    interval = SCHEDULE_INTERVALS.get(Source.Schedule(schedule))
    return timezone.now() + interval if interval else None


def key_hash(key: str) -> str:
    return checksum_of(key.encode())


class SourceSync:
    def __init__(self, source: Source) -> None:
        self.source = source
        knowledge = knowledge_settings_get()
        self.batch = IngestBatch(
            model_name=knowledge.embedding_model,
            language=knowledge.search_language,
            on_stored=self.progress_refresh,
        )
        self.crawler: SiteCrawler | None = None
        self.linked: list[Item] = []
        self.documents_deleted = 0
        self.last_progress_at = 0.0
        # The content this run indexes: the source row (config, version) was read in one query.
        self.version = source.content_version

    # --- the run ----------------------------------------------------------------------------
    def run(self) -> None:
        try:
            self.sync()
            # One pass over every chunk of the store: only when this sync changed some.
            if self.batch.stored or self.documents_deleted:
                chunk_terms_refresh()
        except SourceGone:
            logger.info("source deleted during its sync", extra={"source": self.source.pk})
        finally:
            if self.crawler is not None:
                self.crawler.close()

    def sync(self) -> None:
        source = self.source
        source.status = Source.Status.SYNCING
        source.sync_generation += 1
        source.last_error = ""
        self.source_save(["status", "sync_generation", "last_error"])
        self.progress_refresh()
        try:
            for item in self.items():
                self.process(item)
            while self.linked:
                self.process(self.linked.pop(0))
            self.batch.flush()
        except SourceUnavailable as error:
            self.finish(error=str(error))
            return
        # Only a completed enumeration may conclude that missing items were deleted.
        with transaction.atomic():
            source_hold(source_id=source.pk)
            self.documents_deleted, _ = Document.objects.filter(
                source=source, seen_generation__lt=source.sync_generation
            ).delete()
        self.finish(error="")
        # The store's chunks changed: so did how close unrelated questions come to them.
        passage_gates_calibrate()

    @transaction.atomic
    def finish(self, *, error: str) -> None:
        """Record the outcome, or queue the next sync when the content was edited meanwhile.
        The row lock orders this against source_sync_request: an edit committed before it is
        seen here, one committed after it finds the source no longer in flight."""
        source = self.source
        self.progress_refresh(emit=False, force=True)
        current = (
            Source.objects.select_for_update(no_key=True)
            .filter(pk=source.pk)
            .values_list("content_version", flat=True)
            .first()
        )
        if current is None:
            raise SourceGone
        source.content_version = current
        source.indexed_version = self.version
        all_failed = (
            source.documents_total > 0 and source.documents_failed == source.documents_total
        )
        if source.update_pending:
            source.status = Source.Status.QUEUED
            transaction.on_commit(lambda: knowledge_source_sync.send(source.pk))
        else:
            source.status = Source.Status.ERROR if error or all_failed else Source.Status.READY
        source.last_error = error or (
            "Every document failed; see the document errors." if all_failed else ""
        )
        source.last_synced_at = timezone.now()
        source.next_sync_at = next_sync_time(source.schedule)
        self.source_save(
            ["status", "last_error", "last_synced_at", "next_sync_at", "indexed_version"]
        )
        self.emit()  # sent once this commits

    def source_save(self, fields: list[str]) -> None:
        # An UPDATE by id rather than save(): it tells a deleted source apart (no row) and never
        # writes the fields an edit may be changing meanwhile (config, content_version).
        source = self.source
        source.updated_at = timezone.now()
        updated = Source.objects.filter(pk=source.pk).update(
            **{field: getattr(source, field) for field in [*fields, "updated_at"]}
        )
        if not updated:
            raise SourceGone

    def process(self, item: Item) -> None:
        document = self.document_upsert(item)
        try:
            content = self.content(item, document)
            if content is None or (
                content.checksum == document.checksum
                and document.embedding_model == self.batch.model_name
                and document.status in (Document.Status.READY, Document.Status.PROCESSING)
                and document.chunk_count > 0
            ):
                document_unchanged(document=document)
                return
            parsed = content.parse()
            self.batch.add(document=document, content=content, parsed=parsed)
            self.follow_links(document, parsed.links)
        except (FetchError, ParseError) as error:
            document_fail(document=document, code=error.code, message=error.message)
        except SourceGone:
            raise
        except Exception:  # one bad document must not stop the others
            logger.exception("document ingest failed", extra={"document": document.pk})
            document_fail(document=document, code="internal_error", message=RETRY_LATER)
        self.progress_refresh()

    # --- items per kind ---------------------------------------------------------------------
    def items(self) -> Iterator[Item]:
        source, config = self.source, self.source.config
        kind = Source.Kind(source.kind)
        if kind in (Source.Kind.UPLOAD, Source.Kind.SPREADSHEET):
            upload = SourceFile.objects.filter(source=source).only("filename").first()
            if upload is None:
                raise SourceUnavailable("The uploaded file is missing; upload it again.")
            yield Item(key="file", title=upload.filename, filename=upload.filename)
        elif kind == Source.Kind.URL:
            yield Item(key=config["url"], url=config["url"])
        elif kind == Source.Kind.TEXT:
            yield Item(key="text", title=source.name)
        elif kind == Source.Kind.FAQ:
            for entry in FaqEntry.objects.filter(source=source).only("id", "question"):
                yield Item(key=f"faq:{entry.pk}", title=entry.question)
        elif kind == Source.Kind.WEBSITE:
            yield from self.website_items()

    def website_items(self) -> Iterator[Item]:
        config = self.source.config
        self.crawler = SiteCrawler(
            config["url"],
            policy=fetch_policy(),
            max_pages=int(config.get("max_pages", 200)),
            delay_s=settings.KNOWLEDGE_CRAWL_DELAY_S,
            use_sitemap=bool(config.get("use_sitemap", True)),
        )
        found = 0
        for url in self.crawler.discover():
            found += 1
            yield Item(key=url, url=url)
        self.record_crawl_errors()
        if found == 0:
            problems = "; ".join(f"{url}: {message}" for url, _code, message in self.crawler.errors)
            raise SourceUnavailable(f"No pages could be crawled. {problems}".strip())

    def record_crawl_errors(self) -> None:
        """Pages the crawler could not read become failed documents, listed with the others.
        (robots.txt and sitemap problems concern the whole source: they go to last_error.)"""
        assert self.crawler is not None
        for url, code, message in self.crawler.errors:
            if code.startswith("robots_") or code == "invalid_sitemap":
                continue
            document = self.document_upsert(Item(key=url, url=url))
            document_fail(document=document, code=code, message=message)
        self.progress_refresh()

    def content(self, item: Item, document: Document) -> Content | None:
        """The item's current content, or None when the server says it has not changed."""
        source = self.source
        kind = Source.Kind(source.kind)
        if item.url:
            return self.fetched_content(item, document)
        if kind in (Source.Kind.UPLOAD, Source.Kind.SPREADSHEET):
            upload = SourceFile.objects.get(source=source)
            data = bytes(upload.data)
            return Content(
                checksum=upload.sha256,
                content_type=upload.content_type,
                parse=lambda: parse_document(
                    data=data, filename=upload.filename, declared_type=upload.content_type
                ),
            )
        if kind == Source.Kind.TEXT:
            text = str(source.config.get("text", ""))
            markdown = source.config.get("format", "markdown") == "markdown"
            name = "note.md" if markdown else "note.txt"
            data = text.encode()
            return Content(
                checksum=checksum_of(data),
                parse=lambda: parse_document(
                    data=data,
                    filename=name,
                    declared_type="text/markdown" if markdown else "text/plain",
                ),
            )
        entry = FaqEntry.objects.get(pk=int(item.key.split(":", 1)[1]))
        return Content(
            checksum=checksum_of(f"{entry.question}\n{entry.answer}".encode()),
            content_type="text/plain",
            parse=lambda: parse_faq(question=entry.question, answer=entry.answer),
        )

    def fetched_content(self, item: Item, document: Document) -> Content | None:
        # Ask "has it changed?" only when we still hold chunks from the last version.
        has_chunks = document.chunk_count > 0
        etag = document.etag or None if has_chunks else None
        last_modified = document.last_modified or None if has_chunks else None
        crawler = self.crawler
        if crawler is not None and item.found_on is None:
            cached = crawler.fetched.pop(item.url, None)
            result = cached or crawler.fetch_page(item.url, etag=etag, last_modified=last_modified)
        else:
            result = fetch_url(
                item.url, policy=fetch_policy(), etag=etag, last_modified=last_modified
            )
        if result.not_modified:
            return None
        data = result.data
        return Content(
            checksum=checksum_of(data),
            content_type=result.content_type or "",
            etag=result.etag or "",
            last_modified=result.last_modified or "",
            parse=lambda: parse_document(
                data=data,
                declared_type=result.content_type,
                base_url=result.url,
                filename=item.url.rsplit("/", 1)[-1],
            ),
        )

    def follow_links(self, document: Document, links: list[str]) -> None:
        """PDFs linked from a page or spreadsheet become documents of their own."""
        for url in links:
            if len(self.linked) >= MAX_LINKED_DOCUMENTS:
                return
            if not Document.objects.filter(
                source=self.source,
                key_hash=key_hash(url),
                seen_generation=self.source.sync_generation,
            ).exists():
                self.linked.append(Item(key=url, url=url, found_on=document))

    # --- bookkeeping ------------------------------------------------------------------------
    @transaction.atomic
    def document_upsert(self, item: Item) -> Document:
        source_hold(source_id=self.source.pk)
        document, _created = Document.objects.update_or_create(
            source=self.source,
            key_hash=key_hash(item.key),
            defaults={
                "key": item.key,
                "url": item.url,
                "filename": item.filename,
                "found_on": item.found_on,
                "seen_generation": self.source.sync_generation,
                "status": Document.Status.PROCESSING,
            },
            create_defaults={
                "key": item.key,
                "url": item.url,
                "filename": item.filename,
                "title": item.title,
                "found_on": item.found_on,
                "seen_generation": self.source.sync_generation,
                "status": Document.Status.PROCESSING,
            },
        )
        return document

    def progress_refresh(self, *, emit: bool = True, force: bool = False) -> None:
        """Recompute the progress counters from the documents (idempotent, so re-runs never
        double count). Between documents this runs at most every PROGRESS_INTERVAL_S."""
        now = time.monotonic()
        if not force and now - self.last_progress_at < PROGRESS_INTERVAL_S:
            return
        self.last_progress_at = now
        source = self.source
        counts = Document.objects.filter(
            source=source, seen_generation=source.sync_generation
        ).aggregate(
            total=Count("id"),
            done=Count(
                "id",
                filter=Q(
                    status__in=[
                        Document.Status.READY,
                        Document.Status.ERROR,
                        Document.Status.SKIPPED,
                    ]
                ),
            ),
            failed=Count("id", filter=Q(status=Document.Status.ERROR)),
        )
        source.documents_total = counts["total"]
        source.documents_done = counts["done"]
        source.documents_failed = counts["failed"]
        source.chunk_count = Chunk.objects.filter(source=source).count()
        self.source_save(["documents_total", "documents_done", "documents_failed", "chunk_count"])
        if emit:
            self.emit()

    def emit(self) -> None:
        tenant = tenancy.current_tenant()
        if tenant is not None:
            source = self.source
            admin_event_send(
                tenant=tenant,
                event={
                    "type": "knowledge.source",
                    "id": source.pk,
                    "status": source.status,
                    "progress": {
                        "documents_total": source.documents_total,
                        "documents_done": source.documents_done,
                        "documents_failed": source.documents_failed,
                        "chunks": source.chunk_count,
                    },
                },
            )


def source_sync(*, source_id: int) -> None:
    source = Source.objects.filter(pk=source_id).first()
    if source is None:  # deleted while queued
        return
    SourceSync(source).run()


@transaction.atomic
def source_sync_request(*, source: Source, edited: bool = False) -> Source:
    """Queue a sync after commit; `edited` says the source's content changed (and bumps its
    content_version). A source already queued or syncing is left alone, unless that sync
    stalled (progress updates `updated_at` after every document): the sync in flight queues
    the next one itself when it finishes and sees the version moved on (see SourceSync.finish,
    which takes the same row lock)."""
    current = (
        Source.objects.select_for_update(no_key=True)
        .only("status", "updated_at", "content_version", "indexed_version")
        .get(pk=source.pk)
    )
    source.status, source.updated_at = current.status, current.updated_at
    source.content_version, source.indexed_version = (
        current.content_version,
        current.indexed_version,
    )
    fields = ["updated_at"]
    if edited:
        source.content_version += 1
        fields.append("content_version")
    in_flight = source.status in (Source.Status.QUEUED, Source.Status.SYNCING)
    if not in_flight or source.updated_at <= timezone.now() - STALE_SYNC_AFTER:
        source.status = Source.Status.QUEUED
        fields.append("status")
        transaction.on_commit(lambda: knowledge_source_sync.send(source.pk))
    if len(fields) > 1:
        source.save(update_fields=fields)
    return source


def sources_due_for_sync() -> list[Source]:
    return list(
        Source.objects.filter(next_sync_at__lte=timezone.now())
        .exclude(schedule=Source.Schedule.OFF)
        .exclude(status__in=[Source.Status.QUEUED, Source.Status.SYNCING])
    )
