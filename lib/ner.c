/* ner: see ner.h. */
#include "ner.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ner_feat.h"
#include "ner_rules.h"
#include "ner_tok.h"
#include "ner_util.h"
#include "wordlist.h"

NEWS_DATA(ner_model);
NEWS_DATA(gaz_names);
NEWS_DATA(ner_titles);
NEWS_DATA(ner_titles_more);
NEWS_DATA(ner_orgwords);
NEWS_DATA(ner_nicknames);
NEWS_DATA(ner_aliases);

#define NO_ROOT UINT32_MAX

struct ner {
	struct ner_model model;
	struct ner_gaz gaz;
	struct ner_map nick;     /* hash(nickname) -> offset+1 of the full name in the list */
	struct ner_map alias;    /* hash(alias) -> offset+1 of the proper name in the list */
};

/* A surface form: the mention's tokens joined by single spaces. */
struct form {
	size_t off, len;         /* in the story's string arena */
	unsigned votes[NER_NTYPES];
	unsigned count, noninit; /* mentions, and those not sentence-initial */
	unsigned ntok;
	int type;
	int pref;                /* preferred as canonical (alias or singular target) */
	int tail;                /* the tail of a person's full name */
	int company;             /* ends in a legal suffix: Corp., Inc. */
	uint32_t parent;
};

struct doc {
	size_t id;               /* as given to ner_story_add_doc */
	const char *text;
	size_t len;
	size_t sent_off, nsent;  /* into the story's sentence array */
};

/* A kept token of a unit (8 bytes; see ner_story.ctoks). */
struct ner_ctok { uint32_t start; uint16_t len, flags; };

/* What the tagging of a run of units leaves for the story: its mentions and
 * kept tokens, swapped into a worker's story while it tags them, then
 * appended to the story in unit order. */
struct chunk {
	size_t u0, u1;               /* units of the story */
	struct ner_mention *m;
	size_t nm, m_cap;
	struct ner_ctok *ctoks;
	size_t nctoks, ctoks_cap;
	size_t *unit_tok;
	size_t unit_tok_cap;
};

struct ner_story {
	struct ner_mention *m;
	size_t nm, m_cap;
	struct doc *docs;
	size_t ndocs, docs_cap;
	size_t *sents;
	size_t nsents, sents_cap;
	struct form *forms;
	size_t nforms, forms_cap;
	struct ner_map form_map;   /* hash(form string) -> index+1 */
	char *arena;
	size_t arena_len, arena_cap;
	struct ner_rules *rules;
	struct ner_toks toks;
	struct ner_toks unit_toks;   /* recover(): the tokens of the unit being scanned */
	/* The tokens of every unit of the story, kept from tagging for
	 * recover() (tokenising twice cost more than they take: 8 bytes a
	 * token); unit_tok: two per unit, the first token and the count
	 * (NOT_KEPT for a unit whose offsets do not fit, tokenised again) */
	struct ner_ctok *ctoks;
	size_t nctoks, ctoks_cap;
	size_t *unit_tok;
	size_t unit_tok_cap;
	struct ner_sent sent;
	char *scratch;
	size_t scratch_cap;
	/* Units are tagged when the story is resolved, so the units of all its
	 * documents (many small ones with --lines) are shared among threads:
	 * units [ntagged, nsents/2) are still to tag. */
	size_t ntagged;
	unsigned nthreads;
	struct ner_story **workers;  /* nthreads scratch stories, made when needed */
	struct chunk *chunks;
	size_t nchunks, chunks_cap;
};

const char *ner_type_name(int type)
{
	return type >= 0 && type < NER_NTYPES ? ner_type_names[type] : "MISC";
}

/* ------------------------------------------------------------ tables */

/* Map each key (before TAB) of a KEY<TAB>VALUE list to the offset+1 of its
 * value in data, so values are read in place. */
static void load_pairs(struct ner_map *m, const char *data, size_t len)
{
	ner_map_init(m);
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - data) : len;
		const char *tab = memchr(data + i, '\t', e - i);
		if (data[i] != '#' && tab)
			*ner_map_put(m, ner_hash(NER_HASH_INIT, data + i, (size_t)(tab - data) - i)) =
				(uint32_t)(tab - data) + 2;
		i = e + 1;
	}
}

/* The value stored for key in a load_pairs map, or NULL; *vlen its length. */
static const char *pair_get(const struct ner_map *m, const char *data, size_t dlen,
                            const char *key, size_t klen, size_t *vlen)
{
	uint32_t *v = ner_map_get(m, ner_hash(NER_HASH_INIT, key, klen));
	if (!v)
		return NULL;
	const char *s = data + *v - 1;
	const char *nl = memchr(s, '\n', dlen - (size_t)(s - data));
	*vlen = nl ? (size_t)(nl - s) : dlen - (size_t)(s - data);
	return s;
}

struct ner *ner_new(const char **err)
{
	struct ner *n = ner_xcalloc(1, sizeof *n);
	if (ner_model_load(&n->model, (const unsigned char *)news_data_ner_model,
	                   news_data_ner_model_len) != 0) {
		*err = "the embedded entity model is malformed";
		free(n);
		return NULL;
	}
	ner_gaz_init(&n->gaz);
	ner_gaz_add_tsv(&n->gaz, news_data_gaz_names, news_data_gaz_names_len);
	ner_gaz_add_list(&n->gaz, news_data_ner_titles, news_data_ner_titles_len, NER_G_TITLE);
	ner_gaz_add_list(&n->gaz, news_data_ner_orgwords, news_data_ner_orgwords_len, NER_G_ORGWORD);
	ner_gaz_add_list(&n->gaz, news_data_ner_titles_more, news_data_ner_titles_more_len,
	                 NER_G_TITLE_RULE);
	load_pairs(&n->nick, news_data_ner_nicknames, news_data_ner_nicknames_len);
	load_pairs(&n->alias, news_data_ner_aliases, news_data_ner_aliases_len);
	return n;
}

void ner_free(struct ner *n)
{
	if (!n)
		return;
	ner_model_free(&n->model);
	ner_gaz_free(&n->gaz);
	ner_map_free(&n->nick);
	ner_map_free(&n->alias);
	free(n);
}

/* ------------------------------------------------------------ story */

struct ner_story *ner_story_new(void)
{
	struct ner_story *s = ner_xcalloc(1, sizeof *s);
	s->rules = ner_rules_new();
	ner_map_init(&s->form_map);
	ner_sent_init(&s->sent);
	s->nthreads = 1;
	return s;
}

void ner_story_set_threads(struct ner_story *s, unsigned nthreads)
{
	if (s->workers)
		for (unsigned i = 0; i < s->nthreads; i++)
			ner_story_free(s->workers[i]);
	free(s->workers);
	s->workers = NULL;
	s->nthreads = nthreads < 1 ? 1 : nthreads > NER_MAX_THREADS ? NER_MAX_THREADS : nthreads;
}

void ner_story_reset(struct ner_story *s)
{
	s->nm = s->ndocs = s->nsents = s->nforms = s->arena_len = s->nctoks = s->ntagged = 0;
	ner_map_free(&s->form_map);
}

void ner_story_free(struct ner_story *s)
{
	if (!s)
		return;
	free(s->m);
	free(s->docs);
	free(s->sents);
	free(s->ctoks);
	free(s->unit_tok);
	free(s->forms);
	free(s->arena);
	ner_rules_free(s->rules);
	free(s->scratch);
	ner_map_free(&s->form_map);
	ner_toks_free(&s->toks);
	ner_toks_free(&s->unit_toks);
	ner_sent_free(&s->sent);
	ner_story_set_threads(s, 1);
	for (size_t i = 0; i < s->chunks_cap; i++) {
		free(s->chunks[i].m);
		free(s->chunks[i].ctoks);
		free(s->chunks[i].unit_tok);
	}
	free(s->chunks);
	free(s);
}

size_t ner_story_count(const struct ner_story *s) { return s->nm; }
const struct ner_mention *ner_story_mention(const struct ner_story *s, size_t i) { return &s->m[i]; }

#define GROW(p, cap, need) do { \
	if ((need) > (cap)) { \
		(cap) = (need) * 2 + 16; \
		(p) = ner_xrealloc((p), (cap) * sizeof *(p)); \
	} } while (0)

static int is_word(const struct ner_tok *t)
{
	return (t->flags & (NER_TF_ALPHA | NER_TF_DIGIT)) && !(t->flags & NER_TF_CLITIC);
}

/* The gazetteer bits of tokens t[i..j) of text, through the sentence
 * state's memo (titles and places are asked about again and again). */
static uint32_t gaz_phrase(const struct ner *n, struct ner_story *s, const char *text,
                           const struct ner_tok *t, size_t i, size_t j)
{
	return ner_gaz_phrase_memo(&s->sent, &n->gaz, text, t, i, j);
}

/* The longest title phrase (up to 3 tokens) in t[i..lim) starting at i, or 0. */
static size_t title_at(const struct ner *n, struct ner_story *s, const char *text, const struct ner_tok *t,
                       size_t i, size_t lim)
{
	size_t best = 0;
	if (!(t[i].flags & (NER_TF_CAP | NER_TF_ALLCAPS)))
		return 0;   /* titles are capitalised */
	for (size_t k = 1; k <= 3 && i + k <= lim; k++)
		if (gaz_phrase(n, s, text, t, i, i + k) & (NER_G_TITLE | NER_G_TITLE_RULE))
			best = k;
	return best;
}

/* The title phrase ending right before token i (and after lo), as a token
 * count, or 0. */
static size_t title_before(const struct ner *n, struct ner_story *s, const char *text, const struct ner_tok *t,
                           size_t lo, size_t i)
{
	size_t best = 0;
	if (i == lo || !(t[i - 1].flags & (NER_TF_CAP | NER_TF_ALLCAPS | NER_TF_PERIOD)))
		return 0;   /* a title ends in a capitalised word or an abbreviation */
	for (size_t k = 1; k <= 3 && k <= i - lo; k++)
		if (gaz_phrase(n, s, text, t, i - k, i) & (NER_G_TITLE | NER_G_TITLE_RULE))
			best = k;
	return best;
}

/* Add the mention of tokens t[i..j) of text, with the title that ends
 * right before it (searched back to token lo). */
static void add_mention(struct ner_story *s, size_t doc, const char *text,
                        const struct ner_tok *t, size_t i, size_t j, size_t lo, int type,
                        const struct ner *n, int initial)
{
	struct ner_mention m = {doc, t[i].start, t[j - 1].end, 0, 0, type, 0, 0};
	size_t tb = title_before(n, s, text, t, lo, i);
	if (tb) {
		m.title_start = t[i - tb].start;
		m.title_end = t[i - 1].end;
	}
	GROW(s->m, s->m_cap, s->nm + 1);
	m.initial = (unsigned char)initial;
	s->m[s->nm++] = m;
}

/* Capitalised function words are never a name alone. */
static int is_function_word(const char *p, size_t n)
{
	static const char *const w[] = {
		"The", "A", "An", "This", "That", "These", "Those", "I", "We", "He", "She", "It",
		"They", "You", "My", "Our", "His", "Her", "Their", "Its", "Your", "In", "On", "At",
		"Of", "For", "And", "But", "Or", "If", "When", "What", "Who", "How", "Why", "Where",
		"As", "By", "To", "From", "With", "So", "Not", "No", "Yes", "All", "Some", "Any",
		"There", "Here", "Then", "Now", "Also", "Just", "Please", "Thanks", "Hi", "Hello",
		"THE", "AND", "OF", NULL
	};
	if (n > 7)
		return 0;
	return ner_in_list(w, p, n);
}

/* Days and months start sentences and precede names: `Monday Xerox Corp.` */
static int is_calendar_word(const char *p, size_t n)
{
	static const char *const w[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December", NULL
	};
	return ner_in_list(w, p, n);
}

/* Is token a the first word of its sentence? */
static int initial_at(const unsigned char *init, size_t a)
{
	for (size_t x = 0; x <= a; x++)
		if (init[x])
			return x == a;
	return 0;
}

/* `U.S.`, `UK`: an alias of a country (one token). */
static int is_acronym_place(const struct ner *n, const char *text, const struct ner_tok *t,
                            size_t ntok)
{
	size_t vl;
	return ntok == 1 && (t->flags & NER_TF_ALLCAPS) &&
	       pair_get(&n->alias, news_data_ner_aliases, news_data_ner_aliases_len,
	                text + t->start, t->end - t->start, &vl) != NULL;
}

/* `Iran-Iraq`, `US-Iraqi`: two places or nationalities joined by a hyphen
 * are two names. Adds them and returns 1, or returns 0. */
static int split_places(const struct ner *n, struct ner_story *s, size_t doc,
                        const char *text, const struct ner_tok *t, size_t a, size_t b,
                        int initial)
{
	const uint32_t place = NER_G_COUNTRY | NER_G_CITY | NER_G_REGION | NER_G_LOCATION;
	size_t cut[8], ncut = 0;
	for (size_t k = a + 1; k + 1 < b; k++)
		if (t[k].end - t[k].start == 1 && text[t[k].start] == '-' &&
		    !(t[k].flags & NER_TF_SPACE) && !(t[k + 1].flags & NER_TF_SPACE)) {
			if (ncut == 8)
				return 0;
			cut[ncut++] = k;
		}
	if (!ncut)
		return 0;
	size_t from = a;
	for (size_t c = 0; c <= ncut; c++) {
		size_t to = c < ncut ? cut[c] : b;
		if (!(gaz_phrase(n, s, text, t, from, to) & (place | NER_G_DEMONYM)))
			return 0;
		from = to + 1;
	}
	from = a;
	for (size_t c = 0; c <= ncut; c++) {
		size_t to = c < ncut ? cut[c] : b;
		uint32_t g = gaz_phrase(n, s, text, t, from, to);
		add_mention(s, doc, text, t, from, to, from, (g & place) ? NER_LOC : NER_MISC, n,
		            initial && c == 0);
		from = to + 1;
	}
	return 1;
}

/* Does a mention of doc among the last ones cover offset pos? */
static int mention_covers(const struct ner_story *s, size_t doc, size_t pos)
{
	for (size_t x = s->nm; x > 0; x--) {
		const struct ner_mention *m = &s->m[x - 1];
		if (m->doc != doc || m->end <= pos)
			return m->doc == doc && m->start <= pos && pos < m->end;
		if (m->start <= pos)
			return 1;
	}
	return 0;
}

/* Add a MISC mention for token k, keeping the document's mentions in order. */
static void insert_mention(struct ner_story *s, size_t doc, const char *text,
                           const struct ner_tok *t, size_t k, const struct ner *n, int initial)
{
	add_mention(s, doc, text, t, k, k + 1, k, NER_MISC, n, initial);
	struct ner_mention m = s->m[s->nm - 1];
	size_t at = s->nm - 1;
	while (at > 0 && s->m[at - 1].doc == doc && s->m[at - 1].start > m.start) {
		s->m[at] = s->m[at - 1];
		at--;
	}
	s->m[at] = m;
}

/* People are not listed inside one name: a comma in a person's span
 * between capitalised words (`Tribe, Ms. Epstein`) starts another. */
static void split_person_lists(const char *text, const struct ner_tok *t, size_t nt, int *lab,
                               const uint32_t *gaz_1)
{
	for (size_t k = 1; k + 1 < nt; k++)
		if (lab[k] == NER_I(NER_PER) && t[k].end - t[k].start == 1 && text[t[k].start] == ',' &&
		    lab[k + 1] == NER_I(NER_PER) && (t[k + 1].flags & NER_TF_CAP)) {
			lab[k] = NER_O;
			lab[k + 1] = NER_B(NER_PER);
		}
	/* Nor are two people one name: a span of four, six ... plain
	 * capitalised words whose first, third ... are given names is a list
	 * whose separators were lost (`Pam Butler Renee Ratcliff`, a line of
	 * attendees) */
	for (size_t i = 0; i < nt;) {
		if (lab[i] != NER_B(NER_PER)) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < nt && lab[j] == NER_I(NER_PER))
			j++;
		int plain = j - i >= 4 && (j - i) % 2 == 0;
		for (size_t k = i; plain && k < j; k++) {
			unsigned f = t[k].flags;
			if (!(f & NER_TF_CAP) || (f & (NER_TF_ALLCAPS | NER_TF_PERIOD | NER_TF_DIGIT)) ||
			    (k > i && !(f & NER_TF_SPACE)) || t[k].end - t[k].start < 2 ||
			    ((k - i) % 2 == 0 && !(gaz_1[k] & NER_G_GIVEN)))
				plain = 0;
		}
		if (plain)
			for (size_t k = i + 2; k < j; k += 2)
				lab[k] = NER_B(NER_PER);
		i = j;
	}
}

/* A person's name goes on through particles to a capitalised word the
 * tagger left out: `Nikolaus` + `van der Pas`, `Osama` + `bin Laden`. */
static void extend_particles(const char *text, const struct ner_tok *t, size_t nt, int *lab)
{
	static const char *const particles[] = {"de", "van", "von", "der", "den", "del", "della",
	                                        "di", "da", "du", "dos", "das", "al", "el", "bin",
	                                        "ibn", "ben", "la", "le", "ter", "ten", "abu", NULL};
	for (size_t k = 0; k + 1 < nt; k++) {
		if (lab[k] != NER_B(NER_PER) && lab[k] != NER_I(NER_PER))
			continue;
		if (lab[k + 1] != NER_O)
			continue;
		size_t x = k + 1;
		while (x < nt && x - k <= 3 && (t[x].flags & NER_TF_LOWER) && (t[x].flags & NER_TF_SPACE) &&
		       ner_in_list(particles, text + t[x].start, t[x].end - t[x].start))
			x++;
		if (x == k + 1 || x >= nt || lab[x] != NER_O || !(t[x].flags & NER_TF_CAP) ||
		    !(t[x].flags & NER_TF_SPACE))
			continue;
		for (size_t y = k + 1; y <= x; y++)
			lab[y] = NER_I(NER_PER);
		k = x;
	}
}

/* Last words of the names of places and facilities (CoNLL files roads,
 * lakes and bridges under places). */
static int is_place_head(const char *p, size_t n)
{
	static const char *const w[] = {"Street", "Road", "Avenue", "Boulevard", "Lane", "Lake",
	                                "River", "Bridge", "Bridges", "Island", "Islands",
	                                "Mountain", "Mountains", "Valley", "Bay", "Canyon",
	                                "Square", "Strait", "Gulf", "Peninsula", "Desert", "Coast",
	                                "Airport", "Harbor", "Harbour", "Beach", "Base", NULL};
	return n >= 3 && ner_in_list(w, p, n);
}

/* Heads that are no one's surname. */
static int is_strong_head(const char *p, size_t n)
{
	static const char *const w[] = {"University", "College", "School", "Institute",
	                                "Foundation", "Hospital", "Street", "Avenue", "Road",
	                                "Boulevard", "Bridge", "Airport", NULL};
	return n >= 4 && ner_in_list(w, p, n);
}

/* Turn the labels of a tagged sentence into mentions. */
static void spans_to_mentions(const struct ner *n, struct ner_story *s, size_t doc,
                              const char *text, const struct ner_tok *t, size_t nt,
                              const int *lab, const unsigned char *init, const size_t *gaz_end)
{
	for (size_t i = 0; i < nt;) {
		if (lab[i] == NER_O) {
			i++;
			continue;
		}
		int type = NER_TYPE(lab[i]);
		size_t j = i + 1;
		while (j < nt && lab[j] == NER_I(type))
			j++;
		size_t a = i, b = j, i0 = i;
		i = j;
		while (a < b && !is_word(&t[a]))
			a++;
		/* names end in a capitalised word or a number: `U.N.` of `U.N. mission` */
		while (b > a && (!is_word(&t[b - 1]) || ((t[b - 1].flags & NER_TF_LOWER) && b - 1 > a)))
			b--;
		if (a == b || (b - a == 1 && is_function_word(text + t[a].start, t[a].end - t[a].start)))
			continue;
		/* a nationality or place before a title inside the span is a name
		 * of its own: `Iraqi` of `Iraqi Foreign Minister Hoshyar Zebari` */
		if (type == NER_PER && b - a > 2) {
			for (size_t p = a + 1; p + 1 < b && p <= a + 3; p++) {
				size_t k = title_at(n, s, text, t, p, b);
				if (!k || p + k >= b)
					continue;
				uint32_t g = gaz_phrase(n, s, text, t, a, p);
				uint32_t place = NER_G_COUNTRY | NER_G_CITY | NER_G_REGION;
				if (g & (place | NER_G_DEMONYM)) {
					add_mention(s, doc, text, t, a, p, a, (g & place) ? NER_LOC : NER_MISC,
					            n, initial_at(init, a));
					a = p;
				} else if (is_acronym_place(n, text, &t[a], p - a)) {
					add_mention(s, doc, text, t, a, p, a, NER_LOC, n, initial_at(init, a));
					a = p;
				}
				break;
			}
		}
		/* a title inside the span is cut off: `Adm. Greg Johnson` */
		size_t k;
		while (a < b && (k = title_at(n, s, text, t, a, b)) > 0 && a + k < b &&
		       (t[a + k].flags & (NER_TF_CAP | NER_TF_ALLCAPS)) && type == NER_PER)
			a += k;
		/* a span that is all title (`President`, `Foreign` of `Foreign Minister`) */
		if (type == NER_PER && a + title_at(n, s, text, t, a, nt) >= b)
			continue;
		int initial = initial_at(init, a);
		size_t lo = i0;
		while (lo > 0 && i0 - lo < 3 && lab[lo - 1] == NER_O)
			lo--;
		/* a gazetteer name the span stops short of: `Olympic` of `Olympic Games` */
		if (type != NER_PER && gaz_end && gaz_end[a] > b && b - a < gaz_end[a] - a) {
			size_t e = gaz_end[a], x;
			for (x = b; x < e; x++)
				if (lab[x] != NER_O || !(t[x].flags & (NER_TF_CAP | NER_TF_ALLCAPS)))
					break;
			if (x == e)
				b = e;
		}
		/* the head word of a name of several words tells its type: `Canyon
		 * Road` is a place, `Georgetown University` an organisation */
		if (b - a >= 2 && (t[b - 1].flags & NER_TF_CAP) && !(t[b - 1].flags & NER_TF_ALLCAPS) &&
		    type != NER_MISC &&
		    /* after a first name only a head that is no surname (`Michael Bay`) */
		    (type != NER_PER || !(gaz_phrase(n, s, text, t, a, a + 1) & NER_G_GIVEN) ||
		     is_strong_head(text + t[b - 1].start, t[b - 1].end - t[b - 1].start))) {
			const char *h = text + t[b - 1].start;
			size_t hl = t[b - 1].end - t[b - 1].start;
			if (type != NER_LOC && is_place_head(h, hl))
				type = NER_LOC;
			else if (type != NER_ORG && !is_place_head(h, hl) &&
			         !(hl == 6 && (!memcmp(h, "Center", 6) || !memcmp(h, "Centre", 6))) &&
			         (gaz_phrase(n, s, text, t, b - 1, b) & NER_G_ORGWORD))
				type = NER_ORG;
		}
		/* a word of four or five capitals amid lower-case text is an
		 * acronym, and no person's name (initials such as JFK are three) */
		if (type == NER_PER && b - a == 1 && (t[a].flags & NER_TF_ALLCAPS) &&
		    !(t[a].flags & (NER_TF_DIGIT | NER_TF_PERIOD)) &&
		    t[a].end - t[a].start >= 4 && t[a].end - t[a].start <= 5 &&
		    ((a > 0 && (t[a - 1].flags & NER_TF_LOWER)) || (b < nt && (t[b].flags & NER_TF_LOWER))))
			type = NER_ORG;
		if ((type == NER_LOC || type == NER_MISC) && split_places(n, s, doc, text, t, a, b, initial))
			continue;
		add_mention(s, doc, text, t, a, b, lo, type, n, initial);
		/* the nationality before a person's title: `French` of `French
		 * President Jacques Chirac` */
		const struct ner_mention *pm = &s->m[s->nm - 1];
		if (type == NER_PER && pm->title_end > pm->title_start) {
			size_t x = lo;
			while (x < a && t[x].start < pm->title_start)
				x++;
			if (x > 0 && x < a && t[x].start == pm->title_start && lab[x - 1] == NER_O &&
			    (t[x - 1].flags & NER_TF_CAP) &&
			    (gaz_phrase(n, s, text, t, x - 1, x) & NER_G_DEMONYM)) {
				struct ner_mention keep = *pm;
				s->nm--;
				add_mention(s, doc, text, t, x - 1, x, x - 1, NER_MISC, n, initial_at(init, x - 1));
				GROW(s->m, s->m_cap, s->nm + 1);
				s->m[s->nm++] = keep;
			}
		}
	}
	/* nationalities the tagger left alone, when not part of a longer name */
	for (size_t k = 0; k < nt; k++)
		if (lab[k] == NER_O && (t[k].flags & NER_TF_CAP) && !(t[k].flags & NER_TF_ALLCAPS) &&
		    (k + 1 == nt || !(t[k + 1].flags & (NER_TF_CAP | NER_TF_ALLCAPS))) &&
		    (k == 0 || lab[k - 1] == NER_O) &&
		    (gaz_phrase(n, s, text, t, k, k + 1) & NER_G_DEMONYM) &&
		    !mention_covers(s, doc, t[k].start))
			insert_mention(s, doc, text, t, k, n, initial_at(init, k));
}

/* Organisations the patterns find (ner_rules) replace the tagger's
 * mentions they overlap in the unit text[a..b), whose mentions start at m0. */
static void apply_rules(struct ner_story *s, size_t doc, const char *text, size_t a, size_t b,
                        size_t m0)
{
	size_t ms, me, from = 0;
	const struct ner_tok *t = s->toks.t;
	size_t nt = s->toks.n, kw = 0;
	for (;;) {
		/* Every match holds an organisation word no more than five
		 * space-separated words after its start: search from there, and
		 * not at all once no such word is left (pcre2 would otherwise try
		 * every position of the sentence). */
		while (kw < nt && (t[kw].start < a + from || !(s->sent.gaz_1[kw] & NER_G_ORGWORD)))
			kw++;
		if (kw == nt)
			break;
		size_t w = kw, gaps = 0;
		while (w > 0 && gaps < 7) {
			if (t[w].flags & NER_TF_SPACE)
				gaps++;
			w--;
		}
		if (t[w].start > a + from)
			from = t[w].start - a;
		if (!ner_rules_next_org(s->rules, text + a, b - a, from, &ms, &me))
			break;
		from = me > ms ? me : ms + 1;
		ms += a;
		me += a;
		size_t i = 0, j;
		while (i < nt && t[i].start < ms)
			i++;
		for (j = i; j < nt && t[j].end < me; j++)
			;
		if (i == nt || j == nt || t[i].start != ms || t[j].end != me)
			continue;   /* not on token boundaries */
		j++;
		while (j > i && !is_word(&t[j - 1]))
			j--;
		while (i < j && (is_function_word(text + t[i].start, t[i].end - t[i].start) ||
		                 is_calendar_word(text + t[i].start, t[i].end - t[i].start)))
			i++;
		if (j - i < 2)
			continue;
		/* drop the mentions it overlaps, keep the unit's order */
		size_t k = m0;
		for (size_t x = m0; x < s->nm; x++)
			if (s->m[x].end <= t[i].start || s->m[x].start >= t[j - 1].end)
				s->m[k++] = s->m[x];
		s->nm = k;
		struct ner_mention m = {doc, t[i].start, t[j - 1].end, 0, 0, NER_ORG, 0, 0};
		GROW(s->m, s->m_cap, s->nm + 1);
		size_t at = s->nm;
		while (at > m0 && s->m[at - 1].start > m.start) {
			s->m[at] = s->m[at - 1];
			at--;
		}
		s->m[at] = m;
		s->nm++;
	}
}

/* A dateline place in capitals (`BRUSSELS 1996-08-22`) at the start of the
 * unit text[a..b) that the tagger missed: a place when the gazetteer knows
 * it in title case. */
static void dateline(const struct ner *n, struct ner_story *s, size_t doc, const char *text,
                     size_t a, size_t b)
{
	size_t ms, me;
	if (!(text[a] >= 'A' && text[a] <= 'Z') ||
	    !ner_rules_dateline(s->rules, text + a, b - a, &ms, &me) || me - ms >= 64)
		return;
	ms += a;
	me += a;
	char title[64];
	int word_start = 1;
	for (size_t k = ms; k < me; k++) {
		char c = text[k];
		title[k - ms] = word_start || !(c >= 'A' && c <= 'Z') ? c : (char)(c + 32);
		word_start = c == ' ' || c == '-' || c == '.';
	}
	struct ner_toks tv = {0};
	ner_tokenize(title, 0, me - ms, &tv);
	uint32_t g = tv.n ? gaz_phrase(n, s, title, tv.t, 0, tv.n) : 0;
	ner_toks_free(&tv);
	if (!(g & (NER_G_CITY | NER_G_COUNTRY | NER_G_REGION)))
		return;
	/* the tagger's mention there, whatever its type, is the place */
	for (size_t x = s->nm; x > 0 && s->m[x - 1].doc == doc && s->m[x - 1].end > ms; x--)
		if (s->m[x - 1].start < me) {
			if (s->m[x - 1].start == ms && s->m[x - 1].end == me)
				s->m[x - 1].type = NER_LOC;
			return;
		}
	struct ner_mention m = {doc, ms, me, 0, 0, NER_LOC, 0, 1};
	GROW(s->m, s->m_cap, s->nm + 1);
	size_t at = s->nm;
	while (at > 0 && s->m[at - 1].doc == doc && s->m[at - 1].start > ms) {
		s->m[at] = s->m[at - 1];
		at--;
	}
	s->m[at] = m;
	s->nm++;
}

/* A name holding or glued to `_` is part of a file name or an identifier
 * (`Lisa_resume.doc`, `user_id`), not a mention: names have no underscores. */
static void drop_file_names(const char *text, size_t len, const struct ner_tok *t, size_t nt,
                             int *lab)
{
	for (size_t i = 0; i < nt;) {
		if (lab[i] == NER_O) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < nt && NER_IS_I(lab[j]))
			j++;
		size_t a = t[i].start > 0 ? t[i].start - 1 : 0, b = t[j - 1].end < len ? t[j - 1].end + 1 : len;
		if (memchr(text + a, '_', b - a))
			for (size_t k = i; k < j; k++)
				lab[k] = NER_O;
		i = j;
	}
}

/* A dotted abbreviation of the alias list (`U.S.`, `U.N.`) that the tagger
 * left out is still a name: written so, it is never a common word. Its type
 * is that of what it stands for: a place if the gazetteer knows it as a
 * country, else an organisation. */
static void dotted_aliases(const struct ner *n, const char *text, const struct ner_tok *t,
                           size_t nt, int *lab)
{
	for (size_t i = 0; i < nt; i++) {
		if (lab[i] != NER_O || !(t[i].flags & NER_TF_PERIOD) || !(t[i].flags & NER_TF_ALLCAPS))
			continue;
		size_t vl;
		const char *v = pair_get(&n->alias, news_data_ner_aliases, news_data_ner_aliases_len,
		                         text + t[i].start, t[i].end - t[i].start, &vl);
		if (!v)
			continue;
		struct ner_toks tv = {0};   /* rare: an alias written with periods */
		ner_tokenize(v, 0, vl, &tv);
		uint32_t g = ner_gaz_phrase(&n->gaz, v, tv.t, 0, tv.n);
		ner_toks_free(&tv);
		lab[i] = NER_B(g & NER_G_COUNTRY ? NER_LOC : NER_ORG);
	}
}

/* Does a sentence ending at b run on into the one starting at a? */
static int joins(const struct ner *n, struct ner_story *s, const char *text, size_t b, size_t a)
{
	if (b < 2 || a < b || text[b - 1] != '.' || a - b > 3)
		return 0;
	for (size_t i = b; i < a; i++)
		if (text[i] != ' ')
			return 0;
	if (!(text[a] >= 'A' && text[a] <= 'Z'))
		return 0;
	size_t w = b - 1;
	while (w > 0 && ((text[w - 1] | 32) >= 'a' && (text[w - 1] | 32) <= 'z'))
		w--;
	if (b - 1 - w == 1 && text[w] >= 'A' && text[w] <= 'Z')
		return 1;   /* an initial */
	struct ner_tok t = {w, b, 0};
	return (gaz_phrase(n, s, text, &t, 0, 1) & (NER_G_TITLE | NER_G_TITLE_RULE)) != 0;
}

#define NOT_KEPT ((size_t)-1)

/* Keep the tokens t[0..nt) of unit u for recover(). */
static void keep_tokens(struct ner_story *s, size_t u, const struct ner_tok *t, size_t nt)
{
	GROW(s->unit_tok, s->unit_tok_cap, 2 * u + 2);
	s->unit_tok[2 * u] = s->nctoks;
	s->unit_tok[2 * u + 1] = NOT_KEPT;
	if (nt && (t[nt - 1].end > UINT32_MAX || nt > UINT32_MAX))
		return;
	GROW(s->ctoks, s->ctoks_cap, s->nctoks + nt);
	struct ner_ctok *c = s->ctoks + s->nctoks;
	for (size_t k = 0; k < nt; k++) {
		if (t[k].end - t[k].start > UINT16_MAX || t[k].flags > UINT16_MAX)
			return;
		c[k] = (struct ner_ctok){(uint32_t)t[k].start, (uint16_t)(t[k].end - t[k].start),
		                         (uint16_t)t[k].flags};
	}
	s->nctoks += nt;
	s->unit_tok[2 * u + 1] = nt;
}

/* The tokens of unit u, text[a..b), into out. */
static void unit_tokens(const struct ner_story *s, size_t u, const char *text, size_t a, size_t b,
                        struct ner_toks *out)
{
	out->n = 0;
	size_t nt = s->unit_tok[2 * u + 1];
	if (nt == NOT_KEPT) {
		ner_tokenize(text, a, b, out);
		return;
	}
	if (nt > out->cap) {
		out->cap = nt + 64;
		out->t = ner_xrealloc(out->t, out->cap * sizeof *out->t);
	}
	const struct ner_ctok *c = s->ctoks + s->unit_tok[2 * u];
	for (size_t k = 0; k < nt; k++)
		out->t[k] = (struct ner_tok){c[k].start, (size_t)c[k].start + c[k].len, c[k].flags};
	out->n = nt;
}

void ner_story_add_doc(const struct ner *n, struct ner_story *s, size_t doc,
                       const char *text, size_t len, const size_t *sents, size_t nsent)
{
	GROW(s->docs, s->docs_cap, s->ndocs + 1);
	struct doc *d = &s->docs[s->ndocs++];
	d->id = doc;
	d->text = text;
	d->len = len;
	d->sent_off = s->nsents;
	size_t whole[2] = {0, len};
	if (!nsent) {
		sents = whole;
		nsent = 1;
	}
	/* Tagging units are the sentences, joined again where a sentence break
	 * follows an initial or a title (`Michael J. | McDermott`, `Adm. | Greg
	 * Johnson`) on the same line: a name never ends there. */
	GROW(s->sents, s->sents_cap, s->nsents + 2 * nsent);
	size_t *units = s->sents + s->nsents, nunits = 0;
	for (size_t k = 0; k < nsent; k++) {
		size_t a = sents[2 * k], b = sents[2 * k + 1];
		if (b > len)
			b = len;
		if (a >= b)
			continue;
		if (nunits && joins(n, s, text, units[2 * nunits - 1], a)) {
			units[2 * nunits - 1] = b;
			continue;
		}
		units[2 * nunits] = a;
		units[2 * nunits + 1] = b;
		nunits++;
	}
	d->nsent = nunits;
	s->nsents += 2 * nunits;
}

/* Tag units [u0, u1) of story s, whose mentions and kept tokens go to w
 * (s itself, or a worker's scratch story whose unit u0 is its unit 0). */
static void tag_units(const struct ner *n, const struct ner_story *s, struct ner_story *w,
                      size_t u0, size_t u1)
{
	size_t base = w == s ? 0 : u0, di = 0;
	for (size_t u = u0; u < u1; u++) {
		while (s->docs[di].sent_off / 2 + s->docs[di].nsent <= u)
			di++;
		const char *text = s->docs[di].text;
		size_t doc = s->docs[di].id, a = s->sents[2 * u], b = s->sents[2 * u + 1];
		w->toks.n = 0;
		ner_tokenize(text, a, b, &w->toks);
		keep_tokens(w, u - base, w->toks.t, w->toks.n);
		ner_sent_prepare(&w->sent, &n->gaz, text, w->toks.t, w->toks.n);
		ner_model_tag(&n->model, &w->sent);
		size_t m0 = w->nm;
		split_person_lists(text, w->toks.t, w->toks.n, w->sent.label, w->sent.gaz_1);
		extend_particles(text, w->toks.t, w->toks.n, w->sent.label);
		dotted_aliases(n, text, w->toks.t, w->toks.n, w->sent.label);
		drop_file_names(text, s->docs[di].len, w->toks.t, w->toks.n, w->sent.label);
		spans_to_mentions(n, w, doc, text, w->toks.t, w->toks.n, w->sent.label, w->sent.init,
		                  w->sent.gaz_end);
		dateline(n, w, doc, text, a, b);
		/* the patterns run where an organisation word is */
		for (size_t x = 0; x < w->toks.n; x++)
			if (w->sent.gaz_1[x] & NER_G_ORGWORD) {
				apply_rules(w, doc, text, a, b, m0);
				break;
			}
	}
}

/* Swap the output buffers of chunk c with those of story w. */
static void swap_output(struct ner_story *w, struct chunk *c)
{
#define SWAP(type, x, y) do { type t_ = (x); (x) = (y); (y) = t_; } while (0)
	SWAP(struct ner_mention *, w->m, c->m);
	SWAP(size_t, w->nm, c->nm);
	SWAP(size_t, w->m_cap, c->m_cap);
	SWAP(struct ner_ctok *, w->ctoks, c->ctoks);
	SWAP(size_t, w->nctoks, c->nctoks);
	SWAP(size_t, w->ctoks_cap, c->ctoks_cap);
	SWAP(size_t *, w->unit_tok, c->unit_tok);
	SWAP(size_t, w->unit_tok_cap, c->unit_tok_cap);
#undef SWAP
}

struct tag_job {
	const struct ner *n;
	const struct ner_story *s;
	struct chunk *chunks;
	size_t nchunks;
	atomic_size_t next;
};

struct tag_worker {
	struct tag_job *job;
	struct ner_story *w;
};

/* Tag chunks, taken in turn, until none is left. */
static void *tag_worker_run(void *arg)
{
	struct tag_worker *tw = arg;
	struct tag_job *job = tw->job;
	for (;;) {
		size_t c = atomic_fetch_add(&job->next, 1);
		if (c >= job->nchunks)
			break;
		struct chunk *ch = &job->chunks[c];
		ch->nm = ch->nctoks = 0;
		swap_output(tw->w, ch);
		tag_units(job->n, job->s, tw->w, ch->u0, ch->u1);
		swap_output(tw->w, ch);
	}
	return NULL;
}

/* Below this many bytes of untagged text, threads cost more than they save. */
#define THREAD_MIN_BYTES (64 * 1024)

/* Plan units [u0, u1) of story s in contiguous chunks of about equal
 * bytes, several per thread so that the threads finish together, and make
 * the threads' scratch stories; 0 if the units are better done on this
 * thread alone. */
static size_t plan_chunks(struct ner_story *s, size_t u0, size_t u1)
{
	size_t bytes = 0;
	for (size_t u = u0; u < u1; u++)
		bytes += s->sents[2 * u + 1] - s->sents[2 * u];
	if (s->nthreads <= 1 || bytes < THREAD_MIN_BYTES)
		return 0;
	unsigned nt = s->nthreads;
	if (!s->workers) {
		s->workers = ner_xcalloc(nt, sizeof *s->workers);
		for (unsigned i = 0; i < nt; i++)
			s->workers[i] = ner_story_new();
	}
	size_t want = 4 * (size_t)nt;
	if (want > u1 - u0)
		want = u1 - u0;
	if (want > s->chunks_cap) {
		s->chunks = ner_xrealloc(s->chunks, want * sizeof *s->chunks);
		memset(s->chunks + s->chunks_cap, 0, (want - s->chunks_cap) * sizeof *s->chunks);
		s->chunks_cap = want;
	}
	size_t nc = 0, start = u0, acc = 0;
	for (size_t u = u0; u < u1 && nc + 1 < want; u++) {
		acc += s->sents[2 * u + 1] - s->sents[2 * u];
		if (acc * want >= bytes * (nc + 1)) {
			s->chunks[nc].u0 = start;
			s->chunks[nc].u1 = u + 1;
			nc++;
			start = u + 1;
		}
	}
	if (start < u1) {
		s->chunks[nc].u0 = start;
		s->chunks[nc].u1 = u1;
		nc++;
	}
	s->nchunks = nc;
	return nc;
}

/* Tag the units not tagged yet, in chunks (plan_chunks) whose results are
 * appended in unit order, the same whatever the number of threads. */
static void tag_pending(const struct ner *n, struct ner_story *s)
{
	size_t u0 = s->ntagged, u1 = s->nsents / 2;
	if (u0 >= u1)
		return;
	size_t nc = plan_chunks(s, u0, u1);
	if (!nc) {
		tag_units(n, s, s, u0, u1);
		s->ntagged = u1;
		return;
	}
	unsigned nt = s->nthreads;
	struct tag_job job = {n, s, s->chunks, nc, 0};
	struct tag_worker tw[NER_MAX_THREADS];
	pthread_t tid[NER_MAX_THREADS];
	unsigned started = 0;
	for (unsigned i = 0; i < nt; i++)
		tw[i] = (struct tag_worker){&job, s->workers[i]};
	for (unsigned i = 1; i < nt; i++) {
		if (pthread_create(&tid[i], NULL, tag_worker_run, &tw[i]) != 0)
			break;   /* fewer threads: the chunks are taken all the same */
		started = i;
	}
	/* this thread tags too, with a scratch story of its own: s keeps its
	 * mentions while the chunks' are swapped in and out of the workers */
	tag_worker_run(&tw[0]);
	for (unsigned i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
	for (size_t c = 0; c < nc; c++) {
		const struct chunk *ch = &s->chunks[c];
		size_t m0 = s->nm, t0 = s->nctoks;
		GROW(s->m, s->m_cap, s->nm + ch->nm);
		memcpy(s->m + m0, ch->m, ch->nm * sizeof *ch->m);
		s->nm += ch->nm;
		GROW(s->ctoks, s->ctoks_cap, s->nctoks + ch->nctoks);
		memcpy(s->ctoks + t0, ch->ctoks, ch->nctoks * sizeof *ch->ctoks);
		s->nctoks += ch->nctoks;
		GROW(s->unit_tok, s->unit_tok_cap, 2 * ch->u1);
		for (size_t u = ch->u0; u < ch->u1; u++) {
			s->unit_tok[2 * u] = t0 + ch->unit_tok[2 * (u - ch->u0)];
			s->unit_tok[2 * u + 1] = ch->unit_tok[2 * (u - ch->u0) + 1];
		}
	}
	s->ntagged = u1;
}

/* ------------------------------------------------------------ forms */

static void arena_add(struct ner_story *s, const char *p, size_t n)
{
	GROW(s->arena, s->arena_cap, s->arena_len + n + 1);
	memcpy(s->arena + s->arena_len, p, n);
	s->arena_len += n;
}

static const char *form_str(const struct ner_story *s, const struct form *f)
{
	return s->arena + f->off;
}

/* The form of string p[0..n) (tokens joined by single spaces), created if
 * create is set; NO_ROOT if absent. */
static uint32_t form_get(struct ner_story *s, const char *p, size_t n, unsigned ntok, int create)
{
	uint64_t h = ner_hash(NER_HASH_INIT, p, n);
	uint32_t *v = create ? ner_map_put(&s->form_map, h) : ner_map_get(&s->form_map, h);
	if (!v)
		return NO_ROOT;
	if (*v)
		return *v - 1;
	GROW(s->forms, s->forms_cap, s->nforms + 1);
	struct form *f = &s->forms[s->nforms];
	memset(f, 0, sizeof *f);
	f->off = s->arena_len;
	f->len = n;
	f->ntok = ntok;
	f->type = -1;
	f->parent = (uint32_t)s->nforms;
	arena_add(s, p, n);
	arena_add(s, "", 0);
	s->arena[s->arena_len++] = '\0';
	*v = (uint32_t)++s->nforms;
	return *v - 1;
}

/* The form whose string hashes to h (ner_hash from NER_HASH_INIT), or NO_ROOT. */
static uint32_t form_find_hash(const struct ner_story *s, uint64_t h)
{
	uint32_t *v = ner_map_get(&s->form_map, h);
	return v && *v ? *v - 1 : NO_ROOT;
}

/* Join tokens t[i..j) of text with single spaces into the scratch buffer. */
static size_t join_tokens(struct ner_story *s, const char *text, const struct ner_tok *t,
                          size_t i, size_t j)
{
	size_t need = 0;
	for (size_t k = i; k < j; k++)
		need += t[k].end - t[k].start + 1;
	GROW(s->scratch, s->scratch_cap, need + 1);
	size_t n = 0;
	for (size_t k = i; k < j; k++) {
		if (k > i && !(t[k].flags & NER_TF_CLITIC) && (t[k].flags & NER_TF_SPACE))
			s->scratch[n++] = ' ';
		memcpy(s->scratch + n, text + t[k].start, t[k].end - t[k].start);
		n += t[k].end - t[k].start;
	}
	return n;
}

static uint32_t find(struct ner_story *s, uint32_t x)
{
	while (s->forms[x].parent != x) {
		s->forms[x].parent = s->forms[s->forms[x].parent].parent;
		x = s->forms[x].parent;
	}
	return x;
}

static void unite(struct ner_story *s, uint32_t a, uint32_t b)
{
	a = find(s, a);
	b = find(s, b);
	if (a != b)
		s->forms[a > b ? a : b].parent = a < b ? a : b;
}

static int cmp_mention(const void *pa, const void *pb)
{
	const struct ner_mention *a = pa, *b = pb;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

/* Tokens of string p[0..n) into s->toks. */
static void tokenize_str(struct ner_story *s, const char *p, size_t n)
{
	s->toks.n = 0;
	ner_tokenize(p, 0, n, &s->toks);
}

static int is_royal(const char *p, size_t n)
{
	static const char *const w[] = {"King", "Queen", "Prince", "Princess", "Emperor",
	                                "Sultan", "Emir", "Pope", "Crown Prince", NULL};
	return ner_in_list(w, p, n);
}

/* Form of each mention, with type votes. */
static void collect_forms(struct ner_story *s)
{
	for (size_t i = 0; i < s->nm; i++) {
		struct ner_mention *m = &s->m[i];
		const char *text = s->docs[m->doc].text;
		size_t from = m->start;
		/* a monarch's title is part of the name: King Hussein is not
		 * Saddam Hussein */
		if (m->type == NER_PER && m->title_end > m->title_start &&
		    is_royal(text + m->title_start, m->title_end - m->title_start))
			from = m->title_start;
		tokenize_str(s, text + from, m->end - from);
		size_t n = join_tokens(s, text + from, s->toks.t, 0, s->toks.n);
		m->form = form_get(s, s->scratch, n, (unsigned)s->toks.n, 1);
		struct form *f = &s->forms[m->form];
		f->votes[m->type]++;
		f->count++;
		if (!m->initial)
			f->noninit++;
	}
}

static int is_initial_tok(const char *p, const struct ner_tok *t)
{
	return (t->flags & NER_TF_PERIOD) && t->end - t->start == 2 && (p[t->start] >= 'A' && p[t->start] <= 'Z');
}

enum { RUN_FILTER = 1 << 20 };

/* Bit filters over hashes (a few hundred kB, cached): most words of a
 * text start no known form, and the form table is far bigger. */
static inline void filter_add(uint64_t *bits, uint64_t h)
{
	uint64_t b = ner_mix(h) & (RUN_FILTER - 1);
	bits[b / 64] |= 1ULL << (b % 64);
}

static inline int filter_has(const uint64_t *bits, uint64_t h)
{
	uint64_t b = ner_mix(h) & (RUN_FILTER - 1);
	return (bits[b / 64] >> (b % 64)) & 1;
}

static inline int ascii_alnum(unsigned char c)
{
	return (unsigned char)((c | 32) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

/* The end of the run of letters and digits starting at p. */
static size_t word_run(const char *text, size_t p, size_t end)
{
	while (p < end) {
		unsigned char b = (unsigned char)text[p];
		if (b < 0x80) {
			if (!ascii_alnum(b))
				break;
			p++;
			continue;
		}
		unsigned cp;
		size_t k = ner_utf8_next(text, end, p, &cp);
		if (!ner_is_word_char(cp))
			break;
		p += k;
	}
	return p;
}

/* A known form starting at token i of t[0..nt) (a window of the text; t[i-1]
 * is the word before, if any), not running into the next mention (which
 * starts at next_mention): add it as a mention. Returns the end of what was
 * added, or 0. */
static size_t recover_at(const struct ner *n, const struct ner_story *s, struct ner_story *w,
                         size_t di, const char *text,
                         const struct ner_tok *t, size_t i, size_t nt, size_t next_mention,
                         int initial, const uint64_t *known, const uint64_t *prefixes)
{
	if (!(t[i].flags & (NER_TF_CAP | NER_TF_ALLCAPS)) &&
	    !((t[i].flags & NER_TF_LOWER) && t[i].end - t[i].start <= 3))
		return 0;
	size_t lim = nt;
	for (size_t x = i; x < nt; x++)
		if (t[x].end > next_mention) {
			lim = x;
			break;
		}
	uint32_t best = NO_ROOT;
	size_t best_j = i;
	/* the hash of join_tokens(t[i..j)), grown a token at a time */
	uint64_t h = NER_HASH_INIT;
	for (size_t j = i + 1; j <= lim && j - i <= 6; j++) {
		const struct ner_tok *tj = &t[j - 1];
		if (!is_word(tj) && j - 1 > i && (tj->end - tj->start) > 1)
			break;
		if (j - 1 > i && !(tj->flags & NER_TF_CLITIC) && (tj->flags & NER_TF_SPACE))
			h = ner_hash(h, " ", 1);
		h = ner_hash(h, text + tj->start, tj->end - tj->start);
		if (!filter_has(prefixes, h))
			break;   /* no form goes on from here */
		if (!filter_has(known, h))
			continue;
		uint32_t f = form_find_hash(s, h);
		if (f != NO_ROOT && (s->forms[f].count || s->forms[f].tail))
			best = f, best_j = j;
	}
	if (best == NO_ROOT)
		return 0;
	struct form *f = &s->forms[best];
	if (f->ntok == 1 && (initial || !f->noninit) && !f->tail)
		return 0;
	if (!(t[i].flags & (NER_TF_CAP | NER_TF_ALLCAPS)) && f->ntok == 1)
		return 0;
	if (best_j == i + 1 && is_function_word(text + t[i].start, t[i].end - t[i].start))
		return 0;
	/* not a piece of a longer capitalised name */
	const uint32_t title = NER_G_TITLE | NER_G_TITLE_RULE;
	if (best_j < nt && (t[best_j].flags & NER_TF_CAP) && (t[best_j].flags & NER_TF_SPACE) &&
	    !(gaz_phrase(n, w, text, t, best_j, best_j + 1) & title))
		return 0;
	if (i > 0 && !initial && (t[i - 1].flags & NER_TF_CAP) && is_word(&t[i - 1]) &&
	    !(gaz_phrase(n, w, text, t, i - 1, i) & title))
		return 0;
	/* not a piece of a file name (drop_file_names) */
	size_t a = t[i].start, b = t[best_j - 1].end, len = s->docs[di].len;
	if ((a > 0 && text[a - 1] == '_') || (b < len && text[b] == '_'))
		return 0;
	int type = 0;
	for (int ty = 1; ty < NER_NTYPES; ty++)
		if (f->votes[ty] > f->votes[type])
			type = ty;
	add_mention(w, di, text, t, i, best_j, 0, type, n, initial);
	w->m[w->nm - 1].form = best;
	return t[best_j - 1].end;
}

/* Scan units [u0, u1) of story s for forms the tagger missed (see
 * recover()), adding the mentions found to w (s itself, or a worker's
 * scratch story). Each unit is scanned apart: a chunk of units gives what
 * the same units give in one pass. nm0: the tagged mentions of s. */
static void recover_units(const struct ner *n, const struct ner_story *s, struct ner_story *w,
                          size_t u0, size_t u1, size_t nm0, const uint64_t *first_run,
                          const uint64_t *known, const uint64_t *prefixes)
{
	struct ner_toks *ut = &w->unit_toks;
	size_t di = 0, mi = 0, mj = 0;
	for (size_t u = u0; u < u1; u++) {
		int new_doc = u == u0;
		while (s->docs[di].sent_off / 2 + s->docs[di].nsent <= u)
			di++, new_doc = 1;
		/* mj: the first mention of this doc not yet passed. A chunk
		 * starting mid-document starts it at the document's first: it is
		 * only moved on past mentions that end before the current word,
		 * which passes the same ones as a scan from the document's start */
		if (new_doc) {
			while (mi < nm0 && s->m[mi].doc < di)
				mi++;
			mj = mi;
		}
		const struct doc *d = &s->docs[di];
		size_t k = u - d->sent_off / 2;
		size_t a = s->sents[d->sent_off + 2 * k], b = s->sents[d->sent_off + 2 * k + 1];
		if (b > d->len)
			b = d->len;
		size_t p = a, prev_word = (size_t)-1;
		int seen_word = 0;
		/* The words (runs of letters and digits) of the unit, found
		 * through its tokens: a plain token is one word, others are
		 * scanned (`U.S.`, `O'Brien`, `'s`); no word crosses a token
		 * boundary. Words starting before p are passed over. tb: the
		 * first token not before the previous word. */
		unit_tokens(s, d->sent_off / 2 + k, d->text, a, b, ut);
		size_t tb = 0;
		for (size_t ti = 0; ti < ut->n; ti++) {
			size_t r = ut->t[ti].start, r_end = ut->t[ti].end;
			unsigned r_flags = ut->t[ti].flags;
			if (r_end <= p)
				continue;
			while (r < r_end) {
				size_t q;
				if ((r_flags & NER_TF_PLAIN) && r == ut->t[ti].start) {
					q = r_end;
				} else {
					unsigned char byte = (unsigned char)d->text[r];
					if (byte < 0x80) {
						if (!ascii_alnum(byte)) {
							r++;
							continue;
						}
					} else {
						unsigned cp;
						size_t cl = ner_utf8_next(d->text, r_end, r, &cp);
						if (!ner_is_word_char(cp)) {
							r += cl;
							continue;
						}
					}
					q = word_run(d->text, r, r_end);
				}
				size_t here = r;
				r = q;
				if (here < p)
					continue;
				int initial = !seen_word;
				seen_word = 1;
				size_t before = prev_word;
				prev_word = here;
				p = q;
				while (mj < nm0 && s->m[mj].doc == di && s->m[mj].end <= here)
					mj++;
				/* names start with a capital or a short particle (`de`) */
				unsigned char c0 = (unsigned char)d->text[here];
				if (c0 >= 'a' && c0 <= 'z' ? q - here > 3 : (c0 < 0x80 && !(c0 >= 'A' && c0 <= 'Z')))
					continue;
				if (mj < nm0 && s->m[mj].doc == di && s->m[mj].start < q)
					continue;   /* inside a mention */
				if (!filter_has(first_run, ner_hash(NER_HASH_INIT, d->text + here, q - here)))
					continue;
				/* a window of tokens: the word before, this one and six
				 * more, taken from the unit's tokens when the word before
				 * starts a token there (tokens never depend on the text
				 * before them), else tokenised apart as it always was */
				size_t from = before != (size_t)-1 ? before : here;
				while (tb < ut->n && ut->t[tb].start < from)
					tb++;
				struct ner_tok *t;
				size_t nt;
				if (tb < ut->n && ut->t[tb].start == from) {
					t = ut->t + tb;
					nt = ut->n - tb < 9 ? ut->n - tb : 9;
				} else {
					w->toks.n = 0;
					ner_tokenize_max(d->text, from, b, &w->toks, 9);
					t = w->toks.t;
					nt = w->toks.n;
				}
				size_t i = 0;
				while (i < nt && t[i].start < here)
					i++;
				if (i == nt || t[i].start != here)
					continue;
				size_t end = recover_at(n, s, w, di, d->text, t, i, nt, mj < nm0 && s->m[mj].doc == di ?
				                        s->m[mj].start : (size_t)-1, initial, known, prefixes);
				if (end > p)
					p = end;
			}
		}
	}
}

struct recover_job {
	const struct ner *n;
	const struct ner_story *s;
	struct chunk *chunks;
	size_t nchunks, nm0;
	const uint64_t *first_run, *known, *prefixes;
	atomic_size_t next;
};

struct recover_worker {
	struct recover_job *job;
	struct ner_story *w;
};

/* Scan chunks, taken in turn, until none is left. */
static void *recover_worker_run(void *arg)
{
	struct recover_worker *rw = arg;
	struct recover_job *job = rw->job;
	for (;;) {
		size_t c = atomic_fetch_add(&job->next, 1);
		if (c >= job->nchunks)
			break;
		struct chunk *ch = &job->chunks[c];
		ch->nm = 0;
		swap_output(rw->w, ch);
		recover_units(job->n, job->s, rw->w, ch->u0, ch->u1, job->nm0, job->first_run, job->known,
		              job->prefixes);
		swap_output(rw->w, ch);
	}
	return NULL;
}

/* Scan all units of story s for missed forms: on the story's threads, in
 * chunks whose mentions are appended in unit order (the same as one pass). */
static void recover_pending(const struct ner *n, struct ner_story *s, size_t nm0,
                            const uint64_t *first_run, const uint64_t *known,
                            const uint64_t *prefixes)
{
	size_t nc = plan_chunks(s, 0, s->nsents / 2);
	if (!nc) {
		recover_units(n, s, s, 0, s->nsents / 2, nm0, first_run, known, prefixes);
		return;
	}
	struct recover_job job = {n, s, s->chunks, nc, nm0, first_run, known, prefixes, 0};
	struct recover_worker rw[NER_MAX_THREADS];
	pthread_t tid[NER_MAX_THREADS];
	unsigned started = 0;
	for (unsigned i = 0; i < s->nthreads; i++)
		rw[i] = (struct recover_worker){&job, s->workers[i]};
	for (unsigned i = 1; i < s->nthreads; i++) {
		if (pthread_create(&tid[i], NULL, recover_worker_run, &rw[i]) != 0)
			break;
		started = i;
	}
	recover_worker_run(&rw[0]);
	for (unsigned i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
	for (size_t c = 0; c < nc; c++) {
		const struct chunk *ch = &s->chunks[c];
		GROW(s->m, s->m_cap, s->nm + ch->nm);
		memcpy(s->m + s->nm, ch->m, ch->nm * sizeof *ch->m);
		s->nm += ch->nm;
	}
}

/* Find tagged names again where the tagger missed them (the document-level
 * consistency of a human reader: a name is a name everywhere). */
static void recover(const struct ner *n, struct ner_story *s)
{
	size_t nm0 = s->nm;
	/* the tails of people's names are names too: `Zebari`, `de Hoop Scheffer` */
	size_t nf0 = s->nforms;
	for (size_t f = 0; f < nf0; f++) {
		if (s->forms[f].type != NER_PER || s->forms[f].ntok < 2)
			continue;
		size_t off = s->forms[f].off, len = s->forms[f].len;
		tokenize_str(s, s->arena + off, len);
		size_t nt = s->toks.n;
		for (size_t k = 1; k < nt; k++) {
			const struct ner_tok *t = &s->toks.t[k];
			const char *p = s->arena + off;
			if (!(t->flags & NER_TF_SPACE) || is_initial_tok(p, t) || !is_word(t) ||
			    !((t->flags & NER_TF_CAP) || t->end - t->start <= 3))
				continue;
			char buf[128];
			if (len - t->start >= sizeof buf)
				continue;
			memcpy(buf, p + t->start, len - t->start);
			size_t start = t->start;
			uint32_t g = form_get(s, buf, len - start, (unsigned)(nt - k), 1);
			if (s->forms[g].type < 0)
				s->forms[g].type = NER_PER;
			if (s->forms[g].type == NER_PER)
				s->forms[g].tail = 1;
		}
	}
	/* a bit filter over the first letter runs of the forms (`U` of `U.S.`,
	 * `Coca` of `Coca-Cola`): the text is scanned for word starts that pass
	 * it, and only there tokenised */
	uint64_t *first_run = ner_xcalloc(RUN_FILTER / 64, sizeof *first_run);
	uint64_t *known = ner_xcalloc(RUN_FILTER / 64, sizeof *known);
	/* and over the forms' beginnings that end a token (`Hoshyar` of
	 * `Hoshyar Zebari`): a window whose tokens so far begin no form needs
	 * no longer look (a form is its tokens joined, and tokenises back into
	 * them) */
	uint64_t *prefixes = ner_xcalloc(RUN_FILTER / 64, sizeof *prefixes);
	for (size_t f = 0; f < s->nforms; f++) {
		const char *p = form_str(s, &s->forms[f]);
		filter_add(first_run, ner_hash(NER_HASH_INIT, p, word_run(p, 0, s->forms[f].len)));
		if (!s->forms[f].count && !s->forms[f].tail)
			continue;
		filter_add(known, ner_hash(NER_HASH_INIT, p, s->forms[f].len));
		tokenize_str(s, p, s->forms[f].len);
		uint64_t h = NER_HASH_INIT;
		size_t done = 0;
		for (size_t k = 0; k < s->toks.n; k++) {
			h = ner_hash(h, p + done, s->toks.t[k].end - done);
			done = s->toks.t[k].end;
			filter_add(prefixes, h);
		}
	}
	recover_pending(n, s, nm0, first_run, known, prefixes);
	for (size_t i = nm0; i < s->nm; i++)
		s->forms[s->m[i].form].count++;
	free(first_run);
	free(known);
	free(prefixes);
}


static int is_small_word(const char *p, size_t n)
{
	static const char *const w[] = {"of", "the", "and", "for", "de", "du", "des", "la", "le",
	                                "on", "in", "&", "an", "a", "at", "to", NULL};
	return ner_in_list(w, p, n);
}

/* Put a key in a "unique owner" map: value root+1, or NO_ROOT when two
 * different entities claim it. */
static void claim(struct ner_map *m, uint64_t key, uint32_t root)
{
	uint32_t *v = ner_map_put(m, key);
	if (!*v)
		*v = root + 1;
	else if (*v != NO_ROOT && *v != root + 1)
		*v = NO_ROOT;
}

static uint32_t owner(const struct ner_map *m, uint64_t key)
{
	uint32_t *v = ner_map_get(m, key);
	return v && *v != NO_ROOT ? *v - 1 : NO_ROOT;
}

/* People: the same full name with a nickname or without middle initials,
 * then surnames (and longer tails: `de Hoop Scheffer`) to the one full name
 * that ends so. */
static void link_people(const struct ner *n, struct ner_story *s)
{
	struct ner_map keys, tails;
	ner_map_init(&keys);
	ner_map_init(&tails);
	size_t nf = s->nforms;
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form *f = &s->forms[fi];
		if (f->type != NER_PER || f->ntok < 2)
			continue;
		const char *p = form_str(s, f);
		tokenize_str(s, p, f->len);
		uint64_t h = NER_HASH_INIT;
		size_t vl;
		const struct ner_tok *t = s->toks.t;
		const char *full = pair_get(&n->nick, news_data_ner_nicknames, news_data_ner_nicknames_len,
		                            p + t[0].start, t[0].end - t[0].start, &vl);
		if (full)
			h = ner_hash(h, full, vl);
		else
			h = ner_hash(h, p + t[0].start, t[0].end - t[0].start);
		for (size_t k = 1; k < s->toks.n; k++)
			if (!is_initial_tok(p, &t[k])) {
				h = ner_hash(h, " ", 1);
				h = ner_hash(h, p + t[k].start, t[k].end - t[k].start);
			}
		uint32_t *v = ner_map_put(&keys, h);
		if (*v)
			unite(s, *v - 1, fi);
		else
			*v = fi + 1;
	}
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form *f = &s->forms[fi];
		if (f->type != NER_PER || f->ntok < 2)
			continue;
		const char *p = form_str(s, f);
		tokenize_str(s, p, f->len);
		for (size_t k = 1; k < s->toks.n; k++) {
			if (is_initial_tok(p, &s->toks.t[k]) || (s->toks.t[k].flags & NER_TF_CLITIC))
				continue;
			size_t a = s->toks.t[k].start;
			claim(&tails, ner_hash(NER_HASH_INIT, p + a, f->len - a), find(s, fi));
		}
	}
	/* the first word alone names the person when no one else has it as
	 * first word or surname (`Saddam` = `Saddam Hussein`) */
	struct ner_map heads;
	ner_map_init(&heads);
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form *f = &s->forms[fi];
		if (f->type != NER_PER || f->ntok < 2)
			continue;
		const char *p = form_str(s, f);
		tokenize_str(s, p, f->len);
		claim(&heads, ner_hash(NER_HASH_INIT, p, s->toks.t[0].end), find(s, fi));
	}
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form *f = &s->forms[fi];
		if (f->type != NER_PER)
			continue;
		uint64_t h = ner_hash(NER_HASH_INIT, form_str(s, f), f->len);
		uint32_t o = owner(&tails, h);
		if (o == NO_ROOT && f->ntok == 1 && !ner_map_get(&tails, h))
			o = owner(&heads, h);
		if (o != NO_ROOT)
			unite(s, o, fi);
	}
	ner_map_free(&heads);
	ner_map_free(&keys);
	ner_map_free(&tails);
}

/* Letters of an acronym form (`NATO`, `U.N.`) into out, or 0. */
static size_t acronym_letters(const char *p, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c >= 'A' && c <= 'Z') {
			if (k == 8)
				return 0;
			out[k++] = c;
		} else if (c != '.' && c != '&') {
			return 0;
		}
	}
	return k >= 2 ? k : 0;
}

/* Acronyms to their expansions in the story: `NATO` = `North Atlantic
 * Treaty Organization`, `EU` = `European Union`. */
static void link_acronyms(struct ner_story *s)
{
	struct ner_map exp;
	ner_map_init(&exp);
	size_t nf = s->nforms;
	char acr[8], acr2[8];
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form *f = &s->forms[fi];
		if (f->type == NER_PER || f->ntok < 2 || !f->count)
			continue;
		const char *p = form_str(s, f);
		tokenize_str(s, p, f->len);
		size_t k1 = 0, k2 = 0;
		for (size_t k = 0; k < s->toks.n; k++) {
			const struct ner_tok *t = &s->toks.t[k];
			if (!is_word(t))
				continue;
			char c = p[t->start];
			if (c >= 'a' && c <= 'z')
				c = (char)(c - 32);
			if (!(c >= 'A' && c <= 'Z'))
				continue;
			if (k2 < 8)
				acr2[k2++] = c;
			if (!is_small_word(p + t->start, t->end - t->start) && k1 < 8)
				acr[k1++] = c;
		}
		if (k1 >= 2)
			claim(&exp, ner_hash(7, acr, k1), find(s, fi));
		if (k2 >= 2 && k2 != k1)
			claim(&exp, ner_hash(7, acr2, k2), find(s, fi));
	}
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form *f = &s->forms[fi];
		if (f->ntok != 1 || f->type == NER_PER)
			continue;
		size_t k = acronym_letters(form_str(s, f), f->len, acr);
		if (!k)
			continue;
		uint32_t o = owner(&exp, ner_hash(7, acr, k));
		if (o != NO_ROOT)
			unite(s, o, fi);
	}
	ner_map_free(&exp);
}

/* Known aliases (U.S. = US = United States), demonym plurals (Iraqis =
 * Iraqi), and one-letter slips (a swapped or dropped letter: Bagdhad). */
static void link_aliases(const struct ner *n, struct ner_story *s)
{
	size_t nf = s->nforms;
	/* a name written in lower case (`florida`, web text) or in capitals is
	 * the name */
	struct ner_map folded;
	ner_map_init(&folded);
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t fi = 0; fi < nf; fi++) {
			const struct form *f = &s->forms[fi];
			const char *p = form_str(s, f);
			int upper = 0, lower = 0;
			uint64_t h = NER_HASH_INIT;
			for (size_t i = 0; i < f->len; i++) {
				char c = p[i];
				if (c >= 'A' && c <= 'Z') {
					upper = 1;
					c = (char)(c + 32);
				} else if (c >= 'a' && c <= 'z') {
					lower = 1;
				}
				h = ner_hash(h, &c, 1);
			}
			/* mixed case is how a name is written; all lower or all
			 * capitals (`BRUSSELS` of a dateline) is the same name */
			int mixed = upper && lower;
			if (pass == 0 && mixed)
				claim(&folded, h, find(s, fi));
			else if (pass == 1 && !mixed) {
				uint32_t o = owner(&folded, h);
				if (o != NO_ROOT)
					unite(s, o, fi);
			}
		}
	ner_map_free(&folded);
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form f = s->forms[fi];
		const char *p = form_str(s, &f);
		size_t vl;
		const char *v = pair_get(&n->alias, news_data_ner_aliases, news_data_ner_aliases_len,
		                         p, f.len, &vl);
		if (v) {
			tokenize_str(s, v, vl);
			uint32_t t = form_get(s, v, vl, (unsigned)s->toks.n, 1);
			s->forms[t].pref = 1;
			if (s->forms[t].type < 0)
				s->forms[t].type = f.type;
			unite(s, t, fi);
			continue;
		}
		if (f.ntok == 1 && f.len > 3 && p[f.len - 1] == 's' && f.type == NER_MISC) {
			struct ner_tok one = {0, f.len - 1, 0};
			if (gaz_phrase(n, s, p, &one, 0, 1) & NER_G_DEMONYM) {
				char buf[64];
				if (f.len - 1 < sizeof buf) {
					memcpy(buf, p, f.len - 1);
					uint32_t t = form_get(s, buf, f.len - 1, 1, 1);
					s->forms[t].pref = 1;
					if (s->forms[t].type < 0)
						s->forms[t].type = f.type;
					unite(s, t, fi);
				}
			}
		}
	}
	/* slips: single-word forms of 5 or more letters, seen at most twice */
	char buf[64];
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form f = s->forms[fi];
		if (f.ntok != 1 || f.len < 5 || f.len >= sizeof buf || f.count > 2 || f.type == NER_MISC)
			continue;
		char orig[64];
		memcpy(orig, form_str(s, &f), f.len);
		const char *p = orig;
		struct ner_tok one = {0, f.len, 0};
		int known = gaz_phrase(n, s, p, &one, 0, 1) != 0;
		uint32_t target = NO_ROOT;
		for (size_t k = 1; k + 1 < f.len && target == NO_ROOT; k++) {
			/* swap k, k+1 (ASCII letters only) */
			if ((unsigned char)p[k] >= 128 || (unsigned char)p[k + 1] >= 128 || p[k] == p[k + 1])
				continue;
			memcpy(buf, p, f.len);
			buf[k] = p[k + 1];
			buf[k + 1] = p[k];
			uint32_t t = form_get(s, buf, f.len, 1, 0);
			if (t != NO_ROOT && s->forms[t].type == f.type && s->forms[t].count > f.count) {
				target = t;
				break;
			}
			struct ner_tok tk = {0, f.len, 0};
			/* a word no list knows, one swap away from a country or city,
			 * is that place misspelt (whatever the tagger thought) */
			if (!known && (gaz_phrase(n, s, buf, &tk, 0, 1) & (NER_G_CITY | NER_G_COUNTRY))) {
				target = form_get(s, buf, f.len, 1, 1);
				s->forms[target].pref = 1;
				s->forms[target].type = NER_LOC;
				s->forms[fi].type = NER_LOC;
			}
		}
		if (target != NO_ROOT)
			unite(s, target, fi);
	}
}

static int is_legal_suffix(const char *p, size_t n)
{
	static const char *const w[] = {"Corp.", "Corporation", "Co.", "Cos.", "Inc.", "Ltd.",
	                                "LLC", "PLC", "plc", "Plc", "AG", "GmbH", "N.V.", "S.A.",
	                                "S.p.A.", "Incorporated", "Limited", NULL};
	return ner_in_list(w, p, n);
}

/* Companies: `Xerox` = `Xerox Corp.`, `General Motors` = `General Motors
 * Corp.`; the legal name marks the entity an organisation. */
static void link_companies(struct ner_story *s)
{
	size_t nf = s->nforms;
	struct ner_map heads;
	ner_map_init(&heads);
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form *f = &s->forms[fi];
		if (f->ntok < 2 || !f->count)
			continue;
		const char *p = form_str(s, f);
		tokenize_str(s, p, f->len);
		const struct ner_tok *last = &s->toks.t[s->toks.n - 1];
		if (!is_legal_suffix(p + last->start, last->end - last->start))
			continue;
		f->company = 1;
		size_t k = s->toks.n - 1;
		if (k > 1 && p[s->toks.t[k - 1].start] == ',')
			k--;
		size_t stem = s->toks.t[k - 1].end;
		uint32_t o = form_get(s, form_str(s, &s->forms[fi]), stem, 0, 0);
		if (o != NO_ROOT)
			unite(s, o, fi);
		if (k > 1)
			claim(&heads, ner_hash(NER_HASH_INIT, p, s->toks.t[0].end), find(s, fi));
	}
	/* the first word alone, when one company has it: `Compaq` */
	for (uint32_t fi = 0; fi < nf; fi++) {
		struct form *f = &s->forms[fi];
		if (f->ntok != 1 || f->type != NER_ORG)
			continue;
		uint32_t o = owner(&heads, ner_hash(NER_HASH_INIT, form_str(s, f), f->len));
		if (o != NO_ROOT)
			unite(s, o, fi);
	}
	ner_map_free(&heads);
}

static long canon_score(const struct ner *n, const struct ner_story *s, const struct form *f)
{
	const char *p = form_str(s, f);
	int lower = 0;
	for (size_t i = 0; i < f->len; i++)
		if (p[i] >= 'a' && p[i] <= 'z')
			lower = 1;
	long sc = lower ? 1000000 : 0;
	if (f->len && p[0] >= 'A' && p[0] <= 'Z')
		sc += 200000;   /* `Florida` over `florida` */
	if (f->type == NER_PER) {
		/* the full given name over its short form: Gregory, not Greg */
		const char *sp = memchr(p, ' ', f->len);
		size_t vl;
		if (sp && !pair_get(&n->nick, news_data_ner_nicknames, news_data_ner_nicknames_len,
		                    p, (size_t)(sp - p), &vl))
			sc += 5000;
	}
	sc += f->pref ? 500000 : 0;
	sc += (long)(f->type == NER_PER ? f->ntok : f->ntok > 1) * 10000;
	sc += f->count < 9999 ? f->count : 9999;
	return sc;
}

/* Order the mentions by document and span, as a stable sort would. The
 * tagged ones (before `tagged`) are nearly always in order already, and the
 * recovered ones after them are fewer: sort those and merge (ties from the
 * first run first, so the result is the stable sort's). */
static void sort_mentions(struct ner_story *s, size_t tagged)
{
	size_t nm = s->nm;
	int in_order = 1;
	for (size_t i = 1; i < tagged && in_order; i++)
		in_order = cmp_mention(&s->m[i - 1], &s->m[i]) <= 0;
	if (!in_order || nm - tagged > tagged) {
		if (nm)
			qsort(s->m, nm, sizeof *s->m, cmp_mention);
		return;
	}
	if (nm == tagged)
		return;
	qsort(s->m + tagged, nm - tagged, sizeof *s->m, cmp_mention);
	if (cmp_mention(&s->m[tagged - 1], &s->m[tagged]) <= 0)
		return;
	struct ner_mention *tail = ner_xmalloc((nm - tagged) * sizeof *tail);
	memcpy(tail, s->m + tagged, (nm - tagged) * sizeof *tail);
	/* merge from the back: the larger last element goes last; on ties the
	 * tail's (the later run's) goes after the tagged one's */
	size_t i = tagged, j = nm - tagged, k = nm;
	while (j > 0) {
		if (i > 0 && cmp_mention(&s->m[i - 1], &tail[j - 1]) > 0)
			s->m[--k] = s->m[--i];
		else
			s->m[--k] = tail[--j];
	}
	free(tail);
}

void ner_story_resolve(const struct ner *n, struct ner_story *s)
{
	tag_pending(n, s);
	ner_map_free(&s->form_map);
	s->nforms = s->arena_len = 0;
	collect_forms(s);
	for (size_t i = 0; i < s->nforms; i++) {
		struct form *f = &s->forms[i];
		f->type = 0;
		for (int ty = 1; ty < NER_NTYPES; ty++)
			if (f->votes[ty] > f->votes[f->type])
				f->type = ty;
		/* a country or city standing for its government is still a place
		 * (CoNLL): `Brussels`, `Washington` said */
		if (f->type != NER_PER) {
			tokenize_str(s, form_str(s, f), f->len);
			uint32_t g = gaz_phrase(n, s, form_str(s, f), s->toks.t, 0, s->toks.n);
			size_t vl;
			const char *v = pair_get(&n->alias, news_data_ner_aliases, news_data_ner_aliases_len,
			                         form_str(s, f), f->len, &vl);
			if (v) {
				/* an alias has the type of what it stands for */
				tokenize_str(s, v, vl);
				g = gaz_phrase(n, s, v, s->toks.t, 0, s->toks.n);
				if ((g & NER_G_COUNTRY) && f->type != NER_LOC && f->type != NER_MISC) {
					f->votes[NER_LOC] += f->votes[f->type];
					f->votes[f->type] = 0;
					f->type = NER_LOC;
				}
			}
			int to = -1;
			if (f->type == NER_ORG && (g & (NER_G_COUNTRY | NER_G_CITY | NER_G_LOCATION)) &&
			    !(g & (NER_G_ORG | NER_G_ORGWORD)))
				to = NER_LOC;
			/* nationalities are MISC */
			if ((g & NER_G_DEMONYM) && !(g & (NER_G_COUNTRY | NER_G_CITY | NER_G_ORG)))
				to = NER_MISC;
			if (to >= 0 && to != f->type) {
				f->votes[to] += f->votes[f->type];
				f->votes[f->type] = 0;
				f->type = to;
			}
		}
	}
	size_t tagged = s->nm;
	recover(n, s);
	sort_mentions(s, tagged);
	link_people(n, s);
	link_acronyms(s);
	link_aliases(n, s);
	link_companies(s);
	/* each entity: the type most mentions have, the best form as its name */
	size_t nf = s->nforms;
	unsigned *tv = ner_xcalloc(nf * NER_NTYPES, sizeof *tv);
	uint32_t *best = ner_xmalloc(nf * sizeof *best);
	for (uint32_t i = 0; i < nf; i++)
		best[i] = NO_ROOT;
	for (size_t i = 0; i < s->nm; i++) {
		uint32_t r = find(s, (uint32_t)s->m[i].form);
		int ft = s->forms[s->m[i].form].type;
		tv[(size_t)r * NER_NTYPES + (size_t)(ft >= 0 ? ft : s->m[i].type)]++;
	}
	for (uint32_t i = 0; i < nf; i++) {
		uint32_t r = find(s, i);
		if (best[r] == NO_ROOT || canon_score(n, s, &s->forms[i]) > canon_score(n, s, &s->forms[best[r]]) ||
		    (canon_score(n, s, &s->forms[i]) == canon_score(n, s, &s->forms[best[r]]) &&
		     strcmp(form_str(s, &s->forms[i]), form_str(s, &s->forms[best[r]])) < 0))
			best[r] = i;
	}
	/* a company's legal name makes all its mentions organisations */
	for (uint32_t i = 0; i < nf; i++)
		if (s->forms[i].company)
			tv[(size_t)find(s, i) * NER_NTYPES + NER_ORG] += 1000;
	for (size_t i = 0; i < s->nm; i++) {
		uint32_t r = find(s, (uint32_t)s->m[i].form);
		int type = 0;
		for (int ty = 1; ty < NER_NTYPES; ty++)
			if (tv[(size_t)r * NER_NTYPES + (size_t)ty] > tv[(size_t)r * NER_NTYPES + (size_t)type])
				type = ty;
		s->m[i].type = type;
		s->m[i].form = best[r];
	}
	free(tv);
	free(best);
}

const char *ner_story_canon(const struct ner_story *s, size_t i)
{
	return form_str(s, &s->forms[s->m[i].form]);
}
