import pytest
from argon2 import PasswordHasher

from mosaic.share.tokens import TokenHasher, new_session_id, session_hash, split_token

CHEAP = TokenHasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_tokens_issued_token_checks_against_its_hash_only() -> None:
    issued = CHEAP.issue()
    parts = split_token(issued.text)
    assert parts is not None and parts[0] == issued.id
    assert issued.secret_hash.startswith("$argon2id$")
    assert parts[1] not in issued.secret_hash
    assert CHEAP.matches(issued.secret_hash, parts[1])
    assert not CHEAP.matches(issued.secret_hash, parts[1] + "x")
    assert not CHEAP.matches("not a hash", parts[1])


def test_tokens_default_hasher_is_memory_hard() -> None:
    assert "m=65536" in TokenHasher().issue().secret_hash


def test_tokens_two_issued_tokens_differ() -> None:
    assert CHEAP.issue().text != CHEAP.issue().text


@pytest.mark.parametrize(
    "text",
    ["", "Bearer x", "mosaic_short_secret", "other_0123456789abcdef_s", "mosaic_0123456789abcdef_"],
)
def test_tokens_split_refuses_what_is_not_a_token(text: str) -> None:
    assert split_token(text) is None


def test_tokens_session_ids_are_random_and_stored_hashed() -> None:
    first, second = new_session_id(), new_session_id()
    assert first != second and len(first) >= 43
    assert session_hash(first) != first and len(session_hash(first)) == 64
