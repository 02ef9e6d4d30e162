/* fold.h: case and accent folding as the analyzer does it (utf8proc's
 * case folding and composition, marks stripped for the accent-folded form),
 * ASCII and two-byte letters by a table utf8proc fills once. Thread-safe;
 * nothing is kept between calls. */
#ifndef FAQ_FOLD_H
#define FAQ_FOLD_H

#include <stddef.h>
#include <utf8proc.h>

/* Case- and accent-fold text into out (NUL-terminated, at most cap bytes);
 * Arabic as it is typed too: the tatweel dropped, teh marbuta as heh, alef
 * maqsura as yeh. Returns the folded length, or -1 on invalid UTF-8 or
 * when cap is short. */
long fold_text(const char *text, size_t len, char *out, size_t cap);

/* The same, case only: accents kept ("Cópia" -> "cópia"), as token.lower. */
long fold_case(const char *text, size_t len, char *out, size_t cap);

/* Fold s, len bytes of valid UTF-8 (not checked), into out as fold_text
 * (strip_accents) or fold_case do, with cps (cps_cap code points, three a
 * byte of s at most) as the caller's scratch: for a caller that folds many
 * short pieces. Returns the folded length, or -1 when out or cps is short. */
long fold_into(utf8proc_int32_t *cps, size_t cps_cap, const char *s, size_t len,
               char *out, size_t cap, int strip_accents);

/* Word w (n bytes of a folded token, cap bytes of room) with the middle
 * dots the analyzer keeps inside it (Catalan's l·l: U+00B7, U+2027 or a
 * period) all written U+00B7, in place: its new length, or -1 when cap is
 * short. A token holds no other period or U+2027. */
long fold_middot(char *w, size_t n, size_t cap);

/* Folded word w (n bytes, valid UTF-8) with the letters a keyboard lacks
 * and accent folding leaves as they are (they are letters of their own,
 * not a letter and a mark) typed as the plain ones people put for them:
 * "ø" as "o" ("ror" for "rør"), "æ" as "ae", "œ" as "oe", "ł" as "l",
 * "đ" and "ð" as "d", "þ" as "th", "ı" as "i", and Catalan's "l·l" as
 * "ll" (its middle dot dropped: "allegacio" for "al·legació"). Into out (cap bytes,
 * NUL-ended): its length, or -1 when w has none of them or out is short. */
long fold_bare(const char *w, size_t n, char *out, size_t cap);

/* fold_bare(), with Catalan's "l·l" as one l, as those who write Spanish
 * type it ("anular" for "anul·lar", "inteligent" for "intel·ligent"). */
long fold_bare_ell(const char *w, size_t n, char *out, size_t cap);

#endif
