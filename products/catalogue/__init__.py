default_app_config = 'products.catalogue.apps.CatalogueConfig'
