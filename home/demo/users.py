from django.contrib.auth import get_user_model

from accounts.roles import assign_role, sync_role_groups

from .content import DEMO_PASSWORD, USERS


def load():
    """One login per role; returns (email, role) rows for printing."""
    sync_role_groups()
    User = get_user_model()
    rows = []
    for email, first_name, last_name, role in USERS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            if role is None:
                user.is_staff = user.is_superuser = True
            user.save()
        if role:
            assign_role(user, role)
        rows.append((email, role or "Superuser (Wagtail admin and Oscar dashboard)"))
    return rows
