"""The Lineup Service Standards: the seeded credo, motto, steps of service and service values.

Written for Lineup from general principles of good service (the ideas summarised in the seed
articles: respect, honesty, ownership, empathy, thanks, simplicity, relationships, feedback,
complaints, anticipation, empowerment, follow-up). No company's own wording is reproduced.
Each entry: kind, number, (title, body, examples, prompts) in English and German, source.
Examples and prompts are one per line.
"""

from __future__ import annotations

SOURCE = "Lineup Service Standards (written for Lineup)"
SOURCE_FIGURES = ("Lineup Service Standards; figures: Wharton School / Verde Group retail "
                  "study 2006 as summarised in the seed articles")

STANDARDS: tuple[dict, ...] = (
    {
        "kind": "credo", "number": None, "source": SOURCE,
        "title_en": "Our credo",
        "body_en": "We are here so that every guest leaves a little better off than they came. "
                   "We earn trust one conversation at a time: by treating people with respect, "
                   "by being honest, by owning what goes wrong and by noticing what nobody "
                   "asked for. Our colleagues are our first guests, and we look after each other "
                   "the way we look after the people we serve.",
        "examples_en": "Greeting the guest before they have to look for us\n"
                       "Telling the truth about a delay and what we will do about it",
        "prompts_en": "Which sentence of the credo did you live yesterday, and how?\n"
                      "Where does our daily work make the credo hard to keep?\n"
                      "What would a guest say about us if they described our team in one line?",
        "title_de": "Unser Credo",
        "body_de": "Wir sind da, damit jeder Gast ein wenig besser geht, als er gekommen ist. "
                   "Vertrauen verdienen wir Gespräch für Gespräch: mit Respekt, mit Ehrlichkeit, "
                   "indem wir für Fehler geradestehen und indem wir bemerken, worum niemand "
                   "gebeten hat. Unsere Kolleginnen und Kollegen sind unsere ersten Gäste; wir "
                   "achten aufeinander so, wie wir auf die Menschen achten, denen wir dienen.",
        "examples_de": "Den Gast begrüßen, bevor er nach uns suchen muss\n"
                       "Offen sagen, dass es dauert, und was wir dagegen tun",
        "prompts_de": "Welchen Satz des Credos hast du gestern gelebt, und wie?\n"
                      "Wo macht es uns der Arbeitsalltag schwer, das Credo einzuhalten?\n"
                      "Wie würde ein Gast unser Team in einem Satz beschreiben?",
    },
    {
        "kind": "motto", "number": None, "source": SOURCE,
        "title_en": "Our motto: hosts, not handlers",
        "body_en": "We do not process guests, we host them. Whoever stands in front of us gets "
                   "our full attention, as if they were visiting us at home.",
        "examples_en": "Putting the phone down and looking up when someone approaches\n"
                       "Using the guest's name once we know it",
        "prompts_en": "What is the difference between handling a request and hosting a person?\n"
                      "When did you last feel truly hosted somewhere, and what made it so?",
        "title_de": "Unser Motto: Gastgeber, nicht Sachbearbeiter",
        "body_de": "Wir fertigen Gäste nicht ab, wir sind ihre Gastgeber. Wer vor uns steht, "
                   "bekommt unsere volle Aufmerksamkeit, als wäre er bei uns zu Hause zu Besuch.",
        "examples_de": "Das Telefon weglegen und aufschauen, wenn jemand kommt\n"
                       "Den Namen des Gastes verwenden, sobald wir ihn kennen",
        "prompts_de": "Worin unterscheidet sich das Abarbeiten einer Anfrage vom Gastgebersein?\n"
                      "Wann hast du dich zuletzt irgendwo wirklich willkommen gefühlt, und warum?",
    },
    {
        "kind": "step", "number": 1, "source": SOURCE,
        "title_en": "Welcome warmly",
        "body_en": "Every encounter starts with a sincere, personal welcome: eye contact, a smile "
                   "you can hear even on the phone, and the guest's name whenever we know it.",
        "examples_en": "Greeting within ten seconds at the desk\nAnswering the phone with our "
                       "name and an offer to help",
        "prompts_en": "What makes a greeting feel personal rather than scripted?\n"
                      "How do we welcome someone when the queue is long?",
        "title_de": "Herzlich willkommen heißen",
        "body_de": "Jede Begegnung beginnt mit einem ehrlichen, persönlichen Willkommen: "
                   "Blickkontakt, ein Lächeln, das man sogar am Telefon hört, und der Name des "
                   "Gastes, wann immer wir ihn kennen.",
        "examples_de": "Am Empfang innerhalb von zehn Sekunden grüßen\nAm Telefon mit unserem "
                       "Namen und einem Hilfsangebot antworten",
        "prompts_de": "Was lässt eine Begrüßung persönlich statt auswendig gelernt wirken?\n"
                      "Wie heißen wir jemanden willkommen, wenn die Schlange lang ist?",
    },
    {
        "kind": "step", "number": 2, "source": SOURCE,
        "title_en": "Understand and meet the need, including the unspoken one",
        "body_en": "We listen for what the guest says and watch for what they do not say. We "
                   "meet the need we were asked for and the one we noticed.",
        "examples_en": "Offering an umbrella to a guest who looks at the rain\n"
                       "Suggesting a quiet table to a guest on a work call",
        "prompts_en": "Which signals tell us about a wish nobody has spoken yet?\n"
                      "Share a time you noticed a need before the guest mentioned it.",
        "title_de": "Den Bedarf erkennen und erfüllen, auch den unausgesprochenen",
        "body_de": "Wir hören, was der Gast sagt, und achten auf das, was er nicht sagt. Wir "
                   "erfüllen den Wunsch, um den er bittet, und den, den wir bemerkt haben.",
        "examples_de": "Einem Gast, der in den Regen schaut, einen Schirm anbieten\n"
                       "Einem Gast mit Telefonat einen ruhigen Tisch vorschlagen",
        "prompts_de": "Welche Signale verraten uns einen Wunsch, den noch niemand ausgesprochen "
                      "hat?\nErzähle von einem Moment, in dem du einen Bedarf vor dem Gast "
                      "bemerkt hast.",
    },
    {
        "kind": "step", "number": 3, "source": SOURCE,
        "title_en": "Say goodbye so they want to return",
        "body_en": "The last moment is remembered longest. We close every encounter with thanks, "
                   "the guest's name and an invitation to come back.",
        "examples_en": "Walking a guest to the door instead of pointing\n"
                       "Asking whether everything was as they hoped, and meaning it",
        "prompts_en": "What do guests take home from the last minute with us?\n"
                      "How can a farewell repair a visit that went less well?",
        "title_de": "So verabschieden, dass sie wiederkommen wollen",
        "body_de": "An den letzten Moment erinnert man sich am längsten. Wir beenden jede "
                   "Begegnung mit Dank, dem Namen des Gastes und einer Einladung zurückzukommen.",
        "examples_de": "Den Gast zur Tür begleiten, statt nur zu zeigen\n"
                       "Fragen, ob alles so war wie erhofft, und es ernst meinen",
        "prompts_de": "Was nehmen Gäste aus der letzten Minute mit uns mit nach Hause?\n"
                      "Wie kann ein Abschied einen Besuch retten, der nicht ganz gelungen war?",
    },
)

# Service values 1-13: (title, body, examples, prompts) in English, then German.
_VALUES = (
    (
        "I treat every guest with respect",
        "I give every person the same courtesy, whatever they spend, wear or say first. "
        "Respect shows in small things: patience, a calm voice, taking their time seriously.",
        "Serving the guest in jeans as attentively as the one in a suit\n"
        "Staying polite when a guest is not",
        "Where is it hardest for us to stay respectful, and what helps?\n"
        "How does a guest notice respect in the first minute?",
        "Ich begegne jedem Gast mit Respekt",
        "Ich behandle jeden Menschen gleich höflich, egal was er ausgibt, trägt oder zuerst sagt. "
        "Respekt zeigt sich im Kleinen: Geduld, eine ruhige Stimme, seine Zeit ernst nehmen.",
        "Den Gast in Jeans so aufmerksam bedienen wie den im Anzug\n"
        "Höflich bleiben, auch wenn der Gast es nicht ist",
        "Wo fällt es uns am schwersten, respektvoll zu bleiben, und was hilft dann?\n"
        "Woran merkt ein Gast in der ersten Minute, dass wir ihn respektieren?",
    ),
    (
        "I am honest, even when it is uncomfortable",
        "I tell guests what is true: how long it will really take, what we can and cannot do. "
        "An honest no with an alternative builds more trust than a vague yes.",
        "Saying the room will be ready at two, not 'soon'\n"
        "Admitting I do not know and finding out",
        "When are we tempted to promise more than we can keep?\n"
        "How do we deliver bad news so that trust grows?",
        "Ich bin ehrlich, auch wenn es unbequem ist",
        "Ich sage Gästen, was stimmt: wie lange es wirklich dauert, was wir können und was nicht. "
        "Ein ehrliches Nein mit einer Alternative schafft mehr Vertrauen als ein vages Ja.",
        "Sagen, dass das Zimmer um zwei fertig ist, statt 'gleich'\n"
        "Zugeben, dass ich etwas nicht weiß, und es herausfinden",
        "Wann sind wir versucht, mehr zu versprechen, als wir halten können?\n"
        "Wie überbringen wir schlechte Nachrichten so, dass Vertrauen wächst?",
    ),
    (
        "I own the problem and I apologise sincerely",
        "When something goes wrong, I take it on, whoever caused it. I apologise without "
        "excuses, fix what I can at once and stay with it until the guest is looked after.",
        "Saying 'I am sorry, I will sort this out' instead of naming another department\n"
        "Walking the guest to the colleague who can help instead of sending them",
        "What stops us from owning a problem we did not cause?\n"
        "What does a sincere apology sound like, and what ruins it?",
        "Ich übernehme das Problem und entschuldige mich aufrichtig",
        "Wenn etwas schiefgeht, kümmere ich mich darum, egal wer es verursacht hat. Ich "
        "entschuldige mich ohne Ausreden, behebe sofort, was ich kann, und bleibe dran, bis "
        "für den Gast gesorgt ist.",
        "'Das tut mir leid, ich kümmere mich darum' statt auf eine andere Abteilung zu zeigen\n"
        "Den Gast zur Kollegin begleiten, die helfen kann, statt ihn wegzuschicken",
        "Was hält uns davon ab, ein Problem zu übernehmen, das wir nicht verursacht haben?\n"
        "Wie klingt eine aufrichtige Entschuldigung, und was macht sie kaputt?",
    ),
    (
        "I put myself in the guest's shoes",
        "Before I answer, I ask myself how this moment feels from the other side of the desk. "
        "Empathy changes my tone, my words and often my solution.",
        "Noticing the tired parents and offering to carry the bags\n"
        "Slowing down for a guest who is anxious about a flight",
        "How would you feel in the situation of the last upset guest you met?\n"
        "Which words show empathy without sounding rehearsed?",
        "Ich versetze mich in die Lage des Gastes",
        "Bevor ich antworte, frage ich mich, wie sich dieser Moment auf der anderen Seite des "
        "Tresens anfühlt. Empathie verändert meinen Ton, meine Worte und oft meine Lösung.",
        "Die müden Eltern bemerken und anbieten, das Gepäck zu tragen\n"
        "Langsamer werden für einen Gast, der wegen seines Flugs nervös ist",
        "Wie hättest du dich in der Lage des letzten verärgerten Gastes gefühlt?\n"
        "Welche Worte zeigen Mitgefühl, ohne einstudiert zu klingen?",
    ),
    (
        "I say thank you and I mean it",
        "Guests choose us when they could go elsewhere. I thank them for their visit, their "
        "patience and their criticism, and I thank colleagues who help me.",
        "Thanking a guest who pointed out a mistake\n"
        "Thanking the night team at handover by name",
        "When did someone's thanks last make a difference to your day?\n"
        "Why is thanking someone for a complaint worth it?",
        "Ich sage Danke und meine es so",
        "Gäste entscheiden sich für uns, obwohl sie woanders hingehen könnten. Ich danke ihnen "
        "für ihren Besuch, ihre Geduld und ihre Kritik, und ich danke Kollegen, die mir helfen.",
        "Einem Gast danken, der auf einen Fehler hingewiesen hat\n"
        "Dem Nachtteam bei der Übergabe namentlich danken",
        "Wann hat dir ein Dank zuletzt den Tag verändert?\n"
        "Warum lohnt es sich, sich für eine Beschwerde zu bedanken?",
    ),
    (
        "I keep it simple for the guest",
        "Help should be quick and easy on every channel. I spare guests forms, transfers and "
        "jargon, and I solve what I can on the first contact.",
        "Booking the taxi myself instead of handing over a phone number\n"
        "Explaining the bill in plain words",
        "Where do we make things complicated for guests without noticing?\n"
        "Which request could we solve on first contact that we now pass on?",
        "Ich mache es dem Gast einfach",
        "Hilfe soll schnell und leicht sein, auf jedem Weg. Ich erspare Gästen Formulare, "
        "Weiterleitungen und Fachsprache und löse beim ersten Kontakt, was ich lösen kann.",
        "Das Taxi selbst bestellen, statt eine Telefonnummer weiterzugeben\n"
        "Die Rechnung in einfachen Worten erklären",
        "Wo machen wir es Gästen kompliziert, ohne es zu merken?\n"
        "Welche Anfrage könnten wir beim ersten Kontakt lösen, die wir heute weitergeben?",
    ),
    (
        "I am never indifferent",
        "A shrug tells a guest they do not matter. I show that I care about their concern, "
        "even when the answer is small or the fix lies with someone else.",
        "Following up on a guest's lost item myself\n"
        "Reacting to a comment about a noisy room instead of nodding",
        "How does indifference sound and look to a guest?\n"
        "What helps us stay engaged at the end of a long shift?",
        "Ich bin niemals gleichgültig",
        "Ein Schulterzucken sagt dem Gast, dass er nicht zählt. Ich zeige, dass mir sein "
        "Anliegen wichtig ist, auch wenn die Antwort klein ist oder jemand anders zuständig ist.",
        "Mich selbst um den verlorenen Gegenstand eines Gastes kümmern\n"
        "Auf einen Hinweis zu einem lauten Zimmer reagieren, statt nur zu nicken",
        "Wie klingt und wie wirkt Gleichgültigkeit auf einen Gast?\n"
        "Was hilft uns, am Ende einer langen Schicht aufmerksam zu bleiben?",
    ),
    (
        "I build relationships, not one-off sales",
        "I think beyond today's transaction. Remembering preferences and treating guests as "
        "people we want to see again turns visitors into regulars who bring friends.",
        "Noting a guest's pillow preference for the next stay\n"
        "Recommending the cheaper option when it suits the guest better",
        "What do we know about our regular guests, and how do we use it?\n"
        "When is selling less the better choice?",
        "Ich baue Beziehungen auf, statt nur einmal zu verkaufen",
        "Ich denke über das heutige Geschäft hinaus. Wer sich Vorlieben merkt und Gäste als "
        "Menschen behandelt, die man wiedersehen will, macht aus Besuchern Stammgäste, die "
        "Freunde mitbringen.",
        "Das Lieblingskissen eines Gastes für den nächsten Aufenthalt notieren\n"
        "Die günstigere Option empfehlen, wenn sie besser zum Gast passt",
        "Was wissen wir über unsere Stammgäste, und wie nutzen wir es?\n"
        "Wann ist es die bessere Wahl, weniger zu verkaufen?",
    ),
    (
        "I listen to feedback and act on it",
        "Every comment, good or bad, tells us how we are doing. I listen actively, let the "
        "guest finish, write it down and pass it on so that something changes.",
        "Letting an upset guest finish before answering\n"
        "Bringing a repeated guest comment to the line-up",
        "Which guest comment from this week should change how we work?\n"
        "How do we show a guest that we really listened?",
        "Ich höre auf Rückmeldungen und handle danach",
        "Jede Rückmeldung, ob Lob oder Kritik, zeigt uns, wo wir stehen. Ich höre aktiv zu, "
        "lasse den Gast ausreden, schreibe es auf und gebe es weiter, damit sich etwas ändert.",
        "Einen verärgerten Gast ausreden lassen, bevor ich antworte\n"
        "Einen wiederholten Gästehinweis ins Line-up mitbringen",
        "Welche Rückmeldung dieser Woche sollte unsere Arbeit verändern?\n"
        "Wie zeigen wir einem Gast, dass wir wirklich zugehört haben?",
    ),
    (
        "I welcome complaints as a second chance",
        "Most unhappy guests never tell us; they just do not return and tell others instead. A "
        "guest who complains gives us the chance to put it right, so I treat it as a gift.",
        "Thanking the guest for telling us and asking what would help\n"
        "Involving the guest in choosing the solution",
        "Why do most unhappy guests stay silent, and what does that cost us?\n"
        "What turns a complaint into a story the guest tells with pride?",
        "Ich sehe Beschwerden als zweite Chance",
        "Die meisten unzufriedenen Gäste sagen uns nichts; sie kommen einfach nicht wieder und "
        "erzählen es anderen. Wer sich beschwert, gibt uns die Chance, es gutzumachen. Das ist "
        "ein Geschenk.",
        "Dem Gast für den Hinweis danken und fragen, was ihm helfen würde\n"
        "Den Gast an der Wahl der Lösung beteiligen",
        "Warum schweigen die meisten unzufriedenen Gäste, und was kostet uns das?\n"
        "Was macht aus einer Beschwerde eine Geschichte, die der Gast gern erzählt?",
    ),
    (
        "I anticipate wishes before they are spoken",
        "Legendary service is a little more than what guests expect. I watch, remember and "
        "prepare so that the guest finds what they need before they think to ask.",
        "Having a phone charger ready for a guest whose battery is low\n"
        "Preparing the usual order of a regular before they sit down",
        "What small extra could we offer this week in our department?\n"
        "Which guest habits should we write down and share?",
        "Ich erkenne Wünsche, bevor sie ausgesprochen werden",
        "Legendärer Service ist ein bisschen mehr, als Gäste erwarten. Ich beobachte, merke mir "
        "und bereite vor, sodass der Gast findet, was er braucht, bevor er daran denkt zu fragen.",
        "Ein Ladekabel bereithalten für einen Gast mit leerem Akku\n"
        "Die übliche Bestellung eines Stammgastes vorbereiten, bevor er sitzt",
        "Welches kleine Extra könnten wir diese Woche in unserer Abteilung anbieten?\n"
        "Welche Gewohnheiten von Gästen sollten wir notieren und teilen?",
    ),
    (
        "I may make things right on the spot",
        "I do not need to ask permission to fix a guest's problem within the limit our team has "
        "agreed (for example a drink, a dessert or a fee waived up to the amount set by my "
        "department). I use it wisely and tell my supervisor afterwards.",
        "Inviting a guest to a coffee after a long wait\n"
        "Waiving the late check-out fee for a guest whose flight was cancelled",
        "What is our department's limit, and when did we last use it?\n"
        "What holds us back from using the freedom we have?\n"
        "When is a gesture the right answer, and when is it not enough?",
        "Ich darf Dinge sofort wiedergutmachen",
        "Ich muss nicht um Erlaubnis fragen, um das Problem eines Gastes innerhalb des im Team "
        "vereinbarten Rahmens zu lösen (zum Beispiel ein Getränk, ein Dessert oder eine erlassene "
        "Gebühr bis zu dem Betrag, den meine Abteilung festgelegt hat). Ich setze ihn mit "
        "Bedacht ein und informiere danach meine Vorgesetzte oder meinen Vorgesetzten.",
        "Einen Gast nach langer Wartezeit auf einen Kaffee einladen\n"
        "Die Gebühr für den späten Check-out erlassen, wenn der Flug gestrichen wurde",
        "Wie hoch ist der Rahmen unserer Abteilung, und wann haben wir ihn zuletzt genutzt?\n"
        "Was hält uns davon ab, den Spielraum zu nutzen, den wir haben?\n"
        "Wann ist eine Geste die richtige Antwort, und wann reicht sie nicht?",
    ),
    (
        "I follow up",
        "A problem is solved when the guest says so. I check back later, by a call, a note or a "
        "small gesture, to make sure the solution worked.",
        "Calling the room an hour after fixing the air conditioning\n"
        "Leaving a short note for a guest whose complaint we handled",
        "Which open guest issue from yesterday needs a follow-up today?\n"
        "How do we hand over a follow-up so it does not get lost between shifts?",
        "Ich hake nach",
        "Ein Problem ist gelöst, wenn der Gast es sagt. Ich melde mich später noch einmal, mit "
        "einem Anruf, einer Notiz oder einer kleinen Geste, um sicherzugehen, dass die Lösung "
        "gewirkt hat.",
        "Eine Stunde nach der Reparatur der Klimaanlage im Zimmer anrufen\n"
        "Einem Gast, dessen Beschwerde wir bearbeitet haben, eine kurze Notiz hinterlassen",
        "Welches offene Anliegen von gestern braucht heute ein Nachhaken?\n"
        "Wie übergeben wir ein Nachhaken so, dass es zwischen den Schichten nicht verloren geht?",
    ),
    (
        "I am proud of my team and I support my colleagues",
        "Guests feel how we treat each other. I help a colleague who is busy, share what I "
        "know and recognise good service when I see it.",
        "Taking over a phone call when a colleague is with a guest\n"
        "Telling the supervisor about a colleague's great moment",
        "Who helped you recently, and did you tell them?\n"
        "What can the next shift do better because of us?",
        "Ich bin stolz auf mein Team und unterstütze meine Kollegen",
        "Gäste spüren, wie wir miteinander umgehen. Ich helfe Kolleginnen und Kollegen, wenn "
        "viel los ist, teile mein Wissen und erkenne guten Service an, wenn ich ihn sehe.",
        "Einen Anruf übernehmen, wenn die Kollegin gerade bei einem Gast ist\n"
        "Der Vorgesetzten von einem großartigen Moment eines Kollegen erzählen",
        "Wer hat dir zuletzt geholfen, und hast du es ihm gesagt?\n"
        "Was kann die nächste Schicht dank uns besser machen?",
    ),
)

STANDARDS = STANDARDS + tuple(
    {
        "kind": "value", "number": number,
        "source": SOURCE_FIGURES if number == 10 else SOURCE,
        "title_en": t_en, "body_en": b_en, "examples_en": e_en, "prompts_en": p_en,
        "title_de": t_de, "body_de": b_de, "examples_de": e_de, "prompts_de": p_de,
    }
    for number, (t_en, b_en, e_en, p_en, t_de, b_de, e_de, p_de) in enumerate(_VALUES, start=1)
)

# Stories for the demo history (invented, about invented colleagues).
DEMO_STORIES = (
    ("A guest's daughter lost her cuddly rabbit on checkout day. Housekeeping found it behind "
     "the bed, and the front office posted it home with a photo of the rabbit 'enjoying the "
     "lobby'. The family wrote back within a week.", "Housekeeping and Front Office"),
    ("A caller was furious that his restaurant booking had vanished. Our colleague let him "
     "finish, apologised, found a table at the window and called back an hour before to "
     "confirm. He now books every month.", "Restaurant"),
    ("A spa guest mentioned in passing that it was her first holiday since an illness. The "
     "team left a handwritten card and a small bouquet in her room that evening.", "Spa"),
    ("A business traveller's suit was creased after a long flight. The concierge had it "
     "pressed before the guest's meeting and walked it to the room personally.", "Concierge"),
)
