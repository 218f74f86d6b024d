from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .choosers import category_chooser_viewset, product_chooser_viewset
from .models import District, Funder


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_category_chooser():
    return category_chooser_viewset


register_snippet(District)
register_snippet(Funder)
