#!/bin/sh
# Regenerates the certificates of `pic-preflight demo` (its probe part). Run it from anywhere:
#   sh examples/demo-certs/make-demo-certs.sh
# The PEM files are committed: the demo never needs openssl. Needs OpenSSL >= 1.1.1 (3.x tested).
#
# DEMO ONLY. A throwaway "pic-preflight demo CA" (its key is deleted at the end, so it can issue
# nothing more) and one leaf per demo Edge. The leaves' private keys are published on purpose: they
# let the demo's TLS listeners on 127.0.0.x answer, and they protect nothing. Never install any of
# these files on a real server, and never trust demo-ca.pem outside the demo.
#
#   harbourline-edge   the correct Edge: CN and SAN sip.harbourline-freight.com exactly, serverAuth +
#                      clientAuth (the demo listener also asks for a client certificate, like an Edge)
#   oakridge-edge      a mistaken Edge: issued for the CNAME's canonical name edge01.oakridge-partners.net
#                      plus only a wildcard SAN *.oakridge-partners.net (so sip.oakridge-partners.net
#                      is missing: tls.name_mismatch), and serverAuth only (tls.missing_client_auth)
#
# Keys are EC P-256. Every certificate is valid from 2025-01-01 to 2125-01-01.
set -eu

cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

START=20250101000000Z
END=21250101000000Z
LABEL='DEMO ONLY: a published throwaway key of pic-preflight demo (examples/demo-certs). It protects nothing.'

key() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/key.pem" 2>/dev/null
  # Text before the BEGIN line is ignored by OpenSSL and Node: it labels the file for people.
  { echo "$LABEL"; cat "$work/key.pem"; } >"$1"
}

mkdir -p "$work/ca"
: >"$work/ca/index.txt"
echo 1000 >"$work/ca/serial"
cat >"$work/ca.cnf" <<CNF
[ ca ]
default_ca = local
[ local ]
dir = $work/ca
database = \$dir/index.txt
new_certs_dir = \$dir
serial = \$dir/serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = no
[ anything ]
commonName = optional
organizationName = optional
CNF

cat >"$work/ext.cnf" <<'CNF'
[ root ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ harbourline ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:sip.harbourline-freight.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ oakridge ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:edge01.oakridge-partners.net, DNS:*.oakridge-partners.net
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF

# The CA, self-signed through `openssl ca -selfsign` so that its dates are fixed too.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/ca.key" 2>/dev/null
openssl req -new -key "$work/ca.key" -subj "/O=pic-preflight demo (DEMO ONLY)/CN=pic-preflight demo CA" \
  -out "$work/ca.csr"
openssl ca -batch -notext -selfsign -config "$work/ca.cnf" -keyfile "$work/ca.key" -extfile "$work/ext.cnf" \
  -extensions root -startdate $START -enddate $END -in "$work/ca.csr" -out demo-ca.pem 2>/dev/null

# leaf NAME SECTION CN: NAME.key and NAME.pem, issued by the demo CA.
leaf() {
  key "$1.key"
  openssl req -new -key "$1.key" -subj "/O=pic-preflight demo (DEMO ONLY)/CN=$3" -out "$work/$1.csr"
  openssl ca -batch -notext -config "$work/ca.cnf" -cert demo-ca.pem -keyfile "$work/ca.key" \
    -extfile "$work/ext.cnf" -extensions "$2" -startdate $START -enddate $END \
    -in "$work/$1.csr" -out "$1.pem" 2>/dev/null
}

leaf harbourline-edge harbourline sip.harbourline-freight.com
leaf oakridge-edge oakridge edge01.oakridge-partners.net

echo "demo certificates written to $(pwd)"
