from __future__ import annotations

from django.db import transaction
from django.db.models import F

from apps.accounts.models import User
from apps.core.tenancy.channels import CLOSE_FORBIDDEN
from apps.core.tenancy.revocation import access_revoke, user_sockets_group


@transaction.atomic
def user_sign_out_everywhere(*, user: User) -> None:
    """End every session of `user`, on the root domain and every store host (hosts that share
    no cookie each hold a session of their own), and, once committed, close the user's open
    sockets. Raising the session epoch changes the hash each session was signed in with, so
    Django and Channels treat those sessions as signed out; other users' sessions are untouched."""
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    access_revoke(
        group=user_sockets_group(user_id=user.pk), code=CLOSE_FORBIDDEN, reason="signed_out"
    )
