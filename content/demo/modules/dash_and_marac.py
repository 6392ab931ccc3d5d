"""Training module: Risk assessment with DASH and MARAC (practitioner).

Plain data loaded by `seed_demo`; see ../FORMAT.md. Legal and procedural points rest on
the DOMAIN.md tags in MODULE["sources"] and on the Hertfordshire VAWG Strategy 2026-2029
(Priority 3A objective 2, risk assessment; objective 3, MARAC).
"""

MODULE = {
    "slug": "risk-assessment-dash-and-marac",
    "title": "Risk assessment with DASH and MARAC",
    "summary": (
        "For practitioners who may complete a DASH risk checklist or refer to MARAC: "
        "preparing safely, using professional judgement, and knowing when a case "
        "meets the referral criteria."
    ),
    "learning_outcomes": [
        "Prepare safely before asking the DASH risk checklist questions.",
        (
            "Explain how the 24-question DASH risk checklist identifies visible high "
            "risk, and why professional judgement matters."
        ),
        (
            "Apply the four MARAC referral criteria: visible high risk, professional "
            "judgement, potential escalation and repeat."
        ),
        "Recognise when to repeat a risk assessment, including after a victim leaves.",
        (
            "Share information on a need-to-know basis in line with your "
            "organisation's procedures."
        ),
    ],
    "topics": [
        "domestic-abuse",
        "coercive-control",
        "post-separation-abuse",
    ],
    "sectors": [],
    "level": "practitioner",
    "estimated_minutes": 60,
    "cpd_minutes": 60,
    "content_warning": (
        "This module discusses domestic abuse, the risk of serious harm and domestic "
        "homicide, including figures on women killed after separation. There is no "
        "graphic detail. You can pause or step away at any time without giving a "
        "reason."
    ),
    "last_reviewed": "2026-12-01",
    "certificate_validity_months": 24,
    "prerequisites": ["recognising-vawg-and-responding-to-disclosure"],
    "lessons": [
        {
            "slug": "getting-ready-to-ask",
            "title": "The DASH risk checklist and getting ready to ask",
            "summary": (
                "What the DASH risk checklist is for, and the safety checks that "
                "come before any questions."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Once abuse has come to light, the next step is to "
                        "understand how much danger the person is in, so that the "
                        "right help arrives in time. Hertfordshire's strategy "
                        "commits partners to robust, consistent risk assessment, "
                        "with clear guidance on professional judgement and a "
                        "trauma-informed approach.</p><p>The <strong>DASH risk "
                        "checklist</strong> is a tool for assessing risk in domestic "
                        "abuse cases. It has <strong>24 questions</strong>. If the "
                        "person answers ‘yes’ to <strong>14 or more</strong>, the "
                        "case is <strong>visible high risk</strong>. Use the current "
                        "version your organisation provides and ask the questions as "
                        "they are written.</p><p>Police forces may use a different "
                        "tool. Many now use the College of Policing's <strong>Domestic "
                        "Abuse Risk Assessment (DARA)</strong> at the front line in "
                        "place of DASH. Partner agencies and MARAC still use the DASH "
                        "risk checklist, so if the police have assessed someone with "
                        "DARA, that is not a reason to skip your own "
                        "assessment.</p><h2>Before you ask any "
                        "questions</h2><ul><li><strong>Is it safe to talk "
                        "now?</strong> Check the person is alone, cannot be "
                        "overheard and has time. If not, agree another "
                        "time.</li><li><strong>Safe contact details.</strong> Agree "
                        "how and when you can contact them safely, and whether a "
                        "call, text or letter could put them at "
                        "risk.</li><li><strong>Where is the perpetrator?</strong> "
                        "Find out whether they are nearby or could arrive during the "
                        "conversation.</li><li><strong>Where are the "
                        "children?</strong> Know who is at home and whether any "
                        "child is at risk now.</li></ul><p>Explain why you are "
                        "asking, what you will do with the answers and who may see "
                        "them. A trauma-informed approach puts safety, trust, "
                        "choice, collaboration, empowerment and cultural "
                        "consideration first: let the person pause, skip a question "
                        "or stop.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "The checklist is a conversation, not a form",
                        "text": (
                            "<p>The person may be telling their story for the first "
                            "time. Go at their pace, acknowledge what they share and "
                            "thank them. Their answers, and how they feel about "
                            "their own safety, are the basis of everything that "
                            "follows.</p>"
                        ),
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["health"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Health.</strong> Only ask in "
                                    "private. NICE sets out four levels of response, "
                                    "and expects front-line staff to be trained to "
                                    "level 1 (responding) or level 2 (asking). If you "
                                    "are trained to respond rather than to ask, "
                                    "respond well, check immediate safety and pass "
                                    "the concern to a trained colleague or your "
                                    "safeguarding lead.</p>"
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
                                    "<p><strong>Police.</strong> If your force uses "
                                    "DARA at the front line, complete it as your "
                                    "force's guidance says. When you refer to MARAC or "
                                    "share with partner agencies, say which tool you "
                                    "used. MARAC and partner agencies still work with "
                                    "DASH, and the visible high risk criterion is a "
                                    "DASH score of 14 or more.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["employers", "community"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Employers and community "
                                    "settings.</strong> You are not expected to "
                                    "complete a DASH risk checklist. Recognise, "
                                    "respond, refer and record: make sure the person "
                                    "is safe now and connect them with specialist "
                                    "support or your safeguarding lead.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Where in your workplace could you hold a private, "
                            "uninterrupted conversation, and how would you make it "
                            "safe to contact the person afterwards?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse, and for "
                            "friends, family and professionals supporting them."
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
            "slug": "professional-judgement-and-reassessment",
            "title": "Professional judgement and when to reassess",
            "summary": (
                "Why the score is not the whole story, and why risk must be reviewed "
                "when circumstances change."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>The checklist supports your judgement; it does not "
                        "replace it. People often play down what is happening, may "
                        "not feel safe enough to answer fully, or may not see some "
                        "behaviour as abuse. A lower score does not mean low "
                        "risk.</p><h2>Professional judgement</h2><p>If you have "
                        "serious concerns about someone's safety, you can treat the "
                        "case as high risk even when fewer than 14 answers are "
                        "‘yes’. Base this on what you know: the person's own fear, "
                        "what you have seen, information from other agencies and "
                        "signs of escalation. Write down your reasons so that others "
                        "can act on them.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Judgement can raise risk, never lower it",
                        "text": (
                            "<p>Professional judgement can be used to "
                            "<strong>raise</strong> a case to high risk. It must "
                            "<strong>never</strong> be used to lower it. If 14 or "
                            "more answers are ‘yes’, the case is visible high risk, "
                            "however calm things seem.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    (
                        "<h2>When to repeat the checklist</h2><p>Risk changes. "
                        "Repeat the checklist when circumstances change and, in "
                        "particular, <strong>after the victim leaves</strong>. "
                        "Separation can be a time of heightened danger: the Femicide "
                        "Census found that 41% of women killed by a partner or "
                        "ex-partner had separated or taken steps to separate, and of "
                        "those, 30% were killed within one month and 70% within one "
                        "year.</p>"
                    ),
                ),
                (
                    "case_scenario",
                    {
                        "title": "A score that does not tell the whole story",
                        "scenario": (
                            "<p>You complete a DASH risk checklist with Leanne, who "
                            "answers ‘yes’ to 10 questions. Her ex-partner moved out "
                            "last week. Since then he has waited outside her "
                            "workplace most days and sent messages saying she will "
                            "‘regret this’. She is frightened but says she does not "
                            "want to make a fuss.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>Ten is below the visible high risk threshold, but "
                            "the score is not the end of the assessment. She has "
                            "just separated, his behaviour is escalating and "
                            "includes threats and turning up at her work, and she is "
                            "frightened. Use professional judgement to treat this as "
                            "high risk, record your reasons and refer to MARAC "
                            "through your local process. Explain to her what you are "
                            "doing and why, agree safe ways to contact her and "
                            "connect her with specialist support for safety "
                            "planning.</p>"
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
                                    "<p><strong>Police.</strong> A call-out can look "
                                    "minor on its own. Ask about the history and "
                                    "look for coercive control: a single incident "
                                    "may sit within a long course of conduct.</p>"
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
                                    "<p><strong>Housing.</strong> A move, emergency "
                                    "accommodation or a change of tenancy is a "
                                    "change in circumstances. Check that risk has "
                                    "been reassessed, and never share a new address "
                                    "with anyone who does not need it.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Think of a time you had a ‘gut feeling’ about someone's "
                            "safety. What was it based on, and how would you write "
                            "it down clearly enough for a colleague to act on?"
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
                            "Open 24 hours, for women experiencing domestic abuse, and for "
                            "friends, family and professionals supporting them."
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
            "slug": "referring-to-marac",
            "title": "Referring to MARAC and sharing information",
            "summary": (
                "What a MARAC is, the four referral criteria, and how to share "
                "information safely."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>A Multi-Agency Risk Assessment Conference (MARAC) is a "
                        "regular meeting where agencies, including police, health, "
                        "housing, social care, probation and domestic abuse "
                        "advocates, share information about people at the highest "
                        "risk of serious harm or homicide from domestic abuse and "
                        "agree a joint safety plan. MARACs have run in Hertfordshire "
                        "for nearly twenty years, in line with SafeLives national "
                        "guidance, and children's voices should be heard there as "
                        "victims in their own right.</p><h2>The four referral "
                        "criteria</h2><ol><li><strong>Visible high risk:</strong> 14 "
                        "or more ‘yes’ answers on the DASH risk "
                        "checklist.</li><li><strong>Professional judgement:</strong> "
                        "you have serious concerns, whatever the "
                        "score.</li><li><strong>Potential escalation:</strong> abuse "
                        "that is becoming more frequent or serious. A common guide "
                        "is three or more police call-outs within twelve months; "
                        "check your local threshold.</li><li><strong>Repeat:</strong> "
                        "a further incident within twelve months of the last MARAC "
                        "referral. The new incident does not have to be high risk on "
                        "its own.</li></ol><h2>Sharing information</h2><p>Share on a "
                        "<strong>need-to-know</strong> basis: only what is relevant "
                        "to safety, only with people who need it, and record what "
                        "you shared and why. Follow your organisation's "
                        "information-sharing procedure and ask your safeguarding "
                        "lead if unsure. Tell the person about the referral and what "
                        "it involves, unless doing so would increase the risk.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Watch for counter-allegations",
                        "text": (
                            "<p>Counter-allegations are common: each person names the "
                            "other as the abuser. Truly mutual abuse is rare, and a "
                            "victim may have used "
                            "violence to resist or defend themselves. Getting this "
                            "wrong can cost a victim support or even their children. "
                            "Record your concerns; the module on identifying the "
                            "primary perpetrator covers this in depth.</p>"
                        ),
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["education", "social-care"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Children's safeguarding.</strong> A "
                                    "MARAC referral runs alongside child "
                                    "safeguarding procedures; it never replaces "
                                    "them. In schools and colleges, pass concerns to "
                                    "the designated safeguarding lead.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["specialist"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<p><strong>Specialist services.</strong> Where "
                                    "there are counter-allegations, screening by an "
                                    "IDVA or a men's service helps establish who is "
                                    "at risk from whom. Assess risk to both people, "
                                    "make sure agencies do not take conflicting "
                                    "actions, and challenge any ‘both as bad as each "
                                    "other’ conclusion.</p>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "A repeat incident",
                        "scenario": (
                            "<p>Daniel was referred to MARAC eight months ago after "
                            "his partner assaulted him. Today he tells you his "
                            "partner has been sending abusive messages and turned up "
                            "at his flat last night. He says, ‘It's nothing like as "
                            "bad as last time.’</p>"
                        ),
                        "question": (
                            "Does this meet the MARAC criteria, and what would you do?"
                        ),
                        "reveal": (
                            "<p>Yes. Any further abuse within twelve months of the "
                            "last referral meets the repeat criterion, even if it "
                            "seems less serious. Thank him for telling you, check he "
                            "is safe now, record the details and make a repeat "
                            "referral through your local MARAC process. Men can find "
                            "it hard to be believed, so make sure he knows about the "
                            "Men's Advice Line and, if he is gay, bisexual or trans, "
                            "Galop's National LGBT+ Domestic Abuse Helpline.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Do you know how your organisation makes a MARAC "
                            "referral, and who your safeguarding lead is? If not, "
                            "how will you find out?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse, and for "
                            "friends, family and professionals supporting them."
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
    ],
    "questions": [
        {
            "type": "single",
            "lesson": "getting-ready-to-ask",
            "text": "How many questions are on the DASH risk checklist?",
            "choices": [
                {"text": "24", "correct": True,
                 "feedback": "Correct. The checklist has 24 questions."},
                {"text": "14", "correct": False,
                 "feedback": "14 is the number of ‘yes’ answers that indicates visible high risk, not the number of questions."},
                {"text": "12", "correct": False,
                 "feedback": "The checklist has 24 questions."},
                {"text": "30", "correct": False,
                 "feedback": "The checklist has 24 questions."},
            ],
            "explanation": "The DASH risk checklist has 24 questions.",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "getting-ready-to-ask",
            "text": "How many ‘yes’ answers on the DASH risk checklist mean a case is visible high risk?",
            "choices": [
                {"text": "10 or more", "correct": False,
                 "feedback": "The threshold is 14, though professional judgement can still raise a case with fewer."},
                {"text": "14 or more", "correct": True,
                 "feedback": "Correct. 14 or more ‘yes’ answers is visible high risk."},
                {"text": "20 or more", "correct": False,
                 "feedback": "The threshold is 14 or more."},
                {"text": "All 24", "correct": False,
                 "feedback": "The threshold is 14 or more."},
            ],
            "explanation": "14 or more ‘yes’ answers is visible high risk. Professional judgement can identify high risk below that number.",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "professional-judgement-and-reassessment",
            "text": "Professional judgement can be used to lower a case from high risk when the victim seems calm.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "Incorrect. Professional judgement is never used to downgrade risk."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. Judgement can raise risk but must never lower it."},
            ],
            "explanation": "Professional judgement can raise a case to high risk. It must never be used to lower it.",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "getting-ready-to-ask",
            "text": "Before you start asking the DASH questions, what should you check?",
            "choices": [
                {"text": "Safe contact details", "correct": True,
                 "feedback": "Correct. Agree how you can contact them without increasing risk."},
                {"text": "Whether it is safe to talk now", "correct": True,
                 "feedback": "Correct. Make sure they are alone and cannot be overheard."},
                {"text": "Where the perpetrator is", "correct": True,
                 "feedback": "Correct. Know whether they are nearby or could arrive."},
                {"text": "Where the children are", "correct": True,
                 "feedback": "Correct. Know who is at home and whether a child is at risk now."},
                {"text": "Whether the victim plans to leave the relationship", "correct": False,
                 "feedback": "This is not a condition for asking. Risk is assessed whatever they decide."},
            ],
            "explanation": "Before asking: is it safe to talk now, what are safe contact details, and where are the perpetrator and the children?",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "referring-to-marac",
            "text": "Which of these are MARAC referral criteria?",
            "choices": [
                {"text": "Professional judgement", "correct": True,
                 "feedback": "Correct. Serious concern, whatever the score."},
                {"text": "Repeat: a further incident within twelve months of the last referral", "correct": True,
                 "feedback": "Correct. Any further incident in that period counts."},
                {"text": "Visible high risk", "correct": True,
                 "feedback": "Correct. 14 or more ‘yes’ answers on the checklist."},
                {"text": "The victim has agreed to support a police investigation and a prosecution", "correct": False,
                 "feedback": "This is not a criterion. MARAC is about safety, not prosecution."},
                {"text": "Potential escalation", "correct": True,
                 "feedback": "Correct. For example, three or more police call-outs within twelve months."},
            ],
            "explanation": "The four criteria are visible high risk, professional judgement, potential escalation and repeat.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "referring-to-marac",
            "text": "A person was referred to MARAC ten months ago. They now report a further incident of abuse that seems less serious. Which statement is correct?",
            "choices": [
                {"text": "It meets the criteria only if a new DASH checklist gives a score of 14 or more this time", "correct": False,
                 "feedback": "The repeat criterion does not need a new high score: a further incident within twelve months counts."},
                {"text": "It counts as a repeat only if the new incident involved physical violence or a threat to kill", "correct": False,
                 "feedback": "Any further abuse counts, including non-physical abuse."},
                {"text": "It meets the repeat criterion: a further incident within twelve months of the last referral counts", "correct": True,
                 "feedback": "Correct. The new incident does not have to be high risk on its own."},
                {"text": "It cannot be referred yet, because a repeat referral is only possible once twelve months have passed", "correct": False,
                 "feedback": "It is the other way round: abuse within twelve months of the last referral meets the repeat criterion."},
            ],
            "explanation": "Repeat means a further incident within twelve months of the last MARAC referral.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "professional-judgement-and-reassessment",
            "text": "The DASH risk checklist should be repeated after a victim leaves the relationship.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Leaving can be a time of heightened danger, so risk must be reassessed."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Repeat the checklist after the victim leaves: separation can increase risk."},
            ],
            "explanation": "Risk changes after separation. Repeat the checklist after the victim leaves.",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "referring-to-marac",
            "text": "How should information about a MARAC case be shared?",
            "choices": [
                {"text": "Not at all without the written consent of both the victim and the alleged perpetrator", "correct": False,
                 "feedback": "You never need the perpetrator's agreement. Share what is relevant to safety, following your procedures."},
                {"text": "Freely within your own team, so that every colleague is aware of the risk in the case", "correct": False,
                 "feedback": "Colleagues who do not need to know should not be told."},
                {"text": "Everything you know, with every agency at the meeting, so that nothing important is missed", "correct": False,
                 "feedback": "Share only what is relevant to safety, on a need-to-know basis."},
                {"text": "Only what is relevant to safety, with people who need to know, following your procedures", "correct": True,
                 "feedback": "Correct. Information is shared on a need-to-know basis."},
            ],
            "explanation": "Share on a need-to-know basis and record what you shared and why.",
            "category": "information-sharing",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "referring-to-marac",
            "text": "What is a common guide for the potential escalation criterion?",
            "choices": [
                {"text": "Three or more police call-outs within twelve months", "correct": True,
                 "feedback": "Correct. Check your local MARAC's threshold."},
                {"text": "Three or more police call-outs within six months", "correct": False,
                 "feedback": "Not the usual guide. A common guide is three or more police call-outs within twelve months; check your local threshold."},
                {"text": "Five or more police call-outs within two years", "correct": False,
                 "feedback": "Not the usual guide. A common guide is three or more police call-outs within twelve months; check your local threshold."},
                {"text": "Two or more police call-outs within twelve months", "correct": False,
                 "feedback": "Not the usual guide. A common guide is three or more police call-outs within twelve months; check your local threshold."},
            ],
            "explanation": "Potential escalation is commonly taken as three or more police call-outs within twelve months. Local thresholds may vary.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "professional-judgement-and-reassessment",
            "text": "Someone answers ‘yes’ to 9 DASH questions, but you are seriously worried because their ex-partner has started following them. What should you do?",
            "choices": [
                {"text": "Go through the questions again with them, as people often under-report at the first attempt", "correct": False,
                 "feedback": "Asking again to push the score up is not the answer. Use professional judgement and record your reasons."},
                {"text": "Use professional judgement to treat it as high risk, record your reasons and refer to MARAC", "correct": True,
                 "feedback": "Correct. Professional judgement can identify high risk whatever the score."},
                {"text": "Record it as medium risk for now and repeat the checklist in a month to see if the score rises", "correct": False,
                 "feedback": "Waiting for the score to rise leaves the person at risk. Judgement can raise the risk level now."},
                {"text": "Treat it as not high risk, because the score is below 14, and give them the helpline number", "correct": False,
                 "feedback": "A score below 14 does not mean low risk. Serious concerns are enough to treat the case as high risk."},
            ],
            "explanation": "Professional judgement is a MARAC criterion in its own right. Record the reasons for your concern.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "referring-to-marac",
            "text": "How should children be considered at MARAC?",
            "choices": [
                {"text": "Not at all, because children's needs are dealt with only by children's services", "correct": False,
                 "feedback": "MARAC runs alongside child safeguarding procedures, and children's voices should be heard there."},
                {"text": "As witnesses to the adults' abuse, whose accounts may support the case", "correct": False,
                 "feedback": "Children are victims in their own right, not only witnesses."},
                {"text": "As victims in their own right, whose voices should be heard at the meeting", "correct": True,
                 "feedback": "Correct. Children affected by domestic abuse are victims in their own right."},
                {"text": "Only where a child has been physically hurt or directly threatened", "correct": False,
                 "feedback": "Children are affected by abuse whether or not they are physically hurt."},
            ],
            "explanation": "Hertfordshire's strategy commits to making sure children's voices are heard at MARAC, as victims in their own right.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "getting-ready-to-ask",
            "text": "If the police have already assessed someone with DARA, partner agencies no longer need to use the DASH risk checklist.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "Incorrect. Many forces use DARA at the front line, but partner agencies and MARAC still use the DASH risk checklist."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. DARA is a police tool; partner agencies and MARAC still use DASH."},
            ],
            "explanation": "Many police forces now use the College of Policing's Domestic Abuse Risk Assessment (DARA) at the front line in place of DASH. Partner agencies and MARAC still use the DASH risk checklist.",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "getting-ready-to-ask",
            "text": "An employer or community champion is expected to complete a DASH risk checklist whenever someone discloses abuse to them.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "Incorrect. Your role is to recognise, respond, refer and record, not to complete the checklist."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. Recognise, respond safely, refer and record."},
            ],
            "explanation": "Employers and community champions are not specialists. They make sure the person is safe now and connect them with support.",
            "category": "roles",
            "sectors": ["employers", "community"],
        },
        {
            "type": "true_false",
            "lesson": "professional-judgement-and-reassessment",
            "text": "You can treat a case as high risk on professional judgement even when fewer than 14 DASH answers are ‘yes’.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Serious concerns are enough, whatever the score. Record your reasons."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Professional judgement can raise a case to high risk whatever the score."},
            ],
            "explanation": "The checklist supports your judgement; it does not replace it. Judgement can raise the risk level, never lower it.",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "referring-to-marac",
            "text": "For a repeat MARAC referral, the new incident does not have to be high risk on its own.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. A further incident within twelve months of the last referral meets the repeat criterion."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. A further incident within twelve months of the last referral counts, however serious it seems."},
            ],
            "explanation": "The repeat criterion is a further incident within twelve months of the last MARAC referral, even if it seems less serious.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "referring-to-marac",
            "text": "What is a MARAC?",
            "choices": [
                {"text": "A police panel that reviews the evidence in a case and decides whether the perpetrator is charged", "correct": False,
                 "feedback": "Charging decisions are separate; a MARAC agrees a joint safety plan."},
                {"text": "A court hearing where a judge decides whether to make a protective order against the perpetrator", "correct": False,
                 "feedback": "Protective orders are made by courts; a MARAC is a multi-agency meeting, not a court."},
                {"text": "A specialist helpline that high-risk victims can call for advice and help with safety planning", "correct": False,
                 "feedback": "A MARAC is a meeting of agencies, not a helpline."},
                {"text": "A regular meeting where agencies share information on the highest-risk cases and agree a safety plan", "correct": True,
                 "feedback": "Correct. Police, health, housing, social care, probation and advocates plan together to keep the person safe."},
            ],
            "explanation": "A Multi-Agency Risk Assessment Conference is a regular meeting where agencies share information about people at the highest risk of serious harm or homicide and agree a joint safety plan.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "getting-ready-to-ask",
            "text": "Before you ask the DASH questions, why do you check where the perpetrator is?",
            "choices": [
                {"text": "To know whether they are nearby or could arrive during the conversation", "correct": True,
                 "feedback": "Correct. The conversation must be safe for the person."},
                {"text": "Because the checklist cannot be completed without the perpetrator's address", "correct": False,
                 "feedback": "The check is about safety now, not about completing the form."},
                {"text": "So that the police can be asked to arrest them before the questions start", "correct": False,
                 "feedback": "The check is to make sure it is safe to talk now."},
                {"text": "So that you can contact them and hear their side before you score it", "correct": False,
                 "feedback": "Never contact the perpetrator about the assessment: it could put the person in danger."},
            ],
            "explanation": "Before asking, check it is safe to talk, agree safe contact details, and find out where the perpetrator and the children are.",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "getting-ready-to-ask",
            "text": "Completing the DASH risk checklist in a trauma-informed way means the person:",
            "choices": [
                {"text": "Fills the checklist in alone, so that they feel less pressure", "correct": False,
                 "feedback": "The checklist is a conversation, not a form to hand over."},
                {"text": "Can pause, skip a question or stop, and goes at their own pace", "correct": True,
                 "feedback": "Correct. Safety, trust, choice and control come first."},
                {"text": "Answers every question in one sitting, so that the score is valid", "correct": False,
                 "feedback": "Let the person pause, skip a question or stop; you can come back to it."},
                {"text": "Hears the questions reworded to be gentler than the written ones", "correct": False,
                 "feedback": "Ask the questions as they are written, in the current version your organisation provides."},
            ],
            "explanation": "A trauma-informed approach puts safety, trust, choice, collaboration, empowerment and cultural consideration first: the person can pause, skip a question or stop.",
            "category": "dash",
            "sectors": [],
        },
        {
            "type": "scenario",
            "category": "dash",
            "case": "<p>Kerry phones your service. Her partner is at work until six and her two children are at school. She answers ‘yes’ to 15 DASH questions and asks you only to call her on her work phone.</p>",
            "questions": [
                {
                    "type": "single",
                    "lesson": "getting-ready-to-ask",
                    "text": "What is Kerry's risk level, based on the checklist?",
                    "choices": [
                        {"text": "Medium risk", "correct": False,
                         "feedback": "15 ‘yes’ answers is visible high risk."},
                        {"text": "Standard risk", "correct": False,
                         "feedback": "15 ‘yes’ answers is visible high risk."},
                        {"text": "Visible high risk", "correct": True,
                         "feedback": "Correct. 15 is above the threshold of 14."},
                        {"text": "It cannot be known without the police", "correct": False,
                         "feedback": "The checklist itself shows visible high risk."},
                    ],
                    "explanation": "14 or more ‘yes’ answers is visible high risk.",
                    "category": "dash",
                    "sectors": [],
                },
                {
                    "type": "true_false",
                    "lesson": "professional-judgement-and-reassessment",
                    "text": "Because Kerry seems calm and organised, you may use professional judgement to treat her case as medium risk.",
                    "choices": [
                        {"text": "True", "correct": False,
                         "feedback": "Incorrect. Professional judgement must never lower risk."},
                        {"text": "False", "correct": True,
                         "feedback": "Correct. Judgement can only raise risk."},
                    ],
                    "explanation": "Professional judgement is never used to downgrade a case.",
                    "category": "dash",
                    "sectors": [],
                },
                {
                    "type": "multiple",
                    "lesson": "referring-to-marac",
                    "text": "Which next steps are appropriate?",
                    "choices": [
                        {"text": "Tell her about the referral and what it involves, unless that would increase the risk", "correct": True,
                         "feedback": "Correct. Keep her informed where it is safe."},
                        {"text": "Record her answers and contact her only on her work phone", "correct": True,
                         "feedback": "Correct. Use the safe contact details she gave."},
                        {"text": "Refer her to MARAC in line with local procedures", "correct": True,
                         "feedback": "Correct. She meets the visible high risk criterion."},
                        {"text": "Ask her neighbours to keep an eye on her and call you if they are worried", "correct": False,
                         "feedback": "This shares information with people who do not need to know and could increase risk."},
                        {"text": "Call her home number this evening to check how she is and follow up", "correct": False,
                         "feedback": "Her partner may be home then, and she asked for her work phone only."},
                    ],
                    "explanation": "Use safe contact details, refer to MARAC and keep her informed where safe.",
                    "category": "marac",
                    "sectors": [],
                },
            ],
        },
    ],
    "sources": [
        "R1",
        "R2",
        "R3",
        "R4",
        "R5",
        "R6",
        "R7",
        "M4",
        "C6",
        "C7",
        "P1",
        "P2",
        "P3",
        "T1",
        "T4",
        "U1",
        "S1",
        "S4",
        "S5",
        "R8",
    ],
}
