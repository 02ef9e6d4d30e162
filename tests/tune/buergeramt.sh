#!/bin/sh
# buergeramt.sh FAQBOT OUTDIR [extra eval args...]: a German town's citizens' office (written.sh).
exec sh "$(dirname "$0")/written.sh" buergeramt "$@"
