"""A cheap token hasher for tests: argon2id with the smallest cost, same format."""

from __future__ import annotations

from argon2 import PasswordHasher

from mosaic.share.tokens import TokenHasher

CHEAP_HASHER = TokenHasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
