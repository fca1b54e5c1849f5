"""Benchmark suites for `python manage.py bench <suite>`.

Each module is one suite, named after the module, exposing `run(*, size, quick, log)` that
returns a dict of figures; `common` holds the helpers they share. The package lives outside
`apps/` because it needs the dev dependencies (websockets, the test fakes) and is left out of
the production image."""
