/* ner_tok: see ner_tok.h. */
#include "ner_tok.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ner_util.h"

size_t ner_utf8_next(const char *s, size_t n, size_t i, unsigned *cp)
{
	if ((unsigned char)s[i] < 0x80) {
		*cp = (unsigned char)s[i];
		return 1;
	}
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	                                      (utf8proc_ssize_t)(n - i), &c);
	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = (unsigned)c;
	return (size_t)k;
}

enum cls { C_SPACE, C_UPPER, C_LOWER, C_LETTER, C_DIGIT, C_APOS, C_HYPHEN, C_PERIOD, C_OTHER };

#define U C_UPPER
#define L C_LOWER
#define D C_DIGIT
#define S C_SPACE
#define O C_OTHER
static const unsigned char ascii_class[128] = {
	O, O, O, O, O, O, O, O, O, S, S, S, S, S, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	S, O, O, O, O, O, O, C_APOS, O, O, O, O, O, C_HYPHEN, C_PERIOD, O,
	D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O,
	O, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
	U, U, U, U, U, U, U, U, U, U, U, O, O, O, O, O,
	O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O,
};
#undef U
#undef L
#undef D
#undef S
#undef O

static enum cls classify(unsigned c)
{
	if (c < 128)
		return (enum cls)ascii_class[c];
	if (c == 0x2019)
		return C_APOS;
	if (c == 0xFFFD)
		return C_OTHER;
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return C_SPACE;
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
		return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return C_LOWER;
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_CF:   /* soft hyphen, zero-width joiners: part of a word */
		return C_LETTER;
	default:
		return C_OTHER;
	}
}

/* Words that keep their period: titles, company and month abbreviations. */
static const char *const abbrevs[] = {
	"Adm", "Ave", "Blvd", "Brig", "Bros", "Capt", "Cdr", "Cmdr", "Co", "Col", "Corp",
	"Cpl", "Dept", "Dr", "Drs", "Feb", "Fr", "Ft", "Gen", "Gov", "Hon", "Inc", "Jan",
	"Jr", "Lt", "Ltd", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct",
	"Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sept", "Sgt", "Sr",
	"St", "Supt", "Univ", "Aug", "Dec", "Apr", "Jun", "Jul", "Mar", "vs", "etc",
	"Ltd", "Plc", "Gens", "Govs", "Mme", "Mlle", "Msgr", "Ph", "Esq", NULL
};

/* Kinds of the ASCII bytes that make up words; 0 for the rest (and for
 * the bytes of multi-byte characters, which take the slow path). */
enum { K_UP = 1, K_LOW = 2, K_DIG = 4 };
#define R(k) k, k, k, k, k, k, k, k, k, k
static const unsigned char word_byte_kind[256] = {
	['0'] = R(K_DIG),
	['A'] = R(K_UP), R(K_UP), K_UP, K_UP, K_UP, K_UP, K_UP, K_UP,
	['a'] = R(K_LOW), R(K_LOW), K_LOW, K_LOW, K_LOW, K_LOW, K_LOW, K_LOW,
};
#undef R

/* Letters among the characters of s[a..b). */
static size_t count_letters(const char *s, size_t a, size_t b)
{
	size_t n = 0;
	while (a < b) {
		unsigned c;
		size_t k = ner_utf8_next(s, b, a, &c);
		enum cls cl = classify(c);
		n += cl == C_UPPER || cl == C_LOWER || cl == C_LETTER;
		a += k;
	}
	return n;
}

static int is_abbrev(const char *s, size_t n)
{
	if (n > 6)
		return 0;
	return ner_in_list(abbrevs, s, n);
}

static void grow_toks(struct ner_toks *out)
{
	out->cap = out->cap ? out->cap * 2 : 64;
	out->t = ner_xrealloc(out->t, out->cap * sizeof *out->t);
}

static inline void push(struct ner_toks *out, size_t a, size_t b, unsigned flags)
{
	if (out->n == out->cap)
		grow_toks(out);
	out->t[out->n++] = (struct ner_tok){a, b, flags};
}

/* Is s[i..) a clitic that splits off a word: 's 'S 're 've 'll 'd 'm (then a
 * non-letter)? Returns its length or 0. */
static size_t clitic_len(const char *s, size_t end, size_t i)
{
	unsigned c;
	size_t k = ner_utf8_next(s, end, i, &c);
	if (classify(c) != C_APOS)
		return 0;
	size_t j = i + k, m = 0;
	while (j + m < end && m < 3) {
		unsigned ch = (unsigned char)s[j + m];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
			break;
		m++;
	}
	if (m == 0)
		return k;   /* bare apostrophe after a word: plural possessive */
	if (j + m < end) {
		unsigned nc;
		ner_utf8_next(s, end, j + m, &nc);
		enum cls cl = classify(nc);
		if (cl == C_UPPER || cl == C_LOWER || cl == C_LETTER || cl == C_DIGIT)
			return 0;
	}
	const char *w = s + j;
	if ((m == 1 && strchr("sSdDmM", w[0])) ||
	    (m == 2 && (!strncmp(w, "re", 2) || !strncmp(w, "ve", 2) || !strncmp(w, "ll", 2) ||
	                !strncmp(w, "RE", 2) || !strncmp(w, "VE", 2) || !strncmp(w, "LL", 2))))
		return k + m;
	return 0;
}

int ner_is_word_char(unsigned cp)
{
	enum cls c = classify(cp);
	return c == C_UPPER || c == C_LOWER || c == C_LETTER || c == C_DIGIT;
}

void ner_tokenize(const char *s, size_t start, size_t end, struct ner_toks *out)
{
	ner_tokenize_max(s, start, end, out, (size_t)-1);
}

/* The class of the character at s[i] (of length *k, code point *c). */
static inline enum cls class_at(const char *s, size_t end, size_t i, unsigned *c, size_t *k)
{
	unsigned char b = (unsigned char)s[i];
	if (b < 0x80) {
		*c = b;
		*k = 1;
		return (enum cls)ascii_class[b];
	}
	*k = ner_utf8_next(s, end, i, c);
	return classify(*c);
}

static inline int is_word_class(enum cls cl)
{
	return cl == C_UPPER || cl == C_LOWER || cl == C_LETTER || cl == C_DIGIT;
}

/* Kinds of the characters of a word (K_UP, K_LOW, K_DIG of the ASCII
 * table, K_LET for other letters): only which occur decides the flags. */
enum { K_LET = 8 };
static inline unsigned class_kind(enum cls cl)
{
	switch (cl) {
	case C_UPPER: return K_UP;
	case C_LOWER: return K_LOW;
	case C_LETTER: return K_LET;
	case C_DIGIT: return K_DIG;
	default: return 0;
	}
}

void ner_tokenize_max(const char *s, size_t start, size_t end, struct ner_toks *out, size_t max)
{
	size_t i = start, n0 = out->n;
	int space = 1;
	while (i < end && out->n - n0 < max) {
		unsigned c;
		size_t k;
		enum cls cl = class_at(s, end, i, &c, &k);
		if (cl == C_SPACE) {
			i += k;
			space = 1;
			continue;
		}
		unsigned sp = space ? NER_TF_SPACE : 0;
		space = 0;
		if (is_word_class(cl)) {
			size_t a = i;
			int first_up = cl == C_UPPER;
			unsigned kinds = 0, plain = NER_TF_PLAIN;
			for (;;) {
				kinds |= class_kind(cl);
				i += k;
				/* the common case: a run of ASCII letters and digits */
				while (i < end) {
					unsigned char kb = word_byte_kind[(unsigned char)s[i]];
					if (!kb)
						break;
					kinds |= kb;
					i++;
				}
				if (i >= end)
					break;
				cl = class_at(s, end, i, &c, &k);
				if (is_word_class(cl))
					continue;
				/* internal apostrophe: O'Brien, D'Alema (not a clitic) */
				if (cl == C_APOS && !clitic_len(s, end, i) && i + k < end) {
					unsigned nc;
					size_t nk;
					enum cls ncl = class_at(s, end, i + k, &nc, &nk);
					if (ncl == C_UPPER || ncl == C_LOWER || ncl == C_LETTER) {
						i += k;
						k = nk;
						cl = ncl;
						plain = 0;
						continue;
					}
				}
				/* digits with separators: 1,000.50 */
				if ((c == ',' || c == '.') && (kinds & K_DIG) && !(kinds & (K_UP | K_LOW | K_LET)) &&
				    i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9') {
					i += 1;
					k = 1;
					c = (unsigned char)s[i];
					cl = C_DIGIT;
					plain = 0;
					continue;
				}
				break;
			}
			unsigned f = sp | plain;
			int letters = (kinds & (K_UP | K_LOW | K_LET)) != 0;
			if (first_up)
				f |= NER_TF_CAP;
			if ((kinds & K_UP) && !(kinds & K_LOW))
				f |= NER_TF_ALLCAPS;
			if ((kinds & K_LOW) && !(kinds & K_UP))
				f |= NER_TF_LOWER;
			if (kinds & K_DIG)
				f |= NER_TF_DIGIT;
			if (letters)
				f |= NER_TF_ALPHA;
			/* abbreviations keep the period: U.S., U.N., W., Gen., Corp. */
			if (i < end && s[i] == '.' && letters && !(kinds & K_DIG)) {
				size_t wl = i - a;
				if (wl <= 2 && count_letters(s, a, i) == 1) {
					/* an initial, or a letters-and-periods run like U.S. or e.g. */
					size_t j = i + 1;
					while (j + 1 < end && ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') && s[j + 1] == '.')
						j += 2;
					i = j;
					f = (f | NER_TF_PERIOD) & ~NER_TF_PLAIN;
				} else if (is_abbrev(s + a, wl)) {
					i++;
					f = (f | NER_TF_PERIOD) & ~NER_TF_PLAIN;
				}
			}
			push(out, a, i, f);
			continue;
		}
		if (cl == C_APOS) {
			size_t m = clitic_len(s, end, i);
			if (m && !sp && out->n) {
				push(out, i, i + m, NER_TF_CLITIC | NER_TF_LOWER | NER_TF_ALPHA);
				i += m;
				continue;
			}
		}
		push(out, i, i + k, sp);
		i += k;
	}
}

void ner_toks_free(struct ner_toks *tv)
{
	free(tv->t);
	tv->t = NULL;
	tv->n = tv->cap = 0;
}
