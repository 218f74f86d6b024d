"""StreamField blocks about designers: the profile gallery, and blocks for campaign and content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"), max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")


class GalleryBlocks(blocks.StreamBlock):
    image = GalleryImageBlock()


class DesignerTeaserBlock(blocks.StructBlock):
    """A designer's portrait, discipline and a link to the profile."""

    designer_page = blocks.PageChooserBlock(label=_("Designer"), page_type="designers.DesignerPage")
    text = blocks.TextBlock(
        label=_("Text"), required=False, help_text=_("Leave empty to show the profile's short biography.")
    )

    class Meta:
        icon = "user"
        label = _("Designer teaser")
        template = "designers/blocks/designer_teaser.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("designer_page")
        # A deleted or unpublished profile renders nothing rather than a broken link.
        context["designer_page"] = page.specific if page is not None and page.live else None
        return context


class DesignerProductsBlock(blocks.StructBlock):
    """The products of one designer (found through their licences), as product cards."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    designer_page = blocks.PageChooserBlock(label=_("Designer"), page_type="designers.DesignerPage")
    limit = blocks.IntegerBlock(label=_("Number of products"), default=4, min_value=1, max_value=24)

    class Meta:
        icon = "pick"
        label = _("Products by designer")
        template = "designers/blocks/designer_products.html"

    def get_context(self, value, parent_context=None):
        from .services import products_of

        context = super().get_context(value, parent_context)
        page = value.get("designer_page")
        page = page.specific if page is not None and page.live else None
        context["designer_page"] = page
        designer_id = getattr(page, "designer_id", None)
        context["products"] = list(products_of(designer_id)[: value.get("limit") or 4]) if designer_id else []
        return context
