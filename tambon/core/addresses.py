from django.conf import settings


def client_ip(environ):
    """The visitor's address. Behind N trusted proxies, the N-th address from the right of
    X-Forwarded-For is the one the outermost proxy saw (TAMBON_TRUSTED_PROXY_HOPS)."""
    hops = getattr(settings, "TAMBON_TRUSTED_PROXY_HOPS", 0)
    if hops:
        forwarded = [a.strip() for a in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return environ.get("REMOTE_ADDR", "")
