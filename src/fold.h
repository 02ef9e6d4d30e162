/* fold.h: case and accent folding of UTF-8 text, as the analyzer and the
 * dictionaries' callers compare words: utf8proc's case folding (and
 * stripping of marks), with a table for ASCII and the two-byte letters
 * that are nearly all of a European FAQ. No state but that table, made
 * once; thread-safe. */
#ifndef FAQ_FOLD_H
#define FAQ_FOLD_H

#include <stddef.h>
#include <utf8proc.h>

/* Case- and accent-fold text into out (NUL-terminated, at most cap bytes).
 * Returns the folded length, or -1 on invalid UTF-8 or when cap is short. */
long fold_text(const char *text, size_t len, char *out, size_t cap);

/* The same, case only: accents kept ("Cópia" -> "cópia"), as token.lower. */
long fold_case(const char *text, size_t len, char *out, size_t cap);

/* Fold one piece of valid UTF-8 (s, len bytes) into out as fold_text()
 * (strip_accents) or fold_case() do, with cps (cps_cap code points) as
 * scratch: no allocation. Returns the length, or -1 when out or cps is
 * short. */
long fold_into(utf8proc_int32_t *cps, size_t cps_cap, const char *s, size_t len, char *out,
               size_t cap, int strip_accents);

#endif
