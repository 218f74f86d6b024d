from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .report import QUARTERS

FIRST_OSS_YEAR = 2021  # the One-Stop-Shop started on 2021-07-01


class QuarterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_OSS_YEAR)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), coerce=int, choices=[(q, _("Q%(number)s") % {"number": q}) for q in QUARTERS]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].widget.attrs.update({"min": FIRST_OSS_YEAR, "max": timezone.localdate().year})

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("The report covers quarters up to the current one."))
        return year
