/* ner_rules: pcre2 patterns for the names that patterns find best.
 *
 * Organisations announce themselves: a company suffix (`McDonnell Douglas
 * Corp.`, `Procter & Gamble Co.`, `Dresdner Bank AG`) or an institution
 * head with `of` (`Ministry of Defence`, `University of Chicago`, `Bank of
 * England`). The tagger knows these words but often types a company as a
 * person or stops before the suffix; a match replaces the tagger's spans it
 * overlaps. Datelines (`BRUSSELS 1996-08-22`) give the place in capitals
 * that opens a wire story. Compiled once, JIT; one set per thread (match
 * data inside). */
#ifndef NEWS_NER_RULES_H
#define NEWS_NER_RULES_H

#include <stddef.h>

struct ner_rules;

struct ner_rules *ner_rules_new(void);
void ner_rules_free(struct ner_rules *r);

/* The next organisation match in s[from..n): 1 and its span in *start,
 * *end (offsets into s), or 0. */
int ner_rules_next_org(struct ner_rules *r, const char *s, size_t n, size_t from,
                       size_t *start, size_t *end);

/* The place of a dateline opening s[0..n) (`LONDON (Reuters) -`): 1 and
 * its span, or 0. Whether it is a place is for the caller to check. */
int ner_rules_dateline(struct ner_rules *r, const char *s, size_t n, size_t *start, size_t *end);

#endif
