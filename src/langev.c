/* langev.c: the question's language from the index's evidence (see
 * langev.h). */
#include "langev.h"

#include "index_internal.h"
#include "qmemo.h"
#include "typo.h"
#include "utf8.h"

/* A word of language l's dictionaries that translates into the FAQ's
 * (translate.h): all the vocabulary a language the index is only asked in
 * shows besides its stop words. (A language of the FAQ has its own: its
 * dictionary words too would count the cognates the languages share.) */
static int translates(const search_ctx *c, uint32_t l, const qtok *t)
{
    if (!c->ix->n_xlates || !c->p->use_translation || c->ix->langs[l].n_faq)
        return 0;
    size_t n;
    const char *stem = analyzer_stem(c->an[l], t->word, t->word_len, &n);
    if (!stem || !n || utf8_digit_count(stem, n) > search_model_lang_digits(c->m, l))
        return 0;
    return ix_find_xlate(c->ix, l, stem, n) != IX_NONE;
}

/* What the thread remembers of t (qmemo.h), its languages (bit l:
 * language l) found now if it did not. */
static qmemo_word word_facts(const search_ctx *c, const qtok *t)
{
    qmemo_word f = {0};
    if (c->memo && qmemo_word_get(c->memo, t->word, t->word_len, &f) && (f.known & QMEMO_LANGS))
        return f;
    /* A word with more digits than any word of language l's tables holds
     * is in none of them (the counter of a distinct question, "200017",
     * against the seed's "2020"): each lookup finds a word by its bytes,
     * length and memcmp, so a word found has the digits of the word looked
     * for; the translations are looked up by the stem, whose digits are
     * counted apart (a number is its own stem, analyzer_stem()). The
     * words' lookups are skipped, never a word that could be found. */
    size_t digits = utf8_digit_count(t->word, t->word_len);
    for (uint32_t l = 0; l < c->ix->n_langs; l++)
        if (((!digits || digits <= search_model_lang_digits(c->m, l)) &&
             (search_model_lang_word(c->m, l, t->word, t->word_len) ||
              ix_find_word(c->ix, l, t->word, t->word_len) != IX_NONE)) ||
            translates(c, l, t))
            f.langs |= 1ull << l;
    f.known |= QMEMO_LANGS;
    if (c->memo)
        qmemo_word_put(c->memo, t->word, t->word_len, &f);
    return f;
}

/* Is t a word an edit away from one of language l's, as the thread
 * remembers it (*f, put back when it learns it) or found now? The unknown
 * words of close calls come back ("receta", "paella", a slip). */
static int near_word(const search_ctx *c, uint32_t l, const qtok *t, qmemo_word *f)
{
    if ((f->near_asked >> l) & 1)
        return (f->near >> l) & 1;
    typo_vocab v;
    search_model_vocab(c->m, l, SEARCH_VOCAB_WORDS, &v);
    typo_match m[1];
    int near = typo_search(&v, t->word, t->word_len, 1, m, 1) > 0;
    f->near_asked |= 1ull << l;
    if (near)
        f->near |= 1ull << l;
    if (c->memo)
        qmemo_word_put(c->memo, t->word, t->word_len, f);
    return near;
}

/* Which language's vocabulary the question's words fall in: stop words are
 * the strongest evidence (function words are what tells "que" from "what"),
 * content words in the vocabulary next. The conversation's language gets a
 * head start so that "ok" or a bare name does not flip it. */
uint32_t langev_detect(const search_ctx *c, langid *li, int prev, const char *q, size_t len)
{
    const faq_index *ix = c->ix;
    const search_params *p = c->p;
    const query *s = c->q;
    double ev[FAQ_MAX_LANGS];
    qmemo_word facts[FAQ_MAX_QUERY_TERMS * 2];
    _Static_assert(FAQ_MAX_LANGS <= 64, "a word's languages are the bits of a uint64_t");
    _Static_assert(sizeof facts / sizeof *facts == sizeof s->toks / sizeof *s->toks, "a token each");
    for (int i = 0; i < s->n_toks; i++)
        facts[i] = word_facts(c, &s->toks[i]);
    uint32_t known = 0;         /* tokens some language knows, by bit */
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        ev[l] = (int)l == prev ? p->lang_prev_head : 0;
        /* most who ask a FAQ ask in one of its languages: one it is only
         * asked in (translate.h) has to show more */
        if (ix->langs[l].n_faq)
            ev[l] += p->lang_faq_head;
        for (int i = 0; i < s->n_toks; i++) {
            /* function words tell "que" from "what"; then its vocabulary,
             * its small talk ("gracias") and its synonyms ("obligatorio") */
            if ((facts[i].langs >> l) & 1) {
                ev[l] += p->lang_hit;
                if (i < FAQ_MAX_QUERY_TERMS)
                    known |= 1u << i;
            }
        }
    }
    /* the signs it is written with: "¿", "ñ", "ã", "ß" */
    const char *codes[FAQ_MAX_LANGS];
    double sign[FAQ_MAX_LANGS];
    for (uint32_t l = 0; l < ix->n_langs; l++)
        codes[l] = ix->langs[l].code;
    langid_signs(q, len, codes, (int)ix->n_langs, sign);
    for (uint32_t l = 0; l < ix->n_langs; l++)
        ev[l] += sign[l];
    /* a close call with a word no language knows, misspelt: of the
     * languages in the running, the one with a word an edit away is
     * likelier ("aderri" is Portuguese "aderir") */
    double top1 = -1, top2 = -1;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        if (ev[l] > top1) {
            top2 = top1;
            top1 = ev[l];
        } else if (ev[l] > top2) {
            top2 = ev[l];
        }
    }
    int close = top2 >= 0 && top1 - top2 < p->lang_close;
    for (int i = 0; i < s->n_toks && i < FAQ_MAX_QUERY_TERMS && close; i++) {
        const qtok *t = &s->toks[i];
        if ((known >> i) & 1)
            continue;
        if (typo_budget(utf8_length(t->word, t->word_len)) == 0)
            continue;
        for (uint32_t l = 0; l < ix->n_langs; l++) {
            if (top1 - ev[l] >= p->lang_close)
                continue;
            if (near_word(c, l, t, &facts[i]))
                ev[l] += p->lang_typo_hit;
        }
    }
    /* a close call on a longer question: ask the n-gram models too */
    uint32_t a = 0, b = UINT32_MAX;
    for (uint32_t l = 1; l < ix->n_langs; l++)
        if (ev[l] > ev[a])
            a = l;
    for (uint32_t l = 0; l < ix->n_langs; l++)
        if (l != a && (b == UINT32_MAX || ev[l] > ev[b]))
            b = l;
    if (b != UINT32_MAX && ev[a] - ev[b] < p->lang_close && s->n_toks >= p->lang_ngram_min_words) {
        char guess[2][8];
        int n = langid_guess(li, q, len, guess, 2);
        for (int i = 0; i < n; i++) {
            int l = faq_index_lang_find(ix, guess[i]);
            if (l >= 0)
                ev[l] += i == 0 ? p->lang_ngram_first : p->lang_ngram_second;
        }
    }
    /* ties: the conversation's language, else the one with most entries */
    uint32_t best = prev >= 0 ? (uint32_t)prev : 0;
    if (prev < 0)
        for (uint32_t l = 0; l < ix->n_langs; l++)
            if (ix->langs[l].n_faq > ix->langs[best].n_faq)
                best = l;
    for (uint32_t l = 0; l < ix->n_langs; l++)
        if (ev[l] > ev[best] + 1e-9)
            best = l;
    return best;
}
