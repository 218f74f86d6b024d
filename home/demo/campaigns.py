"""Demo campaigns: districts, fictional funders and three campaign pages in German, translated to English."""

from datetime import date, timedelta

from oscar.core.loading import get_model
from wagtail.models import Locale

from accounts.roles import ensure_campaign_workflow
from campaigns.models import CampaignIndexPage, CampaignPage, District, Funder
from home.models import HomePage

from .images import image_file
from .pages import translate

DISTRICTS = [
    # (slug de, name de, description de, slug en, name en, description en)
    ("aachen-nord", "Aachen-Nord", "Das Viertel rund um das alte Straßenbahndepot und die Jülicher Straße.",
     "aachen-north", "Aachen-Nord", "The quarter around the old tram depot and Jülicher Straße."),
    ("aachen-ost", "Aachen-Ost", "Rothe Erde und das Gebiet um den Ostfriedhof.",
     "aachen-east", "Aachen-Ost", "Rothe Erde and the area around the eastern cemetery."),
    ("stolberg-muehle", "Stolberg-Mühle", "Ein Quartier im Stolberger Tal mit alten Werkhallen.",
     "stolberg-muehle", "Stolberg-Mühle", "A quarter in the Stolberg valley with old factory halls."),
]

FUNDERS = [
    # (name, notice de, notice en, url)
    ("Programm Kreative Quartiere (fiktiv)",
     "Gefördert durch das fiktive Programm „Kreative Quartiere“ des Landes.",
     "Funded by the fictional state programme “Creative Quarters”.", "https://example.org/kreative-quartiere"),
    ("Stiftung Grünes Viertel (fiktiv)",
     "Mit freundlicher Unterstützung der fiktiven Stiftung Grünes Viertel.",
     "Kindly supported by the fictional Green Quarter Foundation.", ""),
]

INDEX = {
    "title": "Kampagnen", "slug": "kampagnen",
    "introduction": "Bildkampagnen für Aachen-Nord und die Nachbarviertel: Orte, Menschen und Produkte.",
}

CAMPAIGNS = [
    {
        "slug": "kreativquartier-depot",
        "title": "Kreativquartier rund ums Depot",
        "teaser": (
            "Werkstätten, Ateliers und Proberäume: wie das alte "
            "Straßenbahndepot zum Treffpunkt der Kreativen wird."
        ),
        "hero_alt": "Die Hallen des Depots als grafisches Muster",
        "start": -30, "end": 60, "districts": ["aachen-nord"], "funders": [0], "tags": ["Depot", "Kreativwirtschaft"],
        "heading": "Ein Ort zum Arbeiten",
        "text": "Im Depot teilen sich Designerinnen, Handwerker und die Sozialwerkstatt eine Halle.",
        "quote": ("Hier entsteht das Viertel jeden Tag neu.", "Eine Mieterin im Depot (fiktiv)"),
        "figures": [("14", "Ateliers"), ("3.400", "Quadratmeter")],
        "list_title": "Aus der Werkstatt", "category": "Textilien",
    },
    {
        "slug": "gruene-inseln-aachen-nord",
        "title": "Grüne Inseln in Aachen-Nord",
        "teaser": "Gärten, Höfe und Baumscheiben: kleine grüne Orte, die das Viertel lebenswert machen.",
        "hero_alt": "Grüne Formen auf hellem Grund",
        "start": 20, "end": 120, "districts": ["aachen-nord", "aachen-ost"], "funders": [1],
        "tags": ["Stadtgrün"],
        "heading": "Kleine Orte, große Wirkung",
        "text": "Nachbarinnen und Nachbarn pflegen gemeinsam Beete zwischen den Häusern.",
        "quote": ("Jeder Hof kann eine grüne Insel werden.", "Ein Gärtner aus dem Viertel (fiktiv)"),
        "figures": [("27", "Gemeinschaftsbeete")],
        "list_title": "Passend dazu", "category": "Drucke",
    },
    {
        "slug": "label-im-museumsshop",
        "title": "Das Label im Museumsshop",
        "teaser": "Die Produkte des Labels gibt es jetzt auch im Museumsshop: ausgewählte Stücke aus drei Vierteln.",
        "hero_alt": "Regale mit Produkten als grafisches Muster",
        "start": -200, "end": -100, "districts": ["aachen-nord", "stolberg-muehle"], "funders": [0, 1],
        "tags": ["Museumsshop", "Label"],
        "heading": "Design zum Mitnehmen",
        "text": "Im Museumsshop zeigen wir, was in der Sozialwerkstatt entsteht.",
        "quote": ("Gutes Design braucht einen Ort, an dem man es anfassen kann.", "Das Team des Labels"),
        "figures": [("4", "Produkte"), ("3", "Viertel")],
        "list_title": "Im Museumsshop", "category": "Wohnen",
    },
]

EN = {
    "Kampagnen": "Campaigns", "kampagnen": "campaigns",
    INDEX["introduction"]: (
        "Image campaigns for Aachen-Nord and the neighbouring "
        "districts: places, people and products."
    ),
    "kreativquartier-depot": "creative-quarter-depot",
    "Kreativquartier rund ums Depot": "The creative quarter around the Depot",
    CAMPAIGNS[0]["teaser"]: (
        "Workshops, studios and rehearsal rooms: how the old tram depot "
        "becomes a meeting place for creative people."
    ),
    CAMPAIGNS[0]["hero_alt"]: "The halls of the depot as a graphic pattern",
    "Ein Ort zum Arbeiten": "A place to work",
    CAMPAIGNS[0]["text"]: "In the depot, designers, craftspeople and the social workshop share one hall.",
    "Hier entsteht das Viertel jeden Tag neu.": "Here the district is reinvented every day.",
    "Eine Mieterin im Depot (fiktiv)": "A tenant in the depot (fictional)",
    "Ateliers": "studios", "Quadratmeter": "square metres",
    "Aus der Werkstatt": "From the workshop",
    "gruene-inseln-aachen-nord": "green-spots-aachen-nord",
    "Grüne Inseln in Aachen-Nord": "Green spots in Aachen-Nord",
    CAMPAIGNS[1]["teaser"]: (
        "Gardens, courtyards and tree pits: small green places "
        "that make the district worth living in."
    ),
    CAMPAIGNS[1]["hero_alt"]: "Green shapes on a light background",
    "Kleine Orte, große Wirkung": "Small places, big effect",
    CAMPAIGNS[1]["text"]: "Neighbours tend the beds between the houses together.",
    "Jeder Hof kann eine grüne Insel werden.": "Every courtyard can become a green spot.",
    "Ein Gärtner aus dem Viertel (fiktiv)": "A gardener from the district (fictional)",
    "Gemeinschaftsbeete": "community beds",
    "Passend dazu": "To go with it",
    "label-im-museumsshop": "label-in-the-museum-shop",
    "Das Label im Museumsshop": "The label in the museum shop",
    CAMPAIGNS[2]["teaser"]: (
        "The label's products are now also sold in the museum "
        "shop: selected pieces from three districts."
    ),
    CAMPAIGNS[2]["hero_alt"]: "Shelves with products as a graphic pattern",
    "Design zum Mitnehmen": "Design to take home",
    CAMPAIGNS[2]["text"]: "In the museum shop we show what the social workshop makes.",
    "Gutes Design braucht einen Ort, an dem man es anfassen kann.": "Good design needs a place where you can touch it.",
    "Das Team des Labels": "The label's team",
    "Produkte": "products", "Viertel": "districts",
    "Im Museumsshop": "In the museum shop",
    "Museumsshop Aachen (fiktiv)": "Museum shop Aachen (fictional)",
    "Di–So 10–18 Uhr": "Tue–Sun 10 am–6 pm",
}


def _image(title, seed, size=(960, 600), label="", focal=None):
    from wagtail.images.models import Image

    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, file=image_file(seed, f"{seed}.jpg", size=size, label=label))
        if focal:
            image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = focal
        image.save()
    return image


def ensure_districts(locale_de, locale_en):
    districts = {}
    for slug, name, description, slug_en, name_en, description_en in DISTRICTS:
        district = District.objects.filter(locale=locale_de, slug=slug).first()
        if district is None:
            district = District.objects.create(locale=locale_de, slug=slug, name=name, description=description)
        if not District.objects.filter(translation_key=district.translation_key, locale=locale_en).exists():
            english = district.copy_for_translation(locale_en)
            english.slug, english.name, english.description = slug_en, name_en, description_en
            english.save()
        districts[slug] = district
    return districts


def ensure_funders(locale_de, locale_en):
    funders = []
    for number, (name, notice, notice_en, url) in enumerate(FUNDERS):
        funder = Funder.objects.filter(locale=locale_de, name=name).first()
        if funder is None:
            logo = _image(f"Logo {name}", f"funder-{number}", size=(240, 120), label="Logo")
            funder = Funder.objects.create(locale=locale_de, name=name, notice=notice, url=url, logo=logo)
        if not Funder.objects.filter(translation_key=funder.translation_key, locale=locale_en).exists():
            english = funder.copy_for_translation(locale_en)
            english.notice = notice_en
            english.save()
        funders.append(funder)
    return funders


def _body(spec, product_pk, category_pk):
    return [
        {"type": "heading", "value": {"text": spec["heading"], "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{spec['text']}</p>"},
        {"type": "quote", "value": {"quote": spec["quote"][0], "attribution": spec["quote"][1]}},
        {"type": "key_figures", "value": {"title": "", "figures": [
            {"number": number, "label": label} for number, label in spec["figures"]
        ]}},
        {"type": "product_list", "value": {
            "title": spec["list_title"], "source": "category", "category": category_pk, "products": [], "max_count": 4,
        }},
        {"type": "product_teaser", "value": {"product": product_pk, "text": ""}},
        {"type": "location", "value": {
            "name": "Museumsshop Aachen (fiktiv)", "address": "Musterstraße 1\n52062 Aachen",
            "opening_hours": "Di–So 10–18 Uhr", "map_url": "",
        }},
        {"type": "funding_notice", "value": {"funders": []}},
    ]


def ensure_index(home):
    index = CampaignIndexPage.objects.filter(locale=home.locale, slug=INDEX["slug"]).first()
    if index is None:
        index = CampaignIndexPage(
            title=INDEX["title"], slug=INDEX["slug"], introduction=INDEX["introduction"], show_in_menus=True
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def ensure_campaigns(index, districts, funders):
    Product = get_model("catalogue", "Product")
    Category = get_model("catalogue", "Category")
    product = Product.objects.browsable().order_by("pk").first()
    pages = []
    today = date.today()
    for number, spec in enumerate(CAMPAIGNS):
        page = CampaignPage.objects.filter(locale=index.locale, slug=spec["slug"]).first()
        if page is None:
            category = Category.objects.filter(name=spec["category"]).first()
            hero = _image(
                f"Kampagne – {spec['title']}", f"campaign-{number}", label=spec["title"], focal=(640, 300, 200, 200)
            )
            page = CampaignPage(
                title=spec["title"], slug=spec["slug"], teaser=spec["teaser"], hero_image=hero,
                hero_alt=spec["hero_alt"], start_date=today + timedelta(days=spec["start"]),
                end_date=today + timedelta(days=spec["end"]),
                body=_body(spec, product.pk if product else None, category.pk if category else None),
            )
            page.districts = [districts[slug] for slug in spec["districts"]]
            page.funders = [funders[i] for i in spec["funders"]]
            page.tags.add(*spec["tags"])
            index.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    return pages


def load():
    locale_de = Locale.objects.get(language_code="de")
    locale_en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=locale_de, depth=2)
    districts = ensure_districts(locale_de, locale_en)
    funders = ensure_funders(locale_de, locale_en)
    index = ensure_index(home)
    pages = ensure_campaigns(index, districts, funders)
    translate(index, "en", EN)
    for page in pages:
        translate(page, "en", EN)
    ensure_campaign_workflow()
    return pages
