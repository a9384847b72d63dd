#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

void news_doc_init(struct news_doc *d)
{
	memset(d, 0, sizeof *d);
}

void news_doc_reset(struct news_doc *d)
{
	nbuf_clear(&d->id);
	nbuf_clear(&d->text);
	nbuf_clear(&d->cluster);
	nbuf_clear(&d->date);
	nbuf_clear(&d->title);
	nbuf_clear(&d->source);
	nbuf_clear(&d->doc_extra);
	d->has_doc_extra = 0;
	d->nsents = 0;
	d->nrecs = 0;
	nbuf_clear(&d->arena);
	nbuf_clear(&d->origin);
	d->origin_line = 0;
}

void news_doc_free(struct news_doc *d)
{
	nbuf_free(&d->id);
	nbuf_free(&d->text);
	nbuf_free(&d->cluster);
	nbuf_free(&d->date);
	nbuf_free(&d->title);
	nbuf_free(&d->source);
	nbuf_free(&d->doc_extra);
	nbuf_free(&d->arena);
	nbuf_free(&d->origin);
	free(d->sents);
	free(d->recs);
	memset(d, 0, sizeof *d);
}

static struct news_record *new_record(struct news_doc *d)
{
	NEWS_GROW(d->recs, d->recs_cap, d->nrecs + 1);
	struct news_record *r = &d->recs[d->nrecs];
	memset(r, 0, sizeof *r);
	r->seq = d->nrecs++;
	return r;
}

static void add_field(struct nbuf *a, const char *s, size_t n)
{
	nbuf_addc(a, '\t');
	if (s)
		news_escape(a, s, n);
}

void news_doc_addn(struct news_doc *d, long sent, const char *kind,
                   size_t start, size_t end, const char *label, size_t label_len,
                   const char *value, size_t value_len,
                   const char *const *extra, size_t nextra)
{
	if (end > d->text.len)
		end = d->text.len;
	if (start > end)
		start = end;
	struct news_record *r = new_record(d);
	r->sent = sent;
	r->start = start;
	r->end = end;
	r->added = 1;
	r->is_sentence = strcmp(kind, "sentence") == 0;
	struct nbuf *a = &d->arena;
	r->line_off = a->len;
	news_escape(a, d->id.data ? d->id.data : "", d->id.len);
	nbuf_addc(a, '\t');
	if (sent < 0)
		sent = 0;
	nbuf_addu(a, (unsigned long long)sent);
	nbuf_addc(a, '\t');
	nbuf_adds(a, kind);
	nbuf_addc(a, '\t');
	nbuf_addu(a, start);
	nbuf_addc(a, '\t');
	nbuf_addu(a, end);
	add_field(a, d->text.data + start, end - start);
	add_field(a, label, label_len);
	add_field(a, value, value_len);
	for (size_t i = 0; i < nextra; i++)
		add_field(a, extra[i], extra[i] ? strlen(extra[i]) : 0);
	r->line_len = a->len - r->line_off;
}

void news_doc_add(struct news_doc *d, long sent, const char *kind,
                  size_t start, size_t end, const char *label,
                  const char *value, const char *const *extra, size_t nextra)
{
	news_doc_addn(d, sent, kind, start, end, label, label ? strlen(label) : 0,
	              value, value ? strlen(value) : 0, extra, nextra);
}

void news_doc_add_line(struct news_doc *d, const char *line, size_t len,
                       long sent, size_t start, size_t end, int is_sentence)
{
	struct news_record *r = new_record(d);
	r->sent = sent;
	r->start = start;
	r->end = end;
	r->is_sentence = (unsigned char)is_sentence;
	r->line_off = d->arena.len;
	r->line_len = len;
	nbuf_add(&d->arena, line, len);
}

void news_doc_add_sentence(struct news_doc *d, size_t start, size_t end, long para)
{
	NEWS_GROW(d->sents, d->sents_cap, d->nsents + 1);
	d->sents[d->nsents++] = (struct news_sentence){start, end, para};
	/* the paragraph number is the sentence record's label */
	char num[24];
	int n = snprintf(num, sizeof num, "%ld", para > 0 ? para : 0L);
	news_doc_addn(d, (long)d->nsents, "sentence", start, end, num, (size_t)n,
	              NULL, 0, NULL, 0);
}

long news_doc_sentence_at(const struct news_doc *d, size_t pos)
{
	size_t lo = 0, hi = d->nsents;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->sents[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->nsents && d->sents[lo].start <= pos && pos < d->sents[lo].end)
		return (long)lo + 1;
	return 0;
}

/* Records sort by sentence, then sentence records first, then start, then
 * arrival; so a program's records land after the sentence they belong to,
 * and records already in the stream keep their order. */
static int record_cmp(const void *pa, const void *pb)
{
	const struct news_record *a = *(const struct news_record *const *)pa;
	const struct news_record *b = *(const struct news_record *const *)pb;
	if (a->sent != b->sent)
		return a->sent < b->sent ? -1 : 1;
	if (a->is_sentence != b->is_sentence)
		return a->is_sentence ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->added != b->added)
		return a->added ? 1 : -1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void write_escaped(FILE *out, struct nbuf *tmp, const char *s, size_t n)
{
	nbuf_clear(tmp);
	news_escape(tmp, s, n);
	fwrite(tmp->data, 1, tmp->len, out);
}

void news_doc_write(const struct news_doc *d, FILE *out)
{
	struct nbuf tmp = {0};
	write_escaped(out, &tmp, d->id.data, d->id.len);
	fprintf(out, "\t0\tdoc\t0\t%zu\t", d->text.len);
	write_escaped(out, &tmp, d->text.data, d->text.len);
	putc('\t', out);
	write_escaped(out, &tmp, d->cluster.data, d->cluster.len);
	putc('\t', out);
	write_escaped(out, &tmp, d->date.data, d->date.len);
	putc('\t', out);
	write_escaped(out, &tmp, d->title.data, d->title.len);
	putc('\t', out);
	write_escaped(out, &tmp, d->source.data, d->source.len);
	if (d->has_doc_extra) {
		putc('\t', out);
		fwrite(d->doc_extra.data, 1, d->doc_extra.len, out);
	}
	putc('\n', out);
	nbuf_free(&tmp);

	/* Already in order in the common case (a single program appending in
	 * order to a sorted stream): check before sorting. */
	const struct news_record **order = news_xmalloc((d->nrecs ? d->nrecs : 1) * sizeof *order);
	int sorted = 1;
	for (size_t i = 0; i < d->nrecs; i++) {
		order[i] = &d->recs[i];
		if (i && record_cmp(&order[i - 1], &order[i]) > 0)
			sorted = 0;
	}
	if (!sorted)
		qsort(order, d->nrecs, sizeof *order, record_cmp);
	for (size_t i = 0; i < d->nrecs; i++) {
		fwrite(news_record_line(d, order[i]), 1, order[i]->line_len, out);
		putc('\n', out);
	}
	free(order);
}
