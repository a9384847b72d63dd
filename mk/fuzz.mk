# make fuzz: libFuzzer over the document reader (needs clang).
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ilib $(PCRE2_CFLAGS)
FUZZ_SRC = $(LIB_SRC) $(patsubst lib/data/%,build/fuzz/data/%.c,$(DATA_SRC))

build/fuzz/data/%.c: lib/data/% $(EMBED)
	@mkdir -p $(@D)
	$(EMBED) $< > $@

build/fuzz/fuzz_input: tests/fuzz/fuzz_input.c $(LIB_SRC) $(wildcard lib/*.h) $(FUZZ_SRC)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_input.c $(FUZZ_SRC) $(LIBS)

.PHONY: fuzz
fuzz: build/fuzz/fuzz_input
	@mkdir -p build/fuzz/corpus
	@for f in tests/fixtures/*.txt; do printf '\000' | cat - "$$f" > build/fuzz/corpus/$$(basename $$f); done
	build/fuzz/fuzz_input -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -close_fd_mask=2 build/fuzz/corpus
