"""Training module: Harmful practices (FGM, forced marriage, so-called honour-based abuse).

Plain data loaded by `seed_demo`; see ../FORMAT.md. Legal points rest on the DOMAIN.md tags
listed in MODULE["sources"] and on the Hertfordshire VAWG Strategy 2026-2029 (harmful
practices background and glossary; Priority 1 objective 4; Priority 3A objectives 1-5).
"""

# --------------------------------------------------------------------------------------
# Lesson 1: Understanding harmful practices
# --------------------------------------------------------------------------------------
LESSON_UNDERSTANDING = {
    "slug": "understanding-harmful-practices",
    "title": "Understanding harmful practices",
    "summary": "What harmful practices are, why they stay hidden, and what is expected of you.",
    "body": [
        ("rich_text",
         "<p>Harmful practices are forms of abuse that have gone on for so long in some "
         "families and communities that the people who carry them out present them as "
         "tradition or culture. This module looks at the three you are most likely to come "
         "across in your work: female genital mutilation (FGM), forced marriage and "
         "so-called honour-based abuse (HBA). The Hertfordshire VAWG Strategy also names "
         "less often reported forms, such as virginity testing and faith-based abuse. "
         "Since the Health and Care Act 2022, virginity testing and hymenoplasty (surgery "
         "to reconstruct the hymen) are criminal offences, as is offering them or helping "
         "someone to get them.</p>"
         "<p>Two ideas run through everything that follows. First, harmful practices are "
         "found in many countries, communities and faiths. No religion requires them, and "
         "many faith and community leaders speak out against them. Treating a whole "
         "community as suspect is wrong, and it also fails victims, because it makes people "
         "less likely to come forward. Second, like other forms of violence against women "
         "and girls, harmful practices grow out of gender inequality. At heart they are "
         "about controlling women's and girls' bodies, relationships and choices.</p>"
         "<p>Most victims are women and girls, but not all. Men and boys are also forced "
         "into marriage. LGBT+ people may be targeted because their sexuality or gender "
         "identity is seen as bringing 'shame' on the family. Disabled people who cannot "
         "consent to marriage are also at risk. Keep an open mind about who might need "
         "help, and remember that male and LGBT+ victims can find it even harder to be "
         "believed.</p>"
         "<h2>Why harmful practices stay hidden</h2>"
         "<ul>"
         "<li>The people causing harm are often parents, siblings, in-laws or other "
         "relatives, so speaking out can mean losing the whole family.</li>"
         "<li>Victims may love their family, want to protect them, or have been told that "
         "what is happening is normal or deserved.</li>"
         "<li>Several people may be involved, and others in the wider network may know and "
         "stay silent, or actively help.</li>"
         "<li>Fear of shame, language barriers, insecure immigration status and past "
         "experiences of not being believed can all stop someone asking for help.</li>"
         "<li>Children may not know that what happened to them was wrong, or that it is "
         "against the law.</li>"
         "</ul>"
         "<p>The strategy notes that there is little data on harmful practices, and a low "
         "level of understanding of them, both in Hertfordshire and nationally. If your "
         "service has never recorded a case, that does not mean harm is not happening. It "
         "may mean it has not yet been recognised.</p>"),
        ("key_point", {
            "heading": "Your role: recognise, respond, record, refer",
            "text": "<p>You are not expected to be a specialist. You are expected to notice "
                    "the signs, respond safely, write down what you saw and heard, and pass "
                    "the concern on quickly through the right route. Specialist services, "
                    "the police and children's or adults' social care take it from "
                    "there.</p>",
        }),
        ("accordion", {
            "heading": "Common misunderstandings",
            "items": [
                {"heading": "\u201cIt's their culture, so it's not my place to get involved.\u201d",
                 "body": "<p>Respecting someone's culture never means accepting abuse. "
                         "Everyone has the same right to be safe. Holding back for fear of "
                         "causing offence leaves victims without help.</p>"},
                {"heading": "\u201cIt only happens in certain communities.\u201d",
                 "body": "<p>Harmful practices happen in many parts of the world and across "
                         "many faiths and backgrounds. Assumptions based on ethnicity or "
                         "religion can make you miss victims you did not expect, and "
                         "wrongly suspect families who pose no risk. Respond to what you "
                         "actually see and hear.</p>"},
                {"heading": "\u201cIt's a religious requirement.\u201d",
                 "body": "<p>No religion requires FGM, forced marriage or violence in the "
                         "name of 'honour'. People who cause harm may claim a religious "
                         "reason, but that claim does not change what they are doing.</p>"},
                {"heading": "\u201cThe family are best placed to sort this out.\u201d",
                 "body": "<p>With harmful practices, family members are often the people "
                         "causing or planning the harm. Contacting them, or asking a "
                         "respected community figure to have a word, can put the victim in "
                         "serious danger. The lessons on forced marriage and honour-based "
                         "abuse explain why.</p>"},
                {"heading": "\u201cOnly women and girls are affected.\u201d",
                 "body": "<p>Women and girls are affected most, which is why this sits in a "
                         "VAWG strategy. But boys, men and LGBT+ people are victims too, "
                         "and they deserve the same careful response.</p>"},
            ],
        }),
        ("rich_text",
         "<h2>What Hertfordshire is doing</h2>"
         "<p>The strategy commits partners to work with by-and-for organisations (services "
         "led by and for the communities they support) to raise awareness of harmful "
         "practices with community and faith groups, to develop prevention work alongside "
         "the health sector, and to expand the support available to victims. It also asks "
         "that training reflects where victims are most likely to come forward. For "
         "example, women and girls affected by FGM may be more likely to be seen in a "
         "health setting, so this module gives health staff extra detail.</p>"),
        ("reflection", {
            "prompt": "Think about the people who use your service. What might make it hard "
                      "for someone facing a harmful practice to tell you? What one change "
                      "would make it easier for them?",
        }),
        ("signpost", {
            "service": "karma-nirvana",
            "text": "Specialist advice on forced marriage and so-called honour-based abuse, "
                    "for people at risk and for professionals who are worried about "
                    "someone.",
        }),
        ("signpost", {
            "service": "national-domestic-abuse-helpline",
            "text": "Open 24 hours, for women experiencing domestic abuse, including abuse "
                    "from family members, and for anyone supporting them.",
        }),
        ("signpost", {
            "service": "mens-advice-line",
            "text": "For men experiencing domestic abuse, including abuse from family "
                    "members.",
        }),
        ("signpost", {
            "service": "galop",
            "text": "For LGBT+ people experiencing domestic abuse, including from family "
                    "members who target them because of their sexuality or gender identity.",
        }),
    ],
}

# --------------------------------------------------------------------------------------
# Lesson 2: FGM and the mandatory reporting duty
# --------------------------------------------------------------------------------------
LESSON_FGM = {
    "slug": "fgm-and-the-mandatory-reporting-duty",
    "title": "FGM and the mandatory reporting duty",
    "summary": "What FGM is, the signs to look for, and exactly what the mandatory "
               "reporting duty asks of you.",
    "body": [
        ("rich_text",
         "<p>Female genital mutilation (FGM) means any procedure that cuts or injures the "
         "female genitals for reasons that are not medical. People may call it 'cutting' or "
         "use other names. It has no health benefits and can cause serious, lasting harm "
         "to physical and emotional health. The strategy cites UNICEF's estimate that 230 "
         "million women and girls worldwide have been subjected to FGM, usually at some "
         "point between infancy and the age of 15.</p>"
         "<p>FGM is a crime in England and Wales under the Female Genital Mutilation Act "
         "2003, and courts can make FGM Protection Orders to protect a girl or woman who "
         "is at risk, or who has already been harmed. When you talk with someone affected, "
         "use the words they use. Many women who went through FGM as small children do not "
         "see themselves as victims, and may feel judged by the word 'mutilation'.</p>"
         "<h2>Possible signs that a girl may be at risk</h2>"
         "<ul>"
         "<li>She mentions a special ceremony, or a trip to 'become a woman'.</li>"
         "<li>Her family is planning a long trip abroad, often over the summer holidays, "
         "and she seems anxious about it.</li>"
         "<li>Her mother, an older sister or other female relatives have had FGM.</li>"
         "</ul>"
         "<h2>Possible signs that it may already have happened</h2>"
         "<ul>"
         "<li>A long absence from school or nursery, after which she seems withdrawn, "
         "anxious or unwell.</li>"
         "<li>Difficulty walking, sitting or standing, or spending a long time in the "
         "toilet.</li>"
         "<li>Reluctance to take part in PE or to have medical checks.</li>"
         "<li>She asks for help, even indirectly, or hints that something was done to "
         "her.</li>"
         "</ul>"
         "<p>None of these signs proves anything by itself. They are reasons to think "
         "carefully and follow your safeguarding procedures, not reasons to make "
         "assumptions about a family.</p>"),
        ("accordion", {
            "heading": "The mandatory reporting duty, step by step",
            "items": [
                {"heading": "Who the duty applies to",
                 "body": "<p>Regulated health and social care professionals, and teachers, "
                         "working in England and Wales. It comes from section 5B of the "
                         "Female Genital Mutilation Act 2003 and has been in force since "
                         "31 October 2015.</p>"},
                {"heading": "What triggers it",
                 "body": "<p>A <strong>known</strong> case of FGM in a girl <strong>under "
                         "18</strong> that you come across in your work. A case is 'known' "
                         "when either the girl herself tells you that FGM has been carried "
                         "out on her, or you see visible signs that appear to show FGM in "
                         "the normal course of your professional work.</p>"},
                {"heading": "What you must do",
                 "body": "<p>Report it to the police by phoning 101. Explain that you are "
                         "making a report under the FGM mandatory reporting duty, answer "
                         "the call handler's questions, and say what safeguarding action "
                         "has been or will be taken. Then record the report, what you saw "
                         "or were told, and when, following your organisation's "
                         "policy.</p>"},
                {"heading": "How quickly",
                 "body": "<p>Ideally by the end of the next working day. The outer limit is "
                         "one month, but you should not wait without a good reason. If you "
                         "think a girl is in immediate danger, phone 999 instead.</p>"},
                {"heading": "Who makes the report",
                 "body": "<p>You do, personally. The duty cannot be handed on to a "
                         "colleague, a manager or a safeguarding lead. You should still "
                         "tell your designated safeguarding lead or safeguarding lead, so "
                         "they can take any wider action, but telling them does not "
                         "replace your own report to the police.</p>"},
                {"heading": "What the duty does not cover",
                 "body": "<p>Suspected cases, girls who may be at risk, and women aged 18 or "
                         "over fall outside the duty. That never means doing nothing: "
                         "refer them through your local safeguarding procedures, for "
                         "example to children's social care for a girl at risk. If someone "
                         "other than the girl, such as a relative, tells you a girl has had "
                         "FGM, act on it straight away through those same "
                         "procedures.</p>"},
            ],
        }),
        ("key_point", {
            "heading": "Known or suspected?",
            "text": "<p><strong>Known</strong> (a girl under 18 has told you, or you have "
                    "seen visible signs in your work): if you are a regulated health or "
                    "social care professional or a teacher, you personally report to the "
                    "police on 101. <strong>Suspected, at risk, or aged 18 or "
                    "over</strong>: follow local safeguarding procedures. In every case, "
                    "tell your safeguarding lead, record what you did, and phone 999 if "
                    "anyone is in immediate danger.</p>",
        }),
        ("sector_variant", {
            "sectors": ["health"],
            "blocks": [
                ("rich_text",
                 "<h2>In health settings</h2>"
                 "<p>The strategy recognises that women and girls affected by FGM may be "
                 "more likely to come forward in health settings, so you may be the first "
                 "professional to know. Doctors, nurses, midwives and other regulated "
                 "health professionals are covered by the mandatory duty.</p>"
                 "<ul>"
                 "<li>Ask about FGM in private, with no partner or relative in the room, "
                 "and use a professional interpreter rather than a family member.</li>"
                 "<li>If you see visible signs of FGM on a girl under 18 during clinical "
                 "care, you must report it to the police on 101 yourself, as well as "
                 "telling your safeguarding lead.</li>"
                 "<li>When an adult woman has had FGM, for example in pregnancy care, the "
                 "duty does not apply. Think about whether any daughters or other girls "
                 "in the family may be at risk, and follow local safeguarding procedures "
                 "if so.</li>"
                 "<li>Offer care and support for the woman's own physical and emotional "
                 "health, and record the conversation carefully.</li>"
                 "</ul>"),
                ("case_scenario", {
                    "title": "An antenatal appointment",
                    "scenario": "<p>Grace, 28, comes to a routine antenatal appointment. "
                                "While she is seen alone, she tells the midwife that she "
                                "had FGM as a young child, before she moved to the UK. She "
                                "has a four-year-old daughter, and says her own mother has "
                                "started talking about 'doing things the traditional way' "
                                "with the children.</p>",
                    "question": "What would you do?",
                    "reveal": "<p>Grace is an adult, so the mandatory duty does not apply "
                              "to her own FGM and no 101 report is needed on that basis. "
                              "But the midwife now has information suggesting that Grace's "
                              "daughter, and the baby if it is a girl, may be at risk. "
                              "Good practice: thank Grace for telling you and stay "
                              "non-judgemental; talk with her gently about the law and "
                              "the harm FGM causes; ask how she feels about her mother's "
                              "comments and what support she wants. Record the "
                              "conversation in her own words, tell your safeguarding lead "
                              "and follow local safeguarding procedures for a child at "
                              "risk. Offer Grace support for her own health. If you are "
                              "unsure, the NSPCC FGM helpline can advise.</p>",
                }),
            ],
        }),
        ("sector_variant", {
            "sectors": ["education"],
            "blocks": [
                ("rich_text",
                 "<h2>In schools and colleges</h2>"
                 "<p>Teachers are covered by the mandatory duty. Keeping Children Safe in "
                 "Education (Annex B) also sets out what school and college staff need to "
                 "know about FGM, forced marriage, so-called honour-based abuse and "
                 "domestic abuse, and says that concerns go to the designated safeguarding "
                 "lead (DSL).</p>"
                 "<ul>"
                 "<li><strong>Never examine a pupil</strong> or ask to see anything. Act "
                 "only on what a pupil tells you or what you notice in the ordinary course "
                 "of your work.</li>"
                 "<li>If a pupil under 18 tells you FGM has been carried out on her, you "
                 "must personally report it to the police on 101, ideally by the end of the "
                 "next working day. Tell the DSL as well; the DSL's action does not replace "
                 "your own report.</li>"
                 "<li>Every member of staff, whatever their role, must pass any FGM concern "
                 "to the DSL at once.</li>"
                 "<li>Concerns that a pupil may be at risk, such as talk of a special "
                 "ceremony abroad in the holidays, go to the DSL immediately, because "
                 "timing may be critical.</li>"
                 "</ul>"),
                ("case_scenario", {
                    "title": "A disclosure after the summer",
                    "scenario": "<p>Sara, 12, is back at school after a long summer trip "
                                "abroad. She seems tired and uncomfortable and has asked "
                                "to sit out of PE. After a lesson she tells her form "
                                "teacher that she 'had the cut' during the trip, 'like all "
                                "the girls in my family', and that she has not felt well "
                                "since.</p>",
                    "question": "What would you do?",
                    "reveal": "<p>This is a known case: a girl under 18 has told a teacher "
                              "that FGM was carried out on her. Good practice: stay calm, "
                              "listen, and tell Sara she was right to tell you. Do not ask "
                              "to see anything or examine her, and do not promise to keep "
                              "it secret. Tell the DSL straight away, because Sara may need "
                              "medical care and her sisters or other girls in the family "
                              "may be at risk. The teacher must also personally report to "
                              "the police on 101, ideally by the end of the next working "
                              "day; the DSL cannot do this on their behalf. Record what "
                              "Sara said in her own words, with the time and what you did. "
                              "Do not contact her parents until the DSL has agreed next "
                              "steps with children's social care and the police.</p>",
                }),
            ],
        }),
        ("sector_variant", {
            "sectors": ["social-care"],
            "blocks": [
                ("rich_text",
                 "<h2>In social care</h2>"
                 "<p>Regulated social care professionals, such as registered social "
                 "workers, are covered by the mandatory duty.</p>"
                 "<ul>"
                 "<li>If a girl under 18 tells you FGM has been carried out on her, report "
                 "it to the police on 101 yourself and tell your manager or safeguarding "
                 "lead. You cannot delegate the report.</li>"
                 "<li>It is not your role to examine or ask to see anything; any medical "
                 "assessment is for health colleagues through agreed procedures.</li>"
                 "<li>Where FGM is suspected or a girl is at risk, act under local child "
                 "safeguarding procedures, and consider whether an FGM Protection Order "
                 "is needed.</li>"
                 "<li>Where an adult woman has had FGM, think about any girls in the family "
                 "and about what support she may want for herself.</li>"
                 "</ul>"),
            ],
        }),
        ("sector_variant", {
            "sectors": ["police"],
            "blocks": [
                ("rich_text",
                 "<h2>For police staff</h2>"
                 "<p>Reports under the mandatory duty come to the police on 101, so call "
                 "handlers and officers need to recognise them and treat each one as both "
                 "a possible crime and an urgent safeguarding matter for a child. Work "
                 "jointly with children's social care from the start. FGM Protection Orders "
                 "can protect a girl at risk, and a court can make one in an emergency so "
                 "that protection is in place at once.</p>"),
            ],
        }),
        ("sector_variant", {
            "sectors": ["housing", "employers", "community", "specialist"],
            "blocks": [
                ("rich_text",
                 "<h2>If the duty does not apply to your role</h2>"
                 "<p>The mandatory reporting duty covers only regulated health and social "
                 "care professionals and teachers. If you work in housing, for an "
                 "employer, in a community or faith setting, or in a specialist support "
                 "service (and are not also a regulated health or social care professional "
                 "or a teacher), you still have an important part to play. Pass any FGM "
                 "concern "
                 "(a girl who may have been harmed, or who may be at risk) to your "
                 "safeguarding lead straight away so that it goes through local "
                 "safeguarding procedures. If a girl may be taken abroad soon or is in "
                 "immediate danger, phone 999. Anyone worried about a girl can get advice "
                 "from the NSPCC FGM helpline.</p>"),
            ],
        }),
        ("survivor_voice", {
            "quote": "Nobody had ever asked me about it. Then a nurse asked, gently, when I "
                     "was on my own. She didn't look shocked. She asked what I needed, and "
                     "she was honest about what she had to do to keep my little girl safe. "
                     "It was the first time I felt someone was on our side.",
            "attribution": "Composite account drawn from several survivors' experiences, "
                           "not one real person",
        }),
        ("reflection", {
            "prompt": "If a girl told you today that something had been done to her during "
                      "a family trip, what exactly would you do in the next hour? Do you "
                      "know how to reach your safeguarding lead today, and whether the "
                      "mandatory duty applies to you?",
        }),
        ("signpost", {
            "service": "nspcc-fgm-helpline",
            "text": "Advice for professionals, or anyone else, worried that a girl has had "
                    "FGM or may be at risk of it.",
        }),
        ("signpost", {
            "service": "emergency-999",
            "text": "If a girl is in immediate danger, or may be about to be taken abroad "
                    "for FGM. A caller on a mobile who cannot speak can press 55 when "
                    "asked (the Silent Solution).",
        }),
    ],
}

# --------------------------------------------------------------------------------------
# Lesson 3: Forced marriage and the "one chance" rule
# --------------------------------------------------------------------------------------
LESSON_FORCED_MARRIAGE = {
    "slug": "forced-marriage-and-the-one-chance-rule",
    "title": "Forced marriage and the 'one chance' rule",
    "summary": "What forced marriage is, what the law says, and how to use what may be "
               "your only chance to help.",
    "body": [
        ("rich_text",
         "<p>A forced marriage is one where someone uses violence, threats or other "
         "pressure to make a person marry without their full and free consent. The "
         "pressure can be physical, emotional, financial or sexual: for example threats to "
         "hurt or disown the person, threats of self-harm by a relative, or cutting them "
         "off from money or their children. Forced marriage is a crime. It can "
         "include:</p>"
         "<ul>"
         "<li>taking a person to another country so that they can be made to marry there, "
         "even if no wedding ends up taking place;</li>"
         "<li>any act meant to get a child married before they turn 18, even if no force "
         "or pressure is involved;</li>"
         "<li>marrying off someone who does not have the mental capacity to agree to it, "
         "even if nobody pressures them.</li>"
         "</ul>"
         "<p>Since 26 February 2023 the minimum age of marriage in England and Wales has "
         "been 18, and parental agreement does not change that. Courts can make Forced "
         "Marriage Protection Orders, which place legally binding conditions on the people "
         "trying to force a marriage, to protect someone at risk or someone who has "
         "already been forced to marry. Public bodies must have regard to the statutory "
         "guidance on forced marriage issued under section 63Q of the Family Law Act "
         "1996.</p>"
         "<p>The <strong>Forced Marriage Unit</strong> (020 7008 0151), run jointly by the "
         "Home Office and the Foreign, Commonwealth and Development Office, advises "
         "professionals handling a case and helps people facing forced marriage, "
         "including British nationals who are already overseas. Call it when someone may "
         "be taken abroad, or is abroad and wants help.</p>"
         "<h2>Arranged is not the same as forced</h2>"
         "<p>In an arranged marriage, families may introduce and suggest a partner, but "
         "both people are free to say yes or no. The difference is consent. If someone "
         "feels they cannot refuse, or would face harm, threats or rejection if they did, "
         "their agreement is not free.</p>"
         "<h2>Who is affected</h2>"
         "<p>Most victims are women and girls, but men and boys are also forced to marry. "
         "LGBT+ people may be forced into marriage in an attempt to hide or 'change' their "
         "sexuality or gender identity. Disabled people who cannot consent to marriage are "
         "also at risk, and may not be able to tell you what is happening.</p>"
         "<h2>Possible signs</h2>"
         "<ul>"
         "<li>Sudden or long absences from school, college or work, or a request for an "
         "unusually long period of leave abroad.</li>"
         "<li>Anxiety or low mood before a trip, or talk of an engagement the person did "
         "not choose.</li>"
         "<li>Being escorted everywhere, or having their phone, money or documents "
         "controlled by others.</li>"
         "<li>An older brother or sister who left education early or married young.</li>"
         "<li>Self-harm, running away or sudden changes in behaviour.</li>"
         "</ul>"),
        ("key_point", {
            "heading": "The 'one chance' rule",
            "text": "<p>You may only get one chance to speak to someone at risk of forced "
                    "marriage. If they leave without help, they may be taken abroad, moved, "
                    "or watched so closely that they cannot reach out again. Treat every "
                    "disclosure as if it is the only one you will get.</p>",
        }),
        ("accordion", {
            "heading": "Using your one chance well",
            "items": [
                {"heading": "See them alone, in private",
                 "body": "<p>Speak to the person on their own, somewhere you cannot be "
                         "overheard, even if a relative or friend insists on staying. If "
                         "you need an interpreter, use a professional one, never a family "
                         "member, a friend or anyone who may know the family.</p>"},
                {"heading": "Never approach the family or community leaders",
                 "body": "<p>Do not contact the family, tell them about the disclosure, or "
                         "ask a community or faith leader to speak to them. This can warn "
                         "the people causing harm, bring plans forward, or lead to the "
                         "person being moved or hurt.</p>"},
                {"heading": "Do not mediate",
                 "body": "<p>Mediation, reconciliation and family meetings are dangerous. "
                         "They put pressure on the person to back down and let the family "
                         "know that help has been sought.</p>"},
                {"heading": "Agree a safety plan and a safe way to contact them",
                 "body": "<p>Before they leave, agree a safety plan together and a safe way "
                         "to reach them: a number only they use, a safe time to call, or a "
                         "word that means they cannot talk. Note any details that could "
                         "help if they were taken abroad, such as travel dates and where "
                         "they might be going.</p>"},
                {"heading": "Act quickly and refer",
                 "body": "<p>Tell your safeguarding lead the same day. If the person is "
                         "under 18, follow child safeguarding procedures; if they are an "
                         "adult, follow your local safeguarding procedures. If travel is "
                         "imminent or they are in danger, phone 999. The Forced Marriage "
                         "Unit can advise you on the case, including what can be done if "
                         "the person is taken overseas, and Karma Nirvana can advise both "
                         "you and the person at risk.</p>"},
                {"heading": "Respect choices, without delaying",
                 "body": "<p>Adults have the right to make their own decisions, and some "
                         "will not want the police involved. Explain their options, "
                         "including protection orders, and be honest about what you must "
                         "do if you believe they or others, including children, are at "
                         "risk of serious harm. Do not promise total "
                         "confidentiality.</p>"},
            ],
        }),
        ("case_scenario", {
            "title": "A request for extended leave",
            "scenario": "<p>Daniel, 24, works in a warehouse team. He asks his manager for "
                        "eight weeks' unpaid leave next month to go to 'a family wedding' "
                        "abroad. He seems flat and distracted. In a private conversation "
                        "he says the wedding is his own, that he has not agreed to it, and "
                        "that his parents arranged it after finding out he is gay. He says "
                        "his father and uncles will 'deal with him' if he refuses.</p>",
            "question": "What would you do?",
            "reveal": "<p>This is a disclosure of possible forced marriage and so-called "
                      "honour-based abuse, and it may be the manager's one chance to help. "
                      "Good practice: keep the conversation private and unhurried; "
                      "believe Daniel and tell him this is not his fault. Do not contact "
                      "his family or anyone who knows them, and do not suggest he talks it "
                      "through with his parents. Ask what he wants to happen. Before he "
                      "leaves the room, agree a safe way to contact him and a basic safety "
                      "plan, and note the travel dates and where he would be taken. "
                      "Explain that forced marriage is a crime and that specialist help "
                      "is available: the Forced Marriage Unit (020 7008 0151) advises "
                      "professionals handling cases like this and can help British "
                      "nationals overseas; Karma Nirvana can advise Daniel and his employer; and "
                      "Galop's National LGBT+ Domestic Abuse Helpline supports LGBT+ "
                      "people abused by their family. Pass the concern to the "
                      "organisation's safeguarding or HR "
                      "lead the same day, on a need-to-know basis, and record what he said "
                      "in his own words. If he is in danger or travel is imminent, phone "
                      "999. Simply approving the leave without asking any questions could "
                      "have left him without help.</p>",
        }),
        ("survivor_voice", {
            "quote": "My teacher noticed I'd gone quiet before the holidays. She found a "
                     "room where we could talk on our own and she didn't ring my parents. "
                     "She gave me a way to reach her that nobody else knew about. I know "
                     "now that conversation was probably my one chance.",
            "attribution": "Composite account based on common experiences, not one "
                           "person's story",
        }),
        ("sector_variant", {
            "sectors": ["housing"],
            "blocks": [
                ("rich_text",
                 "<h2>In housing</h2>"
                 "<ul>"
                 "<li>People at risk of forced marriage or honour-based abuse may need safe "
                 "rehousing, sometimes well away from where their family and wider network "
                 "live.</li>"
                 "<li>Never disclose a person's address or placement, or even whether they "
                 "are known to your service, to anyone who asks. That includes relatives "
                 "and people who say they are worried about them.</li>"
                 "<li>Flag records so colleagues know not to share information, and make "
                 "sure letters, calls and visits cannot alert the family.</li>"
                 "<li>Respond quickly: a homelessness approach may be someone's one chance. "
                 "Refer through your safeguarding lead and to specialist support.</li>"
                 "</ul>"),
            ],
        }),
        ("sector_variant", {
            "sectors": ["employers"],
            "blocks": [
                ("rich_text",
                 "<h2>For employers and managers</h2>"
                 "<p>Use the four steps: <strong>Recognise, Respond, Refer, "
                 "Record</strong>.</p>"
                 "<ul>"
                 "<li><strong>Recognise:</strong> a request for extended leave abroad, "
                 "anxiety about a trip, being escorted to and from work, or relatives "
                 "checking up on someone at work can all be signs.</li>"
                 "<li><strong>Respond:</strong> speak privately, listen, believe them, and "
                 "never contact the family.</li>"
                 "<li><strong>Refer:</strong> to your HR or safeguarding lead, to "
                 "specialist help such as the Forced Marriage Unit or Karma Nirvana, and "
                 "to 999 if there is immediate danger.</li>"
                 "<li><strong>Record:</strong> what was said and done, stored securely and "
                 "shared only with people who need to know. Never give out an employee's "
                 "shift pattern or contact details to callers.</li>"
                 "</ul>"),
            ],
        }),
        ("reflection", {
            "prompt": "If someone at risk of forced marriage came to you today, where in "
                      "your workplace could you speak to them alone, and how would you "
                      "agree a safe way to stay in touch?",
        }),
        ("signpost", {
            "service": "karma-nirvana",
            "text": "For anyone facing forced marriage, and for professionals worried "
                    "about someone.",
        }),
        ("signpost", {
            "service": "forced-marriage-unit",
            "text": "Advice for professionals handling a forced marriage case, and help "
                    "for people facing forced marriage, including British nationals "
                    "overseas.",
        }),
        ("signpost", {
            "service": "galop",
            "text": "For LGBT+ people experiencing domestic abuse, including from family "
                    "members who target them because of their sexuality or gender identity.",
        }),
        ("signpost", {
            "service": "emergency-999",
            "text": "If someone is in immediate danger or is about to be taken abroad "
                    "against their will. A caller on a mobile who cannot speak can press "
                    "55 when asked (the Silent Solution).",
        }),
    ],
}

# --------------------------------------------------------------------------------------
# Lesson 4: So-called honour-based abuse
# --------------------------------------------------------------------------------------
LESSON_HBA = {
    "slug": "so-called-honour-based-abuse",
    "title": "So-called honour-based abuse",
    "summary": "What honour-based abuse is, why it often involves several people, and "
               "what that means for safety.",
    "body": [
        ("rich_text",
         "<p>The Crown Prosecution Service describes honour-based abuse as any incident "
         "or crime carried out to protect or defend the perceived honour of an individual, "
         "family or community. Karma Nirvana, whose description the Hertfordshire strategy uses, "
         "sees it as a type of domestic abuse driven by the abuser's belief that a person "
         "has shamed, or might shame, themselves, their family or their community. We say "
         "'so-called' because there is no honour in abuse: the phrase describes the "
         "abuser's excuse, not the reality.</p>"
         "<p>Honour-based abuse is about control. It may be used against someone "
         "for:</p>"
         "<ul>"
         "<li>having a relationship, or wanting to choose their own partner;</li>"
         "<li>refusing a marriage, or wanting to leave one;</li>"
         "<li>their sexuality or gender identity;</li>"
         "<li>how they dress, who their friends are, or how they use social media;</li>"
         "<li>wanting to study, work or live independently;</li>"
         "<li>reporting abuse or asking for help.</li>"
         "</ul>"
         "<p>It can take many forms: constant monitoring, threats, restricting someone's "
         "freedom or money, emotional abuse, physical or sexual violence, being disowned, "
         "being taken abroad, forced marriage or FGM. It can escalate to serious "
         "violence.</p>"
         "<h2>What makes it different</h2>"
         "<p>Honour-based abuse often involves <strong>more than one "
         "perpetrator</strong>: parents, siblings, partners, in-laws or members of the "
         "wider family. Others may <strong>collude</strong> by watching the victim, "
         "passing on information, helping to trace them or pressing them to come home. "
         "Relatives of any gender may be involved. So getting away from one person does "
         "not make someone safe, and people who seem helpful may be reporting back. The "
         "strategy notes that ideas of 'honour' can raise risk and create extra barriers "
         "to spotting abuse and to telling anyone about it.</p>"),
        ("key_point", {
            "heading": "Take it seriously the first time",
            "text": "<p>When someone says they are afraid of their family, believe them. "
                    "Risk can rise sharply when a person resists, leaves, or is seen to "
                    "have brought shame. Act on the first disclosure, follow the 'one "
                    "chance' principles, and never let anyone act as a go-between with the "
                    "family.</p>",
        }),
        ("case_scenario", {
            "title": "A call to the housing office",
            "scenario": "<p>Leah, 20, came to the housing options team last week after "
                        "leaving her family home. She said her brothers had threatened her "
                        "after finding out about her boyfriend, and she has been placed in "
                        "temporary accommodation. Today a man phones, says he is Leah's "
                        "uncle, and asks where she is staying because her mother has been "
                        "taken ill and is asking for her. He sounds upset and very "
                        "polite.</p>",
            "question": "What would you do?",
            "reveal": "<p>Do not confirm that Leah is known to the service, and give no "
                      "information about where she is. Do not offer to pass on a message "
                      "either, because that confirms she is in contact with you. A "
                      "believable, caring reason is a common way to try to trace someone, "
                      "and several relatives may be involved. Good practice: end the call "
                      "neutrally, record exactly what was said, and tell your manager and "
                      "safeguarding lead straight away. Make sure Leah's records are "
                      "flagged so no one else discloses anything. Tell Leah about the call "
                      "using the safe contact method she agreed, review her safety plan "
                      "with her, and consider whether her placement is still safe. Refer "
                      "her to specialist support such as Karma Nirvana if this has not "
                      "already happened, and phone 999 if there is an immediate "
                      "threat.</p>",
        }),
        ("sector_variant", {
            "sectors": ["police"],
            "blocks": [
                ("rich_text",
                 "<h2>For police</h2>"
                 "<ul>"
                 "<li>Expect more than one suspect. Identify everyone who may be involved, "
                 "including relatives who are not present, and assess the risk from the "
                 "wider family and community network, which may be colluding.</li>"
                 "<li>Speak to the victim alone, with a professional interpreter who has no "
                 "link to the family. Never use relatives or community contacts as "
                 "interpreters or go-betweens.</li>"
                 "<li>Be alert to relatives reporting the victim as missing as a way of "
                 "finding them, and never disclose their whereabouts.</li>"
                 "<li>Look for a pattern of controlling or coercive behaviour, not just a "
                 "single incident.</li>"
                 "<li>Consider protection orders, including Forced Marriage Protection "
                 "Orders and FGM Protection Orders, and refer to MARAC where the risk "
                 "meets the criteria.</li>"
                 "</ul>"),
            ],
        }),
        ("sector_variant", {
            "sectors": ["specialist"],
            "blocks": [
                ("rich_text",
                 "<h2>For specialist services</h2>"
                 "<p>Use the DASH risk checklist (24 questions; 14 or more 'yes' answers "
                 "indicates visible high risk), but consider the risk from every possible "
                 "perpetrator, not just a partner. A lower score does not rule out "
                 "serious danger: professional judgement can be used to refer a case to "
                 "MARAC, and must never be used to downgrade one. The strategy commits to "
                 "adapting risk tools for minoritised groups and to making sure MARAC "
                 "applies best practice for victims affected by harmful practices, "
                 "including cultural competency and partnerships with specialist "
                 "organisations. Offer links with by-and-for services where the survivor "
                 "wants them, and check that any interpreter has no connection to the "
                 "family.</p>"),
            ],
        }),
        ("reflection", {
            "prompt": "Honour-based abuse often involves people who sound helpful or "
                      "concerned. What checks does your service make before sharing any "
                      "information about a client with someone who phones or calls in? "
                      "Are those checks strong enough?",
        }),
        ("signpost", {
            "service": "karma-nirvana",
            "text": "Specialist advice on so-called honour-based abuse for victims and for "
                    "professionals.",
        }),
        ("signpost", {
            "service": "national-domestic-abuse-helpline",
            "text": "Open 24 hours, for women experiencing domestic abuse, including abuse "
                    "from family members, and for anyone supporting them.",
        }),
        ("signpost", {
            "service": "mens-advice-line",
            "text": "For men experiencing domestic abuse, including abuse from family "
                    "members.",
        }),
        ("signpost", {
            "service": "galop",
            "text": "For LGBT+ people experiencing domestic abuse, including from family "
                    "members who target them because of their sexuality or gender identity.",
        }),
        ("signpost", {
            "service": "emergency-999",
            "text": "If anyone is in immediate danger. A caller on a mobile who cannot "
                    "speak can press 55 when asked (the Silent Solution).",
        }),
    ],
}

# --------------------------------------------------------------------------------------
# Lesson 5: Responding safely in your role
# --------------------------------------------------------------------------------------
LESSON_RESPONDING = {
    "slug": "responding-safely-in-your-role",
    "title": "Responding safely in your role",
    "summary": "The safe-response principles that apply to every harmful practice, and "
               "how they work in your sector.",
    "body": [
        ("rich_text",
         "<p>Across FGM, forced marriage and honour-based abuse, the same principles keep "
         "people safe. You do not need to be an expert. You do need to know what not to "
         "do, and who to tell.</p>"
         "<h2>Recognise</h2>"
         "<p>Be curious when something does not add up: a long absence, worry about a "
         "trip, someone who is always accompanied, or a relative who answers every "
         "question for them. Ask about it privately and sensitively.</p>"
         "<h2>Respond</h2>"
         "<ul>"
         "<li>Make sure you are alone with the person, somewhere private, and check that "
         "it is safe for them to talk now.</li>"
         "<li>Listen, believe them, and tell them it is not their fault. Avoid any "
         "suggestion that their culture or faith is to blame.</li>"
         "<li>Do not promise to keep everything secret. Explain who you may need to tell "
         "and why, and involve them in decisions as far as you safely can.</li>"
         "<li>Never contact the family, use a relative or friend as an interpreter, or "
         "suggest mediation or a family meeting.</li>"
         "<li>Agree a safe way to contact them, and a basic safety plan, before they "
         "leave.</li>"
         "<li>If there is immediate danger, or someone is about to be taken abroad, phone "
         "999.</li>"
         "</ul>"
         "<h2>Record</h2>"
         "<p>Write down what you saw and heard, using the person's own words, with the "
         "date, the time and what you did. Keep records factual and secure, and share "
         "information only with people who need to know. Check that nothing you send, "
         "such as a letter or text, could alert the family.</p>"
         "<h2>Refer</h2>"
         "<p>Tell your safeguarding lead the same day, and follow child or adult "
         "safeguarding procedures as appropriate. If you are covered by the FGM mandatory "
         "reporting duty and learn of a known case in a girl under 18, you must also "
         "report it to the police on 101 yourself. Specialist services such as Karma "
         "Nirvana and the NSPCC FGM helpline can advise both you and the person at "
         "risk, and the Forced Marriage Unit advises professionals on forced marriage "
         "cases, including where someone has been taken overseas.</p>"),
        ("key_point", {
            "heading": "Five things never to do",
            "text": "<ul>"
                    "<li>Never let someone leave without a safety plan and a safe way to "
                    "contact them.</li>"
                    "<li>Never approach the family or community leaders about the "
                    "concern.</li>"
                    "<li>Never attempt mediation, reconciliation or a family meeting.</li>"
                    "<li>Never use family, friends or anyone who may know the family as "
                    "interpreters.</li>"
                    "<li>Never dismiss a concern as 'cultural' or 'a private family "
                    "matter'.</li>"
                    "</ul>",
        }),
        ("case_scenario", {
            "title": "A request for mediation",
            "scenario": "<p>Joy, 30, speaks to a leader at her place of worship after a "
                        "service. She wants to leave her marriage. Her husband's family have "
                        "told her she will 'bring shame on everyone' and will never see her "
                        "children again if she goes. A few days later her father-in-law "
                        "asks the leader to meet the family and 'help Joy see sense'.</p>",
            "question": "What would you do?",
            "reveal": "<p>The leader should not agree to any meeting, mediation or family "
                      "discussion, and should not tell the family anything Joy has said. "
                      "Urging her to forgive, be patient or stay for the family's sake "
                      "would add to the pressure on her. Good practice: speak to Joy "
                      "privately, believe her, and tell her the threats are not "
                      "acceptable. Be honest that you cannot promise full "
                      "confidentiality, especially as children are involved. Help her "
                      "reach specialist support such as Karma Nirvana or the National "
                      "Domestic Abuse Helpline, agree a safe way to keep in touch, and "
                      "pass the concern to your organisation's safeguarding lead. If she "
                      "or the children are in immediate danger, phone 999. Reply to the "
                      "father-in-law politely, without sharing anything or agreeing to "
                      "act.</p>",
        }),
        ("sector_variant", {
            "sectors": ["community"],
            "blocks": [
                ("rich_text",
                 "<h2>For community and faith leaders and volunteers</h2>"
                 "<p>People often turn first to someone they trust in their own community "
                 "or place of worship. That trust is precious, and it brings particular "
                 "responsibilities.</p>"
                 "<ul>"
                 "<li>Never confront the person causing harm, and never approach the "
                 "family or other community leaders on the victim's behalf.</li>"
                 "<li>Do not offer mediation, couples counselling or a family meeting, and "
                 "do not press the person to forgive, be patient or go back.</li>"
                 "<li>Do not promise full confidentiality. Explain that you may need to "
                 "share information to keep them or others safe, especially a child.</li>"
                 "<li>Pass the concern to your organisation's safeguarding lead, and "
                 "signpost to specialist help such as Karma Nirvana or, for forced "
                 "marriage, the Forced Marriage Unit.</li>"
                 "<li>Use your voice: leaders who say clearly that their faith does not "
                 "require these practices help to prevent them.</li>"
                 "</ul>"),
            ],
        }),
        ("sector_variant", {
            "sectors": ["health"],
            "blocks": [
                ("rich_text",
                 "<h2>In health settings</h2>"
                 "<p>Ask about abuse only in private, with no partner, relative or "
                 "companion in the room, and use professional interpreters. NICE sets out "
                 "four levels of response, and its quality standard (QS116) expects "
                 "front-line staff to be trained to level 1 (responding to a disclosure) or "
                 "level 2 (also asking about abuse); know which applies to you and where to "
                 "refer. "
                 "Because FGM is more likely to come to light in health settings, make "
                 "sure you know your organisation's FGM procedures, including the "
                 "mandatory duty, before you need them.</p>"),
            ],
        }),
        ("sector_variant", {
            "sectors": ["education"],
            "blocks": [
                ("rich_text",
                 "<h2>In schools and colleges</h2>"
                 "<p>Every concern about FGM, forced marriage or honour-based abuse goes "
                 "to the designated safeguarding lead without delay, in line with Keeping "
                 "Children Safe in Education (Annex B). Do not contact parents yourself "
                 "where this could increase the risk; the DSL decides next steps with "
                 "children's social care and the police. Be especially alert before long "
                 "holidays, and remember that a teacher's FGM reporting duty stays "
                 "personal even when the DSL is involved.</p>"),
            ],
        }),
        ("sector_variant", {
            "sectors": ["social-care"],
            "blocks": [
                ("rich_text",
                 "<h2>In social care</h2>"
                 "<p>Working in partnership with parents and families is usually central "
                 "to good practice, but with harmful practices, telling the family about "
                 "concerns can increase the danger. Agree with your manager, and with the "
                 "police where needed, before any contact with the family. Speak to the "
                 "child or adult alone, use independent interpreters, and consider "
                 "protection orders. Remember that the FGM mandatory duty applies to "
                 "regulated social care professionals.</p>"),
            ],
        }),
        ("reflection", {
            "prompt": "Which of the 'never' rules would be hardest to follow in your role, "
                      "for example because relatives usually come to appointments or "
                      "interpret? What would you do differently from now on?",
        }),
        ("signpost", {
            "service": "karma-nirvana",
            "text": "Advice on forced marriage and so-called honour-based abuse, for you "
                    "or the person at risk.",
        }),
        ("signpost", {
            "service": "nspcc-fgm-helpline",
            "text": "Advice when you are worried that a girl has had FGM or may be at "
                    "risk.",
        }),
        ("signpost", {
            "service": "forced-marriage-unit",
            "text": "Advice for professionals handling a forced marriage case, and help "
                    "for people facing forced marriage, including British nationals "
                    "overseas.",
        }),
        ("signpost", {
            "service": "national-domestic-abuse-helpline",
            "text": "Open 24 hours, for women experiencing domestic abuse, including abuse "
                    "from family members, and for anyone supporting them.",
        }),
        ("signpost", {
            "service": "mens-advice-line",
            "text": "For men experiencing domestic abuse, including abuse from family "
                    "members.",
        }),
        ("signpost", {
            "service": "galop",
            "text": "For LGBT+ people experiencing domestic abuse, including from family "
                    "members who target them because of their sexuality or gender identity.",
        }),
        ("signpost", {
            "service": "emergency-999",
            "text": "If someone is in immediate danger or about to be taken abroad. A "
                    "caller on a mobile who cannot speak can press 55 when asked (the "
                    "Silent Solution).",
        }),
    ],
}

# --------------------------------------------------------------------------------------
# Quiz bank
# --------------------------------------------------------------------------------------
QUESTIONS = [
    {
        "type": "single",
        "lesson": "fgm-and-the-mandatory-reporting-duty",
        "text": "Who does the FGM mandatory reporting duty apply to?",
        "choices": [
            {"text": "Regulated health and social care professionals, and teachers, in England and Wales", "correct": True,
             "feedback": "Correct. These are the groups the duty under section 5B of the FGM Act 2003 covers."},
            {"text": "Police officers, and the designated safeguarding lead in every school or health setting", "correct": False,
             "feedback": "The duty is on regulated health and social care professionals and teachers; reports go to the police."},
            {"text": "Anyone in England and Wales who works with children, in any paid or voluntary role", "correct": False,
             "feedback": "The duty applies to regulated health and social care professionals and teachers, not everyone who works with children."},
            {"text": "Doctors, nurses and midwives in England, but not teachers or social workers", "correct": False,
             "feedback": "Teachers and regulated social care professionals are covered too, in England and Wales."},
        ],
        "explanation": "Since 31 October 2015, regulated health and social care professionals and teachers in England and Wales must report known cases of FGM in girls under 18 to the police.",
        "category": "fgm-duty",
        "sectors": [],
    },
    {
        "type": "single",
        "lesson": "fgm-and-the-mandatory-reporting-duty",
        "text": "For the FGM mandatory reporting duty, when is a case 'known'?",
        "choices": [
            {"text": "When a colleague or a relative tells you they are worried that a girl under 18 has had FGM", "correct": False,
             "feedback": "A worry passed on by someone else is a suspected case, for local safeguarding procedures."},
            {"text": "When a girl under 18 tells you it was done to her, or you see visible signs of it in your work", "correct": True,
             "feedback": "Correct. Those are the two ways a case becomes 'known'."},
            {"text": "When you suspect that a girl under 18 may be taken abroad for FGM during the coming school holidays", "correct": False,
             "feedback": "A girl at risk is a safeguarding concern for local procedures, not a known case under the duty."},
            {"text": "When a woman aged 18 or over tells you FGM was carried out on her when she was a child", "correct": False,
             "feedback": "The duty covers girls under 18. Adults go through local safeguarding procedures."},
        ],
        "explanation": "The duty covers known cases only: disclosure by the girl herself, or visible signs seen in your work. Suspected cases, girls at risk and adults go through local safeguarding procedures.",
        "category": "fgm-duty",
        "sectors": [],
    },
    {
        "type": "single",
        "lesson": "fgm-and-the-mandatory-reporting-duty",
        "text": "How quickly should a report under the FGM mandatory reporting duty be made?",
        "choices": [
            {"text": "Within 24 hours, and only once the safeguarding lead has approved the report", "correct": False,
             "feedback": "The report is yours to make and does not need approval; ideally by the end of the next working day."},
            {"text": "At the next team meeting, so that the case can be discussed with colleagues first", "correct": False,
             "feedback": "Report ideally by the end of the next working day; the duty is personal."},
            {"text": "Ideally by the end of the next working day, and at the latest within one month", "correct": True,
             "feedback": "Correct. Aim for the next working day; one month is the outer limit."},
            {"text": "Within three months, once the girl's family has been given the chance to explain", "correct": False,
             "feedback": "Report ideally by the end of the next working day, and do not alert the family."},
        ],
        "explanation": "Report to the police on 101, ideally by the end of the next working day and at most within one month. If a girl is in immediate danger, phone 999.",
        "category": "fgm-duty",
        "sectors": [],
    },
    {
        "type": "true_false",
        "lesson": "fgm-and-the-mandatory-reporting-duty",
        "text": "A teacher who tells the designated safeguarding lead about a known case of FGM has met their mandatory reporting duty, because the DSL can report to the police for them.",
        "choices": [
            {"text": "True", "correct": False,
             "feedback": "No. Telling the DSL is right, but it does not replace the teacher's own report to the police."},
            {"text": "False", "correct": True,
             "feedback": "Correct. The duty is personal and cannot be passed to anyone else."},
        ],
        "explanation": "The teacher must report to the police on 101 personally. They should also inform the DSL so wider safeguarding action can be taken.",
        "category": "fgm-duty",
        "sectors": ["education"],
    },
    {
        "type": "single",
        "lesson": "fgm-and-the-mandatory-reporting-duty",
        "text": "During an appointment for something else, a nurse sees visible signs that appear to show a 15-year-old patient has had FGM. What must the nurse do?",
        "choices": [
            {"text": "Pass it to the safeguarding lead, who will decide whether to report to the police", "correct": False,
             "feedback": "The duty is personal and cannot be handed on. Report it yourself, and tell the safeguarding lead."},
            {"text": "Record it in the notes only, and review it at her next appointment", "correct": False,
             "feedback": "Visible signs in a girl under 18 are a known case: report it to the police on 101."},
            {"text": "Ask the patient's mother to explain the signs before deciding what to do next", "correct": False,
             "feedback": "This could put the girl at risk; the nurse must report it personally."},
            {"text": "Report it personally to the police on 101, and tell the safeguarding lead", "correct": True,
             "feedback": "Correct. Visible signs seen in the course of work make this a known case in a girl under 18."},
        ],
        "explanation": "For regulated health professionals, visible signs of FGM on a girl under 18, seen in the course of their work, trigger a personal duty to report to the police on 101.",
        "category": "fgm-duty",
        "sectors": ["health"],
    },
    {
        "type": "single",
        "lesson": "fgm-and-the-mandatory-reporting-duty",
        "text": "A 13-year-old pupil tells her teacher that she had FGM during a family trip. Which response is right?",
        "choices": [
            {"text": "Listen calmly, do not examine her, tell the DSL and personally report to the police on 101", "correct": True,
             "feedback": "Correct. Her own disclosure makes this a known case for the teacher."},
            {"text": "Phone her parents to hear the family's side before deciding whether it needs reporting", "correct": False,
             "feedback": "Contacting the family could put her at risk."},
            {"text": "Ask the school nurse to examine her so that the case can be confirmed before anyone reports", "correct": False,
             "feedback": "Teachers do not examine, or arrange examinations; a disclosure is enough to make it a known case."},
            {"text": "Tell the DSL straight away, who will then report it to the police on your behalf", "correct": False,
             "feedback": "The duty is personal and cannot be passed to the DSL. Tell the DSL and report it yourself."},
        ],
        "explanation": "Teachers are covered by the duty. They listen, never examine, inform the DSL and make their own report to the police on 101.",
        "category": "fgm-duty",
        "sectors": ["education"],
    },
    {
        "type": "single",
        "lesson": "fgm-and-the-mandatory-reporting-duty",
        "text": "A registered social worker is told by a 16-year-old girl that FGM was carried out on her when she was a baby. What applies?",
        "choices": [
            {"text": "The duty does not apply, because the FGM was carried out many years ago", "correct": False,
             "feedback": "It is a known case because she is under 18 now, whenever it was carried out."},
            {"text": "It is a known case: the social worker reports it to the police on 101 personally", "correct": True,
             "feedback": "Correct. She is under 18 and has told the social worker herself."},
            {"text": "The social worker's manager should make the report to the police instead", "correct": False,
             "feedback": "The duty is personal and cannot be delegated."},
            {"text": "A doctor must examine her and confirm it before any report can be made", "correct": False,
             "feedback": "Her disclosure is enough; no examination is needed."},
        ],
        "explanation": "Regulated social care professionals are covered by the duty. A disclosure by a girl under 18 is a known case and must be reported to the police on 101 by the professional who heard it.",
        "category": "fgm-duty",
        "sectors": ["social-care"],
    },
    {
        "type": "true_false",
        "lesson": "fgm-and-the-mandatory-reporting-duty",
        "text": "The FGM mandatory reporting duty covers known cases in girls under 18; suspected cases and girls at risk go through local safeguarding procedures.",
        "choices": [
            {"text": "True", "correct": True,
             "feedback": "Correct. The duty is for known cases in under-18s; suspected cases and girls at risk follow local safeguarding procedures."},
            {"text": "False", "correct": False,
             "feedback": "Incorrect. The duty covers known cases only; suspected cases and girls at risk go through local safeguarding procedures."},
        ],
        "explanation": "Suspected cases, girls at risk and adults are not covered by the duty, but they still need prompt action through local safeguarding procedures.",
        "category": "fgm-duty",
        "sectors": [],
    },
    {
        "type": "multiple",
        "lesson": "forced-marriage-and-the-one-chance-rule",
        "text": "A 17-year-old tells you she is being taken abroad next month to marry someone she has not chosen. Which of these are good practice?",
        "choices": [
            {"text": "Make a safety plan with her before she leaves the conversation", "correct": True,
             "feedback": "Yes. Do not let her leave without one."},
            {"text": "Ask a respected community leader to speak to the family", "correct": False,
             "feedback": "No. Never approach community leaders; word may reach the family."},
            {"text": "Ask her older cousin to interpret so she feels comfortable", "correct": False,
             "feedback": "No. Use a professional interpreter with no link to the family."},
            {"text": "Speak to her alone, somewhere private", "correct": True,
             "feedback": "Yes. This may be your one chance to talk safely."},
            {"text": "Agree a safe way to contact her before she leaves the conversation", "correct": True,
             "feedback": "Yes. Without it you may not be able to reach her again."},
            {"text": "Invite her parents in to talk it through calmly", "correct": False,
             "feedback": "No. Approaching the family can warn them and increase the danger."},
        ],
        "explanation": "The 'one chance' rule: see the person alone and in private, never approach family or community leaders, and never let them leave without a safety plan and a safe way to contact them. Tell your safeguarding lead the same day and phone 999 if travel is imminent. The Forced Marriage Unit (020 7008 0151) can advise you, and can help British nationals who have been taken overseas.",
        "category": "forced-marriage",
        "sectors": [],
    },
    {
        "type": "true_false",
        "lesson": "forced-marriage-and-the-one-chance-rule",
        "text": "Since 26 February 2023, the minimum age of marriage in England and Wales has been 18, and parental consent does not change this.",
        "choices": [
            {"text": "True", "correct": True,
             "feedback": "Correct. No one under 18 can now marry in England and Wales."},
            {"text": "False", "correct": False,
             "feedback": "This is true. The minimum age has been 18 since 26 February 2023."},
        ],
        "explanation": "Doing anything intended to make a child marry before their 18th birthday is forced marriage, even where no pressure is used.",
        "category": "law",
        "sectors": [],
    },
    {
        "type": "true_false",
        "lesson": "forced-marriage-and-the-one-chance-rule",
        "text": "Public bodies must have regard to the statutory guidance on forced marriage issued under section 63Q of the Family Law Act 1996.",
        "choices": [
            {"text": "True", "correct": True,
             "feedback": "Correct. Public bodies must take the statutory guidance into account."},
            {"text": "False", "correct": False,
             "feedback": "This is true: section 63Q requires public bodies to have regard to the guidance."},
        ],
        "explanation": "Forced marriage is a crime, and public bodies must have regard to the statutory guidance issued under section 63Q of the Family Law Act 1996.",
        "category": "law",
        "sectors": [],
    },
    {
        "type": "single",
        "lesson": "so-called-honour-based-abuse",
        "text": "Which statement best describes so-called honour-based abuse?",
        "choices": [
            {"text": "Abuse that happens only within particular religions or cultures, and is required by their teaching", "correct": False,
             "feedback": "No religion requires it, and it happens in many communities."},
            {"text": "Violence by one partner against the other in an intimate relationship, whatever the motive", "correct": False,
             "feedback": "Honour-based abuse often involves several perpetrators from the family or community."},
            {"text": "An incident or crime committed to protect or defend the perceived honour of a family or community", "correct": True,
             "feedback": "Correct. This reflects the Crown Prosecution Service's description."},
            {"text": "Family disagreements about tradition and marriage, which are best settled privately within the family", "correct": False,
             "feedback": "It is abuse, often a crime, and private settlement can increase the danger."},
        ],
        "explanation": "We say 'so-called' because there is no honour in abuse. It is about control, and often involves more than one perpetrator.",
        "category": "honour-based-abuse",
        "sectors": [],
    },
    {
        "type": "multiple",
        "lesson": "so-called-honour-based-abuse",
        "text": "Why can so-called honour-based abuse need a different safety response from abuse by a single partner?",
        "choices": [
            {"text": "There are often several perpetrators", "correct": True,
             "feedback": "Yes. Getting away from one person may not make the victim safe."},
            {"text": "Relatives may give caring-sounding reasons to find out where the victim is", "correct": True,
             "feedback": "Yes. Never confirm or disclose someone's whereabouts."},
            {"text": "Victims usually exaggerate ordinary family disagreements", "correct": False,
             "feedback": "No. Believe the person; risk can rise quickly."},
            {"text": "Mediation between the victim and the family usually reduces the risk", "correct": False,
             "feedback": "No. Mediation is dangerous and can increase pressure and risk."},
            {"text": "Family or community members may collude, for example by helping to trace the victim", "correct": True,
             "feedback": "Yes. People who seem helpful may be passing on information."},
        ],
        "explanation": "Several perpetrators and wider collusion mean that safety plans, information sharing and housing decisions must allow for risk from the whole network.",
        "category": "honour-based-abuse",
        "sectors": [],
    },
    {
        "type": "true_false",
        "lesson": "understanding-harmful-practices",
        "text": "Harmful practices such as FGM and forced marriage are required by some religions.",
        "choices": [
            {"text": "True", "correct": False,
             "feedback": "No. Perpetrators may claim religious reasons, but no religion requires these practices."},
            {"text": "False", "correct": True,
             "feedback": "Correct. Harmful practices occur across many communities and faiths and are not required by any religion."},
        ],
        "explanation": "Harmful practices are rooted in gender inequality, not in any faith. Avoid assumptions about communities; respond to what you see and hear.",
        "category": "understanding",
        "sectors": [],
    },
    {
        "type": "multiple",
        "lesson": "forced-marriage-and-the-one-chance-rule",
        "text": "Who can be forced into marriage?",
        "choices": [
            {"text": "Only people under 18", "correct": False,
             "feedback": "No. Adults can be forced to marry too."},
            {"text": "Only people from certain countries", "correct": False,
             "feedback": "No. Forced marriage happens across many communities and backgrounds."},
            {"text": "Women and girls", "correct": True,
             "feedback": "Yes. Women and girls are the majority of victims."},
            {"text": "LGBT+ people", "correct": True,
             "feedback": "Yes. LGBT+ people may be forced to marry to hide or 'change' who they are."},
            {"text": "Men and boys", "correct": True,
             "feedback": "Yes. Men and boys are also forced to marry."},
        ],
        "explanation": "Most victims are women and girls, but anyone can be forced to marry, including men, boys, LGBT+ people and disabled people who cannot consent.",
        "category": "forced-marriage",
        "sectors": [],
    },
    {
        "type": "single",
        "lesson": "responding-safely-in-your-role",
        "text": "A woman tells a faith leader that her husband's family are threatening her because she wants a divorce. The family ask the leader to hold a meeting to resolve things. What should the leader do?",
        "choices": [
            {"text": "Hold the meeting with her and the family present, as the leader's authority in the community may calm things down", "correct": False,
             "feedback": "Mediation with the family is dangerous."},
            {"text": "Promise her that nothing she says will ever be shared, so that she can speak freely", "correct": False,
             "feedback": "Do not promise full confidentiality; be honest about when you would need to share."},
            {"text": "Encourage her to forgive and give the marriage another chance for the children's sake", "correct": False,
             "feedback": "Pressing forgiveness can keep her in danger."},
            {"text": "Decline the meeting, tell the family nothing, be honest about confidentiality and help her get specialist help", "correct": True,
             "feedback": "Correct. This keeps her safe and gets her expert help."},
        ],
        "explanation": "Faith and community leaders should never confront the person causing harm, offer mediation or couples counselling, press forgiveness, or promise full confidentiality.",
        "category": "responding",
        "sectors": ["community"],
    },
    {
        "type": "single",
        "lesson": "responding-safely-in-your-role",
        "text": "An employee asks for ten weeks' leave to travel abroad for 'a family event' and seems frightened. Using Recognise, Respond, Refer, Record, what is the best first step?",
        "choices": [
            {"text": "Find a private moment to check in with them alone, and listen", "correct": True,
             "feedback": "Correct. You have recognised a possible sign; now respond safely."},
            {"text": "Refuse the leave so they cannot travel", "correct": False,
             "feedback": "This does not deal with the risk and may make things worse. Talk to them first."},
            {"text": "Approve the leave without comment; it is a private family matter", "correct": False,
             "feedback": "This could miss what may be the only chance to help."},
            {"text": "Phone their next of kin to check everything is all right", "correct": False,
             "feedback": "Never contact the family. The next of kin may be involved."},
        ],
        "explanation": "A request for extended leave abroad can be a sign of forced marriage. Speak privately, then refer to your HR or safeguarding lead and record what happened. The Forced Marriage Unit advises professionals, including managers, on forced marriage cases, and can help British nationals taken overseas.",
        "category": "responding",
        "sectors": ["employers"],
    },
    {
        "type": "single",
        "lesson": "responding-safely-in-your-role",
        "text": "A caller says he is the brother of a young woman you placed in temporary accommodation after she fled honour-based threats. He asks for her address because their father is ill. What should you do?",
        "choices": [
            {"text": "Offer to pass on a message to her, so that she can decide whether to call them back", "correct": False,
             "feedback": "Offering to pass on a message confirms she is known to you."},
            {"text": "Do not confirm she is known to you, give no details, record the call and tell your safeguarding lead", "correct": True,
             "feedback": "Correct. This protects her location and lets her review her safety."},
            {"text": "Confirm that she is safe and well and staying with you, but keep back her new address and phone number", "correct": False,
             "feedback": "Even confirming she is known to you could help the family trace her."},
            {"text": "Give the address, as it is an emergency and her family need to reach her quickly", "correct": False,
             "feedback": "A caring-sounding reason can be a way to trace her. Never share her address."},
        ],
        "explanation": "Never disclose someone's address, or whether they use your service. Flag the record, and review her safety plan and placement with her.",
        "category": "responding",
        "sectors": ["housing"],
    },
    {
        "type": "single",
        "lesson": "so-called-honour-based-abuse",
        "text": "Police attend a report of so-called honour-based abuse. Which approach reflects good practice?",
        "choices": [
            {"text": "Arrange for a respected community elder to mediate between the victim and her family", "correct": False,
             "feedback": "Mediation is dangerous and community leaders may collude."},
            {"text": "Ask a relative to interpret, as the victim knows them and will feel more at ease speaking", "correct": False,
             "feedback": "A relative may be involved in the abuse. Use an independent interpreter."},
            {"text": "Look for several perpetrators and speak to her alone with an independent interpreter", "correct": True,
             "feedback": "Correct. Honour-based abuse often involves several people."},
            {"text": "Treat it as a one-off dispute between two people and deal with the person who made the threat", "correct": False,
             "feedback": "Honour-based abuse often involves several perpetrators, including the wider family."},
        ],
        "explanation": "Honour-based abuse often involves several perpetrators and family or community collusion, so the police response must assess risk from everyone who may be involved.",
        "category": "honour-based-abuse",
        "sectors": ["police"],
    },
    {
        "type": "single",
        "lesson": "forced-marriage-and-the-one-chance-rule",
        "text": "Which of these is part of the ‘one chance’ rule for forced marriage?",
        "choices": [
            {"text": "Arrange mediation between the person and their family as soon as possible", "correct": False,
             "feedback": "Mediation is dangerous in forced marriage cases."},
            {"text": "Ask a trusted community leader to speak to the family on their behalf", "correct": False,
             "feedback": "Never involve family or community leaders; they may collude."},
            {"text": "Contact the family promptly, so that they know professionals are now involved", "correct": False,
             "feedback": "Never approach the family: it can put the person in danger."},
            {"text": "See them alone, in private, and do not let them leave without a safety plan", "correct": True,
             "feedback": "Correct. You may not get another chance to help."},
        ],
        "explanation": "The ‘one chance’ rule: see the person alone and in private, never approach the family or community leaders, do not use mediation, and do not let them leave without a safety plan and a safe way to contact them.",
        "category": "forced-marriage",
        "sectors": [],
    },
    {
        "type": "scenario",
        "category": "forced-marriage",
        "case": "<p>Mia, 16, is a student at a further education college. Just before the Easter break she stays behind after class and tells her tutor that her parents are taking her abroad next week. She has overheard them planning her wedding to a man she has never met. She begs the tutor not to tell anyone, because 'my family will find out'.</p>",
        "questions": [
            {
                "type": "single",
                "lesson": "forced-marriage-and-the-one-chance-rule",
                "text": "What should the tutor do first?",
                "choices": [
                    {"text": "Keep talking with Mia alone somewhere private, listen and take her seriously", "correct": True,
                     "feedback": "Correct. This may be the only chance to speak with her safely."},
                    {"text": "Ask her to come back after the holiday if she is still worried about it", "correct": False,
                     "feedback": "This may be the only chance: she may be abroad after the holiday."},
                    {"text": "Promise to keep it secret so that she keeps talking and trusts the college", "correct": False,
                     "feedback": "You cannot promise secrecy; Mia is at risk of significant harm."},
                    {"text": "Phone her parents to find out what is happening before the holiday starts", "correct": False,
                     "feedback": "Never approach the family: it could put Mia in danger."},
                ],
                "explanation": "Use the one chance: see her alone, in private, and respond straight away.",
                "category": "forced-marriage",
                "sectors": [],
            },
            {
                "type": "true_false",
                "lesson": "forced-marriage-and-the-one-chance-rule",
                "text": "Because Mia asked for secrecy, the tutor should not share what she said with the designated safeguarding lead.",
                "choices": [
                    {"text": "True", "correct": False,
                     "feedback": "No. This is a safeguarding concern about a child and must go to the DSL at once."},
                    {"text": "False", "correct": True,
                     "feedback": "Correct. Explain gently to Mia why the DSL needs to know."},
                ],
                "explanation": "KCSIE Annex B covers forced marriage, and concerns go to the DSL. Confidentiality cannot be promised.",
                "category": "forced-marriage",
                "sectors": [],
            },
            {
                "type": "multiple",
                "lesson": "forced-marriage-and-the-one-chance-rule",
                "text": "Before Mia leaves the conversation, what should the tutor make sure of?",
                "choices": [
                    {"text": "There is a basic safety plan", "correct": True,
                     "feedback": "Yes. Never let her leave without one."},
                    {"text": "Mia has a safe way to contact the tutor or college", "correct": True,
                     "feedback": "Yes. She may not be able to make contact any other way."},
                    {"text": "The DSL knows straight away, as travel is imminent", "correct": True,
                     "feedback": "Yes. Time is short; the DSL can involve children's social care and the police."},
                    {"text": "She has agreed to a meeting with her family and a community leader", "correct": False,
                     "feedback": "No. Mediation and involving community leaders are dangerous."},
                    {"text": "Her parents know the college is concerned", "correct": False,
                     "feedback": "No. Telling the family can increase the danger."},
                ],
                "explanation": "Do not let someone at risk leave without a safety plan and a safe way to contact them, and pass the concern on immediately. Phone 999 if she is in immediate danger. The DSL can get advice from the Forced Marriage Unit (020 7008 0151), which can also help British nationals who have been taken overseas.",
                "category": "forced-marriage",
                "sectors": [],
            },
        ],
    },
    {
        "type": "scenario",
        "category": "fgm-duty",
        "case": "<p>A 14-year-old girl comes to a sexual health clinic on her own. Speaking privately with a nurse, she says that FGM was carried out on her when she was younger, and asks for help with a health problem she thinks is linked to it. She says she is worried about her sister, who is 7.</p>",
        "questions": [
            {
                "type": "single",
                "lesson": "fgm-and-the-mandatory-reporting-duty",
                "text": "Is the nurse required to report this under the FGM mandatory reporting duty?",
                "choices": [
                    {"text": "Only if the girl agrees to the report being made to the police", "correct": False,
                     "feedback": "The duty does not depend on consent, though you should explain what will happen."},
                    {"text": "Yes: she is under 18 and has told the nurse herself, so it is a known case", "correct": True,
                     "feedback": "Correct. Her own disclosure is enough."},
                    {"text": "No: the nurse has not seen any physical signs, so the case is only suspected", "correct": False,
                     "feedback": "A disclosure by a girl under 18 makes it a known case; no signs are needed."},
                    {"text": "No: the FGM happened years ago, so it is dealt with as a historical case", "correct": False,
                     "feedback": "It is a known case because she is under 18 now."},
                ],
                "explanation": "A known case is one where a girl under 18 tells you, or you see visible signs in your work.",
                "category": "fgm-duty",
                "sectors": ["health"],
            },
            {
                "type": "single",
                "lesson": "fgm-and-the-mandatory-reporting-duty",
                "text": "Who makes the report to the police?",
                "choices": [
                    {"text": "The clinic's safeguarding lead, once the nurse has passed the case on", "correct": False,
                     "feedback": "The duty is personal and cannot be delegated."},
                    {"text": "The girl's GP, who holds her medical records and can confirm the case", "correct": False,
                     "feedback": "The professional who heard the disclosure must report it."},
                    {"text": "The nurse who heard the disclosure, personally, by phoning 101", "correct": True,
                     "feedback": "Correct. The duty is personal and cannot be delegated."},
                    {"text": "Whichever colleague is on duty when the referral is processed", "correct": False,
                     "feedback": "The duty is personal to the nurse who heard the disclosure."},
                ],
                "explanation": "Report on 101, ideally by the end of the next working day and at most within one month, and tell the safeguarding lead too.",
                "category": "fgm-duty",
                "sectors": ["health"],
            },
            {
                "type": "single",
                "lesson": "fgm-and-the-mandatory-reporting-duty",
                "text": "What should happen about the 7-year-old sister?",
                "choices": [
                    {"text": "The nurse should phone the parents to warn them about the law on FGM", "correct": False,
                     "feedback": "Contacting the family could increase the risk to both girls."},
                    {"text": "Nothing can be done for her unless the sister discloses something herself", "correct": False,
                     "feedback": "A girl at risk should be protected through local safeguarding procedures."},
                    {"text": "She must also be reported to the police on 101 under the mandatory reporting duty", "correct": False,
                     "feedback": "The duty covers known cases only; a girl at risk goes through local safeguarding procedures."},
                    {"text": "She may be at risk: tell the safeguarding lead and use local safeguarding procedures", "correct": True,
                     "feedback": "Correct. At-risk girls are protected through safeguarding procedures."},
                ],
                "explanation": "Suspected and at-risk cases are not covered by the mandatory duty but must go through local safeguarding procedures without delay.",
                "category": "fgm-duty",
                "sectors": ["health"],
            },
        ],
    },
]

# --------------------------------------------------------------------------------------
# Module
# --------------------------------------------------------------------------------------
MODULE = {
    "slug": "harmful-practices",
    "title": "Harmful practices: FGM, forced marriage and so-called honour-based abuse",
    "summary": "How to recognise and respond safely to female genital mutilation, forced "
               "marriage and so-called honour-based abuse, including the FGM mandatory "
               "reporting duty and the 'one chance' rule.",
    "learning_outcomes": [
        "By the end you can explain what harmful practices are, why they are rooted in "
        "gender inequality rather than any culture or faith, and who can be affected.",
        "By the end you can say whether the FGM mandatory reporting duty applies to you, "
        "what counts as a known case, and how and when to report it.",
        "By the end you can apply the 'one chance' rule when someone may be at risk of "
        "forced marriage.",
        "By the end you can describe why so-called honour-based abuse often involves "
        "several perpetrators and how this affects safety and information sharing.",
        "By the end you can recognise, respond, record and refer safely in your own role, "
        "avoiding mediation and contact with the family.",
    ],
    "topics": ["fgm", "forced-marriage", "honour-based-abuse"],
    "sectors": [],
    "level": "practitioner",
    "estimated_minutes": 75,
    "cpd_minutes": 75,
    "content_warning": "This module covers female genital mutilation, forced marriage and "
                       "so-called honour-based abuse, including threats and violence "
                       "within families and abuse of children. It contains no graphic "
                       "descriptions. You can pause or step away at any time without "
                       "giving a reason.",
    "last_reviewed": "2026-12-01",
    "certificate_validity_months": 24,
    "prerequisites": [],
    "lessons": [
        LESSON_UNDERSTANDING,
        LESSON_FGM,
        LESSON_FORCED_MARRIAGE,
        LESSON_HBA,
        LESSON_RESPONDING,
    ],
    "questions": QUESTIONS,
    "sources": [
        "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11", "H12", "H13",
        "T1", "T4", "T5", "T6", "C6", "C7", "R1", "R3", "R4", "R5", "R6", "R7",
        "S1", "S2", "S3", "S4", "S5",
    ],
}
