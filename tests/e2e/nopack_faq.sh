# nopack_faq.sh: a FAQ in a language with a Snowball stemmer and no pack
# (Indonesian here; nothing in the rules is Indonesian) takes its stop words and
# question words from its own entries: a word in at least half of them is a
# stop word, one opening the questions of two entries or more a question
# word (without them a question's "ada" and "dan" were an entry's match).
# It is asked in English too, the language its messages fall back to, and
# its language keeps its own name.
. "$ROOT/tests/e2e/lib.sh.inc"
mkdir -p "$TMP/c/id"
cat > "$TMP/c/id/faq.md" <<'MD'
# Kolam Renang Ombak

## Kapan kolam renang buka? {#tider}
? Jam berapa kolam renang dibuka?

Kolam renang buka Senin sampai Jumat pukul 7 sampai 21, dan pada akhir pekan pukul 9 sampai 17.

## Berapa harga tiket? {#pris}
? Berapa yang harus saya bayar untuk tiket harian?

Tiket harian untuk dewasa 30.000 rupiah, dan untuk anak sampai umur 12 tahun 15.000 rupiah.

## Bagaimana cara menjadi anggota klub renang? {#medlem}

Formulir pendaftaran ada di kasir dan di situs web. Keanggotaan berlaku satu tahun dan harganya 300.000 rupiah.

## Di mana saya bisa memarkir sepeda? {#cykel}

Di depan pintu masuk ada tempat parkir sepeda beratap, dan parkirnya gratis.

## Apakah ada sekolah renang untuk anak? {#undervisning}
? Bagaimana cara mendaftarkan anak saya ke sekolah renang?

Ya, sekolah renang mulai dari umur lima tahun, dan pendaftarannya di kasir; waktu tunggunya sekitar tiga bulan.

## Apakah ada sauna? {#sauna}

Ya, sauna buka hari Selasa dan Kamis pukul 18 sampai 22. Sauna hanya untuk orang dewasa.

## Boleh membawa makanan sendiri? {#mad}

Makanan dan minuman boleh dinikmati di kantin, tetapi tidak di kolam atau di tepi kolam.

## Di mana barang yang hilang? {#glemt}
? Handuk saya hilang.

Barang temuan kami simpan di kasir selama satu bulan. Tanyakan kepada petugas.
MD
index_faq "$TMP/c"
dropped "words of most entries are stop words" "$TMP/faq.idx" "ada sauna dan kantin" ada dan
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "bagaimana cara menjadi anggota klub renang" |
    grep -q 'exact term "bagaimana" (id) x0.50' || fail "bagaimana, opening two questions, is no question word"
ok "a word opening two entries' questions is a question word"
expect_eq "an unknown topic in common words is declined" \
    "$(answer_id "bagaimana cara mengurus izin bangunan")" null
expect_eq "the sauna" "$(answer_id "apakah ada sauna")" sauna
expect_eq "joining" "$(answer_id "bagaimana cara menjadi anggota klub renang")" medlem
expect_eq "the price" "$(answer_id "berapa harga tiket harian")" pris

# English: told as English, greeted back; Indonesian not named "English"
expect_eq "an English question is English" \
    "$("$FAQBOT" ask --index "$TMP/faq.idx" --json "how do I pay with my credit card" | json query_lang)" en
expect_eq "thanks" "$(answer_id "thank you very much")" thanks
start_server "$TMP/faq.idx"
trap stop_server EXIT
expect_eq "the FAQ's language by its code" \
    "$(curl -s "${URL}api/messages?lang=id" | json lang_name)" id
stop_server

# a stopwords.txt of the folder's own is the whole list: nothing read off
printf 'dan\n' > "$TMP/c/id/stopwords.txt"
index_faq "$TMP/c"
"$FAQBOT" ask --index "$TMP/faq.idx" --explain "apakah ada sauna" | grep -q 'word "ada"' ||
    fail "with a stopwords.txt, ada was still dropped"
ok "a folder's stopwords.txt is the list"
