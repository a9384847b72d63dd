/* embed: turn a data file into a C source defining its bytes.
 *
 * usage: embed lib/data/NAME.EXT > NAME.c
 * defines `const char news_data_NAME[]` (NUL-terminated, so lists can be
 * scanned as strings too) and `const size_t news_data_NAME_len`. NAME is the
 * file name without extension, other characters than [A-Za-z0-9_] made '_'. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: embed FILE\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	const char *base = strrchr(argv[1], '/');
	base = base ? base + 1 : argv[1];
	char name[256];
	size_t n = 0;
	for (const char *p = base; *p && *p != '.' && n + 1 < sizeof name; p++)
		name[n++] = isalnum((unsigned char)*p) ? *p : '_';
	name[n] = '\0';
	printf("#include <stddef.h>\nconst char news_data_%s[] = {", name);
	size_t len = 0;
	int c;
	while ((c = getc(f)) != EOF) {
		printf("%s%d,", len % 24 == 0 ? "\n" : "", c >= 128 ? c - 256 : c);
		len++;
	}
	if (ferror(f)) {
		perror(argv[1]);
		return 1;
	}
	fclose(f);
	printf("0};\nconst size_t news_data_%s_len = %zu;\n", name, len);
	return 0;
}
