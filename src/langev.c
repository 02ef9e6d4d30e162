/* langev.c: the question's language from the index's evidence (see
 * langev.h). */
#include "langev.h"

#include "fold.h"
#include "index_internal.h"
#include "index_postings.h"
#include "qmemo.h"
#include "query.h"
#include "typo.h"
#include "utf8.h"

/* Can a word count for language l through its dictionaries (translate.h)?
 * Only in a language the index is only asked in: the dictionary words are
 * all the vocabulary such a language shows besides its stop words. (A
 * language of the FAQ has its own: its dictionary words too would count
 * the cognates the languages share.) */
static int may_translate(const search_ctx *c, uint32_t l)
{
    return c->ix->n_xlates && c->p->use_translation && !c->ix->langs[l].n_faq;
}

/* A word of language l's dictionaries (l may_translate()) that translates
 * into the FAQ's: a Snowball stem, then a lookup. */
static int translates(const search_ctx *c, uint32_t l, const qtok *t)
{
    size_t n;
    const char *stem = analyzer_stem(c->an[l], t->word, t->word_len, &n);
    if (!stem || !n)
        return 0;
    /* a stem without digits fits any language's count: the count, a pass
     * over the language's words and translations, is made only for one
     * with digits */
    size_t digits = utf8_digit_count(stem, n);
    if (digits && digits > search_model_lang_digits(c->m, l))
        return 0;
    return ix_find_xlate(c->ix, l, stem, n) != IX_NONE;
}

/* Is raw (raw_len bytes) folded word w (n bytes) as it is, with no mark
 * folding drops ("is", not "iş" or "İş")? */
static int written_plain(const char *raw, size_t raw_len, const char *w, size_t n)
{
    char lower[QUERY_WORD_BYTES];
    long k = fold_case(raw, raw_len, lower, sizeof lower);
    return k == (long)n && memcmp(lower, w, n) == 0;
}

/* The walk of marked_only(): the FAQ's spellings of one folded word. */
typedef struct marked_walk {
    const char *w;
    size_t n;
    int marked;                 /* a spelling with a mark folding drops seen */
} marked_walk;

static int marked_token(void *ctx, const token *t)
{
    marked_walk *mw = ctx;
    if (t->word_len != mw->n || memcmp(t->word, mw->w, mw->n) != 0)
        return 0;
    if (written_plain(t->raw, t->raw_len, mw->w, mw->n))
        return 1;               /* a plain spelling: the walk stops */
    mw->marked = 1;
    return 0;
}

/* The first of words[k..to) that is word number wi, or to. The entries'
 * words hold a few hundred words each: eight compared at a time, OR'd
 * without a branch a word (vector compares for the compiler), then the
 * block with it word by word. */
static size_t next_word(const uint32_t *words, size_t k, size_t to, uint32_t wi)
{
    for (; k + 8 <= to; k += 8) {
        unsigned hit = 0;
        for (int j = 0; j < 8; j++)
            hit |= words[k + j] == wi;
        if (hit)
            break;
    }
    for (; k < to; k++)
        if (words[k] == wi)
            return k;
    return to;
}

/* Does entry e (of the word's language) write the word only with a mark
 * folding drops? 1 marked, 0 not holding it, -1 a plain spelling (or a
 * stream out of shape). */
static int entry_marked(const search_ctx *c, uint32_t e, uint32_t wi, marked_walk *mw)
{
    const faq_index *ix = c->ix;
    size_t to = ix->ewords_off[e + 1];
    if (next_word(ix->ewords, ix->ewords_off[e], to, wi) == to)
        return 0;
    for (int which = 0; which < ENTRY_STREAM_TEXTS; which++)
        if (query_entry_run(c, e, which, 1, 1, marked_token, mw) != 0)
            return -1;
    return 1;
}

/* Does the FAQ write folded word w (n bytes, word number wi of language l)
 * only with a mark that folding drops ("iş" for "is"), never as it is?
 * The entries holding it (EWORDS: their questions and answers) are walked,
 * their alternate phrasings too; asked only of a word another language
 * knows as it is typed, and remembered per word (qmemo). The entries are
 * those of its stem's postings, each group's entry in l: a scan of every
 * entry's word list for it cost as much as the walk itself on the Debian
 * FAQ in five languages (docs/quality.md). */
static int marked_only(const search_ctx *c, uint32_t l, uint32_t wi, const char *w, size_t n)
{
    const faq_index *ix = c->ix;
    marked_walk mw = {.w = w, .n = n};
    uint32_t term = ix->words[wi].term;
    if (term == IX_NONE) {
        for (uint32_t e = 0; e < ix->n_entries; e++)
            if (ix->entries[e].lang == l && entry_marked(c, e, wi, &mw) < 0)
                return 0;
        return mw.marked;
    }
    postings_cursor pc;
    for (postings_open(&pc, ix, term); pc.group != POSTINGS_END; postings_next(&pc)) {
        uint32_t e = ix->groups[(size_t)pc.group * ix->n_langs + l];
        if (e != IX_NONE && entry_marked(c, e, wi, &mw) < 0)
            return 0;
    }
    return mw.marked;
}

/* Is t a word longer than language l's cut whose cut is one of l's
 * stems, l a language with no stemmer? */
static int cut_word(const search_ctx *c, uint32_t l, const qtok *t)
{
    if (!analyzer_cuts(c->an[l]) || utf8_length(t->word, t->word_len) <= ANALYZER_FALLBACK_PREFIX)
        return 0;
    size_t n;
    const char *stem = analyzer_stem(c->an[l], t->word, t->word_len, &n);
    return stem && n && ix_find_term(c->ix, l, stem, n) != IX_NONE;
}

/* What the thread remembers of t (qmemo.h), its languages (bit l:
 * language l) found now if it did not: all but the languages whose
 * dictionaries could still hold it, left open (the stem is the dear part,
 * looked up only where the outcome needs it: settle_word()). */
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
     * counted apart (a number is its own stem, analyzer_stem()); the
     * list of words typed without a letter the keyboard lacks has its own
     * count. The words' lookups are skipped, never a word that could be
     * found. */
    size_t digits = utf8_digit_count(t->word, t->word_len);
    /* the languages whose stop, question or pack words hold it as it is */
    uint64_t exact = 0;
    for (uint32_t l = 0; l < c->ix->n_langs; l++)
        if ((!digits || digits <= search_model_lang_digits(c->m, l)) &&
            search_model_lang_word(c->m, l, t->word, t->word_len))
            exact |= 1ull << l;
    for (uint32_t l = 0; l < c->ix->n_langs; l++) {
        uint64_t bit = 1ull << l;
        uint32_t wi = IX_NONE;
        if (exact & bit) {
            f.langs |= bit;
        } else if ((!digits || digits <= search_model_lang_digits(c->m, l)) &&
                   (wi = ix_find_word(c->ix, l, t->word, t->word_len)) != IX_NONE) {
            f.langs |= bit;
            /* "is" of a Turkish FAQ is its "iş", and an English stop
             * word as typed: read as Turkish only through a mark
             * folding dropped, weak beside the word as it stands */
            if ((exact & ~bit) && marked_only(c, l, wi, t->word, t->word_len))
                f.folded |= bit;
        }
        /* typed without a letter of the FAQ's the keyboard lacks: "kjope"
         * is Norwegian "kjøpe", Danish "købe" */
        else if (c->p->use_bare_letters &&
                 (!digits || digits <= search_model_bare_digits(c->m, l)) &&
                 search_model_bare(c->m, l, SEARCH_VOCAB_WORDS, t->word, t->word_len,
                                   (uint32_t[1]){0}, 1)) {
            f.langs |= bit;
            if (exact & ~bit)
                f.folded |= bit;
        }
        /* typed in Latin letters: "zapisatsya" is Russian "записаться";
         * not a short word, which a Latin-letter language's may spell
         * ("do", "on" are "до", "он") */
        else if (c->p->use_translit && t->word_len >= (size_t)c->p->translit_min_chars &&
                 search_model_translit(c->m, l, t->word, t->word_len,
                                       (size_t)c->p->translit_min_chars,
                                       translit_skeleton_min(c->p), (int[1]){0},
                                       (uint32_t[1]){0}, 1))
            f.langs |= 1ull << l;
        /* a language with no stemmer: an inflected form the FAQ does not
         * write shows its language by its first letters as it meets its
         * entries by them (a word no longer than the cut was looked up
         * whole above) */
        else if (c->p->use_cut_lang_words && cut_word(c, l, t))
            f.langs |= bit;
        else if (may_translate(c, l))
            f.langs_open |= 1ull << l;
    }
    f.known |= QMEMO_LANGS;
    if (c->memo)
        qmemo_word_put(c->memo, t->word, t->word_len, &f);
    return f;
}

/* Look up open language l of token i's word in l's dictionaries, for every
 * token of the question that is the same word, and remember it. */
static void settle_word(const search_ctx *c, uint32_t l, int i, qmemo_word *facts)
{
    const query *s = c->q;
    const qtok *t = &s->toks[i];
    uint64_t bit = 1ull << l;
    int found = translates(c, l, t);
    for (int j = i; j < s->n_toks; j++) {
        const qtok *u = &s->toks[j];
        if (!(facts[j].langs_open & bit) || u->word_len != t->word_len ||
            memcmp(u->word, t->word, t->word_len) != 0)
            continue;
        facts[j].langs_open &= ~bit;
        if (found)
            facts[j].langs |= bit;
    }
    if (c->memo)
        qmemo_word_put(c->memo, t->word, t->word_len, &facts[i]);
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

/* Each language's evidence before the close calls, into ev: the heads,
 * a hit for each word of the language (its facts' langs, and its open
 * languages too when with_open), the signs. The same sums in the same
 * order either way: a sum of terms none negative, rounded, only grows
 * with a term more, so the evidence with_open is the most the open
 * lookups can make of each language, and exact for a language with none.
 * Returns the tokens some language knows, by bit. */
static uint32_t word_evidence(const search_ctx *c, int prev, const qmemo_word *facts,
                              const uint64_t *weak, const double *sign, int with_open,
                              double *ev)
{
    const search_params *p = c->p;
    uint32_t n_langs = c->ix->n_langs;
    uint64_t all = n_langs >= 64 ? ~0ull : (1ull << n_langs) - 1;
    /* function words tell "que" from "what"; then its vocabulary, its
     * small talk ("gracias") and its synonyms ("obligatorio"): a hit for
     * each word of a language, counted by the words' bits (a word is of
     * few languages) */
    uint32_t known = 0;
    int hits[FAQ_MAX_LANGS] = {0}, folded[FAQ_MAX_LANGS] = {0};
    for (int i = 0; i < c->q->n_toks; i++) {
        uint64_t langs = (facts[i].langs | (with_open ? facts[i].langs_open : 0)) & all;
        if (langs && i < FAQ_MAX_QUERY_TERMS)
            known |= 1u << i;
        for (; langs; langs &= langs - 1) {
            int l = __builtin_ctzll(langs);
            if ((weak[i] >> l) & 1)
                folded[l]++;
            else
                hits[l]++;
        }
    }
    for (uint32_t l = 0; l < n_langs; l++) {
        ev[l] = (int)l == prev ? p->lang_prev_head : 0;
        /* most who ask a FAQ ask in one of its languages: one it is only
         * asked in (translate.h) has to show more */
        if (c->ix->langs[l].n_faq)
            ev[l] += p->lang_faq_head;
        for (int k = 0; k < hits[l]; k++)     /* added one by one, as rounded before */
            ev[l] += p->lang_hit;
        for (int k = 0; k < folded[l]; k++)
            ev[l] += p->lang_folded_hit;
        ev[l] += sign[l];
        /* ablation: a language with no entry that no dictionary links
         * (translate_pack_langs()'s English) is never chosen */
        if (!p->use_unlinked_langs && !c->ix->langs[l].n_faq &&
            !search_model_translates(c->m, l))
            ev[l] = -1e9;
    }
    return known;
}

/* The language elected whatever the open lookups find (open: the
 * languages with one), or -1. hi: each language's most (word_evidence()
 * with_open). A language f with nothing open whose evidence is more than
 * 1e-9 above every other's most, and lang_close or more above the
 * runner-up's most, is above each other's real evidence by as much (a
 * difference rounded only grows with the first term and falls with the
 * second): no close call, no words an edit away, no n-gram guess, and the
 * ties' rule keeps it. */
static int elected(const search_ctx *c, const double *hi, uint64_t open)
{
    uint32_t n = c->ix->n_langs, f = 0;
    for (uint32_t l = 1; l < n; l++)
        if (hi[l] > hi[f])
            f = l;
    if ((open >> f) & 1)
        return -1;
    for (uint32_t l = 0; l < n; l++)
        if (l != f && !(hi[f] > hi[l] + 1e-9 && hi[f] - hi[l] >= c->p->lang_close))
            return -1;
    return (int)f;
}

/* A tie no context breaks: of the languages tied at top (ev), the one with
 * the most of the question's words an edit away from its own among those
 * none of them knows, or -1 (none, or as many for two). A word only a
 * language out of the tie knows settles nothing between them ("perdio" is
 * Italian, and Spanish "perdido" misspelt, in a Catalan and Spanish tie,
 * where a word known to any language is no typo to the close call). */
static int tie_by_near(const search_ctx *c, const double *ev, double top, qmemo_word *facts)
{
    uint64_t tied = 0;
    for (uint32_t l = 0; l < c->ix->n_langs; l++)
        if (ev[l] > top - 1e-9)
            tied |= 1ull << l;
    if (!(tied & (tied - 1)))
        return -1;              /* no tie */
    int near[FAQ_MAX_LANGS] = {0};
    for (int i = 0; i < c->q->n_toks && i < FAQ_MAX_QUERY_TERMS; i++) {
        const qtok *t = &c->q->toks[i];
        if ((facts[i].langs & tied) || typo_budget(utf8_length(t->word, t->word_len)) == 0)
            continue;
        for (uint64_t b = tied; b; b &= b - 1) {
            int l = __builtin_ctzll(b);
            near[l] += near_word(c, (uint32_t)l, t, &facts[i]);
        }
    }
    int best = -1, n_best = 0;
    for (uint64_t b = tied; b; b &= b - 1) {
        int l = __builtin_ctzll(b);
        if (best < 0 || near[l] > near[best]) {
            best = l;
            n_best = 1;
        } else if (near[l] == near[best]) {
            n_best++;
        }
    }
    return best >= 0 && near[best] > 0 && n_best == 1 ? best : -1;
}

/* The question's words as the n-gram models read them: a number is none
 * (textcat reads digits as spaces), so "cuánto dura 2024" is the two
 * words "cuánto dura" are, too short to ask them of, and a number added
 * to a question does not turn its language. */
static int ngram_words(const query *s)
{
    int n = 0;
    for (int i = 0; i < s->n_toks; i++)
        n += utf8_digit_count(s->toks[i].word, s->toks[i].word_len) < s->toks[i].word_len;
    return n;
}

/* Which language's vocabulary the question's words fall in: stop words are
 * the strongest evidence (function words are what tells "que" from "what"),
 * content words in the vocabulary next. The conversation's language gets a
 * head start so that "ok" or a bare name does not flip it. */
/* The reading of a question in a language the index does not hold, as its
 * letters tell (langid_question_foreign()): English, what the bot's
 * messages fall back to, whose decline names the FAQ's languages when it
 * holds no English; else a language the FAQ has no entry in; else -1, the
 * words decide as ever. */
static int foreign_reading(const faq_index *ix)
{
    int en = faq_index_lang_find(ix, "en");
    if (en >= 0)
        return en;
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++)
        if (!faq_index_lang_entries(ix, l))
            return (int)l;
    return -1;
}

uint32_t langev_detect(const search_ctx *c, langid *li, int prev, const char *q, size_t len)
{
    /* the letters it is written with: "¿", "ñ", "ã", "ß", "پ" */
    uint64_t signs = langid_text_signs(q, len);
    if (c->p->lang_foreign_letters > 0 &&
        langid_question_foreign(li, signs) >= c->p->lang_foreign_letters) {
        int l = foreign_reading(c->ix);
        if (l >= 0)
            return (uint32_t)l;
    }

    const faq_index *ix = c->ix;
    const search_params *p = c->p;
    const query *s = c->q;
    double ev[FAQ_MAX_LANGS];
    qmemo_word facts[FAQ_MAX_QUERY_TERMS * 2];
    _Static_assert(FAQ_MAX_LANGS <= 64, "a word's languages are the bits of a uint64_t");
    _Static_assert(sizeof facts / sizeof *facts == sizeof s->toks / sizeof *s->toks, "a token each");
    /* a word's reading through a mark folding dropped is weak where the
     * question typed it without one ("is", not "iş") */
    uint64_t weak[FAQ_MAX_QUERY_TERMS * 2];
    for (int i = 0; i < s->n_toks; i++) {
        const qtok *t = &s->toks[i];
        facts[i] = word_facts(c, t);
        weak[i] = 0;
        if (facts[i].folded && written_plain(q + t->raw_off, t->raw_len, t->word, t->word_len))
            weak[i] = facts[i].folded;
    }
    double sign[FAQ_MAX_LANGS];
    langid_question_signs(li, signs, sign);
    /* the words' open languages looked up in their dictionaries, the one
     * with most to gain first, until the outcome no longer hangs on them */
    for (;;) {
        uint64_t open = 0;
        for (int i = 0; i < s->n_toks; i++)
            open |= facts[i].langs_open;
        if (!open)
            break;
        word_evidence(c, prev, facts, weak, sign, 1, ev);
        int f = elected(c, ev, open);
        if (f >= 0)
            return (uint32_t)f;
        uint32_t most = UINT32_MAX;
        for (uint32_t l = 0; l < ix->n_langs; l++)
            if (((open >> l) & 1) && (most == UINT32_MAX || ev[l] > ev[most]))
                most = l;
        int i = 0;
        while (!((facts[i].langs_open >> most) & 1))
            i++;
        settle_word(c, most, i, facts);
    }
    uint32_t known = word_evidence(c, prev, facts, weak, sign, 0, ev);
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
        /* a word of the language the FAQ does not use, as its dictionary
         * knows it: a compound ("maandkaart"), an inflection */
        for (uint32_t l = 0; l < ix->n_langs && p->lang_dict_hit > 0 && c->text; l++)
            if (top1 - ev[l] < p->lang_close && query_knows(c, l, q + t->raw_off, t->raw_len))
                ev[l] += p->lang_dict_hit;
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
    if (b != UINT32_MAX && ev[a] - ev[b] < p->lang_close &&
        ngram_words(s) >= p->lang_ngram_min_words) {
        char guess[2][8];
        int n = langid_guess(li, q, len, guess, 2);
        for (int i = 0; i < n; i++) {
            int l = faq_index_lang_find(ix, guess[i]);
            if (l >= 0)
                ev[l] += i == 0 ? p->lang_ngram_first : p->lang_ngram_second;
        }
    }
    /* ties: the conversation's language; else the first of the page's
     * (what its visitor reads) among them, else the one with most entries;
     * else the FAQ's first */
    double top = ev[0];
    for (uint32_t l = 1; l < ix->n_langs; l++)
        if (ev[l] > top)
            top = ev[l];
    int tied[FAQ_MAX_PAGE_LANGS + 1], n_tied = 0;
    if (prev >= 0) {
        tied[n_tied++] = prev;
    } else {
        for (int k = 0; k < c->n_page && k < FAQ_MAX_PAGE_LANGS; k++)
            tied[n_tied++] = c->page[k];
        uint32_t most = 0;
        for (uint32_t l = 0; l < ix->n_langs; l++)
            if (ix->langs[l].n_faq > ix->langs[most].n_faq)
                most = l;
        tied[n_tied++] = (int)most;
    }
    int near_tie = prev < 0 && p->use_lang_tie_near ? tie_by_near(c, ev, top, facts) : -1;
    for (int k = 0; k < n_tied; k++) {
        /* the page's languages first, then one the question's words
         * tell, then the FAQ's most */
        if (near_tie >= 0 && k == n_tied - 1)
            return (uint32_t)near_tie;
        if (ev[tied[k]] > top - 1e-9)
            return (uint32_t)tied[k];
    }
    if (near_tie >= 0)
        return (uint32_t)near_tie;
    uint32_t best = 0;
    while (!(ev[best] > top - 1e-9))
        best++;
    return best;
}
