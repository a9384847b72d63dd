/* split: sentence and paragraph segmentation (see split.h).
 *
 * Blocks of lines between blank lines become paragraphs (one a line, or
 * hard-wrapped lines joined, by the lines' lengths); page debris lines are
 * dropped. Then one pass over each paragraph: a vector scan finds the few
 * bytes that can end a sentence (. ! ? and the lead byte of … • ⁃, plus
 * : * = _ for smileys, credits and separators), and only there do the
 * rules look around: the word before the mark (abbreviation, initial,
 * number, list marker) and the word after it (lower case, a digit, a word
 * that typically starts a sentence). Nothing is allocated per sentence; the
 * splitter owns only the word tables, so memory stays flat. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "doc.h"
#include "split.h"
#include "utf8.h"
#include "wordlist.h"

NEWS_DATA(abbrev);
NEWS_DATA(split_starters);
NEWS_DATA(split_titles);

enum abbrev_class { AB_NONE = 0, AB_TITLE, AB_NUMBER, AB_OTHER, AB_FINAL, AB_NAME_END };

/* A small open-addressing hash set over the embedded lists: the keys point
 * into the embedded (static) data, so building it copies nothing. */
struct word_slot {
	const char *key;
	unsigned char len;
	unsigned char cls;
};

struct word_table {
	struct word_slot *slots;
	size_t mask;
};

struct line {
	size_t start, end;     /* content without surrounding white space */
	unsigned char debris;  /* page furniture: yields no sentence */
	unsigned char indent;  /* starts with white space */
};

struct news_splitter {
	struct word_table abbrev;   /* lower case keys */
	struct word_table starters; /* case as at a sentence start */
	struct word_table titles;   /* job titles after a company name */
};

/* ---- characters ------------------------------------------------------ */

/* Decoding as lib/utf8.h does it (an invalid byte is U+FFFD and advances
 * by one), inline because the rules decode around every candidate. */
static inline uint32_t dec(const char *s, size_t n, size_t i, size_t *adv)
{
	const unsigned char *p = (const unsigned char *)s + i;
	unsigned c = p[0];
	if (c < 0x80) {
		*adv = 1;
		return c;
	}
	size_t left = n - i;
	if (c >= 0xC2 && c <= 0xDF && left >= 2 && (p[1] & 0xC0) == 0x80) {
		*adv = 2;
		return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
	}
	if (c >= 0xE0 && c <= 0xEF && left >= 3 && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80) {
		uint32_t cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
			*adv = 3;
			return cp;
		}
	}
	if (c >= 0xF0 && c <= 0xF4 && left >= 4 && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80) {
		uint32_t cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) |
		              ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
		if (cp >= 0x10000 && cp <= 0x10FFFF) {
			*adv = 4;
			return cp;
		}
	}
	*adv = 1;
	return 0xFFFD;
}

/* The code point ending just before s[i] (i > lo); *back gets its length. */
static inline uint32_t dec_back(const char *s, size_t lo, size_t i, size_t *back)
{
	size_t j = i - 1;
	if ((unsigned char)s[j] < 0x80) {
		*back = 1;
		return (unsigned char)s[j];
	}
	size_t k = j;
	while (k > lo && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	size_t adv;
	uint32_t cp = dec(s, i, k, &adv);
	if (k + adv == i) {
		*back = i - k;
		return cp;
	}
	*back = 1;
	return 0xFFFD;
}

/* Character classes: ASCII inline (the common case in the scan), anything
 * else as lib/utf8.h defines it. */
static inline int space_cp(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return news_is_space(c);
}

static inline int upper_cp(uint32_t c)
{
	return c < 0x80 ? c >= 'A' && c <= 'Z' : news_is_upper(c);
}

static inline int lower_cp(uint32_t c)
{
	return c < 0x80 ? c >= 'a' && c <= 'z' : news_is_lower(c);
}

static inline int alnum_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	return news_is_alnum(c);
}

static inline int closer_cp(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
	       c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x203A;
}

static inline int opener_cp(uint32_t c)
{
	return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' ||
	       c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x2039 ||
	       c == 0x201E || c == 0xBF || c == 0xA1;
}

static inline int bullet_cp(uint32_t c)
{
	return c == 0x2022 || c == 0x2043 || c == 0x2023 || c == 0x25AA ||
	       c == 0x25CF || c == 0x25E6 || c == 0x2219;
}

static inline int is_digit(char c) { return c >= '0' && c <= '9'; }

/* ---- word tables ----------------------------------------------------- */

static uint32_t hash_word(const char *s, size_t n, int fold)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (fold && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		h = (h ^ c) * 16777619u;
	}
	return h;
}

/* Entries are lines "key" or "key<TAB>class"; '#' lines are comments. */
static void table_build(struct word_table *t, const char *data, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += data[i] == '\n';
	size_t cap = 16;
	while (cap < 2 * (n + 1))
		cap *= 2;
	t->slots = news_xcalloc(cap, sizeof *t->slots);
	t->mask = cap - 1;
	size_t i = 0;
	while (i < len) {
		const char *ln = data + i;
		const char *nl = memchr(ln, '\n', len - i);
		size_t ll = nl ? (size_t)(nl - ln) : len - i;
		i += ll + 1;
		if (ll && ln[ll - 1] == '\r')
			ll--;
		if (ll == 0 || ln[0] == '#')
			continue;
		const char *tab = memchr(ln, '\t', ll);
		size_t kl = tab ? (size_t)(tab - ln) : ll;
		unsigned char cls = AB_OTHER;
		if (tab && tab + 1 < ln + ll)
			cls = tab[1] == 'T' ? AB_TITLE : tab[1] == 'N' ? AB_NUMBER :
			      tab[1] == 'F' ? AB_FINAL : tab[1] == 'E' ? AB_NAME_END : AB_OTHER;
		if (kl == 0 || kl > 255)
			continue;
		size_t h = hash_word(ln, kl, 0) & t->mask;
		while (t->slots[h].key) {
			if (t->slots[h].len == kl && memcmp(t->slots[h].key, ln, kl) == 0)
				break;
			h = (h + 1) & t->mask;
		}
		if (!t->slots[h].key) {
			t->slots[h].key = ln;
			t->slots[h].len = (unsigned char)kl;
			t->slots[h].cls = cls;
		}
	}
}

/* The class of s (AB_NONE when absent); fold: compare ASCII case-blind
 * against lower-case keys. */
static int table_get(const struct word_table *t, const char *s, size_t n, int fold)
{
	if (n == 0 || n > 255)
		return AB_NONE;
	size_t h = hash_word(s, n, fold) & t->mask;
	while (t->slots[h].key) {
		const struct word_slot *w = &t->slots[h];
		if (w->len == n) {
			size_t i = 0;
			for (; i < n; i++) {
				unsigned char c = (unsigned char)s[i];
				if (fold && c >= 'A' && c <= 'Z')
					c += 'a' - 'A';
				if (c != (unsigned char)w->key[i])
					break;
			}
			if (i == n)
				return w->cls;
		}
		h = (h + 1) & t->mask;
	}
	return AB_NONE;
}

struct news_splitter *news_splitter_new(void)
{
	struct news_splitter *sp = news_xcalloc(1, sizeof *sp);
	table_build(&sp->abbrev, news_data_abbrev, news_data_abbrev_len);
	table_build(&sp->starters, news_data_split_starters, news_data_split_starters_len);
	table_build(&sp->titles, news_data_split_titles, news_data_split_titles_len);
	return sp;
}

void news_splitter_free(struct news_splitter *sp)
{
	if (!sp)
		return;
	free(sp->abbrev.slots);
	free(sp->starters.slots);
	free(sp->titles.slots);
	free(sp);
}

/* ---- sentences ------------------------------------------------------- */

enum next_class { NX_END, NX_UPPER, NX_LOWER, NX_DIGIT, NX_OTHER };

struct para {
	const struct news_splitter *sp;
	struct news_doc *d;
	const char *t;
	size_t ps, pe;        /* the paragraph */
	size_t s;             /* start of the current sentence */
	size_t alnum;         /* its first letter or digit; 0 unknown, pe + 1 none */
	long no;
	/* numbered or lettered list: marker style and last value seen */
	int list_style;       /* 0 none, else as list_marker() gives it */
	int list_alpha;
	long list_last;
};

static size_t skip_space(const char *t, size_t i, size_t e)
{
	while (i < e) {
		unsigned char c = (unsigned char)t[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		if (c < 0x80 && c != '\v' && c != '\f')
			break;
		size_t adv;
		if (!space_cp(dec(t, e, i, &adv)))
			break;
		i += adv;
	}
	return i;
}

static size_t trim_back(const char *t, size_t s, size_t e)
{
	while (e > s) {
		size_t back;
		if (!space_cp(dec_back(t, s, e, &back)))
			break;
		e -= back;
	}
	return e;
}

static void emit(struct para *p, size_t end)
{
	size_t a = skip_space(p->t, p->s, end);
	size_t b = trim_back(p->t, a, end);
	if (b > a)
		news_doc_add_sentence(p->d, a, b, p->no);
	p->s = end;
	p->alnum = 0;
}

/* Where the current sentence's first letter or digit is (pe if none yet
 * up to the end of the paragraph); found once per sentence. */
static size_t first_alnum(struct para *p)
{
	if (!p->alnum) {
		size_t i = p->s, adv;
		while (i < p->pe && !alnum_cp(dec(p->t, p->pe, i, &adv)))
			i += adv;
		p->alnum = i + 1;
	}
	return p->alnum - 1;
}

/* A list marker at t[i..]: "12." "12)" "12.)" "a." "b)" "B)" followed by a
 * space (not "B." which is more often an initial). Gives its value, style
 * ('.', ')', or ':' for ".)") and whether it is a letter. */
static int list_marker(const char *t, size_t i, size_t e, long *val, int *style, int *alpha)
{
	size_t j = i;
	long v = 0;
	while (j < e && j - i < 3 && is_digit(t[j]))
		v = v * 10 + (t[j++] - '0');
	if (j == i) {
		if (j + 1 < e && ((t[j] >= 'a' && t[j] <= 'z') ||
		                  (t[j] >= 'A' && t[j] <= 'Z' && t[j + 1] == ')'))) {
			v = (t[j] | 0x20) - 'a' + 1;
			j++;
			*alpha = 1;
		} else {
			return 0;
		}
	} else {
		if (j < e && is_digit(t[j]))
			return 0;
		*alpha = 0;
	}
	if (j >= e || (t[j] != '.' && t[j] != ')'))
		return 0;
	*style = t[j] == ')' ? ')' : (j + 1 < e && t[j + 1] == ')') ? ':' : '.';
	j += *style == ':' ? 2 : 1;
	if (j >= e || (t[j] != ' ' && t[j] != '\t'))
		return 0;
	*val = v;
	return 1;
}

/* What follows a possible boundary: the class of the first character after
 * opening quotes and brackets, and the ASCII word there. */
static enum next_class next_word(const char *t, size_t i, size_t e, size_t *ws, size_t *we)
{
	size_t adv;
	uint32_t c = 0;
	while (i < e) {
		c = dec(t, e, i, &adv);
		if (!opener_cp(c))
			break;
		i += adv;
	}
	*ws = *we = i;
	if (i >= e)
		return NX_END;
	size_t j = i;
	while (j < e && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z')))
		j++;
	*we = j;
	if (upper_cp(c))
		return NX_UPPER;
	if (lower_cp(c)) {
		/* eBay, iPhone, wikiHow start sentences like capitalised words */
		for (size_t k = i + 1; k < j; k++)
			if (t[k] >= 'A' && t[k] <= 'Z')
				return NX_UPPER;
		if ((j - i == 4 && memcmp(t + i, "http", 4) == 0) ||
		    (j - i == 5 && memcmp(t + i, "https", 5) == 0) ||
		    (j - i == 3 && memcmp(t + i, "www", 3) == 0 && j < e && t[j] == '.'))
			return NX_OTHER;
		return NX_LOWER;
	}
	if (c < 0x80 && is_digit((char)c))
		return NX_DIGIT;
	return NX_OTHER;
}

static int is_starter(const struct news_splitter *sp, const char *t, size_t ws, size_t we)
{
	return table_get(&sp->starters, t + ws, we - ws, 0) != AB_NONE;
}

static int is_personal_title(const char *w, size_t n)
{
	return (n == 2 && (memcmp(w, "Mr", 2) == 0 || memcmp(w, "Ms", 2) == 0 ||
	                   memcmp(w, "Dr", 2) == 0)) ||
	       (n == 3 && memcmp(w, "Mrs", 3) == 0);
}

/* After a name-ending abbreviation (Inc., Fla., ", N.Y.") a capitalised word
 * starts a new sentence unless it is a job title or another abbreviation
 * ("Acme Inc. Chief Executive ...", "Samsung Co. Ltd."), Mr. Mrs. Ms. Dr.
 * excepted. */
static int name_end_splits(const struct para *p, size_t nws, size_t nwe)
{
	const char *t = p->t;
	size_t n = nwe - nws;
	for (size_t k = nws; k > 0 && (t[k - 1] == '(' || t[k - 1] == '"' || t[k - 1] == '\''); k--)
		if (t[k - 1] == '(')
			return 0;   /* "Buffalo, N.Y. (AP)", "Acme Inc. (NYSE: ACM)" */
	if (n == 1 && nwe < p->pe && t[nwe] == '.')
		return 0;   /* another abbreviation: "Reiss & Co. B.V." */
	if (table_get(&p->sp->titles, t + nws, n, 0) != AB_NONE)
		return 0;
	if (nwe < p->pe && t[nwe] == '.' && !is_personal_title(t + nws, n) &&
	    table_get(&p->sp->abbrev, t + nws, n, 1) != AB_NONE)
		return 0;   /* "Samsung Co. Ltd.", "Austin, Texas, Gov. Perry" */
	return 1;
}

/* Single letters joined by periods, without the last period: U.S, a.m, J.R.R */
static int letters_with_periods(const char *w, size_t n, int *upper)
{
	if (n < 3 || n % 2 == 0)
		return 0;
	int up = 1;
	for (size_t i = 0; i < n; i++) {
		char c = w[i];
		if (i % 2) {
			if (c != '.')
				return 0;
		} else if (c >= 'A' && c <= 'Z') {
			;
		} else if (c >= 'a' && c <= 'z') {
			up = 0;
		} else {
			return 0;
		}
	}
	*upper = up;
	return 1;
}

static int is_number_word(const char *w, size_t n)
{
	size_t i = 0;
	while (i < n && (w[i] == '$' || w[i] == '#' || w[i] == '+' || w[i] == '-'))
		i++;
	if (i >= n || !is_digit(w[i]) || !is_digit(w[n - 1]))
		return 0;
	for (; i < n; i++)
		if (!is_digit(w[i]) && w[i] != ',' && w[i] != '.' && w[i] != ':' && w[i] != '/')
			return 0;
	return 1;
}

/* Rules look at most this far back into a word: longer "words" are debris,
 * and the bound keeps the work per end mark constant. */
enum { MAX_WORD = 128 };

/* The start of the token ending at i (white space delimited, >= lo, at most
 * about MAX_WORD bytes back). */
static size_t token_start(const char *t, size_t lo, size_t i)
{
	if (i - lo > MAX_WORD)
		lo = i - MAX_WORD;
	while (i > lo) {
		size_t back;
		if (space_cp(dec_back(t, lo, i, &back)))
			break;
		i -= back;
	}
	return i;
}

/* Before a lower-case word a period ends a sentence only after a plain
 * lower-case word that is no abbreviation, or a number (web text often
 * starts sentences in lower case; news almost never has such a period
 * inside a sentence). */
static int lower_word_ends(const struct para *p, const char *w, size_t wl, size_t nws, size_t nwe)
{
	if (wl < 2 || nwe == nws)
		return 0;
	if (nwe - nws == 1 && nwe < p->pe && (p->t[nwe] == ')' || p->t[nwe] == '.'))
		return 0;   /* an inline list: "... the world. b) Refusing" */
	int letters = 0;
	for (size_t k = 0; k < wl; k++) {
		if (w[k] >= 'a' && w[k] <= 'z')
			letters++;
		else if (!is_digit(w[k]) && !(k && (w[k] == '-' || w[k] == '\'')))
			return 0;
	}
	/* "it was mean. why", "call 303-832-8160. they" */
	return (!letters || table_get(&p->sp->abbrev, w, wl, 1) == AB_NONE) && wl >= 2;
}

/* Does a single period at t[i] (followed by white space) end the sentence?
 * nc/ws/we describe the next word. */
static int period_ends(struct para *p, size_t i, enum next_class nc, size_t nws, size_t nwe)
{
	const char *t = p->t;
	size_t w0 = token_start(t, p->s, i), adv;
	while (w0 < i) {
		uint32_t c = dec(t, i, w0, &adv);
		if (!opener_cp(c) && !bullet_cp(c))
			break;
		w0 += adv;
	}
	const char *w = t + w0;
	size_t wl = i - w0;
	if (wl == 0)
		return nc != NX_LOWER;
	if (nc == NX_LOWER)
		return lower_word_ends(p, w, wl, nws, nwe);
	int first = first_alnum(p) >= w0;
	if (is_number_word(w, wl)) {
		if (first && wl <= 3)
			return 0;   /* a list marker: "1. The first item" */
		return 1;
	}
	uint32_t c0 = dec(t, i, w0, &adv);
	if (adv == wl && (upper_cp(c0) || lower_cp(c0))) {
		if (first)
			return 0;   /* "a. The first item", "J. Smith said" */
		/* "I" after a lower-case word is the pronoun, not an initial */
		size_t pe = trim_back(t, p->s, w0);
		size_t pw = token_start(t, p->s, pe);
		int prev_cap = pe > pw && upper_cp(dec(t, pe, pw, &adv));
		if (c0 == 'I' && !prev_cap)
			return nc == NX_UPPER;   /* "you and I. Did you" */
		/* an initial, unless a word that starts sentences follows: "Plan B.
		 * It failed" but "George W. Bush" */
		return nc == NX_UPPER && is_starter(p->sp, t, nws, nwe);
	}
	int up;
	if (letters_with_periods(w, wl, &up)) {
		if (nc != NX_UPPER)
			return 0;
		if (is_starter(p->sp, t, nws, nwe))
			return 1;
		if (up && w0 > p->s + 2 && t[w0 - 1] == ' ' && t[w0 - 2] == ',') {
			/* "Buffalo, N.Y. Slepian": a state after a place name */
			size_t pw = token_start(t, p->s, w0 - 2);
			int country = wl == 3 && (memcmp(w, "U.S", 3) == 0 || memcmp(w, "U.K", 3) == 0 ||
			                          memcmp(w, "U.N", 3) == 0 || memcmp(w, "E.U", 3) == 0);
			if (!country && upper_cp(dec(t, w0, pw, &adv)))
				return name_end_splits(p, nws, nwe);
		}
		return up && is_personal_title(t + nws, nwe - nws);
	}
	switch (table_get(&p->sp->abbrev, w, wl, 1)) {
	case AB_TITLE:
		if (!lower_cp(c0))
			return 0;
		/* lower case, a title is a unit or a common noun: "10 ft." "5th st." */
		return nc == NX_UPPER && is_starter(p->sp, t, nws, nwe);
	case AB_NUMBER:
		return nc != NX_DIGIT;
	case AB_OTHER:
		return nc == NX_UPPER && is_starter(p->sp, t, nws, nwe);
	case AB_FINAL:
		return nc == NX_UPPER;
	case AB_NAME_END:
		return nc == NX_UPPER && name_end_splits(p, nws, nwe);
	default:
		return 1;
	}
}

/* "world.Today": a period between a lower-case word or a number and a
 * capitalised word, with no space, outside addresses and file names. */
static int glued_boundary(const struct para *p, size_t i)
{
	const char *t = p->t;
	if (i == p->s || i + 2 >= p->pe)
		return 0;
	char a = t[i - 1], b = t[i + 1], c = t[i + 2];
	if (!((a >= 'a' && a <= 'z') || is_digit(a)) || !(b >= 'A' && b <= 'Z') ||
	    !(c >= 'a' && c <= 'z'))
		return 0;
	size_t ts = token_start(t, p->s, i), te = i;
	while (te < p->pe && te - i < MAX_WORD && t[te] != ' ' && t[te] != '\n' && t[te] != '\t')
		te++;
	for (size_t k = ts; k < te; k++)
		if (t[k] == '@' || t[k] == '/' || t[k] == '_' || t[k] == '\\' || t[k] == ':')
			return 0;
	if (te - ts > 3 && (memcmp(t + ts, "www", 3) == 0 || memcmp(t + ts, "WWW", 3) == 0))
		return 0;
	static const char *const tld[] = { "Com", "Net", "Org", "Gov", "Edu" };
	for (size_t k = 0; k < sizeof tld / sizeof *tld; k++)
		if (i + 4 <= p->pe && memcmp(t + i + 1, tld[k], 3) == 0 &&
		    (i + 4 == p->pe || !alnum_cp((unsigned char)t[i + 4])))
			return 0;   /* "Newsfeed.Com" */
	return table_get(&p->sp->abbrev, t + ts, i - ts, 1) != AB_TITLE;
}

static int is_ellipsis_at(const char *t, size_t i, size_t e)
{
	return i + 2 < e && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
	       (unsigned char)t[i + 2] == 0xA6;
}

/* The length of a smiley at t[i] followed by white space or the end, or 0. */
static size_t emoticon(const char *t, size_t i, size_t e)
{
	if (i + 1 >= e || (t[i] != ':' && t[i] != ';'))
		return 0;
	size_t j = i + 1;
	if (t[j] == '-')
		j++;
	if (j >= e || !(t[j] == ')' || t[j] == '(' || t[j] == 'P' || t[j] == 'D' ||
	                t[j] == 'p' || t[j] == '/'))
		return 0;
	j++;
	if (j < e && t[j] != ' ' && t[j] != '\n' && t[j] != '\t' && t[j] != '\r')
		return 0;
	return j - i;
}

/* Before a lower-case word '?' and '!' end a sentence ("grow up? india?",
 * common in web text) unless they belong to a name inside the sentence:
 * "at Yahoo! in", "the ship Pourquoi Pas? to". */
static int question_or_lower_exclaim(struct para *p, size_t i)
{
	const char *t = p->t;
	size_t w0 = token_start(t, p->s, i), adv;
	return !(w0 < i && upper_cp(dec(t, i, w0, &adv)) && first_alnum(p) < w0);
}

/* Handle a run of end marks starting at t[i]; returns where to go on. */
static size_t end_marks(struct para *p, size_t i)
{
	const char *t = p->t;
	size_t e = p->pe, j = i, adv;
	int dots = 0, marks = 0, spaced = 0;
	while (j < e) {
		if (t[j] == '.') {
			dots++;
			j++;
		} else if (t[j] == '!' || t[j] == '?') {
			marks++;
			j++;
		} else if (is_ellipsis_at(t, j, e)) {
			dots += 3;
			j += 3;
		} else if (t[j] == ' ' && dots && j + 1 < e && t[j + 1] == '.' &&
		           (j + 2 >= e || t[j + 2] == ' ' || t[j + 2] == '.' ||
		            closer_cp(dec(t, e, j + 2, &adv)))) {
			spaced = 1;
			j++;
		} else {
			break;
		}
	}
	size_t k = j;
	while (k < e) {
		uint32_t c = dec(t, e, k, &adv);
		if (!closer_cp(c))
			break;
		k += adv;
	}
	if (k >= e)
		return e;
	size_t back;
	if (!space_cp(dec(t, e, k, &adv))) {
		if (dots == 1 && !marks && k == j && glued_boundary(p, i))
			emit(p, j);
		else if (dots >= 2 && k == j && j + 1 < e && t[j] >= 'A' && t[j] <= 'Z' &&
		         ((t[j + 1] >= 'a' && t[j + 1] <= 'z') ||
		          (t[j] == 'I' && (t[j + 1] == ' ' || t[j + 1] == '\''))))
			emit(p, j);   /* "before..I should", "that...The" */
		return k;
	}
	size_t nws, nwe;
	size_t nx = skip_space(t, k, e);
	size_t emo = emoticon(t, nx, e);
	if (emo) {
		/* "right? :) It was": the smiley belongs to the sentence before */
		k = nx + emo;
		if (k >= e)
			return e;
		nx = skip_space(t, k, e);
		if (nx == k)
			return k;
	}
	if (t[nx] == '-' || (nx + 2 < e && (unsigned char)t[nx] == 0xE2 &&
	                     (unsigned char)t[nx + 1] == 0x80 &&
	                     ((unsigned char)t[nx + 2] == 0x94 || (unsigned char)t[nx + 2] == 0x93)))
		return k;   /* an attribution: "... a long game." -Matthew Ingram */
	enum next_class nc = next_word(t, nx, e, &nws, &nwe);
	int attached = i > p->s && !space_cp(dec_back(t, p->s, i, &back));
	if (dots >= 3) {
		if (t[nx] == '(')
			return k;   /* a citation after a quotation: "[...]" (Smith 55). */
		if (dots >= 4 && spaced && attached && t[i + 1] == ' ') {
			/* "words. . . . The": the first period ends the sentence, the
			 * ellipsis opens the next */
			if (nc == NX_UPPER)
				emit(p, i + 1);
			return k;
		}
		if (nc == NX_UPPER && !(nwe - nws == 1 && t[nws] == 'I'))
			emit(p, k);
		return k;
	}
	if (marks) {
		if (nc != NX_LOWER || (k == j && question_or_lower_exclaim(p, i)))
			emit(p, k);
		return k;
	}
	if (nc == NX_LOWER && k > j)
		return k;   /* "(he said so.) at home", "great.' she said" */
	if (period_ends(p, i, nc, nws, nwe))
		emit(p, k);
	return k;
}

static const unsigned char mark_byte[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, [':'] = 1, [0xE2] = 1,
	['*'] = 1, ['='] = 1, ['_'] = 1,
};

/* A run of three or more of one separator character standing alone ("***",
 * "=====", "____") between sentences is a sentence of its own; returns
 * where to go on. */
static size_t separator_run(struct para *p, size_t i)
{
	const char *t = p->t;
	size_t a = i, b = i;
	while (a > p->s && t[a - 1] == t[i])
		a--;
	while (b < p->pe && t[b] == t[i])
		b++;
	if (b - a < 3 || (a > p->s && t[a - 1] != ' ' && t[a - 1] != '\n' && t[a - 1] != '\t') ||
	    (b < p->pe && t[b] != ' ' && t[b] != '\n' && t[b] != '\t' && t[b] != '\r'))
		return b;
	if (first_alnum(p) < a)
		emit(p, a);
	if (b < p->pe)
		emit(p, b);
	return b;
}

/* The next byte at or after i that the rules look at (e if none), sixteen
 * (SSE2) or eight bytes at a time: a block holds a candidate when one of its
 * bytes is one of . ! ? : * = _ or has the high bit set (then its bytes are
 * looked at one by one). */
static size_t next_mark(const char *t, size_t i, size_t e)
{
#ifdef __SSE2__
	/* the same sixteen bytes at a time */
	const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!');
	const __m128i qm = _mm_set1_epi8('?'), colon = _mm_set1_epi8(':');
	const __m128i star = _mm_set1_epi8('*'), eq = _mm_set1_epi8('='), us = _mm_set1_epi8('_');
	while (i + 16 <= e) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
		                         _mm_or_si128(_mm_cmpeq_epi8(v, qm), _mm_cmpeq_epi8(v, colon)));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, star),
		                                 _mm_or_si128(_mm_cmpeq_epi8(v, eq), _mm_cmpeq_epi8(v, us))));
		unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(m, v));
		while (bits) {
			size_t k = i + (size_t)__builtin_ctz(bits);
			if (mark_byte[(unsigned char)t[k]])
				return k;
			bits &= bits - 1;
		}
		i += 16;
	}
#endif
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	for (;;) {
		while (i + 8 <= e) {
			uint64_t v;
			memcpy(&v, t + i, 8);
			uint64_t a = v ^ (ones * '.'), b = v ^ (ones * '!');
			uint64_t c = v ^ (ones * '?'), d = v ^ (ones * ':');
			uint64_t f = v ^ (ones * '*'), g = v ^ (ones * '='), h = v ^ (ones * '_');
			uint64_t z = ((a - ones) & ~a) | ((b - ones) & ~b) |
			             ((c - ones) & ~c) | ((d - ones) & ~d) | ((f - ones) & ~f) |
			             ((g - ones) & ~g) | ((h - ones) & ~h) | v;
			if (z & high)
				break;
			i += 8;
		}
		size_t stop = i + 8 < e ? i + 8 : e;
		for (; i < stop; i++)
			if (mark_byte[(unsigned char)t[i]])
				return i;
		if (i >= e)
			return e;
	}
}

/* "Weekday, Month D, YYYY" at t[i..e): its length, or 0. */
static size_t full_date(const char *t, size_t i, size_t e)
{
	static const char *const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday",
	                                    "Friday", "Saturday", "Sunday" };
	static const char *const months[] = { "January", "February", "March", "April",
	                                      "May", "June", "July", "August", "September",
	                                      "October", "November", "December" };
	size_t j = i, k;
	for (k = 0; k < 7; k++) {
		size_t n = strlen(days[k]);
		if (e - j > n && memcmp(t + j, days[k], n) == 0) {
			j += n;
			break;
		}
	}
	if (k == 7 || j + 2 > e || t[j] != ',' || t[j + 1] != ' ')
		return 0;
	j += 2;
	for (k = 0; k < 12; k++) {
		size_t n = strlen(months[k]);
		if (e - j > n && memcmp(t + j, months[k], n) == 0) {
			j += n;
			break;
		}
	}
	if (k == 12 || j >= e || t[j++] != ' ')
		return 0;
	size_t d0 = j;
	while (j < e && j - d0 < 2 && is_digit(t[j]))
		j++;
	if (j == d0 || j + 6 > e || t[j] != ',' || t[j + 1] != ' ')
		return 0;
	j += 2;
	for (k = 0; k < 4; k++)
		if (!is_digit(t[j + k]))
			return 0;
	j += 4;
	if (j < e && (is_digit(t[j]) || t[j] == '.'))
		return 0;
	return j - i;
}

/* Web news pages put the publication date next to the headline: a paragraph
 * opening with a full date followed by a capitalised word, or a headline
 * ending in one, has the date as a sentence of its own. */
static void datelines(struct para *p)
{
	const char *t = p->t;
	size_t n = p->s == p->ps ? full_date(t, p->ps, p->pe) : 0;
	if (n && p->ps + n < p->pe) {
		size_t nx = skip_space(t, p->ps + n, p->pe), adv;
		if (nx > p->ps + n && upper_cp(dec(t, p->pe, nx, &adv)))
			emit(p, p->ps + n);
	}
	for (size_t i = p->pe > p->s + 48 ? p->pe - 48 : p->s + 1; i + 16 < p->pe; i++) {
		if (t[i - 1] != ' ' || t[i] < 'F' || t[i] > 'W' || full_date(t, i, p->pe) != p->pe - i)
			continue;
		size_t b = trim_back(t, p->s, i);
		if (b == p->s || t[b - 1] == ',' || t[b - 1] == '-')
			return;
		static const char *const joins[] = { "on", "of", "by", "since", "until", "till", "from",
		                                     "to", "before", "after", "and", "or", "through",
		                                     "between", "at", "for", "the" };
		size_t w = token_start(t, p->s, b);
		for (size_t k = 0; k < sizeof joins / sizeof *joins; k++)
			if (strlen(joins[k]) == b - w && memcmp(t + w, joins[k], b - w) == 0)
				return;   /* "... on Tuesday, May 5, 2015" */
		emit(p, i);
		return;
	}
}

static void credit(struct para *p, size_t colon);

/* A colon: a picture credit, or a smiley ending a sentence ("in the
 * community :-) Posted by"); returns where to go on. */
static size_t colon(struct para *p, size_t i)
{
	const char *t = p->t;
	size_t emo = emoticon(t, i, p->pe);
	if (!emo) {
		credit(p, i);
		return i + 1;
	}
	size_t k = i + emo, nws, nwe;
	if (k < p->pe && i > p->s && (t[i - 1] == ' ' || t[i - 1] == '\n') && first_alnum(p) < i) {
		size_t nx = skip_space(t, k, p->pe);
		if (next_word(t, nx, p->pe, &nws, &nwe) == NX_UPPER)
			emit(p, k);
	}
	return k;
}

/* "Playstation VR demo Image: Nick Moreau.": a picture credit after a
 * caption starts a sentence. */
static void credit(struct para *p, size_t colon)
{
	static const char *const words[] = { "Image", "Photo", "Picture", "Photograph", "Credit" };
	const char *t = p->t;
	if (colon + 1 >= p->pe || t[colon + 1] != ' ')
		return;
	size_t w = token_start(t, p->s, colon);
	if (w <= p->s || first_alnum(p) >= w)
		return;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strlen(words[k]) == colon - w && memcmp(t + w, words[k], colon - w) == 0) {
			emit(p, w);
			return;
		}
}

static void split_para(const struct news_splitter *sp, struct news_doc *d,
                       size_t ps, size_t pe, long no)
{
	struct para p = { sp, d, d->text.data, ps, pe, ps, 0, no, 0, 0, 0 };
	const char *t = p.t;
	long v;
	int style, alpha;
	size_t i = ps;
	if (list_marker(t, i, pe, &v, &style, &alpha)) {
		p.list_style = style;
		p.list_alpha = alpha;
		p.list_last = v;
	}
	if (pe - ps > 16 && (memcmp(t + ps + 3, "day, ", 5) == 0 || memcmp(t + ps + 4, "day, ", 5) == 0 ||
	                     memcmp(t + ps + 5, "day, ", 5) == 0 || memcmp(t + ps + 6, "day, ", 5) == 0))
		datelines(&p);
	while (i < pe) {
		unsigned char c = (unsigned char)t[i];
		if (p.list_style) {
			if ((c == ' ' || c == '\t' || c == '\n') && i + 1 < pe &&
			    list_marker(t, i + 1, pe, &v, &style, &alpha) && style == p.list_style &&
			    alpha == p.list_alpha && v == p.list_last + 1) {
				emit(&p, i + 1);
				p.list_last = v;
				i++;
				continue;
			}
			if (!mark_byte[c]) {
				i++;
				continue;
			}
		} else if (!mark_byte[c]) {
			i = next_mark(t, i, pe);
			continue;
		}
		if (c == ':') {
			i = colon(&p, i);
			continue;
		}
		if (c == '*' || c == '=' || c == '_') {
			i = separator_run(&p, i);
			continue;
		}
		if (c == 0xE2) {
			size_t adv;
			uint32_t cp = dec(t, pe, i, &adv);
			if (cp == 0x2026) {
				i = end_marks(&p, i);
			} else {
				size_t back;
				if (bullet_cp(cp) && i > p.s && space_cp(dec_back(t, ps, i, &back)) &&
				    first_alnum(&p) < i)
					emit(&p, i);
				i += adv;
			}
			continue;
		}
		i = end_marks(&p, i);
	}
	if (pe - p.s > 16 && is_digit(t[pe - 4]) && t[pe - 6] == ',' && is_digit(t[pe - 1]))
		datelines(&p);
	emit(&p, pe);
}

/* ---- paragraphs ------------------------------------------------------ */

/* Page furniture on a line of its own: navigation and table debris ending or
 * starting in '|', empty image or link markup, and short or spaced runs of
 * separator characters ("--", "* * *"). Long rules of one repeated character
 * are kept (some corpora count them as sentences), and so are emoticons. */
static int debris_line(const char *t, size_t a, size_t b)
{
	if (t[a] == '|' || t[b - 1] == '|')
		return 1;
	const char *bar = memchr(t + a, '|', b - a);
	if (bar && memchr(bar + 1, '|', (size_t)(t + b - bar - 1)) && !memchr(t + a, '.', b - a))
		return 1;   /* "Home | World | Politics" */
	if (b - a >= 3 && (memcmp(t + a, "![", 2) == 0 || memcmp(t + a, "[](", 3) == 0 ||
	                   memcmp(t + a, "[![", 3) == 0) && t[b - 1] == ')')
		return 1;   /* image markup, an empty link */
	size_t nonspace = 0, spaces = 0, adv;
	for (size_t i = a; i < b; i += adv) {
		uint32_t c = dec(t, b, i, &adv);
		if (space_cp(c))
			spaces++;
		else if (c == '-' || c == '=' || c == '_' || c == '*' || c == '~' || c == '#' ||
		         c == 0x2022 || c == 0xB7 || c == 0x2014 || c == 0x2013)
			nonspace++;
		else
			return 0;
	}
	return nonspace <= 3 || spaces > 0;
}

static int ends_continuation(const char *t, size_t a, size_t b)
{
	char c = t[b - 1];
	(void)a;
	return c == ',' || c == ';' || c == '-' || c == '(' || c == '&';
}

static int ends_sentence(const char *t, size_t a, size_t b)
{
	size_t back;
	uint32_t c = dec_back(t, a, b, &back);
	return c == '.' || c == '!' || c == '?' || c == ':' || closer_cp(c) || c == 0x2026;
}

static int starts_lower(const char *t, size_t a, size_t b)
{
	size_t adv;
	return lower_cp(dec(t, b, a, &adv));
}

/* Lines longer than this make a block one paragraph per line: hard-wrapped
 * text stays below it. */
enum { WRAP_WIDTH = 110 };
/* Lines no longer than this in a block where no line ends a sentence are
 * list items or headings, not wrapped text. */
enum { LIST_WIDTH = 30 };

/* Read the line at t[i] (i < n) into *l; returns the offset after it. A
 * blank line (white space only) gets l->start == l->end. */
static size_t read_line(const char *t, size_t n, size_t i, struct line *l)
{
	const char *nl = memchr(t + i, '\n', n - i);
	size_t le = nl ? (size_t)(nl - t) : n;
	l->start = skip_space(t, i, le);
	l->end = l->start == le ? le : trim_back(t, l->start, le);
	l->indent = t[i] == ' ' || t[i] == '\t';
	l->debris = l->end > l->start && debris_line(t, l->start, l->end);
	return nl ? le + 1 : n;
}

/* How the lines of a block (text between blank lines) are laid out. */
struct block_shape {
	size_t maxlen;   /* longest line that is not debris */
	int any_end;     /* some line ends with . ! or ? */
};

static void measure_line(struct block_shape *bs, const char *t, const struct line *l)
{
	if (l->debris)
		return;
	if (l->end - l->start > bs->maxlen)
		bs->maxlen = l->end - l->start;
	char c = t[l->end - 1];
	bs->any_end |= c == '.' || c == '!' || c == '?';
}

/* Make the paragraphs of the block t[bs..be) with the given shape. Nothing
 * is stored per line, so memory does not grow with the text. */
static void split_block(struct news_splitter *sp, struct news_doc *d, size_t bs, size_t be,
                        const struct block_shape *shape, long *para)
{
	const char *t = d->text.data;
	struct line l, prev = { 0, 0, 0, 0 };
	size_t maxlen = shape->maxlen;
	/* long lines: one paragraph a line; short lines none of which ends a
	 * sentence: a list of items ("features\ncontact manager\nevents") */
	int long_lines = maxlen > WRAP_WIDTH;
	int per_line = long_lines || (maxlen <= LIST_WIDTH && !shape->any_end);
	size_t ps = 0, pe = 0;
	int open = 0;
	for (size_t i = bs; i < be;) {
		i = read_line(t, be, i, &l);
		if (l.debris) {
			if (open)
				split_para(sp, d, ps, pe, ++*para);
			open = 0;
			continue;
		}
		if (open) {
			int short_line = (prev.end - prev.start) * 10 < maxlen * 6;
			/* a line of one-paragraph-a-line text broken in mid-sentence
			 * continues in lower case */
			int broken = long_lines && starts_lower(t, l.start, l.end) &&
			             !ends_sentence(t, prev.start, prev.end);
			/* no line of the block ends a sentence: headline, byline and
			 * the like, each line its own unless the next goes on in
			 * lower case */
			int headings = !shape->any_end;
			if ((per_line && !broken) || l.indent ||
			    ((short_line || headings) && !ends_continuation(t, prev.start, prev.end) &&
			     !starts_lower(t, l.start, l.end))) {
				split_para(sp, d, ps, pe, ++*para);
				open = 0;
			}
		}
		if (!open)
			ps = l.start;
		open = 1;
		pe = l.end;
		prev = l;
	}
	if (open)
		split_para(sp, d, ps, pe, ++*para);
}

/* Blocks are found and measured in one pass over the lines, then split in a
 * second. */
void news_split_doc(struct news_splitter *sp, struct news_doc *d)
{
	const char *t = d->text.data;
	size_t n = d->text.len, i = 0;
	long para = 0;
	struct line l;
	while (i < n) {
		size_t next = read_line(t, n, i, &l);
		if (l.start == l.end) {
			i = next;
			continue;
		}
		struct block_shape shape = { 0, 0 };
		measure_line(&shape, t, &l);
		size_t bs = i, be = next;
		i = n;
		while (be < n) {
			size_t after = read_line(t, n, be, &l);
			if (l.start == l.end) {
				i = after;
				break;
			}
			measure_line(&shape, t, &l);
			be = after;
		}
		split_block(sp, d, bs, be, &shape, &para);
	}
}
