/* quote: quotations and reported speech in news text, with their speakers.
 *
 * news-quotes is built on this module. quote_find() reads one document (its
 * bytes, its sentences and, when news-entities ran, its entity records) and
 * lists every quotation: direct quotes in quotation marks (straight, curly,
 * single used as quotation marks, guillemets; running over sentences and
 * paragraphs; interrupted by their attribution), quoted fragments inside
 * reported speech (mixed) and reported clauses (indirect). Each is attributed
 * to the speaker mention that a cue verb (said, told, according to ...) ties
 * it to, pronouns and definite descriptions resolved to what they refer to,
 * titles stripped from names. The rules and word lists are compiled once in
 * a quote_finder; a finder is not shared between threads (but it may start
 * one of its own to tokenize a long document ahead of its rules). */
#ifndef NEWS_QUOTE_H
#define NEWS_QUOTE_H

#include <stddef.h>
#include "buf.h"
#include "doc.h"

enum quote_kind { QUOTE_DIRECT = 1, QUOTE_MIXED, QUOTE_INDIRECT };

#define QUOTE_NONE ((size_t)-1)

/* An entity record of the stream, as quote_find() uses it: a mention and
 * its canonical name (value points into memory the caller owns). */
struct quote_entity {
	size_t start, end;
	const char *value;
	size_t value_len;
	int is_person;       /* label PERSON */
};

struct quote {
	size_t start, end;            /* the quoted content or reported clause */
	enum quote_kind kind;
	size_t spk_start, spk_end;    /* speaker mention, QUOTE_NONE when none */
	size_t cue_start, cue_end;    /* cue verb or phrase, QUOTE_NONE when none */
	size_t name_off, name_len;    /* speaker's canonical name in quote_list.names */
};

struct quote_list {
	struct quote *q;
	size_t n, cap;
	struct nbuf names;
};

struct quote_finder;

struct quote_finder *quote_finder_new(void);
void quote_finder_free(struct quote_finder *qf);

/* Let quote_find() use up to this many threads (default 1) on a long
 * document; what it finds is the same whatever the count. */
void quote_finder_set_threads(struct quote_finder *qf, int threads);

/* Find the quotations of text[0..len) whose sentences are sents[0..nsents)
 * (ordered, non-overlapping). ents[0..nents) are entity mentions (may be
 * none). out is cleared first; quotes come out ordered by start. */
void quote_find(struct quote_finder *qf, const char *text, size_t len,
                const struct news_sentence *sents, size_t nsents,
                const struct quote_entity *ents, size_t nents,
                struct quote_list *out);

void quote_list_init(struct quote_list *l);
void quote_list_free(struct quote_list *l);

static inline const char *quote_kind_name(enum quote_kind k)
{
	return k == QUOTE_DIRECT ? "direct" : k == QUOTE_MIXED ? "mixed" : "indirect";
}

#endif
