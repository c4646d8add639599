"""Create (or reset) a newsroom editor account: staff, in the Editors group, not a superuser."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create an editor account (staff, member of the Editors group) or reset its "
        "password, and print how to sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="editor")
        parser.add_argument(
            "--password", help="Use this password instead of a freshly generated one."
        )

    @transaction.atomic
    def handle(self, *args, username, password, **options):
        password = password or secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name="Editors"))
        verb = "Created" if created else "Reset the password of"
        self.stdout.write(self.style.SUCCESS(f"{verb} the editor account “{username}”."))
        self.stdout.write(f"Sign in at /admin/ as {username} with the password: {password}")
