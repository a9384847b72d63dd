/* split: sentence and paragraph segmentation (see split.h).
 *
 * One pass over each paragraph: a byte table finds the few bytes that can
 * end a sentence (. ! ? and the lead byte of … • ⁃), and only there do the
 * rules look around: the word before the mark (abbreviation, initial,
 * number, list marker) and the word after it (lower case, a digit, a word
 * that typically starts a sentence). Nothing is allocated per sentence; the
 * splitter owns the word tables and a line array reused across documents. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "doc.h"
#include "split.h"
#include "wordlist.h"

NEWS_DATA(abbrev);
NEWS_DATA(split_starters);

enum abbrev_class { AB_NONE = 0, AB_TITLE, AB_NUMBER, AB_OTHER, AB_FINAL };

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
	struct line *lines;
	size_t lines_cap;
};

/* ---- characters ------------------------------------------------------ */

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

static inline int space_cp(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
	       c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
	       c == 0x3000 || c == 0xFEFF;
}

static inline int upper_cp(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
	return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static inline int lower_cp(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LL;
}

static inline int alnum_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	       k == UTF8PROC_CATEGORY_ND;
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
			      tab[1] == 'F' ? AB_FINAL : AB_OTHER;
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
	return sp;
}

void news_splitter_free(struct news_splitter *sp)
{
	if (!sp)
		return;
	free(sp->abbrev.slots);
	free(sp->starters.slots);
	free(sp->lines);
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
	long no;
	/* numbered or lettered list: marker style and last value seen */
	int list_style;       /* 0 none, else the byte after the number: '.' or ')' */
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
}

/* Does any letter or digit occur in t[a..b)? */
static int has_alnum(const char *t, size_t a, size_t b)
{
	size_t adv;
	for (size_t i = a; i < b; i += adv)
		if (alnum_cp(dec(t, b, i, &adv)))
			return 1;
	return 0;
}

/* A list marker at t[i..]: "12." "12)" "12.)" "a." "b)" followed by a space.
 * Gives its value, style ('.' or ')') and whether it is a letter. */
static int list_marker(const char *t, size_t i, size_t e, long *val, int *style, int *alpha)
{
	size_t j = i;
	long v = 0;
	while (j < e && j - i < 3 && is_digit(t[j]))
		v = v * 10 + (t[j++] - '0');
	if (j == i) {
		if (j < e && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z'))) {
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

/* The start of the token ending at i (white space delimited, >= lo). */
static size_t token_start(const char *t, size_t lo, size_t i)
{
	while (i > lo) {
		size_t back;
		if (space_cp(dec_back(t, lo, i, &back)))
			break;
		i -= back;
	}
	return i;
}

/* Before a lower-case word a period ends a sentence only after a plain
 * lower-case word that is no abbreviation ("it was mean. why") */
static int lower_word_ends(const struct para *p, const char *w, size_t wl, size_t nws, size_t nwe)
{
	if (wl < 2 || nwe == nws)
		return 0;
	for (size_t k = 0; k < wl; k++)
		if (w[k] < 'a' || w[k] > 'z')
			return 0;
	return table_get(&p->sp->abbrev, w, wl, 1) == AB_NONE;
}

/* Does a single period at t[i] (followed by white space) end the sentence?
 * nc/ws/we describe the next word. */
static int period_ends(const struct para *p, size_t i, enum next_class nc, size_t nws, size_t nwe)
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
	int first = !has_alnum(t, p->s, w0);
	if (is_number_word(w, wl)) {
		if (first && wl <= 3)
			return 0;   /* a list marker: "1. The first item" */
		return 1;
	}
	uint32_t c0 = dec(t, i, w0, &adv);
	if (adv == wl && (upper_cp(c0) || lower_cp(c0))) {
		if (first)
			return 0;   /* "a. The first item", "J. Smith said" */
		/* the word before: a capitalised one makes this an initial */
		size_t pe = trim_back(t, p->s, w0);
		size_t pw = token_start(t, p->s, pe);
		int prev_cap = pe > pw && upper_cp(dec(t, pe, pw, &adv));
		if (c0 == 'I' && !prev_cap)
			return nc == NX_UPPER;
		if (prev_cap)
			return 0;
		return nc == NX_UPPER && is_starter(p->sp, t, nws, nwe);
	}
	int up;
	if (letters_with_periods(w, wl, &up)) {
		if (nc != NX_UPPER)
			return 0;
		if (is_starter(p->sp, t, nws, nwe))
			return 1;
		return up && is_personal_title(t + nws, nwe - nws);
	}
	switch (table_get(&p->sp->abbrev, w, wl, 1)) {
	case AB_TITLE:
		return 0;
	case AB_NUMBER:
		return nc != NX_DIGIT;
	case AB_OTHER:
		return nc == NX_UPPER && is_starter(p->sp, t, nws, nwe);
	case AB_FINAL:
		return nc == NX_UPPER;
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
	while (te < p->pe && t[te] != ' ' && t[te] != '\n' && t[te] != '\t')
		te++;
	for (size_t k = ts; k < te; k++)
		if (t[k] == '@' || t[k] == '/' || t[k] == '_' || t[k] == '\\' || t[k] == ':')
			return 0;
	if (te - ts > 3 && (memcmp(t + ts, "www", 3) == 0 || memcmp(t + ts, "WWW", 3) == 0))
		return 0;
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

/* Before a lower-case word, '?' ends a sentence ("grow up? india?"), and so
 * does '!' unless it belongs to a name (Yahoo! in). */
static int question_or_lower_exclaim(const struct para *p, size_t i, size_t j)
{
	const char *t = p->t;
	for (size_t k = i; k < j; k++)
		if (t[k] == '?')
			return 1;
	size_t w0 = token_start(t, p->s, i), adv;
	return !(w0 < i && upper_cp(dec(t, i, w0, &adv)));
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
		if (nc != NX_LOWER || (k == j && question_or_lower_exclaim(p, i, j)))
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
	['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1,
};

static void split_para(const struct news_splitter *sp, struct news_doc *d,
                       size_t ps, size_t pe, long no)
{
	struct para p = { sp, d, d->text.data, ps, pe, ps, no, 0, 0, 0 };
	const char *t = p.t;
	long v;
	int style, alpha;
	size_t i = ps;
	if (list_marker(t, i, pe, &v, &style, &alpha)) {
		p.list_style = style;
		p.list_alpha = alpha;
		p.list_last = v;
	}
	while (i < pe) {
		unsigned char c = (unsigned char)t[i];
		if (p.list_style && (c == ' ' || c == '\t' || c == '\n') && i + 1 < pe &&
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
		if (c == 0xE2) {
			size_t adv;
			uint32_t cp = dec(t, pe, i, &adv);
			if (cp == 0x2026) {
				i = end_marks(&p, i);
			} else {
				size_t back;
				if (bullet_cp(cp) && i > p.s && space_cp(dec_back(t, ps, i, &back)) &&
				    has_alnum(t, p.s, i))
					emit(&p, i);
				i += adv;
			}
			continue;
		}
		i = end_marks(&p, i);
	}
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
	if (b - a >= 3 && (memcmp(t + a, "![", 2) == 0 || memcmp(t + a, "[](", 3) == 0) &&
	    t[b - 1] == ')')
		return 1;
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

static int starts_lower(const char *t, size_t a, size_t b)
{
	size_t adv;
	return lower_cp(dec(t, b, a, &adv));
}

/* Lines longer than this make a block one paragraph per line: hard-wrapped
 * text stays below it. */
enum { WRAP_WIDTH = 110 };

static void split_block(struct news_splitter *sp, struct news_doc *d, size_t nlines, long *para)
{
	const char *t = d->text.data;
	struct line *ln = sp->lines;
	size_t maxlen = 0;
	for (size_t k = 0; k < nlines; k++)
		if (!ln[k].debris && ln[k].end - ln[k].start > maxlen)
			maxlen = ln[k].end - ln[k].start;
	int per_line = maxlen > WRAP_WIDTH;
	size_t k = 0;
	while (k < nlines) {
		if (ln[k].debris) {
			k++;
			continue;
		}
		size_t first = k;
		while (k + 1 < nlines && !ln[k + 1].debris && !per_line && !ln[k + 1].indent) {
			size_t len = ln[k].end - ln[k].start;
			int short_line = len * 10 < maxlen * 6;
			if (short_line && !ends_continuation(t, ln[k].start, ln[k].end) &&
			    !starts_lower(t, ln[k + 1].start, ln[k + 1].end))
				break;
			k++;
		}
		split_para(sp, d, ln[first].start, ln[k].end, ++*para);
		k++;
	}
}

void news_split_doc(struct news_splitter *sp, struct news_doc *d)
{
	const char *t = d->text.data;
	size_t n = d->text.len, i = 0, nlines = 0;
	long para = 0;
	while (i <= n) {
		if (i == n) {
			if (nlines)
				split_block(sp, d, nlines, &para);
			break;
		}
		const char *nl = memchr(t + i, '\n', n - i);
		size_t le = nl ? (size_t)(nl - t) : n;
		size_t cs = skip_space(t, i, le);
		if (cs == le) {
			if (nlines)
				split_block(sp, d, nlines, &para);
			nlines = 0;
		} else {
			size_t ce = trim_back(t, cs, le);
			NEWS_GROW(sp->lines, sp->lines_cap, nlines + 1);
			struct line *l = &sp->lines[nlines++];
			l->start = cs;
			l->end = ce;
			l->indent = t[i] == ' ' || t[i] == '\t';
			l->debris = (unsigned char)debris_line(t, cs, ce);
		}
		i = nl ? le + 1 : n;
	}
}
