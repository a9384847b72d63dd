/* ner_feat: see ner_feat.h. */
#include "ner_feat.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

const char *const ner_type_names[NER_NTYPES] = {"PERSON", "ORG", "LOC", "MISC"};

/* ------------------------------------------------------------ gazetteer */

void ner_gaz_init(struct ner_gaz *g)
{
	ner_map_init(&g->map);
	g->first = ner_xcalloc(NER_GAZ_FILTER_BITS / 64, sizeof *g->first);
	g->phrases = ner_xcalloc(NER_GAZ_FILTER_BITS / 64, sizeof *g->phrases);
	g->maxlen = 0;
}

void ner_gaz_free(struct ner_gaz *g)
{
	ner_map_free(&g->map);
	free(g->first);
	free(g->phrases);
	g->first = NULL;
	g->phrases = NULL;
}

static const uint32_t letter_bits[26] = {
	['c' - 'a'] = NER_G_COUNTRY, ['d' - 'a'] = NER_G_DEMONYM, ['g' - 'a'] = NER_G_GIVEN,
	['k' - 'a'] = NER_G_COMPANY, ['l' - 'a'] = NER_G_LOCATION, ['m' - 'a'] = NER_G_MISC,
	['o' - 'a'] = NER_G_ORG, ['p' - 'a'] = NER_G_PERSON, ['r' - 'a'] = NER_G_REGION,
	['s' - 'a'] = NER_G_PNAME, ['t' - 'a'] = NER_G_CITY, ['w' - 'a'] = NER_G_CAPWORD,
};

/* The bit of a phrase (two tokens or more) in the filter of phrases. */
static inline uint64_t gaz_phrase_bit(uint64_t h)
{
	return (ner_mix(h) >> 40) & (NER_GAZ_FILTER_BITS - 1);
}

static void gaz_put(struct ner_gaz *g, const char *name, size_t n, uint32_t bits,
                    struct ner_toks *tv)
{
	tv->n = 0;
	ner_tokenize(name, 0, n, tv);
	if (!tv->n)
		return;
	uint64_t h = NER_HASH_INIT;
	for (size_t i = 0; i < tv->n; i++) {
		if (i)
			h = ner_hash(h, " ", 1);
		h = ner_hash(h, name + tv->t[i].start, tv->t[i].end - tv->t[i].start);
		uint32_t *v = ner_map_put(&g->map, h);
		*v |= i + 1 == tv->n ? (bits | NER_G_ENTRY) : NER_G_PREFIX;
		if (i == 0) {
			uint64_t b = ner_mix(h) & (NER_GAZ_FILTER_BITS - 1);
			g->first[b / 64] |= 1ULL << (b % 64);
		} else {
			uint64_t b = gaz_phrase_bit(h);
			g->phrases[b / 64] |= 1ULL << (b % 64);
		}
	}
	if (tv->n > g->maxlen)
		g->maxlen = (unsigned)tv->n;
}

static void gaz_add(struct ner_gaz *g, const char *data, size_t len, uint32_t fixed)
{
	/* about two keys a line (its words' prefixes, a lower-cased copy) */
	size_t lines = 0;
	for (const char *p = data; (p = memchr(p, '\n', len - (size_t)(p - data))) != NULL; p++)
		lines++;
	ner_map_reserve(&g->map, g->map.n + 2 * lines);
	struct ner_toks tv = {0};
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - data) : len;
		const char *line = data + i;
		size_t ll = e - i;
		i = e + 1;
		if (!ll || line[0] == '#')
			continue;
		const char *tab = memchr(line, '\t', ll);
		size_t nn = tab ? (size_t)(tab - line) : ll;
		uint32_t bits = fixed;
		if (tab && !fixed)
			for (const char *p = tab + 1; p < line + ll; p++)
				if (*p >= 'a' && *p <= 'z')
					bits |= letter_bits[*p - 'a'];
		if (bits)
			gaz_put(g, line, nn, bits, &tv);
		/* web and social text writes places and first names in lower case */
		uint32_t lowbits = bits & (NER_G_COUNTRY | NER_G_CITY | NER_G_REGION | NER_G_GIVEN);
		if (lowbits && nn < 64) {
			char low[64];
			int changed = 0;
			for (size_t k = 0; k < nn; k++) {
				char c = line[k];
				if (c >= 'A' && c <= 'Z') {
					c = (char)(c + 32);
					changed = 1;
				}
				low[k] = c;
			}
			if (changed)
				gaz_put(g, low, nn, lowbits | NER_G_FOLDED, &tv);
		}
	}
	ner_toks_free(&tv);
}

void ner_gaz_add_tsv(struct ner_gaz *g, const char *data, size_t len)
{
	gaz_add(g, data, len, 0);
}

void ner_gaz_add_list(struct ner_gaz *g, const char *data, size_t len, uint32_t bits)
{
	gaz_add(g, data, len, bits);
}

uint32_t ner_gaz_phrase(const struct ner_gaz *g, const char *text,
                        const struct ner_tok *t, size_t i, size_t j)
{
	uint64_t h = NER_HASH_INIT;
	for (size_t k = i; k < j; k++) {
		if (k > i)
			h = ner_hash(h, " ", 1);
		h = ner_hash(h, text + t[k].start, t[k].end - t[k].start);
		if (k == i) {
			uint64_t b = ner_mix(h) & (NER_GAZ_FILTER_BITS - 1);
			if (!(g->first[b / 64] & (1ULL << (b % 64))))
				return 0;   /* no entry starts so: spare the table a miss */
		}
	}
	uint32_t *v = ner_map_get(&g->map, h);
	return v && (*v & NER_G_ENTRY) ? *v & ~(NER_G_ENTRY | NER_G_PREFIX) : 0;
}

/* ------------------------------------------------------------ sentences */

/* The map value of h, a first token or (phrase set) a longer phrase, 0 if
 * none; the filters spare the big table most misses. */
static uint32_t gaz_lookup(const struct ner_gaz *g, uint64_t h, int phrase)
{
	uint64_t b = phrase ? gaz_phrase_bit(h) : ner_mix(h) & (NER_GAZ_FILTER_BITS - 1);
	const uint64_t *filter = phrase ? g->phrases : g->first;
	if (!(filter[b / 64] & (1ULL << (b % 64))))
		return 0;
	const uint32_t *p = ner_map_get(&g->map, h);
	return p ? *p : 0;
}

static void memo_for(struct ner_sent *s, const struct ner_gaz *g)
{
	if (!s->memo)
		s->memo = ner_xmalloc(NER_MEMO_SIZE * sizeof *s->memo);
	if (s->memo_gaz != g) {
		memset(s->memo, 0, NER_MEMO_SIZE * sizeof *s->memo);
		s->memo_gaz = g;
	}
}

/* The memo holds map values by phrase hash. A phrase whose first token
 * fails the filter has no entry (every entry's first token is in it), so
 * the filter is only a shortcut and the memo's answer is the map's. */
uint32_t ner_gaz_phrase_memo(struct ner_sent *s, const struct ner_gaz *g, const char *text,
                             const struct ner_tok *t, size_t i, size_t j)
{
	memo_for(s, g);
	uint64_t h = NER_HASH_INIT;
	for (size_t k = i; k < j; k++) {
		if (k > i)
			h = ner_hash(h, " ", 1);
		h = ner_hash(h, text + t[k].start, t[k].end - t[k].start);
		if (k == i && j > i + 1) {
			uint64_t b = ner_mix(h) & (NER_GAZ_FILTER_BITS - 1);
			if (!(g->first[b / 64] & (1ULL << (b % 64))))
				return 0;
		}
	}
	if (i == j)
		return 0;
	struct ner_gaz_memo *e = &s->memo[(h ^ (h >> 29)) & (NER_MEMO_SIZE - 1)];
	uint32_t v;
	if (h && e->key == h) {
		v = e->val;
	} else {
		v = gaz_lookup(g, h, j > i + 1);
		e->key = h;
		e->val = v;
	}
	return v & NER_G_ENTRY ? v & ~(NER_G_ENTRY | NER_G_PREFIX) : 0;
}

void ner_sent_init(struct ner_sent *s)
{
	memset(s, 0, sizeof *s);
}

void ner_sent_free(struct ner_sent *s)
{
	free(s->word);
	free(s->shape);
	free(s->affix);
	free(s->gaz_b);
	free(s->gaz_i);
	free(s->gaz_1);
	free(s->gaz_end);
	free(s->init);
	free(s->cand);
	free(s->cont);
	free(s->hashed);
	free(s->lowcand);
	free(s->label);
	free(s->bp);
	free(s->probe);
	free(s->memo);
	free(s->types);
	free(s->labs);
	ner_sent_init(s);
}

/* Lower-case words that start or continue names: de, van, al, bin ... */
static int is_particle(const char *w, size_t n)
{
	switch (n) {
	case 1:
		return w[0] == 'y';
	case 2:
		switch (w[0]) {
		case 'd': return strchr("eiau", w[1]) != NULL;
		case 'a': case 'e': return w[1] == 'l';
		case 'l': return w[1] == 'a' || w[1] == 'e';
		case 's': return w[1] == 't';
		default: return 0;
		}
	case 3:
		switch (w[0]) {
		case 'v': return !memcmp(w, "van", 3) || !memcmp(w, "von", 3);
		case 'd': return !memcmp(w, "der", 3) || !memcmp(w, "den", 3) || !memcmp(w, "del", 3) ||
		                 !memcmp(w, "dos", 3) || !memcmp(w, "das", 3);
		case 'b': return !memcmp(w, "bin", 3) || !memcmp(w, "ben", 3);
		case 'i': return !memcmp(w, "ibn", 3);
		case 't': return !memcmp(w, "ter", 3) || !memcmp(w, "ten", 3);
		case 'a': return !memcmp(w, "abu", 3);
		default: return 0;
		}
	case 5:
		return !memcmp(w, "della", 5);
	default:
		return 0;
	}
}

/* Is w[0..n) the string lit (a literal)? */
#define IS(lit) (n == sizeof lit - 1 && !memcmp(w, lit, sizeof lit - 1))

/* Lower-case words inside names: of, and, the, de, van, bin ... (by first
 * letter: every token asks) */
static int is_connector(const char *w, size_t n)
{
	if (n > 4 || !n)
		return 0;
	switch (w[0]) {
	case 'a': return IS("and") || IS("at") || IS("am") || IS("an") || IS("al");
	case 'b': return IS("bin") || IS("ben");
	case 'd': return IS("des") || IS("del") || IS("der") || IS("du") || IS("de") ||
	                 IS("da") || IS("dos") || IS("das") || IS("di");
	case 'e': return IS("e") || IS("el");
	case 'f': return IS("for");
	case 'i': return IS("in") || IS("ibn");
	case 'l': return IS("la") || IS("le");
	case 'o': return IS("of") || IS("on");
	case 't': return IS("the") || IS("to");
	case 'u': return IS("upon");
	case 'v': return IS("von") || IS("van");
	case 'y': return IS("y");
	default: return 0;
	}
}
#undef IS

/* Word hash over the lower-cased word with digits as 0; shape hash over
 * character classes with runs collapsed (Xx, X.X., dd-dd); affix hashes
 * unless affix is NULL. */
static void token_hashes(const char *text, const struct ner_tok *t, uint64_t *word,
                         uint64_t *shape, uint64_t *affix)
{
	char low[48], shp[16];
	size_t nl = 0, ns = 0, nchars = 0;
	size_t cstart[48];
	size_t i = t->start;
	char last = 0;
	while (i < t->end) {
		unsigned c;
		size_t k = ner_utf8_step(text, t->end, i, &c);
		char cls;
		if (c < 128) {
			unsigned char b = (unsigned char)c;
			if (b >= 'A' && b <= 'Z') { cls = 'X'; b = (unsigned char)(b + 32); }
			else if (b >= 'a' && b <= 'z') cls = 'x';
			else if (b >= '0' && b <= '9') { cls = 'd'; b = '0'; }
			else cls = (char)b;
			if (nl < sizeof low - 1) {
				if (nchars < 48)
					cstart[nchars] = nl;
				low[nl++] = (char)b;
				nchars++;
			}
		} else {
			utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);
			cls = cat == UTF8PROC_CATEGORY_LU ? 'X' : cat == UTF8PROC_CATEGORY_LL ? 'x' : 'u';
			unsigned lc = (unsigned)utf8proc_tolower((utf8proc_int32_t)c);
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t el = utf8proc_encode_char((utf8proc_int32_t)lc, enc);
			if (nl + (size_t)el < sizeof low - 1) {
				if (nchars < 48)
					cstart[nchars] = nl;
				memcpy(low + nl, enc, (size_t)el);
				nl += (size_t)el;
				nchars++;
			}
		}
		if (cls != last && ns < sizeof shp)
			shp[ns++] = cls;
		last = cls;
		i += k;
	}
	*word = ner_hash(NER_HASH_INIT, low, nl);
	*shape = ner_hash(NER_HASH_INIT, shp, ns);
	if (!affix)
		return;   /* a neighbour's: its affixes are no feature */
	size_t nc = nchars < 48 ? nchars : 48;
	for (size_t a = 0; a < 3; a++) {
		size_t len = a + 1 < nc ? cstart[a + 1] : nl;
		affix[a] = a + 1 < nc ? ner_hash(a + 1, low, len) : 0;
	}
	for (size_t a = 0; a < 4; a++) {
		size_t from = a + 1 < nc ? cstart[nc - (a + 1)] : 0;
		affix[3 + a] = a + 1 < nc ? ner_hash(a + 11, low + from, nl - from) : 0;
	}
}

#define GROW(p, n) ((p) = ner_xrealloc((p), (n) * sizeof *(p)))

/* Is lower-case token t a title or rank when capitalised (`admiral`,
 * `king`)? Then it is a common word before a name, though some given-name
 * lists hold it too. */
static int is_title(const struct ner_gaz *g, const char *text, const struct ner_tok *t)
{
	char w[32];
	size_t n = t->end - t->start;
	if (n >= sizeof w)
		return 0;
	memcpy(w, text + t->start, n);
	if (w[0] >= 'a' && w[0] <= 'z')
		w[0] = (char)(w[0] - 32);
	const uint32_t *v = ner_map_get(&g->map, ner_hash(NER_HASH_INIT, w, n));
	return v && (*v & NER_G_ENTRY) && (*v & (NER_G_TITLE | NER_G_TITLE_RULE));
}

void ner_sent_prepare(struct ner_sent *s, const struct ner_gaz *g, const char *text,
                      const struct ner_tok *t, size_t n)
{
	if (n > s->cap) {
		s->cap = n + n / 2 + 16;
		GROW(s->word, s->cap);
		GROW(s->shape, s->cap);
		GROW(s->affix, 7 * s->cap);
		GROW(s->gaz_b, s->cap);
		GROW(s->gaz_i, s->cap);
		GROW(s->gaz_1, s->cap);
		GROW(s->gaz_end, s->cap);
		GROW(s->init, s->cap);
		GROW(s->cand, s->cap);
		GROW(s->cont, s->cap);
		GROW(s->hashed, s->cap);
		GROW(s->lowcand, s->cap);
		GROW(s->label, s->cap);
		GROW(s->bp, s->cap * NER_NLABELS);
		GROW(s->probe, s->cap);
	}
	memo_for(s, g);
	s->text = text;
	s->t = t;
	s->n = n;
	int seen_word = 0;
	for (size_t i = 0; i < n; i++) {
		s->hashed[i] = 0;
		s->init[i] = !seen_word && (t[i].flags & NER_TF_ALPHA);
		if (t[i].flags & (NER_TF_ALPHA | NER_TF_DIGIT))
			seen_word = 1;
		unsigned f = t[i].flags;
		s->cand[i] = (f & (NER_TF_CAP | NER_TF_ALLCAPS)) ||
		             is_particle(text + t[i].start, t[i].end - t[i].start);
		s->lowcand[i] = 0;
		/* a lower-case word continues a name only as a connector: Bank of
		 * America, Jaap de Hoop Scheffer; other tokens are O after a name */
		s->cont[i] = !(f & NER_TF_LOWER) || (f & NER_TF_DIGIT) || s->cand[i] ||
		             is_connector(text + t[i].start, t[i].end - t[i].start);
		s->gaz_b[i] = s->gaz_i[i] = s->gaz_1[i] = 0;
		s->gaz_end[i] = i;
		s->label[i] = NER_O;
		/* the first probe of the phrase search below, hashed now and its
		 * memo slot and filter word asked for early: they are cache misses,
		 * and waiting for them one token at a time is most of the cost */
		s->probe[i] = 0;
		if (s->cand[i] || ((f & (NER_TF_DIGIT | NER_TF_LOWER)) && t[i].end - t[i].start >= 3)) {
			uint64_t h = ner_hash(NER_HASH_INIT, text + t[i].start, t[i].end - t[i].start);
			s->probe[i] = h ? h : 1;   /* 0 means no probe (a zero hash: 1 in 2^64) */
			__builtin_prefetch(&s->memo[(h ^ (h >> 29)) & (NER_MEMO_SIZE - 1)]);
			__builtin_prefetch(&g->first[(ner_mix(h) & (NER_GAZ_FILTER_BITS - 1)) / 64]);
			/* and where the tagger will look for a capitalised word's type */
			if (s->types && (f & (NER_TF_CAP | NER_TF_ALLCAPS)))
				__builtin_prefetch(&s->types[(h ^ (h >> 29)) & (NER_TYPES_SIZE - 1)]);
		}
	}
	/* Longest gazetteer phrase from each capitalised token (and lower-case
	 * word: the folded entries of places and first names). */
	for (size_t i = 0; i < n; i++) {
		/* lower-case words of one or two letters are no place or name */
		if (!s->probe[i])
			continue;
		uint64_t h = NER_HASH_INIT;
		uint32_t best = 0;
		size_t best_end = i;
		for (size_t j = i; j < n && j - i < g->maxlen; j++) {
			if (j > i) {
				h = ner_hash(h, " ", 1);
				h = ner_hash(h, text + t[j].start, t[j].end - t[j].start);
			} else {
				h = s->probe[i];
			}
			uint32_t v;
			struct ner_gaz_memo *e = &s->memo[(h ^ (h >> 29)) & (NER_MEMO_SIZE - 1)];
			if (h && e->key == h) {
				v = e->val;
			} else {
				v = gaz_lookup(g, h, j > i);
				e->key = h;
				e->val = v;
			}
			if (!v)
				break;
			if (v & NER_G_ENTRY) {
				best = v & ~(NER_G_ENTRY | NER_G_PREFIX);
				best_end = j + 1;
				if (j == i)
					s->gaz_1[i] = best;
			}
			if (!(v & NER_G_PREFIX))
				break;
		}
		if ((best & NER_G_FOLDED) && !s->cand[i] && !is_title(g, text, &t[i])) {
			s->cand[i] = 1;
			s->cont[i] = 1;
			s->lowcand[i] = 1;
		}
		s->gaz_end[i] = best_end;
		if (best_end > i + 1) {
			s->gaz_b[i] |= best;
			for (size_t k = i + 1; k < best_end; k++)
				s->gaz_i[k] |= best;
		} else if (best_end == i + 1) {
			s->gaz_b[i] |= best;
		}
	}
}

/* ------------------------------------------------------------ features */

enum tmpl {
	F_BIAS = 1, F_WORD, F_SHAPE, F_AFFIX, F_WPREV, F_WNEXT, F_WPREV2, F_WNEXT2,
	F_SPREV, F_SNEXT, F_SPREV_S, F_S_SNEXT, F_WPREV_W, F_W_WNEXT, F_INIT_SHAPE,
	F_INIT_WORD, F_GAZ_B, F_GAZ_I, F_GAZ_PREV, F_GAZ_NEXT, F_GAZ_1, F_POSS,
	F_LPREV, F_LPREV2, F_LPREV_W, F_LPREV_S, F_SPACE_PREV, F_LEN, F_WPREV_S,
	F_LPREV_G, F_LOWCAND, F_RUN, F_RUN_W
};

static inline uint32_t bucket(uint64_t tmpl, uint64_t a, uint64_t b, uint32_t mask)
{
	return (uint32_t)ner_mix(tmpl * 0x9e3779b97f4a7c15ULL ^ a ^ (b * 0xbf58476d1ce4e5b9ULL)) & mask;
}

static const uint64_t BOS = 0x1234567, EOS = 0x7654321;

/* Token hashes are computed when a token or its neighbour is scored: most
 * tokens never are. hashed[k]: 0 none, 1 all, 2 word and shape only (from
 * the runtime's memo of token types). */
static void ensure_hashes(struct ner_sent *s, size_t i)
{
	size_t a = i >= 2 ? i - 2 : 0, b = i + 3 < s->n ? i + 3 : s->n;
	for (size_t k = a; k < b; k++)
		if (!s->hashed[k]) {
			token_hashes(s->text, &s->t[k], &s->word[k], &s->shape[k], &s->affix[7 * k]);
			s->hashed[k] = 1;
		}
}

/* The features of token i made of its own text alone (word, shape, affixes):
 * the same wherever the word occurs, so the runtime sums their weights once
 * per word type. Needs hashed[i] == 1. */
static size_t features_self(const struct ner_sent *s, size_t i, uint32_t mask, uint32_t *out)
{
	size_t n = 0;
	out[n++] = bucket(F_WORD, s->word[i], 0, mask);
	out[n++] = bucket(F_SHAPE, s->shape[i], 0, mask);
	for (int a = 0; a < 7; a++)
		if (s->affix[7 * i + a])
			out[n++] = bucket(F_AFFIX, s->affix[7 * i + a], (uint64_t)a, mask);
	return n;
}

/* The place of a capitalised token in its run of capitalised words: the
 * run's length (up to 4), the token's place in it and whether it is the
 * last; 0 for other tokens. */
static uint64_t run_code(const struct ner_sent *s, size_t i)
{
	if (!(s->t[i].flags & (NER_TF_CAP | NER_TF_ALLCAPS)))
		return 0;
	size_t a = i, b = i + 1;
	while (a > 0 && (s->t[a - 1].flags & (NER_TF_CAP | NER_TF_ALLCAPS)) && i - a < 4)
		a--;
	while (b < s->n && (s->t[b].flags & (NER_TF_CAP | NER_TF_ALLCAPS)) && b - i < 4)
		b++;
	uint64_t len = b - a > 4 ? 4 : b - a, pos = i - a > 3 ? 3 : i - a;
	uint64_t last = b == i + 1;
	return len * 16 + pos * 2 + last;
}

/* The length feature of token i: its length and capitalisation, its own
 * text's too. */
static inline uint32_t feature_len(const struct ner_sent *s, size_t i, uint32_t mask)
{
	size_t len = s->t[i].end - s->t[i].start;
	return bucket(F_LEN, len > 6 ? 6 : len, s->t[i].flags & (NER_TF_ALLCAPS | NER_TF_CAP | NER_TF_PERIOD), mask);
}

/* The other features of token i that do not depend on the labels, after
 * the bias and its own: context words and shapes, gazetteer matches, the
 * run of capitalised words (and the length feature unless the caller has
 * it already: with_len 0). Needs the word and shape hashes of tokens
 * i-2..i+2. */
static size_t features_context(const struct ner_sent *s, size_t i, uint32_t mask, uint32_t *out,
                               int with_len)
{
	size_t n = 0;
	uint64_t w = s->word[i], sh = s->shape[i];
	uint64_t wp = i > 0 ? s->word[i - 1] : BOS, wn = i + 1 < s->n ? s->word[i + 1] : EOS;
	uint64_t wp2 = i > 1 ? s->word[i - 2] : BOS, wn2 = i + 2 < s->n ? s->word[i + 2] : EOS;
	uint64_t sp = i > 0 ? s->shape[i - 1] : BOS, sn = i + 1 < s->n ? s->shape[i + 1] : EOS;
	out[n++] = bucket(F_WPREV, wp, 0, mask);
	out[n++] = bucket(F_WNEXT, wn, 0, mask);
	out[n++] = bucket(F_WPREV2, wp2, 0, mask);
	out[n++] = bucket(F_WNEXT2, wn2, 0, mask);
	out[n++] = bucket(F_SPREV, sp, 0, mask);
	out[n++] = bucket(F_SNEXT, sn, 0, mask);
	out[n++] = bucket(F_SPREV_S, sp, sh, mask);
	out[n++] = bucket(F_S_SNEXT, sh, sn, mask);
	out[n++] = bucket(F_WPREV_W, wp, w, mask);
	out[n++] = bucket(F_W_WNEXT, w, wn, mask);
	out[n++] = bucket(F_WPREV_S, wp, sh, mask);
	if (s->init[i]) {
		out[n++] = bucket(F_INIT_SHAPE, sh, 0, mask);
		out[n++] = bucket(F_INIT_WORD, w, 0, mask);
	}
	if (with_len)
		out[n++] = feature_len(s, i, mask);
	const uint32_t feature_bits = (1u << NER_G_NBITS) - 1;
	uint32_t bits[4] = {
		s->gaz_b[i] & feature_bits, s->gaz_i[i] & feature_bits,
		i > 0 ? s->gaz_1[i - 1] & feature_bits : 0,
		i + 1 < s->n ? s->gaz_1[i + 1] & feature_bits : 0
	};
	static const uint64_t gaz_tmpl[4] = {F_GAZ_B, F_GAZ_I, F_GAZ_PREV, F_GAZ_NEXT};
	for (int k = 0; k < 4; k++)
		for (uint32_t v = bits[k]; v; v &= v - 1)
			out[n++] = bucket(gaz_tmpl[k], (uint64_t)__builtin_ctz(v), 0, mask);
	if (s->gaz_1[i])
		out[n++] = bucket(F_GAZ_1, s->gaz_1[i] & 0x7ff, 0, mask);
	if (i + 1 < s->n && (s->t[i + 1].flags & NER_TF_CLITIC))
		out[n++] = bucket(F_POSS, 0, 0, mask);
	if (!(s->t[i].flags & NER_TF_SPACE) && i > 0)
		out[n++] = bucket(F_SPACE_PREV, sp, 0, mask);
	uint64_t run = run_code(s, i);
	if (run)
		out[n++] = bucket(F_RUN, run, 0, mask);
	return n;
}

/* The label features of token i fixed by its text: the previous label with
 * the word, the shape and the gazetteer bits. */
static size_t features_label_type(const struct ner_sent *s, size_t i, int prev, uint32_t mask,
                                  uint32_t *out)
{
	out[0] = bucket(F_LPREV_W, (uint64_t)prev, s->word[i], mask);
	out[1] = bucket(F_LPREV_S, (uint64_t)prev, s->shape[i], mask);
	out[2] = bucket(F_LPREV_G, (uint64_t)prev, s->gaz_1[i] & 0x7ff, mask);
	return 3;
}

/* Run codes are below this (see run_code). */
#define NER_RUN_CODES 72
/* Rows of ner_model.lab: the previous label and the one before (the
 * features of the previous label alone added in); the run code (0: none,
 * a row of zeros) and the previous label. */
#define LAB_PREV2(p, p2) ((uint64_t)(p) * NER_NLABELS + (uint64_t)(p2))
#define LAB_RUN(run, p) (NER_NLABELS * NER_NLABELS + (run) * NER_NLABELS + (uint64_t)(p))
#define LAB_ROWS LAB_RUN(NER_RUN_CODES, 0)

size_t ner_features_label(const struct ner_sent *s, size_t i, int prev, int prev2,
                          uint32_t mask, uint32_t *out)
{
	size_t n = features_label_type(s, i, prev, mask, out);
	out[n++] = bucket(F_LPREV, (uint64_t)prev, 0, mask);
	out[n++] = bucket(F_LPREV2, (uint64_t)prev, (uint64_t)prev2, mask);
	uint64_t run = run_code(s, i);
	if (run)
		out[n++] = bucket(F_RUN_W, run, (uint64_t)prev, mask);
	if (s->lowcand[i])
		out[n++] = bucket(F_LOWCAND, (uint64_t)prev, s->gaz_1[i] & 0x7ff, mask);
	return n;
}

size_t ner_features_static(struct ner_sent *s, size_t i, uint32_t mask, uint32_t *out)
{
	ensure_hashes(s, i);
	size_t n = 0;
	out[n++] = bucket(F_BIAS, 0, 0, mask);
	n += features_self(s, i, mask, out + n);
	n += features_context(s, i, mask, out + n, 1);
	return n;
}

size_t ner_features(struct ner_sent *s, size_t i, int prev, int prev2,
                    uint32_t mask, uint32_t *out)
{
	size_t n = ner_features_static(s, i, mask, out);
	return n + ner_features_label(s, i, prev, prev2, mask, out + n);
}

/* ------------------------------------------------------------ model */

static int cpu_has_popcnt(void);
static void model_add_rows(const struct ner_model *m, const uint32_t *f, size_t nf, int32_t *score);

int ner_model_load(struct ner_model *m, const unsigned char *data, size_t len)
{
	m->w = NULL;
	m->blocks = NULL;
	m->lab = NULL;
	if (len < 20 || memcmp(data, "NERM2\0\0\0", 8) != 0)
		return -1;
	uint32_t bits, rows;
	memcpy(&bits, data + 8, 4);
	memcpy(&m->scale, data + 12, 4);
	memcpy(&rows, data + 16, 4);
	size_t rowlen = 4 + 2 * NER_ROW;
	if (bits < 8 || bits > 26 || (len - 20) / rowlen < rows)
		return -1;
	m->mask = (1u << bits) - 1;
	m->hw_popcnt = cpu_has_popcnt();
	size_t nblocks = ((size_t)1 << bits) / 64;
	m->blocks = ner_xcalloc(nblocks, sizeof *m->blocks);
	const unsigned char *rowdata = data + 20;
	for (uint32_t r = 0; r < rows; r++) {
		uint32_t b;
		memcpy(&b, rowdata + r * rowlen, 4);
		if (b > m->mask) {
			ner_model_free(m);
			return -1;
		}
		m->blocks[b / 64].used |= 1ULL << (b % 64);
	}
	uint32_t before = 0;
	for (size_t k = 0; k < nblocks; k++) {
		m->blocks[k].before = before;
		before += ner_popcount(m->blocks[k].used);
	}
	m->w = ner_xcalloc((size_t)before * NER_ROW + 1, sizeof *m->w);
	for (uint32_t r = 0; r < rows; r++) {
		const unsigned char *p = rowdata + r * rowlen;
		uint32_t b;
		memcpy(&b, p, 4);
		memcpy((int16_t *)ner_model_row(m, b), p + 4, 2 * NER_ROW);
	}
	m->lab = ner_xcalloc(LAB_ROWS, sizeof *m->lab);
	for (int p = 0; p < NER_NLABELS; p++) {
		for (int p2 = 0; p2 < NER_NLABELS; p2++) {
			uint32_t f[2] = {bucket(F_LPREV, (uint64_t)p, 0, m->mask),
			                 bucket(F_LPREV2, (uint64_t)p, (uint64_t)p2, m->mask)};
			model_add_rows(m, f, 2, m->lab[LAB_PREV2(p, p2)]);
		}
		for (uint64_t run = 1; run < NER_RUN_CODES; run++) {
			uint32_t f = bucket(F_RUN_W, run, (uint64_t)p, m->mask);
			model_add_rows(m, &f, 1, m->lab[LAB_RUN(run, p)]);
		}
	}
	return 0;
}

void ner_model_free(struct ner_model *m)
{
	free(m->lab);
	m->lab = NULL;
	free(m->w);
	free(m->blocks);
	m->w = NULL;
	m->blocks = NULL;
}

/* The raw text hash of token k: the key of the type memo. */
static inline uint64_t type_key(const struct ner_sent *s, size_t k)
{
	if (s->probe[k])
		return s->probe[k];
	uint64_t h = ner_hash(NER_HASH_INIT, s->text + s->t[k].start, s->t[k].end - s->t[k].start);
	return h ? h : 1;
}

static inline struct ner_type_memo *type_slot(const struct ner_sent *s, uint64_t key)
{
	return &s->types[(key ^ (key >> 29)) & (NER_TYPES_SIZE - 1)];
}

/* Word and shape hashes of tokens i-2..i+2, from the memo where it has them. */
static void type_hashes(struct ner_sent *s, size_t i)
{
	size_t a = i >= 2 ? i - 2 : 0, b = i + 3 < s->n ? i + 3 : s->n;
	for (size_t k = a; k < b; k++) {
		if (s->hashed[k])
			continue;
		uint64_t key = type_key(s, k);
		struct ner_type_memo *e = type_slot(s, key);
		if (e->key == key) {
			s->word[k] = e->word;
			s->shape[k] = e->shape;
			s->hashed[k] = 2;
			continue;
		}
		/* the token itself gets its affixes too (its own features need
		 * them when the memo has no sum for it), its neighbours not */
		token_hashes(s->text, &s->t[k], &s->word[k], &s->shape[k], k == i ? &s->affix[7 * k] : NULL);
		s->hashed[k] = k == i ? 1 : 2;
		e->key = key;
		e->word = s->word[k];
		e->shape = s->shape[k];
		e->has_self = 0;
	}
}

/* Add the weights of features f[0..nf) to score (rows asked for first:
 * they are cache misses, and waiting for one at a time is slow). hw: count
 * bits with the popcnt instruction (a constant: see add_rows_hw). */
static inline __attribute__((always_inline)) void
add_rows_with(const struct ner_model *m, const uint32_t *f, size_t nf, int32_t *score, int hw)
{
	for (size_t k = 0; k < nf; k++)
		__builtin_prefetch(&m->blocks[f[k] / 64]);
	const int16_t *rows[NER_MAXFEATS];
	size_t nr = 0;
	for (size_t k = 0; k < nf; k++) {
		const struct ner_model_block *bl = &m->blocks[f[k] / 64];
		uint64_t bit = 1ULL << (f[k] % 64);
		if (!(bl->used & bit))
			continue;   /* most buckets are empty */
		uint64_t below = bl->used & (bit - 1);
		unsigned rank = hw ? (unsigned)__builtin_popcountll(below) : ner_popcount(below);
		const int16_t *row = m->w + (size_t)(bl->before + rank) * NER_ROW;
		__builtin_prefetch(row);
		rows[nr++] = row;
	}
	for (size_t k = 0; k < nr; k++)
		for (int l = 0; l < NER_ROW; l++)
			score[l] += rows[k][l];
}

static void add_rows(const struct ner_model *m, const uint32_t *f, size_t nf, int32_t *score)
{
	add_rows_with(m, f, nf, score, 0);
}

/* The rank is much of a row's cost, and the portable build cannot assume
 * a popcnt instruction: a copy for CPUs that have one, chosen at load. */
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
__attribute__((target("popcnt")))
static void add_rows_hw(const struct ner_model *m, const uint32_t *f, size_t nf, int32_t *score)
{
	add_rows_with(m, f, nf, score, 1);
}
static int cpu_has_popcnt(void) { return __builtin_cpu_supports("popcnt"); }
#else
#define add_rows_hw add_rows
static int cpu_has_popcnt(void) { return 0; }
#endif

static void model_add_rows(const struct ner_model *m, const uint32_t *f, size_t nf, int32_t *score)
{
	if (m->hw_popcnt)
		add_rows_hw(m, f, nf, score);
	else
		add_rows(m, f, nf, score);
}

void ner_model_tag(const struct ner_model *m, struct ner_sent *s)
{
	if (!s->types)
		s->types = ner_xmalloc(NER_TYPES_SIZE * sizeof *s->types);
	if (s->types_model != m) {
		memset(s->types, 0, NER_TYPES_SIZE * sizeof *s->types);
		s->types_model = m;
	}
	if (!s->labs)
		s->labs = ner_xmalloc(NER_LABS_SIZE * sizeof *s->labs);
	if (s->labs_model != m) {
		memset(s->labs, 0, NER_LABS_SIZE * sizeof *s->labs);
		s->labs_model = m;
	}
	uint32_t f[NER_MAXFEATS];
	int64_t delta[NER_NLABELS], next[NER_NLABELS];
	unsigned char *bp = s->bp;
	for (int l = 0; l < NER_NLABELS; l++)
		delta[l] = NER_DEAD;
	delta[NER_O] = 0;
	unsigned alive = 1u << NER_O;   /* the labels some path reaches */
	for (size_t i = 0; i < s->n; i++) {
		unsigned char *bpi = bp + i * NER_NLABELS;
		if (alive == 1u << NER_O && !s->cand[i]) {
			bpi[NER_O] = NER_O;   /* most tokens: O after O, unscored */
			continue;
		}
		for (int l = 0; l < NER_NLABELS; l++)
			next[l] = NER_DEAD;
		int32_t base[NER_ROW];
		int have_base = 0;
		struct ner_lab_memo *lm = NULL;
		uint64_t run = 0;
		for (unsigned a = alive; a; a &= a - 1) {
			int p = __builtin_ctz(a);
			if (delta[p] > next[NER_O]) {   /* O scores 0: weights are relative to it */
				next[NER_O] = delta[p];
				bpi[NER_O] = (unsigned char)p;
			}
			if (!ner_scored(s, i, p))
				continue;
			if (!have_base) {
				/* the features that do not depend on the labels, once:
				 * the token's own summed once per word type (integer
				 * sums: the order does not matter) */
				type_hashes(s, i);
				uint64_t key = type_key(s, i);
				struct ner_type_memo *e = type_slot(s, key);
				if (e->key != key || !e->has_self) {
					if (s->hashed[i] != 1) {
						token_hashes(s->text, &s->t[i], &s->word[i], &s->shape[i], &s->affix[7 * i]);
						s->hashed[i] = 1;
					}
					/* the bias and the length feature are the same for
					 * every occurrence too: summed with the token's own */
					int32_t self[NER_ROW] = {0};
					size_t nf = features_self(s, i, m->mask, f);
					f[nf++] = bucket(F_BIAS, 0, 0, m->mask);
					f[nf++] = feature_len(s, i, m->mask);
					model_add_rows(m, f, nf, self);
					e->key = key;
					e->word = s->word[i];
					e->shape = s->shape[i];
					memcpy(e->self, self, sizeof self);
					e->has_self = 1;
				}
				for (int l = 0; l < NER_ROW; l++)
					base[l] = e->self[l];
				size_t nf = features_context(s, i, m->mask, f, 0);
				model_add_rows(m, f, nf, base);
				have_base = 1;
				lm = &s->labs[(key ^ (key >> 31)) & (NER_LABS_SIZE - 1)];
				if (lm->key != key) {
					lm->key = key;
					lm->have = 0;
				}
				run = run_code(s, i);
			}
			/* the same features as ner_features_label(), those fixed by
			 * the token's text from the memo, the others from the model's
			 * table */
			if (!(lm->have & (1u << p))) {
				memset(lm->w[p], 0, sizeof lm->w[p]);
				model_add_rows(m, f, features_label_type(s, i, p, m->mask, f), lm->w[p]);
				lm->have |= 1u << p;
			}
			int p2 = i > 0 ? bp[(i - 1) * NER_NLABELS + p] : NER_O;
			const int32_t *prevs = m->lab[LAB_PREV2(p, p2)], *runs = m->lab[LAB_RUN(run, p)];
			const int32_t *own = lm->w[p];
			int32_t score[NER_ROW];
			for (int l = 0; l < NER_ROW; l++)
				score[l] = base[l] + own[l] + prevs[l] + runs[l];
			if (s->lowcand[i]) {
				f[0] = bucket(F_LOWCAND, (uint64_t)p, s->gaz_1[i] & 0x7ff, m->mask);
				model_add_rows(m, f, 1, score);
			}
			/* I-X only after B-X or I-X */
			unsigned ok = p == NER_O ? 0xaau : 0xaau | 1u << NER_I(NER_TYPE(p));   /* B-* bits: 0xaa */
			for (unsigned b = ok; b; b &= b - 1) {
				int l = __builtin_ctz(b);
				int64_t v = delta[p] + score[l - 1];
				if (v > next[l]) {
					next[l] = v;
					bpi[l] = (unsigned char)p;
				}
			}
		}
		alive = 0;
		for (int l = 0; l < NER_NLABELS; l++) {
			delta[l] = next[l];
			alive |= (unsigned)(next[l] != NER_DEAD) << l;
		}
	}
	int best = NER_O;
	for (int l = 1; l < NER_NLABELS; l++)
		if (delta[l] > delta[best])
			best = l;
	for (size_t i = s->n; i-- > 0;) {
		s->label[i] = best;
		best = bp[i * NER_NLABELS + best];
	}
}
