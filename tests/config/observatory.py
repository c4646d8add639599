"""The HTTP Observatory's grade of a response, from its rules (MDN HTTP Observatory,
"Tests & Scoring"): only the rules that one response and its redirect can decide.

Every site starts at 100; each test adds its result's modifier; bonuses count only
when the score without them is at least 90. Left out: the CORS file checks
(crossdomain.xml, clientaccesspolicy.xml), HSTS preloading (whether the domain is on
the browsers' list: ``hsts-preloaded`` is never given here) and certificates.
"""

import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
    (0, "F"),
]
MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90
SIX_MONTHS = 15768000

MODIFIERS = {
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-header-invalid": -25,
    "csp-not-implemented": -25,
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    "cross-origin-resource-sharing-not-implemented": 0,
    "cross-origin-resource-sharing-implemented-with-public-access": 0,
    "cross-origin-resource-sharing-implemented-with-universal-access": -50,
    "redirection-to-https": 0,
    "redirection-off-host-from-http": -5,
    "redirection-not-to-https": -20,
    "redirection-missing": -20,
    "referrer-policy-private": 5,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "hsts-header-invalid": -20,
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
    "sri-not-implemented-but-no-scripts-loaded": 0,
    "sri-not-implemented-response-not-html": 0,
    "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-content-type-options-header-invalid": -5,
    "xfo-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 0,
    "x-frame-options-not-implemented": -20,
    "x-frame-options-header-invalid": -20,
}

BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCE_OR_HASH = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")


@dataclass
class Response:
    """What the scan saw: the final HTTPS response, the cookies set on the way, and the
    first answer to the same address over plain HTTP."""

    url: str
    headers: dict  # lower-case names
    body: str
    cookies: list = field(default_factory=list)  # Set-Cookie header values
    http_status: int = 0
    http_location: str = ""


def parse_csp(header):
    policy = {}
    for directive in header.split(";"):
        words = directive.split()
        if not words:
            continue
        name = words[0].lower()
        if name in policy:
            raise ValueError(f"duplicate directive {name}")
        policy[name] = {w if w.startswith("'nonce-") else w.lower() for w in words[1:]}
    return policy


def content_security_policy(response):
    header = response.headers.get("content-security-policy")
    if not header:
        return "csp-not-implemented", {}
    try:
        csp = parse_csp(header)
    except ValueError:
        return "csp-header-invalid", {}
    default = csp.get("default-src", {"*"})
    script = set(csp.get("script-src", default))
    style = set(csp.get("style-src", default))
    objects = csp.get("object-src", default)
    for sources in (script, style):
        if any(s.startswith(NONCE_OR_HASH) for s in sources):
            sources.discard("'unsafe-inline'")
    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline", csp
    active = [s for name, v in csp.items() if name not in ("img-src", "media-src") for s in v]
    if any(s.startswith(("http:", "ftp:")) for s in active):
        return "csp-implemented-with-insecure-scheme", csp
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval", csp
    if style & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", csp
    if csp.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", csp
    return "csp-implemented-with-no-unsafe", csp


def strict_transport_security(response):
    header = response.headers.get("strict-transport-security")
    if not header:
        return "hsts-not-implemented"
    match = re.search(r"max-age=\"?(\d+)\"?", header, re.IGNORECASE)
    if not match:
        return "hsts-header-invalid"
    if int(match.group(1)) >= SIX_MONTHS:
        return "hsts-implemented-max-age-at-least-six-months"
    return "hsts-implemented-max-age-less-than-six-months"


def cookies(response, hsts):
    if not response.cookies:
        return "cookies-not-found"
    results = []
    for header in response.cookies:
        jar = SimpleCookie()
        jar.load(header)
        for name, morsel in jar.items():
            session = "login" in name.lower() or "sess" in name.lower()
            secure = bool(morsel["secure"])
            if not secure:
                results.append(
                    "cookies-without-secure-flag-but-protected-by-hsts"
                    if hsts
                    else "cookies-without-secure-flag"
                )
            if "csrf" in name.lower() and not morsel["samesite"]:
                results.append("cookies-anticsrf-without-samesite-flag")
            if session and not secure:
                results.append(
                    "cookies-session-without-secure-flag-but-protected-by-hsts"
                    if hsts
                    else "cookies-session-without-secure-flag"
                )
            if session and not morsel["httponly"]:
                results.append("cookies-session-without-httponly-flag")
            if not morsel["samesite"]:
                results.append("cookies-secure-with-httponly-sessions")
    if not results:
        return "cookies-secure-with-httponly-sessions-and-samesite"
    return min(results, key=MODIFIERS.get)


def cross_origin_resource_sharing(response):
    origin = response.headers.get("access-control-allow-origin")
    if not origin:
        return "cross-origin-resource-sharing-not-implemented"
    if response.headers.get("access-control-allow-credentials", "").lower() == "true":
        return "cross-origin-resource-sharing-implemented-with-universal-access"
    return "cross-origin-resource-sharing-implemented-with-public-access"


def redirection(response):
    if response.http_status not in (301, 302, 303, 307, 308):
        return "redirection-missing"
    location = urlsplit(response.http_location)
    if location.scheme != "https":
        return "redirection-not-to-https"
    if location.hostname != urlsplit(response.url).hostname:
        return "redirection-off-host-from-http"
    return "redirection-to-https"


def referrer_policy(response):
    header = response.headers.get("referrer-policy")
    if not header:
        return "referrer-policy-not-implemented"
    policy = header.split(",")[-1].strip().lower()
    if policy in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}:
        return "referrer-policy-private"
    if policy in {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}:
        return "referrer-policy-unsafe"
    return "referrer-policy-header-invalid"


def subresource_integrity(response):
    if "html" not in response.headers.get("content-type", ""):
        return "sri-not-implemented-response-not-html"
    sources = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", response.body)
    if not re.search(r"<script\b", response.body):
        return "sri-not-implemented-but-no-scripts-loaded"
    page = urlsplit(response.url)
    for source in sources:
        url = urlsplit(source)
        if url.netloc and (url.scheme != "https" or url.netloc != page.netloc):
            return "sri-not-implemented-and-external-scripts-not-loaded-securely"
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"


def x_content_type_options(response):
    header = response.headers.get("x-content-type-options")
    if not header:
        return "x-content-type-options-not-implemented"
    if header.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff"
    return "x-content-type-options-header-invalid"


def x_frame_options(response, csp):
    if "frame-ancestors" in csp:
        return "xfo-implemented-via-csp"
    header = response.headers.get("x-frame-options", "").strip().lower()
    if not header:
        return "x-frame-options-not-implemented"
    if header in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny"
    return "x-frame-options-header-invalid"


def grade(response):
    """(letter grade, score, {test: result}) for one scanned response."""
    csp_result, csp = content_security_policy(response)
    hsts = strict_transport_security(response)
    results = {
        "content-security-policy": csp_result,
        "cookies": cookies(response, hsts.endswith("six-months")),
        "cross-origin-resource-sharing": cross_origin_resource_sharing(response),
        "redirection": redirection(response),
        "referrer-policy": referrer_policy(response),
        "strict-transport-security": hsts,
        "subresource-integrity": subresource_integrity(response),
        "x-content-type-options": x_content_type_options(response),
        "x-frame-options": x_frame_options(response, csp),
    }
    modifiers = [MODIFIERS[result] for result in results.values()]
    score = 100 + sum(m for m in modifiers if m < 0)
    if score >= MINIMUM_SCORE_FOR_EXTRA_CREDIT:
        score += sum(m for m in modifiers if m > 0)
    score = max(score, 0)
    letter = next(letter for floor, letter in GRADES if score >= floor)
    return letter, score, results
