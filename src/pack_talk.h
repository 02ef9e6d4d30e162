/* pack_talk.h: the small talk of the language packs an index lacks, said
 * whole. A FAQ in Spanish alone is greeted in Catalan ("bona tarda"): the
 * index holds no Catalan (no folder, no dictionary linking it), so the
 * words are no language's and the question was declined, in English's
 * stead or the FAQ's. Said whole, a pack's phrase is small talk all the
 * same, and the small talk of that id answers it in a language the FAQ has.
 */
#ifndef FAQ_PACK_TALK_H
#define FAQ_PACK_TALK_H

#include <stddef.h>

#include "index_read.h"

typedef struct pack_talk pack_talk;

/* The phrases (questions and alternates) of the small talk of every pack
 * whose language ix lacks, and of ix's own small talk, into *out (the caller's, pack_talk_free()).
 * 0, or -1 with *out NULL when out of memory or a pack would not parse
 * (the message in err). */
int pack_talk_new(const faq_index *ix, pack_talk **out, char *err, size_t errlen);

/* The id of the small talk that question q (len bytes of valid UTF-8) is,
 * said whole (case, accents, punctuation and spacing aside: "¡Bona
 * tarda!"), with its length in *id_len; NULL when it is none, or when the
 * index's own small talk says q whole too ("hola" of a FAQ in Spanish: its
 * own reading stands). Valid until pack_talk_free(). */
const char *pack_talk_find(const pack_talk *pt, const char *q, size_t len, size_t *id_len);

void pack_talk_free(pack_talk *pt);

#endif
