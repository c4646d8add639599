"""The two roles: a contributor who writes drafts, and the editor (tests/conftest.py)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture
def contributors_group(db):
    return Group.objects.get(name="Contributors")


@pytest.fixture
def contributor(contributors_group):
    """A writer: staff, not a superuser, a member of "Contributors" only."""
    user = UserFactory(username="contributor", is_staff=True)
    user.groups.add(contributors_group)
    return user


@pytest.fixture
def contributor_client(contributor):
    client = Client()
    client.force_login(contributor)
    return client


@pytest.fixture
def other_contributor(contributors_group):
    user = UserFactory(username="colleague", is_staff=True)
    user.groups.add(contributors_group)
    return user
