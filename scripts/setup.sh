#!/usr/bin/env bash
# First-time host setup for the Docker deployment (docs/deployment.md):
#   - checks Docker and the Compose v2 plugin,
#   - creates .env from .env.example (mode 600) unless it exists,
#   - generates WEBHOOK_SECRET and WPPCONNECT_SECRET_KEY where they are empty,
#   - creates secrets/ for an optional Firestore key file, readable by the container user.
# Safe to run again: it never overwrites a value that is set.
#
#   scripts/setup.sh
set -euo pipefail

cd "$(dirname "$0")/.."

# The uid/gid the image runs as (docker/Dockerfile).
readonly CONTAINER_UID=10001

fail() {
  echo "setup: $*" >&2
  exit 1
}

if ! command -v docker >/dev/null 2>&1; then
  fail "docker is not installed: https://docs.docker.com/engine/install/ (or use the systemd unit, docs/deployment.md)"
fi
if ! docker compose version >/dev/null 2>&1; then
  fail "the Docker Compose v2 plugin is missing ('docker compose'); install docker-compose-plugin"
fi
if ! docker info >/dev/null 2>&1; then
  fail "cannot talk to the Docker engine: is it running, and may this user use it (sudo, or the docker group)?"
fi
echo "setup: $(docker --version); $(docker compose version)"

# 24 random bytes as 48 hex characters: URL-safe, no quoting needed anywhere.
random_hex() {
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -hex 24
  else
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'
  fi
}

# Sets NAME in .env when its line is missing or has an empty value; leaves a set value alone.
fill_if_empty() {
  local name=$1 value=$2
  if grep -Eq "^${name}=.+" .env; then
    echo "setup: ${name} already set, kept"
  elif grep -Eq "^${name}=\$" .env; then
    sed -i "s|^${name}=\$|${name}=${value}|" .env
    echo "setup: ${name} generated"
  else
    printf '%s=%s\n' "$name" "$value" >>.env
    echo "setup: ${name} generated"
  fi
}

if [[ -e .env ]]; then
  echo "setup: .env exists, kept"
else
  (umask 077 && cp .env.example .env)
  echo "setup: .env created from .env.example"
fi
chmod 600 .env

fill_if_empty WEBHOOK_SECRET "$(random_hex)"
fill_if_empty WPPCONNECT_SECRET_KEY "$(random_hex)"

mkdir -p secrets
chmod 700 secrets
if [[ $(id -u) -eq 0 ]]; then
  chown "${CONTAINER_UID}:${CONTAINER_UID}" secrets
else
  echo "setup: run 'sudo chown ${CONTAINER_UID}:${CONTAINER_UID} secrets' so the container can read a key file there"
fi

cat <<'NEXT'

Next:
  1. Edit .env: the Firestore credentials (FIREBASE_PROJECT_ID, FIREBASE_CLIENT_EMAIL,
     FIREBASE_PRIVATE_KEY, or a key file in secrets/ with GOOGLE_APPLICATION_CREDENTIALS),
     and ALERT_WEBHOOK_URL if you want alerts.
  2. scripts/deploy.sh
  3. Link WhatsApp: docker compose --env-file .env -f docker/docker-compose.yml logs -f wppconnect-server
     shows the QR code when the daemon starts the session; scan it in WhatsApp > Linked devices.
NEXT
