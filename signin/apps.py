from django.apps import AppConfig


class SigninConfig(AppConfig):
    name = "signin"
    verbose_name = "Sign-in protection"

    def ready(self):
        from . import signals  # noqa: F401
