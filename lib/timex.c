/* timex: temporal expression recognition and TIMEX3 normalisation (see timex.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "rx.h"
#include "timex.h"
#include "timex_cal.h"
#include "timex_lex.h"
#include "calendar.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- tokens ---------------------------------------------------------- */

enum { TK_WORD = 1, TK_NUM, TK_PUNCT };

/* Words of this many bytes or more have no lower-cased form (and no class). */
#define LOW_MAX 22

struct tok {
	size_t s, e;                /* byte offsets in the text */
	unsigned char kind;
	unsigned char sp;           /* white space before */
	unsigned char cap;          /* starts with an upper-case letter */
	unsigned char ord;          /* number with an ordinal suffix: 13th */
	unsigned char decade;       /* number with a plural s: 1960s */
	unsigned char period;       /* word followed directly by a period */
	char ch;                    /* punctuation, normalised (dashes are '-') */
	int ndig;
	long num;
	const struct timex_lexinfo *lx;
	short hol;                  /* calendar holiday id + 1 named from here, 0 none */
	short hol_end;              /* the token after that name */
	unsigned char holiday_head; /* a holiday name may begin here */
	uint64_t starts;            /* the word's core parsers (core_parsers) */
	unsigned char lown;
	char low[24];               /* lower-cased word, LOW_MAX bytes at most */
};

struct timex_state {
	struct timex_result *res;
	size_t nres, cap;
	int has_quarter, qy, qq;    /* the last quarter the document named */
	int last_year;              /* the last year the document named, 0 if none */
};

struct timex_engine {
	struct timex_lex *lex;
	struct timex_lex_index words;   /* lex's index */
	int holiday_long;               /* timex_lex_holiday_long(lex) */
	/* the words the prefilter looks for: triggers and holiday heads */
	uint64_t prefilter_bloom[(1u << TIMEX_BLOOM_BITS) / 64];
	/* core parsers a number, an apostrophe, a dash, a holiday name may
	 * start (low half) or follow "the" in (high half) */
	uint64_t num_starts, quote_starts, dash_starts, hol_starts;
	const struct timex_lexinfo *the;   /* the word "the" */
	struct news_calendar *cal;  /* holiday names beyond the built-in table */
	struct news_rx *trigger;   /* numbers shaped like dates, anchored */
	struct tok *t;
	size_t n, cap;
	signed char *tense;         /* per token: enum timex_tense of a cue */
	size_t tense_cap;
	int tense_ready;            /* tense[] holds this sentence's cues */
	/* The sentence the prefilter passed last, copied with zero bytes after
	 * it: the prefilter reads it 64 bytes and the tokenizer 8 bytes at a
	 * time without running off the text. */
	unsigned char *pad;
	size_t pad_cap;
	/* Bit k of letter_bits[k / 64] (space_bits): byte k of the sentence in
	 * pad is an ASCII letter (white space); the tokenizer's runs. */
	uint64_t *letter_bits, *space_bits;
	size_t bits_cap, bits_cap2;
};

/* Bytes of white space, dash or apostrophe at s[i] beyond ASCII: their
 * length, with *what set to ' ', '-' or '\''. 0 for anything else. */
static int special_utf8(const unsigned char *s, size_t n, size_t i, char *what)
{
	if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
		*what = ' ';
		return 2;
	}
	if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
		unsigned char c = s[i + 2];
		if (c <= 0x8B || c == 0xAF || c == 0xA8 || c == 0xA9) {
			*what = ' ';
			return 3;
		}
		if (c >= 0x90 && c <= 0x95) {
			*what = '-';
			return 3;
		}
		if (c == 0x98 || c == 0x99) {
			*what = '\'';
			return 3;
		}
		if (c == 0x9C || c == 0x9D) {
			*what = '"';
			return 3;
		}
	}
	if (s[i] == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
		*what = ' ';
		return 3;
	}
	return 0;
}

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* tokenize() reserves room for a token per byte, so no push grows e->t. */
static struct tok *push_tok(struct timex_engine *e)
{
	struct tok *t = &e->t[e->n++];
	memset(t, 0, offsetof(struct tok, low));
	t->low[0] = 0;
	return t;
}

/* The lower-cased word, its lexicon entry and whether a holiday name may
 * begin at it: a name begins only where the run of ASCII letters is the
 * run one of its aliases begins with (timex_lex), so every other word
 * skips the calendar. */
static void set_low(struct timex_engine *e, struct tok *t, const char *s)
{
	size_t n = t->e - t->s, k = 0;
	const unsigned char *w = (const unsigned char *)s + t->s;
	if (n >= LOW_MAX) {
		t->lown = 0;
		t->low[0] = 0;
		t->holiday_head = 1;
		return;
	}
	size_t letters = n;    /* the leading run of ASCII letters */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = w[i];
		if (c == 0xE2) {         /* a curly apostrophe inside 's */
			if (letters == n)
				letters = i;
			c = '\'';
			i += 2;
		} else if (c >= 'A' && c <= 'Z') {
			c += 32;
		} else if (letters == n && !(c >= 'a' && c <= 'z')) {
			letters = i;
		}
		t->low[k++] = (char)c;
	}
	t->low[k] = 0;
	t->lown = (unsigned char)k;
	struct timex_word8 key = timex_word8((const unsigned char *)t->low, k);
	const struct timex_lex_entry *en = timex_lex_lookup(&e->words, &key);
	t->lx = en && en->info.mask ? &en->info : NULL;
	t->starts = en ? en->starts : 0;
	if (letters == n) {
		t->holiday_head = en && (en->flags & TIMEX_W_HOLIDAY);
	} else if (letters == 0) {
		t->holiday_head = (unsigned char)timex_lex_holiday_nonletter(e->lex);
	} else {
		key = timex_word8((const unsigned char *)t->low, letters);
		en = timex_lex_lookup(&e->words, &key);
		t->holiday_head = en && (en->flags & TIMEX_W_HOLIDAY);
	}
}

/* set_low() for a word of n ASCII letters at w (in e->pad): the common
 * case, lower-cased eight bytes at a time. */
static void set_letters(struct timex_engine *e, struct tok *t, const unsigned char *w, size_t n)
{
	if (n >= LOW_MAX) {
		t->lown = 0;
		t->low[0] = 0;
		t->holiday_head = (unsigned char)e->holiday_long;
		if (n <= TIMEX_WORD_MAX) {
			struct timex_word8 key = timex_word8_letters(w, n);
			const struct timex_lex_entry *en = timex_lex_lookup(&e->words, &key);
			t->holiday_head |= en && (en->flags & TIMEX_W_HOLIDAY);
		}
		return;
	}
	const uint64_t lower = 0x2020202020202020ull;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t v = timex_load8(w + i) | lower;
		memcpy(t->low + i, &v, 8);
	}
	t->low[n] = 0;
	t->lown = (unsigned char)n;
	struct timex_word8 key = timex_word8_letters(w, n);   /* not from low: just stored */
	const struct timex_lex_entry *en = timex_lex_lookup(&e->words, &key);
	t->lx = en && en->info.mask ? &en->info : NULL;
	t->starts = en ? en->starts : 0;
	t->holiday_head = en && (en->flags & TIMEX_W_HOLIDAY);
}

/* Copy text[start..end) into e->pad, zero bytes after it. */
static const unsigned char *pad_sentence(struct timex_engine *e, const char *text,
                                         size_t start, size_t end)
{
	size_t n = end - start, room = (n + 63) / 64 * 64 + 64;
	NEWS_GROW(e->pad, e->pad_cap, room);
	memcpy(e->pad, text + start, n);
	memset(e->pad + n, 0, room - n);
	return e->pad;
}

/* Whether a holiday name may begin at the word "the" at s[i..i + 3) of the
 * sentence s[0..n) in e->pad: the calendar takes "the" only before blanks
 * and a name, or in a name that begins with it, so the next word must
 * begin a name or follow "the" in one. Other words after "the" skip the
 * calendar. */
static int the_may_begin_holiday(const struct timex_engine *e, const unsigned char *s,
                                 size_t i, size_t n)
{
	size_t j = i + 3;
	if (j >= n || !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
		return 1;   /* not that case: the calendar decides */
	while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
		j++;
	if (j >= n)
		return 0;
	if (!is_alpha(s[j]))
		return timex_lex_holiday_nonletter(e->lex);
	size_t k = j;
	while (k < n && is_alpha(s[k]))
		k++;
	if (k - j > TIMEX_WORD_MAX)
		return e->holiday_long;
	struct timex_word8 key = timex_word8_letters(s + j, k - j);
	const struct timex_lex_entry *en = timex_lex_lookup(&e->words, &key);
	return en && (en->flags & (TIMEX_W_HOLIDAY | TIMEX_W_AFTER_THE));
}

/* Holiday names from the calendar module, found once per sentence so that
 * the grammar sees them as token spans: tok.hol and tok.hol_end. News
 * capitalises them; a lower-case name is looked for only in a short line (a
 * headline, a phrase), which keeps the lookup off most words of a story. */
#define HOLIDAY_SHORT_LINE 80

static void mark_holidays(struct timex_engine *e, const char *text, size_t start, size_t end)
{
	int short_line = end - start <= HOLIDAY_SHORT_LINE;
	for (size_t k = 0; k < e->n; k++) {
		struct tok *t = &e->t[k];
		int id;
		size_t len;
		if (t->kind != TK_WORD || !t->holiday_head
		    || (k > 0 && e->t[k - 1].kind == TK_WORD && !e->t[k].sp)
		    || !(t->cap || short_line)
		    || (t->lx == e->the && !the_may_begin_holiday(e, e->pad, t->s - start, end - start))
		    || !(len = news_calendar_match(e->cal, text, end, t->s, &id)))
			continue;
		size_t stop = t->s + len, m = k + 1;
		while (m < e->n && e->t[m].e <= stop)
			m++;
		if (e->t[m - 1].e != stop || id < 0 || id > 32000)
			continue;
		t->hol = (short)(id + 1);
		t->hol_end = (short)m;
	}
}

/* Bits k of *letters, *spaces: byte s[k] (k < 64) is an ASCII letter, is
 * white space (space, TAB, LF, VT, FF, CR). */
static void block_letters_spaces(const unsigned char *s, uint64_t *letters, uint64_t *spaces)
{
	uint64_t l = 0, w = 0;
#ifdef __SSE2__
	const __m128i a = _mm_set1_epi8('a' - 1), z = _mm_set1_epi8('z' + 1);
	const __m128i lower = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t' - 1);
	const __m128i cr = _mm_set1_epi8('\r' + 1);
	for (int k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
		__m128i lv = _mm_or_si128(v, lower);
		__m128i isl = _mm_and_si128(_mm_cmpgt_epi8(lv, a), _mm_cmpgt_epi8(z, lv));
		__m128i isw = _mm_or_si128(_mm_cmpeq_epi8(v, lower),
		                           _mm_and_si128(_mm_cmpgt_epi8(v, tab), _mm_cmpgt_epi8(cr, v)));
		l |= (uint64_t)(unsigned)_mm_movemask_epi8(isl) << (16 * k);
		w |= (uint64_t)(unsigned)_mm_movemask_epi8(isw) << (16 * k);
	}
#else
	for (int k = 0; k < 64; k++) {
		l |= (uint64_t)is_alpha(s[k]) << k;
		w |= (uint64_t)(s[k] == ' ' || (s[k] >= '\t' && s[k] <= '\r')) << k;
	}
#endif
	*letters = l;
	*spaces = w;
}

/* The first k >= i whose bit is clear in bits (the end of a run that
 * starts at i); the bits past the sentence are clear. */
static inline size_t run_end(const uint64_t *bits, size_t i)
{
	uint64_t w = ~bits[i / 64] >> (i % 64);
	if (w)
		return i + (size_t)__builtin_ctzll(w);
	for (size_t b = i / 64 + 1;; b++)
		if (~bits[b])
			return b * 64 + (size_t)__builtin_ctzll(~bits[b]);
}

/* Tokens of text[start..end), a sentence sentence_has_trigger() passed
 * just before (its copy in e->pad is read). */
static void tokenize(struct timex_engine *e, const char *text, size_t start, size_t end)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = start;
	int sp = 1;
	e->n = 0;
	NEWS_GROW(e->t, e->cap, end - start + 1);
	const unsigned char *pad = e->pad;   /* filled by the prefilter that passed it */
	size_t nb = (end - start) / 64 + 1;  /* one block more: a run ends in it */
	NEWS_GROW(e->letter_bits, e->bits_cap, nb);
	NEWS_GROW(e->space_bits, e->bits_cap2, nb);
	for (size_t b = 0; b < nb; b++)
		block_letters_spaces(pad + 64 * b, &e->letter_bits[b], &e->space_bits[b]);
	while (i < end) {
		unsigned char c = s[i];
		char what = 0;
		int sl;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			sp = 1;
			i = start + run_end(e->space_bits, i - start);
			continue;
		}
		if (c >= 0x80 && (sl = special_utf8(s, end, i, &what)) > 0 && what == ' ') {
			sp = 1;
			i += (size_t)sl;
			continue;
		}
		struct tok *t = push_tok(e);
		t->s = i;
		t->sp = (unsigned char)sp;
		sp = 0;
		if (is_digit(c)) {
			size_t j = i;
			long v = 0;
			while (j < end && is_digit(s[j])) {
				if (v < 100000000)
					v = v * 10 + (s[j] - '0');
				j++;
			}
			t->kind = TK_NUM;
			t->num = v;
			t->ndig = (int)(j - i);
			/* 13th, 1st, 22nd, 3rd; 1960s */
			if (j + 1 < end && is_alpha(s[j]) && is_alpha(s[j + 1])
			    && (j + 2 >= end || !is_alpha(s[j + 2]))) {
				char a = (char)(s[j] | 32), b = (char)(s[j + 1] | 32);
				if ((a == 's' && b == 't') || (a == 'n' && b == 'd')
				    || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
					t->ord = 1;
					j += 2;
				}
			} else if (j < end && (s[j] | 32) == 's' && (j + 1 >= end || !is_alpha(s[j + 1]))
			           && t->ndig >= 2 && v % 10 == 0) {
				t->decade = 1;
				j++;
			}
			t->e = j;
			i = j;
			continue;
		}
		if (is_alpha(c) || (c >= 0x80 && special_utf8(s, end, i, &what) == 0)) {
			size_t j = i;
			t->kind = TK_WORD;
			t->cap = (unsigned char)(c >= 'A' && c <= 'Z');
			if (is_alpha(c))
				j = start + run_end(e->letter_bits, i - start);
			if (j > i && (j >= end || (s[j] < 0x80 && s[j] != '\''))) {
				/* most words: ASCII letters only, set in one pass */
				t->e = j;
				t->period = (unsigned char)(j < end && s[j] == '.');
				set_letters(e, t, pad + (i - start), j - i);
				i = j;
				continue;
			}
			while (j < end) {
				unsigned char d = s[j];
				char w2 = 0;
				int l2;
				if (is_alpha(d)) {
					j++;
					continue;
				}
				if (d >= 0x80) {
					l2 = special_utf8(s, end, j, &w2);
					if (l2 == 0) {
						j++;
						while (j < end && (s[j] & 0xC0) == 0x80)
							j++;
						continue;
					}
					/* an apostrophe inside a word (o'clock) but not 's */
					if (w2 == '\'' && j + (size_t)l2 < end && is_alpha(s[j + (size_t)l2])
					    && !((s[j + (size_t)l2] | 32) == 's'
					         && (j + (size_t)l2 + 1 >= end || !is_alpha(s[j + (size_t)l2 + 1])))) {
						j += (size_t)l2;
						continue;
					}
					break;
				}
				if (d == '\'' && j + 1 < end && is_alpha(s[j + 1])
				    && !((s[j + 1] | 32) == 's' && (j + 2 >= end || !is_alpha(s[j + 2])))
				    && !((s[j + 1] | 32) == 'l' && j + 2 < end && (s[j + 2] | 32) == 'l'
				         && (j + 3 >= end || !is_alpha(s[j + 3])))
				    && !((s[j + 1] | 32) == 'd' && (j + 2 >= end || !is_alpha(s[j + 2])))) {
					j++;
					continue;
				}
				break;
			}
			t->e = j;
			t->period = (unsigned char)(j < end && s[j] == '.');
			set_low(e, t, text);
			i = j;
			continue;
		}
		/* 's 'll 'd as words of their own, so "year's" stops at "year" */
		if ((c == '\'' || (c == 0xE2 && special_utf8(s, end, i, &what) == 3 && what == '\''))) {
			size_t q = c == '\'' ? 1 : 3;
			size_t j = i + q;
			if (j < end && is_alpha(s[j])) {
				size_t k = j;
				while (k < end && is_alpha(s[k]))
					k++;
				size_t wl = k - j;
				if ((wl == 1 && ((s[j] | 32) == 's' || (s[j] | 32) == 'd'))
				    || (wl == 2 && (s[j] | 32) == 'l' && (s[j + 1] | 32) == 'l')) {
					t->kind = TK_WORD;
					t->e = k;
					set_low(e, t, text);
					i = k;
					continue;
				}
			}
			t->kind = TK_PUNCT;
			t->ch = '\'';
			t->e = i + q;
			i += q;
			continue;
		}
		t->kind = TK_PUNCT;
		if (c >= 0x80) {
			sl = special_utf8(s, end, i, &what);
			t->ch = what;
			t->e = i + (size_t)sl;
			i += (size_t)sl;
		} else {
			t->ch = (char)c;
			t->e = i + 1;
			i++;
		}
	}
	mark_holidays(e, text, start, end);
}

/* ---- values ---------------------------------------------------------- */

enum gran { G_LIT, G_CENT, G_DEC, G_YEAR, G_HALF, G_QUARTER, G_SEASON, G_MONTH,
	G_WEEK, G_WEEKEND, G_DAY, G_POD, G_HOUR, G_MIN, G_SEC, G_XWDAY };

#define YX (-99999)   /* year not known */

struct tx {
	enum timex_type type;
	enum gran gran;
	int y, m, d;                /* m, d 0 when not known */
	int sub;                    /* quarter, half, season, week or weekday */
	int hh, mi, ss;
	int pod;
	char lit[40];
	const char *mod;
	int anchored;               /* value depends on the anchor */
	int half_day;               /* a clock whose a.m. or p.m. is known */
};

/* An empty value: results start from it by assignment, which compiles to a
 * few vector moves where memset becomes a slow `rep stos`. */
static const struct tx tx_zero;

static const char *const pod_code[] = {"", "MO", "MI", "AF", "EV", "NI", "DT"};
static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};

/* Values are built with these rather than snprintf, which cost more than
 * the rest of the emitting: an sbuf fills o[0..cap) and, like snprintf,
 * truncates and always ends the string. */
struct sbuf {
	char *o;
	size_t n, cap;
};

static void sb_init(struct sbuf *b, char *o, size_t cap)
{
	b->o = o;
	b->n = 0;
	b->cap = cap;
	o[0] = 0;
}

static void sb_puts(struct sbuf *b, const char *s)
{
	while (*s && b->n + 1 < b->cap)
		b->o[b->n++] = *s++;
	b->o[b->n] = 0;
}

/* printf's %0<width>d (width 0: %d). */
static void sb_putd(struct sbuf *b, int v, int width)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	*--p = 0;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	int len = (int)(tmp + sizeof tmp - 1 - p) + (v < 0);
	if (v < 0)
		sb_puts(b, "-");
	for (; len < width; len++)
		sb_puts(b, "0");
	sb_puts(b, p);
}

static void fmt_year(char *o, size_t n, int y)
{
	struct sbuf b;
	sb_init(&b, o, n);
	if (y == YX)
		sb_puts(&b, "XXXX");
	else
		sb_putd(&b, y, 4);
}

static void fmt_day(char *o, size_t n, const struct tx *r)
{
	char ys[8];
	struct sbuf b;
	fmt_year(ys, sizeof ys, r->y);
	sb_init(&b, o, n);
	sb_puts(&b, ys);
	if (r->m == 0) {
		sb_puts(&b, "-XX-XX");
	} else {
		sb_puts(&b, "-");
		sb_putd(&b, r->m, 2);
		if (r->d == 0) {
			sb_puts(&b, "-XX");
		} else {
			sb_puts(&b, "-");
			sb_putd(&b, r->d, 2);
		}
	}
}

static void format_value(const struct tx *r, char *o, size_t n)
{
	char ys[8], day[24];
	struct sbuf b;
	fmt_year(ys, sizeof ys, r->y);
	sb_init(&b, o, n);
	switch (r->gran) {
	case G_LIT: sb_puts(&b, r->lit); break;
	case G_CENT: sb_putd(&b, r->y, 2); break;
	case G_DEC: sb_putd(&b, r->y, 3); break;
	case G_YEAR: sb_puts(&b, ys); break;
	case G_HALF: sb_puts(&b, ys); sb_puts(&b, "-H"); sb_putd(&b, r->sub, 0); break;
	case G_QUARTER: sb_puts(&b, ys); sb_puts(&b, "-Q"); sb_putd(&b, r->sub, 0); break;
	case G_SEASON: sb_puts(&b, ys); sb_puts(&b, "-"); sb_puts(&b, season_code[r->sub]); break;
	case G_MONTH:
		sb_puts(&b, ys);
		sb_puts(&b, "-");
		if (r->m)
			sb_putd(&b, r->m, 2);
		else
			sb_puts(&b, "XX");
		break;
	case G_WEEK: sb_puts(&b, ys); sb_puts(&b, "-W"); sb_putd(&b, r->sub, 2); break;
	case G_WEEKEND:
		sb_puts(&b, ys);
		sb_puts(&b, "-W");
		sb_putd(&b, r->sub, 2);
		sb_puts(&b, "-WE");
		break;
	case G_DAY: fmt_day(o, n, r); break;
	case G_POD:
	case G_HOUR:
	case G_MIN:
	case G_SEC:
		fmt_day(day, sizeof day, r);
		sb_puts(&b, day);
		sb_puts(&b, "T");
		if (r->gran == G_POD) {
			sb_puts(&b, pod_code[r->pod]);
			break;
		}
		sb_putd(&b, r->hh, 2);
		if (r->gran == G_HOUR)
			break;
		sb_puts(&b, ":");
		sb_putd(&b, r->mi, 2);
		if (r->gran == G_MIN)
			break;
		sb_puts(&b, ":");
		sb_putd(&b, r->ss, 2);
		break;
	case G_XWDAY:
		sb_puts(&b, "XXXX-WXX-");
		sb_putd(&b, r->sub, 0);
		if (r->pod) {
			sb_puts(&b, "T");
			sb_puts(&b, pod_code[r->pod]);
		}
		break;
	}
}

static void set_lit(struct tx *r, enum timex_type type, const char *s)
{
	struct sbuf b;
	r->type = type;
	r->gran = G_LIT;
	sb_init(&b, r->lit, sizeof r->lit);
	sb_puts(&b, s);
}

static void set_date(struct tx *r, struct timex_date d)
{
	r->type = TIMEX_DATE;
	r->gran = G_DAY;
	r->y = d.y;
	r->m = d.m;
	r->d = d.d;
}

/* ---- parser context ---------------------------------------------------- */

struct px {
	const struct tok *t;
	int n;
	const struct timex_anchor *a;
	struct timex_state *st;
	struct timex_engine *e;    /* tense cues are marked on first use */
};

static void mark_tense(struct timex_engine *e);

/* The token tests below run thousands of times per sentence that passes the
 * prefilter, from a hundred call sites: inlined, each is a few instructions. */
#ifdef __GNUC__
#define TOKEN_TEST static inline __attribute__((always_inline))
#else
#define TOKEN_TEST static inline
#endif

TOKEN_TEST int word_is(const struct px *p, int i, const char *w, size_t n)
{
	return i >= 0 && i < p->n && p->t[i].lown == n && p->t[i].kind == TK_WORD
	       && memcmp(p->t[i].low, w, n) == 0;
}

/* Token i is the word w: with a literal the length is known at compile
 * time, so most comparisons stop at the length. */
TOKEN_TEST int word_is_str(const struct px *p, int i, const char *w)
{
	return i >= 0 && i < p->n && p->t[i].kind == TK_WORD && p->t[i].low[0] == w[0]
	       && strcmp(p->t[i].low, w) == 0;
}

#define W(p, i, w) (__builtin_constant_p(w) ? word_is((p), (i), (w), sizeof(w) - 1) \
                                            : word_is_str((p), (i), (w)))

TOKEN_TEST int P(const struct px *p, int i, char c)
{
	return i >= 0 && i < p->n && p->t[i].kind == TK_PUNCT && p->t[i].ch == c;
}

TOKEN_TEST int N(const struct px *p, int i)
{
	return i >= 0 && i < p->n && p->t[i].kind == TK_NUM;
}

TOKEN_TEST int C(const struct px *p, int i, enum timex_cls c)
{
	return i >= 0 && i < p->n && p->t[i].lx && (p->t[i].lx->mask & (1u << c));
}

TOKEN_TEST int V(const struct px *p, int i, enum timex_cls c)
{
	return p->t[i].lx->val[c];
}

/* Token i follows i-1 with no space between. */
TOKEN_TEST int ADJ(const struct px *p, int i)
{
	return i > 0 && i < p->n && !p->t[i].sp;
}

static int anchor_q(const struct timex_anchor *a)
{
	return (a->m - 1) / 3 + 1;
}

static struct timex_date anchor_date(const struct timex_anchor *a)
{
	struct timex_date d = {a->y, a->m, a->d};
	return d;
}

/* The tense of the cue nearest tokens [i, j) in the sentence. */
static int tense_near(const struct px *p, int i, int j)
{
	if (!p->e->tense_ready) {
		mark_tense(p->e);
		p->e->tense_ready = 1;
	}
	const signed char *tense = p->e->tense;
	int lstop = 0, rstop = 0;
	/* The verb governing an adverbial usually comes before it: a cue after
	 * the expression counts at twice its distance. */
	for (int k = 1; k < 2 * p->n + 2; k++) {
		int l = i - k, r = j - 1 + (k + 1) / 2;
		int rtest = k % 2 == 1;
		if (l < 0)
			lstop = 1;
		if (r >= p->n)
			rstop = 1;
		if (lstop && rstop)
			break;
		/* a quotation mark: what is said inside has its own tense */
		if (!lstop && p->t[l].kind == TK_PUNCT && (p->t[l].ch == '"' || p->t[l].ch == '`'))
			lstop = 1;
		if (rtest && !rstop && p->t[r].kind == TK_PUNCT && (p->t[r].ch == '"' || p->t[r].ch == '`'
		    || (p->t[r].ch == '\'' && P(p, r + 1, '\''))))
			rstop = 1;
		if (!lstop && tense[l])
			return tense[l];
		if (rtest && !rstop && tense[r])
			return tense[r];
	}
	return TN_NONE;
}

/* A 4-digit year (or 'YY), value in *y; returns the end token or 0. */
static int parse_year(const struct px *p, int i, int *y)
{
	if (N(p, i) && p->t[i].ndig == 4 && !p->t[i].ord && !p->t[i].decade
	    && p->t[i].num >= 1000 && p->t[i].num <= 2999) {
		if (i + 1 < p->n && ADJ(p, i + 1) && (P(p, i + 1, '%') || N(p, i + 1)))
			return 0;
		if (P(p, i + 1, ',') && ADJ(p, i + 1) && N(p, i + 2) && ADJ(p, i + 2))
			return 0;      /* 2,000 */
		*y = (int)p->t[i].num;
		return i + 1;
	}
	if (P(p, i, '\'') && N(p, i + 1) && ADJ(p, i + 1) && p->t[i + 1].ndig == 2
	    && !p->t[i + 1].decade && !p->t[i + 1].ord) {
		int yy = (int)p->t[i + 1].num;
		int cut = p->a->has_date ? (p->a->y % 100) + 10 : 30;
		*y = yy <= cut ? 2000 + yy : 1900 + yy;
		return i + 2;
	}
	return 0;
}

static int parse_count(const struct px *p, int i, int *v, int allow_a);

/* A year said in words, as broadcast transcripts write them: nineteen
 * ninety-six, nineteen eighty, two thousand, two thousand and four. */
static int parse_spelled_year(const struct px *p, int i, int *y)
{
	if (!C(p, i, TX_NUMW))
		return 0;
	int a = V(p, i, TX_NUMW), j = i + 1;
	if (a == 2 && W(p, j, "thousand")) {
		j++;
		int v = 0, e;
		if (W(p, j, "and"))
			j++;
		if ((e = parse_count(p, j, &v, 0)) && v > 0 && v < 100 && C(p, j, TX_NUMW)) {
			*y = 2000 + v;
			return e;
		}
		*y = 2000;
		return W(p, i + 2, "and") ? i + 2 : j;
	}
	if (!(a >= 11 && a <= 20) || !C(p, j, TX_NUMW))
		return 0;
	int b = V(p, j, TX_NUMW);
	if (b >= 20 && b <= 90 && b % 10 == 0) {
		int k = j + 1;
		if (P(p, k, '-') && C(p, k + 1, TX_NUMW) && V(p, k + 1, TX_NUMW) >= 1 && V(p, k + 1, TX_NUMW) <= 9) {
			*y = a * 100 + b + V(p, k + 1, TX_NUMW);
			return k + 2;
		}
		if (C(p, k, TX_NUMW) && V(p, k, TX_NUMW) >= 1 && V(p, k, TX_NUMW) <= 9 && p->t[k].sp) {
			*y = a * 100 + b + V(p, k, TX_NUMW);
			return k + 1;
		}
		*y = a * 100 + b;
		return k;
	}
	if (b >= 10 && b <= 19) {
		*y = a * 100 + b;
		return j + 1;
	}
	return 0;
}

/* A day-of-month number 1..31 (13, 13th, thirteenth). */
static int parse_dom(const struct px *p, int i, int *d)
{
	if (N(p, i) && p->t[i].ndig <= 2 && p->t[i].num >= 1 && p->t[i].num <= 31 && !p->t[i].decade) {
		if (i + 1 < p->n && ADJ(p, i + 1) && ((P(p, i + 1, ':') && N(p, i + 2))
		    || P(p, i + 1, '%')))
			return 0;
		*d = (int)p->t[i].num;
		return i + 1;
	}
	if (C(p, i, TX_ORDW)) {
		int v = V(p, i, TX_ORDW);
		if ((v == 20 || v == 30) && P(p, i + 1, '-') && C(p, i + 2, TX_ORDW)
		    && V(p, i + 2, TX_ORDW) < 10) {
			*d = v + V(p, i + 2, TX_ORDW);
			return i + 3;
		}
		if (v == 20 && C(p, i, TX_NUMW))
			return 0;
		*d = v;
		return i + 1;
	}
	if (C(p, i, TX_NUMW) && (V(p, i, TX_NUMW) == 20 || V(p, i, TX_NUMW) == 30)
	    && P(p, i + 1, '-') && C(p, i + 2, TX_ORDW) && V(p, i + 2, TX_ORDW) < 10) {
		*d = V(p, i, TX_NUMW) + V(p, i + 2, TX_ORDW);
		return i + 3;
	}
	return 0;
}

/* A month name; *m gets 1..12. Bare names that are also ordinary words
 * (may, march, jan) need a capital and some support from the context. */
static int parse_month(const struct px *p, int i, int *m, int strong_context)
{
	if (C(p, i, TX_MONTH)) {
		*m = V(p, i, TX_MONTH);
		if (!p->t[i].cap && !strong_context)
			return 0;
		int e = i + 1;
		if (P(p, e, '.') && ADJ(p, e) && 0)
			e++;
		return e;
	}
	if (C(p, i, TX_MONABBR)) {
		*m = V(p, i, TX_MONABBR);
		if (P(p, i + 1, '.') && ADJ(p, i + 1))
			return i + 2;
		/* Jan, Mar without a period: a name or a word unless a number follows */
		if (!strong_context || !(N(p, i + 1) || (P(p, i + 1, ',') && N(p, i + 2))))
			return 0;
		return i + 1;
	}
	return 0;
}

/* Whether the word before i supports a bare month name (in May, since March). */
static int month_context_before(const struct px *p, int i)
{
	static const char *const w[] = {"in", "since", "until", "till", "by", "from", "through",
		"of", "early", "late", "mid", "last", "next", "this", "and", "or", "to", "before",
		"after", "during", "for", "between", "that", "each", "every", "on", "around",
		"this", "past", "coming", "end", "beginning", "start", "middle", NULL};
	if (i <= 0)
		return 0;
	if (P(p, i - 1, '-') && W(p, i - 2, "mid"))
		return 1;
	for (int k = 0; w[k]; k++)
		if (W(p, i - 1, w[k]))
			return 1;
	return 0;
}

/* Resolve a year for month m (day d, 0 = whole month) by direction:
 * -1 on or before the anchor, +1 on or after, 0 nearest. */
static int year_for(const struct px *p, int m, int d, int dir)
{
	const struct timex_anchor *a = p->a;
	if (!a->has_date)
		return YX;
	int y = a->y;
	if (d == 0) {
		/* a month next to the anchor's is that one whatever the tense */
		int diff = (m - a->m + 12) % 12;
		if (diff == 1 || diff == 0)
			return m < a->m ? y + 1 : y;
		if (diff == 11)
			return m > a->m ? y - 1 : y;
		if (dir < 0 && m > a->m)
			return y - 1;
		if (dir > 0 && m < a->m)
			return y + 1;
		if (dir == 0) {
			if (m - a->m > 6)
				return y - 1;
			if (a->m - m > 6)
				return y + 1;
		}
		return y;
	}
	int dd = d > timex_month_len(y, m) ? timex_month_len(y, m) : d;
	long an = timex_days(a->y, a->m, a->d), x = timex_days(y, m, dd);
	/* within a few weeks of the anchor: the nearest one */
	long prev = timex_days(y - 1, m, dd > timex_month_len(y - 1, m) ? timex_month_len(y - 1, m) : dd);
	long next = timex_days(y + 1, m, dd > timex_month_len(y + 1, m) ? timex_month_len(y + 1, m) : dd);
	if (x - an <= 45 && an - x <= 45)
		return y;
	if (an - prev <= 45)
		return y - 1;
	if (next - an <= 45)
		return y + 1;
	if (dir < 0 && x > an)
		return y - 1;
	if (dir > 0 && x < an)
		return y + 1;
	if (dir == 0) {
		if (x - an > 183)
			return y - 1;
		if (an - x > 183)
			return y + 1;
	}
	return y;
}

static int tense_dir(int tense)
{
	/* no tense at all (a headline, a phrase): the coming one */
	return tense == TN_PAST ? -1 : tense == TN_PRES ? 0 : 1;
}

/* ---- absolute dates ---------------------------------------------------- */

static int fix_two_digit_year(const struct px *p, int yy, int ndig)
{
	if (ndig == 4)
		return yy;
	int cut = p->a->has_date ? (p->a->y % 100) + 10 : 30;
	return yy <= cut ? 2000 + yy : 1900 + yy;
}

/* Month and day known, year maybe: fill r, resolving the year by tense. */
static void month_day(const struct px *p, struct tx *r, int y, int m, int d, int i, int e)
{
	r->type = TIMEX_DATE;
	r->gran = G_DAY;
	r->m = m;
	r->d = d;
	if (y == YX) {
		y = year_for(p, m, d, tense_dir(tense_near(p, i, e)));
		r->anchored = 1;
	}
	r->y = y;
}

/* Numeric and ISO forms: 2004-07-13, 7/13/04, 10.31.1974, 31/Oct/1974, 7/13. */
static int parse_numeric_date(const struct px *p, int i, struct tx *r)
{
	if (!N(p, i))
		return 0;
	const struct tok *t = p->t;
	char sep = 0;
	if (i + 1 < p->n && t[i + 1].kind == TK_PUNCT && ADJ(p, i + 1))
		sep = t[i + 1].ch;
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	/* YYYY-MM-DD, YYYY/MM/DD, YYYY-MM */
	if (t[i].ndig == 4 && N(p, i + 2) && ADJ(p, i + 2) && t[i + 2].ndig <= 2) {
		int y = (int)t[i].num, m = (int)t[i + 2].num;
		if (P(p, i + 3, sep) && ADJ(p, i + 3) && N(p, i + 4) && ADJ(p, i + 4)
		    && t[i + 4].ndig <= 2 && timex_valid(y, m, (int)t[i + 4].num)) {
			r->type = TIMEX_DATE;
			r->gran = G_DAY;
			r->y = y;
			r->m = m;
			r->d = (int)t[i + 4].num;
			return i + 5;
		}
		if (sep != '.' && m >= 1 && m <= 12 && t[i + 2].ndig == 2 && !P(p, i + 3, sep)
		    && !(sep == '-' && m == (y + 1) % 100)) {
			r->type = TIMEX_DATE;
			r->gran = G_MONTH;
			r->y = y;
			r->m = m;
			return i + 3;
		}
		return 0;
	}
	if (t[i].ndig > 2)
		return 0;
	if (i > 0 && (N(p, i - 1) || P(p, i - 1, '$') || (P(p, i - 1, '.') && ADJ(p, i))))
		return 0;
	int a = (int)t[i].num;
	/* 31/Oct/1974, 31-Oct-74 */
	if ((C(p, i + 2, TX_MONTH) || C(p, i + 2, TX_MONABBR)) && ADJ(p, i + 2)
	    && P(p, i + 3, sep) && ADJ(p, i + 3) && N(p, i + 4) && ADJ(p, i + 4)
	    && (t[i + 4].ndig == 2 || t[i + 4].ndig == 4)) {
		int m = C(p, i + 2, TX_MONTH) ? V(p, i + 2, TX_MONTH) : V(p, i + 2, TX_MONABBR);
		int y = fix_two_digit_year(p, (int)t[i + 4].num, t[i + 4].ndig);
		if (!timex_valid(y, m, a))
			return 0;
		month_day(p, r, y, m, a, i, i + 5);
		return i + 5;
	}
	if (!N(p, i + 2) || !ADJ(p, i + 2) || t[i + 2].ord)
		return 0;
	int b = (int)t[i + 2].num, bd = t[i + 2].ndig;
	/* M/D/Y */
	if (P(p, i + 3, sep) && ADJ(p, i + 3) && N(p, i + 4) && ADJ(p, i + 4)
	    && (t[i + 4].ndig == 2 || t[i + 4].ndig == 4) && bd <= 2) {
		if (N(p, i + 5) || (P(p, i + 5, sep) && ADJ(p, i + 5)))
			return 0;
		int y = fix_two_digit_year(p, (int)t[i + 4].num, t[i + 4].ndig);
		int m = a, d = b;
		if (m > 12 && d <= 12) {     /* 31/10/1974 */
			m = b;
			d = a;
		}
		if (!timex_valid(y, m, d))
			return 0;
		month_day(p, r, y, m, d, i, i + 5);
		return i + 5;
	}
	if (sep != '/')
		return 0;
	if ((P(p, i + 3, '/') || P(p, i + 3, '-') || P(p, i + 3, '.')) && ADJ(p, i + 3))
		return 0;
	if (N(p, i + 3) && ADJ(p, i + 3))
		return 0;
	/* M/YYYY */
	if (bd == 4 && a >= 1 && a <= 12 && b >= 1000 && b <= 2999) {
		r->type = TIMEX_DATE;
		r->gran = G_MONTH;
		r->y = b;
		r->m = a;
		return i + 3;
	}
	/* M/D: not a fraction (3/4, 7/8, 1/16) */
	if (bd > 2 || a < 1 || a > 12 || b < 1 || b > 31)
		return 0;
	if ((b == 2 || b == 4 || b == 8 || b == 16 || b == 32 || b == 3) && a < b)
		return 0;
	if (P(p, i + 3, '%') || W(p, i + 3, "percent") || W(p, i + 3, "of"))
		return 0;
	month_day(p, r, YX, a, b, i, i + 3);
	return i + 3;
}

/* The year after a month name or a month and day: `, 2004`, ` 2004`, `of 2004`. */
static int year_after(const struct px *p, int j, int *y)
{
	int e;
	if (P(p, j, ',') && (e = parse_year(p, j + 1, y)) && p->t[j + 1].kind == TK_NUM)
		return e;
	if (W(p, j, "of") && (e = parse_year(p, j + 1, y)))
		return e;
	if ((e = parse_year(p, j, y)))
		return e;
	if ((W(p, j, "of") && (e = parse_spelled_year(p, j + 1, y))) || (e = parse_spelled_year(p, j, y)))
		return e;
	/* January this year, June last year */
	if ((W(p, j, "this") || W(p, j, "last") || W(p, j, "next")) && W(p, j + 1, "year")
	    && p->a->has_date) {
		*y = p->a->y + (W(p, j, "last") ? -1 : W(p, j, "next") ? 1 : 0);
		return j + 2;
	}
	return 0;
}

/* July 13, July 13th, 2004, Jul. 13 2004, July the 13th; 13 July 2004,
 * 13th of July, the 13th of July. */
static int parse_md(const struct px *p, int i, struct tx *r)
{
	int m, d, y = YX, e, j;
	/* month first */
	int weak = C(p, i, TX_MONTH) && !p->t[i].cap;
	if ((j = parse_month(p, i, &m, 1))) {
		int k = j;
		if (W(p, k, "the") && (p->t[k + 1].ord || C(p, k + 1, TX_ORDW)))
			k++;
		int ty;
		/* march third 2015: a lower-case month with a spelled day is a
		 * date when a year follows or the line holds nothing else */
		if ((e = parse_dom(p, k, &d)) && !N(p, k) && !p->t[i].cap
		    && (year_after(p, e, &ty) || (i == 0 && e == p->n)))
			weak = 0;
		if (e && (!weak || N(p, k))
		    && !(W(p, i, "may") && !p->t[i].cap && weak)
		    && !(W(p, i, "march") && !p->t[i].cap && !N(p, k) && weak)) {
			if (p->t[k].kind == TK_NUM && e < p->n && ADJ(p, e)
			    && (P(p, e, '-') || P(p, e, '/') || P(p, e, ':')) && N(p, e + 1) && ADJ(p, e + 1))
				return 0;
			if (W(p, e, "percent") || C(p, e, TX_UNIT) || C(p, e, TX_UNITS))
				return 0;
			if (N(p, k) && P(p, e, ',') && N(p, e + 1) && p->t[e + 1].ndig == 3)
				return 0;
			int ye = year_after(p, e, &y);
			if (ye)
				e = ye;
			if (d > timex_month_len(y == YX ? 2000 : y, m))
				return 0;
			month_day(p, r, y, m, d, i, e);
			return e;
		}
	}
	/* day first */
	j = i;
	int the = 0;
	if (W(p, j, "the") && (N(p, j + 1) || C(p, j + 1, TX_ORDW))) {
		the = 1;
		j++;
	}
	if ((e = parse_dom(p, j, &d))) {
		int k = e;
		int of = 0;
		if (W(p, k, "of")) {
			of = 1;
			k++;
		}
		if (the && !of)
			return 0;
		if (p->t[j].kind == TK_NUM && !p->t[j].ord && j > 0 && (N(p, j - 1) || P(p, j - 1, '$')))
			return 0;
		int mj = parse_month(p, k, &m, 1);
		if (!mj || (W(p, k, "may") && !p->t[k].cap))
			return 0;
		if (C(p, j, TX_ORDW) && !of && !p->t[k].cap)
			return 0;
		e = mj;
		int ye = year_after(p, e, &y);
		if (ye)
			e = ye;
		if (d > timex_month_len(y == YX ? 2000 : y, m))
			return 0;
		month_day(p, r, y, m, d, the ? j - 1 : j, e);
		return e;
	}
	return 0;
}

/* July 2004, July of 2004; a bare month (July) resolved by tense; last
 * November, next January, this July. */
/* "in 3 years", "in a year" after a month or holiday: the end and *n. */
static int in_years(const struct px *p, int j, int *n)
{
	int v, ce;
	if (W(p, j, "in") && (ce = parse_count(p, j + 1, &v, 1)) && v > 0 && v < 200
	    && (W(p, ce, "year") || W(p, ce, "years"))) {
		if (n)
			*n = v;
		return ce + 1;
	}
	return 0;
}

static int parse_month_point(const struct px *p, int i, struct tx *r)
{
	int m, j, y, e;
	int deic = 0;
	int start = i;
	if (C(p, i, TX_DEIC)) {
		deic = V(p, i, TX_DEIC);
		if (deic != D_LAST && deic != D_NEXT && deic != D_THIS && deic != D_COMING
		    && deic != D_PAST)
			return 0;
		i++;
	}
	if (!C(p, i, TX_MONTH) && !C(p, i, TX_MONABBR))
		return 0;
	if (!(j = parse_month(p, i, &m, deic || month_context_before(p, i))))
		return 0;
	if (!deic && (W(p, i, "may") || W(p, i, "march")) && !month_context_before(p, i)
	    && !year_after(p, j, &y) && !(p->t[i].cap && start == 0 && j == p->n)
	    && !in_years(p, j, NULL))
		return 0;
	if (C(p, i, TX_MONTH) && !p->t[i].cap)
		return 0;
	r->type = TIMEX_DATE;
	r->gran = G_MONTH;
	r->m = m;
	if (!deic && (e = year_after(p, j, &y))) {
		r->y = y;
		return e;
	}
	r->anchored = 1;
	const struct timex_anchor *a = p->a;
	if (!a->has_date) {
		r->y = YX;
		return j;
	}
	switch (deic) {
	case D_LAST: case D_PAST: r->y = m < a->m ? a->y : a->y - 1; break;
	case D_NEXT: case D_COMING: r->y = m > a->m ? a->y : a->y + 1; break;
	case D_THIS: r->y = a->y; break;
	default: r->y = year_for(p, m, 0, tense_dir(tense_near(p, start, j))); break;
	}
	/* March in 2 years: that month so many years on */
	int n, ce;
	if (!deic && (ce = in_years(p, j, &n))) {
		if (r->y < a->y || (r->y == a->y && m < a->m))
			r->y++;
		r->y += n;
		return ce;
	}
	return j;
}

/* 2004, fiscal 2004, fiscal year 2004, the year 2004. */
static int parse_year_point(const struct px *p, int i, struct tx *r)
{
	int j = i, y, e;
	if (W(p, j, "fiscal")) {
		j++;
		if (W(p, j, "year"))
			j++;
	} else if (W(p, j, "the") && W(p, j + 1, "year") && (N(p, j + 2) || C(p, j + 2, TX_NUMW))) {
		j += 2;
	}
	if (!(e = parse_year(p, j, &y)) && !(e = parse_spelled_year(p, j, &y)))
		return 0;
	if (C(p, j, TX_NUMW) && (C(p, e, TX_UNIT) || C(p, e, TX_UNITS) || W(p, e, "percent")
	    || W(p, e, "dollars") || W(p, e, "people") || W(p, e, "hundred")))
		return 0;
	if (p->t[j].kind == TK_NUM) {
		if (P(p, j - 1, '$') || P(p, j - 1, '#') || (P(p, j - 1, '.') && ADJ(p, j)))
			return 0;
		if (W(p, e, "percent") || C(p, e, TX_UNIT) || C(p, e, TX_UNITS)
		    || (N(p, e) && !P(p, e - 1, ',')) || P(p, e, ':'))
			return 0;
		if (P(p, e, '-') && ADJ(p, e) && N(p, e + 1) && ADJ(p, e + 1)
		    && p->t[e + 1].ndig == 2 && (int)p->t[e + 1].num == (y + 1) % 100)
			e += 2;     /* 1998-99: the span of the two years, valued as the first */
	}
	r->type = TIMEX_DATE;
	r->gran = G_YEAR;
	r->y = y;
	return e;
}

/* The 1960s, the '60s, the mid-1990s, the 20th century. */
static int parse_decade(const struct px *p, int i, struct tx *r)
{
	int j = i;
	if (N(p, j) && p->t[j].decade) {
		long v = p->t[j].num;
		if (p->t[j].ndig == 4) {
			r->y = (int)(v / 10);
		} else if (p->t[j].ndig == 2 && P(p, j - 1, '\'')) {
			r->y = 190 + (int)(v / 10);
			if (p->a->has_date && p->a->y >= 2000 && v <= (p->a->y % 100))
				r->y = 200 + (int)(v / 10);
		} else {
			return 0;
		}
		r->type = TIMEX_DATE;
		r->gran = G_DEC;
		return j + 1;
	}
	if (P(p, j, '\'') && N(p, j + 1) && ADJ(p, j + 1) && p->t[j + 1].decade && p->t[j + 1].ndig == 2) {
		int e = parse_decade(p, j + 1, r);
		return e ? e : 0;
	}
	/* the 20th century */
	int k = j;
	if (W(p, k, "the"))
		k++;
	int c = 0;
	if (N(p, k) && p->t[k].ord && p->t[k].num <= 30)
		c = (int)p->t[k].num;
	else if (C(p, k, TX_ORDW))
		c = V(p, k, TX_ORDW);
	else if (C(p, k, TX_NUMW) && V(p, k, TX_NUMW) == 20 && P(p, k + 1, '-') && C(p, k + 2, TX_ORDW)) {
		c = 20 + V(p, k + 2, TX_ORDW);
		k += 2;
	}
	if (c > 0 && W(p, k + 1, "century")) {
		r->type = TIMEX_DATE;
		r->gran = G_CENT;
		r->y = c - 1;
		return k + 2;
	}
	return 0;
}

/* ---- quarters, halves, seasons -------------------------------------- */

static void note_quarter(struct timex_state *st, int y, int q)
{
	if (y == YX)
		return;
	st->has_quarter = 1;
	st->qy = y;
	st->qq = q;
}

static int ordinal_at(const struct px *p, int i, int *v)
{
	if (N(p, i) && p->t[i].ord) {
		*v = (int)p->t[i].num;
		return i + 1;
	}
	if (C(p, i, TX_ORDW)) {
		*v = V(p, i, TX_ORDW);
		return i + 1;
	}
	return 0;
}

/* the third quarter (of 1989), third-quarter, the fiscal first quarter,
 * 1989's third quarter, this year's third quarter, the quarter, the latest
 * quarter, last quarter, the first half, the second half of 2004, Q3. */
static int parse_quarter(const struct px *p, int i, struct tx *r)
{
	int j = i, y = YX, ord = 0, e, deic = 0, latest = 0, the = 0, half = 0;
	const struct timex_anchor *a = p->a;
	if (W(p, j, "the")) {
		the = 1;
		j++;
	}
	int yy;
	if ((e = parse_year(p, j, &yy)) && p->t[j].kind == TK_NUM && (W(p, e, "'s") || C(p, e, TX_ORDW)
	    || W(p, e, "fiscal"))) {
		y = yy;
		j = W(p, e, "'s") ? e + 1 : e;
	} else if ((W(p, j, "this") || W(p, j, "last") || W(p, j, "next")) && W(p, j + 1, "year")
	           && W(p, j + 2, "'s") && a->has_date) {
		y = a->y + (W(p, j, "last") ? -1 : W(p, j, "next") ? 1 : 0);
		j += 3;
	}
	if (W(p, j, "fiscal"))
		j++;
	int k;
	if ((k = ordinal_at(p, j, &ord))) {
		j = k;
	} else if (C(p, j, TX_DEIC) && (the || !W(p, j, "past"))) {
		deic = V(p, j, TX_DEIC);
		j++;
	} else if (W(p, j, "latest") || W(p, j, "same") || W(p, j, "year-earlier")
	           || W(p, j, "year-ago") || W(p, j, "most")) {
		latest = W(p, j, "year-earlier") || W(p, j, "year-ago") ? 2 : 1;
		if (W(p, j, "most") && W(p, j + 1, "recent"))
			j++;
		j++;
	} else if (!the) {
		if (W(p, j, "q") && N(p, j + 1) && ADJ(p, j + 1) && p->t[j + 1].num >= 1 && p->t[j + 1].num <= 4
		    && p->t[j].cap) {
			ord = (int)p->t[j + 1].num;
			j += 2;
			goto unit_done;
		}
		return 0;
	}
	if (P(p, j, '-') && ADJ(p, j))
		j++;
	if (W(p, j, "fiscal"))
		j++;
	if (W(p, j, "quarter") || W(p, j, "qtr"))
		half = 0;
	else if (W(p, j, "half") && (ord == 1 || ord == 2 || deic))
		half = 1;
	else
		return 0;
	if (ord < 0 || ord > (half ? 2 : 4))
		return 0;
	j++;
	if (W(p, j, "of") && W(p, j + 1, "a"))
		return 0;
	if (P(p, j, '-') && ADJ(p, j))
		return 0;           /* quarter-to-quarter, quarter-point */
	if (!ord && !deic && !latest && !the)
		return 0;
unit_done:
	if (y == YX) {
		int ye = 0;
		if (W(p, j, "of") && ((ye = parse_year(p, j + 1, &yy)) || (W(p, j + 1, "fiscal")
		    && (ye = parse_year(p, j + 2, &yy)))))
			;
		else if ((ye = parse_year(p, j, &yy)) && p->t[j].kind == TK_NUM)
			;
		else
			ye = 0;
		if (ye) {
			y = yy;
			j = ye;
		}
	}
	r->type = TIMEX_DATE;
	r->gran = half ? G_HALF : G_QUARTER;
	int cur = half ? (a->m <= 6 ? 1 : 2) : (a->has_date ? anchor_q(a) : 0);
	int per = half ? 2 : 4;
	if (!ord) {
		/* the quarter, the latest quarter: the one the article is about */
		if (!half && (latest || (the && !deic)) && p->st->has_quarter) {
			y = p->st->qy - (latest == 2);
			ord = p->st->qq;
		} else if (!a->has_date) {
			r->y = YX;
			r->sub = 0;
			set_lit(r, TIMEX_DATE, half ? "XXXX-HX" : "XXXX-QX");
			return j;
		} else {
			int shift = 0;
			if (deic == D_LAST || deic == D_PREV || deic == D_PAST)
				shift = -1;
			else if (deic == D_NEXT || deic == D_COMING || deic == D_FOLLOWING)
				shift = 1;
			else if (latest == 2)
				shift = -per;
			else if (!deic && !half)
				shift = -1;      /* the quarter: the last one reported */
			int idx = a->y * per + (cur - 1) + shift;
			y = idx / per;
			ord = idx % per + 1;
		}
		r->anchored = 1;
	} else if (y == YX) {
		r->anchored = 1;
		if (!a->has_date) {
			y = YX;
		} else {
			y = a->y;
			if (ord > cur && tense_near(p, i, j) == TN_PAST)
				y--;
		}
	}
	r->y = y;
	r->sub = ord;
	if (!half)
		note_quarter(p->st, y, ord);
	return j;
}

/* last fall, this summer, the spring of 1999, winter 2004. */
static int parse_season(const struct px *p, int i, struct tx *r)
{
	int j = i, deic = 0, y, e;
	if (W(p, j, "the") && C(p, j + 1, TX_SEASON) && !(W(p, j + 2, "of") && !N(p, j + 3))
	    && !W(p, j + 2, "'s") && !P(p, j + 2, '-')) {
		j++;
	} else if (C(p, j, TX_DEIC)) {
		deic = V(p, j, TX_DEIC);
		if (deic != D_LAST && deic != D_NEXT && deic != D_THIS && deic != D_PAST
		    && deic != D_COMING)
			return 0;
		j++;
	} else if (W(p, j, "early") || W(p, j, "late") || W(p, j, "mid")) {
		return 0;
	}
	if (!C(p, j, TX_SEASON))
		return 0;
	int s = V(p, j, TX_SEASON);
	j++;
	/* "to fall", "the fall of the wall": the verb and the noun */
	if (!deic && W(p, i, "fall") && !p->t[i].cap && !(e = year_after(p, j, &y))
	    && !(W(p, i - 1, "the") && (W(p, i - 2, "in") || W(p, i - 2, "by") || W(p, i - 2, "since")
	         || W(p, i - 2, "until") || W(p, i - 2, "during") || W(p, i - 2, "through"))
	         && !W(p, j, "of"))
	    && !W(p, i - 1, "early") && !W(p, i - 1, "late") && !W(p, i - 1, "this"))
		return 0;
	r->type = TIMEX_DATE;
	r->gran = G_SEASON;
	r->sub = s;
	if (!deic && (e = year_after(p, j, &y))) {
		r->y = y;
		return e;
	}
	if (!deic && !month_context_before(p, i) && !W(p, i, "the"))
		return 0;
	r->anchored = 1;
	const struct timex_anchor *a = p->a;
	if (!a->has_date) {
		r->y = YX;
		return j;
	}
	/* the season the anchor is in; winter belongs to the year it starts in */
	int am = a->m, cs = am >= 3 && am <= 5 ? S_SP : am >= 6 && am <= 8 ? S_SU
		: am >= 9 && am <= 11 ? S_FA : S_WI;
	int cy = am <= 2 ? a->y - 1 : a->y;
	int idx = cy * 4 + (cs - 1), target;
	int tgt_this = cy * 4 + (s - 1);
	if (deic == D_LAST || deic == D_PAST)
		target = tgt_this < idx ? tgt_this : tgt_this - 4;
	else if (deic == D_NEXT || deic == D_COMING)
		target = tgt_this > idx ? tgt_this : tgt_this + 4;
	else if (deic == D_THIS)
		target = tgt_this;
	else {
		int dir = tense_dir(tense_near(p, i, j));
		target = tgt_this;
		if (dir < 0 && target > idx)
			target -= 4;
		if (dir > 0 && target < idx)
			target += 4;
	}
	r->y = target / 4;
	return j;
}

/* ---- dates relative to the anchor ------------------------------------- */

static void duration_value(char *o, size_t sz, int n, int unit, int half);

static void unit_point(const struct px *p, struct tx *r, int unit, int shift)
{
	const struct timex_anchor *a = p->a;
	r->type = TIMEX_DATE;
	r->anchored = 1;
	if (!a->has_date) {
		static const char *const lit[] = {
			[U_DAY] = "XXXX-XX-XX", [U_WEEK] = "XXXX-WXX", [U_WEEKEND] = "XXXX-WXX-WE",
			[U_MONTH] = "XXXX-XX", [U_QUARTER] = "XXXX-QX", [U_HALF] = "XXXX-HX",
			[U_YEAR] = "XXXX", [U_DECADE] = "XXX", [U_CENTURY] = "XX"};
		set_lit(r, TIMEX_DATE, unit < (int)(sizeof lit / sizeof lit[0]) && lit[unit] ? lit[unit] : "XXXX-XX-XX");
		return;
	}
	struct timex_date d = anchor_date(a);
	int wy, w;
	switch (unit) {
	case U_DAY: case U_NIGHT:
		set_date(r, timex_add_days(d, shift));
		break;
	case U_WEEK: case U_WEEKEND: case U_FORTNIGHT:
		d = timex_add_days(d, 7L * shift);
		w = timex_iso_week(d.y, d.m, d.d, &wy);
		r->gran = unit == U_WEEKEND ? G_WEEKEND : G_WEEK;
		r->y = wy;
		r->sub = w;
		break;
	case U_MONTH:
		d.d = 1;
		d = timex_add_months(d, shift);
		r->gran = G_MONTH;
		r->y = d.y;
		r->m = d.m;
		break;
	case U_QUARTER: {
		int idx = a->y * 4 + anchor_q(a) - 1 + shift;
		r->gran = G_QUARTER;
		r->y = idx / 4;
		r->sub = idx % 4 + 1;
		note_quarter(p->st, r->y, r->sub);
		break;
	}
	case U_HALF: {
		int idx = a->y * 2 + (a->m <= 6 ? 0 : 1) + shift;
		r->gran = G_HALF;
		r->y = idx / 2;
		r->sub = idx % 2 + 1;
		break;
	}
	case U_YEAR:
		r->gran = G_YEAR;
		r->y = a->y + shift;
		break;
	case U_DECADE:
		r->gran = G_DEC;
		r->y = a->y / 10 + shift;
		break;
	case U_CENTURY:
		r->gran = G_CENT;
		r->y = a->y / 100 + shift;
		break;
	default:
		set_date(r, d);
	}
}

/* last week, this month, next year, the current quarter, this weekend. */
static int parse_rel_unit(const struct px *p, int i, struct tx *r)
{
	int j = i, the = 0;
	if (W(p, j, "the")) {
		the = 1;
		j++;
	}
	if (!C(p, j, TX_DEIC))
		return 0;
	int deic = V(p, j, TX_DEIC);
	if (!C(p, j + 1, TX_UNIT))
		return 0;
	int unit = V(p, j + 1, TX_UNIT);
	if (unit == U_SEC || unit == U_MIN || unit == U_HOUR || unit == U_HALF)
		return 0;
	if (unit == U_NIGHT && deic != D_LAST)
		return 0;
	int shift;
	switch (deic) {
	case D_LAST: case D_PREV:
		if (the)
			return 0;           /* the last week: a duration */
		shift = -1;
		break;
	case D_PAST: case D_RECENT:
		return 0;
	case D_NEXT: case D_COMING: case D_FOLLOWING:
		if (the && deic != D_COMING)
			return 0;           /* the next day: relative to the story, not the anchor */
		shift = 1;
		break;
	case D_THIS: case D_CURRENT:
		if (W(p, j, "these"))
			return 0;
		shift = 0;
		break;
	default:
		return 0;
	}
	if (unit == U_DAY && deic != D_THIS)
		return 0;
	int e = j + 2;
	if (unit == U_NIGHT) {
		unit_point(p, r, U_DAY, -1);
		if (r->gran == G_DAY) {
			r->type = TIMEX_TIME;
			r->gran = G_POD;
			r->pod = P_NI;
		}
		return e;
	}
	unit_point(p, r, unit, shift);
	return e;
}

/* How many: 3, three, twenty-four, a, an, a few, several, a couple of.
 * *v gets the count, -1 when vague; *half is set by "and a half" later. */
static int parse_count(const struct px *p, int i, int *v, int allow_a)
{
	if (N(p, i) && !p->t[i].ord && !p->t[i].decade) {
		if (P(p, i - 1, '$'))
			return 0;
		if (P(p, i + 1, ',') && ADJ(p, i + 1) && N(p, i + 2) && ADJ(p, i + 2))
			return 0;
		if (P(p, i + 1, '.') && ADJ(p, i + 1) && N(p, i + 2) && ADJ(p, i + 2))
			return 0;
		*v = (int)p->t[i].num;
		return i + 1;
	}
	if (C(p, i, TX_NUMW)) {
		int n = V(p, i, TX_NUMW);
		if (n == -2) {            /* couple (of) */
			*v = 2;
			return W(p, i + 1, "of") ? i + 2 : i + 1;
		}
		if (n < 0) {
			if (W(p, i, "some") || W(p, i, "many"))
				return 0;
			*v = -1;
			return i + 1;
		}
		if ((n >= 20 && n < 100) && (P(p, i + 1, '-') || p->t[i + 1].kind == TK_WORD)
		    && C(p, i + 1 + P(p, i + 1, '-'), TX_NUMW)) {
			int k = i + 1 + P(p, i + 1, '-');
			int u = V(p, k, TX_NUMW);
			if (u > 0 && u < 10) {
				*v = n + u;
				return k + 1;
			}
		}
		if (n == 100)
			return 0;
		*v = n;
		return i + 1;
	}
	if (allow_a && (W(p, i, "a") || W(p, i, "an"))) {
		if (W(p, i + 1, "few") || W(p, i + 1, "several")) {
			*v = -1;
			return i + 2;
		}
		if (W(p, i + 1, "couple")) {
			*v = 2;
			return W(p, i + 2, "of") ? i + 3 : i + 2;
		}
		*v = 1;
		return i + 1;
	}
	return 0;
}

/* a month ago, two years earlier, three days later, 5 weeks from now. */
static int parse_ago(const struct px *p, int i, struct tx *r)
{
	int n, j;
	if (!(j = parse_count(p, i, &n, 1)))
		return 0;
	if (!C(p, j, TX_UNIT) && !C(p, j, TX_UNITS))
		return 0;
	int unit = C(p, j, TX_UNIT) ? V(p, j, TX_UNIT) : V(p, j, TX_UNITS);
	j++;
	int sign;
	if (W(p, j, "ago") || W(p, j, "earlier") || W(p, j, "before") || W(p, j, "back"))
		sign = -1;
	else if (W(p, j, "later") || W(p, j, "hence") || (W(p, j, "from") && W(p, j + 1, "now")))
		sign = 1;
	else if (W(p, j, "from") && W(p, j + 1, "today") && p->a->has_date
	         && (unit == U_DAY || unit == U_WEEK || unit == U_MONTH || unit == U_YEAR) && n > 0) {
		/* 3 years from today: the day so far on */
		struct timex_date d = anchor_date(p->a);
		d = unit == U_DAY ? timex_add_days(d, n) : unit == U_WEEK ? timex_add_days(d, 7L * n)
		    : timex_add_months(d, unit == U_MONTH ? n : 12 * n);
		r->type = TIMEX_DATE;
		set_date(r, d);
		r->gran = G_DAY;
		r->anchored = 1;
		return j + 2;
	} else
		return 0;
	if (W(p, j, "before") && !(j + 1 >= p->n || p->t[j + 1].kind == TK_PUNCT))
		return 0;
	if (W(p, j, "later") && unit != U_SEC && unit != U_MIN && unit != U_HOUR) {
		/* three days later: a duration after some event of the story, not the anchor */
		r->type = TIMEX_DURATION;
		r->gran = G_LIT;
		duration_value(r->lit, sizeof r->lit, n, unit, 0);
		return j;
	}
	int e = j + 1 + (W(p, j, "from") ? 1 : 0);
	if (unit == U_HALF || unit == U_NIGHT)
		return 0;
	if (n < 0) {
		r->type = TIMEX_DATE;
		set_lit(r, TIMEX_DATE, sign < 0 ? "PAST_REF" : "FUTURE_REF");
		return e;
	}
	if (unit == U_SEC || unit == U_MIN || unit == U_HOUR) {
		if (!p->a->has_time) {
			unit_point(p, r, U_DAY, 0);
			return e;
		}
		long mins = (long)p->a->hh * 60 + p->a->mi + sign * (long)n * (unit == U_HOUR ? 60 : unit == U_MIN ? 1 : 0);
		long days = mins >= 0 ? mins / 1440 : -((-mins + 1439) / 1440);
		mins -= days * 1440;
		unit_point(p, r, U_DAY, (int)days);
		if (r->gran == G_DAY) {
			r->type = TIMEX_TIME;
			r->gran = G_MIN;
			r->hh = (int)(mins / 60);
			r->mi = (int)(mins % 60);
		}
		return e;
	}
	if (unit == U_YEAR && n == 1 && sign < 0 && p->st->has_quarter) {
		/* a year ago in a report on a quarter: the same quarter last year */
		r->type = TIMEX_DATE;
		r->gran = G_QUARTER;
		r->y = p->st->qy - 1;
		r->sub = p->st->qq;
		r->anchored = 1;
		return e;
	}
	switch (unit) {
	case U_WEEK: unit_point(p, r, U_DAY, sign * 7 * n); break;
	case U_FORTNIGHT: unit_point(p, r, U_DAY, sign * 14 * n); break;
	case U_DECADE: unit_point(p, r, U_YEAR, sign * 10 * n); break;
	case U_CENTURY: unit_point(p, r, U_YEAR, sign * 100 * n); break;
	case U_WEEKEND: unit_point(p, r, U_WEEKEND, sign * n); break;
	default: unit_point(p, r, unit, sign * n); break;
	}
	return e;
}

/* Weekday resolution: dir -1 on or before the anchor, +1 on or after, 0
 * nearest, -2 strictly before (last Monday), +2 strictly after, 3 the anchor's week. */
static void weekday_point(const struct px *p, struct tx *r, int wd, int dir)
{
	const struct timex_anchor *a = p->a;
	r->anchored = 1;
	if (!a->has_date) {
		r->type = TIMEX_DATE;
		r->gran = G_XWDAY;
		r->sub = wd;
		return;
	}
	int aw = timex_weekday(a->y, a->m, a->d);
	int back = (aw - wd + 7) % 7, fwd = (wd - aw + 7) % 7, off;
	switch (dir) {
	case -1: off = -back; break;
	case 1: off = fwd; break;
	case -2: off = back ? -back : -7; break;
	case 2: off = fwd ? fwd : 7; break;
	case 3: off = wd - aw; break;
	case 4: off = wd - aw + 7; break;        /* next Wednesday: next week's */
	case 5: off = wd - aw - 7; break;        /* Monday of last week */
	case 6: off = (fwd ? fwd : 7) + 7; break; /* Friday after next */
	default: off = back <= fwd ? -back : fwd; break;
	}
	set_date(r, timex_add_days(anchor_date(a), off));
}

static int parse_pod_after(const struct px *p, int j, int *pod)
{
	if (C(p, j, TX_POD) && !(W(p, j, "nights") || W(p, j, "mornings") || W(p, j, "evenings")
	    || W(p, j, "afternoons"))) {
		*pod = V(p, j, TX_POD);
		return j + 1;
	}
	return 0;
}

/* Thursday, on Monday (the span is the weekday), last Monday, next Friday,
 * this Wednesday, earlier Wednesday; a weekday with a part of day. */
static int parse_weekday(const struct px *p, int i, struct tx *r)
{
	int j = i, deic = 0, dir = 9, wd;
	if (W(p, j, "earlier") || W(p, j, "later")) {
		dir = W(p, j, "earlier") ? -1 : 1;
		j++;
	} else if (C(p, j, TX_DEIC)) {
		deic = V(p, j, TX_DEIC);
		switch (deic) {
		case D_LAST: case D_PAST: case D_PREV: dir = -2; break;
		case D_NEXT: dir = 4; break;
		case D_COMING: dir = 2; break;
		case D_THIS: dir = 9; break;
		default: return 0;
		}
		j++;
	}
	if (C(p, j, TX_WDAY)) {
		wd = V(p, j, TX_WDAY);
		j++;
	} else if (C(p, j, TX_WDABBR)) {
		wd = V(p, j, TX_WDABBR);
		int safe = !(W(p, j, "sun") || W(p, j, "sat") || W(p, j, "wed") || W(p, j, "mon"));
		if (P(p, j + 1, '.') && ADJ(p, j + 1) && (p->t[j].cap || j + 2 >= p->n)) {
			j += 2;
		} else if (safe || (i == 0 && (j + 1 == p->n || (j + 2 == p->n && P(p, j + 1, '.'))))
		           || (p->t[j].cap && P(p, j + 1, ',') && (C(p, j + 2, TX_MONTH)
		           || C(p, j + 2, TX_MONABBR) || N(p, j + 2)))) {
			j++;
		} else {
			return 0;
		}
	} else {
		return 0;
	}
	/* Wednesday of next week, Monday this week, Friday after next */
	{
		int k = j;
		if (W(p, k, "of") || W(p, k, "in"))
			k++;
		if (W(p, k, "the") && (W(p, k + 1, "next") || W(p, k + 1, "previous")
		    || W(p, k + 1, "following") || W(p, k + 1, "coming")))
			k++;
		if (C(p, k, TX_DEIC) && W(p, k + 1, "week") && dir == 9) {
			int dk = V(p, k, TX_DEIC);
			if (dk == D_NEXT || dk == D_COMING || dk == D_FOLLOWING)
				dir = 4;
			else if (dk == D_THIS || dk == D_CURRENT)
				dir = 3;
			else if (dk == D_LAST || dk == D_PREV || dk == D_PAST)
				dir = 5;
			if (dir != 9)
				j = k + 2;
		} else if (W(p, j, "after") && W(p, j + 1, "next") && dir == 9) {
			dir = 6;
			j += 2;
		}
	}
	if (dir == 9)
		dir = tense_dir(tense_near(p, i, j));
	if (dir == 0) {
		int tn = tense_near(p, i, j);
		dir = tn == TN_NONE ? 1 : 0;
	}
	r->type = TIMEX_DATE;
	/* Tuesday the 19th, Thu 15th: the nearest month whose day falls on
	 * that weekday, looking the way the tense points */
	{
		int k = j + W(p, j, "the"), dom;
		if (N(p, k) && (p->t[k].ord || k > j) && p->t[k].num >= 1 && p->t[k].num <= 31
		    && !C(p, k + 1, TX_MONTH) && !C(p, k + 1, TX_MONABBR) && !W(p, k + 1, "of")
		    && p->a->has_date) {
			dom = (int)p->t[k].num;
			int step = dir < 0 ? -1 : 1;
			struct timex_date c = {p->a->y, p->a->m, 1};
			for (int t = 0; t < 28; t++, c = timex_add_months(c, step)) {
				if (!timex_valid(c.y, c.m, dom) || timex_weekday(c.y, c.m, dom) != wd)
					continue;
				long x = timex_days(c.y, c.m, dom), an = timex_days(p->a->y, p->a->m, p->a->d);
				if ((step > 0 && x < an) || (step < 0 && x > an))
					continue;
				set_date(r, (struct timex_date){c.y, c.m, dom});
				r->gran = G_DAY;
				r->anchored = 1;
				return k + 1;
			}
		}
	}
	weekday_point(p, r, wd, dir);
	int pod, e;
	if ((e = parse_pod_after(p, j, &pod))) {
		r->type = TIMEX_TIME;
		r->pod = pod;
		if (r->gran == G_DAY)
			r->gran = G_POD;
		j = e;
	}
	return j;
}

/* today, tomorrow, yesterday, tonight (with a part of day), this morning,
 * the day before yesterday. */
static int parse_day_word(const struct px *p, int i, struct tx *r)
{
	int j = i, shift = 0, pod = 0, e;
	if (W(p, j, "earlier") || W(p, j, "later") || W(p, j, "early") || W(p, j, "late")) {
		if (!(W(p, j + 1, "today") || W(p, j + 1, "tonight") || W(p, j + 1, "yesterday")
		      || W(p, j + 1, "tomorrow") || (W(p, j + 1, "this") && C(p, j + 2, TX_POD))))
			return 0;
		j++;
	}
	int th = W(p, j, "the");
	if (W(p, j + th, "day") && (W(p, j + th + 1, "before") || W(p, j + th + 1, "after"))
	    && (W(p, j + th + 2, "yesterday") || W(p, j + th + 2, "tomorrow"))) {
		shift = (W(p, j + th + 1, "before") ? -1 : 1) + (W(p, j + th + 2, "yesterday") ? -1 : 1);
		j += th + 3;
	} else if (W(p, j, "today") || W(p, j, "tonight") || W(p, j, "overnight")) {
		if (W(p, j, "tonight"))
			pod = P_NI;
		if (W(p, j, "overnight")) {
			if (!p->t[j].sp && j > 0)
				return 0;
			pod = P_NI;
		}
		j++;
	} else if (W(p, j, "yesterday") || W(p, j, "tomorrow")) {
		shift = W(p, j, "yesterday") ? -1 : 1;
		j++;
	} else if ((W(p, j, "tomorrows") || W(p, j, "yesterdays")) && (j + 1 == p->n || C(p, j + 1, TX_POD)
	           || (p->t[j + 1].kind == TK_PUNCT && p->t[j + 1].ch != '\''))) {
		/* the possessive without its apostrophe, where no noun follows */
		shift = W(p, j, "yesterdays") ? -1 : 1;
		j++;
	} else if (W(p, j, "this") && C(p, j + 1, TX_POD) && !W(p, j + 1, "night")) {
		pod = V(p, j + 1, TX_POD);
		j += 2;
	} else if ((W(p, j, "mid") || W(p, j, "mid-")) && C(p, j + 1 + P(p, j + 1, '-'), TX_POD)) {
		int k = j + 1 + P(p, j + 1, '-');
		pod = V(p, k, TX_POD);
		j = k + 1;
		if (W(p, j, "yesterday") || W(p, j, "today") || W(p, j, "tomorrow")) {
			shift = W(p, j, "yesterday") ? -1 : W(p, j, "tomorrow") ? 1 : 0;
			j++;
		}
	} else {
		return 0;
	}
	if (!pod && (e = parse_pod_after(p, j, &pod)))
		j = e;
	unit_point(p, r, U_DAY, shift);
	if (pod) {
		r->type = TIMEX_TIME;
		if (r->gran == G_DAY) {
			r->gran = G_POD;
			r->pod = pod;
		} else {
			snprintf(r->lit, sizeof r->lit, "XXXX-XX-XXT%s", pod_code[pod]);
		}
	}
	return j;
}

/* now, currently, recently, the past, the future, soon, these days. */
static int parse_ref(const struct px *p, int i, struct tx *r)
{
	int j = i;
	const char *v = NULL;
	if (W(p, j, "now") || W(p, j, "currently") || W(p, j, "nowadays")) {
		if (W(p, j, "now") && (W(p, j + 1, "that") || P(p, j + 1, '-')))
			v = "PRESENT_REF";
		v = "PRESENT_REF";
		j++;
	} else if (W(p, j, "these") && W(p, j + 1, "days")) {
		v = "PRESENT_REF";
		j += 2;
	} else if ((W(p, j, "the") || W(p, j, "at")) && W(p, j + 1, "present") && !C(p, j + 2, TX_UNIT)) {
		if (W(p, j, "at"))
			j++;
		v = "PRESENT_REF";
		j += 2;
		if (W(p, i, "at"))
			j--;
	} else if (W(p, j, "current") && !W(p, j + 1, "account") && !W(p, j + 1, "accounts")
	           && p->t[j + 1].kind == TK_WORD && !W(p, j - 1, "the")) {
		v = "PRESENT_REF";
		j++;
	} else if (W(p, j, "recently") || W(p, j, "lately")) {
		v = "PAST_REF";
		j++;
	} else if (W(p, j, "the") && W(p, j + 1, "near") && W(p, j + 2, "future")) {
		v = "FUTURE_REF";
		j += 3;
	} else if (W(p, j, "the") && (W(p, j + 1, "future") || W(p, j + 1, "past"))
	           && (W(p, j - 1, "in") || W(p, j - 1, "of") || W(p, j - 1, "into")
	               || W(p, j - 1, "from") || W(p, j - 1, "than") || W(p, j - 1, "for")
	               || W(p, j - 1, "over") || W(p, j - 1, "to") || W(p, j - 1, "during"))
	           && !C(p, j + 2, TX_UNIT) && !C(p, j + 2, TX_UNITS) && !C(p, j + 2, TX_NUMW)
	           && !N(p, j + 2) && !W(p, j + 2, "few")) {
		v = W(p, j + 1, "future") ? "FUTURE_REF" : "PAST_REF";
		j += 2;
	} else if (W(p, j, "future") && W(p, j - 1, "in")) {
		v = "FUTURE_REF";
		j++;
	} else {
		return 0;
	}
	set_lit(r, TIMEX_DATE, v);
	return j;
}

/* ---- holidays -------------------------------------------------------- */

enum { H_FIXED, H_NTH, H_EASTER, H_AFTER_THANKS, H_ELECTION };

struct holiday {
	const char *words;    /* lower-case tokens, space separated */
	unsigned char kind;
	signed char m, d;     /* H_FIXED: month, day; H_NTH: month, n (-1 last) */
	signed char wd;       /* H_NTH: weekday; H_EASTER: offset in days */
};

static const struct holiday holidays[] = {
	{"christmas eve", H_FIXED, 12, 24, 0}, {"christmas day", H_FIXED, 12, 25, 0},
	{"christmas", H_FIXED, 12, 25, 0}, {"xmas", H_FIXED, 12, 25, 0},
	{"new year 's eve", H_FIXED, 12, 31, 0}, {"new years eve", H_FIXED, 12, 31, 0},
	{"new year 's day", H_FIXED, 1, 1, 0}, {"new years day", H_FIXED, 1, 1, 0},
	{"new year 's", H_FIXED, 1, 1, 0},
	{"thanksgiving day", H_NTH, 11, 4, 4}, {"thanksgiving", H_NTH, 11, 4, 4},
	{"labor day", H_NTH, 9, 1, 1}, {"labour day", H_NTH, 9, 1, 1},
	{"memorial day", H_NTH, 5, -1, 1}, {"independence day", H_FIXED, 7, 4, 0},
	{"fourth of july", H_FIXED, 7, 4, 0}, {"halloween", H_FIXED, 10, 31, 0},
	{"valentine 's day", H_FIXED, 2, 14, 0}, {"valentines day", H_FIXED, 2, 14, 0},
	{"valentine day", H_FIXED, 2, 14, 0},
	{"veterans day", H_FIXED, 11, 11, 0}, {"veterans ' day", H_FIXED, 11, 11, 0},
	{"veteran 's day", H_FIXED, 11, 11, 0}, {"armistice day", H_FIXED, 11, 11, 0},
	{"remembrance day", H_FIXED, 11, 11, 0},
	{"martin luther king jr. day", H_NTH, 1, 3, 1}, {"martin luther king day", H_NTH, 1, 3, 1},
	{"martin luther king 's day", H_NTH, 1, 3, 1}, {"mlk day", H_NTH, 1, 3, 1},
	{"presidents ' day", H_NTH, 2, 3, 1}, {"presidents day", H_NTH, 2, 3, 1},
	{"president 's day", H_NTH, 2, 3, 1},
	{"mother 's day", H_NTH, 5, 2, 7}, {"mothers day", H_NTH, 5, 2, 7},
	{"father 's day", H_NTH, 6, 3, 7}, {"fathers day", H_NTH, 6, 3, 7},
	{"columbus day", H_NTH, 10, 2, 1},
	{"easter sunday", H_EASTER, 0, 0, 0}, {"easter monday", H_EASTER, 0, 0, 1},
	{"easter", H_EASTER, 0, 0, 0}, {"good friday", H_EASTER, 0, 0, -2},
	{"palm sunday", H_EASTER, 0, 0, -7}, {"ash wednesday", H_EASTER, 0, 0, -46},
	{"maundy thursday", H_EASTER, 0, 0, -3}, {"pentecost", H_EASTER, 0, 0, 49},
	{"whit sunday", H_EASTER, 0, 0, 49}, {"ascension day", H_EASTER, 0, 0, 39},
	{"boxing day", H_FIXED, 12, 26, 0}, {"st. patrick 's day", H_FIXED, 3, 17, 0},
	{"st patrick 's day", H_FIXED, 3, 17, 0}, {"saint patrick 's day", H_FIXED, 3, 17, 0},
	{"st. paddy 's day", H_FIXED, 3, 17, 0}, {"st paddy 's day", H_FIXED, 3, 17, 0},
	{"groundhog day", H_FIXED, 2, 2, 0}, {"earth day", H_FIXED, 4, 22, 0},
	{"april fools ' day", H_FIXED, 4, 1, 0}, {"april fool 's day", H_FIXED, 4, 1, 0},
	{"april fools day", H_FIXED, 4, 1, 0},
	{"election day", H_ELECTION, 11, 0, 0}, {"black friday", H_AFTER_THANKS, 11, 0, 1},
	{"cyber monday", H_AFTER_THANKS, 11, 0, 4},
	{"cinco de mayo", H_FIXED, 5, 5, 0}, {"juneteenth", H_FIXED, 6, 19, 0},
	{"bastille day", H_FIXED, 7, 14, 0}, {"canada day", H_FIXED, 7, 1, 0},
	{"australia day", H_FIXED, 1, 26, 0}, {"all saints ' day", H_FIXED, 11, 1, 0},
	{"all saints day", H_FIXED, 11, 1, 0}, {"all souls ' day", H_FIXED, 11, 2, 0},
	{"epiphany", H_FIXED, 1, 6, 0}, {"may day", H_FIXED, 5, 1, 0},
	{"guy fawkes day", H_FIXED, 11, 5, 0}, {"guy fawkes night", H_FIXED, 11, 5, 0},
	{"st. valentine 's day", H_FIXED, 2, 14, 0}, {"boss 's day", H_FIXED, 10, 16, 0},
	{"world aids day", H_FIXED, 12, 1, 0}, {"labor day weekend", H_NTH, 9, 1, 1},
	{"saint patricks day", H_FIXED, 3, 17, 0}, {"st. patricks day", H_FIXED, 3, 17, 0},
	{"st patricks day", H_FIXED, 3, 17, 0}, {"saint paddy 's day", H_FIXED, 3, 17, 0},
	{"whit monday", H_EASTER, 0, 0, 50}, {"trinity sunday", H_EASTER, 0, 0, 56},
	{"shrove tuesday", H_EASTER, 0, 0, -47}, {"mardi gras", H_EASTER, 0, 0, -47},
	{"pancake day", H_EASTER, 0, 0, -47}, {"corpus christi", H_EASTER, 0, 0, 60},
};

static int holiday_day(const struct holiday *h, int y, int *m)
{
	switch (h->kind) {
	case H_FIXED: *m = h->m; return h->d;
	case H_NTH: *m = h->m; return timex_nth_weekday(y, h->m, h->wd, h->d);
	case H_EASTER: {
		int em, ed;
		news_calendar_easter(y, &em, &ed);
		struct timex_date d = timex_add_days((struct timex_date){y, em, ed}, h->wd);
		*m = d.m;
		return d.d;
	}
	case H_AFTER_THANKS: {
		int td = timex_nth_weekday(y, 11, 4, 4);
		struct timex_date d = timex_add_days((struct timex_date){y, 11, td}, h->wd);
		*m = d.m;
		return d.d;
	}
	case H_ELECTION:
		*m = 11;
		return timex_nth_weekday(y, 11, 1, 1) + 1;
	}
	*m = 1;
	return 1;
}

/* Match the holiday's words from token i; returns the end or 0. */
static int match_words(const struct px *p, int i, const char *words)
{
	const char *w = words;
	int j = i;
	while (*w) {
		const char *sp = strchr(w, ' ');
		size_t len = sp ? (size_t)(sp - w) : strlen(w);
		int optional = w[0] == '\'';
		if (j < p->n && p->t[j].kind == TK_WORD && p->t[j].lown == len
		    && memcmp(p->t[j].low, w, len) == 0) {
			j++;
		} else if (optional && len == 1 && P(p, j, '\'')) {
			j++;
		} else if (!optional) {
			/* st. / jr. : the period is its own token */
			if (len > 1 && w[len - 1] == '.' && j < p->n && p->t[j].kind == TK_WORD
			    && p->t[j].lown == len - 1 && memcmp(p->t[j].low, w, len - 1) == 0
			    && P(p, j + 1, '.')) {
				j += 2;
			} else {
				return 0;
			}
		}
		w += len;
		while (*w == ' ')
			w++;
	}
	return j;
}

/* A holiday named in the text: an entry of the built-in table or an id of
 * the calendar module (which knows the lunar and lunisolar feasts). */
struct holiday_ref {
	const struct holiday *h;
	int cal;                    /* calendar id, -1 when h is used */
};

static int holiday_on(const struct holiday_ref *hr, int y, int *m, int *d)
{
	if (hr->h) {
		*d = holiday_day(hr->h, y, m);
		return 1;
	}
	return news_calendar_date(hr->cal, y, m, d);
}

/* Whether the holiday falls on the same month and day every year. */
static int holiday_fixed(const struct holiday_ref *hr, int *m, int *d)
{
	if (hr->h) {
		*m = hr->h->m;
		*d = hr->h->d;
		return hr->h->kind == H_FIXED;
	}
	int m2, d2, m3, d3;
	return holiday_on(hr, 2001, m, d) && holiday_on(hr, 2002, &m2, &d2)
	       && holiday_on(hr, 2003, &m3, &d3) && *m == m2 && *d == d2 && *m == m3 && *d == d3;
}

/* The holiday's date nearest the anchor in direction dir (-2 before, -1 on
 * or before, 0 this year, 1 on or after, 2 after); 0 when it is not kept
 * in the years around. */
static int holiday_near(const struct holiday_ref *hr, const struct timex_anchor *a, int dir,
                        struct timex_date *out)
{
	long an = timex_days(a->y, a->m, a->d);
	int m, d, y = a->y;
	if (!holiday_on(hr, y, &m, &d))
		return 0;
	long x = timex_days(y, m, d);
	if ((dir == -2 && x >= an) || (dir == -1 && x > an))
		y--;
	else if ((dir == 2 && x <= an) || (dir == 1 && x < an))
		y++;
	if (!holiday_on(hr, y, &m, &d))
		return 0;
	*out = (struct timex_date){y, m, d};
	return 1;
}

static int parse_holiday(const struct px *p, int i, struct tx *r)
{
	int j = i, deic = 0;
	if (C(p, j, TX_DEIC)) {
		deic = V(p, j, TX_DEIC);
		if (deic != D_LAST && deic != D_NEXT && deic != D_THIS && deic != D_PAST
		    && deic != D_COMING)
			return 0;
		j++;
	}
	if (j >= p->n || (!C(p, j, TX_HOLI) && !p->t[j].hol))
		return 0;
	struct holiday_ref hr = {NULL, -1};
	int e = 0, builtin;
	if (C(p, j, TX_HOLI)) {
		for (size_t k = 0; k < sizeof holidays / sizeof holidays[0]; k++) {
			if (holidays[k].words[0] != p->t[j].low[0] || holidays[k].words[1] != p->t[j].low[1])
				continue;
			int x = match_words(p, j, holidays[k].words);
			if (x > e) {
				e = x;
				hr.h = &holidays[k];
			}
		}
	}
	builtin = hr.h != NULL;
	/* the calendar's name wins when it is as long: it knows observed days
	 * and Orthodox, Hebrew, Islamic and Chinese feasts */
	if (p->t[j].hol && p->t[j].hol_end >= e) {
		int m0, d0;
		if (news_calendar_date(p->t[j].hol - 1, p->a->has_date ? p->a->y : 2000, &m0, &d0)
		    || !hr.h) {
			e = p->t[j].hol_end;
			hr.h = NULL;
			hr.cal = p->t[j].hol - 1;
		}
	}
	if (!hr.h && hr.cal < 0)
		return 0;
	/* common words need a capital: "may day", "earth day" */
	if (!p->t[j].cap && (W(p, j, "may") || W(p, j, "epiphany") || W(p, j, "election")))
		return 0;
	int y, m, d, ye, n;
	/* a one-word name only the calendar knows is taken in lower case only
	 * where something else marks it as a date: a year or this/next/last, or
	 * the name being the whole line */
	int marked = p->t[j].cap || deic || e - j > 1 || year_after(p, e, &y)
	             || (W(p, e, "in") && parse_year(p, e + 1, &y))
	             || (i == 0 && (e == p->n || (e + 1 == p->n && p->t[e].kind == TK_PUNCT)));
	if (!builtin && !marked)
		return 0;
	r->type = TIMEX_DATE;
	r->gran = G_DAY;
	if (!deic && W(p, e, "of") && C(p, e + 1, TX_DEIC) && W(p, e + 2, "year") && p->a->has_date) {
		int dk = V(p, e + 1, TX_DEIC);
		y = p->a->y + (dk == D_NEXT || dk == D_COMING || dk == D_FOLLOWING ? 1
		               : dk == D_LAST || dk == D_PREV || dk == D_PAST ? -1 : 0);
		if (!holiday_on(&hr, y, &m, &d))
			return 0;
		set_date(r, (struct timex_date){y, m, d});
		r->anchored = 1;
		return e + 3;
	}
	if (!deic && ((ye = year_after(p, e, &y))
	              || (W(p, e, "in") && (ye = parse_year(p, e + 1, &y))))) {
		if (!holiday_on(&hr, y, &m, &d))
			return 0;
		set_date(r, (struct timex_date){y, m, d});
		return ye;
	}
	const struct timex_anchor *a = p->a;
	r->anchored = 1;
	if (!a->has_date) {
		if (holiday_fixed(&hr, &m, &d)) {
			r->y = YX;
			r->m = m;
			r->d = d;
		} else {
			set_lit(r, TIMEX_DATE, "XXXX-XX-XX");
		}
		return e;
	}
	int dir = deic == D_LAST || deic == D_PAST ? -2 : deic == D_NEXT || deic == D_COMING ? 2
		: deic == D_THIS ? 0 : tense_dir(tense_near(p, i, e));
	struct timex_date hd;
	if (!holiday_near(&hr, a, dir, &hd))
		return 0;
	/* Christmas in 3 years, Thanksgiving in a year: that many years on */
	int ce;
	if (!deic && W(p, e, "in") && (ce = parse_count(p, e + 1, &n, 1)) && n > 0 && n < 200
	    && (W(p, ce, "year") || W(p, ce, "years"))) {
		if (!holiday_on(&hr, hd.y + n, &m, &d))
			return 0;
		set_date(r, (struct timex_date){hd.y + n, m, d});
		return ce + 1;
	}
	set_date(r, hd);
	return e;
}

/* ---- times of day ------------------------------------------------------ */

/* am/pm after a clock: am, pm, a.m., p.m., a, p. *pm gets 0 or 1. */
static int parse_ampm(const struct px *p, int j, int *pm)
{
	if (W(p, j, "am") || W(p, j, "pm")) {
		*pm = W(p, j, "pm");
		int e = j + 1;
		if (P(p, e, '.') && ADJ(p, e) && e + 1 < p->n)
			e++;
		return e;
	}
	if ((W(p, j, "a") || W(p, j, "p")) && P(p, j + 1, '.') && ADJ(p, j + 1)
	    && W(p, j + 2, "m") && ADJ(p, j + 2)) {
		*pm = W(p, j, "p");
		int e = j + 3;
		if (P(p, e, '.') && ADJ(p, e) && e + 1 < p->n)
			e++;
		return e;
	}
	/* 9a-5p: a bare letter only in a range, where it cannot be pence */
	if ((W(p, j, "a") || W(p, j, "p")) && ADJ(p, j) && !(j + 1 < p->n && p->t[j + 1].kind == TK_WORD)
	    && ((P(p, j + 1, '-') && ADJ(p, j + 1)) || (j >= 2 && P(p, j - 2, '-') && ADJ(p, j - 1)))) {
		*pm = W(p, j, "p");
		return j + 1;
	}
	/* spelled out as letters at the end of a line: nine fifty nine a m */
	if ((W(p, j, "a") || W(p, j, "p")) && W(p, j + 1, "m")
	    && (j + 2 == p->n || (j + 3 == p->n && p->t[j + 2].kind == TK_PUNCT))) {
		*pm = W(p, j, "p");
		return j + 2;
	}
	/* 3 in the AM */
	if (W(p, j, "in") && W(p, j + 1, "the") && (W(p, j + 2, "am") || W(p, j + 2, "pm"))) {
		*pm = W(p, j + 2, "pm");
		return j + 3;
	}
	return 0;
}

static int parse_clock_plain(const struct px *p, int i, struct tx *r);

/* a quarter past 3pm, half past three, 20 past 3, ten to noon */
static int parse_clock(const struct px *p, int i, struct tx *r)
{
	int j = i, mins = -1, e, sure = 0;
	if ((W(p, j, "a") && W(p, j + 1, "quarter")) || W(p, j, "quarter")) {
		sure = 1;
		mins = 15;
		j += W(p, j, "a") ? 2 : 1;
	} else if (W(p, j, "half")) {
		mins = 30;
		j++;
		/* half three: half past three, where nothing else follows */
		int h, he = parse_count(p, j, &h, 0);
		if (he && h >= 1 && h <= 12 && !W(p, j, "past") && !W(p, j, "to")
		    && (he == p->n || p->t[he].kind == TK_PUNCT || W(p, he, "tomorrow")
		        || W(p, he, "today") || W(p, he, "tonight"))) {
			r->type = TIMEX_TIME;
			r->gran = G_MIN;
			r->hh = h;
			r->mi = 30;
			return he;
		}
	} else if ((N(p, j) && p->t[j].ndig <= 2) || C(p, j, TX_NUMW)) {
		int v;
		if ((e = parse_count(p, j, &v, 0)) && v > 0 && v < 60) {
			mins = v;
			j = e;
			if (W(p, j, "minutes") || W(p, j, "minute") || W(p, j, "mins")) {
				j++;
				sure = 1;
			}
		}
	}
	if (mins > 0 && (W(p, j, "past") || W(p, j, "after") || W(p, j, "to") || W(p, j, "till")
	    || W(p, j, "before"))) {
		int before = W(p, j, "to") || W(p, j, "till") || W(p, j, "before");
		/* "from 10 to 11 p.m." is a range, not ten to eleven */
		if (before && !sure && !W(p, j + 1, "noon") && !W(p, j + 1, "midnight"))
			return parse_clock_plain(p, i, r);
		struct tx c;
		c = tx_zero;
		int bare = (N(p, j + 1) || C(p, j + 1, TX_NUMW)) && !W(p, j + 1, "noon");
		e = parse_clock_plain(p, j + 1, &c);
		if (!e && bare && (W(p, j, "past") || (W(p, j, "to") && mins == 15))) {
			int h;
			int he = parse_count(p, j + 1, &h, 0);
			if (he && h >= 1 && h <= 12) {
				c.type = TIMEX_TIME;
				c.gran = G_HOUR;
				c.hh = h;
				e = he;
			}
		}
		if (e && (c.gran == G_HOUR || (c.gran == G_MIN && c.mi == 0))) {
			int t = c.hh * 60 + (before ? -mins : mins);
			if (t < 0)
				t += 1440;
			*r = c;
			r->gran = G_MIN;
			r->hh = t / 60;
			r->mi = t % 60;
			return e;
		}
	}
	return parse_clock_plain(p, i, r);
}

/* 3 p.m., 3:30 p.m. EDT, 15:30, noon, midnight, 10 o'clock, 16h00. */
static int parse_clock_plain(const struct px *p, int i, struct tx *r)
{
	int j = i, hh = -1, mi = -1, ss = -1, pm = -1, e;
	if (W(p, j, "noon") || W(p, j, "midday") || W(p, j, "midnight")
	    || (W(p, j, "mid") && W(p, j + 1, "day") && !P(p, j + 2, '-'))) {
		hh = W(p, j, "midnight") ? 24 : 12;
		j += W(p, j, "mid") ? 2 : 1;
		r->type = TIMEX_TIME;
		r->hh = hh;
		r->gran = G_HOUR;
		return j;
	}
	int tmp_pm;
	if (N(p, j) && (p->t[j].ndig == 3 || p->t[j].ndig == 4) && p->t[j].num % 100 < 60
	    && p->t[j].num / 100 >= 1 && p->t[j].num / 100 <= 12 && parse_ampm(p, j + 1, &tmp_pm)) {
		/* 330 p.m., 1030am: hours and minutes run together */
		hh = (int)p->t[j].num / 100;
		mi = (int)p->t[j].num % 100;
		j++;
	} else if (N(p, j) && p->t[j].ndig <= 2 && !p->t[j].ord && !p->t[j].decade) {
		if (P(p, j - 1, '$') || (P(p, j - 1, '.') && ADJ(p, j)) || (P(p, j - 1, ':') && ADJ(p, j)))
			return 0;
		hh = (int)p->t[j].num;
		j++;
		if (P(p, j, ':') && ADJ(p, j) && N(p, j + 1) && ADJ(p, j + 1) && p->t[j + 1].ndig == 2) {
			mi = (int)p->t[j + 1].num;
			j += 2;
			if (P(p, j, ':') && ADJ(p, j) && N(p, j + 1) && ADJ(p, j + 1) && p->t[j + 1].ndig == 2) {
				ss = (int)p->t[j + 1].num;
				j += 2;
			}
		} else if (W(p, j, "h") && ADJ(p, j)) {
			j++;
			if (N(p, j) && ADJ(p, j) && p->t[j].ndig == 2) {
				mi = (int)p->t[j].num;
				j++;
			} else {
				mi = -2;
			}
		}
	} else if (C(p, j, TX_NUMW) && V(p, j, TX_NUMW) >= 1 && V(p, j, TX_NUMW) <= 12) {
		hh = V(p, j, TX_NUMW);
		j++;
	} else {
		return 0;
	}
	if (N(p, j) && ADJ(p, j))
		return 0;
	/* 3ish pm */
	if (W(p, j, "ish") && ADJ(p, j))
		j++;
	/* at 3 15, at three twenty, ten thirty am: minutes as a second number,
	 * taken after "at" or before am/pm */
	if (mi == -1 && hh <= 12) {
		int mv, me;
		if (((N(p, j) && p->t[j].ndig == 2 && !p->t[j].ord) || C(p, j, TX_NUMW))
		    && (me = parse_count(p, j, &mv, 0)) && mv >= (N(p, j) ? 0 : 10) && mv < 60
		    && ((W(p, i - 1, "at") && !(me < p->n && (p->t[me].kind == TK_NUM
		                                              || (p->t[me].kind == TK_WORD && !p->t[me].lx))))
		        || parse_ampm(p, me, &tmp_pm))) {
			mi = mv;
			j = me;
		}
	}
	if ((e = parse_ampm(p, j, &pm))) {
		j = e;
	} else if (W(p, j, "o'clock") || W(p, j, "oclock")) {
		j++;
		if ((e = parse_ampm(p, j, &pm)))
			j = e;
	} else if (mi < 0 && mi != -2) {
		/* a bare number is a time only with a part of day after it */
		if (!(W(p, j, "in") && W(p, j + 1, "the") && C(p, j + 2, TX_POD))
		    && !(W(p, j, "at") && W(p, j + 1, "night")) && !W(p, j, "tonight")
		    && !(W(p, j, "this") && C(p, j + 1, TX_POD))
		    && !((W(p, j, "tomorrow") || W(p, j, "yesterday") || W(p, j, "today"))
		         && C(p, j + 1, TX_POD)))
			return 0;
	} else if (p->t[i].kind != TK_NUM) {
		return 0;
	}
	if (hh > 24 || mi > 59 || ss > 59 || (pm >= 0 && (hh > 12 || hh == 0)))
		return 0;
	int known = pm >= 0 || hh == 0 || hh > 12 || W(p, i, "noon") || W(p, i, "midnight");
	if (pm == 1 && hh < 12)
		hh += 12;
	else if (pm == 0 && hh == 12)
		hh = 0;
	/* in the morning / afternoon / evening, at night, tonight */
	if (W(p, j, "in") && (W(p, j + 1, "the") ? C(p, j + 2, TX_POD) : C(p, j + 1, TX_POD))) {
		int k = W(p, j + 1, "the") ? j + 2 : j + 1;
		int pod = V(p, k, TX_POD);
		if (pm < 0 && (pod == P_AF || pod == P_EV || pod == P_NI) && hh < 12)
			hh += 12;
		known = 1;
		j = k + 1;
	} else if (W(p, j, "at") && W(p, j + 1, "night")) {
		if (pm < 0 && hh < 12 && hh > 5)
			hh += 12;
		known = 1;
		j += 2;
	} else if (W(p, j, "tonight") && pm < 0 && hh < 12 && hh > 3) {
		hh += 12;
		known = 1;
	}
	while (C(p, j, TX_TZ) && p->t[j].kind == TK_WORD
	       && (p->t[j].cap || p->t[j].lown > 2))
		j++;
	r->type = TIMEX_TIME;
	r->half_day = known;
	r->hh = hh;
	r->mi = mi < 0 ? 0 : mi;
	r->ss = ss < 0 ? 0 : ss;
	r->gran = ss >= 0 ? G_SEC : mi >= 0 || mi == -2 ? G_MIN : G_HOUR;
	return j;
}

/* ---- durations and sets ------------------------------------------------ */

static const char *unit_code(int unit, int *time_part, int *mult)
{
	*time_part = 0;
	*mult = 1;
	switch (unit) {
	case U_SEC: *time_part = 1; return "S";
	case U_MIN: *time_part = 1; return "M";
	case U_HOUR: *time_part = 1; return "H";
	case U_DAY: case U_NIGHT: return "D";
	case U_WEEK: return "W";
	case U_WEEKEND: return "WE";
	case U_FORTNIGHT: *mult = 2; return "W";
	case U_MONTH: return "M";
	case U_QUARTER: *mult = 3; return "M";
	case U_HALF: *mult = 6; return "M";
	case U_YEAR: return "Y";
	case U_DECADE: *mult = 10; return "Y";
	case U_CENTURY: *mult = 100; return "Y";
	}
	return "D";
}

/* The value of n units (n < 0: vague), plus half a unit when half is set. */
static void duration_value(char *o, size_t sz, int n, int unit, int half)
{
	int tp, mult;
	const char *u = unit_code(unit, &tp, &mult);
	if (n < 0) {
		/* a vague count keeps the unit it was said in */
		snprintf(o, sz, "P%sX%s", tp ? "T" : "", unit == U_QUARTER ? "Q"
		         : unit == U_CENTURY ? "C" : u);
		return;
	}
	n *= mult;
	if (half) {
		/* the half goes into the next smaller unit: 2 1/2 years = P2Y6M */
		const char *big = u, *small = NULL;
		int sv = 0, stp = tp;
		switch (unit) {
		case U_YEAR: small = "M"; sv = 6; break;
		case U_MONTH: small = "D"; sv = 15; break;
		case U_DAY: small = "H"; sv = 12; stp = 1; break;
		case U_HOUR: small = "M"; sv = 30; break;
		case U_MIN: small = "S"; sv = 30; break;
		case U_WEEK: big = "D"; n = n * 7; small = "H"; sv = 84; stp = 1; break;
		case U_DECADE: big = "Y"; n *= 10; small = NULL; n += 5; break;
		default: small = NULL;
		}
		if (!small) {
			snprintf(o, sz, "P%s%d%s", tp ? "T" : "", n, big);
		} else if (n == 0) {
			snprintf(o, sz, "P%s%d%s", stp ? "T" : "", sv, small);
		} else if (stp && !tp) {
			snprintf(o, sz, "P%d%sT%d%s", n, big, sv, small);
		} else {
			snprintf(o, sz, "P%s%d%s%d%s", tp ? "T" : "", n, big, sv, small);
		}
		return;
	}
	snprintf(o, sz, "P%s%d%s", tp ? "T" : "", n, u);
}

struct modword {
	const char *w1, *w2, *w3;
	const char *mod;
};

static const struct modword dur_mods[] = {
	{"more", "than", NULL, "MORE_THAN"}, {"over", NULL, NULL, "MORE_THAN"},
	{"less", "than", NULL, "LESS_THAN"}, {"fewer", "than", NULL, "LESS_THAN"},
	{"under", NULL, NULL, "LESS_THAN"}, {"nearly", NULL, NULL, "LESS_THAN"},
	{"almost", NULL, NULL, "LESS_THAN"}, {"at", "least", NULL, "EQUAL_OR_MORE"},
	{"at", "most", NULL, "EQUAL_OR_LESS"}, {"up", "to", NULL, "EQUAL_OR_LESS"},
	{"no", "more", "than", "EQUAL_OR_LESS"}, {"about", NULL, NULL, "APPROX"},
	{"around", NULL, NULL, "APPROX"}, {"approximately", NULL, NULL, "APPROX"},
	{"roughly", NULL, NULL, "APPROX"}, {"some", NULL, NULL, "APPROX"},
	{"just", "over", NULL, "MORE_THAN"}, {"just", "under", NULL, "LESS_THAN"},
	{"well", "over", NULL, "MORE_THAN"}, {"nearly", NULL, NULL, "LESS_THAN"},
};

static int parse_dur_mod(const struct px *p, int i, const char **mod)
{
	if (!C(p, i, TX_START))
		return 0;
	for (size_t k = 0; k < sizeof dur_mods / sizeof dur_mods[0]; k++) {
		const struct modword *m = &dur_mods[k];
		int j = i;
		if (!W(p, j, m->w1))
			continue;
		j++;
		if (m->w2) {
			if (!W(p, j, m->w2))
				continue;
			j++;
		}
		if (m->w3) {
			if (!W(p, j, m->w3))
				continue;
			j++;
		}
		*mod = m->mod;
		return j;
	}
	return 0;
}

/* two days, 18 months, a decade, the past three years, the first nine
 * months, two-year, 24-hour, 2 1/2 years, an hour and a half, half an hour,
 * several weeks, more than four hours, recent months, the coming weeks. */
static int parse_duration(const struct px *p, int i, struct tx *r)
{
	int j = i, n = 0, e, half = 0, unit;
	const char *mod = NULL;
	if ((e = parse_dur_mod(p, j, &mod)))
		j = e;
	int the = 0, deic = 0;
	if (W(p, j, "the")) {
		the = 1;
		j++;
	}
	if (C(p, j, TX_DEIC) || W(p, j, "first") || W(p, j, "latest") || W(p, j, "final")
	    || W(p, j, "initial") || W(p, j, "last")) {
		deic = C(p, j, TX_DEIC) ? V(p, j, TX_DEIC) : D_PAST;
		if (deic == D_THIS && !W(p, j, "these"))
			return 0;
		j++;
	}
	/* recent months, the coming weeks, the past few days */
	if (deic && C(p, j, TX_UNITS) && (deic == D_RECENT || deic == D_COMING
	    || (deic == D_THIS && W(p, j, "days") && 0))) {
		unit = V(p, j, TX_UNITS);
		if (unit == U_WEEKEND || unit == U_HALF)
			return 0;
		r->type = TIMEX_DURATION;
		r->gran = G_LIT;
		duration_value(r->lit, sizeof r->lit, -1, unit, 0);
		r->mod = mod;
		return j + 1;
	}
	if (W(p, j, "half") && (W(p, j + 1, "an") || W(p, j + 1, "a")) && C(p, j + 2, TX_UNIT)) {
		unit = V(p, j + 2, TX_UNIT);
		n = 0;
		half = 1;
		j += 3;
		goto done;
	}
	if ((W(p, j, "a") || W(p, j, "an")) && W(p, j + 1, "half") && C(p, j + 2, TX_UNIT)
	    && !P(p, j + 2, '-')) {
		unit = V(p, j + 2, TX_UNIT);
		n = 0;
		half = 1;
		j += 3;
		goto done;
	}
	/* 1.5 hours, 2.5 years: a half; 1/2 hour */
	if (N(p, j) && P(p, j + 1, '.') && ADJ(p, j + 1) && N(p, j + 2) && ADJ(p, j + 2)
	    && p->t[j + 2].ndig == 1 && p->t[j + 2].num == 5 && !P(p, j - 1, '$')
	    && (C(p, j + 3, TX_UNIT) || C(p, j + 3, TX_UNITS))) {
		n = (int)p->t[j].num;
		half = 1;
		j += 3;
		unit = C(p, j, TX_UNIT) ? V(p, j, TX_UNIT) : V(p, j, TX_UNITS);
		j++;
		goto done;
	}
	if (N(p, j) && p->t[j].num == 1 && P(p, j + 1, '/') && ADJ(p, j + 1) && N(p, j + 2)
	    && ADJ(p, j + 2) && p->t[j + 2].num == 2 && C(p, j + 3, TX_UNIT) && !N(p, j - 1)) {
		n = 0;
		half = 1;
		unit = V(p, j + 3, TX_UNIT);
		j += 4;
		goto done;
	}
	if (W(p, j, "half") && C(p, j + 1, TX_UNIT) && !deic && !the && !W(p, j - 1, "a")
	    && !W(p, j - 1, "the")) {
		unit = V(p, j + 1, TX_UNIT);
		if (unit == U_HOUR || unit == U_DAY || unit == U_MIN) {
			n = 0;
			half = 1;
			j += 2;
			goto done;
		}
	}
	if (!(e = parse_count(p, j, &n, !deic || the))) {
		/* bare plural unit after for/over/within: for weeks */
		if (!deic && !the && !mod && C(p, j, TX_UNITS) && j > 0
		    && (W(p, j - 1, "for") || W(p, j - 1, "over") || W(p, j - 1, "within")
		        || W(p, j - 1, "after") || W(p, j - 1, "in") || W(p, j - 1, "of")
		        || W(p, j - 1, "took") || W(p, j - 1, "lasted"))
		    && !P(p, j + 1, '-') && !W(p, j + 1, "old")) {
			unit = V(p, j, TX_UNITS);
			if (unit == U_WEEKEND || unit == U_NIGHT || unit == U_QUARTER)
				return 0;
			r->type = TIMEX_DURATION;
			r->gran = G_LIT;
			duration_value(r->lit, sizeof r->lit, -1, unit, 0);
			return j + 1;
		}
		return 0;
	}
	j = e;
	if (W(p, j, "and") && (((W(p, j + 1, "a") || W(p, j + 1, "an")) && W(p, j + 2, "half")
	    && (C(p, j + 3, TX_UNIT) || C(p, j + 3, TX_UNITS)))
	    || (W(p, j + 1, "half") && (C(p, j + 2, TX_UNIT) || C(p, j + 2, TX_UNITS))))) {
		half = 1;
		j += W(p, j + 1, "half") ? 2 : 3;
		unit = C(p, j, TX_UNIT) ? V(p, j, TX_UNIT) : V(p, j, TX_UNITS);
		j++;
		goto done;
	}
	/* 2 1/2 */
	if (N(p, j) && p->t[j].num == 1 && P(p, j + 1, '/') && ADJ(p, j + 1) && N(p, j + 2)
	    && p->t[j + 2].num == 2 && ADJ(p, j + 2)) {
		half = 1;
		j += 3;
	}
	int hy = 0;
	/* two more weeks, an additional year, three full days */
	if (W(p, j, "more") || W(p, j, "additional") || W(p, j, "extra") || W(p, j, "full")
	    || W(p, j, "straight") || W(p, j, "consecutive") || W(p, j, "fewer")
	    || W(p, j, "less") || W(p, j, "long") || W(p, j, "whole"))
		if (C(p, j + 1, TX_UNIT) || C(p, j + 1, TX_UNITS))
			j++;
	if (P(p, j, '-') && ADJ(p, j)) {
		hy = 1;
		j++;
	}
	if (C(p, j, TX_UNIT))
		unit = V(p, j, TX_UNIT);
	else if (C(p, j, TX_UNITS) && !hy)
		unit = V(p, j, TX_UNITS);
	else
		return 0;
	if (unit == U_HALF)
		return 0;
	if (unit == U_SEC && !N(p, i) && (W(p, e - 1, "a") || W(p, e - 1, "one"))
	    && j + 1 < p->n && p->t[j + 1].kind == TK_WORD && !W(p, j + 1, "ago")
	    && !W(p, j + 1, "later") && !W(p, j + 1, "and"))
		return 0;
	/* year-earlier, year-ago, year-old: not a count of years */
	if (P(p, j + 1, '-') && ADJ(p, j + 1) && (W(p, j + 2, "earlier") || W(p, j + 2, "ago")
	    || W(p, j + 2, "long") || W(p, j + 2, "old")) && !hy)
		return 0;
	/* ages: a 40-year-old man */
	if (P(p, j + 1, '-') && W(p, j + 2, "old"))
		return 0;
	if (W(p, j + 1, "old"))
		return 0;
	/* "one day" opening a story is not a duration */
	j++;
	if (W(p, j, "and") && (W(p, j + 1, "a") || W(p, j + 1, "an")) && W(p, j + 2, "half")) {
		half = 1;
		j += 3;
	} else if (W(p, j, "and") && W(p, j + 1, "half")) {
		half = 1;
		j += 2;
	}
	/* two years and three months, an hour and 45 minutes: one duration */
	if (!half && n > 0 && !hy) {
		int k = j, m2, e2;
		if (P(p, k, ','))
			k++;
		if (W(p, k, "and"))
			k++;
		if ((e2 = parse_count(p, k, &m2, 1)) && m2 > 0
		    && (C(p, e2, TX_UNIT) || C(p, e2, TX_UNITS))) {
			int u2 = C(p, e2, TX_UNIT) ? V(p, e2, TX_UNIT) : V(p, e2, TX_UNITS);
			static const int rank[] = {[U_SEC] = 1, [U_MIN] = 2, [U_HOUR] = 3, [U_DAY] = 4,
				[U_WEEK] = 5, [U_MONTH] = 6, [U_YEAR] = 7};
			if (unit < (int)(sizeof rank / sizeof rank[0]) && u2 < (int)(sizeof rank / sizeof rank[0])
			    && rank[unit] && rank[u2] && rank[u2] < rank[unit] && unit != U_WEEK && u2 != U_WEEK) {
				char a[16], b[16];
				duration_value(a, sizeof a, n, unit, 0);
				duration_value(b, sizeof b, m2, u2, 0);
				/* P2Y + P3M = P2Y3M; PT1H + PT45M = PT1H45M; P1D + PT3H = P1DT3H */
				const char *tail = b + 1;
				if (a[1] == 'T' && b[1] == 'T')
					tail = b + 2;
				r->type = TIMEX_DURATION;
				r->gran = G_LIT;
				size_t al = strlen(a);
				memcpy(r->lit, a, al);
				snprintf(r->lit + al, sizeof r->lit - al, "%s", tail);
				r->mod = mod;
				return e2 + 1;
			}
		}
	}
done:
	if ((unit == U_SEC || unit == U_MIN) && n == 1 && !p->t[i].sp && 0)
		return 0;
	r->type = TIMEX_DURATION;
	r->gran = G_LIT;
	duration_value(r->lit, sizeof r->lit, n, unit, half);
	r->mod = mod;
	(void)the;
	return j;
}

/* every Monday, each year, every two weeks, weekly, daily, Mondays,
 * Tuesday nights, $5 a year, twice a week. */
static int parse_set(const struct px *p, int i, struct tx *r)
{
	int j = i, n = 1, e;
	r->type = TIMEX_SET;
	if (W(p, j, "every") || W(p, j, "each")) {
		j++;
		if (W(p, j, "other")) {
			n = 2;
			j++;
		} else if ((e = parse_count(p, j, &n, 0)) && n > 0) {
			j = e;
		}
		if (C(p, j, TX_UNIT) || (n > 1 && C(p, j, TX_UNITS))) {
			int unit = C(p, j, TX_UNIT) ? V(p, j, TX_UNIT) : V(p, j, TX_UNITS);
			if (unit == U_HALF)
				return 0;
			r->gran = G_LIT;
			duration_value(r->lit, sizeof r->lit, n, unit, 0);
			return j + 1;
		}
		if (C(p, j, TX_WDAY)) {
			r->gran = G_XWDAY;
			r->sub = V(p, j, TX_WDAY);
			j++;
			int pod;
			if ((e = parse_pod_after(p, j, &pod))) {
				r->pod = pod;
				j = e;
			}
			return j;
		}
		if (C(p, j, TX_MONTH) && p->t[j].cap) {
			char v[16];
			snprintf(v, sizeof v, "XXXX-%02d", V(p, j, TX_MONTH));
			set_lit(r, TIMEX_SET, v);
			return j + 1;
		}
		if (C(p, j, TX_SEASON)) {
			char v[16];
			snprintf(v, sizeof v, "XXXX-%s", season_code[V(p, j, TX_SEASON)]);
			set_lit(r, TIMEX_SET, v);
			return j + 1;
		}
		if (C(p, j, TX_POD)) {
			char v[24];
			snprintf(v, sizeof v, "XXXX-XX-XXT%s", pod_code[V(p, j, TX_POD)]);
			set_lit(r, TIMEX_SET, v);
			return j + 1;
		}
		return 0;
	}
	if (C(p, j, TX_SETW) && !W(p, j, "annual") && !W(p, j, "quarterly")) {
		r->gran = G_LIT;
		duration_value(r->lit, sizeof r->lit, 1, V(p, j, TX_SETW), 0);
		return j + 1;
	}
	if (C(p, j, TX_WDAYS) && p->t[j].cap) {
		r->gran = G_XWDAY;
		r->sub = V(p, j, TX_WDAYS);
		return j + 1;
	}
	if (C(p, j, TX_WDAY) && (W(p, j + 1, "nights") || W(p, j + 1, "mornings")
	    || W(p, j + 1, "evenings") || W(p, j + 1, "afternoons"))) {
		r->gran = G_XWDAY;
		r->sub = V(p, j, TX_WDAY);
		r->pod = V(p, j + 1, TX_POD);
		return j + 2;
	}
	if ((W(p, j, "a") || W(p, j, "per") || W(p, j, "an")) && C(p, j + 1, TX_UNIT) && j > 0
	    && (N(p, j - 1) || W(p, j - 1, "percent") || P(p, j - 1, '%') || W(p, j - 1, "twice")
	        || W(p, j - 1, "once") || W(p, j - 1, "times") || W(p, j - 1, "million")
	        || W(p, j - 1, "billion") || W(p, j - 1, "cents") || W(p, j - 1, "dollars"))) {
		int unit = V(p, j + 1, TX_UNIT);
		if (unit == U_HALF || unit == U_WEEKEND)
			return 0;
		r->gran = G_LIT;
		duration_value(r->lit, sizeof r->lit, 1, unit, 0);
		return j + 2;
	}
	return 0;
}

/* ---- putting it together ------------------------------------------------ */

/* The month a "... of October", "... of this month", "... of May 2014"
 * phrase names: *y, *m; returns the end or 0. */
static int month_ref(const struct px *p, int j, int *y, int *m)
{
	const struct timex_anchor *a = p->a;
	int e, yy;
	if (W(p, j, "the") && W(p, j + 1, "month") && a->has_date) {
		*y = a->y;
		*m = a->m;
		return j + 2;
	}
	if (W(p, j, "the"))
		j++;
	if (C(p, j, TX_DEIC) && W(p, j + 1, "month") && a->has_date) {
		int dk = V(p, j, TX_DEIC), sh = 0;
		if (dk == D_NEXT || dk == D_COMING || dk == D_FOLLOWING)
			sh = 1;
		else if (dk == D_LAST || dk == D_PREV || dk == D_PAST)
			sh = -1;
		struct timex_date d = timex_add_months((struct timex_date){a->y, a->m, 1}, sh);
		*y = d.y;
		*m = d.m;
		return j + 2;
	}
	if (!(e = parse_month(p, j, m, 1)))
		return 0;
	if ((yy = 0, year_after(p, e, &yy))) {
		e = year_after(p, e, &yy);
		*y = yy;
		return e;
	}
	*y = year_for(p, *m, 0, tense_dir(tense_near(p, j, e)));
	return e;
}

/* the first Monday of October, the last Sunday of March 2014, the last day
 * of October, the third day of this month. */
static int parse_nth_in_month(const struct px *p, int i, struct tx *r)
{
	int j = i, n, e, y, m, plain = 0;
	if (W(p, j, "the"))
		j++;
	if (W(p, j, "last"))
		n = -1, j++;
	else if ((e = ordinal_at(p, j, &n)) && n >= 1 && n <= 31)
		j = e;
	else if (N(p, j) && p->t[j].ndig <= 2 && p->t[j].num >= 1 && p->t[j].num <= 31
	         && W(p, j + 1, "of"))
		n = (int)p->t[j].num, plain = 1, j++;
	else
		return 0;
	int wd = 0, back = 0;
	/* the fifth last day of May, the second last Friday of June */
	if (n > 0 && W(p, j, "last") && !plain && (C(p, j + 1, TX_WDAY) || W(p, j + 1, "day"))) {
		back = n;
		n = -1;
		j++;
	}
	if (C(p, j, TX_WDAY)) {
		if (n > 5)
			return 0;
		wd = V(p, j, TX_WDAY);
		j++;
	} else if (W(p, j, "day")) {
		j++;
	} else if (!W(p, j, "of")) {
		return 0;
	}
	if (!(W(p, j, "of") || W(p, j, "in")))
		return 0;
	/* the 20th of next month, 20 of this month: a day of a month named by
	 * its place; "the 20th of July" is the month-day grammar's */
	int k = j + 1 + W(p, j + 1, "the");
	if (!wd && !W(p, j - 1, "day") && !(C(p, k, TX_DEIC) && W(p, k + 1, "month")))
		return 0;
	if (!back)
		back = 1;
	if (plain && !C(p, k, TX_DEIC))
		return 0;
	if (!(e = month_ref(p, j + 1, &y, &m)) || y == YX)
		return 0;
	int d;
	if (wd)
		d = timex_nth_weekday(y, m, wd, n);
	else
		d = n < 0 ? timex_month_len(y, m) : n;
	if (n < 0)
		d -= (wd ? 7 : 1) * (back - 1);
	if (!timex_valid(y, m, d))
		return 0;
	set_date(r, (struct timex_date){y, m, d});
	r->anchored = 1;
	return e;
}

/* 3 Fridays from now, two Thursdays ago: counted weekdays from the anchor. */
static int parse_count_weekdays(const struct px *p, int i, struct tx *r)
{
	int n, j = parse_count(p, i, &n, 0);
	if (!j || n < 1 || n > 60 || !C(p, j, TX_WDAYS) || !p->a->has_date)
		return 0;
	int wd = V(p, j, TX_WDAYS), dir;
	j++;
	if (W(p, j, "from") && W(p, j + 1, "now"))
		dir = 1, j += 2;
	else if (W(p, j, "hence"))
		dir = 1, j++;
	else if (W(p, j, "ago") || W(p, j, "back"))
		dir = -1, j++;
	else
		return 0;
	int aw = timex_weekday(p->a->y, p->a->m, p->a->d);
	int off = dir > 0 ? (wd - aw + 7) % 7 : -((aw - wd + 7) % 7);
	if (off == 0)
		off = 7 * dir;
	off += 7 * dir * (n - 1);
	r->type = TIMEX_DATE;
	set_date(r, timex_add_days(anchor_date(p->a), off));
	r->gran = G_DAY;
	r->anchored = 1;
	return j;
}

/* two upcoming weeks, upcoming 2 year: the unit that many steps on (an
 * upcoming count before a plural unit stays a duration: the upcoming two
 * weeks). */
static int parse_count_upcoming(const struct px *p, int i, struct tx *r)
{
	int n, j, unit;
	if (W(p, i, "upcoming")) {
		if (!(j = parse_count(p, i + 1, &n, 0)) || !C(p, j, TX_UNIT))
			return 0;
		unit = V(p, j, TX_UNIT);
	} else {
		if (!(j = parse_count(p, i, &n, 0)) || !W(p, j, "upcoming"))
			return 0;
		j++;
		if (C(p, j, TX_UNIT))
			unit = V(p, j, TX_UNIT);
		else if (C(p, j, TX_UNITS))
			unit = V(p, j, TX_UNITS);
		else
			return 0;
	}
	if (n < 1 || n > 100 || !(unit == U_DAY || unit == U_WEEK || unit == U_MONTH
	    || unit == U_QUARTER || unit == U_YEAR))
		return 0;
	r->type = TIMEX_DATE;
	unit_point(p, r, unit, n);
	return j + 1;
}

static void set_week_of(struct tx *r, struct timex_date d)
{
	int wy, w = timex_iso_week(d.y, d.m, d.d, &wy);
	r->type = TIMEX_DATE;
	r->gran = G_WEEK;
	r->y = wy;
	r->sub = w;
}

/* the first week of October 2014, the third last week of 2018, the last
 * week of September: counted over the weeks (Monday to Sunday) that lie
 * wholly inside the month or year. */
static int parse_nth_week(const struct px *p, int i, struct tx *r)
{
	int j = i + W(p, i, "the"), n, e, from_end = 0, y, m;
	if ((e = ordinal_at(p, j, &n)) && n >= 1 && n <= 53) {
		j = e;
		if (W(p, j, "last"))
			from_end = 1, j++;
	} else if (W(p, j, "last")) {
		n = 1, from_end = 1, j++;
	} else {
		return 0;
	}
	if (!W(p, j, "week") || !(W(p, j + 1, "of") || W(p, j + 1, "in")))
		return 0;
	j += 2;
	struct timex_date lo, hi;
	if ((e = month_ref(p, j, &y, &m)) && y != YX) {
		lo = (struct timex_date){y, m, 1};
		hi = (struct timex_date){y, m, timex_month_len(y, m)};
	} else if ((e = parse_year(p, j + W(p, j, "the"), &y))) {
		lo = (struct timex_date){y, 1, 1};
		hi = (struct timex_date){y, 12, 31};
	} else {
		return 0;
	}
	long a = timex_days(lo.y, lo.m, lo.d), b = timex_days(hi.y, hi.m, hi.d), mon;
	if (from_end) {
		int wd = timex_weekday(hi.y, hi.m, hi.d);
		mon = b - (wd % 7) - 6 - 7L * (n - 1);
		if (mon < a)
			return 0;
	} else {
		int wd = timex_weekday(lo.y, lo.m, lo.d);
		mon = a + (8 - wd) % 7 + 7L * (n - 1);
		if (mon + 6 > b)
			return 0;
	}
	set_week_of(r, timex_from_days(mon));
	r->anchored = 1;
	return e;
}

/* the week of October 6th: the week holding that day. */
static int parse_week_of(const struct px *p, int i, struct tx *r)
{
	int j = i + W(p, i, "the"), e;
	if (!W(p, j, "week") || !W(p, j + 1, "of"))
		return 0;
	struct tx d;
	d = tx_zero;
	if (!(e = parse_md(p, j + 2, &d)) || d.gran != G_DAY || d.y == YX)
		return 0;
	/* a Sunday opens the week it names, as American calendars count */
	struct timex_date day = {d.y, d.m, d.d};
	if (timex_weekday(d.y, d.m, d.d) == 7)
		day = timex_add_days(day, 1);
	set_week_of(r, day);
	r->anchored = d.anchored;
	return e;
}

/* on the 15th, the 1st: a day of the anchor's month, or of the month after
 * (before, in the past tense) when that day has gone by. Only where nothing
 * follows the ordinal that could be its noun (the 15th century). */
static int parse_dom_alone(const struct px *p, int i, struct tx *r)
{
	int on = W(p, i, "on"), j = i + on, d, e;
	if (!W(p, j, "the") || !p->a->has_date)
		return 0;
	j++;
	if (!(N(p, j) && p->t[j].ord) && !(on && C(p, j, TX_ORDW)))
		return 0;
	if (!(e = ordinal_at(p, j, &d)) || d < 1 || d > 31)
		return 0;
	if (e < p->n && !(p->t[e].kind == TK_PUNCT && p->t[e].ch != '-' && p->t[e].ch != '\'')
	                  && !W(p, e, "at"))
		return 0;
	const struct timex_anchor *a = p->a;
	int dir = tense_dir(tense_near(p, i, e));
	struct timex_date c = {a->y, a->m, 1};
	if (dir >= 0 && d < a->d)
		c = timex_add_months(c, 1);
	else if (dir < 0 && d > a->d)
		c = timex_add_months(c, -1);
	if (!timex_valid(c.y, c.m, d))
		return 0;
	r->type = TIMEX_DATE;
	set_date(r, (struct timex_date){c.y, c.m, d});
	r->gran = G_DAY;
	r->anchored = 1;
	return e;
}

typedef int (*parser_fn)(const struct px *, int, struct tx *);

/* year-earlier, year-ago: the same period a year before. */
static int parse_year_earlier(const struct px *p, int i, struct tx *r)
{
	int j = i;
	if (W(p, j, "the"))
		j++;
	if (!(W(p, j, "year") && P(p, j + 1, '-') && ADJ(p, j + 1)
	      && (W(p, j + 2, "earlier") || W(p, j + 2, "ago")) && ADJ(p, j + 2)))
		return 0;
	j += 3;
	int quarter = W(p, j, "quarter") || W(p, j, "period");
	if (quarter)
		j++;
	else if (j - i == 4)
		return 0;           /* "the year-earlier" needs its noun */
	r->type = TIMEX_DATE;
	r->anchored = 1;
	if (p->st->has_quarter) {
		r->gran = G_QUARTER;
		r->y = p->st->qy - 1;
		r->sub = p->st->qq;
	} else if (p->a->has_date) {
		r->gran = G_YEAR;
		r->y = p->a->y - 1;
	} else {
		set_lit(r, TIMEX_DATE, "XXXX");
	}
	return j;
}

/* the year (for the year: a duration; earlier in the year: the anchor's),
 * the full year, the fiscal year, the weekend. */
static int parse_the_unit(const struct px *p, int i, struct tx *r)
{
	int j = i;
	if (!W(p, j, "the"))
		return 0;
	j++;
	int full = 0, fiscal = 0;
	if (W(p, j, "full") || W(p, j, "entire") || W(p, j, "whole"))
		full = 1, j++;
	else if (W(p, j, "fiscal"))
		fiscal = 1, j++;
	if (W(p, j, "weekend") && !P(p, j + 1, '-')) {
		const struct timex_anchor *a = p->a;
		int shift = 0;
		if (a->has_date && timex_weekday(a->y, a->m, a->d) <= 5
		    && tense_near(p, i, j + 1) == TN_PAST)
			shift = -1;
		unit_point(p, r, U_WEEKEND, shift);
		return j + 1;
	}
	if (!W(p, j, "year") || P(p, j + 1, '-') || N(p, j + 1) || C(p, j + 1, TX_NUMW))
		return 0;
	j++;
	if (fiscal || W(p, i - 1, "for") || W(p, j, "ending") || W(p, j, "ended")
	    || W(p, i - 1, "throughout") || W(p, i - 1, "during")) {
		set_lit(r, TIMEX_DURATION, "P1Y");
		return j;
	}
	if (full || (W(p, i - 1, "in") && (W(p, i - 2, "earlier") || W(p, i - 2, "later")))
	    || (W(p, i - 1, "of") && (W(p, i - 2, "end") || W(p, i - 2, "beginning")
	                              || W(p, i - 2, "start") || W(p, i - 2, "rest")))) {
		unit_point(p, r, U_YEAR, 0);
		return j;
	}
	return 0;
}

/* the following year, the previous year, the year before: relative to the
 * year the story last named, not to the anchor. */
static int parse_story_year(const struct px *p, int i, struct tx *r)
{
	int j = i, shift;
	if (!W(p, j, "the") || !p->st->last_year)
		return 0;
	j++;
	if ((W(p, j, "following") || W(p, j, "next")) && W(p, j + 1, "year"))
		shift = 1, j += 2;
	else if ((W(p, j, "previous") || W(p, j, "preceding")) && W(p, j + 1, "year"))
		shift = -1, j += 2;
	else if (W(p, j, "year") && (W(p, j + 1, "before") || W(p, j + 1, "after"))
	         && (j + 2 >= p->n || p->t[j + 2].kind == TK_PUNCT))
		shift = W(p, j + 1, "before") ? -1 : 1, j += 2;
	else
		return 0;
	r->type = TIMEX_DATE;
	r->gran = G_YEAR;
	r->y = p->st->last_year + shift;
	r->anchored = 1;
	return j;
}

/* The parsers of parse_core, in the order they are tried, and what can
 * start each: a class of the first token (1 << TX_*), a number, an
 * apostrophe, a holiday name, or one of a few words. Each parser returns 0
 * at any other first token (as its opening lines show), so parse_core
 * skips it there; this table must follow the parsers when they change. */
#define FIRST_NUM (1u << 24)
#define FIRST_QUOTE (1u << 25)
#define FIRST_HOL (1u << 26)
#define FIRST_DASH (1u << 27)
#define CLS(c) (1u << (c))
static const struct core_parser {
	parser_fn fn;
	unsigned first;
	const char *words;   /* space-separated */
	/* For the parsers "the" may start: what the next token must be. */
	unsigned after_the;
	const char *after_the_words;
} core_parsers[] = {
	{parse_numeric_date, FIRST_NUM, "", 0, ""},
	{parse_md, CLS(TX_MONTH) | CLS(TX_MONABBR) | FIRST_NUM | CLS(TX_ORDW) | CLS(TX_NUMW), "the",
	 FIRST_NUM | CLS(TX_ORDW), ""},
	{parse_month_point, CLS(TX_DEIC) | CLS(TX_MONTH) | CLS(TX_MONABBR), "", 0, ""},
	{parse_year_point, FIRST_NUM | FIRST_QUOTE | CLS(TX_NUMW), "fiscal the", 0, "year"},
	{parse_decade, FIRST_NUM | FIRST_QUOTE | CLS(TX_ORDW) | CLS(TX_NUMW), "the",
	 FIRST_NUM | CLS(TX_ORDW) | CLS(TX_NUMW), ""},
	{parse_quarter, FIRST_NUM | CLS(TX_ORDW) | CLS(TX_DEIC),
	 "the fiscal latest same most q this last next",
	 FIRST_NUM | CLS(TX_ORDW) | CLS(TX_DEIC) | FIRST_DASH,
	 "fiscal latest same most quarter qtr this last next"},
	{parse_season, CLS(TX_DEIC) | CLS(TX_SEASON), "the", CLS(TX_SEASON), ""},
	{parse_rel_unit, CLS(TX_DEIC), "the", CLS(TX_DEIC), ""},
	{parse_ago, FIRST_NUM | CLS(TX_NUMW), "a an", 0, ""},
	{parse_weekday, CLS(TX_DEIC) | CLS(TX_WDAY) | CLS(TX_WDABBR), "earlier later", 0, ""},
	{parse_day_word, 0, "earlier later early late the day today tonight overnight yesterday"
	                    " tomorrow tomorrows yesterdays this mid", 0, "day"},
	{parse_ref, 0, "now currently nowadays these the at current recently lately future",
	 0, "present near future past"},
	{parse_holiday, CLS(TX_DEIC) | CLS(TX_HOLI) | FIRST_HOL, "", 0, ""},
	{parse_year_earlier, 0, "the year", 0, "year"},
	{parse_nth_in_month, FIRST_NUM | CLS(TX_ORDW), "the last", FIRST_NUM | CLS(TX_ORDW), "last"},
	{parse_count_weekdays, FIRST_NUM | CLS(TX_NUMW), "", 0, ""},
	{parse_count_upcoming, FIRST_NUM | CLS(TX_NUMW), "upcoming", 0, ""},
	{parse_nth_week, FIRST_NUM | CLS(TX_ORDW), "the last", FIRST_NUM | CLS(TX_ORDW), "last"},
	{parse_week_of, 0, "the week", 0, "week"},
	{parse_dom_alone, 0, "on the", FIRST_NUM, ""},
	{parse_the_unit, 0, "the", 0, "full entire whole fiscal weekend year"},
	{parse_story_year, 0, "the", 0, "following next previous preceding year"},
};
#define NCORE (sizeof core_parsers / sizeof core_parsers[0])

/* Set bits in the word table for the words of a space-separated list. */
static void add_word_starts(struct timex_engine *e, const char *words, uint64_t bits)
{
	for (const char *w = words; *w;) {
		char word[24];
		size_t n = strcspn(w, " ");
		if (n == 0 || n >= sizeof word)
			abort();
		memcpy(word, w, n);
		word[n] = 0;
		timex_lex_add_starts(e->lex, word, bits);
		w += n + (w[n] == ' ');
	}
}

/* Mark in the word table which core parsers each word may start (bit k)
 * and which it may come second in, after "the" (bit 32 + k). */
static void set_core_starts(struct timex_engine *e)
{
	for (size_t k = 0; k < NCORE; k++) {
		const struct core_parser *c = &core_parsers[k];
		for (int half = 0; half < 2; half++) {
			unsigned first = half ? c->after_the : c->first;
			uint64_t bit = 1ull << (k + 32 * half);
			for (int cls = 0; cls < TX_NCLS; cls++)
				if (first & CLS(cls))
					timex_lex_add_class_starts(e->lex, (enum timex_cls)cls, bit);
			if (first & FIRST_NUM)
				e->num_starts |= bit;
			if (first & FIRST_QUOTE)
				e->quote_starts |= bit;
			if (first & FIRST_DASH)
				e->dash_starts |= bit;
			if (first & FIRST_HOL)
				e->hol_starts |= bit;
			add_word_starts(e, half ? c->after_the_words : c->words, bit);
		}
	}
}

/* The core parsers token i may start (low half) or follow "the" in. */
static uint64_t token_starts(const struct px *p, int i)
{
	if (i < 0 || i >= p->n)
		return 0;
	const struct tok *t = &p->t[i];
	const struct timex_engine *e = p->e;
	uint64_t m = t->kind == TK_WORD ? t->starts : t->kind == TK_NUM ? e->num_starts
	             : t->ch == '\'' ? e->quote_starts : t->ch == '-' ? e->dash_starts : 0;
	return t->hol ? m | e->hol_starts : m;
}

/* The core parsers that may find something at token i: the ones it may
 * start and, after "the", the ones the next token may follow "the" in. */
static unsigned core_starts(const struct px *p, int i)
{
	uint64_t m = token_starts(p, i) & 0xFFFFFFFFu;
	if (m && p->t[i].lx == p->e->the) {   /* "the" starts only as a word */
		m &= token_starts(p, i + 1) >> 32;
		if (p->t[i].hol)   /* or a holiday name: The Assumption */
			m |= p->e->hol_starts & 0xFFFFFFFFu;
	}
	return (unsigned)m;
}

/* A date or time without modifiers. */
static int parse_core(const struct px *p, int i, struct tx *r)
{
	int best = 0;
	struct tx tmp;
	for (unsigned m = core_starts(p, i); m; m &= m - 1) {
		tmp = tx_zero;
		int e = core_parsers[__builtin_ctz(m)].fn(p, i, &tmp);
		if (e > best) {
			best = e;
			*r = tmp;
		}
	}
	/* Thursday, July 29, 2004: the weekday leads a full date */
	if ((C(p, i, TX_WDAY) || (C(p, i, TX_WDABBR) && p->t[i].cap))) {
		int j = i + 1;
		if (P(p, j, '.') && ADJ(p, j))
			j++;
		if (P(p, j, ','))
			j++;
		tmp = tx_zero;
		int e = parse_md(p, j, &tmp);
		if (!e)
			e = parse_numeric_date(p, j, &tmp);
		if (e > best && tmp.gran == G_DAY && tmp.anchored && tmp.y != YX) {
			/* Friday, July 18 without a year: the year in which it is a Friday */
			int wd = C(p, i, TX_WDAY) ? V(p, i, TX_WDAY) : V(p, i, TX_WDABBR);
			static const int tries[] = {0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6};
			for (size_t k = 0; k < sizeof tries / sizeof tries[0]; k++) {
				int y = tmp.y + tries[k];
				if (timex_valid(y, tmp.m, tmp.d) && timex_weekday(y, tmp.m, tmp.d) == wd) {
					tmp.y = y;
					break;
				}
			}
		}
		if (e > best) {
			best = e;
			*r = tmp;
		}
	}
	/* Jul 18, Fri: a weekday after a date without a year picks the year;
	 * after one with a year it belongs to the date when it agrees */
	if (best && r->gran == G_DAY && !r->anchored && r->y != YX && r->type == TIMEX_DATE
	    && P(p, best, ',') && C(p, best + 1, TX_WDAY) && timex_valid(r->y, r->m, r->d)
	    && timex_weekday(r->y, r->m, r->d) == V(p, best + 1, TX_WDAY))
		best += 2;
	else if (best && r->gran == G_DAY && r->anchored && r->y != YX && r->type == TIMEX_DATE
	    && P(p, best, ',') && (C(p, best + 1, TX_WDAY) || (C(p, best + 1, TX_WDABBR) && p->t[best + 1].cap))
) {
		int wd = C(p, best + 1, TX_WDAY) ? V(p, best + 1, TX_WDAY) : V(p, best + 1, TX_WDABBR);
		static const int tries[] = {0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6};
		for (size_t k = 0; k < sizeof tries / sizeof tries[0]; k++) {
			int y = r->y + tries[k];
			if (timex_valid(y, r->m, r->d) && timex_weekday(y, r->m, r->d) == wd) {
				r->y = y;
				best += 2;
				break;
			}
		}
	}
	return best;
}

static int is_day_like(const struct tx *r)
{
	return (r->gran == G_DAY || r->gran == G_XWDAY || r->gran == G_POD)
	       || (r->gran == G_LIT && strncmp(r->lit, "XXXX-XX-XX", 10) == 0);
}

/* Put the clock c on the day d. */
static void merge_clock(struct tx *d, const struct tx *c)
{
	int pod = d->gran == G_POD ? d->pod : 0;
	int hh = c->hh;
	if (pod && !c->half_day && hh < 12 && hh > 0 && (pod == P_AF || pod == P_EV || pod == P_NI))
		hh += 12;
	if (d->gran == G_LIT || d->gran == G_XWDAY) {
		char pre[24];
		if (d->gran == G_XWDAY)
			snprintf(pre, sizeof pre, "XXXX-WXX-%d", d->sub);
		else
			snprintf(pre, sizeof pre, "XXXX-XX-XX");
		if (c->gran == G_HOUR)
			snprintf(d->lit, sizeof d->lit, "%sT%02d", pre, hh);
		else
			snprintf(d->lit, sizeof d->lit, "%sT%02d:%02d", pre, hh, c->mi);
		d->gran = G_LIT;
	} else {
		d->gran = c->gran;
		d->hh = hh;
		d->mi = c->mi;
		d->ss = c->ss;
	}
	d->type = TIMEX_TIME;
}

/* A clock alone: the anchor's day (the next such time when the anchor has one). */
static void clock_on_anchor(const struct px *p, struct tx *r)
{
	struct tx day;
	day = tx_zero;
	int shift = 0;
	const struct timex_anchor *a = p->a;
	int now = a->hh * 60 + a->mi;
	if (a->has_time && !r->half_day && r->hh >= 1 && r->hh <= 12
	    && r->hh * 60 + r->mi < now && (r->hh % 12 + 12) * 60 + r->mi >= now)
		r->hh = r->hh % 12 + 12;     /* 3:30 said at 4:30 a.m. is 15:30 */
	if (a->has_time && r->hh * 60 + r->mi < now)
		shift = 1;
	unit_point(p, &day, U_DAY, shift);
	merge_clock(&day, r);
	day.anchored = 1;
	*r = day;
}

static const struct {
	const char *w1, *w2;
	const char *mod;
	int need_of;
} point_mods[] = {
	{"early", NULL, "START", 0}, {"late", NULL, "END", 0}, {"mid", NULL, "MID", 0},
	{"the", "end", "END", 1}, {"end", NULL, "END", 1}, {"the", "beginning", "START", 1},
	{"beginning", NULL, "START", 1}, {"the", "start", "START", 1}, {"start", NULL, "START", 1},
	{"the", "middle", "MID", 1}, {"middle", NULL, "MID", 1}, {"the", "close", "END", 1},
	{"the", "turn", "START", 1}, {"the", "dawn", "START", 1}, {"the", "first", "START", 2},
	{"earlier", NULL, "", 0}, {"later", NULL, "", 0},
	{"about", NULL, "APPROX", 3}, {"around", NULL, "APPROX", 3},
	{"approximately", NULL, "APPROX", 3}, {"shortly", "after", "AFTER", 3},
	{"shortly", "before", "BEFORE", 3}, {"just", "after", "AFTER", 3},
	{"just", "before", "BEFORE", 3},
};

/* A point with its modifiers and the clock or day that goes with it. */
static int parse_point(const struct px *p, int i, struct tx *r)
{
	int best = 0;
	struct tx tmp;
	tmp = tx_zero;
	/* plain */
	int e = parse_core(p, i, &tmp);
	if (e) {
		best = e;
		*r = tmp;
	}
	/* clock first: 10 p.m. Wednesday, noon Thursday, 5 p.m. EST Nov. 9 */
	tmp = tx_zero;
	if ((e = parse_clock(p, i, &tmp))) {
		struct tx day;
		day = tx_zero;
		int j = e;
		if (P(p, j, ','))
			j++;
		if (W(p, j, "on"))
			j++;
		int de = parse_core(p, j, &day);
		if (de && is_day_like(&day) && day.gran != G_POD) {
			merge_clock(&day, &tmp);
			if (de > best) {
				best = de;
				*r = day;
			}
		} else if (de && day.gran == G_POD) {
			merge_clock(&day, &tmp);
			if (de > best) {
				best = de;
				*r = day;
			}
		} else if (e > best) {
			clock_on_anchor(p, &tmp);
			best = e;
			*r = tmp;
		}
	}
	/* day then clock: Thursday at 3 p.m., today at 2pm, tomorrow 5pm */
	if (best && is_day_like(r) && r->type != TIMEX_SET) {
		int j = best;
		if (P(p, j, ','))
			j++;
		if (W(p, j, "at") || W(p, j, "around") || W(p, j, "about") || W(p, j, "by") || P(p, j, '@'))
			j++;
		tmp = tx_zero;
		if ((W(p, j - 1, "at") || P(p, j - 1, '@') || C(p, j, TX_NUMW) == 0 || W(p, j, "noon"))
		    && (e = parse_clock(p, j, &tmp))) {
			merge_clock(r, &tmp);
			best = e;
		} else if (r->gran == G_POD && (W(p, j - 1, "at") || P(p, j - 1, '@')) && N(p, j)
		           && p->t[j].num <= 12) {
			/* this morning at 10, Saturday morning at 9 */
			tmp.type = TIMEX_TIME;
			tmp.gran = G_HOUR;
			tmp.hh = (int)p->t[j].num;
			merge_clock(r, &tmp);
			best = j + 1;
		}
	}
	/* modifiers */
	for (size_t k = 0; C(p, i, TX_START) && k < sizeof point_mods / sizeof point_mods[0]; k++) {
		int j = i;
		if (!W(p, j, point_mods[k].w1))
			continue;
		j++;
		if (point_mods[k].w2) {
			if (!W(p, j, point_mods[k].w2))
				continue;
			j++;
		}
		int need = point_mods[k].need_of;
		if (need == 1 || need == 2) {
			if (!W(p, j, "of"))
				continue;
			j++;
		}
		if (P(p, j, '-') && ADJ(p, j))
			j++;
		tmp = tx_zero;
		if (need == 3) {
			if (!(e = parse_clock(p, j, &tmp)))
				continue;
			struct tx day;
			day = tx_zero;
			int jj = e;
			if (P(p, jj, ','))
				jj++;
			int de = parse_core(p, jj, &day);
			if (de && is_day_like(&day)) {
				merge_clock(&day, &tmp);
				tmp = day;
				e = de;
			} else {
				clock_on_anchor(p, &tmp);
			}
		} else if (!(e = parse_core(p, j, &tmp))) {
			continue;
		}
		if (tmp.type == TIMEX_DURATION || tmp.type == TIMEX_SET || tmp.gran == G_LIT)
			continue;
		if ((W(p, i, "earlier") || W(p, i, "later")) && !(W(p, j, "this")
		    || W(p, j, "today") || W(p, j, "last") || W(p, j, "next")))
			continue;
		if (need == 2 && !(tmp.gran == G_MONTH || tmp.gran == G_YEAR))
			continue;
		if (e > best) {
			best = e;
			*r = tmp;
			if (point_mods[k].mod[0])
				r->mod = point_mods[k].mod;
		}
	}
	return best;
}

/* The longest expression starting at token i. */
static int parse_at(const struct px *p, int i, struct tx *r)
{
	int best = 0;
	struct tx tmp;
	tmp = tx_zero;
	int e = parse_set(p, i, &tmp);
	if (e) {
		best = e;
		*r = tmp;
	}
	tmp = tx_zero;
	e = parse_point(p, i, &tmp);
	if (e > best) {
		best = e;
		*r = tmp;
	}
	tmp = tx_zero;
	e = parse_duration(p, i, &tmp);
	if (e > best) {
		best = e;
		*r = tmp;
	}
	return best;
}

/* ---- the API ------------------------------------------------------------ */

struct timex_engine *timex_engine_new(void)
{
	struct timex_engine *e = news_xcalloc(1, sizeof *e);
	e->cal = news_calendar_new();
	if (!e->cal) {
		fprintf(stderr, "timex: out of memory loading the holiday calendar\n");
		abort();
	}
	e->lex = timex_lex_new(e->cal);
	set_core_starts(e);
	e->words = timex_lex_index(e->lex);
	e->the = timex_lex_get(e->lex, "the", 3);
	timex_lex_bloom(e->lex, TIMEX_W_TRIGGER | TIMEX_W_HOLIDAY, e->prefilter_bloom);
	e->holiday_long = timex_lex_holiday_long(e->lex);
	/* anchored at compile time: the JIT does not take PCRE2_ANCHORED per match */
	e->trigger = news_rx_new(timex_lex_number_pattern(), NEWS_RX_ANCHORED);
	return e;
}

void timex_engine_free(struct timex_engine *e)
{
	if (!e)
		return;
	timex_lex_free(e->lex);
	news_calendar_free(e->cal);
	news_rx_free(e->trigger);
	free(e->t);
	free(e->tense);
	free(e->pad);
	free(e->letter_bits);
	free(e->space_bits);
	free(e);
}

struct timex_state *timex_state_new(void)
{
	return news_xcalloc(1, sizeof(struct timex_state));
}

void timex_state_reset(struct timex_state *st)
{
	st->nres = 0;
	st->has_quarter = 0;
	st->last_year = 0;
}

void timex_state_free(struct timex_state *st)
{
	if (!st)
		return;
	free(st->res);
	free(st);
}

const struct timex_result *timex_results(const struct timex_state *st, size_t *n)
{
	*n = st->nres;
	return st->res;
}

void timex_clear_results(struct timex_state *st)
{
	st->nres = 0;
}

const char *timex_type_name(enum timex_type t)
{
	switch (t) {
	case TIMEX_DATE: return "DATE";
	case TIMEX_TIME: return "TIME";
	case TIMEX_DURATION: return "DURATION";
	case TIMEX_SET: return "SET";
	}
	return "DATE";
}

/* Tense cues: the lexicon's auxiliaries and irregular pasts, and -ed words. */
static void mark_tense(struct timex_engine *e)
{
	NEWS_GROW(e->tense, e->tense_cap, e->n + 1);
	for (size_t k = 0; k < e->n; k++) {
		const struct tok *t = &e->t[k];
		signed char v = 0;
		if (t->kind == TK_WORD) {
			if (t->lx && (t->lx->mask & (1u << TX_TENSE)))
				v = t->lx->val[TX_TENSE];
			else if (t->lown > 4 && t->low[t->lown - 2] == 'e' && t->low[t->lown - 1] == 'd'
			         && !t->cap && !(k > 0 && e->t[k - 1].kind == TK_WORD
			             && (strcmp(e->t[k - 1].low, "be") == 0 || strcmp(e->t[k - 1].low, "been") == 0
			                 || strcmp(e->t[k - 1].low, "being") == 0)))
				v = TN_PAST;
		}
		e->tense[k] = v;
	}
	for (size_t k = 0; k + 1 < e->n; k++)
		if (e->tense[k] && e->tense[k] != TN_FUT && e->tense[k + 1] == TN_FUT)
			e->tense[k] = 0;
}

static void emit(struct timex_state *st, const struct tok *t, int i, int j, const struct tx *r)
{
	if (!r->anchored && r->y != YX && r->type == TIMEX_DATE
	    && (r->gran == G_YEAR || r->gran == G_MONTH || r->gran == G_DAY))
		st->last_year = r->y;
	NEWS_GROW(st->res, st->cap, st->nres + 1);
	struct timex_result *o = &st->res[st->nres++];
	o->start = t[i].s;
	o->end = t[j - 1].e;
	o->type = r->type;
	format_value(r, o->value, sizeof o->value);
	struct sbuf b;
	sb_init(&b, o->mod, sizeof o->mod);
	sb_puts(&b, r->mod ? r->mod : "");
}

#define CORE_MASK (~((1u << TX_TENSE) | (1u << TX_START) | (1u << TX_HOLI) | (1u << TX_TZ)))

/* Whether an expression can start at token i: a number, a temporal word, a
 * holiday, or an opening word (the, about) with one of those close behind.
 * Everything else is skipped without running the grammar. */
static int can_start(const struct px *p, int i)
{
	const struct tok *t = &p->t[i];
	if (t->kind == TK_NUM)
		return 1;
	if (t->kind == TK_PUNCT)
		return t->ch == '\'' && N(p, i + 1);
	if (t->hol)
		return 1;
	if (!t->lx)
		return 0;
	if ( (t->lx->mask & (CORE_MASK | (1u << TX_HOLI))))
		return 1;
	if (!(t->lx->mask & (1u << TX_START)))
		return 0;
	for (int k = i + 1; k < p->n && k <= i + 4; k++) {
		const struct tok *u = &p->t[k];
		if (u->kind == TK_NUM || u->hol || (u->lx && (u->lx->mask & (CORE_MASK | (1u << TX_HOLI)))))
			return 1;
		if (u->kind == TK_PUNCT && u->ch != '-' && u->ch != '\'' && u->ch != '.')
			return 0;
	}
	return 0;
}

/* Bits k of *letters, *digits, *quotes: byte s[k] (k < 64) is an ASCII
 * letter, a digit, an apostrophe. */
static void block_masks(const unsigned char *s, uint64_t *letters, uint64_t *digits,
                        uint64_t *quotes)
{
	uint64_t l = 0, d = 0, q = 0;
#ifdef __SSE2__
	const __m128i a = _mm_set1_epi8('a' - 1), z = _mm_set1_epi8('z' + 1);
	const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
	const __m128i lower = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('\'');
	for (int k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
		__m128i lv = _mm_or_si128(v, lower);   /* bytes >= 0x80 stay negative */
		__m128i isl = _mm_and_si128(_mm_cmpgt_epi8(lv, a), _mm_cmpgt_epi8(z, lv));
		__m128i isd = _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmpgt_epi8(d9, v));
		l |= (uint64_t)(unsigned)_mm_movemask_epi8(isl) << (16 * k);
		d |= (uint64_t)(unsigned)_mm_movemask_epi8(isd) << (16 * k);
		q |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)) << (16 * k);
	}
#else
	for (int k = 0; k < 64; k++) {
		l |= (uint64_t)is_alpha(s[k]) << k;
		d |= (uint64_t)is_digit(s[k]) << k;
		q |= (uint64_t)(s[k] == '\'') << k;
	}
#endif
	*letters = l;
	*digits = d;
	*quotes = q;
}

static int ctz64(uint64_t v)
{
	return __builtin_ctzll(v);
}

/* The prefilter: a sentence is parsed only when it holds a temporal word,
 * the start of a holiday name, or a number shaped like part of a date or a
 * time (the JIT pattern, anchored at the number). Plain counts, money and
 * percentages do not pass. The sentence is read 64 bytes at a time into
 * bit masks of letters, digits and apostrophes; each run of letters is
 * then looked up once, hashed from its first and last eight bytes (most
 * words miss on the first slot of the index), and only words that can
 * begin a holiday name go on to the calendar. Fills e->pad. */
static int sentence_has_trigger(struct timex_engine *e, const char *text, size_t start, size_t end)
{
	size_t n = end - start;
	const unsigned char *s = pad_sentence(e, text, start, end);
	int short_line = n <= HOLIDAY_SHORT_LINE;
	uint64_t letter_before = 0, digit_before = 0;   /* of the byte before the block */
	for (size_t b = 0; b < n; b += 64) {
		uint64_t L, D, Q;
		block_masks(s + b, &L, &D, &Q);
		uint64_t after_letter = L << 1 | letter_before;
		uint64_t after_digit = D << 1 | digit_before;
		letter_before = L >> 63;
		digit_before = D >> 63;
		for (uint64_t m = L & ~after_letter; m; m &= m - 1) {
			unsigned p = (unsigned)ctz64(m);
			size_t i = b + p, k;
			uint64_t rest = ~L >> p;
			if (rest) {
				k = (size_t)ctz64(rest);
			} else {   /* the word goes on into the next block */
				size_t j = b + 64;
				while (j < n && is_alpha(s[j]))
					j++;
				k = j - i;
			}
			unsigned char c = s[i];
			int holiday = e->holiday_long && k > TIMEX_WORD_MAX;
			if (k <= TIMEX_WORD_MAX) {
				struct timex_word8 key = timex_word8_letters(s + i, k);
				uint32_t h = timex_lex_hash8(&key);
				const struct timex_lex_entry *en = timex_bloom_has(e->prefilter_bloom, h)
					? timex_lex_lookup_hash(&e->words, &key, h) : NULL;
				if (en && (en->flags & TIMEX_W_TRIGGER))
					return 1;
				holiday = en && (en->flags & TIMEX_W_HOLIDAY);
			}
			int id;
			if (holiday && ((c >= 'A' && c <= 'Z') || short_line)
			    && (k != 3 || (c | 0x20) != 't' || (s[i + 1] | 0x20) != 'h' || (s[i + 2] | 0x20) != 'e'
			        || the_may_begin_holiday(e, s, i, n))
			    && news_calendar_match(e->cal, text, end, start + i, &id))
				return 1;
			/* p.m. or a m after a spelled time: seven thirty p.m. */
			if (k == 1 && ((c | 0x20) == 'a' || (c | 0x20) == 'p')
			    && (i == 0 || s[i - 1] == ' ')) {
				size_t j = i + 1;
				size_t q = j + (j < n && s[j] == '.');
				q += q < n && s[q] == ' ';
				if (q < n && (s[q] | 0x20) == 'm' && (q + 1 >= n || !is_alpha(s[q + 1])))
					return 1;
			}
		}
		/* '04, and numbers (after the words: the pattern costs more) */
		for (uint64_t m = Q; m; m &= m - 1) {
			size_t i = b + (size_t)ctz64(m);
			if (i + 2 < n && is_digit(s[i + 1]) && is_digit(s[i + 2]))
				return 1;
		}
		/* numbers not glued to a word (A320) */
		for (uint64_t m = D & ~after_digit & ~after_letter; m; m &= m - 1) {
			size_t i = b + (size_t)ctz64(m);
			if (news_rx_match(e->trigger, text, end, start + i) > 0)
				return 1;
		}
	}
	return 0;
}

void timex_find(struct timex_engine *e, struct timex_state *st,
                const char *text, size_t start, size_t end,
                const struct timex_anchor *anchor)
{
	if (start >= end || !sentence_has_trigger(e, text, start, end))
		return;
	tokenize(e, text, start, end);
	e->tense_ready = 0;
	struct px p = {e->t, (int)e->n, anchor, st, e};
	for (int i = 0; i < p.n;) {
		if (!can_start(&p, i)) {
			i++;
			continue;
		}
		struct tx r;
		r = tx_zero;
		int j = parse_at(&p, i, &r);
		if (j > i) {
			/* a trailing period belongs to the sentence, not the expression */
			int k = j;
			while (k > i + 1 && p.t[k - 1].kind == TK_PUNCT && p.t[k - 1].ch != '.'
			       && p.t[k - 1].ch != '\'')
				k--;
			emit(st, p.t, i, k, &r);
			i = j;
		} else {
			i++;
		}
	}
}

int timex_anchor_parse(struct timex_anchor *a, const char *s, size_t n)
{
	memset(a, 0, sizeof *a);
	int y, m, d, hh = -1, mi = -1;
	char buf[40];
	if (n >= sizeof buf || n < 10)
		return 0;
	memcpy(buf, s, n);
	buf[n] = 0;
	char tail[40] = "";
	if (sscanf(buf, "%4d-%2d-%2d%39s", &y, &m, &d, tail) < 3)
		return 0;
	if (!(buf[4] == '-' && buf[7] == '-') || !timex_valid(y, m, d))
		return 0;
	if (tail[0]) {
		if (sscanf(tail, "T%2d:%2d", &hh, &mi) != 2 || hh > 24 || mi > 59)
			return 0;
		a->has_time = 1;
		a->hh = hh;
		a->mi = mi;
	}
	a->has_date = 1;
	a->y = y;
	a->m = m;
	a->d = d;
	return 1;
}

/* Whether p[0..n) holds an ASCII digit. */
static int memchr_digit(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)(p[i] - '0') < 10)
			return 1;
	return 0;
}

int timex_find_dateline(struct timex_engine *e, struct timex_state *st,
                        const char *text, size_t len, struct timex_anchor *a)
{
	/* The first lines of an article: a dateline (WASHINGTON, July 29, 2004),
	 * a date line, a byline with a date. Only a full date with a year counts. */
	size_t pos = 0, lines = 0;
	struct timex_anchor none;
	memset(&none, 0, sizeof none);
	while (pos < len && lines < 6 && pos < 1200) {
		size_t eol = pos;
		while (eol < len && text[eol] != '\n')
			eol++;
		/* a dateline or a date line is short: the start of each line will do */
		size_t lend = eol - pos > 120 ? pos + 120 : eol;
		/* a full date with a year has digits: most lines have none and
		 * skip the trigger scan and the tokenizer */
		if (lend > pos && memchr_digit(text + pos, lend - pos) &&
		    sentence_has_trigger(e, text, pos, lend)) {
			tokenize(e, text, pos, lend);
			e->tense_ready = 0;
			struct px p = {e->t, (int)e->n, &none, st, e};
			for (int i = 0; i < p.n; i++) {
				/* a full date starts with a number, a month or a weekday */
				if (!N(&p, i) && !C(&p, i, TX_MONTH) && !C(&p, i, TX_MONABBR)
				    && !C(&p, i, TX_WDAY) && !C(&p, i, TX_WDABBR))
					continue;
				struct tx r;
				r = tx_zero;
				int j = parse_core(&p, i, &r);
				if (j > i && r.gran == G_DAY && r.y != YX && r.m && r.d && !r.anchored) {
					memset(a, 0, sizeof *a);
					a->has_date = 1;
					a->y = r.y;
					a->m = r.m;
					a->d = r.d;
					return 1;
				}
			}
			lines++;
		}
		pos = eol + 1;
	}
	return 0;
}
