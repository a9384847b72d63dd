/* unit: the smallest test runner that does the job.
 *
 * CHECK(cond) records a failure with its line and goes on; a test program
 * returns unit_status() from main, printing a summary. */
#ifndef NEWS_UNIT_H
#define NEWS_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_checks, unit_failures;

#define CHECK(cond) do { unit_checks++; if (!(cond)) { unit_failures++; \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_STR(got, want) do { unit_checks++; if (strcmp((got), (want)) != 0) { \
	unit_failures++; fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", \
	__FILE__, __LINE__, (got), (want)); } } while (0)

static inline int unit_status(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
	return unit_failures != 0;
}

#endif
