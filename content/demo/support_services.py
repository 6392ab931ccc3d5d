"""Support services shown on the support page and named by lesson signposts.

Plain data loaded by `seed_demo`; see FORMAT.md. Numbers and who each service is for come from
DOMAIN.md (S1-S6, H7, §6 "Signposting and updates") and must be re-checked before going live.
A field is "" wherever DOMAIN.md does not give the detail: nothing here is guessed, and there
are no URLs.

The order is the order on the support page. The three domestic abuse helplines come first and
together, because each serves different people: wherever the National Domestic Abuse Helpline
(for women) is signposted, the Men's Advice Line and Galop's LGBT+ helpline stand beside it.
"""

SUPPORT_SERVICES = [
    {
        "slug": "national-domestic-abuse-helpline",
        "name": "National Domestic Abuse Helpline",
        "phone": "0808 2000 247",
        "text_or_web_contact": "",
        "hours": "24 hours",
        "languages": "",
        "who_for": (
            "Women experiencing domestic abuse, and friends, family and professionals "
            "supporting them."
        ),
        "description": (
            "Run by Refuge: free, confidential support for women experiencing domestic "
            "abuse, and for the people supporting them, open 24 hours a day. Men can call "
            "the Men's Advice Line, and LGBT+ people Galop's National LGBT+ Domestic Abuse "
            "Helpline."
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
        "description": (
            "Run by Respect: a confidential helpline for men experiencing domestic "
            "abuse."
        ),
    },
    {
        "slug": "galop",
        "name": "National LGBT+ Domestic Abuse Helpline (Galop)",
        "phone": "0800 999 5428",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": (
            "Lesbian, gay, bisexual, trans and queer (LGBT+) people experiencing domestic "
            "abuse."
        ),
        "description": (
            "Run by Galop, an LGBT+ anti-abuse charity: confidential support for LGBT+ "
            "people experiencing domestic abuse."
        ),
    },
    {
        "slug": "rape-crisis",
        "name": "Rape Crisis 24/7 Support Line",
        "phone": "0808 500 2222",
        "text_or_web_contact": "",
        "hours": "24 hours",
        "languages": "",
        "who_for": (
            "Anyone aged 16 or over affected by rape, sexual abuse or any other sexual "
            "violence, whenever it happened."
        ),
        "description": (
            "Run by Rape Crisis England and Wales: confidential support, day or night, for "
            "anyone affected by sexual violence."
        ),
    },
    {
        "slug": "national-stalking-helpline",
        "name": "National Stalking Helpline",
        "phone": "0808 802 0300",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": (
            "Anyone being stalked, and people worried about someone who is."
        ),
        "description": (
            "Run by the Suzy Lamplugh Trust: advice on stalking, whoever the stalker is, "
            "including ex-partners, acquaintances and strangers."
        ),
    },
    {
        "slug": "revenge-porn-helpline",
        "name": "Revenge Porn Helpline",
        "phone": "0345 6000 459",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": (
            "Adults whose intimate images have been shared, or threatened to be shared, "
            "without their consent."
        ),
        "description": (
            "Advice for adults on intimate image abuse, including help to get images taken "
            "down. Calls cost the same as a call to a landline. Images of anyone under 18 "
            "are indecent images of a child: young people can use Childline and the "
            "Internet Watch Foundation's Report Remove to get them taken down."
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
        "slug": "forced-marriage-unit",
        "name": "Forced Marriage Unit",
        "phone": "020 7008 0151",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": (
            "Professionals worried about forced marriage, and people facing it, including "
            "British nationals overseas."
        ),
        "description": (
            "Run jointly by the Home Office and the Foreign, Commonwealth and Development "
            "Office: advice for professionals handling a case, and help for people facing "
            "forced marriage, including British nationals overseas. Calls cost the same as "
            "a call to a landline."
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
        "slug": "emergency-999",
        "name": "Emergency services",
        "phone": "999",
        "text_or_web_contact": "",
        "hours": "",
        "languages": "",
        "who_for": "Anyone in immediate danger.",
        "description": (
            "Call 999 if someone is in immediate danger. If you cannot speak, listen to "
            "the operator; on a mobile, press 55 when you are asked, and your call will be "
            "put through to the police (the Silent Solution)."
        ),
    },
]
