/*
 * gen.c - a deterministic portfolio for benchmarks: N clients with about K
 * log rows each, three years of history ending on 2026-11-23.
 *
 * usage: gen DIR N K
 *
 * The portfolio obeys the rule of fu (SPEC section 4), so every fu tool
 * reads it: ids are unique and ascending, every log row names an existing
 * client, a follow-up names an open agreement of its client made on or
 * before the contact, a contact with nothing open makes an agreement, a
 * moved step continues as a new agreement, a kept recurring agreement makes
 * its next occurrence (due one period after the contact) as fu-log does,
 * events leave the agreement empty, and a lost client is contacted again
 * only by a "won" that makes a next step.
 *
 * The history is simulated day by day (a bucket queue of clients by the
 * day of their next contact), so the log is in date order and interleaves
 * clients as a real one does.  Everything random comes from one fixed-seed
 * splitmix64 stream, or from a hash of the client id for what belongs to
 * the client (its name, company, dates), so the same arguments always give
 * the same bytes.  Rows go out through large buffers in one pass.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SEED	0x5eedf011c0ffee11ULL
#define MAXOPEN	4		/* open agreements a client may hold */
#define BUFCAP	(8u << 20)	/* bytes buffered per file */

/* Dates are days since 1970-01-01. */
static int32_t
civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
split(int32_t z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
mdays(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 :
	    d[m - 1];
}

static int32_t
add_months(int32_t z, int n)
{
	int y, m, d, t;

	split(z, &y, &m, &d);
	t = y * 12 + m - 1 + n;
	y = t / 12;
	m = t % 12 + 1;
	if (d > mdays(y, m))
		d = mdays(y, m);
	return civil(y, m, d);
}

/* "YYYY-MM-DD" for every day from DATE0 on, formatted once. */
static int32_t date0, ndates;
static char *datestr;

static void
dates_init(void)
{
	int32_t i;
	int y, m, d;

	date0 = civil(1940, 1, 1);
	ndates = civil(2032, 1, 1) - date0;
	/* Ten bytes a date, and the last one's NUL. */
	if ((datestr = malloc((size_t)ndates * 10 + 1)) == NULL) {
		perror("gen: malloc");
		exit(1);
	}
	for (i = 0; i < ndates; i++) {
		split(date0 + i, &y, &m, &d);
		snprintf(datestr + (size_t)i * 10, 11, "%04d-%02d-%02d", y, m,
		    d);
	}
}

/* splitmix64: the one stream, and a hash for what belongs to a client. */
static uint64_t rng = SEED;

static uint64_t
mix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static uint32_t
below(uint64_t *s, uint32_t n)
{
	return (uint32_t)(((mix(s) >> 32) * n) >> 32);
}

static uint32_t
rnd(uint32_t n)
{
	return below(&rng, n);
}

/* True p times in a thousand. */
static int
permille(unsigned p)
{
	return rnd(1000) < p;
}

static int32_t
between(int32_t lo, int32_t hi)
{
	return hi <= lo ? lo : lo + (int32_t)rnd((uint32_t)(hi - lo + 1));
}

/* Buffered output files. */
struct out {
	int fd;
	const char *name;
	char *p;
	size_t len;
};

static void
flush(struct out *o)
{
	size_t off = 0;
	ssize_t n;

	while (off < o->len) {
		if ((n = write(o->fd, o->p + off, o->len - off)) == -1) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "gen: %s: %s\n", o->name,
			    strerror(errno));
			exit(1);
		}
		off += (size_t)n;
	}
	o->len = 0;
}

static void
out_open(struct out *o, const char *dir, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	o->name = name;
	o->len = 0;
	if ((o->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1 || fchmod(o->fd, 0600) == -1) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	if ((o->p = malloc(BUFCAP)) == NULL) {
		perror("gen: malloc");
		exit(1);
	}
}

static void
out_close(struct out *o)
{
	flush(o);
	if (fsync(o->fd) == -1 || close(o->fd) == -1) {
		fprintf(stderr, "gen: %s: %s\n", o->name, strerror(errno));
		exit(1);
	}
	free(o->p);
}

/* Called at the start of each row: a row is far under 64 KiB. */
static void
room(struct out *o)
{
	if (o->len > BUFCAP - (64u << 10))
		flush(o);
}

static void
put(struct out *o, const char *s, size_t n)
{
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

static void
puts0(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void
putc1(struct out *o, char c)
{
	o->p[o->len++] = c;
}

static void
putu(struct out *o, uint64_t v)
{
	char b[24];
	int i = 24;

	do
		b[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	put(o, b + i, (size_t)(24 - i));
}

static void
putdate(struct out *o, int32_t z)
{
	put(o, datestr + (size_t)(z - date0) * 10, 10);
}

/* A CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break, with quotes doubled. */
static void
putf(struct out *o, const char *s)
{
	size_t n = strlen(s);

	if (strpbrk(s, ",\"\r\n") == NULL) {
		put(o, s, n);
		return;
	}
	putc1(o, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			putc1(o, '"');
		putc1(o, *s);
	}
	putc1(o, '"');
}

/* Names, with a plain ASCII form for e-mail addresses.  Spanish first. */
struct name {
	const char *s, *ascii;
};
static const struct name es_first[] = {
	{ "José", "jose" }, { "María", "maria" }, { "Lucía", "lucia" },
	{ "Raúl", "raul" }, { "Sofía", "sofia" }, { "Javier", "javier" },
	{ "Ana", "ana" }, { "Íñigo", "inigo" }, { "Begoña", "begona" },
	{ "Ramón", "ramon" }, { "Andrés", "andres" }, { "Inés", "ines" },
	{ "Jesús", "jesus" }, { "Martín", "martin" }, { "Ángela", "angela" },
	{ "Núria", "nuria" }, { "Carmen", "carmen" }, { "Pilar", "pilar" },
	{ "Álvaro", "alvaro" }, { "Concepción", "concepcion" },
	{ "Joaquín", "joaquin" }, { "Elena", "elena" }, { "Óscar", "oscar" },
	{ "Mónica", "monica" }, { "Adrián", "adrian" }, { "Rocío", "rocio" },
	{ "Sebastián", "sebastian" }, { "Verónica", "veronica" },
	{ "Tomás", "tomas" }, { "Marta", "marta" }, { "Hugo", "hugo" },
	{ "Jimena", "jimena" },
};
static const struct name es_last[] = {
	{ "López", "lopez" }, { "García", "garcia" }, { "Pérez", "perez" },
	{ "Fernández", "fernandez" }, { "Muñoz", "munoz" },
	{ "Ibáñez", "ibanez" }, { "Gómez", "gomez" }, { "Núñez", "nunez" },
	{ "Martínez", "martinez" }, { "Sánchez", "sanchez" },
	{ "Rodríguez", "rodriguez" }, { "Jiménez", "jimenez" },
	{ "Díaz", "diaz" }, { "Álvarez", "alvarez" },
	{ "Gutiérrez", "gutierrez" }, { "Ruiz", "ruiz" },
	{ "Hernández", "hernandez" }, { "Domínguez", "dominguez" },
	{ "Vázquez", "vazquez" }, { "Ortega", "ortega" }, { "Peña", "pena" },
	{ "Castaño", "castano" }, { "Suárez", "suarez" },
	{ "Márquez", "marquez" }, { "Moreno", "moreno" }, { "Romero", "romero" },
	{ "Navarro", "navarro" }, { "Ramírez", "ramirez" }, { "Gil", "gil" },
	{ "Serrano", "serrano" }, { "Muñiz", "muniz" }, { "Quiñones", "quinones" },
};
static const struct name en_first[] = {
	{ "Sarah", "sarah" }, { "Tom", "tom" }, { "Emily", "emily" },
	{ "Daniel", "daniel" }, { "Peter", "peter" }, { "Zoë", "zoe" },
	{ "Chloë", "chloe" }, { "Renée", "renee" }, { "Siobhán", "siobhan" },
	{ "Seán", "sean" }, { "Noël", "noel" }, { "James", "james" },
	{ "Olivia", "olivia" }, { "William", "william" }, { "Grace", "grace" },
	{ "Henry", "henry" }, { "Amélie", "amelie" }, { "Jack", "jack" },
	{ "Charlotte", "charlotte" }, { "Oliver", "oliver" },
	{ "Hannah", "hannah" }, { "George", "george" }, { "Lucy", "lucy" },
	{ "Niamh", "niamh" },
};
static const struct name en_last[] = {
	{ "Clarke", "clarke" }, { "O'Brien", "obrien" },
	{ "Mitchell", "mitchell" }, { "Watson", "watson" },
	{ "Hughes", "hughes" }, { "Smith", "smith" }, { "Brown", "brown" },
	{ "Taylor", "taylor" }, { "Wilson", "wilson" }, { "Evans", "evans" },
	{ "Thomas", "thomas" }, { "Roberts", "roberts" },
	{ "Walker", "walker" }, { "Wright", "wright" }, { "Green", "green" },
	{ "Hall", "hall" }, { "Wood", "wood" }, { "O'Connor", "oconnor" },
	{ "MacDonald", "macdonald" }, { "Brontë", "bronte" },
	{ "Fitzgerald", "fitzgerald" }, { "Doyle", "doyle" },
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Company names: %1 a surname, %2 a first name.  Some hold commas and
 * quotes, as real ones do. */
static const char *const es_company[] = {
	"Papelería %1", "Muebles %1, S.A.", "Talleres %1", "Ferretería %1",
	"Clínica Dental %1", "%1 Abogados", "Construcciones %1 y Asociados, S.L.",
	"Bar \"El Rincón de %2\"", "Panadería \"La Espiga\", S.C.",
	"Distribuciones %1", "Óptica %1", "Farmacia %1", "Gestoría %1, S.L.P.",
	"Hotel \"Casa %2\", S.L.", "Librería %1", "Academia %1",
};
static const char *const en_company[] = {
	"%1 & Sons Ltd", "%1 Logistics", "%1, Hall & Partners",
	"\"%2's Kitchen\" Ltd", "%1 Design Studio", "%1 Accounting",
	"%1 Bakery", "Clarke & Daughters Ltd", "%1 Print, Inc.",
	"The \"Old Mill\" Tearoom", "%1 Dental Care", "%1 Motors",
};
static const char *const es_domain[] = {
	"gmail.com", "hotmail.es", "outlook.es", "yahoo.es", "telefonica.net"
};
static const char *const en_domain[] = {
	"gmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com", "icloud.com"
};
static const char *const stages[] = {
	"prospect", "negotiation", "customer", "customer", "customer",
	"renewal", "cliente", "negociación"
};
static const char *const tagwords[] = {
	"retail", "madrid", "mayorista", "recurrente", "uk", "wholesale",
	"bakery", "logistics", "salud", "ferretería", "temporada", "referred",
	"vip", "sevilla", "london", "dublin", "oficina", "hostelería",
};
static const char *const es_cnote[] = {
	"Prefiere llamadas por la mañana",
	"Pide la factura siempre a nombre de la empresa",
	"Decide con su socio, el Dr. Ruiz",
	"Solo compra en temporada alta",
	"Dice \"mándame todo por correo\", nada por teléfono",
	"Cierra en agosto",
	"Decide su socia.\nLlamar después de las 10, nunca los lunes",
};
static const char *const en_cnote[] = {
	"Fleet of 12 vans",
	"Prefers email; says \"never call before 10am\"",
	"Anniversary: founding of her firm",
	"Buys for three shops, Leeds and York",
	"Partner decides.\nCall after lunch",
};

static const struct name *
pick_name(uint64_t *s, int es, int last)
{
	if (es)
		return last ? &es_last[below(s, NELEM(es_last))] :
		    &es_first[below(s, NELEM(es_first))];
	return last ? &en_last[below(s, NELEM(en_last))] :
	    &en_first[below(s, NELEM(en_first))];
}

/* A template with %1 (surname), %2 (first name) and %n (a number). */
static void
render(char *buf, size_t size, const char *t, const char *first,
    const char *last, unsigned n)
{
	size_t len = 0;
	const char *s;
	char num[16];

	for (; *t != '\0' && len + 1 < size; t++) {
		if (t[0] != '%' || (t[1] != '1' && t[1] != '2' && t[1] != 'n')) {
			buf[len++] = *t;
			continue;
		}
		t++;
		if (*t == 'n') {
			snprintf(num, sizeof(num), "%u", n);
			s = num;
		} else
			s = *t == '1' ? last : first;
		for (; *s != '\0' && len + 1 < size; s++)
			buf[len++] = *s;
	}
	buf[len] = '\0';
}

/* What belongs to a client, derived from its id alone. */
struct client {
	int es;			/* Spanish or English */
	const struct name *first, *last, *last2;
	int consent;		/* 1 yes, 0 empty, -1 no */
	int32_t since;		/* in the portfolio since */
	int32_t join;		/* first step in the files */
	int32_t end;		/* last day it is looked after */
	double weight;		/* share of the contacts */
	uint64_t referrer;	/* referred_by, 0 if none */
};

static uint64_t nclients, npre;
static unsigned lost_permille;	/* a client is lost as often, whatever K */
static int32_t today, wstart, hist0;

static void
client_of(uint64_t id, struct client *c)
{
	uint64_t s = id * 0xd1b54a32d192ed03ULL ^ SEED;
	uint32_t r;
	double len;

	c->es = below(&s, 100) < 60;
	c->first = pick_name(&s, c->es, 0);
	c->last = pick_name(&s, c->es, 1);
	c->last2 = c->es && below(&s, 100) < 60 ? pick_name(&s, 1, 1) : NULL;
	r = below(&s, 100);
	c->consent = r < 70 ? 1 : r < 80 ? -1 : 0;
	/* Ids follow the day each client came in: two thirds came before
	 * the three years of files, the rest along them. */
	if (id <= npre) {
		c->since = hist0 + (int32_t)((id - 1) * (uint64_t)(wstart -
		    hist0) / npre);
		c->join = wstart + (int32_t)below(&s, 60);
	} else {
		c->since = wstart + (int32_t)((id - npre - 1) * (uint64_t)(today -
		    14 - wstart) / (nclients - npre));
		c->join = c->since;
	}
	c->referrer = id > npre && id > 1 && below(&s, 100) < 25 ?
	    1 + below(&s, (uint32_t)(id - 1)) : 0;
	/* Most are looked after to this day; many are forgotten. */
	r = below(&s, 100);
	if (r < 60)
		c->end = today - (int32_t)below(&s, 21);
	else if (r < 85)
		c->end = today - 20 - (int32_t)below(&s, 131);
	else
		c->end = today - 150 - (int32_t)below(&s, 551);
	if (c->end < c->join + 30)
		c->end = c->join + 30 > today ? today : c->join + 30;
	/* Contacts: a few clients get most of the attention, and a longer
	 * history holds more of them. */
	r = below(&s, 100);
	c->weight = r < 40 ? 0.25 : r < 80 ? 1.0 : 2.5;
	len = (double)(c->end - c->join) / 730.0;
	c->weight *= len < 0.15 ? 0.15 : len > 1.5 ? 1.5 : len;
}

static void
client_name(const struct client *c, char *buf, size_t size)
{
	if (c->last2 != NULL)
		snprintf(buf, size, "%s %s %s", c->first->s, c->last->s,
		    c->last2->s);
	else
		snprintf(buf, size, "%s %s", c->first->s, c->last->s);
}

static void
write_client(struct out *o, uint64_t id, const struct client *c)
{
	uint64_t referred_by = c->referrer;
	uint64_t s = id * 0x9fb21c651e98df25ULL ^ ~SEED;
	char name[128], company[160], buf[256];
	const struct name *other = pick_name(&s, c->es, 1);
	const char *dom;
	uint32_t r, i, n;
	int y, m, d;

	room(o);
	client_name(c, name, sizeof(name));
	r = below(&s, 100);
	company[0] = '\0';
	if (r >= 15)
		render(company, sizeof(company), c->es ?
		    es_company[below(&s, NELEM(es_company))] :
		    en_company[below(&s, NELEM(en_company))], c->first->s,
		    below(&s, 2) ? c->last->s : other->s, 0);
	putu(o, id);
	putc1(o, ',');
	putf(o, name);
	putc1(o, ',');
	putf(o, company);
	putc1(o, ',');
	/* e-mail */
	if (below(&s, 100) < 85) {
		dom = c->es ? es_domain[below(&s, NELEM(es_domain))] :
		    en_domain[below(&s, NELEM(en_domain))];
		snprintf(buf, sizeof(buf), "%s.%s%u@%s", c->first->ascii,
		    c->last->ascii, (unsigned)(id % 1000), dom);
		putf(o, buf);
	}
	putc1(o, ',');
	/* phone */
	r = below(&s, 100);
	if (r < 80) {
		n = below(&s, 1000000);
		if (c->es)
			snprintf(buf, sizeof(buf), r < 50 ? "+34 6%02u %03u %03u"
			    : "9%02u %03u %03u", n / 10000 % 100, n / 100 % 1000,
			    (n * 7) % 1000);
		else
			snprintf(buf, sizeof(buf), r < 50 ? "+44 20 7946 %04u" :
			    "+1 415 555 %04u", n % 10000);
		putf(o, buf);
	}
	putc1(o, ',');
	putdate(o, c->since);
	putc1(o, ',');
	/* birthday: a full date, or only the day */
	r = below(&s, 100);
	if (r < 45) {
		y = 1950 + (int)below(&s, 55);
		m = 1 + (int)below(&s, 12);
		d = 1 + (int)below(&s, (uint32_t)mdays(y, m));
		if (r < 35)
			putdate(o, civil(y, m, d));
		else {
			snprintf(buf, sizeof(buf), "%02d-%02d", m, d);
			put(o, buf, 5);
		}
	}
	putc1(o, ',');
	if (below(&s, 100) < 10)
		putdate(o, civil(1990 + (int)below(&s, 30), 1 + (int)below(&s,
		    12), 1 + (int)below(&s, 28)));
	putc1(o, ',');
	if (referred_by != 0)
		putu(o, referred_by);
	putc1(o, ',');
	if (c->consent > 0)
		put(o, "yes", 3);
	else if (c->consent < 0)
		put(o, "no", 2);
	putc1(o, ',');
	putf(o, stages[below(&s, NELEM(stages))]);
	putc1(o, ',');
	/* tags: up to three words */
	n = below(&s, 4);
	r = below(&s, NELEM(tagwords));
	for (i = 0; i < n; i++) {
		if (i > 0)
			putc1(o, ' ');
		puts0(o, tagwords[(r + 5 * i) % NELEM(tagwords)]);
	}
	putc1(o, ',');
	r = below(&s, 1000);
	if (referred_by != 0 && r < 300) {
		snprintf(buf, sizeof(buf), c->es ? "Referido por el cliente %llu"
		    : "Referred by client %llu", (unsigned long long)referred_by);
		putf(o, buf);
	} else if (r < 250) {
		/* A note with a line break now and then. */
		i = below(&s, 1000) < 20 ? (c->es ? (uint32_t)NELEM(es_cnote) - 1 :
		    (uint32_t)NELEM(en_cnote) - 1) : below(&s, c->es ?
		    (uint32_t)NELEM(es_cnote) - 1 : (uint32_t)NELEM(en_cnote) - 1);
		putf(o, c->es ? es_cnote[i] : en_cnote[i]);
	}
	putc1(o, '\n');
}

/* What agreements say, in both languages: %2 the client's first name, %n
 * a number.  None is a non-commitment that fu refuses. */
enum {
	W_STEP = 0, NSTEP = 8, W_AGAIN = 8, W_THANKS, W_WON, W_SIGSTEP,
	W_SIGAUTO = W_SIGSTEP + 2, W_REC = W_SIGAUTO + 2, NREC = 5
};
static const struct what {
	const char *t[2];	/* Spanish, English */
	char unit;		/* recurring: the period */
	int n;
} whats[] = {
	{ { "Enviar a %2 el presupuesto de %n sillas",
	    "Send %2 the quote for %n laptops" }, 0, 0 },
	{ { "Llamar a %2 para cerrar el pedido de %n mesas",
	    "Call %2 to confirm %n standing desks" }, 0, 0 },
	{ { "Visitar a %2 para medir el despacho",
	    "Visit %2 to measure the showroom" }, 0, 0 },
	{ { "Enviar a %2 el catálogo de otoño",
	    "Email %2 the autumn price list" }, 0, 0 },
	{ { "Llamar a %2 por su decisión sobre las %n mesas",
	    "Call %2 for the decision on %n vans" }, 0, 0 },
	{ { "Confirmar con %2 la entrega, %n unidades",
	    "Send %2 the revised contract, %n licences" }, 0, 0 },
	{ { "Instalar los %n puestos de trabajo",
	    "Deliver %n stools to %2's shop" }, 0, 0 },
	{ { "Enviar a %2 la oferta \"Pack Oficina\"",
	    "Demo \"Payroll Plus\" at %2's office" }, 0, 0 },
	{ { "Volver a llamar a %2 por el pedido",
	    "Call %2 again about the order" }, 0, 0 },
	{ { "Nota de agradecimiento a %2 por la recomendación",
	    "Thank-you note to %2 for the referral" }, 0, 0 },
	{ { "Visitar a %2 para retomar los pedidos",
	    "Visit %2 to restart the orders" }, 0, 0 },
	{ { "Llamar a %2 por el impago de la factura F-%n",
	    "Call %2 about the unpaid invoice F-%n" }, 0, 0 },
	{ { "Llamar a %2 por la reclamación de %n cajas",
	    "Call %2 about the complaint, %n boxes late" }, 0, 0 },
	{ { "Act on the warning sign: Impago de la factura F-%n",
	    "Act on the warning sign: Missed payment of invoice F-%n" }, 0, 0 },
	{ { "Act on the warning sign: Reclamación por un pedido incompleto "
	    "(%n cajas)", "Act on the warning sign: Complained about a late "
	    "delivery, %n boxes" }, 0, 0 },
	{ { "Llamada mensual para revisar el stock de tóner",
	    "Monthly call to review the toner stock" }, 'm', 1 },
	{ { "Visita trimestral a %2 para revisar el surtido",
	    "Quarterly visit to %2 to review the range" }, 'd', 90 },
	{ { "Llamada trimestral de pedidos",
	    "Quarterly orders call with %2" }, 'm', 3 },
	{ { "Visita semestral para revisar el contrato",
	    "Half-yearly contract review with %2" }, 'm', 6 },
	{ { "Llamar a %2 cada dos meses por los pedidos",
	    "Call %2 every two months about orders" }, 'm', 2 },
};
static const char *const signal_text[2][2] = {
	{ "Impago de la factura F-%n", "Missed payment of invoice F-%n" },
	{ "Reclamación por un pedido incompleto (%n cajas)",
	    "Complained about a late delivery, %n boxes" },
};
static const char *const lost_text[2][3] = {
	{ "Se fue con la competencia", "Cerró el negocio",
	    "Cambió de proveedor por precio, dice que \"ya no le salen las "
	    "cuentas\"" },
	{ "Moved to a cheaper provider", "Closed the business",
	    "Moved her orders to a competitor after the damaged delivery" },
};
static const char *const won_text[2] = {
	"El nuevo proveedor falló dos entregas; quiere volver",
	"The new provider failed two deliveries, wants to come back",
};
static const char *const log_note[2][7] = {
	{ "Pedido de temporada alta; el catálogo 2027 sale en noviembre",
	    "20 sillas ergonómicas", "El Dr. Ruiz revisa las compras una vez "
	    "al mes", "Le interesan mesas de reuniones para la nueva oficina",
	    "Su socio aún no ha revisado el presupuesto",
	    "Quiere la cotización después de su reunión, el día 20",
	    "Dice que \"el precio manda\", y que lo piensa" },
	{ "Tom is comparing offers, no decision yet",
	    "The new chair range arrives in October",
	    "Two boxes arrived damaged, replacement sent",
	    "No answer; left a voicemail",
	    "Bought 4 chairs. She said \"call me if anything\": no next step "
	    "agreed", "Budget meeting postponed, no decision yet",
	    "Happy with the delivery" },
};
static const char *const channels[] = {
	"call", "email", "visit", "message", "note", ""
};
static const unsigned channel_weight[] = { 400, 700, 850, 950, 990, 1000 };

static uint8_t
pick_channel(void)
{
	unsigned r = rnd(1000);
	uint8_t i = 0;

	while (r >= channel_weight[i])
		i++;
	return i;
}

/* The simulation: one record a client. */
struct open {			/* an open agreement */
	uint32_t id;
	int32_t due;
	uint16_t param;		/* %n */
	uint8_t what, chan, slips;
};
#define STARTED	1
#define LOST	2
struct cstate {
	int32_t end;		/* last day looked after */
	uint16_t left;		/* contacts still to come */
	uint16_t pace;		/* days between contacts, on average */
	uint8_t nopen, flags;
	struct open o[MAXOPEN];
};

static struct cstate *cs;
static uint32_t *head, *queued;	/* bucket queue: day -> clients */
static uint64_t aid, lid;	/* the last ids used */
static struct out fclients, fagreements, flog;

#define NONE UINT32_MAX
#define NODATE INT32_MIN

static void
schedule(uint64_t id, int32_t day)
{
	queued[id] = head[day - wstart];
	head[day - wstart] = (uint32_t)id;
}

static int32_t
period_add(int32_t d, const struct what *w)
{
	switch (w->unit) {
	case 'd': return d + w->n;
	case 'w': return d + 7 * w->n;
	case 'm': return add_months(d, w->n);
	default: return add_months(d, 12 * w->n);
	}
}

static void
put_period(struct out *o, const struct what *w)
{
	if (w->unit == 0)
		return;
	putu(o, (uint64_t)w->n);
	putc1(o, w->unit);
}

/* Writes an agreement and, room allowing, keeps it open. */
static uint32_t
agreement(uint64_t client, const struct client *c, struct cstate *st,
    uint8_t what, uint16_t param, uint8_t chan, uint8_t slips, int32_t due,
    int32_t made, uint64_t from)
{
	struct open *a;
	char buf[256];

	aid++;
	render(buf, sizeof(buf), whats[what].t[!c->es], c->first->s,
	    c->last->s, param);
	room(&fagreements);
	putu(&fagreements, aid);
	putc1(&fagreements, ',');
	putu(&fagreements, client);
	putc1(&fagreements, ',');
	putf(&fagreements, buf);
	putc1(&fagreements, ',');
	putdate(&fagreements, due);
	putc1(&fagreements, ',');
	puts0(&fagreements, channels[chan]);
	putc1(&fagreements, ',');
	put_period(&fagreements, &whats[what]);
	putc1(&fagreements, ',');
	putdate(&fagreements, made);
	putc1(&fagreements, ',');
	if (from != 0)
		putu(&fagreements, from);
	putc1(&fagreements, '\n');
	if (st->nopen < MAXOPEN) {
		a = &st->o[st->nopen++];
		a->id = (uint32_t)aid;
		a->due = due;
		a->param = param;
		a->what = what;
		a->chan = chan;
		a->slips = slips;
	}
	return (uint32_t)aid;
}

/* One log row; amount is in cents, -1 for none. */
static void
logrow(uint64_t id, int32_t date, uint64_t client, uint32_t agr, uint8_t chan,
    const char *outcome, int64_t amount, char mood, uint32_t next,
    const char *note)
{
	room(&flog);
	putu(&flog, id);
	putc1(&flog, ',');
	putdate(&flog, date);
	putc1(&flog, ',');
	putu(&flog, client);
	putc1(&flog, ',');
	if (agr != 0)
		putu(&flog, agr);
	putc1(&flog, ',');
	puts0(&flog, channels[chan]);
	putc1(&flog, ',');
	puts0(&flog, outcome);
	putc1(&flog, ',');
	if (amount >= 0) {
		/* 1250, 1250.5 or 1250.50, as people type them */
		putu(&flog, (uint64_t)amount / 100);
		if (amount % 100 != 0 || rnd(4) == 0) {
			putc1(&flog, '.');
			if (amount % 10 == 0 && rnd(2) == 0)
				putc1(&flog, (char)('0' + amount % 100 / 10));
			else {
				putc1(&flog, (char)('0' + amount % 100 / 10));
				putc1(&flog, (char)('0' + amount % 10));
			}
		}
	}
	putc1(&flog, ',');
	if (mood != 0)
		putc1(&flog, mood);
	putc1(&flog, ',');
	if (next != 0)
		putu(&flog, next);
	putc1(&flog, ',');
	if (note != NULL)
		putf(&flog, note);
	putc1(&flog, '\n');
}

/* The day of the client's next contact, NODATE when it has had them all. */
static int32_t
next_contact(const struct cstate *st, int32_t d)
{
	double avg;
	int32_t gap;

	if (st->left == 0 || d >= st->end)
		return NODATE;
	avg = (double)(st->end - d) / st->left;
	gap = (int32_t)(avg * (0.4 + 1.2 * (double)rnd(1000) / 1000.0));
	if (gap < 1)
		gap = 1;
	return d + gap > st->end ? st->end : d + gap;
}

/* An agreement is due around the next contact: most contacts are late. */
static int32_t
due_for(const struct cstate *st, int32_t d, int32_t next)
{
	int32_t due;

	/* After its last contact here, a client's step is due about when
	 * the next one would have been: later than today for the clients
	 * still looked after, long ago for the forgotten ones. */
	if (next == NODATE) {
		due = st->end - 10 + (int32_t)((double)st->pace * (0.1 +
		    (double)rnd(1000) / 1000.0));
		return due <= d ? d + 1 : due;
	}
	due = next + between(-25, 2);
	return due < d ? d : due;
}

static char
pick_mood(unsigned plus, unsigned zero, unsigned minus)
{
	unsigned r = rnd(1000);

	if (r < plus)
		return '+';
	if (r < plus + zero)
		return '0';
	if (r < plus + zero + minus)
		return '-';
	return 0;
}

static int64_t
pick_amount(void)
{
	int64_t units;

	switch (rnd(4)) {
	case 0: units = 20 + rnd(200); break;
	case 1: units = 200 + rnd(1800); break;
	case 2: units = 1000 + rnd(5000); break;
	default: units = 5000 + rnd(20000); break;
	}
	return units * 100 + (rnd(3) == 0 ? 0 : rnd(100));
}

static const char *
pick_note(const struct client *c, unsigned p)
{
	if (!permille(p))
		return NULL;
	return log_note[!c->es][rnd(NELEM(log_note[0]))];
}

static uint8_t
new_step(const struct client *c, int allow_rec)
{
	if (allow_rec && c->consent > 0 && permille(120))
		return (uint8_t)(W_REC + rnd(NREC));
	return (uint8_t)(W_STEP + rnd(NSTEP));
}

static uint16_t
pick_param(uint8_t what)
{
	if (what >= W_SIGSTEP && what < W_REC)
		return (uint16_t)(1000 + rnd(9000));	/* an invoice */
	return (uint16_t)(2 + rnd(40));
}

/* The client first appears in the files: fu-add agreement, or a first
 * contact that makes one.  A referral from its referrer lands the same
 * day. */
static void
join(uint64_t id, int32_t d)
{
	struct cstate *st = &cs[id];
	struct client c, rc;
	struct cstate *rs;
	char note[256], name[128];
	int32_t next;
	uint32_t made = 0;
	uint8_t w, chan;
	uint64_t log;

	client_of(id, &c);
	st->flags |= STARTED;
	if (c.referrer != 0 && (rs = &cs[c.referrer])->flags == STARTED) {
		client_of(c.referrer, &rc);
		client_name(&c, name, sizeof(name));
		snprintf(note, sizeof(note), "referred %s (%llu)", name,
		    (unsigned long long)id);
		log = ++lid;
		if (rs->nopen < MAXOPEN && permille(400))
			made = agreement(c.referrer, &rc, rs, W_THANKS, 0, 4, 0,
			    d + between(1, 7), d, log);
		logrow(log, d, c.referrer, 0, pick_channel(), "referral", -1, 0,
		    made, note);
	}
	w = new_step(&c, 1);
	chan = pick_channel();
	if (st->left > 0 && rnd(2) == 0) {
		st->left--;
		log = ++lid;
		next = next_contact(st, d);
		made = agreement(id, &c, st, w, pick_param(w), chan, 0,
		    due_for(st, d, next), d, log);
		logrow(log, d, id, 0, chan, "", -1, pick_mood(500, 300, 50),
		    made, pick_note(&c, 300));
	} else {
		next = next_contact(st, d);
		agreement(id, &c, st, w, pick_param(w), chan, 0, due_for(st, d,
		    next), d, 0);
	}
	if (next != NODATE)
		schedule(id, next);
}

static void
close_open(struct cstate *st, int k)
{
	st->o[k] = st->o[--st->nopen];
}

/* A lost client comes back, with a next step. */
static void
won(uint64_t id, const struct client *c, struct cstate *st, int32_t d)
{
	int32_t next = next_contact(st, d);
	uint64_t log = ++lid;
	uint8_t chan = pick_channel();
	uint32_t made;

	st->flags &= (uint8_t)~LOST;
	made = agreement(id, c, st, W_WON, pick_param(W_WON), chan, 0,
	    due_for(st, d, next), d, log);
	logrow(log, d, id, 0, chan, "won", -1, 0, made, won_text[!c->es]);
	if (next != NODATE)
		schedule(id, next);
}

static void
step(uint64_t id, int32_t d)
{
	struct cstate *st = &cs[id];
	struct client c;
	struct open a;
	char text[256];
	const char *outcome, *note;
	uint64_t log;
	uint32_t made = 0, occ;
	int32_t next, back;
	int64_t amount = -1;
	unsigned r;
	uint16_t param;
	uint8_t chan, w;
	int k, i, again;
	char mood;

	client_of(id, &c);
	st->left--;
	if (st->flags & LOST) {
		won(id, &c, st, d);
		return;
	}
	r = rnd(1000);
	if (r < lost_permille) {
		/* Lost: what was open is dropped with it.  Some come back. */
		log = ++lid;
		logrow(log, d, id, 0, pick_channel(), "lost", -1, 0, 0,
		    lost_text[!c.es][rnd(3)]);
		st->nopen = 0;
		st->flags |= LOST;
		back = d + between(60, 300);
		if (st->left > 0 && permille(350) && back <= today) {
			if (back > st->end)
				st->end = back + 60 > today ? today : back + 60;
			schedule(id, back);
		}
		return;
	}
	next = next_contact(st, d);
	if (r < lost_permille + 20 && st->nopen < MAXOPEN) {
		/* A warning sign, acted on at once or with a step. */
		k = (int)rnd(2);
		param = (uint16_t)(k == 0 ? 1000 + rnd(9000) : 2 + rnd(20));
		log = ++lid;
		render(text, sizeof(text), signal_text[k][!c.es], c.first->s,
		    c.last->s, param);
		w = (uint8_t)(rnd(5) < 3 ? W_SIGAUTO + k : W_SIGSTEP + k);
		chan = pick_channel();
		made = agreement(id, &c, st, w, param, chan, 0, w >= W_SIGAUTO ?
		    d : d + between(1, 5), d, log);
		logrow(log, d, id, 0, chan, "signal", -1, 0, made, text);
		goto out;
	}
	if (st->nopen == 0) {
		/* Nothing to follow up on: the contact makes a step. */
		log = ++lid;
		w = new_step(&c, 1);
		chan = pick_channel();
		made = agreement(id, &c, st, w, pick_param(w), chan, 0,
		    due_for(st, d, next), d, log);
		logrow(log, d, id, 0, chan, "", -1, pick_mood(400, 400, 50),
		    made, pick_note(&c, 300));
		goto out;
	}
	/* Follow up on the open agreement due first. */
	for (k = 0, i = 1; i < st->nopen; i++)
		if (st->o[i].due < st->o[k].due || (st->o[i].due ==
		    st->o[k].due && st->o[i].id < st->o[k].id))
			k = i;
	a = st->o[k];
	close_open(st, k);
	log = ++lid;
	chan = permille(800) ? a.chan : pick_channel();
	r = rnd(1000);
	if (whats[a.what].unit != 0)
		outcome = r < 850 ? "kept" : r < 950 ? "moved" : "broken";
	else if (r < 660 || (r >= 800 && r < 940 && a.slips >= 3))
		outcome = "kept";
	else if (r < 800)
		outcome = "broken";
	else if (r < 940)
		outcome = "moved";
	else
		outcome = "dropped";
	note = pick_note(&c, 350);
	made = 0;
	switch (outcome[0]) {
	case 'k':
		mood = pick_mood(500, 350, 50);
		if (permille(300))
			amount = pick_amount();
		again = whats[a.what].unit != 0;
		/* A next step, room allowing, and seldom when another is
		 * open; a kept recurring agreement makes its next occurrence
		 * after it, as fu-log does. */
		if (st->nopen + again < MAXOPEN && permille(st->nopen > 0 ?
		    (again ? 100 : 300) : (again ? 400 : 880))) {
			w = new_step(&c, !again);
			made = agreement(id, &c, st, w, pick_param(w),
			    pick_channel(), 0, due_for(st, d, next), d, log);
		}
		if (again) {
			occ = agreement(id, &c, st, a.what, a.param, a.chan, 0,
			    period_add(d, &whats[a.what]), d, log);
			if (made == 0)
				made = occ;
		}
		break;
	case 'b':
		mood = pick_mood(50, 400, 450);
		if (permille(st->nopen > 0 ? 500 : 900)) {
			w = whats[a.what].unit != 0 ? a.what : W_AGAIN;
			made = agreement(id, &c, st, w, a.param, a.chan, 0,
			    due_for(st, d, next), d, log);
		}
		break;
	case 'm':
		/* The step continues, later: it slips. */
		mood = pick_mood(100, 600, 250);
		back = due_for(st, d, next);
		if (back <= a.due)
			back = a.due + between(1, 14);
		made = agreement(id, &c, st, a.what, a.param, a.chan,
		    (uint8_t)(a.slips + 1), back, d, log);
		break;
	default:
		mood = pick_mood(50, 500, 350);
		if (permille(st->nopen > 0 ? 300 : 700)) {
			w = new_step(&c, 1);
			made = agreement(id, &c, st, w, pick_param(w),
			    pick_channel(), 0, due_for(st, d, next), d, log);
		}
		break;
	}
	logrow(log, d, id, a.id, chan, outcome, amount, mood, made, note);
out:
	if (next != NODATE)
		schedule(id, next);
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen DIR N K\n");
	exit(1);
}

static uint64_t
number(const char *s, uint64_t max)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || v == 0 ||
	    v > max)
		usage();
	return v;
}

int
main(int argc, char *argv[])
{
	struct client c;
	double *weight, sum = 0, x;
	uint64_t id, n, k;
	int32_t d;
	uint32_t q;

	if (argc != 4)
		usage();
	n = number(argv[2], 100000000);
	k = number(argv[3], 1000);
	if (mkdir(argv[1], 0700) == -1 && errno != EEXIST) {
		fprintf(stderr, "gen: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (chmod(argv[1], 0700) == -1) {
		fprintf(stderr, "gen: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	dates_init();
	today = civil(2026, 11, 23);
	wstart = civil(2023, 11, 24);
	hist0 = civil(2016, 1, 11);
	nclients = n;
	lost_permille = (unsigned)(120 / k > 0 ? 120 / k : 1);
	npre = n * 65 / 100 > 0 ? n * 65 / 100 : 1;
	if ((cs = calloc(n + 1, sizeof(*cs))) == NULL ||
	    (queued = malloc((n + 1) * sizeof(*queued))) == NULL ||
	    (head = malloc((size_t)(today - wstart + 1) * sizeof(*head))) ==
	    NULL || (weight = malloc((n + 1) * sizeof(*weight))) == NULL) {
		perror("gen: malloc");
		return 1;
	}
	memset(head, 0xff, (size_t)(today - wstart + 1) * sizeof(*head));

	out_open(&fclients, argv[1], "clients.csv");
	out_open(&fagreements, argv[1], "agreements.csv");
	out_open(&flog, argv[1], "log.csv");
	puts0(&fclients, "id,name,company,email,phone,since,birthday,"
	    "anniversary,referred_by,consent,stage,tags,note\n");
	puts0(&fagreements, "id,client,what,due,channel,every,made,from\n");
	puts0(&flog, "id,date,client,agreement,channel,outcome,amount,mood,"
	    "next,note\n");

	/* The clients, and each one's share of the n * k contacts. */
	for (id = 1; id <= n; id++) {
		client_of(id, &c);
		write_client(&fclients, id, &c);
		weight[id] = c.weight;
		sum += c.weight;
	}
	for (id = 1; id <= n; id++) {
		/* A twentieth more: lost clients stop early. */
		x = weight[id] * (double)n * (double)k * 1.05 / sum;
		q = (uint32_t)x;
		if ((double)rnd(1000000) / 1000000.0 < x - q)
			q++;
		cs[id].left = q > UINT16_MAX ? UINT16_MAX : (uint16_t)q;
		client_of(id, &c);
		cs[id].end = c.end;
		x = (double)(c.end - c.join) / (q > 0 ? q : 1);
		cs[id].pace = x > 1000 ? 1000 : (uint16_t)x;
		schedule(id, c.join);
	}
	free(weight);

	/* Day by day, to this day. */
	for (d = wstart; d <= today; d++)
		while ((q = head[d - wstart]) != NONE) {
			head[d - wstart] = queued[q];
			if (cs[q].flags & STARTED)
				step(q, d);
			else
				join(q, d);
		}

	out_close(&fclients);
	out_close(&fagreements);
	out_close(&flog);
	fprintf(stderr, "gen: %s: %llu clients, %llu agreements, %llu log "
	    "rows\n", argv[1], (unsigned long long)n, (unsigned long long)aid,
	    (unsigned long long)lid);
	return 0;
}
