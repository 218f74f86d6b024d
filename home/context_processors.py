from django.utils import translation

from .services import locale_home_url


def site_home(request):
    """Oscar's templates link "Home" to `homepage_url`; on this site that is the home page in the visitor's language."""
    return {"homepage_url": locale_home_url(translation.get_language())}
