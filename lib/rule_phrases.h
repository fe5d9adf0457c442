/*
 * rule_phrases.h - the catalogue of non-commitments that rule.c refuses:
 * data only, included by rule.c alone.  Everything here is written folded,
 * as rule.c compares it: lower case, no accents ("ñ" is "n"), apostrophes
 * and other punctuation turned into spaces ("we'll" is "we ll", "what's" is
 * "what s", "e-mail" is "e mail").
 *
 * How the tables are used (the code is in rule.c):
 *
 *  - A step is refused only when every word of it is accounted for by
 *    these tables.  One word that is not (a quote, an order, "confirmar",
 *    "measure") makes it a concrete step, so adding a word to the lexicon
 *    below must never make a real step read as empty: a word that can be
 *    the whole point of a step ("decision", "dudas", "answer") goes in
 *    W_TOPIC, which is only absorbed beside a non-commitment.
 *  - The phrases are the non-commitments themselves ("let me know", "me
 *    avisa", "lo platicamos", "check in").  A step made of them and of
 *    lexicon words is refused: as vague always, as a touch unless the
 *    agreement recurs (--every).
 *  - A contact verb with nothing but a pronoun, a time, fillers around it
 *    ("te marco el lunes", "call her next week") is a touch: a call into
 *    the air, unless it recurs.
 */

/* Lexicon classes: what a word carries when it is not in a phrase. */
enum {
	W_FILL = 1 << 0,	/* fillers, politeness: ok, bueno, thanks */
	W_FUNC = 1 << 1,	/* articles, prepositions, auxiliaries */
	W_DET = 1 << 2,		/* no name after it: the, de, about */
	W_PRON = 1 << 3,	/* pronouns: me, you, her, le, nos */
	W_CONTACT = 1 << 4,	/* a way to contact: call, llamar, correo */
	W_TIME = 1 << 5,	/* a time: monday, manana, next, 12th */
	W_SOON = 1 << 6,	/* a time that names none: soon, luego */
	W_TOPIC = 1 << 7,	/* what a non-commitment is about: algo */
	W_NAME = 1 << 8,	/* a person: Juan, the client, don */
	W_TITLE = 1 << 9,	/* the word after it is a name: Dr., Sr. */
	W_BACK = 1 << 10	/* "back": weighed much as a name (rule.c) */
};

/* Kinds of phrases. */
enum {
	K_VAGUE = 1,	/* refused: nothing agreed, or left to the client */
	K_TOUCH,	/* refused unless recurring: a keep-in-touch */
	K_BYE,		/* a goodbye: vague, unless timed (a meeting) */
	K_SOON		/* no non-commitment; its words read as W_SOON */
};

struct rule_lex {
	unsigned cls;
	const char *words;	/* separated by spaces */
};

static const struct rule_lex rule_lexicon[] = {
	{ W_FILL, "ok okay okey oki k kk vale bueno buenos pues entonces "
	    "so then just well and y e ya oh ah eh hey hi hello hola oye "
	    "mira listo perfecto perfect great genial sure claro dale "
	    "alright right cool good bien fine nice awesome yes yeah yep "
	    "yup no nope sounds quick rapido simplemente solo nomas "
	    "please pls plz porfa porfis xfa favor thanks thank thx ty "
	    "gracias mil saludos regards cheers hope ojala espero "
	    "anyway also too tambien tb tmb acuerdo really muy very falta" },
	{ W_FUNC, "a an to at with by from up out over into off as than there "
	    "here not still is are r be been being am was were will would can "
	    "could shall should may might must do does did don doesn didn won "
	    "wont t s ll d ve m have has had get gets got give gives go goes "
	    "going gonna wanna gotta let lets or but what which who where "
	    "each other after before until till during within en con que q "
	    "pero ni o u x eso esto aqui aca ahi alli alla hay es son era fue "
	    "sea estar esta estan estamos estoy estas este va van vas voy "
	    "vamos ir tener tengo tiene tienes tenga tengas tengan tienen "
	    "poder pueda puedas puedan puede puedes puedo podamos he ha han "
	    "hemos seguimos seguir hasta antes durante dentro asi sin cuanto "
	    "grab take dar doy damos darle darte echar echo echarle pegar "
	    "pego pegarle hacer hago hacerle tomar tomamos said says dijo "
	    "dijeron" },
	/* Determiners and the prepositions that open a topic: "about
	 * Henderson", "la Acme" name a thing, not a person spoken to. */
	{ W_FUNC | W_DET, "the this that these those for on in of about re "
	    "regarding el la los las lo un una unos unas para sobre de del al "
	    "por mi mis tu tus su sus nuestro nuestra" },
	{ W_PRON | W_DET, "my your his her its our their" },
	{ W_PRON, "i me mine you u ya yours he him she hers it we us they "
	    "them myself yourself themselves someone somebody anyone anybody "
	    "yo te ti conmigo contigo usted ustedes ud uds vos le les lo "
	    "se nos os nosotros nosotras vosotros ella ellas ellos" },
	/* Channels, and contact verbs in all the persons they are typed. */
	{ W_CONTACT, "call calls called calling phone phones phoned ring "
	    "rings email emails emailed mail mails write writes text texts "
	    "texting txt message messages msg dm whatsapp wa wapp wsp whats "
	    "ping contact reach visit visits talk talks speak chat "
	    "llamar llamarle llamarte llamarlo llamarla llamarles llamarlos "
	    "llamo llama llamas llaman llamamos llame llamare llamaremos "
	    "llamada llamadita marcar marcarle marcarte marco marca marcamos "
	    "telefonear telefonearle telefoneo telefono telefonica "
	    "hablar hablarle hablarte hablo habla platicar platicarle "
	    "platico charlar escribir escribirle escribirte escribo "
	    "escribimos escribe mensaje mensajito correo "
	    "wasap guasap sms contactar contactarle contactarlo contactarla "
	    "contacto comunicarse comunicarme comunicarle comunicar visitar "
	    "visitarle visitarlo visitarla visita visito pasar paso revisit "
	    "nudge chase remind toque toquecito telefonazo insistir "
	    "insisto insistirle pasarme pasarnos talked spoken spoke" },
	{ W_TIME, "today tonight tomorrow tmrw tmw tmr morning afternoon "
	    "evening night noon midday am pm next this coming following "
	    "end eod eow eom cob asap first early late mid beginning week "
	    "weeks wk weekend month months year years quarter day days "
	    "couple few hour hours hrs minutes mins oclock clock possible "
	    "monday tuesday wednesday thursday friday saturday sunday "
	    "mondays tue tues wed thu thur thurs fri "
	    "january february march april june july august september "
	    "october november december jan feb apr jun jul aug sep sept "
	    "oct nov dec spring summer autumn fall winter holidays q1 q2 q3 "
	    "q4 hoy manana pasado tarde noche mediodia temprano primera "
	    "lunes martes miercoles jueves viernes sabado domingo finde fin "
	    "semana semanas mes meses ano anos quincena proxima proximo "
	    "proximas proximos viene entra entrante siguiente otra otro "
	    "principios finales mediados dia dias par hora horas ahora "
	    "enero febrero marzo abril mayo junio julio agosto septiembre "
	    "setiembre octubre noviembre diciembre verano invierno "
	    "primavera otono posible" },
	{ W_SOON, "soon later sometime around shortly again yet eventually "
	    "bit while pronto luego despues mas adelante rato ratito ahorita "
	    "volver vuelvo vuelve volvemos volveremos" },
	/* What a non-commitment is about.  Each may be the point of a
	 * real step ("Call for their decision"), so it only counts as empty
	 * next to a phrase below. */
	{ W_TOPIC, "anything something everything nothing stuff things thing "
	    "all any some more else help questions question need needs needed "
	    "want wants wanted like decide decides decided decision answer "
	    "feedback thoughts news update updates ready free time chance "
	    "doing come comes came happens changes everyone everybody "
	    "business conversation coffee lunch step steps issue issues "
	    "concern concerns problem problems algo todo todos toda cosa "
	    "cosas duda dudas pregunta preguntas necesitas necesita necesitan "
	    "necesite necesites necesiten necesitamos ocupas ocupa quiere "
	    "quieres quiera quieras quieran deciden decida decidas decidan "
	    "decidir decidio decidieron respuesta comentarios comentario "
	    "noticias novedades tiempo ocasion oportunidad momento pasa surge "
	    "sale ocurre cambia grito conversacion platica charla cafe "
	    "cafecito almuerzo comida paso pasos inquietud inquietudes "
	    "consulta consultas detalle detalles problema problemas cambio "
	    "cambios regrese regresa vuelva venga convenga consultar "
	    "consultara consultarlo consulte" },
	{ W_NAME | W_TITLE, "mr mrs ms miss sr sra srta sres don dona lic "
	    "licenciado licenciada ing ingeniero ingeniera dr dra doctor "
	    "doctora senor senora senorita" },
	/* People spoken to: given names that are no common word, and the
	 * client.  Capitalized words are taken as names as well (rule.c). */
	{ W_NAME, "client clients customer customers buyer cliente clientes "
	    "clienta juan pedro luis jose maria ana carlos jorge miguel "
	    "javier antonio manuel francisco fernando ricardo roberto "
	    "alejandro diego pablo sergio raul andres daniel david alberto "
	    "eduardo enrique jesus oscar alvaro jordi inigo marta laura "
	    "lucia sofia carmen elena isabel patricia claudia gabriela "
	    "andrea paula cristina monica silvia veronica beatriz teresa "
	    "rocio lupita lupe chema pepe paco nacho memo chuy mike john "
	    "james robert mary jennifer linda sarah jessica karen lisa "
	    "nancy emily emma olivia michael chris tom peter paul dave "
	    "steve bob rob jim joe jen kate katie amy anna rachel rebecca "
	    "sam alex ben dan matt nick tony ryan kevin brian jason eric "
	    "zoe" },
	/* "Call back" is a call the client asked for; "call back later",
	 * "call her back" are not (see weigh() in rule.c). */
	{ W_BACK, "back" },
};

/*
 * Phrases.  Words are separated by one space; "a|b" is one word, a or b;
 * "[a|b]" is a word that may be missing.  Longer alternatives are built
 * from the macros below.  A phrase matches consecutive words.
 */
#define ME	"me|us"
#define YOU	"you|u|ya|him|her|them"
#define CALL	"call|ring|phone|buzz|email|mail|text|message|msg|" \
		"ping|dm|whatsapp|contact|write"
#define GIVE	"give|drop|shoot|send"
#define TOLD	"call|ring|shout|buzz|line|email|mail|text|message|msg|" \
		"note|whatsapp"
/* Spanish forms with "me" or "nos" before them: the client calls, tells. */
#define TO_ME_ES "llama|llamas|llaman|llame|llames|llamen|llamaras|" \
	"llamara|llamaran|marca|marcas|marcan|marque|marques|marquen|" \
	"marcaras|marcara|escribe|escribes|escriben|escriba|escribas|" \
	"escriban|escribiras|escribira|habla|hablas|hablan|hable|hables|" \
	"hablen|platica|platicas|platican|platique|avisa|avisas|avisan|" \
	"avise|avises|avisen|avisaras|avisara|avisaran|dice|dices|dicen|" \
	"diga|digas|digan|diras|dira|diran|cuenta|cuentas|cuentan|cuente|" \
	"cuentes|contaras|contara|comenta|comentas|comentan|comente|" \
	"comentes|comentaras|comentara|contacta|contactas|contacte|" \
	"manda|mandas|mandan|mande|mandes|busca|buscas|busque|busques|" \
	"localiza|localizas|chifla|chiflas|pega|pegas|responde|respondes|" \
	"contesta|contestas|comunica|comunicas|comunique|deja|dejas|" \
	"confirma|confirmas|confirman|confirme|confirmes|confirmaras|" \
	"confirmara|llamaba|avisaba|marcaba|escribia|decia"
/* "te aviso", "le digo": I will tell you, some day. */
#define TELL_ES "aviso|avisamos|avisare|avisaremos|digo|decimos|dire|" \
	"cuento|comento|comentare"
#define SEND_ES "mando|mandar|mandarle|mandarte|mandamos|envio|enviar|" \
	"enviarle|enviarte|enviamos|escribo|dejo"
/* The client will call me, tell me: "quedó en avisarme". */
#define ME_INF_ES "llamarme|avisarme|marcarme|escribirme|decirme|contarme|" \
	"comentarme|contactarme|buscarme|confirmarme|llamarnos|avisarnos"
#define NOTE_ES "mensaje|mensajito|whatsapp|wasap|guasap|whats|wsp|wa|" \
	"correo|mail|email|sms|texto|audio"

struct rule_phrase {
	int kind;
	const char *words;
};

static const struct rule_phrase rule_phrases[] = {
	/* The other party will let me know, or call, or get back. */
	{ K_VAGUE, "let " ME " know" },
	{ K_VAGUE, "let you know" },
	{ K_VAGUE, "lemme know" },
	{ K_VAGUE, "lmk" },
	{ K_VAGUE, "keep " ME "|" YOU " posted|updated|informed|advised" },
	{ K_VAGUE, "keep an eye out" },
	{ K_VAGUE, "keep " ME " in [the] loop|mind" },
	{ K_VAGUE, "loop " ME " in" },
	{ K_VAGUE, "get|getting back to|with " ME "|you|u" },
	{ K_VAGUE, "hear|hearing [back] from " YOU },
	{ K_VAGUE, "hear|hearing back" },
	{ K_VAGUE, "they|he|she|client|customer [ll|will|d|would|is|s] "
	    "[going] [to] call|ring|phone|get|write back" },
	{ K_VAGUE, "wait|waiting|await|awaiting|esperar|esperando|espera|"
	    "esperamos|espero" },
	{ K_VAGUE, "ball [is] in their|his|her|your court" },
	{ K_VAGUE, "park it|this|that" },
	{ K_VAGUE, "on hold" },
	{ K_VAGUE, "look|looking forward" },
	{ K_VAGUE, CALL " " ME " [back]" },
	{ K_VAGUE, GIVE " " ME " [a|an] [quick] " TOLD },
	{ K_VAGUE, "hit " ME " up" },
	{ K_VAGUE, "tell " ME },
	{ K_VAGUE, "feel free" },
	{ K_VAGUE, "don [t] hesitate" },
	{ K_VAGUE, "be in touch" },
	{ K_VAGUE, "me|nos " TO_ME_ES },
	{ K_VAGUE, "te|le|les|os " TELL_ES },
	{ K_VAGUE, "avisame|aviseme|avisenme|avisanos|llamame|llameme|"
	    "llamenme|llamanos|marcame|marqueme|marquenme|escribeme|"
	    "escribame|escribanme|escribime|hablame|hableme|dime|digame|"
	    "diganme|decime|cuentame|cuenteme|contame|comentame|comenteme|"
	    "contactame|contacteme|buscame|chiflame|pegame|respondeme|"
	    "contestame|avisanos|avisame" },
	{ K_VAGUE, "me dejas|deja|dejan saber" },
	{ K_VAGUE, ME_INF_ES },
	{ K_VAGUE, "queda|quedo|quedan|quedaron|quedamos en|de " ME_INF_ES "|"
	    "hablar|hablarlo|llamar|vernos|pensarlo|platicarlo|verlo" },
	{ K_VAGUE, "lo|la dejamos|dejo|dejaremos asi|ahi|aqui" },
	{ K_VAGUE, "para|por lo que necesite|necesites|necesiten|guste|"
	    "gustes|ocupe|ocupes|sea" },
	{ K_VAGUE, "se comunica|comunican conmigo" },
	{ K_VAGUE, "pone|ponen|ponga en contacto conmigo" },
	{ K_VAGUE, "me comunico|reporto" },
	{ K_VAGUE, "a la orden" },
	{ K_VAGUE, "a sus|tus ordenes" },
	{ K_VAGUE, "aqui estoy|estamos|ando" },
	{ K_VAGUE, "quedo|quedamos atento|atenta|atentos|atentas|pendiente|"
	    "pendientes" },
	{ K_VAGUE, "quedo|quedamos en espera" },
	{ K_VAGUE, "quedamos asi|en eso" },
	{ K_VAGUE, "no dudes|dude|duden en" },
	/* If, when, whenever: nothing happens unless the client moves. */
	{ K_VAGUE, "[see|ver] if|si|whether" },
	{ K_VAGUE, "in|en case|caso" },
	{ K_VAGUE, "when|whenever|cuando|anytime" },
	{ K_VAGUE, "cualquier|cualquiera" },
	{ K_VAGUE, "anything" },
	/* We'll talk, we'll see. */
	{ K_VAGUE, "we [ll|will|shall|can|d] talk|speak|chat|see|connect" },
	{ K_VAGUE, "let [s|us] talk|speak|chat|see|connect" },
	{ K_VAGUE, "lets talk|speak|chat|see|connect" },
	{ K_VAGUE, "talk|speak|chat|talking|speaking|chatting [to|with] "
	    "[you|u|ya] soon|later|then|shortly|again|sometime" },
	{ K_VAGUE, "talk|speak|chat to|with you|u|ya" },
	{ K_VAGUE, "ttyl|ttys|tty" },
	{ K_VAGUE, "hablamos|hablaremos|hablando|platicamos|platicaremos|"
	    "platicando|charlamos|charlaremos|charlando|conversamos|"
	    "conversaremos|conversando|comunicamos" },
	{ K_VAGUE, "nos llamamos|marcamos|escribimos|avisamos" },
	{ K_VAGUE, "veremos" },
	{ K_VAGUE, "ya|ahi [lo] vemos" },
	{ K_VAGUE, "lo vemos" },
	{ K_VAGUE, "otro dia" },
	{ K_VAGUE, "a ver que pasa|sale" },
	/* Later, maybe, nothing. */
	{ K_VAGUE, "maybe|perhaps|quizas|quiza|whatever|someday|sometime|"
	    "eventually" },
	{ K_VAGUE, "tal vez" },
	{ K_VAGUE, "a lo mejor" },
	{ K_VAGUE, "some|one|algun day|dia" },
	{ K_VAGUE, "un dia de estos" },
	{ K_VAGUE, "some other time" },
	{ K_VAGUE, "another time" },
	{ K_VAGUE, "en otro momento" },
	{ K_VAGUE, "no rush|pressure|hurry|worries" },
	{ K_VAGUE, "sin prisa|prisas|presion|apuro|compromiso" },
	{ K_VAGUE, "no hay prisa|apuro" },
	{ K_VAGUE, "think|thinking|pienso|piensa|piensan|pensamos|pensar|"
	    "pensarlo|pensare|pensara|pensaremos|pensando" },
	{ K_VAGUE, "sleep on it" },
	{ K_VAGUE, "mull it over" },
	{ K_VAGUE, "consultar|consulta|consulto con la almohada" },
	{ K_VAGUE, "tbd|tba|tbc|pending|pendiente|pendientes|nothing|nada" },
	{ K_VAGUE, "to be defined|determined|decided|discussed|confirmed" },
	{ K_VAGUE, "por|a definir|decidir|ver" },

	/* A goodbye: "nos vemos el martes" is a meeting, "nos vemos" is not. */
	{ K_BYE, "see you|ya|u" },
	{ K_BYE, "nos vemos" },
	{ K_BYE, "catch you" },
	{ K_BYE, "hasta luego|pronto|entonces" },
	{ K_BYE, "hasta la proxima" },
	{ K_BYE, "bye|adios|chao|chau" },
	{ K_BYE, "ya quedamos|quedo" },

	/* Keep in touch: a step only as a recurring agreement. */
	{ K_TOUCH, "stay|keep|get|remain|staying|keeping|getting in "
	    "touch|contact" },
	{ K_TOUCH, "stay|keep|staying|keeping connected" },
	{ K_TOUCH, "touch|touching base" },
	{ K_TOUCH, "check|checking in" },
	{ K_TOUCH, "checkin" },
	{ K_TOUCH, "circle|circling back" },
	{ K_TOUCH, "check|checking back" },
	{ K_TOUCH, "reach|reaching back out" },
	{ K_TOUCH, "drop|stop|swing|pop|dropping|stopping|swinging "
	    "by|in|over" },
	{ K_TOUCH, "keep [them|him|her|it] warm" },
	{ K_TOUCH, "nurture|nurturing" },
	{ K_TOUCH, "retomar|retomamos|retomo|retomarlo|retomaremos" },
	{ K_TOUCH, "follow|following up" },
	{ K_TOUCH, "followup|followups" },
	{ K_TOUCH, "catch|catching up" },
	{ K_TOUCH, "catchup" },
	{ K_TOUCH, "reach|reaching out" },
	{ K_TOUCH, "reconnect|reconnecting" },
	{ K_TOUCH, "say|saying hi|hello|hey" },
	{ K_TOUCH, GIVE " " YOU " [a|an] [quick] " TOLD },
	{ K_TOUCH, "[a] [ver|see|saber|check|checar|chequear|revisar] "
	    "how|como" },
	{ K_TOUCH, "[a] [ver|see|check] what s up|new|happening" },
	{ K_TOUCH, "[a] [ver] que tal|onda" },
	{ K_TOUCH, "[quedamos|quedar|quedo|pongo|ponemos|ponerme|ponernos|"
	    "ponerse|ponerle|ponerte|mantenernos|mantenerse] en contacto" },
	{ K_TOUCH, "mantener|mantenernos|mantenerse|mantengamos|seguir|"
	    "retomar [el] contacto" },
	{ K_TOUCH, "[dar|darle|darles|doy|hacer|hacerle|hago] seguimiento" },
	{ K_TOUCH, "saludar|saludarle|saludarla|saludarlo|"
	    "saludarte|saludarlos|saludo|saludito|reconectar" },
	{ K_TOUCH, "ponernos|ponerse|ponerme al dia|corriente" },
	{ K_TOUCH, SEND_ES " [un|una] " NOTE_ES },

	/* Said of a time, not a step. */
	{ K_SOON, "de nuevo" },
	{ K_SOON, "otra vez" },
	{ K_SOON, "in a bit|while" },
	{ K_SOON, "new year" },
	{ K_SOON, "ano nuevo" },
};

#undef ME
#undef YOU
#undef CALL
#undef GIVE
#undef TOLD
#undef TO_ME_ES
#undef TELL_ES
#undef SEND_ES
#undef ME_INF_ES
#undef NOTE_ES
