# hardprobe: probes that run inside a container, and the harness that
# judges what they saw.  `make` builds the harness and the image archive;
# `make check` runs every test; `make demo` runs the main job.

VERSION     ?= 0.1.0
CC          ?= cc
MUSL_CC     ?= musl-gcc
PKG_CONFIG  ?= pkg-config
BUILD       ?= build
PREFIX      ?= /usr/local
SOURCE_DATE_EPOCH ?= 0

WARN    = -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes \
	  -Wmissing-prototypes
CSTD    = -std=gnu11
REPRO   = -ffile-prefix-map=$(CURDIR)=. -fno-ident
CFLAGS  ?= -O2 -g
ALL_CFLAGS = $(CSTD) $(WARN) $(REPRO) $(CFLAGS) -DHARDPROBE_VERSION='"$(VERSION)"'

PROBE_CFLAGS  = $(ALL_CFLAGS) -Os -g0 $(shell $(PKG_CONFIG) --cflags json-c)
PROBE_LDFLAGS = -static -Wl,--gc-sections -s
PROBE_LIBS    = -ljson-c -lcap -lnettle

HARNESS_PKGS  = json-c mount libxml-2.0 libcap nettle
HARNESS_CFLAGS = $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags $(HARNESS_PKGS))
HARNESS_LIBS  = $(shell $(PKG_CONFIG) --libs $(HARNESS_PKGS))

SAN = -fsanitize=address,undefined -fno-omit-frame-pointer \
      -fno-sanitize-recover=all
TEST_CFLAGS = $(HARNESS_CFLAGS) $(SAN) $(shell $(PKG_CONFIG) --cflags check) \
	      -DHARDPROBE_SRCDIR='"$(CURDIR)"'
TEST_LIBS   = $(HARNESS_LIBS) $(shell $(PKG_CONFIG) --libs check)

PROBE_SRC   = $(wildcard probes/*.c)
PROBE_HDR   = $(wildcard probes/*.h)
HARNESS_SRC = $(filter-out harness/main.c,$(wildcard harness/*.c))
HARNESS_HDR = $(wildcard harness/*.h) probes/surface-sysctls.h
HARNESS_OBJ = $(HARNESS_SRC:%.c=$(BUILD)/%.o)
HARNESS_SAN_OBJ = $(HARNESS_SRC:%.c=$(BUILD)/san/%.o)
UNIT_SRC    = $(wildcard tests/unit/*.c)

IMAGE_BINS = $(BUILD)/run-probes $(BUILD)/suid-helper $(BUILD)/noop

# The test image: run-probes with the misbehaving probes of tests/probes,
# for the integration tests only; never installed.
TEST_PROBE_SRC = $(wildcard tests/probes/*.c)
TEST_IMAGE = $(BUILD)/hardprobe-test-image.tar

.PHONY: all check unit integration demo bench format-check install clean deps fuzz

all: $(BUILD)/hardprobe $(BUILD)/hardprobe-image.tar

$(BUILD)/run-probes: $(PROBE_SRC) $(PROBE_HDR)
	@mkdir -p $(@D)
	$(CC) $(PROBE_CFLAGS) $(PROBE_LDFLAGS) -o $@ $(PROBE_SRC) $(PROBE_LIBS)

$(BUILD)/run-probes-test: $(PROBE_SRC) $(PROBE_HDR) $(TEST_PROBE_SRC) \
		tests/probes/test-probes.h
	@mkdir -p $(@D)
	$(CC) $(PROBE_CFLAGS) -DHARDPROBE_TEST_PROBES -Itests/probes \
		$(PROBE_LDFLAGS) -o $@ $(PROBE_SRC) $(TEST_PROBE_SRC) \
		$(PROBE_LIBS)

$(TEST_IMAGE): $(BUILD)/run-probes-test $(BUILD)/suid-helper $(BUILD)/noop \
		image/build-image.sh
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) sh image/build-image.sh \
		$(BUILD) $(VERSION) $@ localhost/hardprobe-test run-probes-test

$(BUILD)/suid-helper: probes/suid-helper/suid-helper.c
	@mkdir -p $(@D)
	$(MUSL_CC) $(CSTD) $(WARN) $(REPRO) -Os -static -s -o $@ $<

$(BUILD)/noop: probes/noop/noop.c
	@mkdir -p $(@D)
	$(MUSL_CC) $(CSTD) $(WARN) $(REPRO) -Os -static -s -o $@ $<

$(BUILD)/%.o: %.c $(HARNESS_HDR)
	@mkdir -p $(@D)
	$(CC) $(HARNESS_CFLAGS) -c -o $@ $<

$(BUILD)/san/%.o: %.c $(HARNESS_HDR)
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) -c -o $@ $<

$(BUILD)/libharness.a: $(HARNESS_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/hardprobe: $(BUILD)/harness/main.o $(BUILD)/libharness.a
	$(CC) $(HARNESS_CFLAGS) -o $@ $^ $(HARNESS_LIBS)

$(BUILD)/unit-tests: $(UNIT_SRC) $(HARNESS_SAN_OBJ) $(wildcard tests/unit/*.h)
	$(CC) $(TEST_CFLAGS) -o $@ $(UNIT_SRC) $(HARNESS_SAN_OBJ) $(TEST_LIBS)

$(BUILD)/hardprobe-image.tar: $(IMAGE_BINS) image/build-image.sh
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) sh image/build-image.sh \
		$(BUILD) $(VERSION) $@

# libFuzzer targets (clang; not needed by `make check`, which replays
# their corpora in the unit tests).  `make fuzz` runs each FUZZ_SECONDS.
FUZZ_CC ?= clang
FUZZ_CFLAGS = $(CSTD) -g -O1 -fsanitize=fuzzer,address,undefined \
	      $(shell $(PKG_CONFIG) --cflags $(HARNESS_PKGS)) \
	      -DHARDPROBE_VERSION='"$(VERSION)"' -DHARDPROBE_SRCDIR='"$(CURDIR)"'

$(BUILD)/fuzz-%: tests/fuzz/fuzz-%.c $(HARNESS_SRC) $(HARNESS_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(HARNESS_SRC) $(HARNESS_LIBS)

fuzz:
	bash tests/fuzz/run.sh

# LeakSanitizer stays on whatever ASAN_OPTIONS the caller has: a leak
# fails the test that made it (its forked child exits non-zero).
unit: $(BUILD)/unit-tests
	CK_FORK=yes \
	ASAN_OPTIONS="$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}detect_leaks=1" \
		$(BUILD)/unit-tests

integration: all $(TEST_IMAGE)
	bash tests/integration/run.sh

# The whole test suite: installs what it needs, unit tests, then real
# containers.  Its last line is "N passed, N failed".
check:
	bash scripts/check.sh

demo:
	bash scripts/demo.sh

bench: all
	bash bench/run.sh

format-check:
	clang-format --dry-run --Werror probes/*.c probes/*/*.c harness/*.c \
		harness/*.h tests/unit/*.c tests/probes/*.[ch] tests/fuzz/*.c

install: all
	install -D -m 0755 $(BUILD)/hardprobe $(DESTDIR)$(PREFIX)/bin/hardprobe
	install -D -m 0644 $(BUILD)/hardprobe-image.tar \
		$(DESTDIR)$(PREFIX)/share/hardprobe/hardprobe-image.tar
	install -D -m 0644 doc/hardprobe.1 \
		$(DESTDIR)$(PREFIX)/share/man/man1/hardprobe.1
	install -D -m 0644 doc/hardprobe.5 \
		$(DESTDIR)$(PREFIX)/share/man/man5/hardprobe.5
	install -d $(DESTDIR)$(PREFIX)/share/hardprobe/cases
	install -m 0644 cases/*.profile cases/*.json \
		$(DESTDIR)$(PREFIX)/share/hardprobe/cases/

deps:
	bash scripts/install-deps.sh

clean:
	rm -rf $(BUILD)
