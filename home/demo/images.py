"""Generated demo pictures (Pillow): no photos of real people or places are shipped."""

import hashlib
import unicodedata
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

PALETTE = ["#1d1d1b", "#f2c230", "#0b5d3b", "#e4572e", "#f6f3ec", "#3a6ea5", "#8c5e3c"]


def _colours(seed):
    digest = hashlib.sha256(seed.encode()).digest()
    return [PALETTE[b % len(PALETTE)] for b in digest[:4]], digest


def _ascii(text):
    # Pillow's built-in font has no umlauts or typographic quotes; a label needs neither.
    text = text.replace("ß", "ss").replace("„", "").replace("“", "")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def render_pattern(seed, size=(1600, 1000), label=""):
    """A deterministic geometric pattern for `seed`, optionally with a label, as JPEG bytes."""
    (bg, a, b, c), digest = _colours(seed)
    if a == bg:
        a = PALETTE[(PALETTE.index(bg) + 1) % len(PALETTE)]
    width, height = size
    image = Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(image)
    step = max(width, height) // 8
    for i, byte in enumerate(digest[4:28]):
        x = (byte * 37 + i * step) % width
        y = (byte * 53 + i * step // 2) % height
        r = step // 2 + byte % step
        colour = (a, b, c)[i % 3]
        if i % 3 == 0:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        elif i % 3 == 1:
            draw.rectangle((x, y, x + r, y + r // 3), fill=colour)
        else:
            draw.polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], fill=colour)
    if label:
        label = _ascii(label)
        font = ImageFont.load_default(size=max(24, height // 12))
        box = draw.textbbox((0, 0), label, font=font)
        pad = height // 40
        tw, th = box[2] - box[0], box[3] - box[1]
        x0, y0 = (width - tw) // 2, (height - th) // 2
        draw.rectangle((x0 - pad, y0 - pad, x0 + tw + pad, y0 + th + pad * 2), fill="#ffffff")
        draw.text((x0, y0), label, fill="#1d1d1b", font=font)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def image_file(seed, filename, size=(1600, 1000), label=""):
    return ImageFile(BytesIO(render_pattern(seed, size, label)), name=filename)
