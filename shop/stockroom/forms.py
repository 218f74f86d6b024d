from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from shop.partner import outlet_sales

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")


class ProductChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_title()} ({obj.upc})" if obj.upc else obj.get_title()


class StockRecordChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.partner.name}: {obj.product.get_title()} ({obj.partner_sku}) – {obj.num_in_stock}"


def stocked_products():
    return Product.objects.filter(stockrecords__isnull=False).distinct().order_by("title")


class TransferForm(forms.Form):
    product = ProductChoiceField(label=_("Product"), queryset=Product.objects.none())
    source = forms.ModelChoiceField(label=_("From"), queryset=Partner.objects.order_by("name"))
    destination = forms.ModelChoiceField(
        label=_("To"), queryset=Partner.objects.filter(is_active=True).order_by("name")
    )
    quantity = forms.IntegerField(label=_("Units"), min_value=1)
    reason = forms.CharField(label=_("Note"), required=False, max_length=255)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = stocked_products()

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("source") == data.get("destination"):
            raise forms.ValidationError(_("Source and destination must be different partners."))
        return data


class StocktakeForm(forms.Form):
    stockrecord = StockRecordChoiceField(
        label=_("Stock record"),
        queryset=StockRecord.objects.select_related("partner", "product").order_by("partner__name", "product__title"),
    )
    counted = forms.IntegerField(label=_("Counted units"), min_value=0)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=255,
        help_text=_("Required when the count is lower than the recorded stock."),
    )


class MovementFilterForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=Partner.objects.order_by("name"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "---------"), *StockMovement.Kind.choices], required=False)
    q = forms.CharField(label=_("Product or SKU"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


def outlets():
    return Partner.objects.exclude(kind=Partner.Kind.WORKSHOP).order_by("name")


class SalesUploadForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Outlet"), queryset=Partner.objects.none())
    file = forms.FileField(label=_("CSV file"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = outlets()
        self.fields["file"].help_text = _(
            "Columns date, sku, quantity, gross_price (per unit). Comma or semicolon separated; UTF-8 "
            "or Windows encoding; decimal comma or point. At most %(limit)s.") % {
            "limit": filesizeformat(outlet_sales.max_upload_bytes())}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refused by its size, before a byte of it is read or parsed.
        if upload.size > outlet_sales.max_upload_bytes():
            raise forms.ValidationError(outlet_sales.too_large_message(), code="too_large")
        return upload


class SalesEntryForm(forms.Form):
    stockrecord = StockRecordChoiceField(label=_("Outlet and product"), queryset=StockRecord.objects.none())
    date = forms.DateField(label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"}))
    quantity = forms.IntegerField(label=_("Units"), min_value=1)
    gross_price = forms.DecimalField(label=_("Gross unit price (€)"), min_value=0, decimal_places=2, localize=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stockrecord"].queryset = (
            StockRecord.objects.filter(partner__in=outlets()).select_related("partner", "product")
            .order_by("partner__name", "product__title")
        )
