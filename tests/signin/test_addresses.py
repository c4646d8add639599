"""The address a sign-in is counted under: only what our own side wrote."""

import pytest

from signin.addresses import client_address

CLIENT = "203.0.113.7"
BALANCER = "10.0.0.2"
CDN = "10.0.0.9"


def address(rf, forwarded_for=None, remote=BALANCER):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for is not None else {}
    return client_address(rf.get("/admin/login/", REMOTE_ADDR=remote, headers=headers))


def test_without_trusted_proxies_the_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert address(rf, f"192.0.2.1, {CLIENT}") == BALANCER


def test_behind_one_proxy_the_right_most_address_counts(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert address(rf, f"192.0.2.1, 192.0.2.2,{CLIENT}") == CLIENT


def test_behind_two_proxies_the_second_from_the_right_counts(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert address(rf, f"192.0.2.1, {CLIENT}, {CDN}") == CLIENT


@pytest.mark.parametrize("forwarded_for", [None, "", CLIENT, "not an address, 10.0.0.9"])
def test_a_header_that_did_not_come_through_every_proxy_counts_the_connection(
    rf, settings, forwarded_for
):
    settings.TRUSTED_PROXY_COUNT = 2

    assert address(rf, forwarded_for) == BALANCER


def test_an_ipv6_address_is_counted_in_its_short_form(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert address(rf, "2001:0db8:0000:0000:0000:0000:0000:0001") == "2001:db8::1"
