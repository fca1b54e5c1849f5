"""Secrets at rest: Fernet encryption, the registry of encrypted fields, rotation of every
registered field in every store (`manage.py rotate_secrets`), tampering."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command

from apps.accounts.models import User
from apps.conversations.models import AssistantSettings
from apps.core import secrets
from apps.core.secrets import (
    EncryptedField,
    SecretDecryptError,
    encrypted_field_list,
    encrypted_field_register,
    secret_decrypt,
    secret_encrypt,
)
from apps.core.tenancy import tenant_context
from apps.tenants.secret_rotation import SecretRotationFailure, secrets_rotate_everywhere
from tests.accounts.factories import UserFactory

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()
LLM_KEY_FIELD = "conversations.AssistantSettings.llm_api_key_encrypted"


def test_a_secret_round_trips_and_is_not_stored_in_clear(settings) -> None:
    settings.SECRET_ENCRYPTION_KEYS = [OLD_KEY]
    token = secret_encrypt("sk-live-abc123")
    assert "sk-live-abc123" not in token
    assert secret_decrypt(token) == "sk-live-abc123"


def test_without_configured_keys_a_key_is_derived_from_secret_key(settings) -> None:
    settings.SECRET_ENCRYPTION_KEYS = []
    token = secret_encrypt("sk-dev")
    assert secret_decrypt(token) == "sk-dev"
    settings.SECRET_KEY = "another-secret-key"
    with pytest.raises(SecretDecryptError):
        secret_decrypt(token)


def test_after_a_new_key_is_added_old_secrets_decrypt_and_rotate_to_it(settings) -> None:
    # given a secret encrypted under the old key
    settings.SECRET_ENCRYPTION_KEYS = [OLD_KEY]
    old_token = secret_encrypt("sk-rotate-me")

    # when a new key is put first
    settings.SECRET_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    # then the old token still decrypts, and new secrets use the new key
    assert secret_decrypt(old_token) == "sk-rotate-me"
    assert Fernet(NEW_KEY).decrypt(secret_encrypt("x").encode()) == b"x"


def test_a_tampered_token_is_a_clear_error(settings) -> None:
    settings.SECRET_ENCRYPTION_KEYS = [OLD_KEY]
    token = secret_encrypt("sk-abc")
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with pytest.raises(SecretDecryptError, match="cannot be decrypted"):
        secret_decrypt(tampered)


def test_the_stores_llm_key_is_a_registered_encrypted_field() -> None:
    assert (
        EncryptedField(
            model_label="conversations.AssistantSettings", field_name="llm_api_key_encrypted"
        )
        in encrypted_field_list()
    )


def test_rotation_re_encrypts_every_stores_secrets_under_the_newest_key(
    settings, tenant_a, tenant_b, capsys
) -> None:
    # given stores A and B with keys encrypted under the old key, and a store without a key
    settings.SECRET_ENCRYPTION_KEYS = [OLD_KEY]
    for tenant, key in ((tenant_a, "sk-store-a"), (tenant_b, "sk-store-b")):
        with tenant_context(tenant):
            AssistantSettings.objects.create(llm_api_key_encrypted=secret_encrypt(key))

    # when a new key is added and the command runs
    settings.SECRET_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    call_command("rotate_secrets")

    # then each store's key decrypts with the new key alone, to the same value
    assert "Re-encrypted 2 secret(s)." in capsys.readouterr().out
    settings.SECRET_ENCRYPTION_KEYS = [NEW_KEY]
    for tenant, key in ((tenant_a, "sk-store-a"), (tenant_b, "sk-store-b")):
        with tenant_context(tenant):
            assert secret_decrypt(AssistantSettings.objects.get().llm_api_key_encrypted) == key


def test_rotation_re_encrypts_a_registered_field_of_a_shared_model_once(
    settings, monkeypatch, db
) -> None:
    # given a public-schema field registered as encrypted (a user's last name stands in for one)
    monkeypatch.setattr(secrets, "_ENCRYPTED_FIELDS", dict(secrets._ENCRYPTED_FIELDS))
    encrypted_field_register(model_label="accounts.User", field_name="last_name")
    settings.SECRET_ENCRYPTION_KEYS = [OLD_KEY]
    user = UserFactory(last_name=secret_encrypt("whsec-public"))
    UserFactory(last_name="")

    # when
    settings.SECRET_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    result = secrets_rotate_everywhere()

    # then the one secret was rotated, on the public schema, and empty values were left alone
    assert result.rotated == 1 and result.failures == []
    settings.SECRET_ENCRYPTION_KEYS = [NEW_KEY]
    assert secret_decrypt(User.objects.get(pk=user.pk).last_name) == "whsec-public"


def test_rotation_reports_a_secret_that_no_longer_decrypts_and_rotates_the_rest(
    settings, tenant_a, tenant_b
) -> None:
    # given store A's key encrypted under a key that has since been dropped, store B's under OLD
    settings.SECRET_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with tenant_context(tenant_a):
        lost = AssistantSettings.objects.create(llm_api_key_encrypted=secret_encrypt("sk-lost"))
    settings.SECRET_ENCRYPTION_KEYS = [OLD_KEY]
    with tenant_context(tenant_b):
        AssistantSettings.objects.create(llm_api_key_encrypted=secret_encrypt("sk-kept"))
    settings.SECRET_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    # when
    result = secrets_rotate_everywhere()

    # then B is rotated, A's row is named (and the command fails, so the old key is kept)
    assert result.rotated == 1
    failure = SecretRotationFailure(store="store-a", field=LLM_KEY_FIELD, pk=lost.pk)
    assert result.failures == [failure]
    with pytest.raises(CommandError, match=f"store-a: {LLM_KEY_FIELD} #{lost.pk}"):
        call_command("rotate_secrets")
