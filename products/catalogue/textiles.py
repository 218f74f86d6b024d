"""Fibre composition of textile products: only the fibre names of Annex I of Regulation (EU) No 1007/2011.

Art. 5 and 16 of the Regulation: the composition states each fibre by its Annex I name, with its percentage by
weight (Art. 9); descriptive words may follow the name ("100 % Wolle (Merino)", "100 % Baumwolle (Bio, GOTS)") but
never replace it ("Merinowolle", "Bio-Baumwolle" are not fibre names). German names as in the German language
version (which the Textilkennzeichnungsgesetz requires in Germany); en, nl and fr as in those language versions.
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

# Product classes whose products are textiles (home/demo/content.py PRODUCT_CLASSES).
TEXTILE_CLASSES = {"textil"}

# Annex I, Table 1 and 2 (the names most used; entries 1–49 by language version). Lower case.
FIBRE_NAMES = {
    "de": {
        "wolle", "alpaka", "lama", "kamel", "kaschmir", "mohair", "angora", "vikunja", "yak", "guanako", "kaschgora",
        "biber", "fischotter", "tierhaar", "seide", "baumwolle", "kapok", "flachs", "leinen", "hanf", "jute",
        "manila", "alfa", "kokos", "ginster", "ramie", "sisal", "sunn", "henequen", "maguey", "acetat", "alginat",
        "cupro", "modal", "protein", "triacetat", "viskose", "polyacryl", "polychlorid", "fluorfaser", "modacryl",
        "polyamid", "nylon", "aramid", "polyimid", "lyocell", "polylactid", "polyester", "polyethylen",
        "polypropylen", "polycarbamid", "polyurethan", "vinylal", "trivinyl", "elastodien", "elastan", "glasfaser",
        "elastomultiester", "elastolefin", "melamin", "polyacrylat",
    },
    "en": {
        "wool", "alpaca", "llama", "camel", "cashmere", "mohair", "angora", "vicuna", "yak", "guanaco", "cashgora",
        "beaver", "otter", "animal hair", "hair", "silk", "cotton", "kapok", "flax", "linen", "hemp", "jute",
        "abaca", "alfa", "coir", "broom", "ramie", "sisal", "sunn", "henequen", "maguey", "acetate", "alginate",
        "cupro", "modal", "protein", "triacetate", "viscose", "acrylic", "chlorofibre", "fluorofibre", "modacrylic",
        "polyamide", "nylon", "aramid", "polyimide", "lyocell", "polylactide", "polyester", "polyethylene",
        "polypropylene", "polycarbamide", "polyurethane", "vinylal", "trivinyl", "elastodiene", "elastane",
        "glass fibre", "elastomultiester", "elastolefin", "melamine", "polyacrylate",
    },
    "nl": {
        "wol", "alpaca", "lama", "kameel", "kasjmier", "mohair", "angora", "vicuna", "jak", "guanaco", "kasjgora",
        "bever", "otter", "dierlijk haar", "haar", "zijde", "katoen", "kapok", "vlas", "linnen", "hennep", "jute",
        "abaca", "alfa", "kokos", "brem", "ramee", "sisal", "sunn", "henequen", "maguey", "acetaat", "alginaat",
        "cupro", "modal", "proteïne", "triacetaat", "viscose", "acryl", "chloorvezel", "fluorvezel", "modacryl",
        "polyamide", "nylon", "aramide", "polyimide", "lyocell", "polylactide", "polyester", "polyethyleen",
        "polypropyleen", "polycarbamide", "polyurethaan", "vinylal", "trivinyl", "elastodieen", "elastaan",
        "glasvezel", "elastomultiester", "elastolefine", "melamine", "polyacrylaat",
    },
    "fr": {
        "laine", "alpaga", "lama", "chameau", "cachemire", "mohair", "angora", "vigogne", "yack", "guanaco",
        "cachgora", "castor", "loutre", "poil", "soie", "coton", "kapok", "lin", "chanvre", "jute", "abaca", "alfa",
        "coco", "genêt", "ramie", "sisal", "sunn", "henequen", "maguey", "acétate", "alginate", "cupro", "modal",
        "protéinique", "triacétate", "viscose", "acrylique", "chlorofibre", "fluorofibre", "modacrylique",
        "polyamide", "nylon", "aramide", "polyimide", "lyocell", "polylactide", "polyester", "polyéthylène",
        "polypropylène", "polycarbamide", "polyuréthane", "vinylal", "trivinyl", "élastodiène", "élasthanne",
        "fibre de verre", "élastomultiester", "élastoléfine", "mélamine", "polyacrylate",
    },
}

# "80 % Baumwolle", "20% polyester", "100 % laine": a percentage and the words after it, up to a delimiter.
COMPONENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%\s*([^\d,;/()+\n]+)")


def is_textile(product):
    product_class = product.get_product_class() if (product.product_class_id or product.parent_id) else None
    return product_class is not None and product_class.slug in TEXTILE_CLASSES


def composition_errors(text, language="de"):
    """What is wrong with a fibre composition text; an empty list if it follows the Regulation."""
    names = FIBRE_NAMES.get(language)
    if names is None or not text.strip():
        return []
    components = COMPONENT.findall(text)
    if not components:
        return [_("State the fibre composition with percentages by weight and the fibre names of the EU Textile "
                  "Regulation, e.g. “100 % Baumwolle” or “80 % Wolle, 20 % Polyamid”.")]
    errors, total = [], Decimal("0")
    for percentage, words in components:
        name = words.strip().lower()
        try:
            total += Decimal(percentage.replace(",", "."))
        except InvalidOperation:
            pass
        if name not in names:
            errors.append(_(
                "“%(name)s” is not a fibre name of the EU Textile Regulation (Annex I). Use the fibre name and add "
                "any description after it in brackets, e.g. “100 %% Wolle (Merino)” or “100 %% Baumwolle (Bio)”."
            ) % {"name": words.strip()})
    if total != 100:
        errors.append(_("The percentages add up to %(total)s %%, not 100 %%.") % {"total": f"{total.normalize():f}"})
    return errors
