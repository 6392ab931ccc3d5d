"""Training module: Recognising VAWG and responding to a disclosure (awareness).

The entry-level module, with no prerequisites. Plain data loaded by `seed_demo`; see
../FORMAT.md. Legal points rest on the DOMAIN.md tags in MODULE["sources"] and on the
Hertfordshire VAWG Strategy 2026-2029 (background: what VAWG is, the Domestic Abuse Act
2021 definition, male victims, LGB+ and trans survivors; Priority 3A objective 1).
"""

MODULE = {
    "slug": "recognising-vawg-and-responding-to-disclosure",
    "title": "Recognising VAWG and responding to a disclosure",
    "summary": (
        "The starting point for everyone: what violence against women and girls "
        "includes, the signs to notice, and how to respond safely when someone tells "
        "you about abuse."
    ),
    "learning_outcomes": [
        (
            "Describe the main forms of violence against women and girls (VAWG) and "
            "why it is treated as a gendered issue, while recognising that men, boys "
            "and LGBT+ people are also victims."
        ),
        (
            "Explain the Domestic Abuse Act 2021 definition of domestic abuse, "
            "including who is personally connected."
        ),
        "Recognise common signs that someone may be experiencing abuse.",
        (
            "Respond to a disclosure safely: listen, believe, do not judge and be "
            "honest about confidentiality."
        ),
        (
            "Check immediate safety, record the facts and refer on in line with your "
            "organisation's procedures."
        ),
    ],
    "topics": [
        "domestic-abuse",
        "coercive-control",
        "sexual-violence",
        "stalking-harassment",
    ],
    "sectors": [],
    "level": "awareness",
    "estimated_minutes": 45,
    "cpd_minutes": 45,
    "content_warning": (
        "This module discusses domestic abuse, coercive control, sexual violence and "
        "stalking, and includes short accounts of people disclosing abuse. There is "
        "no graphic detail. You can pause or step away at any time without giving a "
        "reason."
    ),
    "last_reviewed": "2026-12-01",
    "certificate_validity_months": 24,
    "prerequisites": [],
    "lessons": [
        {
            "slug": "what-vawg-is",
            "title": "What VAWG is and who it affects",
            "summary": (
                "The forms VAWG takes, why it is treated as a gendered issue, and "
                "the legal definition of domestic abuse."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Violence against women and girls (VAWG) is a range of "
                        "harmful behaviour, from street harassment and sexist "
                        "‘jokes’ to rape and killing. Not all of it is physical or "
                        "criminal, but the same roots run through it: inequality, "
                        "unequal power and harmful ideas about gender.</p><h2>Forms "
                        "of VAWG</h2><ul><li><strong>Domestic abuse</strong> by a "
                        "partner, ex-partner or family "
                        "member.</li><li><strong>Coercive control</strong>: a "
                        "pattern of behaviour that takes away someone's "
                        "freedom.</li><li><strong>Sexual violence</strong> by "
                        "strangers, acquaintances, partners or "
                        "relatives.</li><li><strong>Stalking and "
                        "harassment</strong>, in person and "
                        "online.</li><li><strong>Harmful practices</strong> such as "
                        "female genital mutilation (FGM), forced marriage and "
                        "so-called honour-based abuse.</li><li><strong>Exploitation "
                        "and trafficking</strong>, including sexual "
                        "exploitation.</li><li><strong>Technology-facilitated "
                        "abuse</strong>, such as tracking a phone or sharing "
                        "intimate images without consent. In law, an intimate image "
                        "of anyone under 18 is an indecent image of a child; "
                        "Childline and the Internet Watch Foundation's Report Remove "
                        "tool help young people get such images taken "
                        "down.</li></ul><h2>A gendered issue, with room for "
                        "everyone</h2><p>Women and girls are disproportionately "
                        "affected by domestic abuse, sexual violence and coercive "
                        "control. The Crime Survey for England and Wales estimated "
                        "that in the year ending March 2024, 2.3 million people aged "
                        "16 and over experienced domestic abuse: 1.6 million women "
                        "and 712,000 men. The most severe, repeated and fatal abuse "
                        "is heavily gendered, and women face particular barriers to "
                        "help, which is why Hertfordshire's strategy focuses on them. "
                        "That does not mean ignoring anyone else. "
                        "Men and boys are victims too, and may fear they will not be "
                        "believed. Lesbian, gay, bisexual and trans people may have "
                        "their identity used against them as a tool of control, and "
                        "may worry how services will react. Everyone who discloses "
                        "deserves the same careful response.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "The legal definition of domestic abuse",
                        "text": (
                            "<p>Under the Domestic Abuse Act 2021, behaviour is "
                            "domestic abuse when both people are <strong>aged 16 or "
                            "over</strong>, they are <strong>personally "
                            "connected</strong>, and the behaviour is abusive. "
                            "Abusive behaviour includes physical or sexual abuse, "
                            "violent or threatening behaviour, controlling or "
                            "coercive behaviour, economic abuse, and psychological "
                            "or emotional abuse. It can be one incident or a "
                            "pattern.</p><p>People are personally connected if they "
                            "are or have been married, civil partners, engaged or in "
                            "an intimate relationship, if they each have, or have had, "
                            "a parental relationship to the same child, or if they are "
                            "relatives. Ex-partners are included and <strong>they do "
                            "not have to live together</strong>. The Act also treats "
                            "children affected by domestic abuse as victims in their "
                            "own right.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Think about the people you meet in your role. Which "
                            "forms of VAWG might you come across, and who might find "
                            "it hardest to tell you?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse, and "
                            "for friends, family and professionals supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": "For men experiencing domestic abuse.",
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "galop",
                        "text": (
                            "For lesbian, gay, bisexual, trans and queer (LGBT+) people "
                            "experiencing domestic abuse."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "rape-crisis",
                        "text": (
                            "For anyone aged 16 or over affected by rape or any other "
                            "sexual violence, recent or in the past. Open 24 hours."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "recognising-the-signs",
            "title": "Recognising the signs",
            "summary": (
                "What you might notice, and why people often do not name what is "
                "happening to them."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Most people do not say ‘I am being abused’. Many live "
                        "with abuse for years before anyone notices, and they are "
                        "more likely to confide in a friend, relative or someone in "
                        "their community than in a professional. No single sign "
                        "proves abuse, but signs should prompt you to make space for "
                        "a private conversation.</p><h2>Things you might "
                        "notice</h2><ul><li>A partner or relative who always comes "
                        "along, answers for the person or will not let them be seen "
                        "alone.</li><li>Injuries that are not explained, or "
                        "explanations that do not fit.</li><li>Anxiety, low mood, "
                        "exhaustion, or seeming watchful and on edge.</li><li>Little "
                        "or no access to money, a phone, transport or their own "
                        "documents.</li><li>Being cut off from friends, family, work "
                        "or faith community.</li><li>Missed appointments, frequent "
                        "absence, or repeated calls checking where they "
                        "are.</li><li>Changes in a child's behaviour, attendance or "
                        "wellbeing.</li></ul><h2>Why people may not name "
                        "it</h2><p>Fear of the abuser, shame, love, worries about "
                        "children, money, housing or immigration status, dependence "
                        "on the abuser for care, and past experiences of not being "
                        "believed can all keep someone silent. Some do not see what "
                        "is happening as abuse, especially when it is not physical. "
                        "Male victims may be held back by the myth that men cannot "
                        "be abused. None of this is the victim's fault, and it is "
                        "not your job to get anyone to admit anything.</p>"
                    ),
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["health"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Health settings.</strong> Only ever "
                                    "ask about abuse in private, never in front of a "
                                    "partner, relative or child, and use a "
                                    "professional interpreter rather than a family "
                                    "member. NICE sets out four levels of response "
                                    "to domestic abuse, and its quality standard "
                                    "(QS116) expects front-line staff to be trained "
                                    "to level 1 or level 2. Level 1 staff recognise "
                                    "signs and respond to disclosures; level 2 staff "
                                    "also ask about abuse directly. Levels 3 and 4 "
                                    "are for staff with specialist roles. "
                                    "Victims of FGM may be more likely to present in "
                                    "health settings.</p>"
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
                                    "<p><strong>Schools and colleges.</strong> Annex "
                                    "B of Keeping Children Safe in Education covers "
                                    "domestic abuse, so-called honour-based abuse, "
                                    "FGM and forced marriage. Pass any concern about "
                                    "a pupil, including worries about abuse at home, "
                                    "to your designated safeguarding lead straight "
                                    "away. Do not investigate yourself.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["housing"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Housing.</strong> Signs can surface "
                                    "in everyday tenancy work: repeated damage to "
                                    "doors or windows, noise reports, arrears "
                                    "because someone else controls the money, or a "
                                    "tenant who will not talk while a partner is "
                                    "present. Follow your organisation's domestic "
                                    "abuse policy; DAHA accreditation sets standards "
                                    "for housing providers across eight priority "
                                    "areas.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["employers"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Workplaces.</strong> Use the four "
                                    "Rs: <strong>Recognise</strong> the signs, "
                                    "<strong>Respond</strong> supportively, "
                                    "<strong>Refer</strong> to the right help and "
                                    "<strong>Record</strong> what was said and done. "
                                    "At work, signs can include changes in "
                                    "performance, frequent calls or visits from a "
                                    "partner, or reluctance to go home.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "A change you notice",
                        "scenario": (
                            "<p>Sam, a colleague you have worked with for two years, "
                            "has become quiet and jumpy. His partner phones the "
                            "office several times a day, and he now eats lunch at "
                            "his desk so he can take the calls. He jokes that he is "
                            "‘under the thumb’, but he looks exhausted and tenses "
                            "whenever his phone rings.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>You do not need proof to show concern. Find a "
                            "private moment and gently say what you have noticed: "
                            "‘You seem under pressure lately, and I've noticed the "
                            "calls. Is everything all right at home?’ Let him lead. "
                            "If he tells you more, respond as the next lesson sets "
                            "out. If not, tell him you are there and that help "
                            "exists for men, such as the Men's Advice Line. Do not "
                            "join in with ‘under the thumb’ jokes.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "What would make it easier for someone to talk to you in "
                            "your setting, and what might get in the way, such as "
                            "lack of privacy or time?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse, and "
                            "for friends, family and professionals supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": "For men experiencing domestic abuse.",
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "galop",
                        "text": (
                            "For lesbian, gay, bisexual, trans and queer (LGBT+) people "
                            "experiencing domestic abuse."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "responding-to-a-disclosure",
            "title": "Responding to a disclosure",
            "summary": (
                "A safe, simple way to respond when someone tells you about abuse, "
                "and what to do next."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>How you respond the first time someone tells you "
                        "matters: a dismissive reaction can silence someone for "
                        "years. You are not expected to be a specialist. Your role "
                        "is to recognise, respond safely, record and "
                        "refer.</p><h2>Six "
                        "steps</h2><ol><li><strong>Listen.</strong> Find somewhere "
                        "private, give them time and let them use their own words. "
                        "Do not push for details.</li><li><strong>Believe and do not "
                        "judge.</strong> Say that you believe them, that it is not "
                        "their fault and that they were right to tell you. Avoid "
                        "questions that sound like blame, such as ‘Why didn't you "
                        "leave?’</li><li><strong>Be honest about "
                        "confidentiality.</strong> Do not promise to keep everything "
                        "secret. Explain that you will keep it as private as you "
                        "can, but may need to share it, only with people who need to "
                        "know, if they or someone else is at risk of serious "
                        "harm.</li><li><strong>Check immediate safety.</strong> Ask "
                        "whether they are safe now and whether it is safe to go "
                        "home. If anyone is in immediate danger, call "
                        "999.</li><li><strong>Record the facts.</strong> As soon as "
                        "you can, write down what they said in their own words, what "
                        "you saw, the date and time, and what you did. Keep to "
                        "facts, not opinions, and store it "
                        "securely.</li><li><strong>Refer.</strong> Follow your "
                        "safeguarding procedure and tell your safeguarding lead. "
                        "Offer details of specialist support and, where safe and "
                        "they agree, help them make contact. If a child may be at "
                        "risk, always follow child safeguarding procedures.</li></ol>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Respect their pace",
                        "text": (
                            "<p>An adult may not be ready to leave, report to the "
                            "police or accept a referral, and leaving can be a time "
                            "of increased danger. Give information, respect their "
                            "choices and make sure they know how to get help later. "
                            "The exception is when you must act to protect a child "
                            "or someone in immediate danger.</p>"
                        ),
                    },
                ),
                (
                    "survivor_voice",
                    {
                        "quote": (
                            "She didn't ask why I stayed. She just said, ‘I believe "
                            "you, and this isn't your fault.’ A month later, when I "
                            "was ready, I went back to her."
                        ),
                        "attribution": "A survivor, composite account",
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["community"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Faith and community "
                                    "leaders.</strong> People often come to you "
                                    "first. Never confront the abuser: it can "
                                    "increase the danger. Do not offer couples "
                                    "counselling, do not press the person to "
                                    "forgive, and do not promise full "
                                    "confidentiality. Listen, believe, check safety "
                                    "and signpost to specialist support.</p>"
                                ),
                            ),
                        ],
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
                                    "<p><strong>Police.</strong> Record the victim's "
                                    "account in their own words and look for the "
                                    "wider pattern of controlling behaviour, not "
                                    "only the incident you attended.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "A disclosure at the end of an appointment",
                        "scenario": (
                            "<p>As a routine appointment ends, Jo, a woman in her "
                            "fifties, says quietly: ‘I'm not sure I should say this, "
                            "but my husband has been getting worse. Last night he "
                            "pushed me and I'm scared to go home. Please don't tell "
                            "anyone.’</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>Thank her and say you believe her. Be honest that "
                            "you cannot promise to tell no one, but will only share "
                            "what is needed, with people who need to know, and will "
                            "talk to her first where you can. Check her immediate "
                            "safety: is it safe to go home tonight, where is her "
                            "husband now, and who else is at home? If she is in "
                            "immediate danger, call 999. Offer the National Domestic "
                            "Abuse Helpline number if it is safe for her to have it. "
                            "Record her words and what you did, and tell your "
                            "safeguarding lead the same day so that risk can be "
                            "assessed.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "What words would you use to explain, honestly, what you "
                            "can and cannot keep confidential in your role?"
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
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women and for those supporting them. "
                            "Share a number only when it is safe for the person to have it."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": "For men experiencing domestic abuse.",
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "galop",
                        "text": (
                            "For lesbian, gay, bisexual, trans and queer (LGBT+) people "
                            "experiencing domestic abuse."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "rape-crisis",
                        "text": (
                            "For anyone aged 16 or over affected by rape or any other "
                            "sexual violence, recent or in the past. Open 24 hours."
                        ),
                    },
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "lesson": "what-vawg-is",
            "text": "Under the Domestic Abuse Act 2021, which of these must all be true for behaviour to be domestic abuse?",
            "choices": [
                {"text": "Both are aged 16 or over, they are personally connected, and the behaviour is abusive", "correct": True,
                 "feedback": "Correct. These are the three parts of the statutory definition."},
                {"text": "They are married or related to each other, and the behaviour has been reported to the police", "correct": False,
                 "feedback": "Personally connected covers far more than marriage and family, and whether abuse is reported has no bearing on whether it is domestic abuse."},
                {"text": "Both are aged 18 or over, they live or have lived together, and the behaviour is abusive", "correct": False,
                 "feedback": "The age is 16, and living together is not required."},
                {"text": "Both are aged 16 or over, the abuse is physical or sexual, and it has happened more than once", "correct": False,
                 "feedback": "Abuse does not have to be physical or sexual, and a single incident can be domestic abuse."},
            ],
            "explanation": "The Act requires both people to be 16 or over and personally connected, and the behaviour to be abusive. It can be a single incident or a pattern, and the people do not need to live together.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "what-vawg-is",
            "text": "Two ex-partners who never lived together can still be personally connected under the Domestic Abuse Act 2021.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Having been in an intimate relationship is enough; living together is not required."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Ex-partners are included and living together is not required."},
            ],
            "explanation": "Personally connected includes people who are or have been in an intimate relationship. Living together is not required.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "what-vawg-is",
            "text": "Which of these people are personally connected under the Domestic Abuse Act 2021?",
            "choices": [
                {"text": "Two people who used to be in an intimate relationship", "correct": True,
                 "feedback": "Correct. Former intimate partners are included."},
                {"text": "Two colleagues who share an office and see each other every working day", "correct": False,
                 "feedback": "Working together does not by itself make people personally connected."},
                {"text": "Two neighbours who have lived next door to each other for many years", "correct": False,
                 "feedback": "Living nearby does not make people personally connected."},
                {"text": "Two adult relatives, such as a woman and her adult son", "correct": True,
                 "feedback": "Correct. Relatives are personally connected."},
                {"text": "Two people who each have a parental relationship to the same child", "correct": True,
                 "feedback": "Correct. A shared parental relationship to a child counts."},
            ],
            "explanation": "Personally connected covers current and former spouses, civil partners, fiancés and intimate partners, people who share a parental relationship to a child, and relatives.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "responding-to-a-disclosure",
            "text": "Before telling you something, a person asks you to promise you will not tell anyone. What is the best response?",
            "choices": [
                {"text": "Promise to keep it secret, because they will only keep talking if they feel completely safe with you", "correct": False,
                 "feedback": "You may not be able to keep that promise, and breaking it could damage their trust and their safety."},
                {"text": "Say you will keep it as private as you can, but may need to share it if someone is at risk of serious harm", "correct": True,
                 "feedback": "Correct. Being honest now avoids breaking their trust later."},
                {"text": "Say that everything they tell you will have to be passed to the police and to children's services", "correct": False,
                 "feedback": "This is not accurate and may stop them talking. Information is shared only with people who need to know."},
                {"text": "Ask them to speak to your manager instead, because you are not trained to hear this kind of thing", "correct": False,
                 "feedback": "Turning them away may stop them talking at all. Listen, and be honest about what you may need to share."},
            ],
            "explanation": "Never promise confidentiality you cannot keep. Explain the limits honestly and share only on a need-to-know basis.",
            "category": "responding",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "responding-to-a-disclosure",
            "text": "Which of these are helpful when someone tells you about abuse?",
            "choices": [
                {"text": "Asking whether they are safe right now", "correct": True,
                 "feedback": "Correct. Checking immediate safety is an essential step."},
                {"text": "Telling them it is not their fault", "correct": True,
                 "feedback": "Correct. Many victims blame themselves."},
                {"text": "Telling them you believe them", "correct": True,
                 "feedback": "Correct. Being believed is one of the most important things for someone who discloses."},
                {"text": "Asking why they have not left", "correct": False,
                 "feedback": "This sounds like blame and ignores the real dangers and barriers to leaving."},
                {"text": "Telling them they must report it to the police today", "correct": False,
                 "feedback": "An adult's choices should be respected unless someone is in immediate danger or a child is at risk."},
            ],
            "explanation": "Listen, believe, do not judge, and check immediate safety. Avoid blaming questions and pressure.",
            "category": "responding",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "recognising-the-signs",
            "text": "You should wait until you have proof of abuse before showing concern or offering information about support.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "Incorrect. You do not need proof to show concern or share information about support."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. Signs are enough to make space for a private conversation."},
            ],
            "explanation": "Signs rarely amount to proof. Notice them, make space to talk privately and offer information about help.",
            "category": "recognising",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "what-vawg-is",
            "text": "Why does Hertfordshire's strategy focus on women and girls?",
            "choices": [
                {"text": "Men are very rarely victims of domestic abuse, so a separate approach for them is not needed", "correct": False,
                 "feedback": "Men and boys are victims too and may fear they will not be believed; they need support."},
                {"text": "Only physical and sexual violence counts under the strategy, and this mostly happens to women", "correct": False,
                 "feedback": "All forms of abuse count, including coercive control and economic abuse."},
                {"text": "Women and girls are disproportionately affected, but men, boys and others are victims too and need support", "correct": True,
                 "feedback": "Correct. The focus is based on evidence about who is most affected, without excluding anyone."},
                {"text": "Most abuse reported to the police is against women, so other victims are a matter for other services", "correct": False,
                 "feedback": "The strategy focuses on women and girls but expects everyone who discloses to get the same careful response."},
            ],
            "explanation": "VAWG is a gendered issue. Recognising that does not mean ignoring male or LGBT+ victims, who face their own barriers.",
            "category": "gender",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "recognising-the-signs",
            "text": "Which of these could be signs that someone is experiencing abuse?",
            "choices": [
                {"text": "A partner always attends appointments and answers for them", "correct": True,
                 "feedback": "Correct. This can be a sign of control."},
                {"text": "They have no access to their own money or phone", "correct": True,
                 "feedback": "Correct. This can indicate economic abuse or control."},
                {"text": "They receive repeated calls checking where they are", "correct": True,
                 "feedback": "Correct. Constant monitoring is a common sign of control."},
                {"text": "They regularly meet friends, keep their own bank account and plan their own time", "correct": False,
                 "feedback": "This is not a sign of abuse in itself."},
            ],
            "explanation": "Signs often relate to control: someone always present, no access to money or a phone, and constant checking.",
            "category": "recognising",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "responding-to-a-disclosure",
            "text": "What should your written record of a disclosure contain?",
            "choices": [
                {"text": "Only a brief note that something happened at home, to protect their privacy from other staff", "correct": False,
                 "feedback": "A vague note does not help anyone who needs to act later. Records are kept securely."},
                {"text": "A summary in your own professional words, your view of whether it is true, and the date", "correct": False,
                 "feedback": "Record their own words rather than a paraphrase, and facts rather than your opinion of whether they are telling the truth."},
                {"text": "The date and time and the advice you gave, but not what they said, which must stay confidential", "correct": False,
                 "feedback": "What they said, in their own words, is the most important part of the record."},
                {"text": "What the person said in their own words, what you saw, the date and time, and what you did", "correct": True,
                 "feedback": "Correct. A factual, dated record is the most useful."},
            ],
            "explanation": "Record facts, using the person's own words where you can, with dates, times and the actions you took. Store it securely.",
            "category": "recording",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "recognising-the-signs",
            "text": "A man tells you his partner controls his money and threatens him. What should you do?",
            "choices": [
                {"text": "Respond as you would to any disclosure and signpost to support such as the Men's Advice Line", "correct": True,
                 "feedback": "Correct. Male victims deserve the same careful response."},
                {"text": "Explain that VAWG services are only for women, so he should call the police if it happens again", "correct": False,
                 "feedback": "Men can be victims and deserve the same response. The Men's Advice Line is there for them."},
                {"text": "Suggest he stands up to his partner and tells her firmly that the threats have to stop", "correct": False,
                 "feedback": "Confronting an abuser can increase the danger. Listen, believe him and signpost to support."},
                {"text": "Reassure him that arguments about money are common and suggest a joint budgeting session", "correct": False,
                 "feedback": "Controlling money and making threats can be domestic abuse. Joint sessions are not safe where there is abuse."},
            ],
            "explanation": "Men can be victims of domestic abuse, including economic abuse and threats. Listen, believe, check safety, record and refer.",
            "category": "gender",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "responding-to-a-disclosure",
            "text": "As a faith leader, you are told by a woman in your community that her husband is abusive. Which response is safest?",
            "choices": [
                {"text": "Offer to meet her and her husband together to help them work through it", "correct": False,
                 "feedback": "Joint or couples sessions are not safe where there is abuse."},
                {"text": "Listen, believe her, check her safety and signpost to specialist support", "correct": True,
                 "feedback": "Correct. This is the safe response for faith and community leaders."},
                {"text": "Listen, pray with her and encourage her to forgive him for the family's sake", "correct": False,
                 "feedback": "Pressing forgiveness can keep her in danger. Listen, believe her and signpost to specialist support."},
                {"text": "Speak to her husband privately and ask him to change how he treats her", "correct": False,
                 "feedback": "Confronting the abuser can increase the danger to her."},
            ],
            "explanation": "Faith and community leaders should never confront the perpetrator, offer couples counselling, press forgiveness or promise full confidentiality.",
            "category": "responding",
            "sectors": ["community"],
        },
        {
            "type": "true_false",
            "lesson": "recognising-the-signs",
            "text": "In a school, a concern that a pupil may be living with domestic abuse should go to the designated safeguarding lead.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. The designated safeguarding lead decides what happens next."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Concerns go to the designated safeguarding lead, in line with Keeping Children Safe in Education."},
            ],
            "explanation": "Keeping Children Safe in Education covers domestic abuse. Pass concerns to the designated safeguarding lead and do not investigate yourself.",
            "category": "sector",
            "sectors": ["education"],
        },
        {
            "type": "true_false",
            "lesson": "what-vawg-is",
            "text": "The Domestic Abuse Act 2021 treats children affected by domestic abuse as victims in their own right.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Children who see, hear or experience the effects of domestic abuse are victims in their own right."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. The Act recognises children affected by domestic abuse as victims in their own right."},
            ],
            "explanation": "The Act treats children who see, hear or experience the effects of domestic abuse, and are related to either person, as victims in their own right.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "what-vawg-is",
            "text": "Under the Domestic Abuse Act 2021 there must be a pattern of incidents: a single incident cannot be domestic abuse.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "Incorrect. Domestic abuse can be a single incident or a pattern."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. A single incident can be domestic abuse."},
            ],
            "explanation": "The Act says abusive behaviour can be a single incident or a course of conduct.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "recognising-the-signs",
            "text": "At work, what do the ‘four Rs’ for responding to domestic abuse stand for?",
            "choices": [
                {"text": "Respond, Reassure, Report, Record", "correct": False,
                 "feedback": "Not quite: the four Rs start with recognising the signs and include referring to the right help."},
                {"text": "Recognise, Reassure, Refer, Review", "correct": False,
                 "feedback": "Not quite: you respond supportively and record what was said and done."},
                {"text": "Recognise, Respond, Refer, Record", "correct": True,
                 "feedback": "Correct. Recognise the signs, respond supportively, refer to the right help and record what was said and done."},
                {"text": "Recognise, Report, Refer, Review", "correct": False,
                 "feedback": "Not quite: you respond supportively to what you hear and record what was said and done."},
            ],
            "explanation": "Employers use the four Rs: Recognise the signs, Respond supportively, Refer to the right help and Record what was said and done.",
            "category": "responding",
            # Only the employers' version of the lesson teaches the four Rs.
            "sectors": ["employers"],
        },
        {
            "type": "single",
            "lesson": "what-vawg-is",
            "text": "A woman's partner controls all the household money and gives her a small allowance she must account for. Under the Domestic Abuse Act 2021, this:",
            "choices": [
                {"text": "Is covered only if they are married or civil partners and live together", "correct": False,
                 "feedback": "Intimate partners and ex-partners are personally connected whether or not they are married or live together."},
                {"text": "Is a private financial arrangement unless she is in debt because of it", "correct": False,
                 "feedback": "Controlling someone's money can be economic abuse whether or not there is debt."},
                {"text": "Counts as domestic abuse only if there is also physical or sexual violence", "correct": False,
                 "feedback": "Abuse does not have to be physical or sexual. Economic abuse is named in the Act."},
                {"text": "Can be economic abuse, one of the kinds of abusive behaviour the Act names", "correct": True,
                 "feedback": "Correct. Economic abuse is named in the Act's definition."},
            ],
            "explanation": "The Act's definition of abusive behaviour includes economic abuse: restricting someone's ability to get, use or keep money or property.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "recognising-the-signs",
            "text": "Why might someone live with abuse for a long time without telling a professional?",
            "choices": [
                {"text": "Fear of the abuser, or of not being believed again", "correct": True,
                 "feedback": "Correct. Fear and past experiences of not being believed keep people silent."},
                {"text": "Worries about children, money, housing or immigration", "correct": True,
                 "feedback": "Correct. Practical worries like these are common barriers."},
                {"text": "Abuse that goes on for years is usually too minor to mention", "correct": False,
                 "feedback": "Not so: length says nothing about seriousness, and none of the reasons for silence are the victim's fault."},
                {"text": "Not seeing it as abuse, especially if it is not physical", "correct": True,
                 "feedback": "Correct. Some people do not see non-physical abuse as abuse."},
                {"text": "Professionals may not ask about abuse until it is reported", "correct": False,
                 "feedback": "Not so: you can make space for a private conversation without any report or proof."},
            ],
            "explanation": "Fear, shame, love, worries about children, money, housing or immigration, dependence on the abuser and past experiences of not being believed can all keep someone silent. None of this is the victim's fault.",
            "category": "recognising",
            "sectors": [],
        },
        {
            "type": "scenario",
            "category": "responding",
            "case": "<p>Priya is 17. She tells you her boyfriend, who is 19, checks her phone every evening, tells her what to wear, and has said he will post private photos of her if she ends the relationship. They do not live together. She asks you not to tell her parents.</p>",
            "questions": [
                {
                    "type": "true_false",
                    "lesson": "what-vawg-is",
                    "text": "Because Priya and her boyfriend do not live together, this cannot be domestic abuse under the Domestic Abuse Act 2021.",
                    "choices": [
                        {"text": "True", "correct": False,
                         "feedback": "Incorrect. Both are 16 or over and in an intimate relationship; living together is not required."},
                        {"text": "False", "correct": True,
                         "feedback": "Correct. Both are 16 or over, they are personally connected, and living together is not required."},
                    ],
                    "explanation": "The definition applies to people aged 16 or over who are personally connected, whether or not they live together.",
                    "category": "law",
                    "sectors": [],
                },
                {
                    "type": "single",
                    "lesson": "recognising-the-signs",
                    "text": "Which best describes her boyfriend's behaviour?",
                    "choices": [
                        {"text": "A pattern of controlling behaviour, including threats, that can be domestic abuse", "correct": True,
                         "feedback": "Correct. Monitoring, rules and threats to share images form a pattern of control."},
                        {"text": "A private matter between the couple unless he becomes physically violent", "correct": False,
                         "feedback": "Abuse does not have to be physical. This is a pattern of control, with threats."},
                        {"text": "Jealousy that is common in young relationships and usually settles down with time", "correct": False,
                         "feedback": "Checking her phone, controlling her clothes and threats to share images are controlling behaviour, not normal jealousy."},
                        {"text": "A matter for her parents to deal with, since she is under 18 and lives at home", "correct": False,
                         "feedback": "Her age means you follow child safeguarding procedures; you do not leave it to her parents."},
                    ],
                    "explanation": "Checking her phone, controlling her clothes and threatening to share private images are controlling and threatening behaviour. Because Priya is 17, any intimate image of her is in law an indecent image of a child (Protection of Children Act 1978), so sharing it would be a crime. Childline and the Internet Watch Foundation's Report Remove tool can help her get images taken down.",
                    "category": "recognising",
                    "sectors": [],
                },
                {
                    "type": "single",
                    "lesson": "responding-to-a-disclosure",
                    "text": "What should you do next?",
                    "choices": [
                        {"text": "Phone her parents straight away, because at 17 they are responsible for keeping her safe", "correct": False,
                         "feedback": "Follow your child safeguarding procedure; the safeguarding lead decides who is told and when."},
                        {"text": "Listen, say honestly you cannot keep this secret as she may be at risk, and follow your child safeguarding procedure", "correct": True,
                         "feedback": "Correct. She is a child, so child safeguarding procedures apply."},
                        {"text": "Contact her boyfriend to tell him that his behaviour has been noticed and must stop", "correct": False,
                         "feedback": "Confronting him could increase the risk to her."},
                        {"text": "Reassure her, agree to keep it confidential as she is nearly 18, record her words and check in next week", "correct": False,
                         "feedback": "At 17 she is a child in safeguarding terms and may be at risk, so you cannot promise secrecy."},
                    ],
                    "explanation": "Anyone under 18 is a child. Respond supportively, be honest about confidentiality, record and follow child safeguarding procedures. Tell your safeguarding lead about the threat to share images: photos of anyone under 18 are indecent images of a child, and Childline's Report Remove can help Priya have them taken down.",
                    "category": "responding",
                    "sectors": [],
                },
            ],
        },
    ],
    "sources": [
        "M1",
        "M2",
        "M4",
        "T1",
        "T2",
        "T4",
        "T5",
        "T6",
        "H13",
        "C6",
        "C7",
        "S1",
        "S4",
        "S5",
        "S6",
        "S7",
    ],
}
