/* libFuzzer target: the document reader in every input format, the
 * segmenter and the record writer, on arbitrary bytes.
 *
 *   make fuzz            (clang; runs each format for FUZZ_SECONDS)
 *
 * The first input byte picks the format; the rest is the input file. The
 * written stream is checked: every record's text must be the document's
 * bytes start..end (the invariant), whatever the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "escape.h"
#include "input.h"
#include "record.h"

static void check_stream(const char *out, size_t len)
{
	struct news_fields fs = {0};
	struct nbuf doc = {0};
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(out + i, '\n', len - i);
		if (!nl)
			abort();   /* every record ends in LF */
		news_fields_split(&fs, out + i, (size_t)(nl - (out + i)));
		if (fs.n < 8)
			abort();
		long long s = news_field_num(fs.f[NEWS_F_START]);
		long long e = news_field_num(fs.f[NEWS_F_END]);
		if (news_field_is(fs.f[NEWS_F_KIND], "doc")) {
			nbuf_clear(&doc);
			news_field_unescape(fs.f[NEWS_F_TEXT], &doc);
			if (s != 0 || (size_t)e != doc.len)
				abort();
		} else if (s < 0 || e < s || (size_t)e > doc.len ||
		           !news_unescaped_equals(fs.f[NEWS_F_TEXT].p, fs.f[NEWS_F_TEXT].len,
		                                  doc.data + s, (size_t)(e - s))) {
			abort();
		}
		i = (size_t)(nl - out) + 1;
	}
	news_fields_free(&fs);
	nbuf_free(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const enum news_in_format formats[] = {
		NEWS_IN_AUTO, NEWS_IN_TEXT, NEWS_IN_LINES, NEWS_IN_CSV, NEWS_IN_TSV, NEWS_IN_STREAM};
	struct news_input_opts o;
	news_input_opts_init(&o);
	o.format = formats[data[0] % (sizeof formats / sizeof *formats)];

	char path[] = "/tmp/news-fuzz-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);

	char *out = NULL;
	size_t outlen = 0;
	FILE *mem = open_memstream(&out, &outlen);
	char *files[] = {path};
	struct news_reader *r = news_reader_open("fuzz", &o, files, 1);
	struct news_doc d;
	news_doc_init(&d);
	while (news_reader_next(r, &d))
		news_doc_write(&d, mem);
	news_reader_close(r);
	news_doc_free(&d);
	fclose(mem);
	unlink(path);
	check_stream(out, outlen);
	free(out);
	return 0;
}
