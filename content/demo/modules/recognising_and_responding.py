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
    "last_reviewed": "2026-11-25",
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
                        "unequal power and harmful ideas about gender.</p><h3>Forms "
                        "of VAWG</h3><ul><li><strong>Domestic abuse</strong> by a "
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
                        "intimate images without consent.</li></ul><h3>A gendered "
                        "issue, with room for everyone</h3><p>Women and girls "
                        "experience domestic abuse, sexual violence and coercive "
                        "control at far higher rates than men and face particular "
                        "barriers to help, which is why Hertfordshire's strategy "
                        "focuses on them. That does not mean ignoring anyone else. "
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
                            "Open 24 hours, for anyone experiencing domestic abuse."
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
                        "a private conversation.</p><h3>Things you might "
                        "notice</h3><ul><li>A partner or relative who always comes "
                        "along, answers for the person or will not let them be seen "
                        "alone.</li><li>Injuries that are not explained, or "
                        "explanations that do not fit.</li><li>Anxiety, low mood, "
                        "exhaustion, or seeming watchful and on edge.</li><li>Little "
                        "or no access to money, a phone, transport or their own "
                        "documents.</li><li>Being cut off from friends, family, work "
                        "or faith community.</li><li>Missed appointments, frequent "
                        "absence, or repeated calls checking where they "
                        "are.</li><li>Changes in a child's behaviour, attendance or "
                        "wellbeing.</li></ul><h3>Why people may not name "
                        "it</h3><p>Fear of the abuser, shame, love, worries about "
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
                                    "member. Staff trained to level 1 recognise "
                                    "signs and respond to disclosures; staff trained "
                                    "to level 2 also ask about abuse directly. "
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
                        "service": "mens-advice-line",
                        "text": "For men experiencing domestic abuse.",
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for anyone experiencing domestic abuse."
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
                        "refer.</p><h3>Six "
                        "steps</h3><ol><li><strong>Listen.</strong> Find somewhere "
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
                            "If anyone is in immediate danger. If you cannot speak, "
                            "stay on the line and follow the operator's instructions."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours. Share the number when it is safe for the "
                            "person to have it."
                        ),
                    },
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "text": "Under the Domestic Abuse Act 2021, which of these must all be true for behaviour to be domestic abuse?",
            "choices": [
                {"text": "Both people are aged 16 or over, they are personally connected, and the behaviour is abusive", "correct": True,
                 "feedback": "Correct. These are the three parts of the statutory definition."},
                {"text": "The two people live together and the behaviour is physical", "correct": False,
                 "feedback": "Living together is not required, and abuse does not have to be physical."},
                {"text": "Both people are aged 18 or over and married", "correct": False,
                 "feedback": "The age is 16, and personally connected covers far more than marriage."},
                {"text": "The behaviour has been reported to the police", "correct": False,
                 "feedback": "Whether abuse is reported has no bearing on whether it is domestic abuse."},
            ],
            "explanation": "The Act requires both people to be 16 or over and personally connected, and the behaviour to be abusive. It can be a single incident or a pattern, and the people do not need to live together.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "true_false",
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
            "text": "Which of these people are personally connected under the Domestic Abuse Act 2021? Select all that apply.",
            "choices": [
                {"text": "Two people who used to be in an intimate relationship", "correct": True,
                 "feedback": "Correct. Former intimate partners are included."},
                {"text": "Two people who each have a parental relationship to the same child", "correct": True,
                 "feedback": "Correct. A shared parental relationship to a child counts."},
                {"text": "Two adult relatives, such as a woman and her adult son", "correct": True,
                 "feedback": "Correct. Relatives are personally connected."},
                {"text": "Two colleagues who share an office", "correct": False,
                 "feedback": "Working together does not by itself make people personally connected."},
                {"text": "Two neighbours who have never had a relationship", "correct": False,
                 "feedback": "Living nearby does not make people personally connected."},
            ],
            "explanation": "Personally connected covers current and former spouses, civil partners, fiancés and intimate partners, people who share a parental relationship to a child, and relatives.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "single",
            "text": "Before telling you something, a person asks you to promise you will not tell anyone. What is the best response?",
            "choices": [
                {"text": "Explain that you will keep it as private as you can, but may need to share it with people who need to know if someone is at risk of serious harm", "correct": True,
                 "feedback": "Correct. Being honest now avoids breaking their trust later."},
                {"text": "Promise, so that they feel safe enough to talk", "correct": False,
                 "feedback": "You may not be able to keep that promise, and breaking it could damage their trust and their safety."},
                {"text": "Refuse to listen until they agree you can tell your manager", "correct": False,
                 "feedback": "This may stop them talking at all. Listen, and be honest about what you may need to share."},
                {"text": "Tell them everything they say will be reported to the police", "correct": False,
                 "feedback": "That is not accurate, and it may frighten them into silence."},
            ],
            "explanation": "Never promise confidentiality you cannot keep. Explain the limits honestly and share only on a need-to-know basis.",
            "category": "responding",
            "sectors": [],
        },
        {
            "type": "multiple",
            "text": "Which of these are helpful when someone tells you about abuse? Select all that apply.",
            "choices": [
                {"text": "Telling them you believe them", "correct": True,
                 "feedback": "Correct. Being believed is one of the most important things for someone who discloses."},
                {"text": "Telling them it is not their fault", "correct": True,
                 "feedback": "Correct. Many victims blame themselves."},
                {"text": "Asking whether they are safe right now", "correct": True,
                 "feedback": "Correct. Checking immediate safety is an essential step."},
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
            "text": "Why does Hertfordshire's strategy focus on women and girls?",
            "choices": [
                {"text": "Women and girls are disproportionately affected and face particular barriers, while men, boys and others are also victims who need support", "correct": True,
                 "feedback": "Correct. The focus is based on evidence about who is most affected, without excluding anyone."},
                {"text": "Men cannot be victims of domestic abuse", "correct": False,
                 "feedback": "Men and boys can be victims and the strategy commits to supporting them."},
                {"text": "Only physical violence counts, and this mostly affects women", "correct": False,
                 "feedback": "VAWG includes non-physical abuse such as coercive control."},
                {"text": "Support for other groups is provided by a separate strategy", "correct": False,
                 "feedback": "The strategy itself commits to supporting men, boys and non-binary people."},
            ],
            "explanation": "VAWG is a gendered issue. Recognising that does not mean ignoring male or LGBT+ victims, who face their own barriers.",
            "category": "gender",
            "sectors": [],
        },
        {
            "type": "multiple",
            "text": "Which of these could be signs that someone is experiencing abuse? Select all that apply.",
            "choices": [
                {"text": "A partner always attends appointments and answers for them", "correct": True,
                 "feedback": "Correct. This can be a sign of control."},
                {"text": "They have no access to their own money or phone", "correct": True,
                 "feedback": "Correct. This can indicate economic abuse or control."},
                {"text": "They receive repeated calls checking where they are", "correct": True,
                 "feedback": "Correct. Constant monitoring is a common sign of control."},
                {"text": "They regularly meet friends and plan their own time", "correct": False,
                 "feedback": "This is not a sign of abuse in itself."},
            ],
            "explanation": "Signs often relate to control: someone always present, no access to money or a phone, and constant checking.",
            "category": "recognising",
            "sectors": [],
        },
        {
            "type": "single",
            "text": "What should your written record of a disclosure contain?",
            "choices": [
                {"text": "What the person said in their own words, what you saw, the date and time, and what you did", "correct": True,
                 "feedback": "Correct. A factual, dated record is the most useful."},
                {"text": "Your view on whether they are telling the truth", "correct": False,
                 "feedback": "Keep to facts. Your role is not to judge whether someone is believable."},
                {"text": "Only a brief note that ‘something happened at home’", "correct": False,
                 "feedback": "This is too vague to help anyone assess risk or support the person."},
                {"text": "Nothing, to protect their privacy", "correct": False,
                 "feedback": "A secure, factual record is needed to refer on and protect them."},
            ],
            "explanation": "Record facts, using the person's own words where you can, with dates, times and the actions you took. Store it securely.",
            "category": "recording",
            "sectors": [],
        },
        {
            "type": "single",
            "text": "A man tells you his partner controls his money and threatens him. What should you do?",
            "choices": [
                {"text": "Respond as you would to any disclosure and signpost to support such as the Men's Advice Line", "correct": True,
                 "feedback": "Correct. Male victims deserve the same careful response."},
                {"text": "Tell him men are rarely victims, so he may be misreading things", "correct": False,
                 "feedback": "This is the myth that stops many men seeking help."},
                {"text": "Suggest he stands up to his partner", "correct": False,
                 "feedback": "This could increase his risk and places responsibility on him."},
                {"text": "Take no action, as VAWG services are only for women", "correct": False,
                 "feedback": "Men can be victims and there is support for them."},
            ],
            "explanation": "Men can be victims of domestic abuse, including economic abuse and threats. Listen, believe, check safety, record and refer.",
            "category": "gender",
            "sectors": [],
        },
        {
            "type": "single",
            "text": "As a faith leader, you are told by a woman in your community that her husband is abusive. Which response is safest?",
            "choices": [
                {"text": "Listen, believe her, check her safety and signpost to specialist support", "correct": True,
                 "feedback": "Correct. This is the safe response for faith and community leaders."},
                {"text": "Invite the couple to a joint counselling session", "correct": False,
                 "feedback": "Couples counselling is not safe where there is abuse."},
                {"text": "Speak to her husband and ask him to change", "correct": False,
                 "feedback": "Never confront the abuser: it can increase the danger to her."},
                {"text": "Encourage her to forgive him for the sake of the family", "correct": False,
                 "feedback": "Do not press forgiveness. It can keep her in danger."},
            ],
            "explanation": "Faith and community leaders should never confront the perpetrator, offer couples counselling, press forgiveness or promise full confidentiality.",
            "category": "responding",
            "sectors": ["community"],
        },
        {
            "type": "true_false",
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
            "type": "scenario",
            "category": "responding",
            "case": "<p>Priya is 17. She tells you her boyfriend, who is 19, checks her phone every evening, tells her what to wear, and has said he will post private photos of her if she ends the relationship. They do not live together. She asks you not to tell her parents.</p>",
            "questions": [
                {
                    "type": "true_false",
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
                    "text": "Which best describes her boyfriend's behaviour?",
                    "choices": [
                        {"text": "A pattern of controlling behaviour, including threats, that can be domestic abuse", "correct": True,
                         "feedback": "Correct. Monitoring, rules and threats to share images form a pattern of control."},
                        {"text": "Normal jealousy in a young relationship", "correct": False,
                         "feedback": "Monitoring and threats are not normal jealousy; calling them that can stop her seeking help."},
                        {"text": "A private matter between the couple", "correct": False,
                         "feedback": "Abuse is never just a private matter."},
                        {"text": "Only a concern if he becomes physically violent", "correct": False,
                         "feedback": "Abuse does not have to be physical."},
                    ],
                    "explanation": "Checking her phone, controlling her clothes and threatening to share private images are controlling and threatening behaviour.",
                    "category": "recognising",
                    "sectors": [],
                },
                {
                    "type": "single",
                    "text": "What should you do next?",
                    "choices": [
                        {"text": "Listen and reassure her, explain honestly that you cannot promise secrecy because she is under 18 and may be at risk, record her words and follow your child safeguarding procedure", "correct": True,
                         "feedback": "Correct. She is a child, so child safeguarding procedures apply."},
                        {"text": "Promise not to tell anyone so that she keeps trusting you", "correct": False,
                         "feedback": "You cannot promise this: she is under 18 and may be at risk."},
                        {"text": "Contact her boyfriend to warn him off", "correct": False,
                         "feedback": "Never confront the abuser. It could increase the risk to her."},
                        {"text": "Phone her parents yourself straight away", "correct": False,
                         "feedback": "Who is told, and when, is decided through safeguarding procedures, not by you alone."},
                    ],
                    "explanation": "Anyone under 18 is a child. Respond supportively, be honest about confidentiality, record and follow child safeguarding procedures.",
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
    ],
}
