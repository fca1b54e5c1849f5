from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.knowledge.models import FaqEntry, Source, SourceFile
from apps.knowledge.parsing import ParseError, sniff_content_type
from apps.knowledge.services.ingest import checksum_of
from apps.knowledge.services.sync import next_sync_time, source_sync_request

SPREADSHEET_TYPES = {
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UPLOAD_EXTENSIONS = (".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".csv", ".xlsx")
MAX_PAGES_LIMIT = 2000


def _config_for(kind: str, config: dict[str, Any]) -> dict[str, Any]:
    """Validated, normalised config for a kind created from JSON (files come by upload)."""
    if kind in (Source.Kind.URL, Source.Kind.WEBSITE):
        url = str(config.get("url", "")).strip()
        if not url.lower().startswith(("http://", "https://")) or len(url) > 2000:
            raise ValidationError(
                {
                    "url": ValidationError(
                        _("Enter a full web address starting with http:// or https://."),
                        code="invalid_url",
                    )
                }
            )
        if kind == Source.Kind.URL:
            return {"url": url}
        max_pages = config.get("max_pages", 200)
        if not isinstance(max_pages, int) or not 1 <= max_pages <= MAX_PAGES_LIMIT:
            raise ValidationError(
                {
                    "max_pages": ValidationError(
                        _("Choose between 1 and %(max)d pages.") % {"max": MAX_PAGES_LIMIT},
                        code="invalid_max_pages",
                    )
                }
            )
        return {
            "url": url,
            "max_pages": max_pages,
            "use_sitemap": bool(config.get("use_sitemap", True)),
        }
    if kind == Source.Kind.TEXT:
        text = str(config.get("text", ""))
        if not text.strip():
            raise ValidationError(
                {"text": ValidationError(_("Write some text first."), code="required")}
            )
        if len(text.encode()) > settings.KNOWLEDGE_MAX_UPLOAD_BYTES:
            raise ValidationError(
                {"text": ValidationError(_("This note is too long."), code="too_large")}
            )
        fmt = config.get("format", "markdown")
        return {"text": text, "format": fmt if fmt in ("markdown", "text") else "markdown"}
    if kind == Source.Kind.FAQ:
        return {}
    raise ValidationError(
        {"kind": ValidationError(_("Upload files with the upload endpoint."), code="invalid_kind")}
    )


@transaction.atomic
def source_create(
    *, kind: str, name: str, config: dict[str, Any], schedule: str = Source.Schedule.OFF
) -> Source:
    source = Source.objects.create(
        kind=kind,
        name=name.strip()[:200],
        config=_config_for(kind, config),
        schedule=schedule,
        next_sync_at=next_sync_time(schedule),
    )
    if kind != Source.Kind.FAQ:
        source_sync_request(source=source)
    return source


def url_source_ensure(*, url: str, name: str) -> Source:
    """The web-page source for `url`, created and synced when no source has that address yet.
    For documents that other store data links to, such as products' spec sheets."""
    existing = Source.objects.filter(kind=Source.Kind.URL, config__url=url).first()
    return existing or source_create(kind=Source.Kind.URL, name=name, config={"url": url})


def upload_size_check(*, size: int) -> None:
    if size == 0:
        raise ValidationError({"file": ValidationError(_("The file is empty."), code="empty_file")})
    if size > settings.KNOWLEDGE_MAX_UPLOAD_BYTES:
        limit_mb = settings.KNOWLEDGE_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ValidationError(
            {
                "file": ValidationError(
                    _("The file is larger than %(mb)d MB.") % {"mb": limit_mb},
                    code="file_too_large",
                )
            }
        )


@transaction.atomic
def source_create_upload(
    *,
    filename: str,
    data: bytes,
    declared_type: str | None,
    name: str = "",
) -> Source:
    """Validate an uploaded file by its content (not its extension) and queue its ingestion."""
    upload_size_check(size=len(data))
    try:
        content_type = sniff_content_type(data, filename=filename, declared=declared_type)
    except ParseError as error:
        raise ValidationError({"file": ValidationError(error.message, code=error.code)}) from error
    kind = Source.Kind.SPREADSHEET if content_type in SPREADSHEET_TYPES else Source.Kind.UPLOAD
    # Uploads never change on their own: no sync schedule.
    source = Source.objects.create(kind=kind, name=(name.strip() or filename)[:200])
    SourceFile.objects.create(
        source=source,
        filename=filename[:255],
        content_type=content_type,
        size=len(data),
        sha256=checksum_of(data),
        data=data,
    )
    source_sync_request(source=source)
    return source


@transaction.atomic
def source_update(
    *,
    source: Source,
    name: str | None = None,
    schedule: str | None = None,
    config: dict[str, Any] | None = None,
) -> Source:
    fields = ["updated_at"]
    if name is not None:
        source.name = name.strip()[:200]
        fields.append("name")
    if schedule is not None and schedule != source.schedule:
        source.schedule = schedule
        source.next_sync_at = next_sync_time(schedule)
        fields += ["schedule", "next_sync_at"]
    content_changed = False
    if config is not None and source.kind not in (Source.Kind.UPLOAD, Source.Kind.SPREADSHEET):
        new_config = _config_for(source.kind, {**source.config, **config})
        content_changed = new_config != source.config
        source.config = new_config
        fields.append("config")
    source.save(update_fields=fields)
    if content_changed:
        source_sync_request(source=source, edited=True)
    return source


@transaction.atomic
def source_delete(*, source: Source) -> None:
    """Documents and chunks go with it (cascade): they disappear from retrieval at once.
    A sync in flight stops at its next write: the row is locked before the cascade is
    collected, so the sync's writes land either before (and are deleted too) or after, when
    they find the source gone (see ingest.source_hold)."""
    Source.objects.select_for_update().filter(pk=source.pk).exists()
    source.delete()


@transaction.atomic
def faq_entry_create(*, source: Source, question: str, answer: str) -> FaqEntry:
    entry = FaqEntry.objects.create(source=source, **_faq_fields(question, answer))
    source_sync_request(source=source, edited=True)
    return entry


@transaction.atomic
def faq_entry_update(
    *, entry: FaqEntry, question: str | None = None, answer: str | None = None
) -> FaqEntry:
    fields = _faq_fields(
        question if question is not None else entry.question,
        answer if answer is not None else entry.answer,
    )
    for field, value in fields.items():
        setattr(entry, field, value)
    entry.save(update_fields=[*fields, "updated_at"])
    source_sync_request(source=entry.source, edited=True)
    return entry


@transaction.atomic
def faq_entry_delete(*, entry: FaqEntry) -> None:
    source = entry.source
    entry.delete()
    source_sync_request(source=source, edited=True)


def _faq_fields(question: str, answer: str) -> dict[str, str]:
    question, answer = question.strip(), answer.strip()
    if not question:
        raise ValidationError(
            {"question": ValidationError(_("Write the question."), code="required")}
        )
    if not answer:
        raise ValidationError({"answer": ValidationError(_("Write the answer."), code="required")})
    return {"question": question[:500], "answer": answer[:20000]}
