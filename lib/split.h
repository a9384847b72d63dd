/* split: sentence and paragraph segmentation of English news text.
 *
 * Paragraphs are separated by blank lines. Within a block between blank
 * lines, the lines' lengths decide: long lines are one paragraph each
 * (one-paragraph-per-line wire copy), short ones are hard-wrapped text where
 * a single newline is a space, and runs of short lines without end marks are
 * list items. Sentences never cross paragraphs. Page debris lines (image and
 * link markup, `X |` navigation lines, short or spaced separators) yield no
 * sentence; a long rule of one repeated character is kept, as treebanks count
 * it. Spans exclude surrounding white space. */
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
