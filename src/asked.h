/* asked.h: questions asked twice, case and accents aside: each question
 * kept as a hash of its folded text, with where it was first asked. The
 * index warns of a FAQ question another entry of its language asks, CSV
 * import of a question asked again in another row's entry; both ask here. */
#ifndef FAQ_ASKED_H
#define FAQ_ASKED_H

#include <stddef.h>
#include <stdint.h>

/* Where a question was asked: the line, the file (an index into the set's
 * file names) and the entry it belongs to. */
typedef struct asked_place {
    uint32_t line, file, entry;
} asked_place;

typedef struct asked_slot {
    uint64_t h;                   /* 0: empty */
    asked_place first;
    asked_place other;            /* the first of an entry not first's; first while none */
} asked_slot;

/* Zeroed is empty. */
typedef struct asked_set {
    asked_slot *slots;            /* open addressing */
    size_t cap, n;
    char **files;
    size_t n_files, cap_files;
} asked_set;

/* The earliest place question q (qn bytes of valid UTF-8) was asked in an
 * entry other than entry, or NULL when there is none; q is then kept, at
 * line of file (NULL: no file names kept) in entry. A set keeps a bounded
 * number of questions: later ones are compared with those. -1 in *oom when
 * memory runs out (and NULL). */
const asked_place *asked_before(asked_set *a, const char *q, size_t qn, const char *file, unsigned line,
                                uint32_t entry, int *oom);

/* The name of the file a place is in, as asked_before() was given it. */
const char *asked_file(const asked_set *a, const asked_place *at);

/* Frees the set; it is empty after. */
void asked_clear(asked_set *a);

#endif
