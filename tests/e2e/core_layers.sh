# core_layers.sh: the core (every src/ file but the command line's main.c,
# cli.c and cmd_*.c) includes none of the command line's headers: the fuzz
# targets and any other front end link the core without them.
. "$ROOT/tests/e2e/lib.sh.inc"
for f in "$ROOT"/src/*.c "$ROOT"/src/*.h; do
    case $(basename "$f") in
        main.c | cli.c | cli.h | cmd_*.c | cmd_*.h) continue ;;
    esac
    if grep -En '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(cli|cmd_[a-z_]+)\.h"' "$f"; then
        fail "$(basename "$f") includes a header of the command line"
    fi
done
ok "no core file includes cli.h or a cmd_*.h"
