/* timex_lex: the word classes the temporal grammar is written in.
 *
 * Every word a temporal expression can be built from (month and weekday
 * names, number words, units, parts of day, deictic words such as `last`
 * and `next`, modifiers, tense cues) is looked up once per token in a hash
 * built at startup from a static table, so the grammar tests classes and
 * reads values instead of comparing strings. */
#ifndef NEWS_TIMEX_LEX_H
#define NEWS_TIMEX_LEX_H

#include <stddef.h>
#include <stdint.h>

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

/* A word of the table: its classes, and flags for the scanners. */
enum {
	TIMEX_W_TRIGGER = 1,   /* makes a sentence worth parsing (2-15 letters) */
	TIMEX_W_HOLIDAY = 2    /* a holiday alias begins with this run of letters */
};

struct timex_lex_entry {
	char w[23];            /* lower case */
	unsigned char n;
	unsigned flags;        /* TIMEX_W_* */
	struct timex_lexinfo info;   /* info.mask 0: no class */
};

/* The word hash the table is keyed on, a byte at a time, so that a scanner
 * computes it while it reads (and lower-cases) a word. */
#define TIMEX_HASH_SEED 5381u
static inline uint32_t timex_hash_step(uint32_t h, unsigned char c)
{
	return h * 33u + c;
}

struct timex_lex;
struct news_calendar;

/* The lexicon, and the first words of cal's holiday aliases (cal may be
 * NULL). Read-only once built. */
struct timex_lex *timex_lex_new(const struct news_calendar *cal);
void timex_lex_free(struct timex_lex *lx);
uint32_t timex_lex_hash(const char *w, size_t n);
/* The entry of the lower-case word w whose hash is h; NULL when none. */
const struct timex_lex_entry *timex_lex_find(const struct timex_lex *lx, uint32_t h,
                                             const char *w, size_t n);
/* The same for a run of ASCII letters in any case (h of its lower case). */
const struct timex_lex_entry *timex_lex_find_folded(const struct timex_lex *lx, uint32_t h,
                                                    const char *w, size_t n);
/* Whether some holiday alias begins with something other than a letter
 * (then every word start that is not a letter may begin a name). */
int timex_lex_holiday_nonletter(const struct timex_lex *lx);
/* Look up a lower-case word; NULL when it has no class. */
const struct timex_lexinfo *timex_lex_get(const struct timex_lex *lx,
                                          const char *w, size_t n);
/* The prefilter pattern for numbers, matched anchored at a digit: the
 * shapes a number has when it is part of a date or a time. */
const char *timex_lex_number_pattern(void);
/* Whether a word (lower case) makes a sentence worth parsing. */
int timex_lex_is_trigger(const struct timex_lexinfo *info);

#endif
