from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    """The one user model: shoppers, staff and designers log in with their email address."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
