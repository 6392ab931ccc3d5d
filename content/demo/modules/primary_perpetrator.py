"""Training module: Identifying the primary perpetrator (practitioner).

Plain data loaded by `seed_demo`; see ../FORMAT.md. Legal points and practice guidance
rest on the DOMAIN.md tags in MODULE["sources"] and on the Hertfordshire VAWG Strategy
2026-2029 (Priority 3A objective 1, identifying the primary perpetrator). Survivor
accounts are composites written for training.
"""

MODULE = {
    "slug": "identifying-the-primary-perpetrator",
    "title": "Identifying the primary perpetrator",
    "summary": (
        "When both people say the other is abusive, learn to look past a single "
        "incident to the pattern of fear and control, so that protection and "
        "accountability go to the right person."
    ),
    "learning_outcomes": [
        (
            "Explain why identifying the primary perpetrator matters and what "
            "victim-survivors can lose when it is got wrong."
        ),
        (
            "Use coercive control as the main lens: the pattern over time, who is "
            "afraid of whom and who is controlling whom."
        ),
        (
            "Recognise violent resistance, and explain why a single incident or a "
            "positive-action arrest can point to the wrong person."
        ),
        (
            "Recognise how counter-allegations can play out for male victims and in "
            "LGBT+ relationships, without relying on stereotypes."
        ),
        (
            "Describe good practice for counter-allegations across agencies and at "
            "MARAC, including screening, assessing risk to both people and careful "
            "recording."
        ),
    ],
    "topics": ["domestic-abuse", "coercive-control"],
    "sectors": [],
    "level": "practitioner",
    "estimated_minutes": 60,
    "cpd_minutes": 60,
    "content_warning": (
        "This module discusses domestic abuse, coercive control, counter-allegations "
        "and the use of force by victim-survivors in self-defence, including how "
        "victim-survivors can be wrongly treated as abusers. There are no graphic "
        "descriptions. You can step away at any time, and every lesson ends with where "
        "to get support."
    ),
    "last_reviewed": "2026-12-01",
    "certificate_validity_months": 24,
    "prerequisites": [],
    "lessons": [
        {
            "slug": "why-identification-matters",
            "title": "Why identifying the primary perpetrator matters",
            "summary": (
                "What counter-allegations are, and what victim-survivors can lose when "
                "professionals get the answer wrong."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Sometimes each person in a relationship says the other is "
                        "the abuser. Either of them may call the police; both may have "
                        "injuries; both may ask an agency for help. These are known as "
                        "counter-allegations, and they are among the hardest "
                        "situations professionals meet. Hertfordshire's VAWG Strategy "
                        "2026–2029 names identifying the primary perpetrator as one of "
                        "the areas its sector-tailored training offer should "
                        "address.</p>"
                        "<p>The <strong>primary perpetrator</strong> is the person "
                        "whose behaviour, over time, creates fear and control in the "
                        "relationship. Identifying them is not about deciding who was "
                        "“worse” in one argument. It is about understanding the "
                        "relationship as a whole, so that protection goes to the "
                        "person who needs it and accountability goes to the person "
                        "causing harm.</p>"
                        "<h2>What happens when we get it wrong</h2>"
                        "<p>Treating a victim-survivor as the perpetrator can have "
                        "serious and lasting consequences. They can lose access to the "
                        "specialist services they need, and it can affect decisions "
                        "about their children. At the same time, the person actually "
                        "causing harm may be offered support meant for victims, may "
                        "learn things about the victim-survivor they should not know, "
                        "and may feel that their version of events has been confirmed "
                        "by the authorities.</p>"
                        "<p>A wrong label also travels. Once one agency records "
                        "someone as a perpetrator, others may read and repeat it, so a "
                        "single mistake can shape years of decisions.</p>"
                        "<h2>Gender, and room for everyone</h2>"
                        "<p>Women are disproportionately the victims of domestic "
                        "abuse. The Crime Survey for England and Wales estimated that "
                        "in the year ending March 2024, 1.6 million women and 712,000 "
                        "men aged 16 and over experienced it, and the most severe, "
                        "repeated and fatal abuse is heavily gendered: it is mostly "
                        "carried out by men against women. Counter-allegations are "
                        "common, so when a man and a woman make allegations "
                        "against each other, professionals need to be alert to the "
                        "possibility that an abusive man is presenting himself as the "
                        "victim, for example after the woman has defended herself. Men "
                        "can also be victims, and so can people in same-sex "
                        "relationships and trans and non-binary people. Good practice "
                        "is not to assume the answer from someone's gender. It is to "
                        "look carefully, every time, at the evidence of fear and "
                        "control.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Truly mutual abuse is rare",
                        "text": (
                            "<p>Where both people say they are being abused, it is "
                            "rare for the abuse to be genuinely mutual. Usually one "
                            "person holds the power and the other is living with it, "
                            "and sometimes resisting it. Start from that "
                            "understanding, and then look for the evidence.</p>"
                        ),
                    },
                ),
                (
                    "survivor_voice",
                    {
                        "quote": (
                            "When the police came, he was calm and polite, and I was "
                            "crying and shouting. I'd pushed him out of the way of the "
                            "door so I could get out. I was the one they took away. It "
                            "was months before anyone asked what had been happening in "
                            "the years before that night, and by then I'd been told "
                            "the service I was referred to couldn't support me."
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
                            "Think about a case where both people made allegations. "
                            "What was the decision about who was the victim based on? "
                            "Was the history of the relationship, or who was afraid of "
                            "whom, taken into account?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse from a "
                            "partner or ex-partner, and for friends, family and "
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
                            "experiencing domestic abuse from a partner, ex-partner or "
                            "family member."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "pattern-fear-and-control",
            "title": "Pattern, fear and control",
            "summary": (
                "Using coercive control as the main lens for working out who is "
                "harming whom."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>A single incident rarely tells you who the primary "
                        "perpetrator is. Two people may both have shouted, both have "
                        "pushed, and both say they were scared. The question that "
                        "usually unlocks a counter-allegation is not “what happened "
                        "that night?” but “what has been happening in this "
                        "relationship over time?”</p>"
                        "<p>Coercive control is the key lens. In practice it is a "
                        "pattern of behaviour, such as threats, humiliation, "
                        "intimidation, isolating someone from friends and family, "
                        "monitoring them and controlling their money, that leaves the "
                        "other person frightened, dependent or unable to live freely. "
                        "Controlling or coercive behaviour is a criminal offence, and "
                        "since 5 April 2023 that includes behaviour after a couple "
                        "have separated. When you look for this pattern, the picture "
                        "often becomes much clearer.</p>"
                        "<h2>Four questions to guide you</h2>"
                        "<ul>"
                        "<li><strong>What is the pattern?</strong> Look at the "
                        "history, frequency, severity and escalation of behaviour, not "
                        "just the latest incident. Check previous records and what "
                        "other agencies know.</li>"
                        "<li><strong>Who is afraid of whom?</strong> Fear is one of "
                        "the clearest markers. Ask each person, separately, what they "
                        "are afraid the other might do, and notice who changes their "
                        "behaviour to stay safe.</li>"
                        "<li><strong>Who is controlling whom?</strong> Who makes the "
                        "decisions about money, friends, phones and where the other "
                        "person goes? Who has to ask permission?</li>"
                        "<li><strong>What is the impact?</strong> Who has become "
                        "isolated, anxious, worn down or cut off from family, friends "
                        "or work? Whose life has become smaller?</li>"
                        "</ul>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Always speak to each person separately",
                        "text": (
                            "<p>Ask about abuse with each person on their own and in "
                            "private. Asking questions with both people present is "
                            "unsafe, and it will not give you an honest picture.</p>"
                        ),
                    },
                ),
                (
                    "accordion",
                    {
                        "heading": "How first impressions can mislead",
                        "items": [
                            {
                                "heading": (
                                    "The person causing harm may come across well"
                                ),
                                "body": (
                                    "<p>People who use abuse can seem calm, reasonable "
                                    "and articulate. They may be the first to call the "
                                    "police, may use the language of being a victim, "
                                    "and may describe the other person as unstable or "
                                    "aggressive. Being convincing is not the same as "
                                    "being the victim.</p>"
                                ),
                            },
                            {
                                "heading": "The victim-survivor may come across badly",
                                "body": (
                                    "<p>Someone living with long-term abuse may be "
                                    "angry, distressed or inconsistent, or may be "
                                    "using alcohol or drugs to cope. Trauma can affect "
                                    "how a person presents and how they tell their "
                                    "story. None of this makes them the "
                                    "perpetrator.</p>"
                                ),
                            },
                            {
                                "heading": "Injuries do not settle the question",
                                "body": (
                                    "<p>Both people may have injuries. An injury can "
                                    "come from an attack or from someone defending "
                                    "themselves; on its own it does not tell you who "
                                    "holds power in the relationship.</p>"
                                ),
                            },
                            {
                                "heading": "Allegations can be a tactic",
                                "body": (
                                    "<p>Reporting the other person to police or other "
                                    "agencies can itself be part of the abuse, "
                                    "especially around separation or court "
                                    "proceedings, when a person who uses abuse may "
                                    "want to gain an advantage or keep control.</p>"
                                ),
                            },
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "Two referrals, one relationship",
                        "scenario": (
                            "<p>Your service receives two referrals in the same week. "
                            "Chris says his wife, Nadia, screams at him, has thrown "
                            "his phone and has scratched him. Nadia, referred by her "
                            "GP, says Chris checks her phone and bank account, has "
                            "stopped her seeing her sister, and tells her no one will "
                            "believe her because of her mental health. She says she "
                            "scratched him when he would not let her leave the "
                            "kitchen. Chris is calm and organised and has brought "
                            "photographs. Nadia is tearful and struggles to give "
                            "dates.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>A good response:</p>"
                            "<ul>"
                            "<li>Does not decide on the basis of who presents better "
                            "or who has brought photographs.</li>"
                            "<li>Speaks to each person separately and in private, and "
                            "looks at the pattern over time, including any previous "
                            "records.</li>"
                            "<li>Applies the coercive control lens. Nadia describes "
                            "monitoring, isolation from her family and threats that "
                            "she will not be believed. She scratched Chris when he was "
                            "stopping her from leaving, which suggests resistance "
                            "rather than a pattern of control.</li>"
                            "<li>Asks who is afraid of whom. Nadia's fear, and how "
                            "much smaller her life has become, are strong "
                            "indicators.</li>"
                            "<li>Seeks advice from, or refers to, a specialist service "
                            "that can screen the case, and makes sure the two people "
                            "are not supported by the same worker.</li>"
                            "<li>Records what each person said and the basis for any "
                            "view, without labels such as “volatile relationship”.</li>"
                            "</ul>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Which of the four questions does your organisation "
                            "routinely ask? Where would you find information about the "
                            "history of a relationship?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse from a "
                            "partner or ex-partner, and for friends, family and "
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
                            "experiencing domestic abuse from a partner, ex-partner or "
                            "family member."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "violent-resistance-and-arrest",
            "title": "Violent resistance and the risk of arresting the wrong person",
            "summary": (
                "Why victim-survivors sometimes use force, and how decisions based on "
                "a single incident can point to the wrong person."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Victim-survivors sometimes use force. They may defend "
                        "themselves during an attack, lash out after years of abuse, "
                        "or act to protect their children. This is sometimes called "
                        "<strong>violent resistance</strong>. It is a response to "
                        "abuse. It is not the same as controlling a partner, and it "
                        "does not make the person using it the primary perpetrator.</p>"
                        "<p>Violent resistance may be defensive, happening in the "
                        "moment to stop harm, or retaliatory, coming later or after a "
                        "long build-up of control. Either way, context is essential: "
                        "what came before, what the person was trying to do, and what "
                        "the wider relationship looks like. A victim-survivor who has "
                        "used force may still need protection, and may feel ashamed, "
                        "or worried that they will not be believed because of it.</p>"
                        "<h2>When a single incident points the wrong way</h2>"
                        "<p>Police and other agencies often have to act quickly after "
                        "an incident, and positive-action policies exist to protect "
                        "victim-survivors. But when decisions rest only on the "
                        "incident in front of you, such as who has a visible injury, "
                        "who is calmer or who called first, there is a real risk of "
                        "arresting or recording the real victim. Agencies should "
                        "always go back to the pattern before deciding who the primary "
                        "perpetrator is.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Context changes meaning",
                        "text": (
                            "<p>The same act can mean very different things. A push to "
                            "get past someone who is blocking a door is not the same "
                            "as a push to frighten. Ask what happened before, what "
                            "each person was trying to do, and who has been afraid "
                            "over time.</p>"
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
                                    "<h2>In policing</h2>"
                                    "<ul>"
                                    "<li>Before arresting on a counter-allegation, "
                                    "gather the history: previous calls and reports, "
                                    "what other agencies know, and any pattern of "
                                    "controlling or coercive behaviour.</li>"
                                    "<li>Speak to each person separately and out of "
                                    "each other's hearing. Ask who is afraid of whom, "
                                    "and what each fears will happen next.</li>"
                                    "<li>Consider violent resistance: force used to "
                                    "escape, to stop an attack or to protect children, "
                                    "after a history of being controlled.</li>"
                                    "<li>Remember that coercive control is an offence, "
                                    "including after separation since 5 April 2023 "
                                    "(section 76 of the Serious Crime Act 2015, as "
                                    "amended by section 68 of the Domestic Abuse Act "
                                    "2021). A pattern of control can be the most "
                                    "important evidence you have.</li>"
                                    "<li>If the primary perpetrator is unclear, record "
                                    "why, keep risk under review for both people, and "
                                    "seek specialist screening rather than settling on "
                                    "“both as bad as each other”.</li>"
                                    "<li>If a victim-survivor has been arrested, make "
                                    "sure they are still offered specialist "
                                    "support.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "The call-out",
                        "scenario": (
                            "<p>Officers attend a flat after a neighbour reports "
                            "shouting. Tom is calm, says his partner, Lucy, attacked "
                            "him, and shows a scratch on his arm. Lucy is shouting, "
                            "has been drinking, and says Tom would not let her leave. "
                            "She has a red mark on her wrist. Records show three "
                            "earlier calls from this address in the past year, each "
                            "made by Lucy and each closed after she withdrew her "
                            "account.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>A good response:</p>"
                            "<ul>"
                            "<li>Does not arrest on the basis of who is calmer or "
                            "whose injury is more obvious.</li>"
                            "<li>Separates Tom and Lucy and speaks to each in "
                            "private.</li>"
                            "<li>Gives weight to the history. Three calls from Lucy in "
                            "a year, each withdrawn, may point to fear and control "
                            "rather than one-off arguments, and may meet the common "
                            "MARAC threshold for potential escalation.</li>"
                            "<li>Asks about controlling behaviour and fear, and "
                            "considers whether Lucy's actions were violent resistance, "
                            "such as trying to get out.</li>"
                            "<li>Completes a risk assessment, considers a MARAC "
                            "referral, and refers Lucy to specialist support.</li>"
                            "<li>Records the reasons for the decision clearly, so that "
                            "anyone reading later can see how the primary perpetrator "
                            "was identified.</li>"
                            "</ul>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Think about a time you made a quick judgement about who "
                            "was at fault. What did you base it on, and what would you "
                            "have needed to know to be sure?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse from a "
                            "partner or ex-partner, and for friends, family and "
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
                            "experiencing domestic abuse from a partner, ex-partner or "
                            "family member."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "emergency-999",
                        "text": (
                            "If anyone is in immediate danger, call 999. A caller on a "
                            "mobile who cannot speak can press 55 when asked (the Silent "
                            "Solution)."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "male-victims-and-lgbt-relationships",
            "title": "Male victims and LGBT+ relationships",
            "summary": (
                "How counter-allegations play out for men and in LGBT+ relationships, "
                "and why stereotypes can point the wrong way."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>An approach to counter-allegations has to work for "
                        "everyone. The strategy recognises that male victims, and "
                        "survivors who do not identify as female, face their own "
                        "barriers, and that LGB+ and trans victim-survivors may "
                        "experience abuse in particular ways. Gender stereotypes can "
                        "lead professionals to the wrong answer in either "
                        "direction.</p>"
                        "<h2>Male victims</h2>"
                        "<p>Men who experience abuse may not recognise it as abuse, "
                        "may fear they will not be believed, and may feel that being "
                        "abused undermines their masculinity, especially when the "
                        "abuser is a woman. Some have been let down by professionals "
                        "before and may delay asking again. A man's account deserves "
                        "to be heard on its merits.</p>"
                        "<p>At the same time, some men who present as victims are the "
                        "primary perpetrator. This is why specialist men's services "
                        "screen for counter-allegations as part of their work: so that "
                        "support reaches genuine victims, and is not given to a man "
                        "who is abusing their partner and could use it against them. Done "
                        "carefully and respectfully, screening also helps genuine male "
                        "victims, because once the picture is clear their accounts can "
                        "be acted on with confidence.</p>"
                        "<h2>LGBT+ relationships</h2>"
                        "<p>In same-sex relationships, professionals sometimes assume "
                        "that two people of the same sex are evenly matched, so any "
                        "abuse must be mutual. That assumption is wrong; the same "
                        "questions about pattern, fear and control apply. Abuse in "
                        "LGBT+ relationships can also include threatening to “out” "
                        "someone's sexuality or gender identity to family, work or "
                        "community, undermining someone's identity, or telling them "
                        "that services will not help people like them. The strategy "
                        "notes that sexual orientation can be used as a tool of "
                        "control within abusive relationships.</p>"
                        "<p>LGBT+ victim-survivors may also worry that services will "
                        "not understand them. In feedback gathered for the strategy, "
                        "one survivor described an advocate who was kind but had never "
                        "supported a gay man before, and said they did not feel fully "
                        "understood. Where it helps, involve specialist by-and-for "
                        "LGBT+ services. Galop runs the National LGBT+ Domestic Abuse "
                        "Helpline (0800 999 5428) for LGBT+ people experiencing "
                        "domestic abuse.</p>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "Stereotypes point both ways",
                        "text": (
                            "<p>Do not assume that a man cannot be a victim, or that a "
                            "woman cannot be abusive. Equally, do not assume that two "
                            "partners of the same sex, size or strength must be “as "
                            "bad as each other”. Let the evidence of fear and control "
                            "decide.</p>"
                        ),
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "Two women, two accounts",
                        "scenario": (
                            "<p>Sam and Alex, two women in their thirties, have been "
                            "together for five years. Alex contacts your service "
                            "saying Sam is abusive: she shouts at her, once slapped "
                            "her, and has threatened to report her to the police. A "
                            "day later Sam contacts the same service. She says Alex "
                            "has told her she will tell Sam's employer and Sam's "
                            "religious family that Sam is gay if she ever leaves, and "
                            "that Alex controls all their money. Sam says she slapped "
                            "Alex once, during an argument when Alex was blocking the "
                            "front door.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>A good response:</p>"
                            "<ul>"
                            "<li>Does not assume that because they are both women the "
                            "abuse must be mutual.</li>"
                            "<li>Makes sure each person is seen separately, by "
                            "different workers, and that neither is given information "
                            "about the other.</li>"
                            "<li>Looks for the pattern of control. Threatening to out "
                            "Sam to her employer and family, and controlling the "
                            "money, are serious coercive control tactics. Sam's slap, "
                            "in the context she describes, may be violent "
                            "resistance.</li>"
                            "<li>Asks each what they fear. Who is afraid of what the "
                            "other might do if they leave?</li>"
                            "<li>Seeks specialist screening, involving an LGBT+ "
                            "specialist service such as Galop if possible, before "
                            "offering victim support to either of them.</li>"
                            "<li>Assesses risk to both in the meantime, and records "
                            "the reasoning carefully.</li>"
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
                                    "<h2>In specialist services, including men's "
                                    "services</h2>"
                                    "<ul>"
                                    "<li>Where there are counter-allegations, screen "
                                    "the case before offering victim support, using a "
                                    "structured, respectful conversation about "
                                    "pattern, fear and control.</li>"
                                    "<li>In men's services, screening for "
                                    "counter-allegations is part of the core work, so "
                                    "that support reaches genuine male victims and is "
                                    "not used by someone who is abusing his "
                                    "partner.</li>"
                                    "<li>Avoid supporting both people in the same "
                                    "relationship within the same team; agree with "
                                    "partner agencies who will work with whom.</li>"
                                    "<li>For MARAC, make sure an IDVA or a men's "
                                    "service has screened the case, and that the risk "
                                    "to both people is assessed.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "survivor_voice",
                    {
                        "quote": (
                            "He'd told me for years that nobody would believe a man, "
                            "and I'd started to believe it too. When I finally rang "
                            "for help, the worker asked about me and what I was scared "
                            "of, not what I'd done wrong. That's when I started "
                            "telling the whole story."
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
                            "What assumptions about gender, sexuality or size might "
                            "shape your first impression when two people make "
                            "allegations against each other? How could you check them?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse from a "
                            "partner or ex-partner, and for friends, family and "
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
                            "experiencing domestic abuse from a partner, ex-partner or "
                            "family member."
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "counter-allegations-in-multi-agency-work",
            "title": "Counter-allegations in multi-agency work and at MARAC",
            "summary": (
                "Screening, assessing risk to both people, agreeing one plan across "
                "agencies and recording carefully."
            ),
            "body": [
                (
                    "rich_text",
                    (
                        "<p>Counter-allegations are rarely handled by one agency "
                        "alone. Police, health, housing, social care and specialist "
                        "services may each hear a different part of the story, and may "
                        "each reach a different conclusion. When agencies act on "
                        "opposite assumptions, the result can be serious: one agency "
                        "may be supporting someone as a victim while another treats "
                        "them as the perpetrator, and the person causing harm can "
                        "exploit the gaps.</p>"
                        "<h2>At MARAC</h2>"
                        "<p>The MARAC is often where conflicting accounts come "
                        "together. Good practice is to:</p>"
                        "<ul>"
                        "<li><strong>Screen</strong> cases with counter-allegations "
                        "through an IDVA or a specialist men's service, so the meeting "
                        "works from the best available picture.</li>"
                        "<li><strong>Assess the risk to both people</strong>, not only "
                        "to the person who was referred first.</li>"
                        "<li><strong>Agree one approach</strong> across agencies, so "
                        "that no agency takes action that conflicts with another's, "
                        "for example one service offering victim support to a person "
                        "whom police are treating as the perpetrator.</li>"
                        "<li><strong>Reject “both as bad as each other”.</strong> It "
                        "is rarely true, it leaves the real victim without protection, "
                        "and it lets the person causing harm avoid accountability.</li>"
                        "</ul>"
                        "<p>Hertfordshire's strategy commits to MARAC processes that "
                        "work well for victims from marginalised groups, to risk "
                        "assessment tools adapted for LGBTQ+ survivors and others, and "
                        "to hearing children's voices at MARAC as victims in their own "
                        "right.</p>"
                        "<h2>Recording</h2>"
                        "<p>What you write can follow someone for years. When there "
                        "are counter-allegations:</p>"
                        "<ul>"
                        "<li>Record what each person said, in their own words, and who "
                        "said it.</li>"
                        "<li>Record what you saw, the history you checked and the "
                        "reasons for your view about who the primary perpetrator "
                        "is.</li>"
                        "<li>Avoid labels such as “volatile relationship”, “toxic”, "
                        "“mutual abuse” or “six of one and half a dozen of the other”. "
                        "They hide who is doing what, and they can stick to a "
                        "victim-survivor.</li>"
                        "<li>If you are unsure, say so, and say what further "
                        "information is needed.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "key_point",
                    {
                        "heading": "You do not have to decide alone",
                        "text": (
                            "<p>You are not expected to resolve every "
                            "counter-allegation yourself. Your part is to notice it, "
                            "avoid assumptions, gather and record what you know, keep "
                            "the two people apart within your service, and bring in "
                            "specialist screening.</p>"
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
                                    "<h2>In health settings</h2>"
                                    "<ul>"
                                    "<li>If both partners are patients, never discuss "
                                    "one with the other, and never ask about abuse "
                                    "with both present. Make a private enquiry with "
                                    "each.</li>"
                                    "<li>NICE sets out four levels of response and "
                                    "expects front-line staff at level 1 or 2. Staff "
                                    "trained to level 1 respond to a disclosure and "
                                    "refer on; staff trained to level 2 are also "
                                    "trained to ask about abuse. Be alert to "
                                    "a partner who attends with the patient and "
                                    "answers for them.</li>"
                                    "<li>Record each person's disclosures in their own "
                                    "record, and take care over what could be seen by "
                                    "the other.</li>"
                                    "<li>Share concerns through your safeguarding "
                                    "team, who can link with MARAC.</li>"
                                    "</ul>"
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
                                    "<h2>In housing</h2>"
                                    "<ul>"
                                    "<li>Do not treat counter-allegations between "
                                    "partners or ex-partners as a neighbour dispute, a "
                                    "tenancy disagreement or antisocial behaviour "
                                    "between two equal parties.</li>"
                                    "<li>Do not take tenancy action against one person "
                                    "on the strength of the other's complaints alone. "
                                    "Check the history with police and specialist "
                                    "services first, because complaints can themselves "
                                    "be a tactic.</li>"
                                    "<li>A survivor-led approach, such as DAHA's Whole "
                                    "Housing Approach, depends on knowing who the "
                                    "survivor is. Agree with partner agencies which "
                                    "person is being supported as the "
                                    "victim-survivor.</li>"
                                    "<li>Keep a victim-survivor's new address and "
                                    "housing options strictly confidential.</li>"
                                    "</ul>"
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
                                    "<h2>In schools, colleges and early years "
                                    "settings</h2>"
                                    "<ul>"
                                    "<li>Parents may each tell the school that the "
                                    "other is abusive. Do not take sides or try to "
                                    "judge it yourself: record what each says and pass "
                                    "it to the designated safeguarding lead, as you "
                                    "would any concern about a child's welfare under "
                                    "KCSIE.</li>"
                                    "<li>The DSL can seek advice from children's "
                                    "services and contribute to MARAC where "
                                    "relevant.</li>"
                                    "<li>Keep the focus on the child: what they say, "
                                    "how they behave, and how they seem before and "
                                    "after time with each parent.</li>"
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
                                    "<li>A wrong identification can cost a "
                                    "victim-survivor their children. Before making "
                                    "decisions about care or contact, test "
                                    "counter-allegations against the full history and "
                                    "specialist screening.</li>"
                                    "<li>Assess the risk each parent poses and the "
                                    "risk each faces, and hear the children's own "
                                    "accounts.</li>"
                                    "<li>Do not record both parents as perpetrators, "
                                    "or the relationship as “mutually abusive”, "
                                    "without clear evidence. It usually leaves the "
                                    "children and the real victim less safe.</li>"
                                    "<li>Make sure your plan does not conflict with "
                                    "what police, MARAC or specialist services are "
                                    "doing.</li>"
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
                                    "<ul>"
                                    "<li>If two employees in a relationship make "
                                    "allegations against each other, do not try to "
                                    "investigate the abuse yourself. Use "
                                    "<strong>Recognise, Respond, Refer, "
                                    "Record</strong>.</li>"
                                    "<li>Offer each person support separately and "
                                    "privately, and refer to specialist "
                                    "services.</li>"
                                    "<li>Take practical steps to keep them apart at "
                                    "work where needed, without implying that either "
                                    "has been found at fault.</li>"
                                    "<li>An abusive partner may contact the workplace "
                                    "to make allegations about an employee. Treat "
                                    "these with care: they may be part of the "
                                    "abuse.</li>"
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
                                    "<li>You may know both people well. Do not act as "
                                    "judge, and never bring them together to talk it "
                                    "through, offer couples counselling or "
                                    "mediate.</li>"
                                    "<li>Do not confront the person you think is "
                                    "abusive, and do not press anyone to forgive or "
                                    "reconcile.</li>"
                                    "<li>Be honest that you cannot promise full "
                                    "confidentiality if someone is at serious "
                                    "risk.</li>"
                                    "<li>Signpost each person separately to the "
                                    "specialist support that fits them: the National "
                                    "Domestic Abuse Helpline for women, the Men's "
                                    "Advice Line for men, and Galop's National LGBT+ "
                                    "Domestic Abuse Helpline for LGBT+ people.</li>"
                                    "</ul>"
                                ),
                            ),
                        ],
                    },
                ),
                (
                    "case_scenario",
                    {
                        "title": "Pulling in different directions",
                        "scenario": (
                            "<p>At a MARAC, police report that they arrested Kelly "
                            "last month after her partner, Ryan, said she hit him. The "
                            "housing officer has started tenancy warnings against "
                            "Kelly because of complaints from Ryan. Meanwhile the IDVA "
                            "has been supporting Kelly, who describes years of Ryan "
                            "controlling her money and phone, and says she hit him "
                            "when he blocked her from taking their daughter out of the "
                            "house. A men's service has received a self-referral from "
                            "Ryan.</p>"
                        ),
                        "question": "What would you do?",
                        "reveal": (
                            "<p>A good response:</p>"
                            "<ul>"
                            "<li>Recognises that agencies are acting on conflicting "
                            "assumptions, which risks harming the real victim and the "
                            "child.</li>"
                            "<li>Asks the IDVA and the men's service to share their "
                            "screening, so the meeting works from the fullest picture "
                            "of pattern, fear and control.</li>"
                            "<li>Assesses the risk to Kelly, to Ryan and to their "
                            "daughter.</li>"
                            "<li>Agrees one coordinated plan. If the evidence points "
                            "to Ryan as the primary perpetrator, that includes "
                            "reviewing the tenancy warnings and making sure Kelly's "
                            "support continues.</li>"
                            "<li>Rejects any conclusion that they are “both as bad as "
                            "each other”.</li>"
                            "<li>Records the reasoning so that each agency's records "
                            "reflect the agreed understanding.</li>"
                            "</ul>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "If another agency has recorded someone as a perpetrator, "
                            "how would you check that view is right before acting on "
                            "it?"
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "national-domestic-abuse-helpline",
                        "text": (
                            "Open 24 hours, for women experiencing domestic abuse from a "
                            "partner or ex-partner, and for friends, family and "
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
                            "experiencing domestic abuse from a partner, ex-partner or "
                            "family member."
                        ),
                    },
                ),
                (
                    "signpost",
                    {
                        "service": "emergency-999",
                        "text": (
                            "If anyone is in immediate danger, call 999. A caller on a "
                            "mobile who cannot speak can press 55 when asked (the Silent "
                            "Solution)."
                        ),
                    },
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "lesson": "pattern-fear-and-control",
            "text": "What does “primary perpetrator” mean?",
            "choices": [
                {"text": "The person whose behaviour, over time, creates fear and control in the relationship.", "correct": True,
                 "feedback": "Correct. It is about the pattern across the relationship, not one incident."},
                {"text": "The person who used force first in the most recent incident that the police attended.", "correct": False,
                 "feedback": "Who used force first in one incident does not show who creates fear and control over time."},
                {"text": "The person who called the police first, or who has called them most often over time.", "correct": False,
                 "feedback": "Who calls the police does not by itself show who is causing harm."},
                {"text": "The person with fewer visible injuries after the incident.", "correct": False,
                 "feedback": "Injuries in one incident do not show the pattern of fear and control."},
            ],
            "explanation": "The primary perpetrator is identified by looking at the pattern of fear and control over time, not by who did what in one incident.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "why-identification-matters",
            "text": "Truly mutual abuse, where both partners control and frighten each other to the same degree, is common.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "This is false. Truly mutual abuse is rare; usually one person holds the power."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. Truly mutual abuse is rare, so “both as bad as each other” should be rejected."},
            ],
            "explanation": "In most relationships with counter-allegations, one person is the primary perpetrator and the other may be resisting. Genuinely mutual abuse is rare.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "pattern-fear-and-control",
            "text": "Which questions are most useful when there are counter-allegations?",
            "choices": [
                {"text": "Who seemed calmer when the officers arrived?", "correct": False,
                 "feedback": "No. People who use abuse can seem calm, and victim-survivors may be distressed."},
                {"text": "What has the pattern been over time?", "correct": True,
                 "feedback": "Yes. History, frequency, severity and escalation matter more than one incident."},
                {"text": "Who is afraid of whom?", "correct": True,
                 "feedback": "Yes. Fear is one of the clearest markers of who is experiencing abuse."},
                {"text": "Who is controlling whom?", "correct": True,
                 "feedback": "Yes. Coercive control is the key lens."},
            ],
            "explanation": "Use coercive control as the lens: the pattern over time, who is afraid of whom, who is controlling whom, and what the impact has been.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "violent-resistance-and-arrest",
            "text": "After years of being controlled, a woman pushes her partner out of the way when he blocks the door to stop her leaving. How is this best described?",
            "choices": [
                {"text": "Retaliation.", "correct": False,
                 "feedback": "Pushing past him to leave is resistance to his control, not retaliation."},
                {"text": "Violent resistance.", "correct": True,
                 "feedback": "Correct. Force used to escape or resist abuse is a response to abuse, not a pattern of control."},
                {"text": "Evidence of mutual abuse.", "correct": False,
                 "feedback": "One act of resistance within a pattern of control does not make the abuse mutual."},
                {"text": "Proof that she is the primary perpetrator.", "correct": False,
                 "feedback": "Context matters. A push to escape is not the same as a push to intimidate."},
            ],
            "explanation": "Victim-survivors may use defensive or retaliatory force, sometimes called violent resistance. It does not make them the primary perpetrator.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "multiple",
            "lesson": "why-identification-matters",
            "text": "What can happen when a victim-survivor is wrongly identified as the perpetrator?",
            "choices": [
                {"text": "It can affect decisions about their children.", "correct": True,
                 "feedback": "Yes. Getting it wrong can cost a victim-survivor their children."},
                {"text": "The person causing harm may be offered support meant for victims.", "correct": True,
                 "feedback": "Yes. This can give them information and a sense that their account has been confirmed."},
                {"text": "Nothing lasting, because other agencies will automatically correct the record.", "correct": False,
                 "feedback": "No. Wrong labels are often read and repeated by other agencies."},
                {"text": "They can lose access to the specialist services they need.", "correct": True,
                 "feedback": "Yes. Misidentification can cut victim-survivors off from support."},
            ],
            "explanation": "Misidentification has serious consequences: lost services, decisions about children, and support going to the person causing harm.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "violent-resistance-and-arrest",
            "text": "Positive-action arrests based only on the incident in front of officers can lead to the real victim being arrested.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Decisions based only on the immediate incident can catch the real victim."},
                {"text": "False", "correct": False,
                 "feedback": "This is true. Officers should look at the pattern and history before deciding who the primary perpetrator is."},
            ],
            "explanation": "Positive action is there to protect victim-survivors, but it must be informed by the history and the pattern of fear and control.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "counter-allegations-in-multi-agency-work",
            "text": "Which approach to counter-allegations at MARAC reflects good practice?",
            "choices": [
                {"text": "Record both people as equally responsible until one of them is convicted of an offence.", "correct": False,
                 "feedback": "Reject ‘both as bad as each other’: assess the pattern and the risk to both."},
                {"text": "Let each agency reach its own view and act on it, so that no one's judgement is overruled.", "correct": False,
                 "feedback": "Agencies taking conflicting actions can put the victim at risk; agree one plan."},
                {"text": "Have the case screened by an IDVA or a men's service, and assess the risk to both people.", "correct": True,
                 "feedback": "Correct. Screening and assessing risk to both gives the meeting the best picture."},
                {"text": "Consider only the person who was referred first, as the referral shows who is at risk.", "correct": False,
                 "feedback": "The order of referrals does not show who is at risk from whom."},
            ],
            "explanation": "At MARAC: screening by an IDVA or men's service, assessing risk to both, avoiding conflicting agency actions, and rejecting “both as bad as each other”.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "male-victims-and-lgbt-relationships",
            "text": "Why do specialist men's services screen for counter-allegations?",
            "choices": [
                {"text": "Because most men who ask for help turn out to be the abuser rather than the victim.", "correct": False,
                 "feedback": "Screening is not about disbelieving men; it makes sure support reaches genuine victims."},
                {"text": "Because the law requires male victims to prove the abuse before they can get any help.", "correct": False,
                 "feedback": "There is no such legal requirement."},
                {"text": "To decide whether the other person should be arrested or prosecuted for the abuse.", "correct": False,
                 "feedback": "Arrest and prosecution are for the police and the Crown Prosecution Service."},
                {"text": "To make sure support reaches genuine victims, not someone who is abusing his partner.", "correct": True,
                 "feedback": "Correct. Screening protects victim-survivors and helps genuine male victims be believed with confidence."},
            ],
            "explanation": "Some people presenting as victims are the primary perpetrator. Careful, respectful screening makes sure support goes to the right person.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "true_false",
            "lesson": "male-victims-and-lgbt-relationships",
            "text": "Abuse in a same-sex relationship is no more likely to be mutual than abuse in any other relationship.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. Assuming same-sex partners are evenly matched is a stereotype that can hide who is controlling whom."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. The idea that same-sex partners are evenly matched is a stereotype; look for who is afraid of whom."},
            ],
            "explanation": "LGBT+ dynamics, such as threats to out someone, can be part of coercive control. Do not assume abuse is mutual because partners are the same sex.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "counter-allegations-in-multi-agency-work",
            "text": "Which record is the best practice after a counter-allegation?",
            "choices": [
                {"text": "Each person's account in their own words, what you saw, the history checked and your reasons.", "correct": True,
                 "feedback": "Correct. Clear, attributed and reasoned records help every agency that reads them later."},
                {"text": "The account of the person who seemed more credible, with your reasons for believing them.", "correct": False,
                 "feedback": "Record both accounts; perpetrators can present as calm and credible."},
                {"text": "“Mutual abuse; no further action”, with both people's names and the police incident reference.", "correct": False,
                 "feedback": "Truly mutual abuse is rare; this record closes the door on a victim."},
                {"text": "“Volatile relationship; six of one and half a dozen of the other”, with the date and time.", "correct": False,
                 "feedback": "This ‘both as bad as each other’ label hides who is controlling whom."},
            ],
            "explanation": "Record who said what, what you saw and checked, and why you reached your view. Avoid labels that hide the pattern.",
            "category": "recording",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "violent-resistance-and-arrest",
            "text": "Officers attend an incident. The man is calm and has a scratch; the woman is distressed and has been drinking. There have been three earlier calls from her in the past year. What should officers do before deciding who to arrest?",
            "choices": [
                {"text": "Arrest the woman, because she has been drinking and is the more distressed of the two.", "correct": False,
                 "feedback": "Distress and drinking do not show who is the primary perpetrator."},
                {"text": "Separate them, speak to each privately and take the history of earlier calls into account.", "correct": True,
                 "feedback": "Correct. The pattern and history are essential to identifying the primary perpetrator."},
                {"text": "Arrest both of them to be safe, and let the custody officers work out what happened.", "correct": False,
                 "feedback": "Arresting both can criminalise the victim; look at the pattern and the history."},
                {"text": "Arrest the man, because the woman has called the police about him three times in the past year.", "correct": False,
                 "feedback": "The history matters, but officers should separate them and assess before deciding."},
            ],
            "explanation": "Look beyond the incident: separate the parties, consider history, fear and control, and the possibility of violent resistance.",
            "category": "identification",
            "sectors": ["police"],
        },
        {
            "type": "multiple",
            "lesson": "counter-allegations-in-multi-agency-work",
            "text": "Two members of your faith community each tell you that the other is abusive. Which responses are safe?",
            "choices": [
                {"text": "Bring them together to talk it through with you.", "correct": False,
                 "feedback": "No. Joint meetings, couples counselling and mediation can increase risk."},
                {"text": "Signpost each of them separately to specialist support.", "correct": True,
                 "feedback": "Yes. Specialist services can screen and support each person safely."},
                {"text": "Decide between them, based on what you know of each of them from the community.", "correct": False,
                 "feedback": "No. Do not act as judge; knowing someone socially does not show you the pattern at home."},
                {"text": "Be honest that you cannot promise full confidentiality if someone is at serious risk.", "correct": True,
                 "feedback": "Yes. Honesty about the limits of confidentiality is part of a safe response."},
            ],
            "explanation": "Faith and community leaders should not confront, mediate or offer couples counselling, should not press forgiveness, and should signpost each person separately.",
            "category": "practice",
            "sectors": ["community"],
        },
        {
            "type": "single",
            "lesson": "counter-allegations-in-multi-agency-work",
            "text": "A tenant's partner has made several complaints to the landlord about her behaviour. She says he controls her money and is trying to get her evicted. What should the housing officer do?",
            "choices": [
                {"text": "Treat it as antisocial behaviour between two equal parties and mediate between them.", "correct": False,
                 "feedback": "Mediation is not safe where there is abuse, and they may not be equal parties."},
                {"text": "Issue her a warning, because several complaints have been made about her behaviour.", "correct": False,
                 "feedback": "Complaints can be a tactic of abuse. Check the history first."},
                {"text": "Check the history with police and specialist services before taking any tenancy action.", "correct": True,
                 "feedback": "Correct. Complaints from a partner can themselves be part of the abuse."},
                {"text": "Ask them both to attend a meeting so that each can respond to what the other has said.", "correct": False,
                 "feedback": "A joint meeting is not safe where there is abuse."},
            ],
            "explanation": "Housing should not treat counter-allegations as a tenancy or antisocial behaviour dispute, and should check history with partners before acting.",
            "category": "practice",
            "sectors": ["housing"],
        },
        {
            "type": "true_false",
            "lesson": "counter-allegations-in-multi-agency-work",
            "text": "When parents' accounts conflict, recording both as “mutually abusive” is a safe default until more is known.",
            "choices": [
                {"text": "True", "correct": False,
                 "feedback": "This is false. It usually leaves children and the real victim less safe, and can cost a victim-survivor their children."},
                {"text": "False", "correct": True,
                 "feedback": "Correct. Record what is known and what is uncertain, and seek specialist screening instead."},
            ],
            "explanation": "Rejecting “both as bad as each other” applies in children's social care too. Assess the risk each parent poses and faces, and hear the children.",
            "category": "practice",
            "sectors": ["social-care"],
        },
        {
            "type": "single",
            "lesson": "counter-allegations-in-multi-agency-work",
            "text": "Both members of a couple are patients at your practice and each has said the other is abusive. What is good practice?",
            "choices": [
                {"text": "Book a joint appointment so that you can hear both sides of the story together.", "correct": False,
                 "feedback": "Never ask about abuse with the other person present."},
                {"text": "Tell each what the other has said about them, so that each has a fair chance to respond.", "correct": False,
                 "feedback": "Sharing one person's disclosure with the other could put them at risk."},
                {"text": "Take no action, because it is a relationship matter rather than a health matter.", "correct": False,
                 "feedback": "Domestic abuse is a health matter; make a private enquiry with each."},
                {"text": "Make a private enquiry with each of them separately, and never discuss one with the other.", "correct": True,
                 "feedback": "Correct. Private enquiry with each person is safe and gives the most honest picture."},
            ],
            "explanation": "In health, make private enquiry with each person, record carefully, and share concerns through your safeguarding team.",
            "category": "practice",
            "sectors": ["health"],
        },
        {
            "type": "single",
            "lesson": "counter-allegations-in-multi-agency-work",
            "text": "Two employees who are partners each come to HR saying the other is abusive. What should HR do?",
            "choices": [
                {"text": "Recognise, respond, refer and record: support each of them separately and refer to specialists.", "correct": True,
                 "feedback": "Correct. The employer's role is to respond safely and refer, not to investigate the abuse."},
                {"text": "Take no action unless something happens at work, as the relationship is a private matter.", "correct": False,
                 "feedback": "Employers have a part to play: recognise, respond, refer and record."},
                {"text": "Run a disciplinary investigation into both employees to find out which one is the abuser.", "correct": False,
                 "feedback": "HR is not placed to decide who is the abuser; support each separately and refer."},
                {"text": "Hold a joint meeting with both of them to mediate, so that the working relationship recovers.", "correct": False,
                 "feedback": "Mediation is not safe where there is abuse."},
            ],
            "explanation": "Employers: Recognise, Respond, Refer, Record; keep people apart where needed without implying fault.",
            "category": "practice",
            "sectors": ["employers"],
        },
        {
            "type": "true_false",
            "lesson": "why-identification-matters",
            "text": "Wrongly identifying a victim-survivor as the perpetrator can cost them specialist support, or even their children.",
            "choices": [
                {"text": "True", "correct": True,
                 "feedback": "Correct. That is why identifying the primary perpetrator matters."},
                {"text": "False", "correct": False,
                 "feedback": "Incorrect. Getting it wrong can cost a victim-survivor services, and affect decisions about their children."},
            ],
            "explanation": "Getting the identification wrong can cost a victim-survivor the services they need or their children, while the person causing harm is offered support meant for victims.",
            "category": "identification",
            "sectors": [],
        },
        {
            "type": "single",
            "lesson": "counter-allegations-in-multi-agency-work",
            "text": "In a counter-allegation case at MARAC, why should the agencies agree one plan?",
            "choices": [
                {"text": "So that each agency can close its own file more quickly once the meeting has ended", "correct": False,
                 "feedback": "The aim is the safety of the people at risk, not closing files."},
                {"text": "So that no agency takes an action that conflicts with another's and puts the victim at risk", "correct": True,
                 "feedback": "Correct. Conflicting actions can put the victim at risk."},
                {"text": "So that the police can decide who is to be charged before any other agency acts", "correct": False,
                 "feedback": "Safety planning does not wait for a charging decision."},
                {"text": "So that both people are offered exactly the same services until the case is closed", "correct": False,
                 "feedback": "Support should follow who is at risk from whom, not be the same for both."},
            ],
            "explanation": "At MARAC, screen the case, assess the risk to both people and agree one plan, so that agencies do not take conflicting actions.",
            "category": "marac",
            "sectors": [],
        },
        {
            "type": "scenario",
            "category": "marac",
            "case": "<p>Maria and Dev have been together for eight years and have a son aged ten. Police were called last week after Dev said Maria hit him; Maria was arrested. Maria later tells an IDVA that Dev has controlled the family's money for years, checks her phone, has stopped her seeing friends, and that she hit him when he grabbed her phone and would not let her call her sister. Dev has referred himself to a men's service. The case is coming to MARAC.</p>",
            "questions": [
                {
                    "type": "single",
                    "lesson": "counter-allegations-in-multi-agency-work",
                    "text": "What is the most important step for the MARAC?",
                    "choices": [
                        {"text": "Treat Dev as the victim, because Maria was the one arrested after the police were called.", "correct": False,
                         "feedback": "An arrest after one incident does not show who the primary perpetrator is."},
                        {"text": "Have the case screened by the IDVA and the men's service, and assess the risk to all three.", "correct": True,
                         "feedback": "Correct. Screening and assessing risk to everyone gives the meeting the best picture."},
                        {"text": "Conclude that they are both as bad as each other, so neither needs a safety plan from MARAC.", "correct": False,
                         "feedback": "Reject ‘both as bad as each other’: assess who is at risk from whom."},
                    ],
                    "explanation": "Screen counter-allegations, assess risk to both adults and to children, and agree one plan across agencies.",
                    "category": "marac",
                    "sectors": [],
                },
                {
                    "type": "multiple",
                    "lesson": "pattern-fear-and-control",
                    "text": "Which information helps to identify the primary perpetrator?",
                    "choices": [
                        {"text": "Maria being stopped from seeing friends.", "correct": True,
                         "feedback": "Yes. Isolation is a marker of coercive control."},
                        {"text": "Maria hitting Dev when he grabbed her phone and would not let her call her sister.", "correct": True,
                         "feedback": "Yes. In this context, it may be violent resistance rather than control."},
                        {"text": "Dev's long-term control of the money and Maria's phone.", "correct": True,
                         "feedback": "Yes. These are coercive control tactics, part of a pattern over time."},
                        {"text": "Which of them was arrested by the police last week after Dev's call.", "correct": False,
                         "feedback": "No. The arrest reflects one incident; positive-action arrests can catch the real victim."},
                    ],
                    "explanation": "Look at the pattern, who is afraid of whom and who is controlling whom, and understand any force used in context.",
                    "category": "marac",
                    "sectors": [],
                },
                {
                    "type": "true_false",
                    "lesson": "why-identification-matters",
                    "text": "Because Maria hit Dev, she cannot be offered victim support.",
                    "choices": [
                        {"text": "True", "correct": False,
                         "feedback": "This is false. A victim-survivor who has used violent resistance may still need and be offered support."},
                        {"text": "False", "correct": True,
                         "feedback": "Correct. Using force in response to abuse does not make someone the primary perpetrator or rule out support."},
                    ],
                    "explanation": "Victim-survivors sometimes use defensive or retaliatory force. Getting the identification wrong can cost them services or their children.",
                    "category": "marac",
                    "sectors": [],
                },
            ],
        },
    ],
    "sources": [
        "P1",
        "P2",
        "P3",
        "M3",
        "R5",
        "R6",
        "R7",
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
    ],
}
