"""The channel layer's Redis connections must outwait its own blocking receive."""

from __future__ import annotations

from channels_redis.core import RedisChannelLayer
from channels_redis.utils import create_pool
from django.conf import settings


def test_channel_layer_reads_outlast_the_blocking_receive() -> None:
    # Given the configured host, as channels_redis builds its pool from it
    [host] = settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"]
    pool = create_pool(host)
    # Then a read may wait longer than BZPOPMIN blocks: an idle consumer never times out
    assert pool.connection_kwargs["socket_timeout"] > RedisChannelLayer.brpop_timeout
