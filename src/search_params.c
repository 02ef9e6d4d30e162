/* search_params.c: the ranking's parameters, their defaults and reasons
 * (see search_params.h). The defaults are the values the ranking had as
 * constants and literals, hand-tuned on the seed FAQ; each reason is what
 * the code's comments said of it. */
#include "search_params.h"

#include "decline_model.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIELD(name, type, def, min, max, reason) \
    {#name, offsetof(search_params, name), SEARCH_PARAM_##type, def, min, max, reason}
#define SWITCH(name, reason) FIELD(name, INT, 1, 0, 1, reason)

const search_param_field search_param_fields[] = {
    FIELD(lang_prev_head, DOUBLE, 0.75, 0, 100,
          "\"ok\" or a bare name does not flip the conversation's language"),
    FIELD(lang_faq_head, DOUBLE, 1.0, 0, 100,
          "most ask in a language of the FAQ: one it is only asked in shows a word more "
          "(0.5: seed language id 98.4%, 1.0: 98.7% as without)"),
    FIELD(lang_hit, DOUBLE, 1.0, 0, 100,
          "a stop word, question word or vocabulary word of the language"),
    FIELD(lang_folded_hit, DOUBLE, 0.5, 0, 100,
          "a word of the FAQ's only with a mark folding drops (Turkish \"iş\"), typed without "
          "it as another candidate's exact stop, question or pack word (English \"is\"): "
          "half a word, as a typo's; 1.0: as any word (ablation). dormitory language id "
          "51/52 -> 52/52 (0 the same), every other set 0 (docs/quality.md, 2026-12-07)"),
    FIELD(lang_close, DOUBLE, 1.0, 0, 100,
          "less than one word apart: look at typos and n-grams too"),
    FIELD(lang_typo_hit, DOUBLE, 0.5, 0, 100, "\"aderri\" is Portuguese \"aderir\": half a word"),
    FIELD(lang_dict_hit, DOUBLE, 0.5, 0, 100,
          "a word no language's FAQ holds that its dictionary knows (Dutch \"maandkaart\"): "
          "half a word, in a close call"),
    SWITCH(use_lang_tie_near,
           "langid, a tie neither the conversation nor the page breaks: the tied language "
           "with the most of the question's words none of them knows an edit away from its "
           "own, before the FAQ's most entries (\"perdio\", Italian, is Spanish \"perdido\" "
           "misspelt, in a Catalan and Spanish tie); 0: the most entries, then the first. "
           "ajuntament language id 69/70 -> 70/70, utility top-1 +1 (\"kan jeg få "
           "avtalgiro\"), every other set 0 (docs/quality.md, 2026-12-07)"),
    FIELD(lang_ngram_min_words, INT, 3, 0, 1000,
          "n-gram guesses on one or two words are noise (a number is no word to them)"),
    FIELD(lang_ngram_first, DOUBLE, 1.0, 0, 100, "the n-gram model's first guess counts as a word"),
    FIELD(lang_ngram_second, DOUBLE, 0.5, 0, 100, "its second guess as half a word"),
    FIELD(max_synonyms, INT, 8, 0, 12, "a slot holds 12 alternatives: one group leaves room for others"),
    FIELD(w_synonym, FLOAT, 0.8, 0, 10, "a synonym is nearly, not quite, the word"),
    FIELD(w_foreign, FLOAT, 0.9, 0, 10, "\"precursores\" in an English question means the same"),
    FIELD(w_typo1, FLOAT, 0.75, 0, 10, "one edit away: likely what was meant"),
    FIELD(w_typo2, FLOAT, 0.55, 0, 10, "two edits away: a guess"),
    FIELD(w_variant, FLOAT, 0.75, 0, 10,
          "a stem an edit away is often another form the stemmer splits"),
    FIELD(w_accent, FLOAT, 1.0, 0, 10,
          "\"cortais\" is \"cortáis\" typed without its accent: the same word"),
    FIELD(w_translit, FLOAT, 0.9, 0, 10,
          "\"vrachu\" is \"врачу\" typed in Latin letters: the word, spelled loosely"),
    FIELD(translit_min_chars, INT, 4, 1, 1000,
          "a FAQ stem's Latin key a Latin-letter word begins with is this long at least: "
          "shorter ones begin too many words"),
    FIELD(variant_min_chars, INT, 5, 0, 1000, "shorter stems have too many neighbours"),
    FIELD(w_sibling, FLOAT, 0.6, 0, 10,
          "a stem of the FAQ sharing a long beginning with the word's: one family that "
          "Snowball stems apart (\"adoptieren\" / \"Adoption\"), or another word"),
    FIELD(sibling_min_chars, INT, 6, 0, 1000, "the code points two siblings' stems share at least"),
    FIELD(sibling_max_rest, INT, 2, 0, 1000,
          "the code points the shorter sibling stem holds past the shared beginning, at most"),
    FIELD(variant_max_alts, INT, 2, 0, 4, "more variants of one word are mostly noise"),
    FIELD(typo_picks, INT, 3, 0, SEARCH_TYPO_PICKS_MAX,
          "the most frequent of the nearest words, a few"),
    FIELD(typo_dict_share, FLOAT, 1, 0, 1,
          "a word the language's dictionary knows may be meant, not misspelt (\"ever\" is no \"even\"); "
          "0 (with fit_unknown): Debian ranked first +2 rows, since the hedges' stop words none, "
          "cross-language Debian de -1 (docs/quality.md)"),
    FIELD(typo_dict_to_dict, FLOAT, 1, 0, 1,
          "a word the language's dictionary knows, taken for a typo of another word it knows, "
          "keeps this share of the typo's weight (\"shot\" is no \"shop\", \"apple\" no "
          "\"apply\"); 0.25 moves no tuning row but loses three blind rows where the word was "
          "another form of the FAQ's (\"doer\", \"historial\"), 0 loses Debian's off-topic "
          "ELSTER row: 1, off (docs/quality.md)"),
    FIELD(weight_floor, DOUBLE, 0.5, 0, 10, "every content word counts, the common ones too"),
    FIELD(unknown_weight, DOUBLE, 0.9, 0, 10, "unknown words are what makes a question off-topic"),
    FIELD(guess_share, DOUBLE, 0.5, 0, 1,
          "a typo, variant or thesaurus word weighs as what it may be: halfway to an unknown word"),
    FIELD(short_word_chars, INT, 3, 0, 1000,
          "\"qeu\", \"teh\": short unknown words are slips or abbreviations"),
    FIELD(qword_weight, DOUBLE, 0.15, 0, 10,
          "\"when\", \"which\" say nothing of whether the FAQ knows the topic"),
    FIELD(qword_rank, FLOAT, 0.5, 0, 10, "... but tell the kind of question: half in ranking"),
    FIELD(rerank_depth, INT, SEARCH_RERANK_MAX, 1, SEARCH_RERANK_MAX,
          "the reranking reads entries' text: only the best few"),
    FIELD(w_answer_only, FLOAT, 0.6, 0, 1,
          "a word only in the answer says less than one in the question"),
    SWITCH(use_shadow_drop,
           "retrieval: a lemma whose postings are the word's own, byte for byte, and that "
           "gives no more score nor coverage is left out of the walk: the answers the same, "
           "its steps gone; 0: walked (to check the answers, and to time it)"),
    FIELD(proximity_bonus, DOUBLE, 0.5, 0, 100,
          "words standing together say more; 0.35->0.5: ranked first seed 95.2->95.4%, "
          "zlib/xz 79.1->81.4%, Debian same"),
    FIELD(focus_bonus, DOUBLE, 1.0, 0, 100, "\"qué países\": the entry asks of the same thing"),
    FIELD(question_fit, DOUBLE, 1.0, 0, 100,
          "a question restated whole beats one merely containing its words"),
    FIELD(fit_unknown, INT, 0, 0, 1,
          "the decline's question fit: the words the FAQ lacks are part of what the question says; "
          "1: no tuning corpus moves, cross-language seed top-1 -4.2 / -1.9 (docs/quality.md)"),
    FIELD(name_list_min, INT, 5, 0, 1000, "fewer names after commas is a sentence, not a list"),
    FIELD(name_bonus, DOUBLE, 0.8, 0, 100,
          "\"is the UK a champion?\" is answered by the list of those that are"),
    FIELD(name_common_idf, DOUBLE, 0.69314718055994531, 0, 100,
          "ln 2, BM25's idf of a term in half the entries: a name that common is the FAQ's subject"),
    FIELD(exact_min_words, INT, 4, 0, 1000, "shorter runs said word for word happen by chance"),
    FIELD(exact_bonus, DOUBLE, 1.0, 0, 100,
          "a question said word for word is likely meant; 0.5->1: top-1 seed 95.4->95.6%, "
          "Debian ranked first 63.0->63.5%"),
    FIELD(exact_range, DOUBLE, 0.6, 0, 1, "only among close contenders: reading questions costs"),
    FIELD(threshold, DOUBLE, DECLINE_THRESHOLD, 0, 1,
          "the decline model's probability and the coverage rule meet here"),
    FIELD(cover_floor, DOUBLE, DECLINE_COVER_FLOOR, 0, 1,
          "coverage at which the coverage rule answers (and below which answer "
          "pairs and small talk within are looked for)"),
    FIELD(decline_bias, DOUBLE, -4.008, -100, 100,
          "fitted: tests/tune/decline-fit.sh OUT seed debian zlib zlib+xz, docs/quality.md"),
    FIELD(decline_cover, DOUBLE, 4.356, -100, 100, "fitted: the question's weight covered"),
    FIELD(decline_known_cover, DOUBLE, 0, -100, 100,
          "fitted: the weight of the words the FAQ knows, covered"),
    FIELD(decline_unknown_words, DOUBLE, -4.113, -100, 100,
          "fitted: words of the language the FAQ lacks: another topic"),
    FIELD(decline_unknown_other, DOUBLE, -2.624, -100, 100,
          "fitted: names, codes, non-words the FAQ lacks"),
    FIELD(question_lemma, INT, 1, 0, 2,
          "outcome: a word the leader's question holds only in another form of its lemma "
          "(the lemma's posting marked as in the question) counts for question_field; 2: a "
          "compound's part too; 0 off (docs/quality.md)"),
    FIELD(decline_question_field, DOUBLE, 1.056, -100, 100,
          "fitted: the known weight in the leader's question"),
    FIELD(decline_margin, DOUBLE, 1.658, -100, 100, "fitted: the lead over the runner-up"),
    FIELD(decline_question_fit, DOUBLE, 1.744, -100, 100,
          "fitted: F1 of the question and the leader's"),
    FIELD(decline_bm25_norm, DOUBLE, 0, -100, 100,
          "fitted: BM25F over the most the known words could score"),
    FIELD(decline_faq_common, DOUBLE, 0, -100, 100,
          "fitted: the question uses one of the FAQ's common words"),
    FIELD(decline_domain_terms, DOUBLE, 7.927, -100, 100,
          "fitted: words of the FAQ no dictionary has (\"dpkg\", \"GCM\")"),
    FIELD(decline_evidence, DOUBLE, 2.916, -100, 100,
          "fitted: the leader's matched weight against the weight of the words the FAQ lacks"),
    FIELD(decline_topic_name, DOUBLE, 3.705, -100, 100,
          "fitted after the others, theirs held: a name or jargon word most entries hold "
          "(\"Debian\", \"lsof\")"),
    FIELD(decline_translated, DOUBLE, 0.608, -100, 100,
          "fitted after the others, theirs held: the known weight held only through a "
          "translation or a cognate (a question in a language without the entry)"),
    FIELD(decline_xl_unknown, DOUBLE, 3.366, -100, 100,
          "fitted after the others, theirs held: words the FAQ lacks, in a question "
          "reaching it through a translation"),
    FIELD(decline_xl_dict, DOUBLE, -3.121, -100, 100,
          "fitted after the others, theirs held: words the FAQ lacks that a dictionary "
          "holds, in a question reaching it through a translation"),
    FIELD(decline_small_vocab, DOUBLE, 0.430, -100, 100,
          "fitted after the others, theirs held, on the twelve tuning corpora: a FAQ of few "
          "words lacks more of an in-scope visitor's words (0: off)"),
    FIELD(decline_union_gain, DOUBLE, 0.6, -100, 100,
          "fitted after the others, theirs held, on the thirteen tuning corpora (0.813, "
          "taken x0.75): words the leader lacks that the runner-up holds (0: off)"),
    FIELD(decline_unknown_general, DOUBLE, 1.26, -100, 100,
          "fitted after the others, theirs held: words the FAQ lacks that the language's "
          "thesaurus gives many synonyms (0: off; docs/quality.md)"),
    FIELD(general_synonyms, DOUBLE, 20, 1, 1000,
          "the thesaurus synonyms from which a word the FAQ lacks counts as general"),
    FIELD(small_vocab_terms, DOUBLE, 300, 1, 1e9,
          "the terms of a language at which small_vocab is 1/2: a FAQ of 10-17 short "
          "entries (150 and 300: the same fit; 600: the sports centre's row lost)"),
    FIELD(w_lemma, FLOAT, 0.8, 0, 10,
          "another form of the word's lemma, below the word (when use_lemma); 0.3/0.6/0.8/1: "
          "Debian top-1 57.5/58.5/59.0/58.5%"),
    FIELD(w_part, FLOAT, 0.6, 0, 10, "either part says part of a compound (when use_decompound)"),
    FIELD(w_part_head, FLOAT, 0.6, 0, 10,
          "a compound of the FAQ whose head, its last part, is the word: a \"Festplatte\" is a "
          "\"Platte\" (when use_parts)"),
    FIELD(w_part_modifier, FLOAT, 0.3, 0, 10,
          "a compound of the FAQ whose other part is the word: it only narrows the head down"),
    FIELD(w_part_listed_head, FLOAT, 0.6, 0, 10,
          "a compound of the FAQ that the dictionary lists as a word of its own, whose head is "
          "the word: a \"Tischkreissäge\" is a \"Kreissäge\" and a \"Säge\"; in a language "
          "whose pack says \"!listed\" (nl, sv), any part: \"stalling\" of "
          "\"fietsenstalling\" (when use_parts)"),
    FIELD(w_qpart_head, FLOAT, 0.5, 0, 10,
          "the question's compound the FAQ lacks (\"Versandkosten\"): its head, a word the "
          "FAQ holds, standing in for it (use_flagged_parts, use_every_part)"),
    FIELD(w_qpart_modifier, FLOAT, 0.5, 0, 10,
          "... and its other parts (\"Versand\")"),
    FIELD(w_thesaurus, FLOAT, 0.6, 0, 10,
          "a general synonym: below the word and the FAQ's own synonyms (w_synonym)"),
    FIELD(w_translation, FLOAT, 0.7, 0, 10,
          "a dictionary's translation, for an entry only another language has: below the word"),
    FIELD(max_translations, INT, 6, 0, 16,
          "a slot holds 16 alternatives: a word's first translations into each language"),
    FIELD(w_cognate, FLOAT, 0.6, 0, 10,
          "\"iniciativa\" in an English question is \"initiative\": a guess, below a translation"),
    FIELD(cognate_min_chars, INT, 6, 0, 1000, "shorter words of two languages meet by chance"),
    FIELD(clarify_ratio, DOUBLE, 0.99, 0, 1,
          "a near tie is a guess; 0.97->0.99: top-1 Debian 51.5->52.5%, zlib/xz 62.8->65.1%, seed same"),
    FIELD(clarify_cover, DOUBLE, 0.02, 0, 1,
          "... unless the first covers clearly more of the question"),
    FIELD(alt_ratio, DOUBLE, 0.2, 0, 1, "weaker alternatives are no help"),
    FIELD(smalltalk_max_words, INT, 12, 0, 1000, "a longer question is a question"),
    FIELD(smalltalk_key_share, DOUBLE, 0.5, 0, 100,
          "\"merci pour ces informations\": the thanks are half of what is said"),
    FIELD(smalltalk_extra_words, INT, 1, 0, 1000,
          "\"how are you today?\": a phrase of stop words beside one other word"),
    FIELD(smalltalk_within_edge, INT, 1, 0, 1,
          "small talk among other words opens or closes the question: \"can i see the schedule\" "
          "holds \"i see\" and the key word of \"see you\" inside it"),
    FIELD(smalltalk_within_unknown, INT, 1, 0, 1,
          "small talk among other words has no word the FAQ holds beside it: \"can i speak "
          "to a vet in person\" asks of vets"),
    FIELD(smalltalk_typo_chars, INT, 4, 0, 1000,
          "\"holaa\": longer small talk words may be misspelt"),
    SWITCH(use_synonyms, "slots: the word's synonyms (synonyms.txt)"),
    SWITCH(use_foreign, "slots: the word in another language of the FAQ"),
    SWITCH(use_typos, "slots: words one or two edits away"),
    SWITCH(use_variants, "slots: stems one edit away"),
    SWITCH(use_synonym_variants, "slots: synonyms of a stem one edit away"),
    SWITCH(use_accents, "slots: a word the FAQ lacks read with the accents its end may have lost"),
    SWITCH(use_bare_letters,
           "slots and language: a word the FAQ lacks typed without a letter the keyboard "
           "lacks (\"ror\" for \"rør\")"),
    SWITCH(use_hebrew_prefixes,
           "slots: a Hebrew word the FAQ lacks read without the letters written onto it (ה the, "
           "ו and, ב in, ל to, מ from, ש that, כ as: \"לאולם\", \"והכרטיס\"), or with one, "
           "where the FAQ holds the word so (the cut keeps them: \"הספרים\" is not "
           "\"ספרים\"); they are root letters too (\"מחיר\"), so only the FAQ's own stems"),
    SWITCH(use_accented_synonyms,
           "slots (with use_accents): a word the FAQ lacks whose accent restored makes a "
           "synonym group's member (\"informacio\") takes its groups. sportscentre top-1 "
           "52.6% -> 55.3% (\"cerrais\"), every other set 0 "
           "(docs/quality.md, 2026-12-07)"),
    FIELD(lang_foreign_letters, INT, 2, 0, 64,
          "langid: a question holding this many distinct letters only languages the index "
          "lacks write in their own words (Persian and Urdu \"پ چ گ ک ی ے\", which Arabic "
          "does without) is read as a language the FAQ does not hold (English, its decline "
          "naming the FAQ's languages), not as the index's language of the same script; "
          "0: off"),
    SWITCH(use_translit,
           "slots: a word the FAQ lacks typed in Latin letters, read against its Cyrillic "
           "and Greek words (\"vrachu\" for \"врачу\")"),
    SWITCH(use_translit_arabic,
           "slots, langid, tokens (with use_translit): a word typed in Latin letters read "
           "against the FAQ's Arabic words, stems, stop and question words by their consonant "
           "skeleton (translit_skeleton(): \"jawaz\" for \"جواز\", \"3a9d\" for \"عقد\", "
           "\"kifach\" for \"كيفاش\")"),
    FIELD(translit_skeleton_min, INT, 2, 1, 1000,
          "... a stem whose skeleton the word's begins with, of this many consonants at "
          "least (\"zawaj\" for \"زواج\"'s stem)"),
    SWITCH(use_cut_lang_words,
           "langid: a question's word is of a language with no stemmer when its first letters "
           "(analyzer_stem()'s cut) are one of the language's stems: \"загубила\" is "
           "Ukrainian \"загубив\" and no word of a Russian FAQ beside it. No tuning corpus "
           "moves; library-pl (fresh) language id 51/51 -> 50/51, English \"library\" read as "
           "Polish by the brand \"Libra\", declined either way (docs/quality.md)"),
    SWITCH(use_translit_stops,
           "tokens (with use_translit): a Latin-letter word of a question read as a language "
           "written in Cyrillic or Greek letters whose Latin key is one of its stop or question "
           "words' (\"kak\" of \"как\", \"k\" of \"к\") is that word, dropped or weighed as "
           "it, not an unknown word of the topic"),
    FIELD(translit_stops_latin, INT, 0, 0, 1,
          "... but not a word a Latin-letter language of the index has (\"i\", \"no\", "
          "\"do\" in English): the question is read as the Cyrillic language already"),
    FIELD(use_dict_word_ends, INT, 0, 0, 1,
          "slots: a typo or variant of a word the dictionary knows differs at its end only "
          "(a form of it: \"doer\", \"doem\"), not inside (\"reset\" is no \"rest\"); "
          "on: held-out off-topic declined +1 row, Debian's -1 (docs/quality.md)"),
    SWITCH(use_situation_words,
           "slots: a word of the asker's situation the FAQ lacks (\"!situation\" in "
           "stopwords.txt: \"son\", \"home\") is a common word, not another topic: car "
           "sharing, sports centre, ski school +1 each, held-out +2, nothing lost "
           "(docs/quality.md)"),
    SWITCH(use_time_words,
           "outcome: a word of time the FAQ lacks (\"!time\" in stopwords.txt: \"tomorrow\") "
           "is a common word, not another topic, where the question names no other word "
           "the FAQ lacks and the leader holds the rest well (docs/quality.md)"),
    FIELD(time_rest_words, INT, 2, 1, 1000,
          "... and at least this many, not as a guess: \"are there late fees\" is no question "
          "of fees alone, \"book a table\" no question of booting"),
    FIELD(time_rest_cover, DOUBLE, 0.5, 0, 1,
          "... and its coverage of their weight half: \"che tempo fa domani a "
          "courmayeur\" meets the children's entry on \"tempo\" in passing"),
    SWITCH(use_qwords_only,
           "outcome: a question of question words alone (\"how\", \"where\", \"vorrei "
           "sapere come\": a half-sent question, a pasted one's first line) names nothing "
           "asked about and declines, as numbers alone do (docs/quality.md)"),
    SWITCH(use_proximity, "rerank: adjacent words in the entry's question"),
    SWITCH(use_focus, "rerank: the entry asks of the same thing"),
    SWITCH(use_question_fit, "rerank: F1 of query and entry question"),
    SWITCH(use_phrases,
           "rerank: a quoted phrase must stand in the entry. lsof top-1 +1, sed 3 off-topic "
           "declined, Valgrind top-1 -1 (quoted messages, docs/quality.md, 2026-12-07)"),
    SWITCH(use_names, "rerank: unknown names prefer a list of names"),
    SWITCH(use_exact, "rerank: the question said word for word"),
    SWITCH(use_answer_pairs, "coverage: two words side by side in the answer"),
    SWITCH(use_smalltalk, "outcome: greetings and thanks"),
    SWITCH(use_smalltalk_within, "outcome: small talk among other words"),
    SWITCH(use_pack_talk,
           "outcome: a question declined, or met in part by the index's small talk, that is a "
           "pack's small talk said whole, in a language the index lacks (\"bona tarda\", \"bon "
           "dia\" of a FAQ in Spanish alone), is that small talk, answered in a language the FAQ "
           "has"),
    SWITCH(use_smalltalk_own_word,
           "outcome: a word of the question's language (the FAQ's, or its dictionary's) is no "
           "typo of another language's small talk (\"hole\" is no Spanish \"hola\"). "
           "language id +1 on the sports centre and the seed (docs/quality.md, 2026-12-07)"),
    SWITCH(use_smalltalk_own_terms,
           "outcome: the question's terms are its language's stems, so another language's small "
           "talk meets its words by their form alone (Spanish \"tarde\" stems as French \"tard\" "
           "of \"à plus tard\": \"la tarde\" is no goodbye)"),
    SWITCH(use_smalltalk_yield,
           "outcome: a question that is a small talk phrase cut short yields to an answer "
           "whose coverage reaches cover_floor (\"a qué hora\" is no \"sabes qué hora es\"). "
           "top-1 sports centre +1, town hall +2 (docs/quality.md, 2026-12-07)"),
    SWITCH(use_smalltalk_lone_key,
           "outcome: a one-word question that is only a key word of a longer small-talk phrase "
           "(\"logo\" of \"até logo\") in a language the FAQ has no entry in, and a word of a "
           "language it has entries in (English \"logo\"), is no small talk. town hall top-1 "
           "+1 (\"tarde\"), language id +1 there, on the sports centre and car sharing "
           "(docs/quality.md, 2026-12-07)"),
    SWITCH(use_clarify, "outcome: ask which of two tied entries was meant"),
    SWITCH(use_decline_model, "outcome: the decline model beside the coverage rule"),
    SWITCH(use_union_gain, "outcome: the runner-up's words the leader lacks count for answering"),
    SWITCH(use_dictionary, "slots: words the FAQ lacks told by the language's dictionary"),
    FIELD(use_lemma, INT, 1, 0, 1,
          "slots: the word's lemma's terms beside its stem (no lemma of one letter, none for a "
          "question word); off: Debian -4 rows top-1 (fr -5, pt +1), the seven others 0 "
          "(docs/quality.md)"),
    FIELD(use_decompound, INT, 0, 0, 1,
          "slots: parts for a compound the FAQ lacks (no gain measured)"),
    FIELD(use_parts, INT, 1, 0, 1,
          "slots: the FAQ's compounds holding the word as a part (index-time parts of a "
          "language whose stopwords.txt says \"!compounds\")"),
    FIELD(use_flagged_parts, INT, 1, 0, 1,
          "slots: a question's compound the FAQ lacks that the dictionary reads only as a "
          "compound of parts it holds for compounds alone (\"Elektroauto\"), split where its "
          "analysis names the head; the parts the FAQ holds searched at w_qpart_*'s weights"),
    FIELD(use_part_kin, INT, 1, 0, 1,
          "slots: use_flagged_parts' split searched by each part's term, else its lemma's "
          "(\"sjuk\" of \"sjukt\"), else its pack synonym's (\"anmälan\" of \"anmäla\"), "
          "only when every part is held so (\"sjukanmälan\", not \"sjukhusparkering\")"),
    FIELD(use_every_part, INT, 1, 0, 1,
          "slots: a question's compound the FAQ lacks (\"Versandkosten\") searched by the "
          "dictionary's parts only when the FAQ holds every one as a word (Lucene's "
          "decompounder; a part it lacks is another topic: \"Steuererklärung\"), at "
          "w_qpart_*'s weights. Tuning corpora and held-out 0 rows; by stems alone: Debian one "
          "off-topic answered (\"steuern\" for Steuer)"),
    FIELD(every_part_form, INT, 1, 0, 2,
          "slots: use_every_part's parts held in another form: 0: each as a word; 1: the "
          "head (last part) also by its stem, the FAQ saying it as another word; 2: every part "
          "by its stem. 1 moves no row of the seed, Debian or tuning corpora; 2: Debian de "
          "one off-topic answered (\"steuern\" for Steuer)"),
    FIELD(every_part_group, INT, 2, 0, 2,
          "slots: use_every_part's split regrouped into runs of adjacent parts the FAQ holds "
          "each of, where a part the dictionary holds only as a compound is split too "
          "(\"Wohn|sitz|bescheinigung\" as \"Wohnsitz|bescheinigung\"): 0 off; 1 the grouping "
          "with the most runs; 2 with the fewest. Pairs of a tuning FAQ's words joined, split "
          "into the two: de 189 of 500 off, 357 at 1, 375 at 2 (docs/quality.md); rows alike"),
    FIELD(every_part_unlinked, INT, 1, 0, 1,
          "slots: every_part_group's run before the head also held without the linking element "
          "it ends in, where the dictionary reads the part with it (\"Antrags|formular\": "
          "\"Antrag\"). Joined pairs split into the two, de 292 of 500 off, 375 on; rows alike"),
    FIELD(every_part_in_compounds, INT, 1, 0, 1,
          "slots: every_part_group's run also held where the FAQ holds it only as a part of its "
          "own compounds, by the part's term the index posted (\"Anwohner\" of a FAQ saying "
          "\"Anwohnerparken\"), a slot of its own (use_compound_slots). buergeramt +1 row top-1, "
          "every other tuning corpus, the seed and Debian 0, off-topic 0 everywhere"),
    FIELD(use_compound_slots, INT, 1, 0, 1,
          "slots: a question's compound the FAQ lacks whose dictionary parts regroup "
          "(every_part_group) into words it holds, each as a word, searched as those words, a "
          "slot each, as a question writing them apart (\"Wohnsitzbescheinigung\": "
          "\"Wohnsitz\", \"Bescheinigung\"), not one slot of either part. buergeramt +1 row "
          "top-1, every other corpus 0"),
    FIELD(use_joined_words, INT, 1, 0, 1,
          "slots: two adjacent content words of the question (a space or a hyphen between "
          "them) that the FAQ writes as one (\"wi fi\", \"fuori pista\" for \"wifi\", "
          "\"fuoripista\") read as that word, where the FAQ lacks one of them; no stop word. "
          "Fresh camping-nl-de, skischool-it-fr +1 each, every other corpus 0"),
    FIELD(use_split_words, INT, 1, 0, 1,
          "slots: a word the FAQ lacks that splits into two of its words (\"wifi\" for "
          "\"Wi-Fi\"), or one and a stop word where the dictionary lacks it (\"checkin\"), "
          "searched as those words where an entry's question or alternate phrasing writes "
          "them standing together. Every tuning corpus and held-out 0 rows, fresh +5 rows on "
          "five FAQs; on, as use_joined_words: a method, not a fit (docs/quality.md)"),
    FIELD(use_split_foreign, INT, 1, 0, 1,
          "slots: a question in a language the FAQ has no entry in splits its words by the "
          "FAQ's languages' words (\"wifi\" asked in English of a Turkish FAQ's \"Wi-Fi\"), "
          "then found as those languages' words (use_foreign). dormitory English rows +1 "
          "top-1, every other corpus 0 (docs/quality.md, 2026-12-07)"),
    FIELD(use_unlinked_langs, INT, 1, 0, 1,
          "langid: a language the FAQ has no entry in and no dictionary links to its own "
          "(English beside a FAQ written only in Russian, Turkish or Greek) is a candidate, "
          "so that a question in it is told in its language which languages the FAQ "
          "speaks; 0: never chosen. polyclinic, dormitory English rows: language id 0/12 -> "
          "11/12 (docs/quality.md, 2026-12-07)"),
    FIELD(thesaurus_mutual, INT, 1, 0, 1,
          "a thesaurus synonym only one way is often another sense of the word"),
    FIELD(use_thesaurus, INT, 0, 0, 1,
          "slots: thesaurus synonyms for a word the FAQ lacks (hurt the seed: docs/quality.md)"),
    SWITCH(use_translation,
           "slots: a word's translations (bilingual dictionaries) for entries only other languages have"),
    FIELD(use_siblings, INT, 0, 0, 1,
          "slots: a word the FAQ lacks taken as a stem of the FAQ sharing a long beginning "
          "with its own (docs/quality.md)"),
    SWITCH(use_cognates, "slots: a word spelt nearly the same in another language, for those entries"),
    SWITCH(use_guess_evidence,
           "decline: a word held only through a translation or a cognate the leader lacks "
           "counts against the evidence; 0: eval-xlang top-1 +9 rows seed, +12 Debian, "
           "off-topic declined -2 seed (es-only 100 -> 98.7%), -7 Debian, tuning corpora 0; "
           "the threshold buys those declines dearer (docs/quality.md, 2026-12-07)"),
    FIELD(w_thesaurus_known, FLOAT, 0.3, 0, 10,
          "a general synonym of a word the FAQ holds: the FAQ may say it in other words; "
          "0.2/0.3/0.4/0.5: ranked first on the eight corpora +4/+9/+10/+7 rows, "
          "the seed 0/0/0/-2 (docs/quality.md)"),
    FIELD(thesaurus_as_written, INT, 1, 0, 1,
          "a synonym of a word the FAQ holds must stand in it as written: a stem alone meets "
          "other words (\"lunar\", \"lunes\"); 0: held-out -2 rows"),
    SWITCH(use_thesaurus_known,
           "slots: thesaurus synonyms of a word the FAQ holds (w_thesaurus_known)"),
    FIELD(max_thesaurus_known, INT, 7, 0, 12,
          "thesaurus synonyms a word the FAQ holds takes, in the thesaurus's order: each walks "
          "a long list; 7: no corpus loses a row (Perl +1), 10k -1.9% instructions; 6 or "
          "fewer, in any order: Debian -1 to -3 (docs/quality.md)"),
    FIELD(thesaurus_word_share, FLOAT, 0, 0, 10,
          "a thesaurus synonym of a word the FAQ holds ranks (weight x idf) at most this share "
          "of the word itself (1 x its idf); 0: no cap; 0.3 (w_thesaurus_known: the idf of the "
          "commoner): Debian and Perl -1 row each, 0.5 and 1: Debian -1, 2: none moves "
          "(docs/quality.md)"),
    FIELD(use_synonyms_below_word, INT, 0, 0, 1,
          "a synonym of the FAQ's (synonyms.txt, the pack's) rarer than the word ranks with the "
          "idf of the commoner of the two; 1: the seed -1 row and an off-topic question answered, "
          "sed +1 (docs/quality.md)"),
    FIELD(use_lemma_below_word, INT, 1, 0, 1,
          "a form of the word's lemma rarer than the word ranks with the idf of the commoner "
          "of the two (it covers the question as the word does): no tuning corpus moves, "
          "held-out +1 row, 3% fewer instructions a question at 10k (docs/performance.md)"),
    FIELD(use_synonym_lemmas, INT, 0, 0, 2,
          "a question's word takes the synonym groups of its stem only as a member, a member "
          "with an ending or a form of one (the dictionary's lemmas) where the dictionary reads "
          "it: German 'Bücher' is no form of 'buchen', though both stem 'buch'; 2: only a word "
          "typed with an accent. 1: library +1, seed, lsof, held-out, ski school -1 each; 2: "
          "library +1, seed and held-out -1 (Spanish 'término' no form of 'terminar', "
          "'jubilación' of 'jubilado': docs/quality.md)"),
};

const size_t search_param_count = sizeof search_param_fields / sizeof *search_param_fields;

static void put(search_params *p, const search_param_field *f, double v)
{
    char *at = (char *)p + f->offset;
    switch (f->type) {
    case SEARCH_PARAM_INT:
        *(int *)(void *)at = (int)v;
        break;
    case SEARCH_PARAM_FLOAT:
        *(float *)(void *)at = (float)v;
        break;
    case SEARCH_PARAM_DOUBLE:
        *(double *)(void *)at = v;
        break;
    }
}

double search_param_get(const search_params *p, const search_param_field *f)
{
    const char *at = (const char *)p + f->offset;
    switch (f->type) {
    case SEARCH_PARAM_INT:
        return *(const int *)(const void *)at;
    case SEARCH_PARAM_FLOAT:
        return *(const float *)(const void *)at;
    case SEARCH_PARAM_DOUBLE:
        break;
    }
    return *(const double *)(const void *)at;
}

void search_params_default(search_params *p)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < search_param_count; i++)
        put(p, &search_param_fields[i], search_param_fields[i].def);
}

const search_param_field *search_param_find(const char *name)
{
    for (size_t i = 0; i < search_param_count; i++)
        if (strcmp(search_param_fields[i].name, name) == 0)
            return &search_param_fields[i];
    return NULL;
}

int search_params_set(search_params *p, const char *name, const char *value, char *err,
                      size_t errlen)
{
    const search_param_field *f = search_param_find(name);
    if (!f) {
        snprintf(err, errlen, "no parameter \"%s\"", name);
        return -1;
    }
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == value || *end || errno || !isfinite(v)) {
        snprintf(err, errlen, "%s: \"%s\" is not a number", name, value);
        return -1;
    }
    if (f->type == SEARCH_PARAM_INT && v != floor(v)) {
        snprintf(err, errlen, "%s: \"%s\" is not a whole number", name, value);
        return -1;
    }
    if (v < f->min || v > f->max) {
        snprintf(err, errlen, "%s: %g is outside %g..%g", name, v, f->min, f->max);
        return -1;
    }
    put(p, f, v);
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

int search_params_assign(search_params *p, const char *assignment, char *err, size_t errlen)
{
    char buf[256];
    if (strlen(assignment) >= sizeof buf) {
        snprintf(err, errlen, "\"%.40s...\": too long", assignment);
        return -1;
    }
    memcpy(buf, assignment, strlen(assignment) + 1);
    char *eq = strchr(buf, '=');
    if (!eq) {
        snprintf(err, errlen, "\"%s\": not name=value", assignment);
        return -1;
    }
    *eq = '\0';
    return search_params_set(p, trim(buf), trim(eq + 1), err, errlen);
}

int search_params_load(search_params *p, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    char line[256], why[200];
    unsigned ln = 0;
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        ln++;
        char *s = trim(line);
        if (!*s || *s == '#')
            continue;
        if (search_params_assign(p, s, why, sizeof why) != 0) {
            snprintf(err, errlen, "%s:%u: %s", path, ln, why);
            rc = -1;
        }
    }
    fclose(f);
    return rc;
}
