# syntax=docker/dockerfile:1.7
# Multi-stage build: node builds the admin SPA and the widget; a Python stage builds the
# virtualenv (CPU-only torch); the runtime image holds only the venv, the code and the assets,
# and runs as an unprivileged user. One image serves web, worker and scheduler (see compose.yaml).

# --- 1. front-end assets --------------------------------------------------------------------
FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY frontend/package.json frontend/package-lock.json frontend/
COPY widget/package.json widget/package-lock.json widget/
RUN cd frontend && npm ci --no-audit --no-fund \
 && cd ../widget && npm ci --no-audit --no-fund
COPY frontend/ frontend/
COPY widget/ widget/
RUN cd frontend && npm run build && cd ../widget && npm run build

# --- 2. Python dependencies -----------------------------------------------------------------
# Exactly what uv.lock records (versions and hashes), without the dev group or the embedded
# services. torch is the one exception: the lock names the CPU wheel that lies on the
# development machines' disk, so here the same wheel (same hash) comes from PyTorch's CPU index.
FROM python:3.11-slim-bookworm AS python-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv UV_LINK_MODE=copy UV_COMPILE_BYTECODE=1 UV_NO_CACHE=1
COPY tools/uv-requirements.txt tools/torch-cpu.txt /tmp/
RUN pip install --require-hashes -r /tmp/uv-requirements.txt \
 && python -m venv /opt/venv \
 && /opt/venv/bin/pip install --require-hashes --index-url https://download.pytorch.org/whl/cpu \
      -r /tmp/torch-cpu.txt
WORKDIR /src
COPY pyproject.toml uv.lock ./
# --inexact keeps the torch installed above; this layer is reused until the lock changes.
RUN uv sync --frozen --no-dev --no-install-project --no-install-package torch --inexact

# --- 3. runtime -----------------------------------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 tini tesseract-ocr tesseract-ocr-eng \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 --shell /usr/sbin/nologin aisle
COPY --from=python-deps /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.prod \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1
WORKDIR /app
# Only what runs in production: tests/ and bench/ need the dev group and stay out.
COPY --chown=aisle:aisle manage.py pyproject.toml ./
COPY --chown=aisle:aisle config/ config/
COPY --chown=aisle:aisle apps/ apps/
COPY --chown=aisle:aisle templates/ templates/
COPY --chown=aisle:aisle static/ static/
COPY --chown=aisle:aisle locale/ locale/
COPY --from=assets --chown=aisle:aisle /src/frontend/dist frontend/dist
COPY --from=assets --chown=aisle:aisle /src/widget/dist widget/dist
# Static files are collected at build time; the values below only satisfy settings import.
RUN SECRET_KEY=collectstatic DATABASE_URL=postgresql://build/build REDIS_URL=redis://build:6379/0 \
    SECRET_ENCRYPTION_KEYS=YnVpbGQtdGltZS1jb2xsZWN0c3RhdGljLW9ubHkhISE= \
    python manage.py collectstatic --noinput --verbosity 0 \
 && mkdir -p /app/.cache/models && chown -R aisle:aisle /app/staticfiles /app/.cache
USER aisle
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
ENTRYPOINT ["tini", "--"]
CMD ["python", "-m", "apps.core.daphne_server", "--bind", "0.0.0.0", "--port", "8000", "--proxy-headers", "config.asgi:application"]
