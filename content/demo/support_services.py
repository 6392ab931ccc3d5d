"""Support services shown on the support page and named by lesson signposts.

Plain data loaded by `seed_demo`; see FORMAT.md. Numbers come from DOMAIN.md (S1-S4 and
emergency 999) and must be re-checked before going live. A field is "" wherever
DOMAIN.md does not give the detail: nothing here is guessed, and there are no URLs.
"""

SUPPORT_SERVICES = [
    {
        "slug": "national-domestic-abuse-helpline",
        "name": "National Domestic Abuse Helpline",
        "phone": "0808 2000 247",
        "text_or_web_contact": "",
        "hours": "24 hours",
        "languages": "",
        "who_for": "People experiencing domestic abuse.",
        "description": (
            "A national telephone helpline for people experiencing domestic abuse, "
            "open 24 hours a day."
        ),
    },
    {
        "slug": "karma-nirvana",
        "name": "Karma Nirvana",
        "phone": "0800 5999 247",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": (
            "People affected by forced marriage or so-called honour-based abuse."
        ),
        "description": (
            "A specialist service supporting victims of forced marriage and "
            "so-called honour-based abuse."
        ),
    },
    {
        "slug": "nspcc-fgm-helpline",
        "name": "NSPCC FGM helpline",
        "phone": "0800 028 3550",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": "Anyone with a concern about female genital mutilation (FGM).",
        "description": (
            "The NSPCC's helpline for concerns about female genital mutilation. "
            "Calling it does not replace the mandatory reporting duty: regulated "
            "health and social care professionals and teachers who know of FGM in a "
            "girl under 18 must report it to the police on 101 themselves."
        ),
    },
    {
        "slug": "mens-advice-line",
        "name": "Men's Advice Line",
        "phone": "0808 801 0327",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": "Men experiencing domestic abuse.",
        "description": "A helpline for male victims of domestic abuse.",
    },
    {
        "slug": "emergency-999",
        "name": "Emergency services",
        "phone": "999",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": "Anyone in immediate danger.",
        "description": (
            "Call 999 if someone is in immediate danger. If you cannot speak, stay "
            "on the line and follow the operator's instructions."
        ),
    },
]
