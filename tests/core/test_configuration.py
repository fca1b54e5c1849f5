import re
from pathlib import Path

from django.conf import settings

_SETTING_READERS = re.compile(
    r"""(?:\benv(?:\.\w+)?|os\.environ\.get|os\.environ\.setdefault)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
)
# Set by Aisle itself for its child processes, not by operators.
_INTERNAL = {"AISLE_SUPERVISOR_PID"}


def test_every_environment_setting_is_documented_in_env_example() -> None:
    base: Path = settings.BASE_DIR
    sources = [
        *base.glob("config/**/*.py"),
        *base.glob("apps/**/*.py"),
        base / "manage.py",
        base / "tests/browser/conftest.py",
    ]
    read = {name for path in sources for name in _SETTING_READERS.findall(path.read_text())}
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (base / ".env.example").read_text(), re.M))
    assert read, "the pattern found no settings: it is broken"
    assert read - documented - _INTERNAL == set()
