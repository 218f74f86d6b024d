"""PDF rendering with WeasyPrint that reads nothing but the site's own static and media files.

WeasyPrint fetches every URL a document names (stylesheets, images, ``<link rel=attachment>``), by default
over HTTP(S), FTP and from the whole file system. A value that reaches a PDF template could then make the
server request internal URLs or embed ``/etc/passwd`` in an invoice. Every PDF goes through ``render_pdf``.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings


def allowed_roots():
    """STATIC_ROOT, MEDIA_ROOT and every folder the staticfiles finders serve from."""
    from django.contrib.staticfiles import finders

    roots = [settings.STATIC_ROOT, settings.MEDIA_ROOT]
    for finder in finders.get_finders():
        roots.extend(storage.location for storage in getattr(finder, "storages", {}).values())
    return [Path(root).resolve() for root in roots if root]


def is_allowed_url(url):
    parts = urlsplit(url)
    if parts.scheme == "data":
        return True  # inline, nothing is fetched
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(url2pathname(unquote(parts.path))).resolve()
    return path.is_file() and any(path.is_relative_to(root) for root in allowed_roots())


def local_files_fetcher():
    from weasyprint.urls import URLFetcher

    class LocalFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not is_allowed_url(url):
                # WeasyPrint logs the refusal and renders the document without the resource.
                raise ValueError(f"PDF resources are limited to the site's static and media files: {url}")
            return super().fetch(url, headers)

    return LocalFilesFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def render_pdf(html):
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=local_files_fetcher()).write_pdf()
