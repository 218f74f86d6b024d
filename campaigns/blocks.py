"""StreamField blocks shared by campaign pages and content pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from products.designers.blocks import DesignerProductsBlock, DesignerTeaserBlock

from .choosers import category_chooser_viewset, product_chooser_viewset

_BaseProductChooserBlock = product_chooser_viewset.get_block_class(
    name="BaseProductChooserBlock", module_path="campaigns.blocks"
)


class ProductChooserBlock(_BaseProductChooserBlock):
    """Holds an unloaded product reference (only its pk) when the stream is read.

    The page loads every product its blocks show in one go (services.load_products_for_stream), so
    reading the stream must not query products block by block. The admin form and validation load the
    real product; a product deleted meanwhile is then reported as an invalid choice.
    """

    def to_python(self, value):
        return self._reference(value)

    def bulk_to_python(self, values):
        return [self._reference(value) for value in values]

    def _reference(self, value):
        if value is None or value == "":
            return None
        if isinstance(value, self.model_class):
            return value
        return self.model_class(pk=value)

    def get_form_state(self, value):
        pk = value.pk if value is not None else None
        instance = self.model_class.objects.filter(pk=pk).first() if pk is not None else None
        return self.widget.get_value_data(instance)
CategoryChooserBlock = category_chooser_viewset.get_block_class(
    name="CategoryChooserBlock", module_path="campaigns.blocks"
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative only"),
        required=False,
        help_text=_("Tick only if the image adds no information; it is then hidden from screen readers."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image, or mark it as decorative.")
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class GalleryImageBlock(ImageBlock):
    class Meta:
        label = _("Gallery image")
        template = "blocks/gallery_image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Images"), min_num=2, max_num=12)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery.html"


class VideoEmbedBlock(EmbedBlock):
    def clean(self, value):
        from wagtail.embeds.blocks import EmbedValue

        if isinstance(value, EmbedValue) and not value.html:
            raise ValidationError(
                _("This link cannot be embedded. Use the address of a video on a platform that allows embedding.")
            )
        return super().clean(value)


class VideoBlock(blocks.StructBlock):
    video = VideoEmbedBlock(
        label=_("Video URL"),
        help_text=_("A link to the video on a platform that allows embedding (e.g. YouTube or Vimeo)."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"

    def get_context(self, value, parent_context=None):
        # The two-click placeholder names the provider the visitor's data would go to.
        context = super().get_context(value, parent_context=parent_context)
        context["provider"] = video_provider(value.get("video"))
        return context


def video_provider(embed_value):
    """The platform's name from the (cached) oEmbed answer, else the link's host."""
    from urllib.parse import urlsplit

    from wagtail.embeds.embeds import get_embed
    from wagtail.embeds.exceptions import EmbedException

    if not embed_value or not embed_value.url:
        return ""
    try:
        name = get_embed(embed_value.url, embed_value.max_width, embed_value.max_height).provider_name
    except EmbedException:
        name = ""
    return name or urlsplit(embed_value.url).hostname or ""


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), required=False, max_length=250)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("or external link"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an external link."))}
            )
        return value


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"), max_length=20, help_text=_("For example 12, 3.400 or 85 %."))
    label = blocks.CharBlock(label=_("Label"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "blocks/key_figures.html"


class ProductBlockMixin:
    """Product blocks read products loaded once per page (see CampaignPage.get_context); alone they load their own."""

    def loaded_products(self, value, parent_context):
        loaded = (parent_context or {}).get("stream_products")
        if loaded is None:
            from .services import load_products_for_stream

            loaded = load_products_for_stream([_BlockStub(self.name, value)])
        return loaded


class _BlockStub:
    def __init__(self, block_type, value):
        self.block_type, self.value = block_type, value


class ProductTeaserBlock(ProductBlockMixin, blocks.StructBlock):
    product = ProductChooserBlock(label=_("Product"))
    text = blocks.TextBlock(label=_("Why this product"), required=False, max_length=400)

    class Meta:
        icon = "tag"
        label = _("Product teaser")
        template = "blocks/product_teaser.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = value.get("product")
        loaded = self.loaded_products(value, parent_context)
        context["product"] = loaded["by_id"].get(chosen.pk) if chosen is not None else None
        return context


class ProductListBlock(ProductBlockMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    source = blocks.ChoiceBlock(
        label=_("Products from"),
        choices=[("category", _("a category (newest first)")), ("products", _("products chosen by hand"))],
        default="category",
    )
    category = CategoryChooserBlock(label=_("Category"), required=False)
    products = blocks.ListBlock(ProductChooserBlock(), label=_("Products"), required=False, default=[])
    max_count = blocks.IntegerBlock(label=_("Show at most"), min_value=1, max_value=24, default=4)

    class Meta:
        icon = "list-ul"
        label = _("Product list")
        template = "blocks/product_list.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("source") == "category" and not value.get("category"):
            raise StructBlockValidationError(
                block_errors={"category": ValidationError(_("Choose the category to list."))}
            )
        if value.get("source") == "products" and not [p for p in value.get("products") or [] if p]:
            raise StructBlockValidationError(
                block_errors={"products": ValidationError(_("Choose at least one product."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        from .services import products_for_list

        context = super().get_context(value, parent_context)
        context["products"] = products_for_list(value, self.loaded_products(value, parent_context))
        return context


class LocationBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    address = blocks.TextBlock(label=_("Address"))
    opening_hours = blocks.TextBlock(label=_("Opening hours"), required=False)
    map_url = blocks.URLBlock(label=_("Link to a map"), required=False)

    class Meta:
        icon = "site"
        label = _("Location")
        template = "blocks/location.html"


class FundingNoticeBlock(blocks.StructBlock):
    funders = blocks.ListBlock(
        SnippetChooserBlock("campaigns.Funder"),
        label=_("Funders"),
        required=False,
        default=[],
        help_text=_("Leave empty to show the funders chosen for the page."),
    )

    class Meta:
        icon = "pick"
        label = _("Funding notice")
        template = "blocks/funding_notice.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        funders = [f for f in value.get("funders") or [] if f is not None]
        if not funders:
            funders = list((parent_context or {}).get("page_funders") or [])
        context["funders"] = funders
        return context


class ContentBlocks(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="blocks/paragraph.html",
    )
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    product_teaser = ProductTeaserBlock()
    product_list = ProductListBlock()
    location = LocationBlock()
    funding_notice = FundingNoticeBlock()
    designer_teaser = DesignerTeaserBlock()
    designer_products = DesignerProductsBlock()
