#!/bin/sh
# polyclinic.sh FAQBOT OUTDIR [extra eval args...]: a Russian town's polyclinic (written.sh).
exec sh "$(dirname "$0")/written.sh" polyclinic "$@"
