"""Training module: Coercive control and stalking (awareness).

Plain data loaded by `seed_demo`; see ../FORMAT.md. Legal points rest on the DOMAIN.md
tags in MODULE["sources"] and on the Hertfordshire VAWG Strategy 2026-2029 (background:
the Domestic Abuse Act 2021 definition and the description of stalking;
intersectionality; the alignment table on stalking protection orders). Stalking is
described in general terms only: no statute sections beyond those sourced.
"""

MODULE = {
    "slug": "coercive-control-and-stalking",
    "title": "Coercive control and stalking",
    "summary": (
        "How coercive control, stalking and technology-facilitated abuse work, how "
        "the law on controlling or coercive behaviour now covers abuse after "
        "separation, and how to respond safely."
    ),
    "learning_outcomes": [
        (
            "Recognise controlling or coercive behaviour as a pattern that removes a "
            "person's freedom, not a series of separate incidents."
        ),
        (
            "Explain that the controlling or coercive behaviour offence (section 76 "
            "of the Serious Crime Act 2015) has covered behaviour after separation "
            "since 5 April 2023."
        ),
        (
            "Describe stalking as fixated, obsessive, unwanted and repeated "
            "behaviour, and take it seriously."
        ),
        "Recognise common forms of technology-facilitated abuse.",
        (
            "Respond safely: record the pattern, avoid steps that could alert the "
            "abuser, and refer to specialist support."
        ),
    ],
    "topics": [
        "coercive-control",
        "stalking-harassment",
        "tech-facilitated-abuse",
    ],
    "sectors": [],
    "level": "awareness",
    "estimated_minutes": 45,
    "cpd_minutes": 45,
    "content_warning": (
        "This module discusses coercive control, stalking and technology-facilitated "
        "abuse, including threats to share intimate images, with short case studies "
        "and a survivor's account. There is no graphic detail. You can pause or step "
        "away at any time without giving a reason."
    ),
    "last_reviewed": "2026-12-01",
    "certificate_validity_months": 24,
    "prerequisites": [],
    "lessons": [
        {
            "slug": "what-coercive-control-looks-like",
            "title": "What coercive control looks like",
            "summary": (
                "Coercive control is a pattern of behaviour that traps someone by "
                "making them afraid, isolated and dependent."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Coercive control is a pattern of behaviour that takes "
                        "away a person's freedom and sense of self. Each act on its "
                        "own may look small, or even caring, but together they leave "
                        "the person afraid, isolated and dependent. It can happen "
                        "with or without physical violence. The Domestic Abuse Act "
                        "2021 names controlling or coercive behaviour as one form of "
                        "domestic abuse.</p><h2>Common "
                        "patterns</h2><ul><li><strong>Isolation:</strong> cutting "
                        "someone off from friends, family, work or faith "
                        "community.</li><li><strong>Monitoring:</strong> checking "
                        "their phone, messages, location or "
                        "spending.</li><li><strong>Rules for daily life:</strong> "
                        "what to wear or eat, who to see, when to be "
                        "home.</li><li><strong>Economic abuse:</strong> taking their "
                        "wages, building up debts in their name or withholding money "
                        "for essentials.</li><li><strong>Threats and "
                        "intimidation:</strong> towards them, the children or "
                        "pets.</li><li><strong>Degradation:</strong> constant "
                        "criticism, humiliation, or making them doubt their own "
                        "memory.</li><li><strong>Using identity or "
                        "dependency:</strong> threatening to ‘out’ an LGBT+ partner, "
                        "using immigration status as leverage, or controlling care "
                        "or mobility equipment.</li></ul><p>Women are "
                        "disproportionately subjected to coercive control, and it "
                        "grows from the same unequal power and harmful gender norms "
                        "that run through all VAWG. Men, and LGBT+ people including "
                        "those in same-sex relationships, can be subjected to it too, "
                        "and deserve the same response.</p>"
                    ),
                ),
                (
                    "survivor_voice",
                    {
                        "quote": (
                            "I didn't think it was abuse because he never hit me. He "
                            "just slowly decided everything: who I saw, what I "
                            "spent, what I wore. By the end I was asking permission "
                            "to go to the shop."
                        ),
                        "attribution": "A survivor, composite account",
                    },
                ),
                (
                    "key_point",
                    {
                        "heading": "Ask about the pattern, not just the incident",
                        "text": (
                            "<p>If you only look at the latest incident, coercive "
                            "control is easy to miss. Ask about everyday life: ‘Are "
                            "there things you feel you can't do?’ or ‘What happens "
                            "if you disagree?’ The answers reveal the pattern.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Why might someone living with coercive control not "
                            "describe it as abuse? How could you ask in a way that "
                            "opens the door?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing controlling behaviour "
                            "or other domestic abuse, and for anyone supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": (
                            "For men experiencing domestic abuse, including "
                            "controlling behaviour."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "galop",
                        "text": (
                            "For lesbian, gay, bisexual, trans and queer (LGBT+) people "
                            "experiencing domestic abuse, including threats to ‘out’ them."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "the-law-and-separation",
            "title": "Coercive control, the law and separation",
            "summary": (
                "The criminal offence of controlling or coercive behaviour, and why "
                "leaving does not always end the abuse."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Controlling or coercive behaviour is a criminal offence "
                        "under <strong>section 76 of the Serious Crime Act "
                        "2015</strong>. The offence was amended by <strong>section "
                        "68 of the Domestic Abuse Act 2021</strong>, so that since "
                        "<strong>5 April 2023</strong> it also covers behaviour "
                        "<strong>after a couple has separated</strong>. An "
                        "ex-partner's continuing control can now fall within "
                        "it.</p><p>You do not need to decide whether a crime has "
                        "been committed; that is for the police and the courts. Your "
                        "role is to notice the pattern, record what you are told and "
                        "refer. A clear, dated record can help the person later, "
                        "whichever route they choose.</p><h2>Abuse after "
                        "separation</h2><p>Leaving does not always end control, and "
                        "it can be a time of heightened danger. Abuse can carry on "
                        "through repeated messages, turning up uninvited, money, "
                        "court proceedings and child arrangements. When someone has "
                        "recently left, expect that risk may rise, and make sure the "
                        "DASH risk checklist is repeated by whoever is responsible "
                        "for it.</p>"
                    ),
                ),
                (
                    "case_scenario",
                    {
                        "title": "Control after separation",
                        "scenario": (
                            "<p>Nadia left her husband six months ago. He still has "
                            "her online banking details and moves money out of their "
                            "joint account. He insists that every handover of their "
                            "son goes through him alone, changes the times at short "
                            "notice, then sends her dozens of messages if she is "
                            "late. She says, ‘We're not together any more, so I "
                            "suppose it doesn't count.’</p>"
                        ),
                        "question": "What would you say and do?",
                        "reveal": (
                            "<p>Tell her it does count. She is describing a pattern "
                            "of control, and since April 2023 the offence of "
                            "controlling or coercive behaviour covers behaviour "
                            "after separation. Listen, check her immediate safety "
                            "and her son's, and record the pattern with dates. Refer "
                            "her to specialist domestic abuse support and follow "
                            "your safeguarding procedures; because she has recently "
                            "separated, her risk should be reassessed. Do not tell "
                            "her to change passwords straight away: a specialist can "
                            "help her plan changes safely so that they do not alert "
                            "him.</p>"
                        ),
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["police"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Police.</strong> Coercive control "
                                    "can sit behind a ‘minor’ call. Ask about the "
                                    "history, look for a course of conduct across "
                                    "earlier reports and after separation, and "
                                    "record the victim's account in their own "
                                    "words.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["education"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Schools and colleges.</strong> "
                                    "Children may describe control at home without "
                                    "naming it, such as a parent who is never "
                                    "allowed out or money that is always withheld. "
                                    "Pass these concerns to the designated "
                                    "safeguarding lead.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Where in your work might you see signs of control after "
                            "separation, such as around child handovers, money or "
                            "repeated contact?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse, "
                            "including abuse by an ex-partner, and for anyone supporting "
                            "them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": (
                            "For men experiencing domestic abuse, including "
                            "controlling behaviour."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "galop",
                        "text": (
                            "For lesbian, gay, bisexual, trans and queer (LGBT+) people "
                            "experiencing domestic abuse, including threats to ‘out’ them."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "stalking-and-technology-facilitated-abuse",
            "title": "Stalking and technology-facilitated abuse",
            "summary": (
                "Recognising fixated, repeated behaviour and the misuse of "
                "technology, and supporting someone safely."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Stalking is fixated, obsessive behaviour that is "
                        "unwanted, repeated and intrusive, and that leaves the "
                        "person afraid or distressed. It can include repeated calls "
                        "and messages, turning up at home or work, following, "
                        "sending unwanted gifts and damaging property. Stalkers may "
                        "be ex-partners, acquaintances or strangers; when an "
                        "ex-partner stalks, it is also post-separation "
                        "abuse.</p><p>Each act can seem harmless alone, such as "
                        "flowers or a message. It is the pattern, and the fear it "
                        "causes, that matters. Take people seriously when they say "
                        "they are frightened, and never suggest they are "
                        "overreacting.</p><h2>Technology-facilitated "
                        "abuse</h2><p>Technology can carry abuse into every part of "
                        "someone's life. Examples include:</p><ul><li>tracking "
                        "location through a phone, app, car or smart "
                        "device;</li><li>reading messages or taking control of email "
                        "and social media accounts;</li><li>sharing, or threatening "
                        "to share, intimate images without consent;</li><li>sending "
                        "unwanted sexual images, or abuse from fake "
                        "accounts;</li><li>using cameras or smart home devices to "
                        "watch or unsettle someone.</li></ul>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Safety before solutions",
                        "text": (
                            "<p>Suddenly deleting an app, blocking an account or "
                            "changing passwords can alert the abuser and raise the "
                            "risk. Do not give technical advice beyond your role: "
                            "help the person think about safety first and refer them "
                            "to specialist support. A website's quick-exit button "
                            "hides the page but does not erase browsing history.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    (
                        "<h2>What you can do</h2><ul><li>Believe them and "
                        "acknowledge their fear.</li><li>If it is safe, suggest they "
                        "keep a log of incidents with dates, times and any evidence, "
                        "such as screenshots.</li><li>Advise them not to reply to or "
                        "confront the person.</li><li>Record what you are told and "
                        "refer in line with your procedures. The National Stalking "
                        "Helpline advises anyone being stalked, whoever the stalker "
                        "is.</li><li>If intimate images have been shared or "
                        "threatened, the Revenge Porn Helpline supports adults. An "
                        "intimate image of anyone under 18 is an indecent image of a "
                        "child: follow child safeguarding procedures, and tell the "
                        "young person about Childline and the Internet Watch "
                        "Foundation's Report Remove tool.</li><li>Protective orders "
                        "are for the police and the courts to decide. They include "
                        "stalking protection orders and, where the stalker is a "
                        "partner, ex-partner or relative, Domestic Abuse Protection "
                        "Notices and Orders in the areas that have them so far (the "
                        "post-separation abuse module explains the roll-out). A "
                        "victim can also apply to the family court for a "
                        "non-molestation order.</li></ul>"
                    ),
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["employers"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Workplaces.</strong> Stalking can "
                                    "follow people to work. Recognise, respond, "
                                    "refer and record: agree with the employee what "
                                    "reception and colleagues should say if the "
                                    "person calls or visits, do not share their rota "
                                    "or location, and log every incident.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["education"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Schools and colleges.</strong> Young "
                                    "people may face image-based abuse and online "
                                    "harassment from peers or partners. Do not ask "
                                    "for, copy or forward images; pass concerns to "
                                    "the designated safeguarding lead straight "
                                    "away.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "Gifts that frighten",
                        "scenario": (
                            "<p>A volunteer at your community centre tells you that "
                            "a man she went on two dates with last year keeps "
                            "leaving flowers on her car and messages her from new "
                            "accounts whenever she blocks him. Recently he mentioned "
                            "where she had been at the weekend, though she had not "
                            "told him. She laughs it off, but has stopped going out "
                            "alone.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>Take it seriously. This is a fixated, repeated and "
                            "unwanted pattern, and his knowing where she had been "
                            "suggests he may be tracking her. Tell her you believe "
                            "her and that her fear makes sense. Check she is safe "
                            "now. Suggest she keeps a dated log of every incident, "
                            "does not reply to him, and talks to the police or a "
                            "specialist service before changing her devices. Record "
                            "what she told you and follow your procedures. If she is "
                            "ever in immediate danger, she should call 999.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "What does your organisation share about staff or "
                            "service users, such as rotas, photos or locations, that "
                            "could help someone to stalk them?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "emergency-999",
                        "text": (
                            "If anyone is in immediate danger. A caller on a mobile who "
                            "cannot speak can press 55 when asked (the Silent Solution)."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-stalking-helpline",
                        "text": (
                            "For anyone being stalked, by an ex-partner, an "
                            "acquaintance or a stranger, and for people supporting "
                            "them. Stalking can also be reported to the police on 101."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "revenge-porn-helpline",
                        "text": (
                            "For adults whose intimate images have been shared, or "
                            "threatened to be shared, without consent. Under-18s can "
                            "use Childline's Report Remove."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women stalked or abused online by a "
                            "partner or ex-partner, and for anyone supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": (
                            "For men stalked or abused online by a partner or "
                            "ex-partner."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "galop",
                        "text": (
                            "For lesbian, gay, bisexual, trans and queer (LGBT+) people "
                            "stalked or abused online by a partner, ex-partner or relative."
                        ),
                    },
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "lesson": "the-law-and-separation",
            "text": "Which law makes controlling or coercive behaviour a criminal offence?",
            "choices": [
                {"text": "Section 76 of the Serious Crime Act 2015", "correct": True,
                 "feedback": "Correct. This is the controlling or coercive behaviour offence."},
                {"text": "Section 3 of the Domestic Abuse Act 2021", "correct": False,
                 "feedback": "That section recognises children as victims of domestic abuse in their own right."},
                {"text": "Section 63Q of the Family Law Act 1996", "correct": False,
                 "feedback": "That section concerns statutory guidance on forced marriage."},
                {"text": "Section 5B of the Female Genital Mutilation Act 2003", "correct": False,
                 "feedback": "That section sets out the FGM mandatory reporting duty."},
            ],
            "explanation": "The offence is in section 76 of the Serious Crime Act 2015, as amended by section 68 of the Domestic Abuse Act 2021.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "the-law-and-separation",
            "text": "Since 5 April 2023, the controlling or coercive behaviour offence can cover behaviour after a couple has separated.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. The amendment made by the Domestic Abuse Act 2021 took effect on that date."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Since 5 April 2023 the offence covers behaviour after separation."},
            ],
            "explanation": "Section 68 of the Domestic Abuse Act 2021 amended the offence so that, from 5 April 2023, it covers behaviour after separation.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "the-law-and-separation",
            "text": "Which Act amended the controlling or coercive behaviour offence so that it covers behaviour after separation?",
            "choices": [
                {"text": "The Female Genital Mutilation Act 2003", "correct": False,
                 "feedback": "That Act deals with FGM."},
                {"text": "The Domestic Abuse Act 2021", "correct": True,
                 "feedback": "Correct. Section 68 of that Act made the change."},
                {"text": "The Family Law Act 1996", "correct": False,
                 "feedback": "That Act is not the one that made this change."},
                {"text": "No Act: the offence has never covered behaviour after separation", "correct": False,
                 "feedback": "The offence has covered behaviour after separation since 5 April 2023."},
            ],
            "explanation": "Section 68 of the Domestic Abuse Act 2021 amended section 76 of the Serious Crime Act 2015.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "what-coercive-control-looks-like",
            "text": "Which of these are examples of coercive control?",
            "choices": [
                {"text": "Taking a partner's wages and giving them an ‘allowance’", "correct": True,
                 "feedback": "Correct. This is economic abuse."},
                {"text": "Regularly checking a partner's phone and location", "correct": True,
                 "feedback": "Correct. Monitoring is a common pattern of control."},
                {"text": "A couple agreeing together to save money each month for a holiday", "correct": False,
                 "feedback": "A joint decision made freely is not control."},
                {"text": "Threatening to ‘out’ an LGBT+ partner", "correct": True,
                 "feedback": "Correct. Identity can be used as a tool of control."},
                {"text": "Setting rules about who a partner may see", "correct": True,
                 "feedback": "Correct. This isolates the person."},
            ],
            "explanation": "Coercive control is a pattern of monitoring, isolating, threatening and restricting someone.",
            "category": "recognising",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "what-coercive-control-looks-like",
            "text": "Coercive control only counts as domestic abuse if there is also physical violence.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "Incorrect. Controlling or coercive behaviour is domestic abuse on its own."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. It can happen with or without physical violence."},
            ],
            "explanation": "The Domestic Abuse Act 2021 lists controlling or coercive behaviour as a form of abusive behaviour in its own right.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "stalking-and-technology-facilitated-abuse",
            "text": "Which description best fits stalking?",
            "choices": [
                {"text": "Any unwanted contact after a break-up, even a single message asking to talk", "correct": False,
                 "feedback": "Stalking is a fixated, repeated pattern that causes fear or distress, not a single message."},
                {"text": "Following someone in person on more than one occasion, whoever is doing it", "correct": False,
                 "feedback": "Stalking is wider than following: calls, messages, gifts, turning up and damaging property can all be part of it."},
                {"text": "Fixated, obsessive, unwanted and repeated behaviour that causes fear or distress", "correct": True,
                 "feedback": "Correct. It is the pattern and its effect that matter."},
                {"text": "Repeated contact from an ex-partner that breaks a court order, such as a non-molestation order", "correct": False,
                 "feedback": "Stalking does not depend on a court order being broken, and stalkers may be acquaintances or strangers."},
            ],
            "explanation": "Stalking is fixated, obsessive behaviour that is unwanted and repeated and causes fear or distress.",
            "category": "stalking",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "stalking-and-technology-facilitated-abuse",
            "text": "A woman believes her ex-partner is tracking her phone. What is the safest first response?",
            "choices": [
                {"text": "Suggest she asks him calmly whether he is tracking her, so that she knows where she stands", "correct": False,
                 "feedback": "Confronting him could increase the risk to her."},
                {"text": "Advise her to buy a new phone and stop using the old one, so he can no longer follow her", "correct": False,
                 "feedback": "Sudden changes can alert the abuser and raise the risk. A specialist can help her plan changes safely."},
                {"text": "Help her find and delete any tracking apps on her phone straight away, then change her passwords", "correct": False,
                 "feedback": "Deleting apps or changing passwords suddenly can alert him and raise the risk."},
                {"text": "Take her concern seriously, think through her safety with her and refer her to specialist support", "correct": True,
                 "feedback": "Correct. Safety planning comes before technical fixes."},
            ],
            "explanation": "Believe her and plan for safety first; a specialist can help her make changes without alerting the abuser.",
            "category": "tech",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "stalking-and-technology-facilitated-abuse",
            "text": "A website's quick-exit button erases your browsing history.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "Incorrect. It hides the page quickly but does not erase history."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. Browsing history still needs to be dealt with separately, if it is safe to do so."},
            ],
            "explanation": "Quick exit moves away from the page at once; it does not erase browsing history.",
            "category": "tech",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "stalking-and-technology-facilitated-abuse",
            "text": "Which of these are good ways to support someone who is being stalked?",
            "choices": [
                {"text": "Suggest a dated log of incidents, if it is safe", "correct": True,
                 "feedback": "Correct. A log shows the pattern."},
                {"text": "Tell them gifts and messages are harmless", "correct": False,
                 "feedback": "It is the pattern and the fear that matter."},
                {"text": "Suggest they reply to explain they are not interested", "correct": False,
                 "feedback": "Replying can encourage further contact; advise against it."},
                {"text": "Record what they tell you and refer on", "correct": True,
                 "feedback": "Correct. Recognise, respond, record and refer."},
                {"text": "Believe them and acknowledge their fear", "correct": True,
                 "feedback": "Correct. Being taken seriously matters."},
            ],
            "explanation": "Believe them, encourage a log if safe, advise against replying, and record and refer.",
            "category": "stalking",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "the-law-and-separation",
            "text": "What is your role when someone describes coercive control to you?",
            "choices": [
                {"text": "Notice the pattern, respond safely, record and refer; whether it is a crime is for the police", "correct": True,
                 "feedback": "Correct. You are not expected to be a specialist or an investigator."},
                {"text": "Record what they say, but take no further action unless they want the police to prosecute", "correct": False,
                 "feedback": "Refer in line with your procedures; support does not depend on a prosecution."},
                {"text": "Hear both sides, including the partner's account, before recording anything about it", "correct": False,
                 "feedback": "Contacting the partner could put the person at risk."},
                {"text": "Work out whether the offence is made out, so that you can advise them whether to report it", "correct": False,
                 "feedback": "You do not need to decide whether a crime was committed; that is for the police and the courts."},
            ],
            "explanation": "Professionals recognise, respond safely, record and refer. Criminal decisions belong to the police and courts.",
            "category": "responding",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "stalking-and-technology-facilitated-abuse",
            "text": "An employee's ex-partner keeps phoning reception to ask which shifts she is working. What should the employer do?",
            "choices": [
                {"text": "Tell reception to give him her shift times politely, so that he has no reason to keep on calling", "correct": False,
                 "feedback": "Sharing her rota could help him to stalk her."},
                {"text": "Agree with her what reception says, keep her rota private, log each call and refer her to support", "correct": True,
                 "feedback": "Correct. Recognise, respond, refer and record."},
                {"text": "Tell her this is a personal matter she needs to sort out with him outside working hours", "correct": False,
                 "feedback": "Stalking can follow people to work; the employer has a part to play in keeping her safe."},
                {"text": "Move her onto night shifts so that he cannot find her, and tell her about it afterwards", "correct": False,
                 "feedback": "Decisions about her safety should be made with her, not without her."},
            ],
            "explanation": "Employers recognise, respond, refer and record, and agree workplace safety steps with the employee.",
            "category": "sector",
            "sectors": ["employers"],
        },
        {
            "type": "single",
            "lesson": "what-coercive-control-looks-like",
            "text": "Who can experience coercive control?",
            "choices": [
                {"text": "Only people who live with the abuser, since control depends on daily contact", "correct": False,
                 "feedback": "Control can continue after separation and does not need people to live together."},
                {"text": "Only people who are married or in a civil partnership", "correct": False,
                 "feedback": "Partners, ex-partners and family members can all use coercive control."},
                {"text": "Anyone, although women are disproportionately subjected to it", "correct": True,
                 "feedback": "Correct. It is gendered, but anyone can be a victim."},
                {"text": "Women in heterosexual relationships, as it grows from unequal power between men and women", "correct": False,
                 "feedback": "It grows from unequal power, but men and people in same-sex relationships can be subjected to it too."},
            ],
            "explanation": "Coercive control is gendered: women are disproportionately subjected to it. Men and LGBT+ people can also be victims and deserve the same response.",
            "category": "gender",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "stalking-and-technology-facilitated-abuse",
            "text": "A stalker can be an acquaintance or a stranger, not only an ex-partner.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Stalkers may be ex-partners, acquaintances or strangers."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Stalkers may be acquaintances or strangers as well as ex-partners."},
            ],
            "explanation": "Stalkers may be ex-partners, acquaintances or strangers. When an ex-partner stalks, it is also post-separation abuse.",
            "category": "stalking",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "the-law-and-separation",
            "text": "You do not need to decide whether the coercive control offence has been committed before you record and refer.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. That is for the police and the courts; your role is to notice, record and refer."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Deciding whether a crime was committed is for the police and the courts."},
            ],
            "explanation": "Your role is to notice the pattern, record what you are told and refer. Whether a crime was committed is for the police and the courts.",
            "category": "responding",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "the-law-and-separation",
            "text": "Since when has the controlling or coercive behaviour offence covered behaviour after a couple separates?",
            "choices": [
                {"text": "1 May 2022", "correct": False,
                 "feedback": "The change came into force on 5 April 2023."},
                {"text": "29 April 2021", "correct": False,
                 "feedback": "Not this date: the change to the offence made by the Domestic Abuse Act 2021 came into force on 5 April 2023."},
                {"text": "29 December 2015", "correct": False,
                 "feedback": "Not this date: until 5 April 2023 the offence did not cover behaviour after separation."},
                {"text": "5 April 2023", "correct": True,
                 "feedback": "Correct. The change made by section 68 of the Domestic Abuse Act 2021 came into force then."},
            ],
            "explanation": "Section 68 of the Domestic Abuse Act 2021 amended the offence so that, since 5 April 2023, it covers behaviour after separation.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "what-coercive-control-looks-like",
            "text": "Someone says, ‘It isn't abuse, he never hits me.’ Which question is most likely to show a pattern of coercive control?",
            "choices": [
                {"text": "‘Are there things you feel you can't do?’", "correct": True,
                 "feedback": "Correct. Asking about everyday life reveals the pattern."},
                {"text": "‘Why do you think he behaves like that?’", "correct": False,
                 "feedback": "This asks her to explain his behaviour rather than describe her life."},
                {"text": "‘Has he ever pushed, hit or hurt you?’", "correct": False,
                 "feedback": "This asks only about physical violence, which she has told you is not happening."},
                {"text": "‘How often do the two of you argue?’", "correct": False,
                 "feedback": "Coercive control is not arguing; ask about what she feels she can and cannot do."},
            ],
            "explanation": "If you only look at incidents, coercive control is easy to miss. Ask about everyday life, such as ‘Are there things you feel you can't do?’ or ‘What happens if you disagree?’",
            "category": "recognising",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "stalking-and-technology-facilitated-abuse",
            "text": "A woman being stalked by a former colleague asks what to do about his messages. What is the safest advice within your role?",
            "choices": [
                {"text": "Post about him publicly, so that other people know what he is like", "correct": False,
                 "feedback": "This could escalate the risk. Keep a log and refer to specialist support."},
                {"text": "Do not reply or confront him, and keep a dated log if it is safe", "correct": True,
                 "feedback": "Correct. Then record what you were told and refer in line with your procedures."},
                {"text": "Block him on every account at once, so that the messages stop", "correct": False,
                 "feedback": "Sudden blocking can alert him and raise the risk. Think about safety first and refer to specialist support."},
                {"text": "Reply once, firmly, to say you want no contact from him at all", "correct": False,
                 "feedback": "Advise them not to reply to or confront the person; any reply can feed the fixation."},
            ],
            "explanation": "Believe them, advise them not to reply to or confront the person, suggest a dated log of incidents if it is safe, and record and refer.",
            "category": "stalking",
            "sectors": [],
        },
        {
            "type": "scenario",
            "category": "tech",
            "case": "<p>Tom, 34, split up with his boyfriend last year. His ex still knows his email password, posts comments about him from new accounts, and has threatened to send private photos of Tom to his employer. Tom says, ‘I should have seen it coming.’</p>",
            "questions": [
                {
                    "type": "true_false",
                    "lesson": "the-law-and-separation",
                    "text": "Because Tom and his ex-boyfriend have separated, this cannot be domestic abuse.",
                    "choices": [
                        {"text": "True", "correct": False,
                         "feedback": "Incorrect. Ex-partners are personally connected, so this can be domestic abuse."},
                        {"text": "False", "correct": True,
                         "feedback": "Correct. Ex-partners are personally connected under the Domestic Abuse Act 2021."},
                    ],
                    "explanation": "Former intimate partners are personally connected; separation does not end that.",
                    "category": "law",
                    "sectors": [],
                },
                {
                    "type": "multiple",
                    "lesson": "stalking-and-technology-facilitated-abuse",
                    "text": "Which forms of abuse does Tom describe?",
                    "choices": [
                        {"text": "Repeated, unwanted contact that may amount to stalking or harassment", "correct": True,
                         "feedback": "Correct. The behaviour is repeated and unwanted."},
                        {"text": "Threats to share intimate images", "correct": True,
                         "feedback": "Correct. This is a serious form of abuse."},
                        {"text": "Honour-based abuse involving members of his wider family and community", "correct": False,
                         "feedback": "Nothing Tom describes involves his family or community."},
                        {"text": "Technology-facilitated abuse", "correct": True,
                         "feedback": "Correct. Using his email password and fake accounts is tech abuse."},
                    ],
                    "explanation": "Tom describes tech abuse, threats to share intimate images and repeated, unwanted contact.",
                    "category": "tech",
                    "sectors": [],
                },
                {
                    "type": "single",
                    "lesson": "what-coercive-control-looks-like",
                    "text": "How should you respond when Tom says, ‘I should have seen it coming’?",
                    "choices": [
                        {"text": "Move on to practical questions about his accounts so that he does not dwell on it", "correct": False,
                         "feedback": "Respond to what he said first: it is not his fault."},
                        {"text": "Reassure him that this rarely happens to men, so he could not have known", "correct": False,
                         "feedback": "Saying it is rare for men may make him feel he will not be believed."},
                        {"text": "Tell him clearly that the abuse is not his fault and that you believe him", "correct": True,
                         "feedback": "Correct. Responsibility lies with the abuser."},
                        {"text": "Agree that it is hard to spot, and suggest he is more careful about who he dates", "correct": False,
                         "feedback": "This puts responsibility on him. The abuse is his ex-partner's responsibility."},
                    ],
                    "explanation": "Never blame the victim. Reassure him that the abuse is not his fault, then check safety, record and refer: Galop's National LGBT+ Domestic Abuse Helpline and the Men's Advice Line both support men like Tom, and the Revenge Porn Helpline advises adults whose intimate images are threatened.",
                    "category": "responding",
                    "sectors": [],
                },
                {
                    "type": "multiple",
                    "lesson": "stalking-and-technology-facilitated-abuse",
                    "text": "Which services could you tell Tom about?",
                    "choices": [
                        {"text": "Childline's Report Remove, to take down his photos", "correct": False,
                         "feedback": "Not for Tom. Report Remove is for young people under 18; at 34, the Revenge Porn Helpline is the service for him."},
                        {"text": "The Men's Advice Line, for men experiencing domestic abuse", "correct": True,
                         "feedback": "Yes. It supports men, including men abused by a male partner or ex-partner."},
                        {"text": "The National Domestic Abuse Helpline, as the main line for everyone", "correct": False,
                         "feedback": "Not the best fit. That helpline is for women and the people supporting them; men are directed to the Men's Advice Line, and LGBT+ people to Galop."},
                        {"text": "Galop's National LGBT+ Domestic Abuse Helpline, for LGBT+ people", "correct": True,
                         "feedback": "Yes. Galop supports LGBT+ people experiencing domestic abuse, including from an ex-partner."},
                        {"text": "The Revenge Porn Helpline, for the threat to share his photos", "correct": True,
                         "feedback": "Yes. It advises adults whose intimate images have been shared or threatened."},
                    ],
                    "explanation": "Galop's National LGBT+ Domestic Abuse Helpline and the Men's Advice Line both support men like Tom; the Revenge Porn Helpline advises adults about intimate images. The National Domestic Abuse Helpline is for women and those supporting them, and Report Remove is for under-18s.",
                    "category": "signposting",
                    "sectors": [],
                },
            ],
        },
    ],
    "sources": [
        "M1",
        "M2",
        "M3",
        "M5",
        "R2",
        "C6",
        "T4",
        "T5",
        "T6",
        "H1",
        "H7",
        "U3",
        "U4",
        "U5",
        "S1",
        "S4",
        "S5",
        "S6",
        "S7",
        "L1",
    ],
}
