#define PCRE2_CODE_UNIT_WIDTH 8
#include "rx.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"

_Static_assert(NEWS_RX_CASELESS == PCRE2_CASELESS && NEWS_RX_DOTALL == PCRE2_DOTALL &&
               NEWS_RX_EXTENDED == PCRE2_EXTENDED && NEWS_RX_MULTILINE == PCRE2_MULTILINE &&
               NEWS_RX_ANCHORED == PCRE2_ANCHORED,
               "NEWS_RX_* must equal pcre2's option bits");

struct news_rx {
	pcre2_code *code;
	pcre2_match_data *md;
	PCRE2_SIZE *ov;
};

struct news_rx *news_rx_new(const char *pattern, unsigned extra_options)
{
	int err;
	PCRE2_SIZE erroff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	                                 PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP | extra_options,
	                                 &err, &erroff, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		fprintf(stderr, "newsutils: bad pattern at offset %zu: %s\n  %s\n",
		        (size_t)erroff, (char *)msg, pattern);
		abort();
	}
	/* No JIT (an unsupported platform) only costs speed: matching falls
	 * back to the interpreter. */
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	struct news_rx *rx = news_xmalloc(sizeof *rx);
	rx->code = code;
	rx->md = pcre2_match_data_create_from_pattern(code, NULL);
	rx->ov = pcre2_get_ovector_pointer(rx->md);
	return rx;
}

void news_rx_free(struct news_rx *rx)
{
	if (!rx)
		return;
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->code);
	free(rx);
}

static int do_match(struct news_rx *rx, const char *s, size_t n, size_t from, uint32_t opts)
{
	if (from > n)
		return 0;
	int rc = pcre2_match(rx->code, (PCRE2_SPTR)s, n, from, opts, rx->md, NULL);
	return rc > 0 ? rc : 0;
}

int news_rx_match(struct news_rx *rx, const char *s, size_t n, size_t from)
{
	return do_match(rx, s, n, from, 0);
}

int news_rx_match_at(struct news_rx *rx, const char *s, size_t n, size_t from)
{
	return do_match(rx, s, n, from, PCRE2_ANCHORED);
}

size_t news_rx_start(const struct news_rx *rx, int g)
{
	return rx->ov[2 * g];
}

size_t news_rx_end(const struct news_rx *rx, int g)
{
	return rx->ov[2 * g + 1];
}

int news_rx_group(const struct news_rx *rx, const char *name)
{
	int n = pcre2_substring_number_from_name(rx->code, (PCRE2_SPTR)name);
	return n > 0 ? n : -1;
}
