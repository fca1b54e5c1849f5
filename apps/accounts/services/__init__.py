"""Writes for people, stores, invitations and API keys (see the modules in this package)."""
