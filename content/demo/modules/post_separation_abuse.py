"""Training module: Post-separation abuse (practitioner).

Plain data loaded by `seed_demo`; see ../FORMAT.md. Legal points and figures rest on the
DOMAIN.md tags in MODULE["sources"] and on the Hertfordshire VAWG Strategy 2026-2029
(Priority 3A objective 1, the dynamics of post-separation abuse). Survivor accounts are
composites written for training.
"""

MODULE = {
    "slug": "post-separation-abuse",
    "title": "Post-separation abuse",
    "summary": (
        "Abuse often continues, and risk can rise, when a relationship ends. Learn to "
        "recognise post-separation abuse, reassess risk and respond safely in your "
        "role."
    ),
    "learning_outcomes": [
        (
            "Explain why the Domestic Abuse Act 2021 covers ex-partners and "
            "co-parents, whether or not they ever lived together, and how the coercive "
            "control offence applies after separation."
        ),
        (
            "Recognise common post-separation tactics, including abuse through the "
            "courts, money, stalking, child arrangements and “alienation” claims."
        ),
        (
            "Explain why separation can be a time of increased risk, and when to "
            "repeat the DASH risk checklist and refer to MARAC."
        ),
        (
            "Keep children and the non-abusing parent at the centre, without placing "
            "responsibility for the abuse on the victim-survivor."
        ),
        (
            "Respond safely to a disclosure, record it and refer on, following the "
            "practice for your sector."
        ),
    ],
    "topics": [
        "post-separation-abuse",
        "coercive-control",
        "domestic-abuse",
        "stalking-harassment",
    ],
    "sectors": [],
    "level": "practitioner",
    "estimated_minutes": 60,
    "cpd_minutes": 60,
    "content_warning": (
        "This module discusses domestic abuse, coercive control, stalking and "
        "harassment, and the abuse of children and parents through child arrangements "
        "after separation. It includes figures about women killed by partners and "
        "ex-partners. There are no graphic descriptions. You can step away at any "
        "time, and every lesson ends with where to get support."
    ),
    "last_reviewed": "2026-12-01",
    "certificate_validity_months": 24,
    "prerequisites": [],
    "lessons": [
        {
            "slug": "when-separation-does-not-end-the-abuse",
            "title": "When separation does not end the abuse",
            "summary": (
                "Why leaving can change the abuse rather than stop it, and what the "
                "law says about ex-partners and co-parents."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>It is easy to assume that when a relationship ends, the "
                        "abuse ends with it. For many victim-survivors the opposite is "
                        "true. When someone who has been using abuse loses day-to-day "
                        "control over a partner, they may look for other ways to hold "
                        "on to it: through money, through the children, through the "
                        "courts, or by following and watching. This is what we mean by "
                        "post-separation abuse.</p>"
                        "<p>Survivors who helped shape Hertfordshire's VAWG Strategy "
                        "2026–2029 said this plainly. The harm did not stop when they "
                        "left; it carried on through court processes, money worries "
                        "and the hard work of recovering while bringing up children. "
                        "The strategy commits the partnership to training on the "
                        "dynamics of post-separation abuse, and this module is part of "
                        "that offer.</p>"
                        "<p>Domestic abuse mostly harms women. The Crime Survey for "
                        "England and Wales estimated that in the year ending March "
                        "2024, 1.6 million women and 712,000 men aged 16 and over "
                        "experienced domestic abuse, and the most severe, repeated and "
                        "fatal abuse is heavily gendered: it is mostly carried out by "
                        "men against women. Most examples in this module reflect that. "
                        "Men, and people in same-sex and other LGBT+ relationships, "
                        "can also experience post-separation abuse. They face their "
                        "own barriers to being believed, and they deserve the same "
                        "careful response.</p>"
                        "<h2>What the law says</h2>"
                        "<p>The Domestic Abuse Act 2021 sets out a legal definition of "
                        "domestic abuse. Three things must be true: both people are "
                        "aged 16 or over, they are “personally connected” to each "
                        "other, and the behaviour is abusive. Abusive behaviour can be "
                        "physical or sexual abuse, violent "
                        "or threatening behaviour, controlling or coercive behaviour, "
                        "economic abuse, or psychological and emotional abuse. It can "
                        "be a single incident or a pattern over time.</p>"
                        "<p>“Personally connected” is a wide idea. It covers people "
                        "who <strong>are or used to be</strong> married, civil "
                        "partners, engaged or in an intimate relationship, and people "
                        "who each have, or have had, a parental relationship to the "
                        "same child. The two people do not need to have lived "
                        "together. An ex-partner who never shared a home with the "
                        "person they are abusing is still covered.</p>"
                        "<p>The Act also recognises that behaviour aimed at someone "
                        "else, such as the victim-survivor's child, can be abuse "
                        "towards the victim-survivor, and it treats children affected "
                        "by domestic abuse as victims in their own right.</p>"
                        "<p>The criminal offence of controlling or coercive behaviour "
                        "is in section 76 of the Serious Crime Act 2015. It was "
                        "amended by section 68 of the Domestic Abuse Act 2021, and "
                        "since <strong>5 April 2023</strong> it has covered "
                        "controlling or coercive behaviour that takes place after a "
                        "couple have separated. A sustained pattern of control by an "
                        "ex-partner can therefore be a crime in its own right.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Leaving is not the same as being safe",
                        "text": (
                            "<p>Separation often changes the form that abuse takes "
                            "rather than ending it, and it can be a time of increased "
                            "danger. Treat a separation as a reason to look at risk "
                            "again, never as a reason to close a case.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    (
                        "<h2>Why the time around separation matters</h2>"
                        "<p>Figures from the Femicide Census show that 41% of women "
                        "killed by a partner or ex-partner had separated from them or "
                        "had taken steps to separate. Of those women, 30% were killed "
                        "within the first month and 70% within the first year.</p>"
                        "<p>These figures are not a reason to discourage anyone from "
                        "leaving. They show that leaving is a process rather than a "
                        "single moment, that the person experiencing abuse is usually "
                        "the best judge of when and how to take each step, and that "
                        "the weeks and months around a separation call for extra care "
                        "from every professional involved. The strategy also notes "
                        "that actual or attempted separation featured in a sizeable "
                        "number of cases in a national review of domestic homicides "
                        "and suspected victim suicides.</p>"
                    ),
                ),
                (
                    "survivor_voice",
                    {
                        "quote": (
                            "Everyone kept telling me the hard part was over once I'd "
                            "moved out. It wasn't. The messages kept coming, he turned "
                            "up near my work, and every handover of the children felt "
                            "like stepping back into the relationship. The first "
                            "person who really helped was the one who asked what was "
                            "happening now, not just what had happened before."
                        ),
                        "attribution": (
                            "Composite account based on common survivor experiences; "
                            "not one real person"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Think of a situation in your work where a relationship "
                            "had recently ended. Did anyone ask what was happening "
                            "after the separation? Did the level of concern go up or "
                            "down, and what might have been different if someone had "
                            "asked?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse, including "
                            "from an ex-partner after separation, and for friends, family and "
                            "professionals supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": (
                            "For men experiencing domestic abuse from a partner or "
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
                            "experiencing domestic abuse, including from an ex-partner."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "emergency-999",
                        "text": (
                            "If anyone, adult or child, is in immediate danger, call "
                            "999. A caller on a mobile who cannot speak can press 55 "
                            "when asked (the Silent Solution)."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "recognising-post-separation-tactics",
            "title": "Recognising post-separation tactics",
            "summary": (
                "The common ways abuse continues after separation, and why the pattern "
                "matters more than any single incident."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>After separation, the person using abuse usually has fewer "
                        "everyday chances to control their ex-partner. The routes that "
                        "stay open are the things the former couple still share: money "
                        "and property, the children, the courts, and any way of "
                        "finding out where the victim-survivor is and what they are "
                        "doing. Post-separation tactics tend to run along these "
                        "routes.</p>"
                        "<p>On its own, each tactic can look ordinary or even "
                        "reasonable. Separating couples do disagree about money and "
                        "contact, and anyone is entitled to go to court. What marks "
                        "abuse is the pattern: behaviour that is repeated, that is "
                        "aimed at keeping control, and that leaves the other person "
                        "frightened, worn down or unable to move on.</p>"
                    ),
                ),
                (
                    "accordion",
                    {
                        "heading": "Common post-separation tactics",
                        "items": [
                            {
                                "heading": "Abuse through courts and legal processes",
                                "body": (
                                    "<p>Sometimes called litigation abuse. It can "
                                    "include repeated or unnecessary applications, "
                                    "dragging proceedings out, refusing to agree "
                                    "anything so that every decision goes back to "
                                    "court, and using hearings as a chance to see, "
                                    "question or pressure the victim-survivor. The "
                                    "cost and the stress can be the point.</p>"
                                ),
                            },
                            {
                                "heading": "Economic abuse",
                                "body": (
                                    "<p>Economic abuse is named in the Domestic Abuse "
                                    "Act 2021. After separation it may look like "
                                    "stopping agreed payments, leaving shared bills or "
                                    "a joint mortgage unpaid, running up debt in joint "
                                    "names, hiding money or assets, or disrupting the "
                                    "victim-survivor's work. It can leave someone "
                                    "unable to afford a safe home.</p>"
                                ),
                            },
                            {
                                "heading": "Stalking and harassment",
                                "body": (
                                    "<p>Stalking is a pattern of fixated, obsessive "
                                    "behaviour that is repeated, persistent and "
                                    "intrusive, and that causes fear, alarm or "
                                    "distress. Stalking and harassment are criminal "
                                    "offences under the Protection from Harassment Act "
                                    "1997. Examples "
                                    "include repeated unwanted messages and calls, "
                                    "turning up at home, work or the school gate, "
                                    "watching or following, tracking through shared "
                                    "accounts or devices, and contacting friends, "
                                    "family or an employer.</p>"
                                ),
                            },
                            {
                                "heading": "Using child arrangements",
                                "body": (
                                    "<p>Handovers, messages “about the children” and "
                                    "disputes over contact can all become ways to keep "
                                    "contact open, to find out about the other "
                                    "household, or to frighten and undermine. Children "
                                    "may be questioned, used to carry messages, or "
                                    "drawn into adult conflict.</p>"
                                ),
                            },
                            {
                                "heading": "“Alienation” claims",
                                "body": (
                                    "<p>An abusive parent may say that a child's "
                                    "reluctance to see them is only because the other "
                                    "parent has turned the child against them. Used in "
                                    "this way, the claim draws attention away from the "
                                    "abusive parent's own behaviour and recasts the "
                                    "protective parent's concerns as hostility. Look "
                                    "at the whole history, and at the child's own "
                                    "reasons, rather than accepting the label.</p>"
                                ),
                            },
                            {
                                "heading": "Using other people and systems",
                                "body": (
                                    "<p>This can include reporting the victim-survivor "
                                    "to police, social care, a landlord or an "
                                    "employer, presenting as the wronged party, "
                                    "threatening to share private information, or "
                                    "using immigration status or care needs as "
                                    "leverage. The strategy notes that immigration "
                                    "status can be used as a tool of coercive control, "
                                    "and that some victim-survivors, such as carers, "
                                    "can face pressure to go back to caring for the "
                                    "person who harmed them after separation.</p>"
                                ),
                            },
                        ],
                    },
                ),
                (
                    "key_point",
                    {
                        "heading": "Look at the pattern, not just the latest incident",
                        "text": (
                            "<p>A late handover, a court application or an unpaid bill "
                            "may look minor on its own. Put together over weeks and "
                            "months, they can amount to controlling or coercive "
                            "behaviour, which can be a criminal offence after "
                            "separation as well as during a relationship.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    (
                        "<h2>Family courts</h2>"
                        "<p>Many post-separation cases involve the family courts, "
                        "usually over arrangements for children. In 2020 a panel set "
                        "up by the Ministry of Justice reviewed how the family courts "
                        "respond to domestic abuse and found failings that were "
                        "systemic rather than isolated. For practitioners, the lesson "
                        "is not to assume that because a case is “in court”, the risk "
                        "has been seen and managed. Keep recording what you see, share "
                        "concerns through your organisation's safeguarding route, and "
                        "encourage the victim-survivor to get specialist advice and "
                        "support.</p>"
                    ),
                ),
                (
                    "case_scenario",
                    {
                        "title": "“It's just the divorce”",
                        "scenario": (
                            "<p>Jo has been separated from her husband, Mark, for "
                            "eight months. During an appointment about something else, "
                            "she mentions that Mark sends dozens of messages a day "
                            "“about the children”, has made three applications to "
                            "court this year, and has stopped paying his share of the "
                            "mortgage on the home they jointly own. She laughs it off: "
                            "“It's just the divorce. Everyone goes through this.” She "
                            "looks exhausted and keeps checking her phone.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>A good response:</p>"
                            "<ul>"
                            "<li>Notices the pattern. Constant messages, repeated "
                            "court applications and stopped mortgage payments together "
                            "may be post-separation abuse, including economic abuse "
                            "and harassment.</li>"
                            "<li>Checks that it is safe to talk and that the "
                            "conversation is private, then asks open questions about "
                            "what is happening now, how Jo feels, and whether she is "
                            "frightened of Mark.</li>"
                            "<li>Tells Jo, gently, that abuse from an ex-partner is "
                            "still domestic abuse, and that controlling behaviour "
                            "after separation can be a crime.</li>"
                            "<li>Does not tell her what to do, does not suggest she "
                            "sorts it out with Mark, and does not contact Mark.</li>"
                            "<li>Offers specialist support, such as the National "
                            "Domestic Abuse Helpline, and follows your organisation's "
                            "procedure for risk assessment: completing the DASH "
                            "checklist if you are trained to, or passing it to someone "
                            "who is.</li>"
                            "<li>Asks about the children and follows safeguarding "
                            "procedures if there are concerns for them.</li>"
                            "<li>Records what Jo said in her own words, what you "
                            "noticed and what was agreed, and stores it securely.</li>"
                            "</ul>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Which of these tactics might show up in your service, for "
                            "example as missed appointments, money problems, rent "
                            "arrears or repeated complaints? Who in your organisation "
                            "would you tell?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse, including "
                            "from an ex-partner after separation, and for friends, family and "
                            "professionals supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": (
                            "For men experiencing domestic abuse from a partner or "
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
                            "experiencing domestic abuse, including from an ex-partner."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "children-and-child-arrangements",
            "title": "Children and child arrangements",
            "summary": (
                "How child arrangements can become a route for continuing abuse, and "
                "how to keep the child, and the non-abusing parent, at the centre."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>When a couple with children separate, the children are "
                        "often the one link that cannot simply be cut. That makes "
                        "child arrangements one of the main routes for continuing "
                        "abuse. Handovers can become moments of intimidation, messages "
                        "about school or health can become a way to keep up pressure, "
                        "and disagreements over contact can be taken back to court "
                        "again and again.</p>"
                        "<p>The Domestic Abuse Act 2021 treats children affected by "
                        "domestic abuse as victims in their own right. Children do not "
                        "need to see violence to be harmed by it. The strategy notes "
                        "that domestic abuse is an adverse childhood experience, with "
                        "effects on children's emotional wellbeing, behaviour, "
                        "development and learning that can last into adulthood. After "
                        "separation, children may be questioned about the other "
                        "household, asked to pass on messages, told things that "
                        "frighten them, or feel anxious before and after contact.</p>"
                        "<p>Hertfordshire's strategy commits to making sure children's "
                        "voices are heard at MARAC as victims in their own right. "
                        "Whatever your role, think about what the child is living "
                        "through, not only about the adults' dispute.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Responsibility sits with the person causing harm",
                        "text": (
                            "<p>Safeguarding decisions should name the abusive "
                            "parent's behaviour as the source of harm to the children "
                            "and hold that parent accountable for it. Language such as "
                            "“failure to protect” puts the responsibility for someone "
                            "else's actions on the victim-survivor. Work with the "
                            "non-abusing parent as a partner in the children's safety, "
                            "and recognise what they are already doing to protect "
                            "them.</p>"
                        ),
                    },
                ),
                (
                    "accordion",
                    {
                        "heading": (
                            "Signs that child arrangements are being used to abuse"
                        ),
                        "items": [
                            {
                                "heading": "Around handovers",
                                "body": (
                                    "<p>The victim-survivor dreads handovers, asks for "
                                    "them to happen somewhere public or through "
                                    "someone else, or arrives shaken. The other parent "
                                    "is often late, turns up at the wrong time, or "
                                    "uses handovers to start arguments or make "
                                    "demands.</p>"
                                ),
                            },
                            {
                                "heading": "In messages",
                                "body": (
                                    "<p>Messages “about the children” that are "
                                    "constant, critical or threatening, that arrive at "
                                    "all hours, or that are used to find out where the "
                                    "victim-survivor lives, works or goes.</p>"
                                ),
                            },
                            {
                                "heading": "Through the child",
                                "body": (
                                    "<p>The child is asked about the other parent's "
                                    "home, friends or new partner, is given messages "
                                    "to carry, or is told that the other parent is to "
                                    "blame for the separation.</p>"
                                ),
                            },
                            {
                                "heading": "Through the courts",
                                "body": (
                                    "<p>Repeated applications about arrangements, "
                                    "threats to “take the children”, or claims that "
                                    "the other parent has turned the children against "
                                    "them when the children have their own reasons to "
                                    "be wary.</p>"
                                ),
                            },
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
                                    "<h2>In schools, colleges and early years "
                                    "settings</h2>"
                                    "<p>Annex B of Keeping Children Safe in Education "
                                    "(KCSIE) covers domestic abuse, and any concern "
                                    "about a child's safety or welfare goes to your "
                                    "designated safeguarding lead (DSL). Do not decide "
                                    "on your own whether it is “serious enough”.</p>"
                                    "<ul>"
                                    "<li>The start and end of the day can be a "
                                    "flashpoint. If a parent tells you they are "
                                    "frightened of the other parent, or that the other "
                                    "parent is waiting at the gate or trying to "
                                    "collect the child outside the agreed "
                                    "arrangements, tell the DSL the same day.</li>"
                                    "<li>The DSL decides what the school needs to know "
                                    "and record, such as arrangements for who collects "
                                    "the child, and how to respond if the other parent "
                                    "asks for information.</li>"
                                    "<li>Do not pass on one parent's address, routine "
                                    "or new contact details to the other parent, and "
                                    "do not try to mediate between them.</li>"
                                    "<li>Notice changes in the child, such as anxiety "
                                    "before contact days, and record what you see and "
                                    "what the child says in their own words.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["social-care"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<h2>In social care</h2>"
                                    "<ul>"
                                    "<li>Assess the impact of the abusive parent's "
                                    "behaviour on each child, and treat the children "
                                    "as victims in their own right.</li>"
                                    "<li>Avoid “failure to protect” framing. Ask "
                                    "instead what the non-abusing parent has done to "
                                    "keep the children safe, what support they need, "
                                    "and what the abusive parent must change.</li>"
                                    "<li>Hold the abusive parent accountable for their "
                                    "behaviour and its effect on the children, rather "
                                    "than placing every expectation on the "
                                    "victim-survivor. Plan any contact with them first "
                                    "with your manager and the victim-survivor's "
                                    "specialist worker, and never reveal what the "
                                    "victim-survivor or the children have told you. "
                                    "Behaviour-change programmes, such as those offered "
                                    "by the Chrysalis Centre in Hertfordshire, may be "
                                    "part of the plan.</li>"
                                    "<li>Be alert to counter-allegations and "
                                    "“alienation” claims, and test them against the "
                                    "full history and the children's own views.</li>"
                                    "<li>Remember that separation can raise risk. A "
                                    "plan that depends on the victim-survivor leaving, "
                                    "or managing contact alone, may increase danger "
                                    "rather than reduce it.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "At the school gate",
                        "scenario": (
                            "<p>You work in a primary school. Sam, aged six, has "
                            "become tearful and clingy on the days his dad collects "
                            "him. One afternoon his mum, Claire, tells you quietly "
                            "that her ex-partner has started waiting outside the "
                            "school to talk to her, and that he has said he will “take "
                            "her back to court” unless she gives him more time with "
                            "Sam. She asks you not to tell anyone because she does not "
                            "want to “cause trouble”.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>A good response:</p>"
                            "<ul>"
                            "<li>Listens calmly, thanks Claire for telling you, and "
                            "takes what she says seriously.</li>"
                            "<li>Is honest that you cannot keep this to yourself: "
                            "because it concerns Sam's welfare, you must pass it to "
                            "the designated safeguarding lead. Explains this kindly, "
                            "and says what will happen next.</li>"
                            "<li>Does not promise to stop the father collecting Sam or "
                            "to speak to him. Those decisions sit with the DSL, based "
                            "on the full picture.</li>"
                            "<li>Tells the DSL the same day, and records what Claire "
                            "said in her own words and what you have noticed about "
                            "Sam, with dates.</li>"
                            "<li>Makes sure Claire knows about specialist support, "
                            "such as the National Domestic Abuse Helpline.</li>"
                            "<li>Never raises the disclosure with the father.</li>"
                            "</ul>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "When one parent raises concerns about the other, what "
                            "assumptions might you, or your organisation, bring to it? "
                            "How would you make sure the child's own experience is "
                            "heard?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "emergency-999",
                        "text": (
                            "If anyone, adult or child, is in immediate danger, call "
                            "999. A caller on a mobile who cannot speak can press 55 "
                            "when asked (the Silent Solution)."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for mothers and other women abused by an "
                            "ex-partner, including through child arrangements, and for "
                            "anyone supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": (
                            "For fathers and other men abused by a partner or "
                            "ex-partner, including through child arrangements."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "galop",
                        "text": (
                            "For lesbian, gay, bisexual, trans and queer (LGBT+) people "
                            "experiencing domestic abuse, including from an ex-partner."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "risk-after-leaving",
            "title": "Risk after leaving: reassess, refer, plan",
            "summary": (
                "Why risk must be assessed again after separation, how the DASH "
                "checklist and MARAC criteria apply, and what safety planning covers."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Risk is not fixed. A risk assessment completed while a "
                        "couple lived together may say little about the danger once "
                        "they have separated. Good practice is to <strong>repeat the "
                        "DASH risk checklist after the victim-survivor "
                        "leaves</strong>, and again whenever their circumstances "
                        "change.</p>"
                        "<h2>The DASH risk checklist</h2>"
                        "<p>The DASH risk checklist has 24 questions. If 14 or more "
                        "are answered “yes”, the case meets the threshold for visible "
                        "high risk. The checklist helps to structure a conversation "
                        "and record what is known. It does not replace your "
                        "professional judgement, and the answers depend on the person "
                        "feeling safe enough to speak.</p>"
                        "<p>Before you ask the questions, check:</p>"
                        "<ul>"
                        "<li>Is it safe to talk now, and is the conversation "
                        "private?</li>"
                        "<li>What are safe contact details for the person?</li>"
                        "<li>Where are the person causing harm, and the children, "
                        "right now?</li>"
                        "</ul>"
                        "<h2>When to refer to MARAC</h2>"
                        "<p>A Multi-Agency Risk Assessment Conference (MARAC) brings "
                        "agencies together to share information and agree a joint "
                        "safety plan for people at the highest risk of serious harm or "
                        "homicide. MARACs have run in Hertfordshire for nearly twenty "
                        "years and follow SafeLives national guidance. A case can be "
                        "referred on any of these grounds:</p>"
                        "<ul>"
                        "<li><strong>Visible high risk:</strong> 14 or more “yes” "
                        "answers on the DASH checklist.</li>"
                        "<li><strong>Professional judgement:</strong> you have serious "
                        "concerns even though the score is lower. Judgement can bring "
                        "a case to MARAC; it must never be used to lower the level of "
                        "risk.</li>"
                        "<li><strong>Potential escalation:</strong> repeated "
                        "incidents, commonly three or more police call-outs in twelve "
                        "months. Check your local MARAC's threshold.</li>"
                        "<li><strong>Repeat:</strong> a further incident within twelve "
                        "months of the last MARAC referral, however minor it seems.</li>"
                        "</ul>"
                        "<p>Counter-allegations are common after separation: an "
                        "ex-partner may report the victim-survivor, or claim to be the "
                        "victim. Screen them carefully before deciding whom a referral "
                        "is for.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Judgement can raise risk, never lower it",
                        "text": (
                            "<p>If you believe someone is in danger, act on it, even "
                            "if the checklist score is below 14. A low score never "
                            "outweighs a serious concern, particularly around "
                            "separation, when a victim-survivor may play down what is "
                            "happening.</p>"
                        ),
                    },
                ),
                (
                    "accordion",
                    {
                        "heading": "Safety planning after separation",
                        "items": [
                            {
                                "heading": "Home",
                                "body": (
                                    "<p>Whether the ex-partner knows the address or "
                                    "has keys, what security is in place, and what to "
                                    "do if they turn up. Housing providers and "
                                    "specialist services can help with options.</p>"
                                ),
                            },
                            {
                                "heading": "Travel, work and school",
                                "body": (
                                    "<p>Routes and routines the ex-partner knows, "
                                    "arrangements at work and at the children's school "
                                    "or nursery, and who there needs to know.</p>"
                                ),
                            },
                            {
                                "heading": "Phones, accounts and devices",
                                "body": (
                                    "<p>Shared accounts, location sharing and devices "
                                    "the ex-partner has had access to, including the "
                                    "children's devices. Specialist services can "
                                    "advise on staying safe online.</p>"
                                ),
                            },
                            {
                                "heading": "Child arrangements",
                                "body": (
                                    "<p>Safer ways to do handovers, keeping a record "
                                    "of incidents, and getting specialist and legal "
                                    "advice before agreeing to anything under "
                                    "pressure.</p>"
                                ),
                            },
                            {
                                "heading": "Legal protection",
                                "body": (
                                    "<p>Options can include reporting to the police "
                                    "and protective orders:</p>"
                                    "<ul>"
                                    "<li><strong>Domestic Abuse Protection Notices and "
                                    "Orders</strong> (Part 3 of the Domestic Abuse Act "
                                    "2021). The police issue a notice; a court makes an "
                                    "order. They have been piloted since 27 November "
                                    "2024, starting in Greater Manchester, parts of "
                                    "London and British Transport Police, then Cleveland "
                                    "and North Wales, and replace domestic violence "
                                    "protection notices and orders (DVPNs and DVPOs) as "
                                    "they roll out. Until then, police elsewhere still "
                                    "use DVPNs and DVPOs.</li>"
                                    "<li><strong>Non-molestation orders</strong> and "
                                    "<strong>occupation orders</strong>, which the "
                                    "victim-survivor applies for themselves in the "
                                    "family court, with or without police "
                                    "involvement.</li>"
                                    "<li><strong>Stalking protection orders</strong>, "
                                    "which the police apply for.</li>"
                                    "</ul>"
                                    "<p>Police and specialist services can explain what "
                                    "might apply.</p>"
                                ),
                            },
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "Assessed before she left",
                        "scenario": (
                            "<p>Two months ago, while she was still living with her "
                            "partner, Dee completed a DASH checklist with a colleague "
                            "and answered “yes” to 9 questions. She has since moved "
                            "into a new flat with her two children. Today she tells "
                            "you her ex-partner has found out the address, has been "
                            "sitting outside in his car at night, and has sent "
                            "messages saying she will “regret” leaving. She says she "
                            "is more frightened now than before she left.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>A good response:</p>"
                            "<ul>"
                            "<li>Treats this as new information that changes the risk. "
                            "The earlier score was taken before the separation and "
                            "does not reflect what is happening now.</li>"
                            "<li>Checks that it is safe to talk, and where the "
                            "ex-partner and the children are now. If there is "
                            "immediate danger, calls 999.</li>"
                            "<li>Repeats the DASH checklist straight away, or arranges "
                            "for a trained colleague or specialist service to do "
                            "so.</li>"
                            "<li>Uses professional judgement. Escalating behaviour "
                            "that looks like stalking, and Dee's own fear, soon after "
                            "separation, are serious concerns. Even if the new score "
                            "is below 14, a MARAC referral can be made on professional "
                            "judgement, and the earlier, lower score must not be used "
                            "to play down the risk.</li>"
                            "<li>Refers Dee to specialist support, such as an IDVA, "
                            "and talks with her about reporting to the police.</li>"
                            "<li>Follows safeguarding procedures for the children.</li>"
                            "<li>Records the new incidents, Dee's own words and the "
                            "actions taken.</li>"
                            "</ul>"
                        ),
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
                                    "<h2>In specialist domestic abuse services</h2>"
                                    "<ul>"
                                    "<li>Build reassessment into your work: repeat the "
                                    "DASH checklist after the victim-survivor leaves "
                                    "and whenever circumstances change, for example "
                                    "when an ex-partner finds a new address.</li>"
                                    "<li>IDVAs (independent domestic violence "
                                    "advisers) support people at high risk and bring "
                                    "their views to MARAC. Make sure post-separation "
                                    "tactics, including litigation and economic abuse, "
                                    "are visible in the referral, not only the most "
                                    "recent incident.</li>"
                                    "<li>Where there are counter-allegations, screen "
                                    "the case before referral so that you are "
                                    "supporting the person experiencing abuse, not the "
                                    "person causing it.</li>"
                                    "<li>Safety plans should cover child arrangements, "
                                    "court processes, work and online safety as well "
                                    "as the home.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
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
                                    "<h2>In health settings</h2>"
                                    "<ul>"
                                    "<li>Ask about abuse in private. See the patient "
                                    "on their own for at least part of the "
                                    "appointment, and never ask in front of a partner, "
                                    "ex-partner, relative or any child. Use a "
                                    "professional interpreter, never "
                                    "a family member.</li>"
                                    "<li>NICE sets out four levels of response to "
                                    "domestic abuse, and its quality standard (QS116) "
                                    "expects front-line staff to be trained to level 1 "
                                    "or level 2. Level 1 staff respond to a disclosure "
                                    "and refer on; level 2 staff are also trained to "
                                    "ask about abuse directly. Levels 3 and 4 are for "
                                    "staff with specialist roles. Know which level you "
                                    "are trained to, and who you refer to.</li>"
                                    "<li>A recent separation is a reason to ask again, "
                                    "not to stop asking. Ask what is happening now and "
                                    "whether the patient feels safe.</li>"
                                    "<li>Record disclosures accurately and securely, "
                                    "and follow your safeguarding procedures, "
                                    "including for any children.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "How does your service find out that someone has "
                            "separated? Is there a prompt to reassess risk at that "
                            "point, and if not, what could you change?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "emergency-999",
                        "text": (
                            "If anyone, adult or child, is in immediate danger, call "
                            "999. A caller on a mobile who cannot speak can press 55 "
                            "when asked (the Silent Solution)."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women thinking through their safety "
                            "after leaving, and for anyone supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": (
                            "For men thinking through their safety after leaving an "
                            "abusive partner."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "galop",
                        "text": (
                            "For LGBT+ people thinking through their safety after "
                            "leaving an abusive partner."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "responding-in-your-role",
            "title": "Responding in your role",
            "summary": (
                "Recognise, respond safely, record and refer: what that looks like in "
                "your sector when someone discloses post-separation abuse."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>You are not expected to be a domestic abuse specialist. "
                        "The strategy describes community champions as people who "
                        "recognise abuse, respond safely and signpost to specialist "
                        "support, rather than as specialists, and the same is true for "
                        "most professionals. In practice that means four things.</p>"
                        "<ol>"
                        "<li><strong>Recognise.</strong> Remember that abuse can "
                        "continue, and risk can rise, after a relationship ends. "
                        "Notice signs such as fear of an ex-partner, repeated court "
                        "cases, money problems linked to an ex-partner, or an "
                        "ex-partner turning up where they are not wanted.</li>"
                        "<li><strong>Respond safely.</strong> Talk in private. Listen, "
                        "believe and do not judge. Ask what is happening now and "
                        "whether they feel afraid. Be honest about what you will need "
                        "to share and why. Do not push anyone towards a particular "
                        "step, and never contact the ex-partner or suggest the two of "
                        "them sort things out.</li>"
                        "<li><strong>Record.</strong> Write down what was said, in the "
                        "person's own words where possible, what you saw, the date and "
                        "time, and what you did. Keep records factual and secure.</li>"
                        "<li><strong>Refer.</strong> Follow your organisation's "
                        "procedure, offer specialist support, and use risk assessment "
                        "and MARAC where they apply. Where there are children, follow "
                        "safeguarding procedures.</li>"
                        "</ol>"
                        "<p>The strategy also commits the partnership to developing a "
                        "“One Front Door”: a single point of access to VAWG support in "
                        "Hertfordshire, so that any professional knows where to refer. "
                        "Until it is in place, use the routes your organisation has "
                        "agreed.</p>"
                    ),
                ),
                (
                    "sector_variant",
                    {
                        "sectors": ["housing"],
                        "blocks": [
                            (
                                "rich_text",
                                (
                                    "<h2>In housing</h2>"
                                    "<ul>"
                                    "<li>Accreditation from the Domestic Abuse Housing "
                                    "Alliance (DAHA) sets a standard for how housing "
                                    "providers respond to domestic abuse, across eight "
                                    "priority areas. The strategy also commits "
                                    "Hertfordshire agencies to DAHA's Whole Housing "
                                    "Approach.</li>"
                                    "<li>Do not treat repeated reports about an "
                                    "ex-partner as a neighbour dispute, a tenancy "
                                    "disagreement or antisocial behaviour between two "
                                    "equal parties. Ask whether the behaviour is part "
                                    "of a pattern of abuse.</li>"
                                    "<li>Economic abuse can show up as rent arrears, "
                                    "damage or debt on a joint tenancy. Find out who "
                                    "caused them before taking any action against the "
                                    "victim-survivor.</li>"
                                    "<li>Consider the options with the victim-survivor "
                                    "and specialist services, such as extra security, "
                                    "a management transfer to another home, or action "
                                    "aimed at the person causing harm. The strategy is "
                                    "looking at ways to house perpetrators elsewhere "
                                    "so that families can stay in their homes.</li>"
                                    "<li>Protect new addresses and contact details "
                                    "carefully.</li>"
                                    "</ul>"
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
                                    "<h2>In policing</h2>"
                                    "<ul>"
                                    "<li>Since 5 April 2023, controlling or coercive "
                                    "behaviour after separation has been covered by "
                                    "the offence in section 76 of the Serious Crime "
                                    "Act 2015, as amended by section 68 of the "
                                    "Domestic Abuse Act 2021. Investigate the course "
                                    "of conduct, not only the latest incident.</li>"
                                    "<li>Consider stalking and harassment, and "
                                    "protective orders: a Domestic Abuse Protection "
                                    "Notice and Order where your force has them (piloted "
                                    "from 27 November 2024 under Part 3 of the Domestic "
                                    "Abuse Act 2021, replacing DVPNs and DVPOs as they "
                                    "roll out), and stalking protection orders. Tell "
                                    "victim-survivors they can also apply for a "
                                    "non-molestation order themselves.</li>"
                                    "<li>Repeat the risk assessment after separation, "
                                    "and consider MARAC on any of the criteria, "
                                    "including professional judgement. Many forces now "
                                    "use the College of Policing's Domestic Abuse Risk "
                                    "Assessment (DARA) at the front line in place of "
                                    "DASH; partner agencies and MARAC still use DASH, "
                                    "so say which tool you used when you share a "
                                    "referral.</li>"
                                    "<li>Expect counter-allegations. An ex-partner may "
                                    "report the victim-survivor for harassment or for "
                                    "breaking child arrangements. Look at the whole "
                                    "history before deciding who the primary "
                                    "perpetrator is: positive-action arrests based on "
                                    "a single incident can catch the real victim.</li>"
                                    "</ul>"
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
                                    "<h2>For employers and workplaces</h2>"
                                    "<p>Use the four steps: <strong>Recognise, "
                                    "Respond, Refer, Record</strong>.</p>"
                                    "<ul>"
                                    "<li>An ex-partner may target the workplace "
                                    "because it is one of the few places they know the "
                                    "victim-survivor will be. Signs include repeated "
                                    "calls or messages to reception or colleagues, the "
                                    "ex-partner turning up, and the employee seeming "
                                    "frightened about arriving or leaving.</li>"
                                    "<li>Agree a workplace safety plan with the "
                                    "employee: what reception and colleagues should "
                                    "say and do, screening calls and emails, changes "
                                    "to shifts, location or parking, and a named "
                                    "contact.</li>"
                                    "<li>Never confirm an employee's hours, location "
                                    "or contact details to anyone who asks.</li>"
                                    "<li>Record incidents of stalking or harassment at "
                                    "work, with dates, and support the employee if "
                                    "they decide to report them to the police.</li>"
                                    "<li>Be flexible about time off for court "
                                    "hearings, appointments with support services and "
                                    "moving home.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
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
                                    "<h2>In community, voluntary and faith "
                                    "settings</h2>"
                                    "<ul>"
                                    "<li>Never confront the ex-partner or speak to "
                                    "them about what you have been told. It can "
                                    "increase the danger.</li>"
                                    "<li>Do not suggest couples counselling, and do "
                                    "not try to mediate or bring the two of them "
                                    "together.</li>"
                                    "<li>Do not press the victim-survivor to forgive, "
                                    "reconcile or keep the family together.</li>"
                                    "<li>Do not promise full confidentiality. Explain "
                                    "that you may need to share information if someone "
                                    "is at risk of serious harm or a child is at "
                                    "risk.</li>"
                                    "<li>Listen, believe and signpost to specialist "
                                    "support. If you are a champion, use your training "
                                    "and network to help the person take the next "
                                    "step.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "Calls to reception",
                        "scenario": (
                            "<p>Priya has worked in your team for three years. She "
                            "separated from her husband four months ago. Recently, "
                            "reception has taken several calls from him asking what "
                            "time she finishes, and yesterday a colleague saw him "
                            "waiting in the car park. Priya has been arriving late and "
                            "has asked to leave early on Friday for “a court thing”. "
                            "When you ask if she is all right, she says she is fine "
                            "and does not want a fuss.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>A good response:</p>"
                            "<ul>"
                            "<li><strong>Recognise:</strong> repeated calls about her "
                            "hours and his presence in the car park, a few months "
                            "after separation, may be stalking or harassment, at a "
                            "time when risk can be raised.</li>"
                            "<li><strong>Respond:</strong> find a private moment, tell "
                            "Priya what you have noticed without judgement, and let "
                            "her know help is available. Respect her pace, but make "
                            "sure she knows the workplace can help keep her safe.</li>"
                            "<li>Agree immediate steps with her: reception will not "
                            "confirm her hours or whereabouts to anyone, there is a "
                            "plan for arriving and leaving safely, and she has the "
                            "time off she needs for court.</li>"
                            "<li><strong>Refer:</strong> offer the National Domestic "
                            "Abuse Helpline and your organisation's support routes, "
                            "and explain that she can report the behaviour to the "
                            "police. If he is on site and threatening, call 999.</li>"
                            "<li><strong>Record:</strong> keep a factual, dated note "
                            "of the calls and sightings and of what was agreed, stored "
                            "securely.</li>"
                            "</ul>"
                        ),
                    },
                ),
                (
                    "survivor_voice",
                    {
                        "quote": (
                            "I didn't think it counted, because we'd split up and "
                            "because I'm a man. She'd ring my work, tell people things "
                            "about me, and change the plans for the kids at the last "
                            "minute. When someone finally said, 'This sounds like "
                            "abuse, and it doesn't stop being abuse because you've "
                            "separated,' I stopped feeling like I was making a fuss "
                            "about nothing."
                        ),
                        "attribution": (
                            "Composite account based on common survivor experiences; "
                            "not one real person"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "If someone disclosed post-separation abuse to you "
                            "tomorrow, do you know exactly who you would tell in your "
                            "organisation and where you would refer them? If not, what "
                            "will you do this week to find out?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse, including "
                            "from an ex-partner after separation, and for friends, family and "
                            "professionals supporting them."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "mens-advice-line",
                        "text": (
                            "For men experiencing domestic abuse from a partner or "
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
                            "experiencing domestic abuse, including from an ex-partner."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "emergency-999",
                        "text": (
                            "If anyone, adult or child, is in immediate danger, call "
                            "999. A caller on a mobile who cannot speak can press 55 "
                            "when asked (the Silent Solution)."
                        ),
                    },
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "lesson": "when-separation-does-not-end-the-abuse",
            "text": "Which statement about the definition of domestic abuse in the Domestic Abuse Act 2021 is correct?",
            "choices": [
                {"text": "Both must be aged 16 or over and personally connected; they need not have lived together.", "correct": True,
                 "feedback": "Correct. Age 16 or over, a personal connection and abusive behaviour are the three parts; living together is not required."},
                {"text": "Both must be aged 16 or over and live together, or have lived together in the past year.", "correct": False,
                 "feedback": "Living together is not required."},
                {"text": "It applies to people who are married, in a civil partnership or living together as a couple.", "correct": False,
                 "feedback": "Personally connected is wider: it includes ex-partners, people who share a parental relationship to a child, and relatives."},
                {"text": "Both must be aged 18 or over, and it stops applying once a divorce or separation is final.", "correct": False,
                 "feedback": "The age is 16, and ex-partners are included."},
            ],
            "explanation": "The Domestic Abuse Act 2021 definition needs both people to be 16 or over and personally connected. Ex-partners and co-parents are included, whether or not they ever lived together.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "when-separation-does-not-end-the-abuse",
            "text": "Which of these pairs are “personally connected” under the Domestic Abuse Act 2021?",
            "choices": [
                {"text": "Two people who were in an intimate relationship for a year but never shared a home.", "correct": True,
                 "feedback": "Yes. A past intimate personal relationship counts, with or without living together."},
                {"text": "Two people who have a child together but never lived together.", "correct": True,
                 "feedback": "Yes. Sharing a parental relationship to the same child is enough, and living together is not required."},
                {"text": "Two colleagues who have never been in a relationship and are not related.", "correct": False,
                 "feedback": "No. Working together is not one of the personal connections in the Act."},
                {"text": "A couple who divorced five years ago.", "correct": True,
                 "feedback": "Yes. People who have been married to each other remain personally connected."},
            ],
            "explanation": "Personal connection covers current and former spouses, civil partners, fiancés and intimate partners, relatives, and people who share a parental relationship to a child. Living together is not required.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "when-separation-does-not-end-the-abuse",
            "text": "Since 5 April 2023, the offence of controlling or coercive behaviour can apply to behaviour that takes place after a couple have separated.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Section 68 of the Domestic Abuse Act 2021 amended the offence, and the change took effect on 5 April 2023."},
                {"text": "False", "correct": False,
                 "feedback": "This is true. Since 5 April 2023 the offence covers controlling or coercive behaviour after separation."},
            ],
            "explanation": "The offence in section 76 of the Serious Crime Act 2015 was amended by section 68 of the Domestic Abuse Act 2021. Since 5 April 2023 it covers controlling or coercive behaviour after separation.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "when-separation-does-not-end-the-abuse",
            "text": "The Femicide Census looked at women killed by a partner or ex-partner who had separated or taken steps to separate. Within what period were 70% of these women killed?",
            "choices": [
                {"text": "Within the first month.", "correct": False,
                 "feedback": "30%, not 70%, were killed within the first month."},
                {"text": "Within the first year.", "correct": True,
                 "feedback": "Correct. 70% were killed within a year, and 30% within the first month."},
                {"text": "After more than five years.", "correct": False,
                 "feedback": "No. The figures show the danger is concentrated in the first year after separation."},
                {"text": "Within the first week.", "correct": False,
                 "feedback": "The Census figures given here are for the first month (30%) and the first year (70%)."},
            ],
            "explanation": "Of women killed by a partner or ex-partner, 41% had separated or taken steps to. Of those, 30% were killed within a month and 70% within a year. Separation is a time for extra care, not a reason to close a case.",
            "category": "risk",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "risk-after-leaving",
            "text": "When should the DASH risk checklist be repeated?",
            "choices": [
                {"text": "Once a year for every open case, whether or not anything has changed since.", "correct": False,
                 "feedback": "Repeat it when circumstances change, especially after the victim-survivor leaves, not on a fixed timetable."},
                {"text": "Only when the police or the MARAC coordinator ask for a new assessment.", "correct": False,
                 "feedback": "Anyone responsible for the assessment should repeat it when circumstances change."},
                {"text": "After the victim-survivor leaves, and whenever their circumstances change.", "correct": True,
                 "feedback": "Correct. Risk changes at separation, so an earlier assessment may no longer reflect the danger."},
                {"text": "Only if the first assessment scored 14 or more, to confirm the high risk level.", "correct": False,
                 "feedback": "Risk changes whatever the first score was: a lower score can rise after separation."},
            ],
            "explanation": "Good practice is to repeat the DASH risk checklist after the victim-survivor leaves, because a score taken while a couple lived together may say little about the risk after separation.",
            "category": "risk",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "risk-after-leaving",
            "text": "A DASH checklist completed after a separation has 11 “yes” answers, but you are seriously worried because the ex-partner's behaviour is escalating. What is the right course?",
            "choices": [
                {"text": "Wait until there have been three police call-outs in a year.", "correct": False,
                 "feedback": "Potential escalation is one route, but you do not need to wait for it when your judgement says the risk is serious now."},
                {"text": "Record the case as standard risk because the score is below 14.", "correct": False,
                 "feedback": "Judgement can raise risk but must never be used to lower it, and a score is not a reason to ignore serious concerns."},
                {"text": "Do not refer: only cases scoring 14 or more can go to MARAC.", "correct": False,
                 "feedback": "Visible high risk is only one of the criteria. Professional judgement, potential escalation and repeat are others."},
                {"text": "Refer to MARAC on the grounds of professional judgement.", "correct": True,
                 "feedback": "Correct. Professional judgement is a MARAC criterion in its own right and can bring a case below 14 to MARAC."},
            ],
            "explanation": "MARAC criteria are visible high risk (14 or more), professional judgement, potential escalation (commonly three or more police call-outs in twelve months) and repeat (a further incident within twelve months of the last referral).",
            "category": "risk",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "risk-after-leaving",
            "text": "Professional judgement can be used to raise a case to high risk, but never to lower it.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Judgement can raise the risk level; it must never be used to lower it."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Judgement can raise a case to high risk, but a score of 14 or more is high risk however calm things seem."},
            ],
            "explanation": "Professional judgement is used to identify risk the checklist may miss, never to downgrade it. Calmness can reflect trauma, minimising or fear, not safety.",
            "category": "risk",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "risk-after-leaving",
            "text": "Only the police can apply for a non-molestation order to protect a victim-survivor from an ex-partner.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "Incorrect. The victim-survivor applies to the family court for a non-molestation order themselves, with or without the police."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. Non-molestation orders are victim-led: the victim-survivor applies to the family court."},
            ],
            "explanation": "Non-molestation and occupation orders are applied for by the victim-survivor in the family court. The police issue Domestic Abuse Protection Notices and apply for Orders where these have rolled out (piloted from 27 November 2024), and DVPNs and DVPOs elsewhere.",
            "category": "law",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "recognising-post-separation-tactics",
            "text": "Which of these could be post-separation abuse tactics?",
            "choices": [
                {"text": "Claiming the children have been turned against him whenever they say they are frightened.", "correct": True,
                 "feedback": "Yes. “Alienation” claims can be used to deflect attention from the abusive parent's behaviour."},
                {"text": "Making repeated court applications about the same arrangements.", "correct": True,
                 "feedback": "Yes. Abuse through legal processes can keep a victim-survivor tied to the abuser and under pressure."},
                {"text": "Asking the family court once to set contact arrangements, then keeping to what was agreed.", "correct": False,
                 "feedback": "On its own, using the court once and keeping to the outcome is not a sign of abuse. Look for a pattern."},
                {"text": "Using handovers of the children to intimidate the other parent.", "correct": True,
                 "feedback": "Yes. Child arrangements are a common route for continuing abuse."},
                {"text": "Stopping agreed payments on a joint mortgage.", "correct": True,
                 "feedback": "Yes. This can be economic abuse, which is named in the Domestic Abuse Act 2021."},
            ],
            "explanation": "Post-separation tactics often run through the links a couple still share: courts, money, children and information. The pattern is what marks it as abuse.",
            "category": "tactics",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "recognising-post-separation-tactics",
            "text": "What did the 2020 panel set up by the Ministry of Justice find about how the family courts respond to domestic abuse?",
            "choices": [
                {"text": "That there were failings, and that they were systemic rather than isolated.", "correct": True,
                 "feedback": "Correct. The panel found systemic failings."},
                {"text": "That there were no significant problems once cases reached a final hearing.", "correct": False,
                 "feedback": "The panel found failings, and that they were systemic."},
                {"text": "That problems were mostly caused by victim-survivors' own allegations.", "correct": False,
                 "feedback": "This is not what the panel found, and it reflects a victim-blaming assumption."},
                {"text": "That problems were limited to a small number of courts and judges.", "correct": False,
                 "feedback": "The panel found the failings were systemic, not isolated."},
            ],
            "explanation": "Practitioners should not assume that a case being in the family court means risk has been identified and managed. Keep recording and sharing concerns through safeguarding routes.",
            "category": "children",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "children-and-child-arrangements",
            "text": "A mother discloses that her ex-partner's behaviour at contact handovers is frightening her and the children. Which response best reflects good practice?",
            "choices": [
                {"text": "Suggest both parents attend mediation together so that they can agree calmer handovers for the children.", "correct": False,
                 "feedback": "Mediation is not safe where there is domestic abuse."},
                {"text": "Name the abusive parent's behaviour as the harm, and work with the mother to keep the children safe.", "correct": True,
                 "feedback": "Correct. Responsibility sits with the person causing harm, and the non-abusing parent is a partner in safety."},
                {"text": "Take no further action, because the family court is already dealing with the child arrangements.", "correct": False,
                 "feedback": "Court proceedings do not remove your safeguarding responsibilities."},
                {"text": "Record that the mother is failing to protect the children by continuing to allow contact to go ahead.", "correct": False,
                 "feedback": "This blames the non-abusing parent for the other parent's behaviour."},
            ],
            "explanation": "Children affected by domestic abuse are victims in their own right. Hold the abusive parent accountable and support the protective parent.",
            "category": "children",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "responding-in-your-role",
            "text": "A parent tells a teaching assistant that her ex-partner has been waiting at the school gate and trying to collect their child outside the agreed arrangements. What should the teaching assistant do?",
            "choices": [
                {"text": "Keep it confidential because the mother asked, but note it in the class diary in case.", "correct": False,
                 "feedback": "A safeguarding concern must go to the designated safeguarding lead."},
                {"text": "Speak to the father at the gate, politely, and ask him to keep to the agreed arrangements.", "correct": False,
                 "feedback": "Confronting him could increase the risk; pass it to the designated safeguarding lead."},
                {"text": "Pass it to the designated safeguarding lead the same day, and record what the mother said.", "correct": True,
                 "feedback": "Correct. Concerns about a child's welfare go to the DSL, in line with KCSIE."},
                {"text": "Wait to see whether it happens again, then tell the class teacher if it does.", "correct": False,
                 "feedback": "Pass concerns on the same day; do not wait for a pattern."},
            ],
            "explanation": "In schools, any concern about a child's safety or welfare goes to the designated safeguarding lead, who decides on records, arrangements and referrals.",
            "category": "practice",
            "sectors": ["education"],
        },
        {
            "type": "multiple",
            "lesson": "responding-in-your-role",
            "text": "A member of your faith community tells you her ex-husband is harassing her. Which responses are safe?",
            "choices": [
                {"text": "Speak to her ex-husband yourself and ask him, as a member of the community, to stop.", "correct": False,
                 "feedback": "No. Never confront the person causing harm; it can increase the danger."},
                {"text": "Listen, believe her and signpost her to specialist support.", "correct": True,
                 "feedback": "Yes. Listening and signposting is the core of a safe response."},
                {"text": "Explain honestly that you cannot promise full confidentiality if someone is at serious risk.", "correct": True,
                 "feedback": "Yes. Being honest about the limits of confidentiality builds trust and keeps people safe."},
                {"text": "Invite them both to meet with you, so that they can talk it through and reconcile.", "correct": False,
                 "feedback": "No. Bringing them together, couples counselling or mediation can put her at greater risk."},
            ],
            "explanation": "Faith and community leaders should never confront the perpetrator, avoid couples counselling and mediation, not press forgiveness, and be honest about confidentiality.",
            "category": "practice",
            "sectors": ["community"],
        },
        {
            "type": "true_false",
            "lesson": "responding-in-your-role",
            "text": "A pattern of controlling behaviour by an ex-partner should only be investigated if there has been a physical assault.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "This is false. Controlling or coercive behaviour after separation can be an offence without any physical violence."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. Since 5 April 2023 the coercive control offence covers behaviour after separation, violent or not."},
            ],
            "explanation": "Investigate the course of conduct. Controlling or coercive behaviour, stalking and harassment can all be offences without a physical assault.",
            "category": "law",
            "sectors": ["police"],
        },
        {
            "type": "single",
            "lesson": "responding-in-your-role",
            "text": "A tenant has rent arrears on a joint tenancy. She says her ex-partner stopped paying his share when she left and has told her he will “make sure she loses the flat”. What should the housing officer do first?",
            "choices": [
                {"text": "Start arrears action against both joint tenants equally, as the tenancy agreement requires.", "correct": False,
                 "feedback": "This could leave her homeless because of his economic abuse. Recognise, respond and refer first."},
                {"text": "Treat it as a dispute between two joint tenants and offer them a meeting to resolve it.", "correct": False,
                 "feedback": "A joint meeting is not safe where there is abuse."},
                {"text": "Contact the ex-partner to ask for his side before deciding what to do about the arrears.", "correct": False,
                 "feedback": "Contacting him could put her at risk."},
                {"text": "Recognise possible economic abuse, respond safely and refer, before acting on the arrears.", "correct": True,
                 "feedback": "Correct. Find out whether the arrears are part of a pattern of abuse before acting against the victim-survivor."},
            ],
            "explanation": "Economic abuse can show up as arrears or debt on a joint tenancy. Housing providers should recognise it and not treat abuse as a tenancy or antisocial behaviour dispute.",
            "category": "practice",
            "sectors": ["housing"],
        },
        {
            "type": "multiple",
            "lesson": "responding-in-your-role",
            "text": "An employee's ex-partner keeps phoning reception to ask when she finishes work. Which steps are good practice?",
            "choices": [
                {"text": "Agree a workplace safety plan with her, including what reception should say.", "correct": True,
                 "feedback": "Yes. A safety plan agreed with the employee is central to the workplace response."},
                {"text": "Make sure no one confirms her hours or whereabouts to callers.", "correct": True,
                 "feedback": "Yes. Protecting information about her routine reduces the risk of stalking at work."},
                {"text": "Keep a dated record of the calls.", "correct": True,
                 "feedback": "Yes. Record is one of the four steps, and records can support a police report."},
                {"text": "Tell her she must sort it out herself because it is a personal matter.", "correct": False,
                 "feedback": "No. Abuse at or through the workplace is the employer's concern: Recognise, Respond, Refer, Record."},
            ],
            "explanation": "Employers can use Recognise, Respond, Refer, Record, and a workplace safety plan, to respond to post-separation stalking at work.",
            "category": "practice",
            "sectors": ["employers"],
        },
        {
            "type": "single",
            "lesson": "responding-in-your-role",
            "text": "A patient attends with her ex-partner, who says he is there “to help with the children”. You suspect post-separation abuse. What is the best approach?",
            "choices": [
                {"text": "Find a way to see the patient on her own before asking about abuse.", "correct": True,
                 "feedback": "Correct. Enquiry about abuse should be made in private, never in front of a partner or ex-partner."},
                {"text": "Avoid the subject because they are no longer together.", "correct": False,
                 "feedback": "Separation does not end abuse, and it can be a time of raised risk."},
                {"text": "Ask the ex-partner to interpret or explain the patient's symptoms.", "correct": False,
                 "feedback": "Never use a partner, ex-partner or family member to interpret or speak for the patient."},
                {"text": "Ask about abuse in front of both of them, so that everything is open.", "correct": False,
                 "feedback": "Asking in front of the ex-partner is unsafe and unlikely to lead to an honest answer."},
            ],
            "explanation": "In health settings, enquiry should be private. NICE sets out four levels of response and expects front-line staff at level 1 or 2: level 1 staff respond to a disclosure and refer on; level 2 staff are also trained to ask about abuse.",
            "category": "practice",
            "sectors": ["health"],
        },
        {
            "type": "true_false",
            "lesson": "children-and-child-arrangements",
            "text": "Handovers of the children can be used by an abusive ex-partner to carry on the abuse.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Handovers can be used to intimidate, monitor or confront the other parent."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Child arrangements, including handovers, are a common route for continuing abuse."},
            ],
            "explanation": "Child arrangements, including handovers, can become a route for continuing abuse after separation.",
            "category": "children",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "when-separation-does-not-end-the-abuse",
            "text": "Why is the time after separation treated as a time of heightened danger?",
            "choices": [
                {"text": "The law stops protecting ex-partners once they no longer live together.", "correct": False,
                 "feedback": "Ex-partners remain personally connected, and the coercive control offence covers behaviour after separation."},
                {"text": "The abuse often changes rather than stops, and the risk of serious harm can rise.", "correct": True,
                 "feedback": "Correct. The Femicide Census found most women killed after separating were killed within a year."},
                {"text": "Victims must give up the support they had from services when they move home.", "correct": False,
                 "feedback": "Support does not end when someone moves; make sure risk is reassessed and support continues."},
                {"text": "Most domestic abuse starts for the first time after a couple has separated.", "correct": False,
                 "feedback": "Post-separation abuse usually continues abuse that began in the relationship."},
            ],
            "explanation": "Leaving can change the abuse rather than end it. Of women killed by a partner or ex-partner who had separated or taken steps to, 30% were killed within one month and 70% within one year.",
            "category": "risk",
            "sectors": [],
        },
        {
            "type": "scenario",
            "category": "risk",
            "case": "<p>Lena left her partner three weeks ago and is staying with her sister. A DASH checklist completed while they were still living together scored 8. Today Lena tells you he has been sending messages from new numbers, has turned up outside her sister's house twice, and has told her that if she does not come back she will “never see the kids again”. She is very frightened.</p>",
            "questions": [
                {
                    "type": "single",
                    "lesson": "risk-after-leaving",
                    "text": "What does the timing of these events tell you?",
                    "choices": [
                        {"text": "Nothing in particular: timing after separation is not relevant to the risk.", "correct": False,
                         "feedback": "The weeks and months after separation are a time of heightened risk."},
                        {"text": "Lena is soon after separation, when the risk can be especially high.", "correct": True,
                         "feedback": "Correct. The weeks and months after separation call for extra care."},
                        {"text": "The risk is probably lower, because they no longer live in the same home.", "correct": False,
                         "feedback": "Separation can be a time of heightened danger."},
                    ],
                    "explanation": "Separation can be a time of increased danger. Of women killed after separating or taking steps to, 30% were killed within a month.",
                    "category": "risk",
                    "sectors": [],
                },
                {
                    "type": "multiple",
                    "lesson": "risk-after-leaving",
                    "text": "Which actions are appropriate?",
                    "choices": [
                        {"text": "Repeat the DASH checklist now, or arrange for a trained colleague to do so.", "correct": True,
                         "feedback": "Yes. The earlier score was taken before separation and is out of date."},
                        {"text": "Rely on the earlier score of 8 and record the case as standard risk.", "correct": False,
                         "feedback": "No. An old, lower score must not be used to play down new and escalating risk."},
                        {"text": "Refer Lena to specialist support and follow safeguarding procedures for the children.", "correct": True,
                         "feedback": "Yes. Specialist support and child safeguarding are both needed here."},
                        {"text": "Consider a MARAC referral on professional judgement, even if the new score is below 14.", "correct": True,
                         "feedback": "Yes. Professional judgement can bring a case to MARAC."},
                    ],
                    "explanation": "Reassess after separation, use professional judgement, refer to specialist support and safeguard the children.",
                    "category": "risk",
                    "sectors": [],
                },
                {
                    "type": "true_false",
                    "lesson": "risk-after-leaving",
                    "text": "A good way to reduce the tension would be to suggest Lena meets her ex-partner to agree arrangements for the children calmly.",
                    "choices": [
                        {"text": "True", "correct": False,
                         "feedback": "This is false. Suggesting a meeting could put Lena at serious risk and increase his control."},
                        {"text": "False", "correct": True,
                         "feedback": "Correct. Never suggest a victim-survivor meets or negotiates with the person abusing her. Child arrangements should be dealt with through specialist and legal advice."},
                    ],
                    "explanation": "Meeting or negotiating directly with an abusive ex-partner can increase risk. Safety planning around child arrangements should involve specialist and legal advice.",
                    "category": "risk",
                    "sectors": [],
                },
            ],
        },
    ],
    "sources": [
        "M1",
        "M2",
        "M3",
        "M4",
        "M5",
        "M6",
        "R1",
        "R2",
        "R3",
        "R4",
        "R5",
        "R6",
        "R7",
        "P1",
        "P2",
        "P3",
        "C6",
        "T1",
        "T2",
        "T4",
        "T5",
        "T6",
        "H13",
        "S1",
        "S4",
        "S5",
        "S7",
        "L1",
        "R8",
    ],
}
