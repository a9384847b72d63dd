/* quote_tok: the words and marks that lib/quote reads, with their classes.
 *
 * The quotation rules work on tokens: words with their case and the classes
 * of every word list they are in (cue verbs, titles, person nouns, function
 * words), punctuation, and quotation marks with the direction their context
 * suggests. A quote_lexicon is the merged word table, built once from the
 * lists in lib/data/quote_*; quote_tokenize() reads a span of text into
 * tokens, looking each word up once. */
#ifndef NEWS_QUOTE_TOK_H
#define NEWS_QUOTE_TOK_H

#include <stddef.h>

/* Word classes (bits): a word may be a title, a noun and a cue at once. */
enum {
	W_TITLE = 1 << 0,     /* President, Sen., spokesman (before a name) */
	W_NOUN_S = 1 << 1,    /* person noun, singular */
	W_NOUN_P = 1 << 2,    /* person noun, plural */
	W_DET = 1 << 3,       /* the, one, another, two ... starts a noun phrase */
	W_PRON = 1 << 4,      /* he she they ... */
	W_SKIP = 1 << 5,      /* has, also, later: between subject and cue */
	W_CLAUSE = 1 << 6,    /* that, which, and, but: ends a noun phrase */
	W_PREP = 1 << 7,      /* in, on, to: ends a noun phrase */
	W_TIME = 1 << 8,      /* Monday, today, week: adverbials after a cue */
	W_OFFOR = 1 << 9,     /* of, for: inside a description */
	W_PARTICLE = 1 << 10, /* de, van, bin: lower case inside names */
	W_OBJ = 1 << 11,      /* him, reporters: objects of told */
	W_AUX = 1 << 12,      /* is, was, be: passive "is said to" */
	W_CUE_S = 1 << 13,    /* said: a clause after, or a quote around */
	W_CUE_T = 1 << 14,    /* told: an object, then a clause */
	W_CUE_D = 1 << 15,    /* asked, called: quotes and fragments only */
	W_CUE_B = 1 << 16,    /* think, believe, show: a clause after, no quotes */
	W_CUE_N = 1 << 17,    /* notes, claims: cues only right after a quote */
	W_ACCORD = 1 << 18,   /* according (to): kept when capitalised */
	W_ORG = 1 << 19       /* Department, Committee: heads an organisation's name */
};
#define W_CUE (W_CUE_S | W_CUE_T | W_CUE_D)

enum { T_WORD = 1, T_PUNCT, T_QUOTE };
enum { F_CAP = 1, F_LOWER = 2, F_DIGIT = 4, F_ALLCAP = 8 };
/* quotation mark direction as the context suggests */
enum { Q_APOS = 0, Q_OPEN = 1, Q_CLOSE = 2, Q_EITHER = 3 };

struct qtok {
	size_t s, e;
	int sent;              /* sentence index, -1 outside every sentence (set by
	                          the caller, as are para and dq) */
	int para;
	int dq;                /* direct quote whose content holds it, -1 */
	unsigned cls;          /* word classes (W_*) */
	unsigned char type, flags;
	char ch;               /* punctuation: , . : ; ! ? ( ) - (dashes) or 0;
	                          quotes: 'd' double, 's' single */
	unsigned char qdir;    /* Q_* for quotation marks */
	char curly;            /* quotes: 'l' left glyph, 'r' right glyph, 0 straight */
	unsigned char hidden;  /* a capitalised cue's cue bits >> 13, for headlines */
};

struct quote_tokens {
	struct qtok *t;
	size_t n, cap;
	size_t *marks;         /* indices of the quotation mark tokens, in order */
	size_t nmarks, marks_cap;
};

struct quote_lexicon;

struct quote_lexicon *quote_lexicon_new(void);
void quote_lexicon_free(struct quote_lexicon *lx);

/* Replace the tokens of out with those of text[from..to); to must be on a
 * character boundary. */
void quote_tokenize(const struct quote_lexicon *lx, const char *text, size_t from,
                    size_t to, struct quote_tokens *out);
void quote_tokens_free(struct quote_tokens *tv);

static inline int quote_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int quote_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

#endif
