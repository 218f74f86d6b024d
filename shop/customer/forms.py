from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.forms import *  # noqa: F403  (Oscar's fork convention: the module replaces Oscar's)
from oscar.apps.customer.forms import EmailUserCreationForm as OscarEmailUserCreationForm
from oscar.apps.customer.utils import normalise_email


class EmailUserCreationForm(OscarEmailUserCreationForm):
    """Oscar's registration form without "A user with that email address already exists".

    Whether an address has an account is answered by e-mail to that address only (shop.customer.registration).
    """

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def validate_unique(self):
        # ModelForm would report the taken address through the model's unique constraint.
        pass


EmailUserCreationForm.base_fields["email"].help_text = _("We will send you an e-mail to confirm the address.")
