import datetime as dt

from mosaic.services.throttle import LoginThrottle, keys_of

START = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


def throttle_at(now: list[dt.datetime]) -> LoginThrottle:
    return LoginThrottle(
        user_failures=3, client_failures=5, window=dt.timedelta(minutes=10), clock=lambda: now[0]
    )


def test_throttle_locks_a_user_after_the_limit_until_the_window_passes() -> None:
    now = [START]
    throttle = throttle_at(now)
    keys = keys_of("10.0.0.1", "ana")
    assert throttle.failed(keys) == [] and throttle.failed(keys) == []
    assert throttle.locked(keys) is None
    started = throttle.failed(keys)
    assert [lock.key for lock in started] == ["user:ana"]
    lock = throttle.locked(keys_of("10.0.0.2", "ana"))
    assert lock is not None and lock.until == START + dt.timedelta(minutes=10)
    assert lock.seconds_left(now[0]) == 601
    assert throttle.locked(keys_of("10.0.0.1", "bob")) is None
    now[0] = START + dt.timedelta(minutes=10)
    assert throttle.locked(keys) is None


def test_throttle_locks_a_client_trying_many_users() -> None:
    now = [START]
    throttle = throttle_at(now)
    for name in ("a", "b", "c", "d"):
        assert throttle.failed(keys_of("10.0.0.9", name)) == []
    started = throttle.failed(keys_of("10.0.0.9", None))
    assert [lock.key for lock in started] == ["client:10.0.0.9"]
    assert throttle.locked(keys_of("10.0.0.9", "zed")) is not None
    assert throttle.locked(keys_of("10.0.0.8", "zed")) is None


def test_throttle_success_forgets_the_users_failures() -> None:
    now = [START]
    throttle = throttle_at(now)
    keys = keys_of("10.0.0.1", "ana")
    throttle.failed(keys)
    throttle.failed(keys)
    throttle.succeeded(keys[1:])
    assert throttle.failed(keys) == []


def test_throttle_old_failures_leave_the_window() -> None:
    now = [START]
    throttle = throttle_at(now)
    keys = keys_of("10.0.0.1", "ana")
    throttle.failed(keys)
    throttle.failed(keys)
    now[0] += dt.timedelta(minutes=11)
    assert throttle.failed(keys) == []
    assert throttle.locked(keys) is None
