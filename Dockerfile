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
FROM python:3.11-slim-bookworm AS python-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# CPU build of torch first, from PyTorch's CPU index, so nothing pulls the CUDA wheels.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml ./
# Only the runtime dependencies (no dev or embedded extras): this layer is reused until
# pyproject.toml changes.
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml','rb'))['project']['dependencies']))" > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt

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
    LLM_KEY_ENCRYPTION_KEYS=YnVpbGQtdGltZS1jb2xsZWN0c3RhdGljLW9ubHkhISE= \
    python manage.py collectstatic --noinput --verbosity 0 \
 && mkdir -p /app/.cache/models && chown -R aisle:aisle /app/staticfiles /app/.cache
USER aisle
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
ENTRYPOINT ["tini", "--"]
CMD ["daphne", "--bind", "0.0.0.0", "--port", "8000", "--proxy-headers", "config.asgi:application"]
