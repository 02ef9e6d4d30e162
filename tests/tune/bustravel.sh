#!/bin/sh
# bustravel.sh FAQBOT OUTDIR [extra eval args...]: a county's bus company in Swedish (written.sh).
exec sh "$(dirname "$0")/written.sh" bustravel "$@"
