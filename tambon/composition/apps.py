from django.apps import AppConfig


class CompositionConfig(AppConfig):
    """The top layer: the only app that may import every other app (the demo and load_demo).
    It has no models and no pages, so nothing a visitor or an editor sees names it."""

    name = "tambon.composition"
    label = "composition"
    verbose_name = "Site composition"
