# faqbot: build, index, test, bench. All outputs under $(BUILD)/.
.SUFFIXES:

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2 -g
SANITIZE ?=
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -Wall -Wextra -Wshadow -Wmissing-prototypes -Wno-unused-parameter -Werror \
             $(OPT) $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all) \
             -MMD -MP $(CFLAGS)
LDLIBS_ALL = -lstemmer -lpcre2-8 -lutf8proc -lexttextcat-2.0 -lmicrohttpd -ljansson \
             -lcmark -ledit -lhunspell -lm -lpthread $(LDLIBS)
LDFLAGS_ALL = $(if $(SANITIZE),-fsanitize=$(SANITIZE)) $(LDFLAGS)

SRC       := $(wildcard src/*.c)
MAIN_SRC  := src/main.c
CORE_SRC  := $(filter-out $(MAIN_SRC),$(SRC))
CORE_OBJ  := $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/lang_pack.o
PACKFILES := $(wildcard lang/*/*.txt lang/*/*.md)
UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

FAQBOT    := $(BUILD)/faqbot
INDEX     := $(BUILD)/faq.idx
PORT      ?= 8080
FUZZ_SECONDS ?= 60
SOAK_SECONDS ?= 60

.PHONY: all deps index run test check unit e2e asan browser bench bench-peers bench-scaling fuzz soak valgrind clean eval

all: $(FAQBOT)

deps:
	@sh tools/install-deps

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# The shipped language packs, compiled in (src/lang_pack.h).
$(BUILD)/gen/lang_pack.c: tools/embed-packs $(PACKFILES)
	@mkdir -p $(dir $@)
	sh tools/embed-packs $@ $(PACKFILES)

$(BUILD)/obj/lang_pack.o: $(BUILD)/gen/lang_pack.c src/lang_pack.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -iquote src -c $< -o $@

$(BUILD)/libfaqbot.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $(CORE_OBJ)

$(FAQBOT): $(BUILD)/obj/main.o $(BUILD)/libfaqbot.a
	$(CC) $(LDFLAGS_ALL) -o $@ $(BUILD)/obj/main.o $(BUILD)/libfaqbot.a $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libfaqbot.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -iquote src $(LDFLAGS_ALL) -o $@ $< $(BUILD)/libfaqbot.a $(LDLIBS_ALL) -lcmocka

# The allocation-failure test fails the Nth allocation of the core: its
# calls to the allocator are wrapped at link time.
$(BUILD)/tests/test_oom: LDFLAGS_ALL += -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup

index: $(FAQBOT)
	$(FAQBOT) index --corpus corpus --out $(INDEX)

run: deps
	$(MAKE) all
	$(MAKE) index
	$(FAQBOT) serve --index $(INDEX) --port $(PORT) --web web

# Unit tests (cmocka) then end-to-end tests of the real binary.
check: unit e2e

unit: $(UNIT_BIN)
	@sh tests/run-unit $(UNIT_BIN)

e2e: $(FAQBOT)
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/run-e2e

# The same suite built with AddressSanitizer and UBSan.
asan:
	$(MAKE) BUILD=$(BUILD)/asan SANITIZE=address,undefined OPT="-O1 -g" check

browser: $(FAQBOT)
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/browser/run

# Everything, as CI runs it: unit and end-to-end tests, the same under ASan
# and UBSan, the end-to-end tests under valgrind, the browser test, then
# short fuzz and soak runs.
test: deps
	$(MAKE) all
	$(MAKE) check
	$(MAKE) asan
	$(MAKE) valgrind
	$(MAKE) browser
	$(MAKE) fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS)
	$(MAKE) soak SOAK_SECONDS=$(TEST_SOAK_SECONDS)

TEST_FUZZ_SECONDS ?= 30
TEST_SOAK_SECONDS ?= 20

# The end-to-end suite with faqbot under valgrind memcheck.
valgrind: $(FAQBOT)
	@FAQBOT_REAL=$(abspath $(FAQBOT)) FAQBOT=$(abspath tests/valgrind-faqbot) BUILD=$(abspath $(BUILD)) sh tests/run-e2e

bench: deps
	$(MAKE) all
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh bench/run

# Answer quality on the seed FAQ, Debian's (when installed) and the held-out corpus.
eval: $(FAQBOT)
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/eval-all

bench-peers: deps
	$(MAKE) all
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh bench/peers/run

bench-scaling: deps
	$(MAKE) all
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh bench/scaling

fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run

soak: $(FAQBOT)
	@SOAK_SECONDS=$(SOAK_SECONDS) FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/soak/run

clean:
	rm -rf $(BUILD)

-include $(CORE_OBJ:.o=.d) $(BUILD)/obj/main.d
