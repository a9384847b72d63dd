/* timex: temporal expressions in English news text, normalised to TIMEX3.
 *
 * The recogniser works a sentence at a time. A prefilter looks for any word
 * that can carry a temporal expression (month and weekday names, `today`,
 * `year`, `week` ..., the start of a holiday name) or a number shaped like
 * part of a date or a time (a pcre2 JIT pattern: 2004, 7/13, 3:30, 3 p.m.);
 * plain counts, money and percentages do not make a sentence pass. It reads
 * the sentence 64 bytes at a time into bit masks of letters, digits and
 * apostrophes and hashes each word from its first and last eight bytes, so
 * a sentence without a temporal word costs one pass and a probe of a 2 KB
 * bit set per word. Sentences that pass are tokenised and a hand-written
 * grammar over token classes finds the longest expression at each position
 * and computes its value: absolute dates, dates relative to the anchor (the
 * document's date), times of day, durations, sets and holidays. Each rule
 * of the core grammar is tried only where its first token (and, after
 * "the", its second) can start it. Weekdays and months without a year are
 * resolved by the tense of the nearest verb, the way news reports the past
 * week and the coming days. Without an anchor, relative expressions get
 * underspecified values (XXXX-WXX-4).
 *
 * A timex_state carries what one document has said so far (the last quarter
 * mentioned, for "the quarter" and "a year earlier"; the last year named,
 * for "the following year"); reset it per document. */
#ifndef NEWS_TIMEX_H
#define NEWS_TIMEX_H

#include <stddef.h>

enum timex_type { TIMEX_DATE, TIMEX_TIME, TIMEX_DURATION, TIMEX_SET };

struct timex_anchor {
	int has_date, has_time;
	int y, m, d, hh, mi;
};

struct timex_result {
	size_t start, end;        /* byte offsets into the text */
	enum timex_type type;
	char value[48];
	char mod[16];             /* TIMEX3 mod (START, END, MID, APPROX ...) or "" */
};

struct timex_engine;
struct timex_state;

struct timex_engine *timex_engine_new(void);
void timex_engine_free(struct timex_engine *e);

struct timex_state *timex_state_new(void);
void timex_state_reset(struct timex_state *st);
void timex_state_free(struct timex_state *st);

/* Find the expressions of one sentence text[start..end) and append them to
 * the state's result list (timex_results); anchor may have has_date 0. */
void timex_find(struct timex_engine *e, struct timex_state *st,
                const char *text, size_t start, size_t end,
                const struct timex_anchor *anchor);
/* The results found since the last timex_clear_results(). */
const struct timex_result *timex_results(const struct timex_state *st, size_t *n);
void timex_clear_results(struct timex_state *st);

/* Parse YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS...] into a; 0 if it is not one. */
int timex_anchor_parse(struct timex_anchor *a, const char *s, size_t n);
/* Look for a dateline or date line in the first lines of a document (a full
 * date with a year: `July 29, 2004`, `2004-07-29`, `29 July 2004`). Returns 1
 * and fills a when one is found. */
int timex_find_dateline(struct timex_engine *e, struct timex_state *st,
                        const char *text, size_t len, struct timex_anchor *a);

const char *timex_type_name(enum timex_type t);

#endif
