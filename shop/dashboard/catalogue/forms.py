from django import forms
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  (Oscar fork: the rest stay Oscar's)
from oscar.core.loading import get_model

ProductTranslation = get_model("catalogue", "ProductTranslation")


class ProductForm(oscar_forms.ProductForm):
    class Meta(oscar_forms.ProductForm.Meta):
        fields = [
            *oscar_forms.ProductForm.Meta.fields,
            "tax_class",
            "is_label_product",
            "maker",
            "made_to_order",
            "material",
            "care",
            "safety_information",
        ]


class StockRecordForm(oscar_forms.StockRecordForm):
    """Oscar's stock record form without `num_in_stock`: the product page shows the stock read-only.

    Stock is changed only on the stock pages, through the stock service (locked row, ledger movement, never
    below the allocated units); a product form opened before a transfer can thus never write an old number back.
    A new stock record starts empty.
    """

    class Meta(oscar_forms.StockRecordForm.Meta):
        fields = [name for name in oscar_forms.StockRecordForm.Meta.fields if name != "num_in_stock"]


class ProductTranslationForm(forms.ModelForm):
    class Meta:
        model = ProductTranslation
        fields = ["language", "title", "description", "material", "care", "safety_information"]
        widgets = {
            field: forms.Textarea(attrs={"rows": 3})
            for field in ("description", "material", "care", "safety_information")
        }


class ProductTranslationFormSet(
    forms.inlineformset_factory(
        get_model("catalogue", "Product"), ProductTranslation, form=ProductTranslationForm, extra=3, max_num=3,
        can_delete=True,
    )
):
    """One form per language besides German; empty fields show the German text to shoppers."""

    def __init__(self, product_class, user, *args, **kwargs):
        # Oscar's product view passes these to every formset.
        super().__init__(*args, **kwargs)
