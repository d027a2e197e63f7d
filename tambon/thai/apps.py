from django.apps import AppConfig


class ThaiConfig(AppConfig):
    name = "tambon.thai"
    label = "thai"
    verbose_name = "Thai language and calendar"
