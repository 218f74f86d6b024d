from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm


class LicenceForm(WagtailAdminModelForm):
    def _post_clean(self):
        # The model's clean() has run on the instance now; the products (M2M) are only in cleaned_data.
        super()._post_clean()
        products = self.cleaned_data.get("products")
        if products is None:
            return
        try:
            self.instance.clean_products(products)
        except ValidationError as error:
            self._update_errors(error)
