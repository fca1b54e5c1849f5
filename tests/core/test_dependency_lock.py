import re
import tomllib

from django.conf import settings


def test_the_containers_torch_is_the_locked_wheel() -> None:
    # given the lock and the container's torch requirement
    lock = tomllib.loads((settings.BASE_DIR / "uv.lock").read_text())
    torch = next(package for package in lock["package"] if package["name"] == "torch")
    container = (settings.BASE_DIR / "tools" / "torch-cpu.txt").read_text()

    # when the container's pin is read
    pin = re.search(r"^torch==(\S+) --hash=(sha256:[0-9a-f]{64})$", container, re.MULTILINE)

    # then it is the same version and the same file as the lock's
    assert pin is not None
    assert pin.group(1) == torch["version"]
    assert pin.group(2) == torch["wheels"][0]["hash"]
