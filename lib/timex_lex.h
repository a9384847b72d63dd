/* timex_lex: the word classes the temporal grammar is written in.
 *
 * Every word a temporal expression can be built from (month and weekday
 * names, number words, units, parts of day, deictic words such as `last`
 * and `next`, modifiers, tense cues) is looked up once per token in a hash
 * built at startup from a static table, so the grammar tests classes and
 * reads values instead of comparing strings. The same table holds what the
 * scanners ask of a word: whether it makes a sentence worth parsing,
 * whether a holiday name (lib/calendar) can begin with it, and which rules
 * of the grammar it can start (bits the grammar sets). */
#ifndef NEWS_TIMEX_LEX_H
#define NEWS_TIMEX_LEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum timex_cls {
	TX_MONTH,    /* 1..12 */
	TX_MONABBR,  /* 1..12, an abbreviation (jan, sept) */
	TX_WDAY,     /* 1..7, Monday = 1 */
	TX_WDABBR,   /* 1..7, an abbreviation (mon, thurs) */
	TX_WDAYS,    /* 1..7, plural (Mondays) */
	TX_NUMW,     /* number word value; -1 for a vague count (several) */
	TX_ORDW,     /* ordinal word value (first = 1) */
	TX_UNIT,     /* enum timex_unit */
	TX_UNITS,    /* enum timex_unit, plural form */
	TX_POD,      /* enum timex_pod */
	TX_SEASON,   /* enum timex_season */
	TX_DEIC,     /* enum timex_deic */
	TX_SETW,     /* enum timex_unit: daily, weekly ... */
	TX_TENSE,    /* enum timex_tense */
	TX_TZ,       /* a time zone name */
	TX_START,    /* can open an expression when a temporal word follows (the, about) */
	TX_HOLI,     /* opens an expression on its own: today, noon, a holiday name */
	TX_TRIG,     /* makes a sentence worth parsing by itself (today, Christmas) */
	TX_NCLS
};

enum timex_unit { U_NONE, U_SEC, U_MIN, U_HOUR, U_DAY, U_NIGHT, U_WEEK, U_WEEKEND,
	U_FORTNIGHT, U_MONTH, U_QUARTER, U_HALF, U_YEAR, U_DECADE, U_CENTURY };
enum timex_pod { P_NONE, P_MO, P_MI, P_AF, P_EV, P_NI, P_DT };
enum timex_season { S_NONE, S_SP, S_SU, S_FA, S_WI };
enum timex_deic { D_NONE, D_LAST, D_NEXT, D_THIS, D_COMING, D_PAST, D_PREV,
	D_FOLLOWING, D_CURRENT, D_RECENT };
enum timex_tense { TN_NONE, TN_PAST, TN_PRES, TN_FUT };

struct timex_lexinfo {
	unsigned mask;            /* 1 << enum timex_cls */
	signed char val[TX_NCLS];
};

/* The longest word a table holds. */
#define TIMEX_WORD_MAX 22

/* A word of the table: its classes, and flags for the scanners. */
enum {
	TIMEX_W_TRIGGER = 1,   /* makes a sentence worth parsing (2-15 letters) */
	TIMEX_W_HOLIDAY = 2,   /* a holiday alias begins with this run of letters */
	TIMEX_W_AFTER_THE = 4  /* ... or follows "the " with it (the Assumption) */
};

struct timex_lex_entry {
	char w[TIMEX_WORD_MAX + 2];   /* lower case, zero-padded */
	unsigned char n;
	unsigned flags;        /* TIMEX_W_* */
	uint64_t starts;       /* caller's bits: which rules may start here */
	struct timex_lexinfo info;   /* info.mask 0: no class */
};

/* Words are hashed from their first and last eight bytes and their length
 * (three 8-byte loads rather than a loop over the letters), so a scanner
 * hashes a word in a few instructions whatever its length. first holds the
 * bytes [0, min(n, 8)) and zeros after them; last the bytes [n - 8, n) when
 * n > 8, else 0; mid the bytes [8, 16) when n > 16, else 0. */
struct timex_word8 {
	uint64_t first, mid, last;
	size_t n;
};

static inline uint64_t timex_load8(const void *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

/* The bytes of v that come first in memory, n (< 8) of them; the rest 0. */
static inline uint64_t timex_head_bytes(uint64_t v, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return n ? v & ~(~0ull >> (8 * n)) : 0;
#else
	return v & ((1ull << (8 * n)) - 1);
#endif
}

/* The word w[0..n), n <= TIMEX_WORD_MAX, with 8 readable bytes at w + n
 * - 8 and at w + 8 (w points into a buffer with room after the word). */
static inline struct timex_word8 timex_word8(const unsigned char *w, size_t n)
{
	struct timex_word8 k;
	k.n = n;
	k.first = n >= 8 ? timex_load8(w) : timex_head_bytes(timex_load8(w), n);
	k.last = n > 8 ? timex_load8(w + n - 8) : 0;
	k.mid = n > 16 ? timex_load8(w + 8) : 0;
	return k;
}

/* The same for a run of ASCII letters in any case, lower-cased on the way
 * (every byte of the run is a letter, so setting bit 0x20 does it). */
static inline struct timex_word8 timex_word8_letters(const unsigned char *w, size_t n)
{
	const uint64_t lower = 0x2020202020202020ull;
	struct timex_word8 k;
	k.n = n;
	k.first = n >= 8 ? timex_load8(w) | lower : timex_head_bytes(timex_load8(w) | lower, n);
	k.last = n > 8 ? timex_load8(w + n - 8) | lower : 0;
	k.mid = n > 16 ? timex_load8(w + 8) | lower : 0;
	return k;
}

/* The index is open-addressed on the word hash: a slot holds the hash, the
 * length and the entry's number, so a word that is in no list (most words)
 * is rejected after one 8-byte slot, without touching the entries. The
 * look-up is inline: the prefilter and the tokenizer make one per word. */
#define TIMEX_LEX_BITS 11

struct timex_lex_slot {
	uint32_t hash;
	unsigned short entry;   /* entry number + 1; 0 when empty */
	unsigned char n;
};

struct timex_lex_index {
	const struct timex_lex_slot *slots;     /* 1 << TIMEX_LEX_BITS of them */
	const struct timex_lex_entry *entries;
};

static inline uint32_t timex_lex_hash8(const struct timex_word8 *k)
{
	uint64_t h = k->first * 0x9E3779B97F4A7C15ull ^ k->last * 0xC2B2AE3D27D4EB4Full ^ k->n;
	return (uint32_t)((h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull >> 32);
}

static inline int timex_lex_same(const struct timex_lex_entry *en, const struct timex_word8 *k)
{
	return timex_load8(en->w) == k->first
	       && (k->n <= 8 || timex_load8(en->w + k->n - 8) == k->last)
	       && (k->n <= 16 || timex_load8(en->w + 8) == k->mid);
}

/* The entry of the lower-case word k whose hash is h; NULL when none. */
static inline const struct timex_lex_entry *timex_lex_lookup_hash(const struct timex_lex_index *ix,
                                                                  const struct timex_word8 *k,
                                                                  uint32_t h)
{
	for (size_t i = h >> (32 - TIMEX_LEX_BITS);; i = (i + 1) & ((1u << TIMEX_LEX_BITS) - 1)) {
		const struct timex_lex_slot *s = &ix->slots[i];
		if (!s->entry)
			return NULL;
		if (s->hash == h && s->n == k->n && timex_lex_same(&ix->entries[s->entry - 1], k))
			return &ix->entries[s->entry - 1];
	}
}

/* The entry of the lower-case word k; NULL when none. */
static inline const struct timex_lex_entry *timex_lex_lookup(const struct timex_lex_index *ix,
                                                             const struct timex_word8 *k)
{
	return timex_lex_lookup_hash(ix, k, timex_lex_hash8(k));
}

/* A bit set of word hashes (2 KB, so it stays in the first-level cache):
 * a clear bit rules a word out before the index is touched. */
#define TIMEX_BLOOM_BITS 14
static inline int timex_bloom_has(const uint64_t *bloom, uint32_t h)
{
	uint32_t b = h & ((1u << TIMEX_BLOOM_BITS) - 1);
	return (bloom[b / 64] >> (b % 64)) & 1;
}

struct timex_lex;
struct news_calendar;

/* The lexicon, and the first words of cal's holiday aliases (cal may be
 * NULL). Read-only once built. */
struct timex_lex *timex_lex_new(const struct news_calendar *cal);
void timex_lex_free(struct timex_lex *lx);
/* The entry of the lower-case word k; NULL when none. */
const struct timex_lex_entry *timex_lex_find(const struct timex_lex *lx,
                                             const struct timex_word8 *k);
/* Set bits in the starts field of the word w (added without a class when
 * it is not in the table), and of every word of class cls. Only while the
 * table is being set up: before timex_lex_index(). */
void timex_lex_add_starts(struct timex_lex *lx, const char *w, uint64_t bits);
void timex_lex_add_class_starts(struct timex_lex *lx, enum timex_cls cls, uint64_t bits);
/* Fill bloom (1 << TIMEX_BLOOM_BITS bits) with the words whose flags
 * have one of the given bits. */
void timex_lex_bloom(const struct timex_lex *lx, unsigned flags,
                     uint64_t bloom[(1u << TIMEX_BLOOM_BITS) / 64]);
/* The index, for timex_lex_lookup(); valid while lx lives. */
struct timex_lex_index timex_lex_index(const struct timex_lex *lx);
/* Whether some holiday alias begins with something other than a letter
 * (then every word start that is not a letter may begin a name). */
int timex_lex_holiday_nonletter(const struct timex_lex *lx);
/* Whether some holiday alias begins with more than TIMEX_WORD_MAX letters
 * (then every such run may begin a name). */
int timex_lex_holiday_long(const struct timex_lex *lx);
/* Look up a lower-case word; NULL when it has no class. */
const struct timex_lexinfo *timex_lex_get(const struct timex_lex *lx,
                                          const char *w, size_t n);
/* The prefilter pattern for numbers, matched anchored at a digit: the
 * shapes a number has when it is part of a date or a time. */
const char *timex_lex_number_pattern(void);
/* Whether a word (lower case) makes a sentence worth parsing. */
int timex_lex_is_trigger(const struct timex_lexinfo *info);

#endif
