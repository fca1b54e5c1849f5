"""compose's nginx (tools/proxy/nginx.conf) refuses the bodies daphne refuses: its body limits
per location equal the settings' (their defaults, which compose's .env does not change)."""

import re

import yaml
from django.conf import settings

REPO = settings.BASE_DIR
CONF = (REPO / "tools" / "proxy" / "nginx.conf").read_text()


def _limits() -> dict[str, int]:
    """`location` → client_max_body_size; "" for the server's own default."""
    server_default = re.search(r"^    client_max_body_size (\d+);", CONF, re.MULTILINE)
    assert server_default is not None
    limits = {"": int(server_default[1])}
    for path, body in re.findall(r"location (/\S*) \{(.*?)\}", CONF, re.DOTALL):
        size = re.search(r"client_max_body_size (\d+);", body)
        if size:
            limits[path] = int(size[1])
    return limits


def test_the_proxy_limits_each_path_as_daphne_does() -> None:
    # when / then
    assert _limits() == {"": settings.MAX_REQUEST_BODY_BYTES, **settings.REQUEST_BODY_LIMITS}


def test_every_location_passes_to_web_and_only_the_proxy_is_published() -> None:
    # given compose's services
    services = yaml.safe_load((REPO / "compose.yaml").read_text())["services"]
    # then the proxy mounts this file and publishes the port; web is reached only through it
    assert (
        "./tools/proxy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["proxy"]["volumes"]
    )
    assert re.fullmatch(r"nginx:[\d.]+-alpine", services["proxy"]["image"])  # a pinned version
    assert "ports" not in services["web"]
    locations = re.findall(r"location (/\S*) \{(.*?)\}", CONF, re.DOTALL)
    assert locations and all("proxy_pass http://aisle_web;" in body for _, body in locations)
    assert "proxy_set_header Upgrade $http_upgrade;" in CONF
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in CONF  # set, never appended
