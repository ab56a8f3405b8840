"""The dashboard: static files (``static/``) served by ``froissart.api`` at ``/``."""
