"""Attempts to sign in, for administrators: who is locked out, and an action to unlock.

Axes registers its own admin, whose status is that of each row; but a pair (a user
name at an address) has a row for each browser it was tried from, and the lock
counts them all, within the cool-off only. This one shows and filters the pair's
status, and adds "Unlock", which forgets every failure of the chosen pairs. Only
superusers see it: the Editors group holds no permission on these models.
"""

from datetime import UTC

from axes.admin import AccessAttemptAdmin, IsLockedOutFilter
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import IntegerField, Max, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone


def pair_attempts():
    """The rows of the outer row's pair that the lock counts now."""
    return AccessAttempt.objects.filter(
        username=OuterRef("username"),
        ip_address=OuterRef("ip_address"),
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
    ).values("username", "ip_address")


class PairLockedOutFilter(admin.SimpleListFilter):
    title = "locked out"
    parameter_name = "locked_out"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pair_failures__gte=settings.AXES_FAILURE_LIMIT)
        if self.value() == "no":
            return queryset.filter(pair_failures__lt=settings.AXES_FAILURE_LIMIT)
        return queryset


class SigninAttemptAdmin(AccessAttemptAdmin):
    list_display = [
        "pair_status" if name == "status" else name for name in AccessAttemptAdmin.list_display
    ]
    list_filter = [
        PairLockedOutFilter if f is IsLockedOutFilter else f for f in AccessAttemptAdmin.list_filter
    ]
    actions = ["unlock", *AccessAttemptAdmin.actions]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                pair_failures=Coalesce(
                    Subquery(
                        pair_attempts()
                        .annotate(total=Sum("failures_since_start"))
                        .values("total")[:1]
                    ),
                    Value(0),
                    output_field=IntegerField(),
                ),
                pair_last_failure=Subquery(
                    pair_attempts().annotate(last=Max("attempt_time")).values("last")[:1]
                ),
            )
        )

    @admin.display(description="Status of the user name at this address")
    def pair_status(self, obj):
        if obj.pair_failures >= settings.AXES_FAILURE_LIMIT:
            until = obj.pair_last_failure + settings.AXES_COOLOFF_TIME
            # The desk's zone (the admin's current zone), with UTC beside it.
            local = timezone.localtime(until)
            return f"Locked out until {local:%H:%M %Z} ({until.astimezone(UTC):%H:%M} UTC)"
        if obj.pair_failures == 0:
            return "Not counted any more"
        return f"{settings.AXES_FAILURE_LIMIT - obj.pair_failures} attempt(s) left"

    @admin.action(
        description="Unlock the selected user names at their addresses",
        permissions=["delete"],
    )
    def unlock(self, request, queryset):
        # One pair may have several rows (one per browser it was tried from); a lock
        # counts them all, so all of them go.
        pairs = set(queryset.values_list("username", "ip_address"))
        match = Q()
        for username, address in pairs:
            match |= Q(username=username, ip_address=address)
        AccessAttempt.objects.filter(match).delete()
        self.message_user(
            request,
            f"Unlocked {len(pairs)} user name and address pair(s): "
            + ", ".join(f"{name} from {address}" for name, address in sorted(pairs, key=str)),
            messages.SUCCESS,
        )


admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, SigninAttemptAdmin)
