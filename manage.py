#!/usr/bin/env python
import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["dev"]:
        # Before the settings start the embedded services: a stop signal is honoured from here on.
        from apps.core.supervisor import stop_request

        stop_request.install()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
