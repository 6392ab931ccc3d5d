"""Learning paths: the modules each sector takes, required ones in order.

Plain data loaded by `seed_demo`; see FORMAT.md. Harmful practices is required where the
FGM mandatory reporting duty applies (health, education, social care); identifying the
primary perpetrator for police and specialist services; post-separation abuse for
housing, police, social care and specialist services.
"""

LEARNING_PATHS = {
    "health": {
        "intro": (
            "Patients often disclose abuse to health staff first, and victims of FGM "
            "may be more likely to present in a health setting. This path covers "
            "private enquiry, risk assessment and the FGM mandatory reporting duty."
        ),
        "required": [
            "recognising-vawg-and-responding-to-disclosure",
            "coercive-control-and-stalking",
            "risk-assessment-dash-and-marac",
            "harmful-practices",
        ],
        "recommended": [
            "post-separation-abuse",
            "identifying-the-primary-perpetrator",
        ],
    },
    "housing": {
        "intro": (
            "Abuse often surfaces through tenancies, repairs and homelessness, and "
            "moving home can be a time of heightened risk. This path covers "
            "recognising abuse, risk assessment and abuse that continues after "
            "separation."
        ),
        "required": [
            "recognising-vawg-and-responding-to-disclosure",
            "coercive-control-and-stalking",
            "risk-assessment-dash-and-marac",
            "post-separation-abuse",
        ],
        "recommended": [
            "identifying-the-primary-perpetrator",
            "harmful-practices",
        ],
    },
    "education": {
        "intro": (
            "Keeping Children Safe in Education expects staff to recognise domestic "
            "abuse and harmful practices and pass concerns to the designated "
            "safeguarding lead, and teachers have a personal duty to report known "
            "FGM."
        ),
        "required": [
            "recognising-vawg-and-responding-to-disclosure",
            "coercive-control-and-stalking",
            "harmful-practices",
        ],
        "recommended": [
            "risk-assessment-dash-and-marac",
            "post-separation-abuse",
        ],
    },
    "police": {
        "intro": (
            "Officers need to see the pattern of coercive control behind a single "
            "call-out, assess risk, and identify who is the primary perpetrator when "
            "both people make allegations."
        ),
        "required": [
            "recognising-vawg-and-responding-to-disclosure",
            "coercive-control-and-stalking",
            "risk-assessment-dash-and-marac",
            "post-separation-abuse",
            "identifying-the-primary-perpetrator",
        ],
        "recommended": ["harmful-practices"],
    },
    "social-care": {
        "intro": (
            "Social care staff work with children and adults living with abuse, "
            "often around separation and child arrangements, and regulated social "
            "care professionals have a personal duty to report known FGM."
        ),
        "required": [
            "recognising-vawg-and-responding-to-disclosure",
            "coercive-control-and-stalking",
            "risk-assessment-dash-and-marac",
            "post-separation-abuse",
            "harmful-practices",
        ],
        "recommended": ["identifying-the-primary-perpetrator"],
    },
    "employers": {
        "intro": (
            "Employees may disclose abuse at work, and abuse, including stalking, "
            "can follow people there. This path helps managers and colleagues "
            "recognise, respond, refer and record."
        ),
        "required": [
            "recognising-vawg-and-responding-to-disclosure",
            "coercive-control-and-stalking",
        ],
        "recommended": ["post-separation-abuse", "harmful-practices"],
    },
    "community": {
        "intro": (
            "Victims often tell friends, neighbours and faith or community leaders "
            "before they tell a professional. This path helps you respond safely and "
            "signpost to specialist support."
        ),
        "required": [
            "recognising-vawg-and-responding-to-disclosure",
            "coercive-control-and-stalking",
        ],
        "recommended": ["harmful-practices", "post-separation-abuse"],
    },
    "specialist": {
        "intro": (
            "Specialist VAWG workers support people at every level of risk and take "
            "part in MARAC, so this path covers the full training offer, including "
            "counter-allegations and harmful practices."
        ),
        "required": [
            "recognising-vawg-and-responding-to-disclosure",
            "coercive-control-and-stalking",
            "risk-assessment-dash-and-marac",
            "post-separation-abuse",
            "identifying-the-primary-perpetrator",
            "harmful-practices",
        ],
        "recommended": [],
    },
}
