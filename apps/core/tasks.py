import dramatiq
from django.contrib.sessions.models import Session
from django.utils import timezone


@dramatiq.actor(queue_name="default", max_retries=3)
def sessions_clear_expired() -> None:
    Session.objects.filter(expire_date__lt=timezone.now()).delete()
