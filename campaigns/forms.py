from django import forms
from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from .services import STATUS_CHOICES


class CampaignFilterForm(forms.Form):
    """The campaign index filters, read from GET parameters so that filtered lists can be bookmarked."""

    district = forms.ModelChoiceField(
        label=_("District"), queryset=None, required=False, to_field_name="slug", empty_label=_("All districts")
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Any status")), *STATUS_CHOICES], required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, locale=None, **kwargs):
        from .models import CampaignPage, District

        super().__init__(*args, **kwargs)
        # Districts in the page's language; where none are translated yet, those of the default language.
        locale_ids = set(District.objects.values_list("locale_id", flat=True).distinct())
        if locale is not None and locale.pk not in locale_ids:
            from wagtail.models import Locale

            locale = Locale.get_default()
        self.fields["district"].queryset = District.objects.filter(locale=locale) if locale else District.objects.all()
        span = CampaignPage.objects.live().aggregate(first=Min("start_date"), last=Max("end_date"))
        years = range(span["last"].year, span["first"].year - 1, -1) if span["first"] and span["last"] else []
        self.fields["year"].choices = [("", _("Any year")), *((y, y) for y in years)]
