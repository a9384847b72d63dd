/* summ: extractive summaries of a story told by several documents.
 *
 * A story is buffered one document at a time (summ_add_doc copies what the
 * summary needs: id, text, date, sentences and the entity/date/quote records
 * other programs left), then summ_run() chooses sentences:
 *   - concepts are Snowball-stemmed content words, stemmed word bigrams and,
 *     when present, canonical entities and normalised dates; a concept is
 *     worth the number of documents that mention it, so what several articles
 *     report outweighs what one says;
 *   - a greedy knapsack picks the sentence with the best gain of uncovered
 *     concept weight per word, scaled by its position in its article (leads
 *     carry the news) and by its quality (questions, headlines, debris, quotes
 *     without context, very short and very long sentences are penalised);
 *     drawing on one more document is a concept of its own;
 *   - a sentence that repeats one already chosen (shared word bigrams) is
 *     never taken; every document holding a near copy of a chosen sentence,
 *     found through an inverted index of its bigrams, is credited as support.
 * Costs are linear in the story's words apart from the few chosen sentences'
 * posting lists; memory is one story's. */
#ifndef NEWS_SUMM_H
#define NEWS_SUMM_H

#include <stddef.h>
#include "doc.h"

/* Budget of one summary; 0 means no limit on that measure. */
struct summ_budget {
	long words;       /* white-space separated words */
	long sentences;
	long bytes;       /* bytes of the tidied sentences, separators not counted */
};

/* One chosen sentence. */
struct summ_pick {
	size_t doc;             /* index of its document in the story */
	long sent;              /* its 1-based sentence number in that document */
	size_t start, end;      /* its bytes in that document */
	long rank;              /* 1 = chosen first (the most important) */
	const size_t *support;  /* indexes of the documents saying the same, ascending */
	size_t nsupport;        /* (its own document included) */
};

struct summ;

/* Load the stemmer and word lists; NULL if the Snowball English stemmer is
 * not available. */
struct summ *summ_new(void);
void summ_free(struct summ *s);

/* Add a document to the story being buffered. */
void summ_add_doc(struct summ *s, const struct news_doc *d);
size_t summ_ndocs(const struct summ *s);
/* A buffered document's id and text (not NUL-terminated; *len gets the length). */
const char *summ_doc_id(const struct summ *s, size_t doc, size_t *len);
const char *summ_doc_text(const struct summ *s, size_t doc, size_t *len);

/* Summarize the buffered story within budget b. *picks gets the chosen
 * sentences in reading order (article date, then position, then arrival);
 * they stay valid until the next summ_run() or summ_clear(). Returns how
 * many there are. */
size_t summ_run(struct summ *s, const struct summ_budget *b,
                const struct summ_pick **picks);

/* Forget the story (the memory is kept for the next one). */
void summ_clear(struct summ *s);

/* Append text[0..n) to out with every run of white space (no-break spaces
 * and line breaks included) made one space and none at either end. */
struct nbuf;
void summ_tidy(struct nbuf *out, const char *text, size_t n);
/* summ_tidy, and web link remnants such as "(search)" left out: the
 * sentence as a person should read it. */
void summ_readable(struct nbuf *out, const char *text, size_t n);
/* How many white-space separated words text[0..n) holds. */
size_t summ_count_words(const char *text, size_t n);

#endif
