/* index_shown.h: the SHOWNTEXT and SHOWN sections (index_format.h): each
 * entry's id, question, answer and answer HTML as the answer object writes
 * them, rendered and escaped once at index time rather than on every
 * request. Made when the file is put together, from the texts the build
 * spilled, an entry at a time, straight into the file: they are the
 * largest part of an index, and so are written once. */
#ifndef FAQ_INDEX_SHOWN_H
#define FAQ_INDEX_SHOWN_H

#include "index_out.h"
#include "index_spill.h"

/* SHOWNTEXT's bytes into o's current section, for each ix_entry of entries
 * (whose id, question and file lie in head, its answer in answers at its
 * offset there), and SHOWN's records into shown. Returns 0, or -1 when a
 * spill failed (its err) or memory ran out. */
int shown_write(ix_out *o, spill *entries, spill *head, spill *answers, spill *shown);

#endif
