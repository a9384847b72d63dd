/* split: sentence and paragraph segmentation of English news text.
 *
 * Paragraphs are separated by blank lines, or are one per line when the text
 * has no blank lines and its lines are long (one-paragraph-per-line wire
 * copy); single newlines inside hard-wrapped paragraphs are spaces. Sentences
 * never cross paragraphs. Page debris lines (image and link markup, `X |`
 * navigation lines, lone separators) yield no sentence. Spans exclude
 * surrounding white space. */
#ifndef NEWS_SPLIT_H
#define NEWS_SPLIT_H

#include <stddef.h>
#include "doc.h"

struct news_splitter;

struct news_splitter *news_splitter_new(void);
void news_splitter_free(struct news_splitter *sp);
/* Segment the document's text and add its sentences (news_doc_add_sentence). */
void news_split_doc(struct news_splitter *sp, struct news_doc *d);

#endif
