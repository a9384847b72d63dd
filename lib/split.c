/* Interim segmenter: paragraphs at line breaks, sentences at . ! ? before
 * white space and a capital. Replaced by the full segmenter. */
#include "split.h"

#include <stdlib.h>

#include "utf8.h"

struct news_splitter {
	int unused;
};

struct news_splitter *news_splitter_new(void)
{
	return calloc(1, sizeof(struct news_splitter));
}

void news_splitter_free(struct news_splitter *sp)
{
	free(sp);
}

static void emit(struct news_doc *d, size_t s, size_t e, long para)
{
	const char *t = d->text.data;
	s = news_skip_space(t, e, s);
	e = news_trim_back(t, s, e);
	if (e > s)
		news_doc_add_sentence(d, s, e, para);
}

void news_split_doc(struct news_splitter *sp, struct news_doc *d)
{
	(void)sp;
	const char *t = d->text.data;
	size_t n = d->text.len, start = 0;
	long para = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || t[i] == '\n') {
			if (i > start && news_skip_space(t, i, start) < i)
				emit(d, start, i, ++para);
			start = i + 1;
			continue;
		}
		if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && i + 2 < n && t[i + 1] == ' ' &&
		    t[i + 2] >= 'A' && t[i + 2] <= 'Z') {
			emit(d, start, i + 1, para + 1);
			start = i + 1;
		}
	}
}
