/* index_end.c: the end of an index build (index_build.h): once every
 * entry is in, the terms and words numbered for good, the postings sorted
 * and encoded a run of terms at a time (index_encode.h), the words with
 * their dictionary verdicts, the translation tables (index_xlate.h) and
 * the hash tables. */
#include "index_build.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_encode.h"
#include "lemma.h"
#include "spellings.h"
#include <utf8proc.h>
#include "translate.h"

static int count_rec(void *ctx, posting_rec r)
{
    ((uint32_t *)ctx)[r.term + 1]++;
    return 0;
}

/* The languages a group lacks: those of the index it has no entry in,
 * when one of its entries is a FAQ entry (else none). */
static uint64_t row_lacks(const ixb *ib, const uint32_t *row)
{
    if (!row[ib->n_dirs])
        return 0;
    uint64_t all = ib->n_langs >= 64 ? ~0ull : (1ull << ib->n_langs) - 1, has = 0;
    for (uint32_t l = 0; l < ib->n_langs; l++)
        if (row[l])
            has |= 1ull << l;
    return ~has & all;
}

/* The languages some FAQ group lacks, into ib->lacks_any: a pass over the
 * groups' table. Returns 0 or -1. */
static int find_lacks(ixb *ib)
{
    ib->lacks_any = 0;
    for (uint32_t g = 0; g < ib->n_groups; g++) {
        const uint32_t *row = table_at(&ib->groups, g, 0);
        if (!row)
            return -1;
        ib->lacks_any |= row_lacks(ib, row);
    }
    return 0;
}

/* What the records are joined with, entry by entry: records come in the
 * order of their entries, and so do the entries' lengths and groups in
 * the lens spill, read forward. */
typedef struct rec_join {
    ixb *ib;
    spill_window w;
    uint32_t entry;               /* the one in el, or UINT32_MAX: none yet */
    entry_lens el;
    uint64_t lacks;               /* what its group lacks */
    const double *avg_q, *avg_a;
    int failed;
} rec_join;

/* A record of entry r->group made one of its group, with its posting's
 * byte; the languages the group lacks go to its term's LACKING. */
static int join_rec(void *ctx, posting_rec *r)
{
    rec_join *j = ctx;
    ixb *ib = j->ib;
    if (r->group != j->entry) {
        const unsigned char *p = spill_view(&ib->lens, &j->w, (uint64_t)r->group * sizeof j->el,
                                            sizeof j->el);
        if (!p)
            goto failed;
        memcpy(&j->el, p, sizeof j->el);
        j->entry = r->group;
        if (ib->lacking) {
            const uint32_t *row = table_at(&ib->groups, j->el.group, 0);
            if (!row)
                goto failed;
            j->lacks = row_lacks(ib, row);
        }
    }
    uint32_t lang = ib->an[0].terms.langs[ib->term_order[r->term]];
    r->byte = posting_byte(r->tf_q, r->tf_a, j->el.qlen, j->el.alen, j->avg_q[lang], j->avg_a[lang]);
    r->group = j->el.group;
    if (ib->lacking)
        ib->lacking[r->term] |= j->lacks;
    return 0;
failed:
    j->failed = 1;
    return -1;
}

/* The failure of the runs (errno) or of the join. */
static void fail_runs(ixb *ib, const rec_join *j)
{
    int e = ib->lens.err ? ib->lens.err : ib->groups.file.err;
    if (j->failed && !e)
        ixb_fail_oom(ib);
    else
        ixb_fail_spill(ib, e ? e : errno);
}

/* The postings: the records by final term number, joined, a run of terms
 * at a time (one run when they fit in the budget), each run
 * counting-sorted, each term's encoded into the POSTINGS spill. */
static void make_postings(ixb *ib)
{
    const ana *a = &ib->an[0];
    uint32_t *post_start = calloc((size_t)ib->n_terms + 2, sizeof *post_start);
    ib->terms = calloc((size_t)ib->n_terms + 1, sizeof *ib->terms);
    if (!post_start || !ib->terms) {
        free(post_start);
        ixb_fail_oom(ib);
        return;
    }
    rec_runs rp;
    memset(&rp, 0, sizeof rp);
    posting_rec *sorted = NULL;
    double *avg_q = calloc(ib->n_langs + 1, sizeof *avg_q), *avg_a = calloc(ib->n_langs + 1, sizeof *avg_a);
    rec_join j = {ib, {0}, UINT32_MAX, {0, 0, 0}, 0, avg_q, avg_a, 0};
    if (!avg_q || !avg_a) {
        ixb_fail_oom(ib);
        goto out;
    }
    for (uint32_t l = 0; l < ib->n_langs; l++) {
        if (ib->langs[l].n_faq) {
            avg_q[l] = ib->sum_q[l] / ib->langs[l].n_faq;
            avg_a[l] = ib->sum_a[l] / ib->langs[l].n_faq;
        }
        if (avg_q[l] < 1) avg_q[l] = 1;
        if (avg_a[l] < 1) avg_a[l] = 1;
    }
    if (find_lacks(ib) != 0) {
        ixb_fail_spill(ib, ib->groups.file.err);
        goto out;
    }
    if (ib->lacks_any && !(ib->lacking = calloc((size_t)ib->n_terms + 1, sizeof *ib->lacking))) {
        ixb_fail_oom(ib);
        goto out;
    }
    if (rec_store_each(&ib->recs, ib->term_rank, count_rec, post_start) != 0) {
        ixb_fail_spill(ib, ib->recs.file.err);
        goto out;
    }
    for (uint32_t t = 0; t < ib->n_terms; t++)
        post_start[t + 1] += post_start[t];
    size_t held = ixb_held_bytes(ib) + (size_t)ib->n_terms * (sizeof *ib->terms + 4 * sizeof(uint32_t));
    if (ib->lacking)
        held += (size_t)ib->n_terms * sizeof *ib->lacking;
    if (rec_runs_make(&rp, &ib->recs, ib->term_rank, post_start, ib->n_terms,
                      ixb_recs_limit(ib, held), join_rec, &j) != 0) {
        fail_runs(ib, &j);
        goto out;
    }
    uint64_t text_at = ib->lang_text.len;
    for (uint32_t t = 0; t < ib->n_terms; t++) {
        if (t == rp.first[rp.at]) {   /* the next run: its records, joined and sorted */
            free(sorted);
            if (!(sorted = rec_runs_load(&rp, &ib->recs, ib->term_rank, post_start))) {
                fail_runs(ib, &j);
                goto out;
            }
        }
        uint32_t v = ib->term_order[t];
        ix_term *it = &ib->terms[t];
        it->text = (ix_str){(uint32_t)text_at, a->terms.keys[v].len};
        text_at += it->text.len;
        it->lang = a->terms.langs[v];
        posting_rec *r = sorted + (post_start[t] - post_start[rp.first[rp.at - 1]]);
        if (encode_postings(&ib->post, it, r, post_start[t + 1] - post_start[t],
                            ib->langs[it->lang].n_faq) != 0) {
            if (ib->post.err)
                ixb_fail_spill(ib, ib->post.err);
            else
                ixb_fail_oom(ib);
            goto out;
        }
        if (it->lang < ib->n_langs) {
            if (!ib->langs[it->lang].term_count)
                ib->langs[it->lang].term_first = t;
            ib->langs[it->lang].term_count++;
        }
    }
out:
    free(sorted);
    spill_window_free(&j.w);
    rec_runs_free(&rp);
    rec_store_free(&ib->recs);
    spill_close(&ib->lens);
    free(post_start);
    free(avg_q);
    free(avg_a);
}

/* The words, each with its stem's final number and the dictionary's
 * verdict on it. */
static void make_words(ixb *ib)
{
    const ana *a = &ib->an[0];
    ib->words = calloc((size_t)ib->n_words + 1, sizeof *ib->words);
    if (!ib->words) {
        ixb_fail_oom(ib);
        return;
    }
    uint64_t text_at = ib->lang_text.len;
    for (uint32_t t = 0; t < ib->n_terms; t++)
        text_at += ib->terms[t].text.len;
    for (uint32_t w = 0; w < ib->n_words; w++) {
        uint32_t v = ib->word_order[w];
        ix_word *iw = &ib->words[w];
        ix_str k = a->words.keys[v];
        iw->text = (ix_str){(uint32_t)text_at, k.len};
        text_at += k.len;
        iw->lang = a->words.langs[v];
        iw->term = ib->term_rank[a->winfo[v].term];
        iw->df = a->winfo[v].df;
        iw->lemma = a->winfo[v].lemma == UINT32_MAX ? IX_NONE : ib->term_rank[a->winfo[v].lemma];
        iw->dict = ib->word_dict[w];
        if (!ib->langs[iw->lang].word_count)
            ib->langs[iw->lang].word_first = w;
        ib->langs[iw->lang].word_count++;
    }
}

/* Each word's dictionary verdict, then the dictionaries let go: their
 * memory (ten megabytes or more each) goes to the postings and the
 * translations, which come after. */
static void judge_words(ixb *ib)
{
    ana *a = &ib->an[0];
    if (!(ib->word_dict = calloc((size_t)ib->n_words + 1, 1))) {
        ixb_fail_oom(ib);
        return;
    }
    for (uint32_t w = 0; w < ib->n_words; w++) {
        uint32_t v = ib->word_order[w];
        ix_str k = a->words.keys[v];
        lexicon *lx = a->lex[a->words.langs[v]];
        if (lx)
            ib->word_dict[w] = lexicon_knows(lx, (const char *)a->strings.p + k.off, k.len)
                                   ? IX_WORD_DICT_KNOWN : IX_WORD_DICT_LACKS;
    }
    ana_drop_dictionaries(a);
    lexicon_unload_unused();
}

/* Add each key of m (its bytes in text) to the spellings' map. Returns 0
 * or -1 (out of memory). */
static int add_spellings(keymap *to, bytes *to_text, const keymap *m, const bytes *text)
{
    for (size_t i = 0; i < m->count; i++) {
        int added;
        if (keymap_get(to, to_text, m->langs[i], (const char *)text->p + m->keys[i].off,
                       m->keys[i].len, &added) == UINT32_MAX)
            return -1;
    }
    return 0;
}

/* Add w (n bytes) and w with its first letter a capital to the spellings'
 * map. Returns 0 or -1 (out of memory). */
static int add_both_cases(keymap *to, bytes *to_text, uint32_t lang, const char *w, size_t n)
{
    int added;
    if (keymap_get(to, to_text, lang, w, n, &added) == UINT32_MAX)
        return -1;
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &c);
    utf8proc_uint8_t up[4 + FAQ_MAX_TERM_BYTES * 4];
    if (k <= 0 || utf8proc_toupper(c) == c || n - (size_t)k > sizeof up - 4)
        return 0;
    size_t e = (size_t)utf8proc_encode_char(utf8proc_toupper(c), up);
    memcpy(up + e, w + k, n - (size_t)k);
    return keymap_get(to, to_text, lang, (const char *)up, e + n - (size_t)k, &added) ==
                   UINT32_MAX
               ? -1
               : 0;
}

/* Add the words of a language pack's file (text): a stopwords.txt's stop
 * and question words, a synonyms.txt's members (phrases too, one slot of a
 * question: "para qué sirve"), each as the file writes it and capitalised.
 * The corpus's words leave the stop words out, but the names an answer
 * lists are asked of every capitalised word ("Sie"). Returns 0 or -1 (out
 * of memory). */
static int add_pack_spellings(keymap *to, bytes *to_text, uint32_t lang, const char *text)
{
    for (const char *p = text; p && *p;) {
        size_t n = strcspn(p, "\n");
        size_t used = *p == '#' || *p == '!' ? 0 : strcspn(p, "#\n");
        for (const char *m = p + (*p == '?'), *end = p + used; m < end;) {
            size_t len = strcspn(m, ",#\n");
            const char *next = m + len + 1;
            while (len && (*m == ' ' || *m == '\t')) {
                m++;
                len--;
            }
            while (len && (m[len - 1] == ' ' || m[len - 1] == '\t' || m[len - 1] == '\r'))
                len--;
            if (len && add_both_cases(to, to_text, lang, m, len) != 0)
                return -1;
            m = next;
        }
        p += n + (p[n] == '\n');
    }
    return 0;
}

/* SPELLINGS: the dictionaries' verdicts on the corpus's words, folded
 * (WORDS), in lower case with their accents (each thread's forms) and as
 * written where that is not in lower case ("Debian", "Paket"), and the
 * languages' stop words and synonyms (add_pack_spellings()), so that a
 * question of the FAQ's words needs no dictionary (spellings.h).
 * Made while both threads' forms and the dictionaries are at hand. */
static void judge_spellings(ixb *ib)
{
    keymap m = {0};
    bytes text = {0};
    uint32_t *order = NULL, *rank = NULL;
    spelling_key *keys = NULL;
    const char *codes[FAQ_MAX_LANGS];
    int rc = -1;
    if (keymap_init(&m) != 0 || add_spellings(&m, &text, &ib->an[0].words, &ib->an[0].strings) ||
        add_spellings(&m, &text, &ib->an[0].forms, &ib->an[0].form_text) ||
        add_spellings(&m, &text, &ib->an[1].forms, &ib->an[1].form_text) ||
        add_spellings(&m, &text, &ib->an[0].cased, &ib->an[0].cased_text) ||
        add_spellings(&m, &text, &ib->an[1].cased, &ib->an[1].cased_text))
        goto done;
    for (uint32_t l = 0; l < ib->n_langs; l++)
        if (ib->an[0].lex[l] && (add_pack_spellings(&m, &text, l, ib->stopwords[l]) != 0 ||
                                 add_pack_spellings(&m, &text, l, ib->synonyms[l]) != 0))
            goto done;
    if (text.oom || keymap_sort(&m, &text, &order, &rank) != 0 ||
        !(keys = malloc((m.count + 1) * sizeof *keys)))
        goto done;
    for (size_t i = 0; i < m.count; i++)
        keys[i] = (spelling_key){m.langs[order[i]], (const char *)text.p + m.keys[order[i]].off,
                                 m.keys[order[i]].len};
    for (uint32_t l = 0; l < ib->n_langs; l++)
        codes[l] = ib->langs[l].code;
    rc = spellings_make(keys, m.count, ib->an[0].lex, codes, ib->n_langs, &ib->spellings,
                        &ib->spellings_len);
done:
    if (rc != 0)
        ixb_fail_oom(ib);
    free(keys);
    free(order);
    free(rank);
    keymap_free(&m);
    free(text.p);
}

/* The build's final term t: translate.h's question. */
static void term_text(void *ctx, uint32_t t, uint32_t *lang, const char **s, size_t *n)
{
    const ixb *ib = ctx;
    const ana *a = &ib->an[0];
    uint32_t v = ib->term_order[t];
    *lang = a->terms.langs[v];
    *s = (const char *)a->strings.p + a->terms.keys[v].off;
    *n = a->terms.keys[v].len;
}

/* The translation tables, from every language of the index into each one
 * with FAQ entries; their keys go to STRINGS after the settings. */
static void make_translations(ixb *ib, uint64_t keys_at)
{
    translate_lang tl[FAQ_MAX_LANGS];
    for (uint32_t l = 0; l < ib->n_langs; l++)
        tl[l] = (translate_lang){ib->langs[l].code, ib->stopwords[l], ib->synonyms[l],
                                 ib->langs[l].n_faq > 0, (int)(ib->lacks_any >> l & 1)};
    if (xlate_parts_make(&ib->xp, tl, ib->n_langs, ib->n_terms, term_text, ib, keys_at, ib->msg,
                         sizeof ib->msg) != 0)
        ib->rc = -1;
    else if (keys_at + ib->xp.xt.keys_len > UINT32_MAX)
        ixb_fail(ib, "the corpus's terms and words are too many for one index (%llu bytes, at most %u)",
                 (unsigned long long)(keys_at + ib->xp.xt.keys_len), UINT32_MAX);
}

/* Numbers for good, the postings, the words, the translations and the
 * hash tables. */
void ixb_end(ixb *ib)
{
    if (ib->rc)
        return;
    if (ib->n_entries > FAQ_MAX_ENTRIES) {
        ixb_fail(ib, "too many entries (%llu, at most %u)", (unsigned long long)ib->n_entries,
             FAQ_MAX_ENTRIES);
        return;
    }
    if (spill_size(&ib->ewords) / sizeof(uint32_t) > UINT32_MAX) {   /* EWORDOFF is u32 */
        ixb_fail(ib, "too many words in the entries for one index (at most %u)", UINT32_MAX);
        return;
    }
    ana *a = &ib->an[0];
    judge_spellings(ib);
    if (ib->rc)
        return;
    ana_free(&ib->an[1]);   /* its terms and words are the first's now */
    ib->n_groups = (uint32_t)ib->ids.count;
    id_map_end_lookups(&ib->ids);   /* its slots' cache to the postings */
    ib->n_terms = (uint32_t)a->terms.count;
    ib->n_words = (uint32_t)a->words.count;
    uint64_t strings_len = ib->lang_text.len + a->strings.len + (ib->settings ? strlen(ib->settings) : 0);
    if (strings_len > UINT32_MAX) {   /* STRINGS' offsets are u32 */
        ixb_fail(ib, "the corpus's terms and words are too many for one index (%llu bytes, at most %u)",
                 (unsigned long long)strings_len, UINT32_MAX);
        return;
    }
    if (keymap_sort(&a->terms, &a->strings, &ib->term_order, &ib->term_rank) != 0 ||
        keymap_sort(&a->words, &a->strings, &ib->word_order, &ib->word_rank) != 0) {
        ixb_fail_oom(ib);
        return;
    }
    judge_words(ib);
    if (ib->rc)
        return;
    make_postings(ib);
    if (ib->rc)
        return;
    make_words(ib);
    if (ib->rc)
        return;
    make_translations(ib, strings_len);
    if (ib->rc)
        return;
    ib->term_hash = keymap_hash_table(&a->terms, &a->strings, ib->term_order, &ib->th_cap);
    ib->word_hash = keymap_hash_table(&a->words, &a->strings, ib->word_order, &ib->wh_cap);
    if (!ib->term_hash || !ib->word_hash)
        ixb_fail_oom(ib);
}
