"""Stores' LLM API keys at rest: Fernet encryption, key rotation, tampering."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command

from apps.conversations.llm.secrets import (
    SecretDecryptError,
    llm_keys_rotate_for_all_stores,
    secret_decrypt,
    secret_encrypt,
)
from apps.conversations.models import AssistantSettings
from apps.core.tenancy import tenant_context

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def test_a_secret_round_trips_and_is_not_stored_in_clear(settings) -> None:
    settings.LLM_KEY_ENCRYPTION_KEYS = [OLD_KEY]
    token = secret_encrypt("sk-live-abc123")
    assert "sk-live-abc123" not in token
    assert secret_decrypt(token) == "sk-live-abc123"


def test_without_configured_keys_a_key_is_derived_from_secret_key(settings) -> None:
    settings.LLM_KEY_ENCRYPTION_KEYS = []
    token = secret_encrypt("sk-dev")
    assert secret_decrypt(token) == "sk-dev"
    settings.SECRET_KEY = "another-secret-key"
    with pytest.raises(SecretDecryptError):
        secret_decrypt(token)


def test_after_a_new_key_is_added_old_secrets_decrypt_and_rotate_to_it(settings) -> None:
    # given a secret encrypted under the old key
    settings.LLM_KEY_ENCRYPTION_KEYS = [OLD_KEY]
    old_token = secret_encrypt("sk-rotate-me")

    # when a new key is put first
    settings.LLM_KEY_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    # then the old token still decrypts, and new secrets use the new key
    assert secret_decrypt(old_token) == "sk-rotate-me"
    assert Fernet(NEW_KEY).decrypt(secret_encrypt("x").encode()) == b"x"


def test_a_tampered_token_is_a_clear_error(settings) -> None:
    settings.LLM_KEY_ENCRYPTION_KEYS = [OLD_KEY]
    token = secret_encrypt("sk-abc")
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with pytest.raises(SecretDecryptError, match="cannot be decrypted"):
        secret_decrypt(tampered)


def test_rotation_re_encrypts_every_stores_key_under_the_newest_key(
    settings, tenant_a, tenant_b, capsys
) -> None:
    # given stores A and B with keys encrypted under the old key, and a store without a key
    settings.LLM_KEY_ENCRYPTION_KEYS = [OLD_KEY]
    for tenant, key in ((tenant_a, "sk-store-a"), (tenant_b, "sk-store-b")):
        with tenant_context(tenant):
            AssistantSettings.objects.create(llm_api_key_encrypted=secret_encrypt(key))

    # when a new key is added and the command runs
    settings.LLM_KEY_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    call_command("rotate_llm_keys")

    # then each store's key decrypts with the new key alone, to the same value
    assert "Re-encrypted 2 LLM API key(s)." in capsys.readouterr().out
    settings.LLM_KEY_ENCRYPTION_KEYS = [NEW_KEY]
    for tenant, key in ((tenant_a, "sk-store-a"), (tenant_b, "sk-store-b")):
        with tenant_context(tenant):
            assert secret_decrypt(AssistantSettings.objects.get().llm_api_key_encrypted) == key


def test_rotation_reports_a_store_whose_key_no_longer_decrypts_and_rotates_the_rest(
    settings, tenant_a, tenant_b
) -> None:
    # given store A's key encrypted under a key that has since been dropped, store B's under OLD
    settings.LLM_KEY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with tenant_context(tenant_a):
        AssistantSettings.objects.create(llm_api_key_encrypted=secret_encrypt("sk-lost"))
    settings.LLM_KEY_ENCRYPTION_KEYS = [OLD_KEY]
    with tenant_context(tenant_b):
        AssistantSettings.objects.create(llm_api_key_encrypted=secret_encrypt("sk-kept"))
    settings.LLM_KEY_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    # when
    result = llm_keys_rotate_for_all_stores()

    # then B is rotated, A is named (and the command fails, so the old key is kept)
    assert result.rotated == 1 and result.failed_stores == ["store-a"]
    with pytest.raises(CommandError, match="store-a"):
        call_command("rotate_llm_keys")
