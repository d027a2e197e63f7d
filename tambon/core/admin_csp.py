"""The Wagtail admin under the strict Content Security Policy (script-src 'self').

Some of Wagtail's widgets still write a small inline script into the page: the date picker
(`initDateChooser(...)`), the inline panels (`new InlinePanel(...)`), the choosers. Under
script-src 'self' the browser refuses them, and the image chooser or a date filter does nothing.
Rather than allow every inline script in the admin ('unsafe-inline'), each admin page's policy
names the SHA-256 hashes of the inline scripts that page itself carries: those run, and nothing
else inline does (an injected event handler, a script added to the page afterwards).
"""

import base64
import hashlib
import re

ADMIN_PREFIX = "/admin/"
INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.S | re.I)


def script_hashes(html: bytes) -> list[str]:
    return sorted(
        {
            f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
            for body in INLINE_SCRIPT.findall(html)
        }
    )


class AdminInlineScriptsMiddleware:
    """Sits inside django-csp's middleware, which adds `response._csp_update` to the policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(ADMIN_PREFIX)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            hashes = script_hashes(response.content)
            if hashes:
                update = getattr(response, "_csp_update", None) or {}
                update["script-src"] = [*update.get("script-src", []), *hashes]
                response._csp_update = update
        return response
