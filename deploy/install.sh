#!/usr/bin/env bash
# Installs, from Debian's packages, everything Relance needs on a fresh Debian 12 machine:
# the services (PostgreSQL, RabbitMQ), the C libraries the build links (librabbitmq, libpq,
# libharu, libcurl), the font letters embed (DejaVu Sans: accents and €) and the tools the
# tests use (an SMTP sink, pdftotext, a headless chromium for the dashboard's browser test).
# Safe to run twice: it installs only what is missing. Run as root.
set -euo pipefail

packages=(
  postgresql
  rabbitmq-server
  librabbitmq-dev
  libpq-dev
  libhpdf-dev
  fonts-dejavu-core
  libcurl4-openssl-dev
  python3-aiosmtpd
  poppler-utils
  chromium
  pkg-config
  ca-certificates
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install: all packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install: missing packages (${missing[*]}); run as root" >&2
  exit 1
fi

echo "install: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Without an init system the packages' post-install start is refused; that is expected,
# services-up.sh starts them itself. policy-rc.d tells invoke-rc.d not to try.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
